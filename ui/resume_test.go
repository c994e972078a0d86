package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/demo"
	"handlingsplan/ui/widgets"
	"handlingsplan/ui/wizard"
)

// The wizard's undo history survives a visit to the register: edit, open the register from
// the wizard, come back, Ctrl+Z undoes the edit.
func TestUndoSurvivesRegisterVisit(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	b, err := s.BoardByName("Barn- och utbildningsnämnden")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PlanFor(b.ID, 2027)
	if err != nil {
		t.Fatal(err)
	}
	sh := NewApp(test.NewTempApp(t), s, Options{SaveDelay: -1, PresentTick: -1, DemoYear: 2026, Now: func() time.Time { return autumn }})
	sh.win.Resize(fyne.NewSize(1366, 728))
	sh.OpenPlan(p.ID)
	sh.wiz.GoTo(wizard.StepPlan)
	before := sh.wiz.Data().Plan.Responsible
	e := textEntryWith(sh.win.Content(), before)
	if e == nil {
		t.Fatalf("no field holds the responsible %q", before)
	}
	e.SetText("")
	test.Type(e, "Ny ansvarig")
	if err := sh.wiz.Flush(); err != nil {
		t.Fatal(err)
	}
	wiz := sh.wiz

	sh.OnSystem(0) // the review's register link
	if sh.view == nil || sh.wiz != nil {
		t.Fatal("the register is not shown")
	}
	test.Tap(findButton(t, sh, "Tillbaka"))
	if sh.wiz == nil {
		t.Fatal("back from the register does not show the wizard")
	}
	if sh.wiz != wiz {
		t.Error("back from the register makes a new wizard (a new, empty history)")
	}
	if got := sh.wiz.Data().Plan.Responsible; got != "Ny ansvarig" {
		t.Fatalf("responsible after the visit %q", got)
	}
	sh.wiz.HandleShortcut(&fyne.ShortcutUndo{})
	got, err := s.PlanData(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Plan.Responsible != before {
		t.Errorf("Ctrl+Z after the visit leaves %q, want %q", got.Plan.Responsible, before)
	}
	// Through the start screen a plan opens with a new history.
	sh.ShowStart()
	sh.OpenPlan(p.ID)
	if sh.wiz == wiz {
		t.Error("the start screen keeps the parked wizard")
	}
}

// textEntryWith is the first text input under o holding text.
func textEntryWith(o fyne.CanvasObject, text string) *widgets.TextEntry {
	var found *widgets.TextEntry
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if e, ok := o.(*widgets.TextEntry); ok && e.Text == text {
			found = e
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}
