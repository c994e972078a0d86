package wizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// decisionForm is the four fields of one decision as the minutes have them.
type decisionForm struct {
	dnr, body, paragraph *widgets.TextEntry
	date                 *widgets.DateEntry
	box                  *fyne.Container
}

func (w *Wizard) newDecisionForm(d domain.Decision, body string) *decisionForm {
	loc := w.loc
	f := &decisionForm{
		dnr: widgets.NewTextEntry(w.keys(), false), body: widgets.NewTextEntry(w.keys(), false),
		paragraph: widgets.NewTextEntry(w.keys(), false), date: w.newDateEntry(),
	}
	f.dnr.SetPlaceHolder(loc.T("wizard.plan.dnr_hint"))
	f.paragraph.SetPlaceHolder(loc.T("wizard.decision.paragraph_hint"))
	if d.Body != "" {
		body = d.Body
	}
	widgets.SetText(&f.dnr.Entry, d.Dnr)
	widgets.SetText(&f.body.Entry, body)
	widgets.SetText(&f.paragraph.Entry, d.Paragraph)
	widgets.SetDate(&f.date.DateEntry, d.Date)
	grid := newForm()
	grid.add(loc.T("wizard.decision.dnr"), "", f.dnr)
	grid.add(loc.T("wizard.decision.date"), "", f.date)
	grid.add(loc.T("wizard.decision.body"), "", f.body)
	grid.add(loc.T("wizard.decision.paragraph"), "", f.paragraph)
	f.box = grid.grid
	return f
}

// value is the decision as typed; ok is false while the date is half typed.
func (f *decisionForm) value() (domain.Decision, bool) {
	d := domain.Decision{Dnr: strings.TrimSpace(f.dnr.Text), Body: strings.TrimSpace(f.body.Text), Paragraph: strings.TrimSpace(f.paragraph.Text)}
	if strings.TrimSpace(f.date.Text) == "" {
		return d, true
	}
	if f.date.Date == nil {
		return d, false
	}
	d.Date = dateOnly(*f.date.Date)
	return d, true
}

func (f *decisionForm) setEnabled(on bool) {
	for _, d := range []fyne.Disableable{f.dnr, f.body, f.paragraph, f.date} {
		if on {
			d.Enable()
		} else {
			d.Disable()
		}
	}
}

// DecisionDialog asks for the board's decision after its meeting ("Registrera beslut"): the
// decision on the plan and, when the same meeting decided it, the one on last year's follow-up.
// Registering stores them and signs a new version of the plan, marked beslutad.
type DecisionDialog struct {
	w        *Wizard
	plan, fu *decisionForm
	withFU   *widget.Check
	errText  *widget.Label
	dlg      *dialog.CustomDialog
}

// canDecide tells whether the plan is one the board decides on: checked or signed. A draft is
// signed first.
func (w *Wizard) canDecide() bool {
	switch w.d.Plan.Status {
	case domain.PlanReady, domain.PlanSigned, domain.PlanClosed:
		return true
	}
	return false
}

// ShowDecision opens the decision dialog.
func (w *Wizard) ShowDecision() {
	if w.flush() != nil || !w.canDecide() {
		return
	}
	w.decision = w.newDecisionDialog()
	w.decision.show()
}

func (w *Wizard) newDecisionDialog() *DecisionDialog {
	loc, p := w.loc, w.d.Plan
	v := &DecisionDialog{w: w, errText: fieldError()}
	d := p.Decision
	if d.Date.IsZero() {
		d.Date = p.DecisionDate // the planned meeting is the likely one
	}
	v.plan = w.newDecisionForm(d, p.Board)
	parts := []fyne.CanvasObject{
		widgets.Wrapped(loc.T("wizard.decision.intro")),
		section(loc.Tf("wizard.decision.plan", "Year", p.Year), "", v.plan.box),
	}
	if prev := w.d.Previous; prev != nil {
		fd := prev.Plan.FollowUpDecision
		if fd.IsZero() {
			fd.Dnr = ""
		}
		v.fu = w.newDecisionForm(fd, prev.Plan.Board)
		v.withFU = widget.NewCheck(loc.Tf("wizard.decision.with_followup", "Year", prev.Plan.Year), func(on bool) { v.fu.setEnabled(on) })
		v.withFU.SetChecked(fd.Made())
		v.fu.setEnabled(fd.Made())
		parts = append(parts, section(loc.Tf("wizard.decision.followup", "Year", prev.Plan.Year), "", container.NewVBox(v.withFU, v.fu.box)))
	}
	parts = append(parts, v.errText)
	content := vscroll(container.NewVBox(parts...))

	// Enter presses the focused button, Escape on either cancels.
	cancel := widgets.NewKeyButton(loc.T("wizard.cancel"), theme.CancelIcon(), func() { v.dlg.Hide() })
	cancel.OnEscape = cancel.OnTapped
	ok := widgets.NewKeyButton(loc.T("wizard.decision.confirm"), theme.ConfirmIcon(), v.Register)
	ok.OnEscape = cancel.OnTapped
	ok.Importance = widget.HighImportance
	v.dlg = dialog.NewCustomWithoutButtons(loc.Tf("wizard.decision.title", "Board", p.Board, "Year", p.Year), content, w.win)
	v.dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	return v
}

func (v *DecisionDialog) show() {
	if v.w.win == nil {
		return
	}
	size := v.w.win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(46*theme.TextSize(), size.Width*0.92), min(40*theme.TextSize(), size.Height*0.9)))
	v.dlg.Show()
}

// Plan and FollowUp are the dialog's forms (for tests); FollowUp is nil without last year's plan.
func (v *DecisionDialog) Plan() *decisionForm     { return v.plan }
func (v *DecisionDialog) FollowUp() *decisionForm { return v.fu }

// WithFollowUp ticks "the board decided on last year's follow-up too".
func (v *DecisionDialog) WithFollowUp(on bool) {
	if v.withFU != nil {
		v.withFU.SetChecked(on)
	}
}

// Error is the sentence the dialog shows ("" when none).
func (v *DecisionDialog) Error() string {
	if !v.errText.Visible() {
		return ""
	}
	return v.errText.Text
}

func (v *DecisionDialog) fail(text string) {
	v.errText.SetText(text)
	v.errText.Show()
}

// check returns the decision of f, or says in the dialog what is missing.
func (v *DecisionDialog) check(f *decisionForm, year int) (domain.Decision, bool) {
	d, ok := f.value()
	if !ok {
		v.fail(v.w.loc.T("wizard.err.date_format"))
		return d, false
	}
	for _, p := range domain.ValidateDecision(d, "plan", 0, "decision_", year) {
		if p.Severity == domain.Blocking {
			v.fail(p.Text(v.w.loc))
			return d, false
		}
	}
	return d, true
}

// Register stores the decisions (one undoable change) and signs a new version of the plan.
func (v *DecisionDialog) Register() {
	w := v.w
	v.errText.Hide()
	planID := w.d.Plan.ID
	dec, ok := v.check(v.plan, w.d.Plan.Year)
	if !ok {
		return
	}
	var fu domain.Decision
	withFU := v.fu != nil && v.withFU.Checked
	if withFU {
		if fu, ok = v.check(v.fu, w.d.Previous.Plan.Year); !ok {
			return
		}
	}
	old, err := w.store.SetDecision(planID, data.PlanDecision, dec)
	if err != nil {
		v.fail(errorText(w.loc, err))
		return
	}
	var prevID int64
	var oldFU domain.Decision
	if withFU {
		prevID = w.d.Previous.Plan.ID
		if oldFU, err = w.store.SetDecision(prevID, data.FollowUpDecision, fu); err != nil {
			v.fail(errorText(w.loc, err))
			return
		}
	}
	set := func(d, f domain.Decision) error {
		if _, err := w.store.SetDecision(planID, data.PlanDecision, d); err != nil {
			return err
		}
		if prevID != 0 {
			_, err := w.store.SetDecision(prevID, data.FollowUpDecision, f)
			return err
		}
		return nil
	}
	w.undo.Push(where{step: StepPlan, entity: "plan", id: planID, field: "decided_on"},
		func() error { return set(old, oldFU) }, func() error { return set(dec, fu) })
	v.dlg.Hide()
	w.decision = nil
	w.reloadData()
	w.showStep(w.step)
	w.setStatus(w.loc.Tf("wizard.decision.registered", "Date", w.loc.Date(dec.Date)), widget.SuccessImportance)
	// The decided plan goes to the coordinator as a new signed version.
	if w.opt.OnExport != nil {
		w.opt.OnExport(planID)
	}
}
