package wizard

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// RecordDialog records a follow-up of a plan during its year (e.g. an August report to the
// board) or the autumn one that closes the year: the date, a comment, and the status of every
// activity and the outcome of every annual goal as they stand that day. What it records becomes
// the plan's current follow-up too.
type RecordDialog struct {
	w       *Wizard
	d       domain.PlanData
	date    *widgets.DateEntry
	closing *widget.Check
	comment *widgets.TextEntry
	status  []*widgets.Choice
	late    []*widget.Label
	outcome []*widgets.Choice
	light   []*widgets.Choice
	measure []*widgets.TextEntry
	errText *widget.Label
	dlg     *dialog.CustomDialog
}

// today is the day a follow-up is recorded by default (tests replace it).
var today = func() time.Time { return dateOnly(time.Now()) }

func outcomeValues() []any {
	out := []any{string(domain.OutcomeNone)}
	for _, o := range domain.Outcomes {
		out = append(out, string(o))
	}
	return out
}

func lightValues() []any {
	out := []any{string(domain.LightNone)}
	for _, l := range domain.Lights {
		out = append(out, string(l))
	}
	return out
}

// ShowRecord opens the dialog for last year's plan (prev, the autumn follow-up of step 2) or
// for this plan (a follow-up during its year).
func (w *Wizard) ShowRecord(prev bool) {
	if w.flush() != nil {
		return
	}
	d := w.data(prev)
	if d == nil {
		return
	}
	w.record = w.newRecordDialog(*d, prev)
	w.record.show()
}

func (w *Wizard) newRecordDialog(d domain.PlanData, autumn bool) *RecordDialog {
	loc := w.loc
	v := &RecordDialog{w: w, d: d, errText: fieldError()}
	hasClosing := false
	for _, f := range d.FollowUps {
		hasClosing = hasClosing || f.Closing
	}
	v.date = w.newDateEntry()
	widgets.SetDate(&v.date.DateEntry, today())
	v.date.OnChanged = func(*time.Time) { v.showLate() }
	v.closing = widget.NewCheck(loc.T("wizard.record.closing"), nil)
	v.closing.SetChecked(autumn && !hasClosing)
	if hasClosing {
		v.closing.Disable()
	}
	v.comment = widgets.NewTextEntry(w.keys(), true)
	v.comment.SetMinRowsVisible(2)
	v.comment.SetPlaceHolder(loc.T("wizard.record.comment_hint"))
	head := newForm()
	head.add(loc.T("wizard.record.date"), "", v.date)
	head.add("", "", v.closing)
	head.add(loc.T("wizard.record.comment"), "", v.comment)

	statusLabels := make([]string, len(domain.ActivityStatuses))
	for i, s := range domain.ActivityStatuses {
		statusLabels[i] = loc.T("activity.status." + string(s))
	}
	acts := newForm()
	for _, a := range d.Activities {
		c := widgets.NewChoice(w.keys(), statusLabels, loc.T("wizard.choose"))
		st := a.Status
		if st == "" {
			st = domain.ActivityNotStarted
		}
		widgets.SetSelected(&c.Select, indexOf(statusValues(), string(st)))
		c.OnChanged = func(string) { v.showLate() }
		late := widget.NewLabel("")
		late.Importance = widget.WarningImportance
		late.SizeName = theme.SizeNameCaptionText
		v.status, v.late = append(v.status, c), append(v.late, late)
		acts.add(titleOr(loc, a.Title), "", container.NewBorder(nil, nil, nil, late, container.New(minWidth{em: 10}, c)))
	}
	outcomeLabels := []string{loc.T("outcome.")}
	for _, o := range domain.Outcomes {
		outcomeLabels = append(outcomeLabels, loc.T("outcome."+string(o)))
	}
	lightLabels := []string{loc.T("light.")}
	for _, l := range domain.Lights {
		lightLabels = append(lightLabels, loc.T("light."+string(l)))
	}
	goals := newForm()
	for _, g := range d.AnnualGoals {
		o := widgets.NewChoice(w.keys(), outcomeLabels, loc.T("wizard.choose"))
		widgets.SetSelected(&o.Select, indexOf(outcomeValues(), string(g.Outcome)))
		l := widgets.NewChoice(w.keys(), lightLabels, loc.T("wizard.choose"))
		widgets.SetSelected(&l.Select, indexOf(lightValues(), string(g.Light)))
		m := widgets.NewTextEntry(w.keys(), false)
		m.SetPlaceHolder(loc.T("wizard.record.measured_hint"))
		widgets.SetText(&m.Entry, g.Measured)
		v.outcome, v.light, v.measure = append(v.outcome, o), append(v.light, l), append(v.measure, m)
		goals.add(titleOr(loc, g.Text), "", container.NewGridWithColumns(3, o, m, l))
	}
	parts := []fyne.CanvasObject{widgets.Wrapped(loc.T("wizard.record.intro")), head.grid}
	if len(d.Activities) > 0 {
		parts = append(parts, section(loc.T("wizard.record.activities"), "", acts.grid))
	}
	if len(d.AnnualGoals) > 0 {
		parts = append(parts, section(loc.T("wizard.record.goals"), loc.T("wizard.record.goals_sub"), goals.grid))
	}
	parts = append(parts, v.errText)
	v.showLate()

	// Enter presses the focused button, Escape on either cancels.
	cancel := widgets.NewKeyButton(loc.T("wizard.cancel"), theme.CancelIcon(), func() { v.dlg.Hide() })
	cancel.OnEscape = cancel.OnTapped
	ok := widgets.NewKeyButton(loc.T("wizard.record.confirm"), theme.ConfirmIcon(), v.Record)
	ok.OnEscape = cancel.OnTapped
	ok.Importance = widget.HighImportance
	v.dlg = dialog.NewCustomWithoutButtons(loc.Tf("wizard.record.title", "Year", d.Plan.Year), vscroll(container.NewVBox(parts...)), w.win)
	v.dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	return v
}

func titleOr(loc interface{ T(string) string }, s string) string {
	if strings.TrimSpace(s) == "" {
		return loc.T("wizard.untitled")
	}
	return s
}

func (v *RecordDialog) show() {
	if v.w.win == nil {
		return
	}
	size := v.w.win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(60*theme.TextSize(), size.Width*0.94), size.Height*0.9))
	v.dlg.Show()
}

// day is the follow-up's date as typed (zero while it is none).
func (v *RecordDialog) day() time.Time {
	if v.date.Date == nil {
		return time.Time{}
	}
	return dateOnly(*v.date.Date)
}

// showLate says beside each activity whether it is försenad on the follow-up's date, as
// domain.StatusOn decides.
func (v *RecordDialog) showLate() {
	for i, a := range v.d.Activities {
		if i >= len(v.status) {
			return
		}
		a.Status = v.statusAt(i)
		text := ""
		if domain.StatusOn(a, v.day()) == domain.ActivityDelayed {
			text = v.w.loc.T("activity.status.delayed")
		}
		if v.late[i].Text != text {
			v.late[i].SetText(text)
		}
	}
}

func (v *RecordDialog) statusAt(i int) domain.ActivityStatus {
	k := v.status[i].SelectedIndex()
	if k < 0 {
		return domain.ActivityNotStarted
	}
	return domain.ActivityStatuses[k]
}

// SetStatus, SetOutcome, SetDate, SetClosing and SetComment fill the dialog (for tests).
func (v *RecordDialog) SetStatus(i int, st domain.ActivityStatus) {
	v.status[i].SetSelectedIndex(indexOf(statusValues(), string(st)))
}
func (v *RecordDialog) SetOutcome(i int, o domain.Outcome, measured string, l domain.Light) {
	v.outcome[i].SetSelectedIndex(indexOf(outcomeValues(), string(o)))
	v.light[i].SetSelectedIndex(indexOf(lightValues(), string(l)))
	v.measure[i].SetText(measured)
}
func (v *RecordDialog) SetDate(t time.Time)    { v.date.SetDate(&t) }
func (v *RecordDialog) SetClosing(on bool)     { v.closing.SetChecked(on) }
func (v *RecordDialog) SetComment(text string) { v.comment.SetText(text) }

// Error is the sentence the dialog shows ("" when none).
func (v *RecordDialog) Error() string {
	if !v.errText.Visible() {
		return ""
	}
	return v.errText.Text
}

// followUp is the follow-up as the dialog holds it.
func (v *RecordDialog) followUp() domain.FollowUp {
	f := domain.FollowUp{Date: v.day(), Closing: v.closing.Checked, Comment: strings.TrimSpace(v.comment.Text)}
	for i, a := range v.d.Activities {
		f.Activities = append(f.Activities, domain.ActivityMark{Activity: a.ID, Status: v.statusAt(i), PercentDone: a.PercentDone})
	}
	for i, g := range v.d.AnnualGoals {
		m := domain.GoalMark{Goal: g.ID, Measured: strings.TrimSpace(v.measure[i].Text)}
		if k := v.outcome[i].SelectedIndex(); k > 0 {
			m.Outcome = domain.Outcomes[k-1]
		}
		if k := v.light[i].SelectedIndex(); k > 0 {
			m.Light = domain.Lights[k-1]
		}
		f.Goals = append(f.Goals, m)
	}
	return f
}

// Record stores the follow-up (one undoable change: undo deletes it and puts back the statuses
// and outcomes it replaced).
func (v *RecordDialog) Record() {
	w, loc := v.w, v.w.loc
	v.errText.Hide()
	if strings.TrimSpace(v.date.Text) != "" && v.date.Date == nil {
		v.errText.SetText(loc.T("wizard.err.date_format"))
		v.errText.Show()
		return
	}
	f := v.followUp()
	for _, p := range domain.ValidateFollowUps(append(v.d.FollowUps, f), v.d.Plan.ID, v.d.Plan.Year) {
		if p.Severity == domain.Blocking {
			v.errText.SetText(p.Text(loc))
			v.errText.Show()
			return
		}
	}
	planID, status, version := v.d.Plan.ID, v.d.Plan.Status, v.d.Plan.Version
	before := domain.SnapshotFollowUp(v.d, f.Date, false, "")
	id, err := w.store.RecordFollowUp(planID, f)
	if err != nil {
		v.errText.SetText(errorText(loc, err))
		v.errText.Show()
		return
	}
	undo := func() error {
		if _, err := w.store.DeleteFollowUp(id); err != nil {
			return err
		}
		for _, m := range before.Activities {
			if _, err := w.store.SetField(domain.FieldActivityStatus, m.Activity, string(m.Status)); err != nil {
				return err
			}
			if _, err := w.store.SetField(domain.FieldActivityPercentDone, m.Activity, m.PercentDone); err != nil {
				return err
			}
		}
		for _, m := range before.Goals {
			fields := []domain.Field{domain.FieldAnnualGoalOutcome, domain.FieldAnnualGoalMeasured, domain.FieldAnnualGoalLight}
			for i, v := range []string{string(m.Outcome), m.Measured, string(m.Light)} {
				if _, err := w.store.SetField(fields[i], m.Goal, v); err != nil {
					return err
				}
			}
		}
		return w.store.SetPlanStatus(planID, status, version)
	}
	redo := func() error {
		var err error
		id, err = w.store.RecordFollowUp(planID, f)
		return err
	}
	step := StepFollowUp
	if planID == w.d.Plan.ID {
		step = w.step
	}
	w.undo.Push(where{step: step, entity: "plan", id: planID, field: "follow_ups"}, undo, redo)
	v.dlg.Hide()
	w.record = nil
	w.reloadData()
	w.showStep(w.step)
	kind := loc.T("wizard.record.interim")
	if f.Closing {
		kind = loc.T("wizard.record.closing_short")
	}
	w.setStatus(loc.Tf("wizard.record.done", "Kind", kind, "Date", loc.Date(f.Date), "Year", v.d.Plan.Year), widget.SuccessImportance)
}

// followUpsLine names a plan's recorded follow-ups: "2027-04-30 (under året), 2027-08-31 (under året)".
func (w *Wizard) followUpsLine(d domain.PlanData) string {
	if len(d.FollowUps) == 0 {
		return w.loc.T("wizard.record.none")
	}
	var parts []string
	for _, f := range domain.SortedFollowUps(d.FollowUps) {
		kind := w.loc.T("wizard.record.interim")
		if f.Closing {
			kind = w.loc.T("wizard.record.closing_short")
		}
		parts = append(parts, w.loc.Date(f.Date)+" ("+kind+")")
	}
	return w.loc.Tf("wizard.record.list", "Count", len(parts), "List", strings.Join(parts, ", "))
}
