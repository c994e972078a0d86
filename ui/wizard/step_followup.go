package wizard

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// followUpView is step 2: the autumn follow-up of this year's plan (the plan before the one
// being written): how far each activity got and what it cost, and the policy's three
// biennial checks. It edits last year's rows, which the store allows whatever their status.
type followUpView struct {
	w *Wizard
	rowStep[domain.Activity]

	name, planned *widget.Label

	status                 *widgets.Choice
	percent, hours, kronor *widgets.NumberEntry
	comment                *widgets.TextEntry

	checkRef rowRef
	checks   *form
	results  [3]*widgets.Choice
	texts    [3]*widgets.TextEntry
	// checkNote says that "årliga mål är uppföljda" is filled from the annual goals.
	checkNote *widget.Label

	tabs      *container.AppTabs
	outcomes  *outcomesView
	trainings *trainingsFollowUp
	recorded  *widget.Label
}

// statusLabel is an activity's status as the follow-up shows it today (domain.StatusOn): a
// late one reads "Försenad (pågår)".
func statusLabel(loc interface {
	T(string) string
	Tf(string, ...any) string
}, a domain.Activity, day time.Time) string {
	st := domain.StatusOn(a, day)
	if st != domain.ActivityDelayed {
		return loc.T("activity.status." + string(st))
	}
	rec := a.Status
	if rec == "" {
		rec = domain.ActivityNotStarted
	}
	return loc.Tf("activity.status.delayed_from", "Status", strings.ToLower(loc.T("activity.status."+string(rec))))
}

func statusValues() []any {
	out := make([]any, len(domain.ActivityStatuses))
	for i, s := range domain.ActivityStatuses {
		out[i] = string(s)
	}
	return out
}

var checkValues = []any{string(domain.CheckYes), string(domain.CheckPartly), string(domain.CheckNo), string(domain.CheckUnanswered)}

func (v *followUpView) acts() []domain.Activity { return v.w.d.Previous.Activities }

func (v *followUpView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	prev := w.d.Previous
	if prev == nil {
		msg := widgets.Wrapped(loc.Tf("wizard.followup.none", "Year", w.d.Plan.Year-1))
		msg.Alignment = fyne.TextAlignCenter
		return container.NewCenter(container.New(minWidth{em: 36}, section(loc.T("wizard.followup.none_title"), "", msg)))
	}
	v.rowStep = rowStep[domain.Activity]{w: w, step: StepFollowUp, ref: rowRef{entity: "activity", prev: true},
		items: v.acts, idOf: func(a domain.Activity) int64 { return a.ID }, fill: v.fill, marks: followUpFields}
	acts := v.acts
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.title"), Weight: 5, Min: 8, Text: func(i int) string { return acts()[i].Title },
			Less: func(a, b int) bool { return loc.Compare(acts()[a].Title, acts()[b].Title) < 0 }},
		{Title: loc.T("wizard.col.status"), Min: 8, Weight: 0.8, Text: func(i int) string { return statusLabel(loc, acts()[i], today()) },
			Less: func(a, b int) bool { return domain.StatusOn(acts()[a], today()) < domain.StatusOn(acts()[b], today()) }},
		{Title: loc.T("wizard.col.percent"), Min: 4, Weight: 0.3, Align: fyne.TextAlignTrailing,
			Text: func(i int) string {
				a := acts()[i]
				if text, ok := w.d.Previous.UnparsedText("activity", a.ID, "percent_done"); ok {
					return text
				}
				return strconv.Itoa(a.PercentDone) + "\u00a0%"
			},
			Less: func(a, b int) bool { return acts()[a].PercentDone < acts()[b].PercentDone }},
		{Title: loc.T("wizard.col.actual_hours"), Min: 5.5, Weight: 0.4, Align: fyne.TextAlignTrailing,
			Text: func(i int) string {
				return w.numberText(w.d.Previous, "activity", acts()[i].ID, "actual_hours", acts()[i].ActualHours)
			},
			Less: func(a, b int) bool { return acts()[a].ActualHours < acts()[b].ActualHours }},
		{Title: loc.T("wizard.col.actual_kronor"), Min: 6, Weight: 0.5, Align: fyne.TextAlignTrailing,
			Text: func(i int) string { // the header says kr
				return w.numberText(w.d.Previous, "activity", acts()[i].ID, "actual_kronor", acts()[i].ActualKronor)
			},
			Less: func(a, b int) bool { return acts()[a].ActualKronor < acts()[b].ActualKronor }},
	}
	v.newTable(cols)

	v.f = newForm()
	v.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.name.Wrapping = fyne.TextWrapWord
	// Not wrapped: word wrap breaks inside "14 000 kr"; the text has its own line break.
	v.planned = widget.NewLabel("")
	v.planned.Truncation = fyne.TextTruncateEllipsis
	v.f.add(loc.T("wizard.activity.title"), "", v.name)
	v.f.add(loc.T("wizard.followup.planned"), "", v.planned)
	labels := make([]string, len(domain.ActivityStatuses))
	for i, s := range domain.ActivityStatuses {
		labels[i] = loc.T("activity.status." + string(s))
	}
	v.status = w.choiceField(&v.ref, domain.FieldActivityStatus, labels, statusValues())
	v.f.add(loc.T("wizard.followup.status"), "status", v.status)
	v.percent = w.numberField(&v.ref, domain.FieldActivityPercentDone)
	v.f.add(loc.T("wizard.followup.percent"), "percent_done", v.percent)
	v.hours = w.numberField(&v.ref, domain.FieldActivityActualHours)
	v.f.add(loc.T("wizard.followup.actual_hours"), "actual_hours", v.hours)
	v.kronor = w.numberField(&v.ref, domain.FieldActivityActualKronor)
	v.f.add(loc.T("wizard.followup.actual_kronor"), "actual_kronor", v.kronor)
	v.comment = w.textField(&v.ref, domain.FieldActivityFollowUpComment, true)
	v.comment.SetMinRowsVisible(3)
	v.comment.SetPlaceHolder(loc.T("wizard.followup.comment_hint"))
	v.f.add(loc.T("wizard.followup.comment"), "follow_up_comment", v.comment)
	v.setForm(v.f.scrolling(), loc.T("wizard.followup.none_selected"))

	// The three biennial checks belong to last year's plan head.
	v.checkRef = rowRef{entity: "plan", id: prev.Plan.ID, prev: true}
	v.checks = newForm()
	resultLabels := []string{loc.T("check.result.yes"), loc.T("check.result.partly"), loc.T("check.result.no"), loc.T("check.result.")}
	checks := domain.Checks(*prev)
	for i := range 3 {
		v.results[i] = w.choiceField(&v.checkRef, domain.FieldPlanCheckResult[i], resultLabels, checkValues)
		widgets.SetSelected(&v.results[i].Select, indexOf(checkValues, string(checks[i].Result)))
		v.texts[i] = w.paragraphField(&v.checkRef, domain.FieldPlanCheckText[i])
		v.texts[i].SetPlaceHolder(loc.T("wizard.followup.check_hint"))
		widgets.SetText(&v.texts[i].Entry, prev.Plan.Checks[i].Text)
		row := container.NewBorder(nil, nil, container.New(minWidth{em: 10}, v.results[i]), nil, v.texts[i])
		inputs := []fyne.Disableable{v.results[i], v.texts[i]}
		if i == domain.CheckGoalsFollowed && len(prev.AnnualGoals) > 0 {
			// Filled from the annual goals' outcomes: the board's words stay free.
			v.checkNote = widget.NewLabel("")
			v.checkNote.SizeName = theme.SizeNameCaptionText
			row = container.NewVBox(row, v.checkNote)
			inputs = inputs[1:]
		}
		v.checks.add(loc.T("check."+strconv.Itoa(i)), domain.FieldPlanCheckResult[i].Name(), row, inputs...)
	}
	checkBox := section(loc.Tf("wizard.followup.checks", "Year", prev.Plan.Year), "", v.checks.grid)

	v.checks.setEnabled(w.canEdit(StepFollowUp))
	if v.checkNote != nil {
		v.results[domain.CheckGoalsFollowed].Disable()
	}
	v.open()

	// The follow-ups recorded for last year's plan, its board's decision on the follow-up, and
	// recording the autumn one.
	v.recorded = widgets.Wrapped("")
	recordBtn := widget.NewButtonWithIcon(loc.T("wizard.record.button"), theme.ListIcon(), func() { w.ShowRecord(true) })
	top := container.NewBorder(nil, nil, nil, container.NewVBox(recordBtn), v.recorded)

	center := detailSplit(v.table.Object(), v.detail, 0.55)
	tabs := []*container.TabItem{container.NewTabItem(loc.Tf("wizard.followup.tab_activities", "Count", len(prev.Activities)), center)}
	if len(prev.AnnualGoals) > 0 {
		v.outcomes = newOutcomesView(w, prev)
		tabs = append(tabs, container.NewTabItem(loc.Tf("wizard.followup.tab_goals", "Count", len(prev.AnnualGoals)), v.outcomes.build()))
	}
	if len(prev.Trainings) > 0 {
		v.trainings = newTrainingsFollowUp(w, prev)
		tabs = append(tabs, container.NewTabItem(loc.Tf("wizard.followup.tab_trainings", "Count", len(prev.Trainings)), v.trainings.build()))
	}
	if len(tabs) > 1 {
		v.tabs = container.NewAppTabs(tabs...)
		center = v.tabs
	}
	v.validated()
	// The checks scroll under the rows in a split the user can drag: on a 720-pixel screen
	// they would otherwise leave the rows no room.
	split := container.NewVSplit(center, vscroll(checkBox))
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// fill puts activity a's follow-up into the form.
func (v *followUpView) fill(a domain.Activity) {
	loc := v.w.loc
	clear(v.f.local)
	v.name.SetText(a.Title)
	r := domain.ResourcesOf(a)
	v.planned.SetText(loc.Tf("wizard.followup.planned_text", "Period", period(loc, a.Start, a.End, 0),
		"Hours", loc.Number(r.Hours()), "Kronor", loc.Kronor(r.Kronor())))
	widgets.SetSelected(&v.status.Select, indexOf(statusValues(), string(a.Status)))
	prev := v.w.d.Previous
	showNumber(v.percent, prev, "activity", a.ID, "percent_done", int64(a.PercentDone))
	showNumber(v.hours, prev, "activity", a.ID, "actual_hours", a.ActualHours)
	showNumber(v.kronor, prev, "activity", a.ID, "actual_kronor", a.ActualKronor)
	widgets.SetText(&v.comment.Entry, a.FollowUpComment)
}

func (v *followUpView) validated() {
	w := v.w
	if w.d.Previous == nil {
		return
	}
	v.refresh()
	prev := w.d.Previous
	v.checks.showProblems(w, "plan", v.checkRef.id)
	if v.checkNote != nil {
		r, done, total, _ := domain.GoalsFollowedUp(prev.AnnualGoals)
		widgets.SetSelected(&v.results[domain.CheckGoalsFollowed].Select, indexOf(checkValues, string(r)))
		widgets.SetLabel(v.checkNote, w.loc.Tf("wizard.followup.goals_check", "Done", done, "Total", total))
	}
	if v.outcomes != nil {
		v.outcomes.validated()
	}
	if v.trainings != nil {
		v.trainings.validated()
	}
	// Today's state in one line (the statuses it has, försenad as StatusOn decides), then the
	// follow-ups recorded and the board's decision on the follow-up.
	c := domain.CountNow(*prev, today())
	var parts []string
	for _, st := range domain.ShownStatuses {
		if n := c.Statuses[st]; n > 0 {
			parts = append(parts, w.loc.Tf("wizard.followup.count."+string(st), "Count", n))
		}
	}
	line := w.loc.Tf("wizard.followup.summary", "Year", prev.Plan.Year, "List", strings.Join(parts, ", ")) + " " + w.followUpsLine(*prev)
	if d := prev.Plan.FollowUpDecisionLine(w.loc); d != "" {
		line += " " + d + "."
	}
	widgets.SetLabel(v.info, line)
	widgets.SetLabel(v.recorded, line)
}

func (v *followUpView) focus(entity string, id int64, field string) bool {
	if v.w.d.Previous == nil {
		return false
	}
	if entity == "annual_goal" && v.outcomes != nil {
		v.tabs.SelectIndex(1)
		return v.outcomes.focus(id, field)
	}
	if entity == "training" && v.trainings != nil {
		v.tabs.SelectIndex(len(v.tabs.Items) - 1)
		return v.trainings.focus(id)
	}
	if entity == "activity" && v.tabs != nil {
		v.tabs.SelectIndex(0)
	}
	if entity == "plan" && id == v.checkRef.id {
		for i := range 3 {
			if field == "check"+strconv.Itoa(i)+"_result" {
				v.w.focusWidget(v.results[i])
				return true
			}
			if field == "check"+strconv.Itoa(i)+"_text" {
				v.w.focusWidget(v.texts[i])
				return true
			}
		}
		return false
	}
	if !v.selectFor(entity, id) {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "percent_done":
		target = v.percent
	case "actual_hours":
		target = v.hours
	case "actual_kronor":
		target = v.kronor
	case "follow_up_comment":
		target = v.comment
	default:
		target = v.status
	}
	v.w.focusWidget(target)
	return true
}

// newRow: the follow-up has no rows of its own to add.
func (v *followUpView) newRow() {}
