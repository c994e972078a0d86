//go:build !race

// Tests that paint the whole window in software: run by `make test` without the race detector
// (the painting is Fyne's, and -race makes it some ten times slower); what they build and tap
// is covered under -race by the other tests.

package register

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/i18n"
)

// The view in both languages at 1280×800; the images go to $HP_SHOTS when it names a folder.
func TestScreenshots(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		t.Run(string(lang), func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(theme.DefaultTheme())
			s, _ := demoStore(t)
			v, win := open(t, s, boardID(t, s), lang)
			dir := os.Getenv("HP_SHOTS")
			shot := func(name string) {
				img := win.Canvas().Capture()
				if b := img.Bounds(); b.Dx() < 1280 || b.Dy() < 800 {
					t.Fatalf("%s captured %v", name, b)
				}
				if dir == "" {
					return
				}
				f, err := os.Create(filepath.Join(dir, "register-"+name+"-"+string(lang)+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
			}
			// A system with a warning, so the form shows one.
			v.Focus(byName(t, v, "Skolplattform").ID)
			win.Canvas().Unfocus()
			for _, key := range []string{"register.col.owner", "register.section.class", "register.sensitive_check"} {
				if find(win.Content(), func(o fyne.CanvasObject) bool {
					if c, ok := o.(*widget.Check); ok {
						return c.Text == v.loc.T(key)
					}
					l, ok := o.(*widget.Label)
					return ok && l.Text == v.loc.T(key)
				}) == nil {
					t.Errorf("%q is not shown", v.loc.T(key))
				}
			}
			shot("view")
			v.NewRow()
			shot("new")
			v.onDelete()
			shot("delete")
			v.confirm.Dismiss()
		})
	}
}
