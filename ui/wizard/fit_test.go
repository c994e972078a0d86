package wizard

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// At the laptop (1366×728) and projector (1280×720) sizes, in Swedish and English, no step of
// the wizard (a draft plan, and a signed one with its banner and buttons), and none of its
// dialogs (new plan, decision, follow-up record, delete), cuts a text or a field.
func TestWizardFitsLaptop(t *testing.T) {
	s, _ := demoStore(t)
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		loc := i18n.New(lang)
		for _, size := range fit.Sizes {
			name := fmt.Sprintf("%s/%vx%v", lang, size.Width, size.Height)
			t.Run(name, func(t *testing.T) {
				for _, year := range []int{2027, 2026} {
					d := planFor(t, s, demoBoard, year)
					win := test.NewWindow(nil)
					defer win.Close()
					w, err := New(win, s, loc, d.Plan.ID, Options{OnExport: func(int64) {}, OnPresent: func(int64) {}, OnSystem: func(int64) {}})
					if err != nil {
						t.Fatal(err)
					}
					win.SetContent(w.Build())
					win.Resize(size)
					for st := range stepCount {
						w.GoTo(st)
						check(t, fmt.Sprintf("%d step %d", year, st+1), win.Content(), w.fitAllow())
						// Every tab of the follow-up (activities, annual goals, trainings).
						if fv, ok := w.view.(*followUpView); ok && fv.tabs != nil {
							for i := range fv.tabs.Items {
								fv.tabs.SelectIndex(i)
								check(t, fmt.Sprintf("%d step %d tab %d", year, st+1, i), win.Content(), w.fitAllow())
							}
							fv.tabs.SelectIndex(0)
						}
						// Every row in the form: the longest title must show whole too.
						if rs, ok := w.view.(rowsForFit); ok {
							for i := range rs.rowsForFit() {
								rs.showForFit(i)
								check(t, fmt.Sprintf("%d step %d row %d", year, st+1, i), win.Content(), w.fitAllow())
							}
						}
					}
					if year == 2027 {
						w.GoTo(StepActivities)
						w.view.(*activitiesView).onDelete()
						if w.confirm == nil {
							t.Fatal("delete did not ask")
						}
						checkDialog(t, "delete", win)
						w.confirm.Dismiss()
						continue
					}
					w.ShowDecision()
					checkDialog(t, "decision", win)
					w.decision.dlg.Hide()
					w.ShowRecord(false)
					checkDialog(t, "record", win)
					w.record.dlg.Hide()
				}
				win := test.NewWindow(nil)
				defer win.Close()
				win.Resize(size)
				if _, err := ShowNewPlan(win, s, loc, board(t, s, demoBoard), day(2027, 10, 1), func(int64) {}); err != nil {
					t.Fatal(err)
				}
				checkDialog(t, "new plan", win)
			})
		}
	}
}

type rowsForFit interface {
	rowsForFit() int
	showForFit(i int)
}

func (s *rowStep[T]) rowsForFit() int  { return len(s.items()) }
func (s *rowStep[T]) showForFit(i int) { s.table.Choose(i) }

// fitAllow are the texts the wizard cuts on purpose and shows whole elsewhere: an annual goal
// in the activity's drop-down is written out in full under it.
func (w *Wizard) fitAllow() fit.Options {
	var o fit.Options
	for i, g := range w.d.AnnualGoals {
		label := fmt.Sprintf("%d. %s", i+1, g.Text)
		o.Allow = append(o.Allow, string([]rune(label)[:min(12, len([]rune(label)))]))
	}
	return o
}

func check(t *testing.T, what string, root fyne.CanvasObject, o fit.Options) {
	t.Helper()
	fit.Assert(t, what, root, o)
}

// checkDialog checks the dialog on top of the window.
func checkDialog(t *testing.T, what string, win fyne.Window) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: no dialog shown", what)
	}
	check(t, what, top, fit.Options{})
}
