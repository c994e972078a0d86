package wizard

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Last year's trainings get their actual participants in the follow-up step, stored like the
// other follow-up figures, and undone like them.
func TestFollowUpActualParticipants(t *testing.T) {
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepFollowUp)
	v := w.view.(*followUpView)
	if v.trainings == nil || len(v.trainings.rows) == 0 {
		t.Fatal("the follow-up step has no trainings tab")
	}
	prevID := w.d.Previous.Plan.ID
	r := v.trainings.rows[0]
	before := stored(t, s, prevID).Trainings[0].ActualParticipants
	typeInto(r.actual, "137")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, s, prevID).Trainings[0].ActualParticipants; got != 137 {
		t.Fatalf("stored actual participants %d, want 137", got)
	}
	typeInto(r.actual, "många")
	w.Flush()
	if !v.trainings.rows[0].f.errs["actual_participants"].Visible() {
		t.Error("a text that is no number shows no error")
	}
	typeInto(r.actual, "137")
	w.Flush()
	w.HandleShortcut(&fyne.ShortcutUndo{})
	w.HandleShortcut(&fyne.ShortcutUndo{})
	w.HandleShortcut(&fyne.ShortcutUndo{})
	if got := stored(t, s, prevID).Trainings[0].ActualParticipants; got != before {
		t.Errorf("after undo %d, want %d", got, before)
	}
}
