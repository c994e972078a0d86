package fynelang

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/i18n"
)

// texts collects every text drawn under obj.
func texts(obj fyne.CanvasObject, out *[]string) {
	if obj == nil || !obj.Visible() {
		return
	}
	switch t := obj.(type) {
	case *canvas.Text:
		*out = append(*out, t.Text)
	case *fyne.Container:
		for _, o := range t.Objects {
			texts(o, out)
		}
	case fyne.Widget:
		for _, o := range test.WidgetRenderer(t).Objects() {
			texts(o, out)
		}
	}
}

func TestFileDialogSpeaksTheChosenLanguage(t *testing.T) {
	cases := []struct {
		lang    i18n.Lang
		folder  bool
		want    []string
		notWant []string
	}{
		{i18n.Swedish, true, []string{"Öppna mapp", "Hem", "Dator", "Avbryt"}, []string{"Home", "Computer", "Öppna Mapp"}},
		{i18n.Swedish, false, []string{"Öppna fil", "Hem", "Dator"}, []string{"Home", "Computer"}},
		{i18n.English, true, []string{"Open Folder", "Home", "Computer", "Cancel"}, []string{"Hem", "Dator"}},
	}
	for _, c := range cases {
		a := test.NewApp()
		Apply(c.lang)
		w := a.NewWindow("t")
		w.Resize(fyne.NewSize(1366, 728))
		var d *dialog.FileDialog
		if c.folder {
			d = dialog.NewFolderOpen(func(fyne.ListableURI, error) {}, w)
		} else {
			d = dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w)
		}
		ShowFileDialog(d, w)
		top := w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%v: no dialog shown", c.lang)
		}
		var got []string
		texts(top, &got)
		all := "\n" + strings.Join(got, "\n") + "\n"
		for _, s := range c.want {
			if !strings.Contains(all, "\n"+s+"\n") {
				t.Errorf("%v folder=%v: %q not shown; texts: %q", c.lang, c.folder, s, got)
			}
		}
		for _, s := range c.notWant {
			if strings.Contains(all, "\n"+s+"\n") {
				t.Errorf("%v folder=%v: %q shown", c.lang, c.folder, s)
			}
		}
		// Most of the window, not Fyne's small default.
		if sz := top.(*widget.PopUp).Content.Size(); sz.Width < 1000 || sz.Height < 550 {
			t.Errorf("%v: dialog content %v, want most of 1366×728", c.lang, sz)
		}
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if w.Canvas().Overlays().Top() != nil {
			t.Errorf("%v: Escape did not close the file dialog", c.lang)
		}
		w.Close()
		a.Quit()
	}
}

func TestFileDialogSize(t *testing.T) {
	cases := []struct{ win, want fyne.Size }{
		{fyne.NewSize(1366, 728), fyne.NewSize(1366*0.9, 728*0.9)},
		{fyne.NewSize(500, 300), fyne.NewSize(500, 300)},
	}
	for _, c := range cases {
		if got := FileDialogSize(c.win); got != c.want {
			t.Errorf("FileDialogSize(%v) = %v, want %v", c.win, got, c.want)
		}
	}
}
