package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// outcomesView is the annual goals of last year's plan in the follow-up step: for each, the
// outcome (uppnått, delvis, ej uppnått), the value measured, the traffic light and a comment.
// A plan has a few annual goals, so they stand one under the other rather than in a table.
type outcomesView struct {
	w    *Wizard
	rows []*outcomeRow
}

type outcomeRow struct {
	ref      rowRef
	f        *form
	outcome  *widgets.Choice
	light    *widgets.Choice
	measured *widgets.TextEntry
	comment  *widgets.TextEntry
}

func newOutcomesView(w *Wizard, prev *domain.PlanData) *outcomesView {
	v := &outcomesView{w: w}
	loc := w.loc
	outcomeLabels := []string{loc.T("outcome.")}
	for _, o := range domain.Outcomes {
		outcomeLabels = append(outcomeLabels, loc.T("outcome."+string(o)))
	}
	lightLabels := []string{loc.T("light.")}
	for _, l := range domain.Lights {
		lightLabels = append(lightLabels, loc.T("light."+string(l)))
	}
	for _, g := range prev.AnnualGoals {
		r := &outcomeRow{ref: rowRef{entity: "annual_goal", id: g.ID, prev: true}, f: newForm()}
		r.outcome = w.choiceField(&r.ref, domain.FieldAnnualGoalOutcome, outcomeLabels, outcomeValues())
		widgets.SetSelected(&r.outcome.Select, indexOf(outcomeValues(), string(g.Outcome)))
		r.measured = w.paragraphField(&r.ref, domain.FieldAnnualGoalMeasured)
		r.measured.SetPlaceHolder(loc.T("wizard.record.measured_hint"))
		widgets.SetText(&r.measured.Entry, g.Measured)
		r.light = w.choiceField(&r.ref, domain.FieldAnnualGoalLight, lightLabels, lightValues())
		widgets.SetSelected(&r.light.Select, indexOf(lightValues(), string(g.Light)))
		r.comment = w.paragraphField(&r.ref, domain.FieldAnnualGoalFollowUpComment)
		r.comment.SetPlaceHolder(loc.T("wizard.followup.comment_hint"))
		widgets.SetText(&r.comment.Entry, g.FollowUpComment)
		// Outcome, measured value and light on one line: a plan has several annual goals.
		r.f.add(loc.T("wizard.followup.outcome_line"), "outcome", container.NewGridWithColumns(3, r.outcome, r.measured, r.light),
			r.outcome, r.measured, r.light)
		r.f.add(loc.T("wizard.followup.comment"), "follow_up_comment", r.comment)
		r.f.setEnabled(w.canEdit(StepFollowUp))
		v.rows = append(v.rows, r)
	}
	return v
}

func (v *outcomesView) build() fyne.CanvasObject {
	w := v.w
	box := container.NewVBox()
	for i, g := range w.d.Previous.AnnualGoals {
		measure := w.loc.Tf("wizard.followup.measure", "Indicator", g.Indicator, "Target", targetText(w.loc, g))
		box.Objects = append(box.Objects, followUpItem(titleOr(w.loc, g.Text), measure, v.rows[i].f.grid)...)
	}
	return vscroll(container.NewPadded(box))
}

// validated shows each goal's problems (an outcome missing) and its current light.
func (v *outcomesView) validated() {
	for _, r := range v.rows {
		r.f.showProblems(v.w, "annual_goal", r.ref.id)
	}
}

func (v *outcomesView) focus(id int64, field string) bool {
	for _, r := range v.rows {
		if r.ref.id != id {
			continue
		}
		var target fyne.Focusable = r.outcome
		switch field {
		case "measured":
			target = r.measured
		case "light":
			target = r.light
		case "follow_up_comment":
			target = r.comment
		}
		v.w.focusWidget(target)
		return true
	}
	return false
}

// followUpItem is one item of last year's plan in a follow-up tab: its title, what was planned
// or measured in small type, the inputs of the follow-up, a line under them.
func followUpItem(title, caption string, inputs fyne.CanvasObject) []fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	c := widgets.Wrapped(caption)
	c.SizeName = theme.SizeNameCaptionText
	return []fyne.CanvasObject{t, c, inputs, widget.NewSeparator()}
}
