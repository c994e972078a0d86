package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/ui/fit"
)

func TestWindowSize(t *testing.T) {
	for _, tc := range []struct {
		name       string
		remembered fyne.Size
		want       fyne.Size
	}{
		{"nothing remembered", fyne.NewSize(0, 0), defaultWindow},
		{"too small to be real", fyne.NewSize(300, 200), defaultWindow},
		{"one side too small", fyne.NewSize(1200, 100), defaultWindow},
		{"remembered larger", fyne.NewSize(1900, 1000), fyne.NewSize(1900, 1000)},
		{"remembered smaller", fyne.NewSize(1000, 640), fyne.NewSize(1000, 640)},
		{"beyond any screen", fyne.NewSize(9000, 5000), maxWindow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := windowSize(tc.remembered); got != tc.want {
				t.Errorf("windowSize(%v) = %v, want %v", tc.remembered, got, tc.want)
			}
		})
	}
	// The default must fit every laptop size the views are checked at, with a title bar.
	for _, s := range fit.Sizes {
		if defaultWindow.Width > s.Width || defaultWindow.Height+30 > s.Height {
			t.Errorf("default %v does not fit %v", defaultWindow, s)
		}
	}
}

// The size the window had when closed is the size it opens at next time.
func TestWindowSizeRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	sh := New(a, s, Options{SaveDelay: -1})
	if got := sh.win.Canvas().Size(); got != defaultWindow {
		t.Errorf("first start at %v, want %v", got, defaultWindow)
	}
	sh.win.Resize(fyne.NewSize(1500, 900))
	sh.onCloseWindow()
	sh2 := New(a, s, Options{SaveDelay: -1})
	if got := sh2.win.Canvas().Size(); got.Width < 1499 || got.Height < 899 {
		t.Errorf("reopened at %v, want 1500×900", got)
	}
}
