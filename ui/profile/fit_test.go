package profile

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The profile editor (every tab), the settings panel and its import and passphrase dialogs at
// a laptop and a projector size, in both languages, show every text whole.
func TestFitsLaptop(t *testing.T) {
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		test.NewTempApp(t)
		s := newStore(t)
		win := test.NewTempWindow(t, nil)
		var e *Editor
		check := func(step string) {
			t.Helper()
			// A goal's choice is cut to a line on purpose; its whole text is under it.
			opts := fit.Options{Allow: fit.WholeButtons(win)}
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
