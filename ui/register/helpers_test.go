package register

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/demo"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// demoBoard is the demo board whose register the tests edit.
const demoBoard = "Barn- och utbildningsnämnden"

// demoStore is a fresh database in the test's temp dir with the default profile and the demo
// kommun for 2026; it is closed when the test ends.
// testNow is the register's today in tests: the autumn of the demo's year.
func testNow() time.Time { return time.Date(2026, 10, 15, 9, 0, 0, 0, time.UTC) }

func demoStore(t testing.TB) (*data.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hp.db")
	s, err := data.Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func boardID(t testing.TB, s *data.Store) int64 {
	t.Helper()
	b, err := s.BoardByName(demoBoard)
	if err != nil {
		t.Fatal(err)
	}
	return b.ID
}

// open builds the register of board in a 1280×800 test window, as the shell would; typing is
// saved only on focus loss, Enter, Ctrl+S and Flush (no timers in tests).
func open(t testing.TB, s *data.Store, board int64, lang i18n.Lang) (*View, fyne.Window) {
	t.Helper()
	win := test.NewTempWindow(t, nil)
	v := New(Env{Window: win, Store: s, Loc: i18n.New(lang), SaveDelay: -1, Now: testNow}, board)
	win.SetContent(v.Build())
	win.Resize(fyne.NewSize(1280, 800))
	return v, win
}

// stored reads system id from the database; ok is false when it is not there.
func stored(t testing.TB, s *data.Store, board, id int64) (domain.System, bool) {
	t.Helper()
	xs, err := s.Systems(board, 0)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(xs, func(x domain.System) bool { return x.ID == id })
	if i < 0 {
		return domain.System{}, false
	}
	return xs[i], true
}

func byName(t testing.TB, v *View, name string) domain.System {
	t.Helper()
	for _, x := range v.rows {
		if x.Name == name {
			return x
		}
	}
	t.Fatalf("no system %q in the register", name)
	return domain.System{}
}

// typeInto replaces an input's text the way a user does: select all, type.
func typeInto(e *widgets.TextEntry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// errorShown is the sentence under a field of the form ("" when hidden).
func errorShown(v *View, field string) string {
	l := v.form.f.errs[field]
	if l == nil || !l.Visible() {
		return ""
	}
	return l.Text
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// find walks an object tree (widgets through their renderers) for the first object ok accepts.
func find(o fyne.CanvasObject, ok func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	if ok(o) {
		return o
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if f := find(c, ok); f != nil {
				return f
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if f := find(c, ok); f != nil {
				return f
			}
		}
	}
	return nil
}

func button(o fyne.CanvasObject, text string) *widget.Button {
	b, _ := find(o, func(c fyne.CanvasObject) bool {
		b, ok := c.(*widget.Button)
		return ok && b.Text == text && b.Visible()
	}).(*widget.Button)
	return b
}

// shownRow is the text of the table's cells for system id, as drawn (nil when not shown).
func shownRow(v *View, id int64) []string {
	i := v.index(id)
	if i < 0 {
		return nil
	}
	var out []string
	for _, c := range v.columns() {
		out = append(out, c.Text(i))
	}
	return out
}
