package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/demo"
	"handlingsplan/app/settings"
	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// At the laptop and projector sizes, in Swedish and English: the start screen (empty and with
// the demo kommun), the settings, the about dialog and the backup's dialogs cut no text.
func TestShellFitsLaptop(t *testing.T) {
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		dir := t.TempDir()
		s := openStore(t, filepath.Join(dir, "hp.db"))
		defer s.Close()
		if err := s.SetSetting(settings.Lang, string(lang)); err != nil {
			t.Fatal(err)
		}
		sh := NewApp(test.NewTempApp(t), s, Options{SaveDelay: -1, PresentTick: -1, DemoYear: 2026,
			Now: func() time.Time { return autumn }, Config: Config{ConfigDir: filepath.Join(dir, "config"), AppVersion: "test"}})
		sh.win.Resize(size)
		check(t, "empty start", sh.win.Content())
		if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
			t.Fatal(err)
		}
		sh.ShowStart()
		check(t, "start", sh.win.Content())

		v := newSettingsView(sh)
		sh.Show(v)
		check(t, "settings", sh.win.Content())
		sh.showAbout()
		checkTop(t, "about", sh.win)
		closeOverlays(sh.win)

		v.backup.onSave()
		checkTop(t, "backup", sh.win)
		closeOverlays(sh.win)
		file := filepath.Join(dir, "säkerhetskopia.db")
		v.backup.saveTo(file)
		closeOverlays(sh.win)
		v.backup.confirmRestore(file)
		checkTop(t, "restore question", sh.win)
		v.backup.confirm.Dismiss()
	})
}

// wholeLabels are button texts that end in "…" because the button opens a dialog (the usual
// sign): they are whole, not cut. Only the whole text is allowed, a cut one is shorter.
var wholeLabels = []string{"backup.choose_folder", "backup.restore", "backup.save", "profile.ui.import"}

func check(t *testing.T, what string, root fyne.CanvasObject) {
	t.Helper()
	var o fit.Options
	for _, l := range []i18n.Lang{i18n.Swedish, i18n.English} {
		for _, k := range wholeLabels {
			o.Allow = append(o.Allow, i18n.New(l).T(k))
		}
	}
	fit.Assert(t, what, root, o)
}

func checkTop(t *testing.T, what string, w fyne.Window) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: no dialog", what)
	}
	check(t, what, top)
}

func closeOverlays(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}
