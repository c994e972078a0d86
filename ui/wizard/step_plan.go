package wizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// planView is step 1: who owns the plan and when the board decides it.
type planView struct {
	w   *Wizard
	ref rowRef
	f   *form

	responsible *widgets.TextEntry
	contact     *widgets.TextEntry
	decision    *widgets.DateEntry
	paragraph   *widgets.TextEntry
}

func (v *planView) build() fyne.CanvasObject {
	w, loc, p := v.w, v.w.loc, v.w.d.Plan
	v.ref = rowRef{entity: "plan", id: p.ID}
	v.f = newForm()
	v.f.add(loc.T("wizard.plan.board"), "", widget.NewLabel(p.Board))
	v.f.add(loc.T("wizard.plan.year"), "year", widget.NewLabel(strconv.Itoa(p.Year)))

	v.responsible = w.textField(&v.ref, domain.FieldPlanResponsible, false)
	v.responsible.SetPlaceHolder(loc.T("wizard.plan.responsible_hint"))
	widgets.SetText(&v.responsible.Entry, p.Responsible)
	v.f.add(loc.T("wizard.plan.responsible"), "responsible", v.responsible)

	v.contact = w.textField(&v.ref, domain.FieldPlanContact, false)
	v.contact.SetPlaceHolder(loc.T("wizard.plan.contact_hint"))
	widgets.SetText(&v.contact.Entry, p.Contact)
	v.f.add(loc.T("wizard.plan.contact"), "contact", v.contact)

	v.decision = w.dateField(&v.ref, v.f, domain.FieldPlanDecisionDate)
	widgets.SetDate(&v.decision.DateEntry, p.DecisionDate)
	v.f.add(loc.T("wizard.plan.decision_date"), "decision_date", v.decision)

	v.paragraph = w.textField(&v.ref, domain.FieldPlanDecisionParagraph, false)
	v.paragraph.SetPlaceHolder(loc.T("wizard.plan.paragraph_hint"))
	widgets.SetText(&v.paragraph.Entry, p.DecisionParagraph)
	v.f.add(loc.T("wizard.plan.paragraph"), "decision_paragraph", v.paragraph)
	v.f.setEnabled(w.canEdit(StepPlan))
	v.validated()

	// What the policy asks of every yearly plan, next to the form: the wizard's steps follow it.
	asks := container.NewVBox()
	for _, k := range []string{"wizard.plan.ask.what", "wizard.plan.ask.when", "wizard.plan.ask.resources", "wizard.plan.ask.followup", "wizard.plan.ask.training"} {
		asks.Objects = append(asks.Objects, widgets.Wrapped("• "+loc.T(k)))
	}
	policy := section(loc.T("wizard.plan.policy_title"), loc.T("wizard.plan.policy_sub"), asks)
	return container.NewVScroll(container.NewBorder(nil, nil, nil, container.New(minWidth{em: 24}, policy), container.NewVBox(v.f.grid)))
}

func (v *planView) validated() { v.f.showProblems(v.w, "plan", v.ref.id) }

func (v *planView) focus(entity string, _ int64, field string) bool {
	if entity != "plan" {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "responsible", "year":
		target = v.responsible
	case "contact":
		target = v.contact
	case "decision_date":
		target = v.decision
	case "decision_paragraph":
		target = v.paragraph
	default:
		return false
	}
	v.w.focusWidget(target)
	return true
}

func (v *planView) newRow() {}
