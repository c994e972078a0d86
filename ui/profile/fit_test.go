package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The profile editor (every tab), the settings panel and its import and passphrase dialogs at
// a laptop and a projector size, in both languages, show every text whole.
func TestFitsLaptop(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		for _, size := range fit.Sizes {
			t.Run(fmt.Sprintf("%s-%vx%v", lang, size.Width, size.Height), func(t *testing.T) {
				test.NewTempApp(t)
				s := newStore(t)
				win := test.NewTempWindow(t, nil)
				var e *Editor
				check := func(step string) {
					t.Helper()
					// A goal's choice is cut to a line on purpose; its whole text is under it.
					opts := fit.Options{Allow: wholeButtons(win)}
					if e != nil {
						for _, g := range e.draft.Goals {
							opts.Allow = append(opts.Allow, e.goalLabel(g))
						}
					}
					if ps := fit.Check(win.Canvas().Content(), opts); len(ps) > 0 {
						t.Errorf("%s:\n%s", step, fit.Report(ps, 20))
					}
					for _, o := range win.Canvas().Overlays().List() {
						if ps := fit.Check(o, opts); len(ps) > 0 {
							t.Errorf("%s, dialog:\n%s", step, fit.Report(ps, 20))
						}
					}
				}
				e = NewEditor(EditorEnv{Window: win, Store: s, Loc: i18n.New(lang)})
				win.SetContent(e.Build())
				win.Resize(size)
				for i, item := range e.tabs.Items {
					e.tabs.SelectIndex(i)
					check("editor tab " + item.Text)
				}

				dir := t.TempDir()
				id, err := identity.New(identity.Subject{Name: "Åsa Öberg", Email: "a@example.se"}, now.Add(-time.Hour), 365*24*time.Hour)
				if err != nil {
					t.Fatal(err)
				}
				if err := identity.Save(identity.DefaultPath(dir), id, "Blåbär på ängen i höst"); err != nil {
					t.Fatal(err)
				}
				file, err := os.ReadFile(filepath.Join("..", "..", "app", "profile", "testdata", "profile-v1.hpprofile"))
				if err != nil {
					t.Fatal(err)
				}
				p := NewPanel(Env{Window: win, Store: s, Loc: i18n.New(lang), ConfigDir: dir, Coordinator: true, Now: func() time.Time { return now },
					OpenFile: func(done func(string, []byte)) { done("profil.hpprofile", file) }})
				win.SetContent(p.Object())
				win.Resize(size)
				check("panel")
				test.Tap(p.importBtn)
				check("import dialog")
				for _, o := range win.Canvas().Overlays().List() {
					win.Canvas().Overlays().Remove(o)
				}
				test.Tap(p.exportBtn)
				check("passphrase dialog")
			})
		}
	}
}

// wholeButtons are the texts of the buttons in w whose own text ends in "…" (they open a
// dialog): shown whole they are not cut; a cut form of them is still reported.
func wholeButtons(w fyne.Window) []string {
	var out []string
	roots := append([]fyne.CanvasObject{w.Canvas().Content()}, w.Canvas().Overlays().List()...)
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			if b, ok := o.(*widget.Button); ok && strings.HasSuffix(b.Text, "…") {
				out = append(out, b.Text)
			}
		}
	}
	return out
}
