package register

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The register at a laptop and a projector size, in both languages: the table with a row's
// detail, a new row, the delete question and the import dialog show every text whole.
func TestFitsLaptop(t *testing.T) {
	csv, err := os.ReadFile(filepath.Join("..", "..", "app", "registerimport", "testdata", "register-excel-sv.csv"))
	if err != nil {
		t.Fatal(err)
	}
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		test.NewTempApp(t)
		s, _ := demoStore(t)
		v, win := open(t, s, boardID(t, s), lang)
		win.Resize(size)
		// The import button's own text ends in "…" (it opens a dialog): allowed whole,
		// so a cut form of it is still reported.
		opts := fit.Options{Allow: []string{v.loc.T("register.import.button")}}
		check := func(step string) {
			t.Helper()
			if ps := fit.Check(win.Canvas().Content(), opts); len(ps) > 0 {
				t.Errorf("%s:\n%s", step, fit.Report(ps, 20))
			}
			for _, o := range win.Canvas().Overlays().List() {
				if ps := fit.Check(o, opts); len(ps) > 0 {
					t.Errorf("%s, dialog:\n%s", step, fit.Report(ps, 20))
				}
			}
		}
		check("table")
		v.Focus(byName(t, v, "Skolplattform").ID)
		check("detail")
		v.NewRow()
		check("new row")
		v.onDelete()
		check("delete question")
		v.confirm.Dismiss()
		v.env.OpenFile = func(done func(string, []byte)) { done("register.csv", csv) }
		test.Tap(v.importBtn)
		if v.importDlg == nil {
			t.Fatal("no import dialog")
		}
		check("import")
	})
}
