package wizard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// planView is step 1: who owns the plan, when the board decides it and, once it has, the
// decision as the kommun registers it.
type planView struct {
	w   *Wizard
	ref rowRef
	f   *form

	responsible *widgets.TextEntry
	contact     *widgets.TextEntry
	decision    *widgets.DateEntry
	dnr         *widgets.TextEntry
	decided     *widget.Label
	register    *widget.Button
}

func (v *planView) build() fyne.CanvasObject {
	w, loc, p := v.w, v.w.loc, v.w.d.Plan
	v.ref = rowRef{entity: "plan", id: p.ID}
	v.f = newForm()
	v.f.add(loc.T("wizard.plan.board"), "", widget.NewLabel(p.Board))
	v.f.add(loc.T("wizard.plan.year"), "year", widget.NewLabel(strconv.Itoa(p.Year)))

	v.responsible = w.paragraphField(&v.ref, domain.FieldPlanResponsible)
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

	// The diarienummer is known once the matter is opened, before the meeting.
	v.dnr = w.textField(&v.ref, domain.FieldPlanDecisionDnr, false)
	v.dnr.SetPlaceHolder(loc.T("wizard.plan.dnr_hint"))
	widgets.SetText(&v.dnr.Entry, p.Decision.Dnr)
	v.f.add(loc.T("wizard.plan.dnr"), "decision_dnr", v.dnr)
	v.f.setEnabled(w.canEdit(StepPlan))

	// The decision itself is registered after the meeting, which signs a new version.
	v.decided = widgets.Wrapped("")
	v.register = widget.NewButtonWithIcon(loc.T("wizard.decision.register"), theme.DocumentCreateIcon(), w.ShowDecision)
	v.f.add(loc.T("wizard.plan.decision"), "decided_on", container.NewVBox(v.decided, container.NewHBox(v.register)))
	v.validated()

	// What the policy asks of every yearly plan, next to the form: the wizard's steps follow it.
	asks := container.NewVBox()
	for _, k := range []string{"wizard.plan.ask.what", "wizard.plan.ask.when", "wizard.plan.ask.resources", "wizard.plan.ask.followup", "wizard.plan.ask.training"} {
		asks.Objects = append(asks.Objects, widgets.Wrapped("• "+loc.T(k)))
	}
	policy := section(loc.T("wizard.plan.policy_title"), loc.T("wizard.plan.policy_sub"), asks)
	return vscroll(container.NewBorder(nil, nil, nil, container.New(minWidth{em: 24}, policy), container.NewVBox(v.f.grid)))
}

func (v *planView) validated() {
	w := v.w
	v.f.showProblems(w, "plan", v.ref.id)
	p := w.d.Plan
	text := w.loc.T("wizard.plan.not_decided")
	if p.Decision.Made() {
		text = p.DecisionLine(w.loc)
		if b := p.Decision.Body; b != "" {
			text += " · " + b
		}
	}
	if !p.Decision.Made() && p.Status != domain.PlanSigned && p.Status != domain.PlanClosed {
		text += " " + w.loc.T("wizard.plan.sign_first")
	}
	widgets.SetLabel(v.decided, text)
	if w.canDecide() {
		v.register.Enable()
	} else {
		v.register.Disable()
	}
}

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
	case "decision_dnr":
		target = v.dnr
	case "decided_on", "decision_paragraph", "decision_body":
		target = v.register
	default:
		return false
	}
	v.w.focusWidget(target)
	return true
}

func (v *planView) newRow() {}
