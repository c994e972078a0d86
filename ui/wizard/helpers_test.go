package wizard

import (
	"path/filepath"
	"strings"
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

// demoBoard is the demo board the tests write plans for.
const demoBoard = "Barn- och utbildningsnämnden"

// openStore opens a fresh database in the test's temp dir with the default profile.
func openStore(t testing.TB, path string) *data.Store {
	t.Helper()
	s, err := data.Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	return s
}

// demoStore is a fresh database with the demo kommun for 2026 (plans 2025 closed, 2026 signed,
// 2027 draft for every board). The store is closed when the test ends.
func demoStore(t testing.TB) (*data.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hp.db")
	s := openStore(t, path)
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func board(t testing.TB, s *data.Store, name string) domain.Board {
	t.Helper()
	b, err := s.BoardByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func planFor(t testing.TB, s *data.Store, name string, year int) domain.PlanData {
	t.Helper()
	p, err := s.PlanFor(board(t, s, name).ID, year)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.PlanData(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// open builds the wizard for plan id in a 1280×800 test window, as the shell does.
func open(t testing.TB, s *data.Store, id int64) (*Wizard, fyne.Window) {
	t.Helper()
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	w, err := New(win, s, i18n.New(i18n.Swedish), id, Options{})
	if err != nil {
		t.Fatal(err)
	}
	win.SetContent(w.Build())
	win.Resize(fyne.NewSize(1280, 800))
	return w, win
}

// typable is a text, number or suggest input.
type typable interface {
	fyne.Focusable
	SetText(string)
}

// typeInto replaces an input's text the way a user does: select all, type.
func typeInto(e typable, text string) {
	e.SetText("")
	test.Type(e, text)
}

// typedDate is d as the date field expects it typed (the format follows the OS region).
func typedDate(d time.Time) string {
	e := widget.NewDateEntry()
	e.SetDate(&d)
	return e.Text
}

// tapCheck taps a check box in its middle (a tap in a tall row's corner misses the box).
func tapCheck(c *widgets.Tick) {
	test.TapAt(c, fyne.NewPos(c.MinSize().Width/2, c.Size().Height/2))
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

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

// stored reads the plan back from the database.
func stored(t testing.TB, s *data.Store, id int64) domain.PlanData {
	t.Helper()
	d, err := s.PlanData(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func activity(d domain.PlanData, id int64) (domain.Activity, bool) {
	for _, a := range d.Activities {
		if a.ID == id {
			return a, true
		}
	}
	return domain.Activity{}, false
}

// errorShown is the text under a field of a form ("" when hidden).
func errorShown(f *form, field string) string {
	l := f.errs[field]
	if l == nil || !l.Visible() {
		return ""
	}
	return l.Text
}

func hasKey(ps []located, entity string, id int64, key string) bool {
	for _, p := range ps {
		if p.Entity == entity && p.EntityID == id && p.Key == key {
			return true
		}
	}
	return false
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// problemsOf are the wizard's problems of row entity/id.
func (w *Wizard) problemsOf(entity string, id int64) []located {
	var out []located
	for _, p := range w.problems {
		if p.Entity == entity && p.EntityID == id {
			out = append(out, p)
		}
	}
	return out
}
