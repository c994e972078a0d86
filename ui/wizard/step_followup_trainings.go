package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// trainingsFollowUp is the follow-up step's tab of last year's trainings: how many took part
// in each, beside how many were expected. It is stored like the other follow-up figures.
type trainingsFollowUp struct {
	w    *Wizard
	rows []*trainingRow
}

type trainingRow struct {
	ref    rowRef
	f      *form
	actual *widgets.NumberEntry
}

func newTrainingsFollowUp(w *Wizard, prev *domain.PlanData) *trainingsFollowUp {
	v := &trainingsFollowUp{w: w}
	for _, t := range prev.Trainings {
		r := &trainingRow{ref: rowRef{entity: "training", id: t.ID, prev: true}, f: newForm()}
		r.actual = w.numberField(&r.ref, domain.FieldTrainingActualParticipants)
		showNumber(r.actual, prev, "training", t.ID, "actual_participants", int64(t.ActualParticipants))
		r.f.add(w.loc.T("wizard.followup.actual_participants"), "actual_participants", container.New(minWidth{em: 8}, r.actual), r.actual)
		r.f.setEnabled(w.canEdit(StepFollowUp))
		v.rows = append(v.rows, r)
	}
	return v
}

func (v *trainingsFollowUp) build() fyne.CanvasObject {
	w := v.w
	box := container.NewVBox()
	for i, t := range w.d.Previous.Trainings {
		planned := w.loc.Tf("wizard.followup.training_planned", "Dates", datesText(w.loc, t.Dates),
			"Expected", w.loc.Number(int64(t.ExpectedParticipants)))
		box.Objects = append(box.Objects, followUpItem(titleOr(w.loc, t.Title), planned, v.rows[i].f.grid)...)
	}
	return vscroll(container.NewPadded(box))
}

// validated shows each training's problems (a number that is none, a negative one).
func (v *trainingsFollowUp) validated() {
	for _, r := range v.rows {
		r.f.showProblems(v.w, "training", r.ref.id)
	}
}

func (v *trainingsFollowUp) focus(id int64) bool {
	for _, r := range v.rows {
		if r.ref.id == id {
			v.w.focusWidget(r.actual)
			return true
		}
	}
	return false
}
