package wizard

import (
	"slices"
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

// goalsView is step 3: the plan's annual goals (what the board wants to have reached this year
// and how that is measured), each linked to the policy's goals and the law's requirement areas,
// with the activities under it.
type goalsView struct {
	w *Wizard
	rowStep[domain.AnnualGoal]

	text, indicator, target *widgets.TextEntry
	targetDate              *widgets.DateEntry
	goals                   []*widgets.Tick
	areas                   []*widgets.Tick
	under                   *widget.Label
	addUnder                *widget.Button
}

func (v *goalsView) items() []domain.AnnualGoal { return v.w.d.AnnualGoals }

func (v *goalsView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.rowStep = rowStep[domain.AnnualGoal]{w: w, step: StepGoals, ref: rowRef{entity: "annual_goal"},
		items: v.items, idOf: func(g domain.AnnualGoal) int64 { return g.ID }, fill: v.fill,
		ops: w.annualGoalOps, firstField: "text", label: func(g domain.AnnualGoal) string { return g.Text }}
	rows := v.items
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.annual_goal"), Weight: 5, Min: 8, Text: func(i int) string { return rows()[i].Text },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].Text, rows()[b].Text) < 0 }},
		{Title: loc.T("wizard.col.target"), Weight: 1.5, Min: 6, Text: func(i int) string { return targetText(loc, rows()[i]) },
			Less: func(a, b int) bool { return dateLess(rows()[a].TargetDate, rows()[b].TargetDate) }},
		{Title: loc.T("wizard.col.goals"), Min: 3.5, Weight: 0.3, Text: func(i int) string { return goalList(rows()[i].Goals) },
			Less: func(a, b int) bool { return slices.Compare(rows()[a].Goals, rows()[b].Goals) < 0 }},
		{Title: loc.T("wizard.col.activities"), Min: 3.5, Weight: 0.3, Align: fyne.TextAlignTrailing,
			Text: func(i int) string { return strconv.Itoa(len(domain.ActivitiesUnder(w.d.Activities, rows()[i].ID))) },
			Less: func(a, b int) bool {
				return len(domain.ActivitiesUnder(w.d.Activities, rows()[a].ID)) < len(domain.ActivitiesUnder(w.d.Activities, rows()[b].ID))
			}},
	}
	v.newTable(cols)
	v.newButtons(loc.T("wizard.goal.add"), v.newRow, v.onDuplicate)
	v.setForm(v.buildForm(), loc.T("wizard.goal.none_selected"))
	v.open()
	v.validated()
	return v.layout(nil, nil, 0.55)
}

func (v *goalsView) buildForm() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.f = newForm()
	v.text = w.textField(&v.ref, domain.FieldAnnualGoalText, true)
	v.text.SetMinRowsVisible(2)
	v.text.SetPlaceHolder(loc.T("wizard.goal.text_hint"))
	v.f.add(loc.T("wizard.goal.text"), "text", v.text)
	v.indicator = w.textField(&v.ref, domain.FieldAnnualGoalIndicator, true)
	v.indicator.SetMinRowsVisible(2)
	v.indicator.SetPlaceHolder(loc.T("wizard.goal.indicator_hint"))
	v.f.add(loc.T("wizard.goal.indicator"), "indicator", v.indicator)
	v.target = w.paragraphField(&v.ref, domain.FieldAnnualGoalTarget)
	v.target.SetPlaceHolder(loc.T("wizard.goal.target_hint"))
	v.f.add(loc.T("wizard.goal.target"), "target", v.target)
	v.targetDate = w.dateField(&v.ref, v.f, domain.FieldAnnualGoalTargetDate)
	v.f.add(loc.T("wizard.goal.target_date"), "target_date", v.targetDate)

	goalBox := container.NewVBox()
	var goalInputs []fyne.Disableable
	for _, g := range w.prof.Goals {
		t := widgets.NewTick(w.keys(), strconv.Itoa(g.Number))
		t.OnChanged = func(bool) { v.onGoals() }
		v.goals = append(v.goals, t)
		goalInputs = append(goalInputs, t)
		goalBox.Objects = append(goalBox.Objects, container.NewBorder(nil, nil, t, nil, widgets.KeepWords(widgets.Wrapped(g.Text))))
	}
	v.f.add(loc.T("wizard.goal.goals"), "goals", goalBox, goalInputs...)

	if box, inputs := areaTicks(w, &v.areas, v.onAreas); box != nil {
		v.f.add(loc.T("wizard.goal.areas"), "areas", box, inputs...)
	}

	v.under = widgets.Wrapped("")
	v.addUnder = widget.NewButtonWithIcon(loc.T("wizard.goal.add_activity"), theme.ContentAddIcon(), v.onAddActivity)
	v.f.add(loc.T("wizard.goal.activities"), "activities", container.NewVBox(v.under, container.NewHBox(v.addUnder)), v.addUnder)
	return v.f.scrolling()
}

// areaTicks makes one tick per requirement area of the profile, its name beside it and the
// law's reference under it; nil when the profile has none.
func areaTicks(w *Wizard, ticks *[]*widgets.Tick, onChanged func()) (fyne.CanvasObject, []fyne.Disableable) {
	if len(w.prof.Areas) == 0 {
		return nil, nil
	}
	box := container.NewVBox()
	var inputs []fyne.Disableable
	for _, a := range w.prof.Areas {
		t := widgets.NewTick(w.keys(), "")
		t.OnChanged = func(bool) { onChanged() }
		*ticks = append(*ticks, t)
		inputs = append(inputs, t)
		name := widgets.Wrapped(a.Name)
		ref := widget.NewLabel(a.Reference)
		ref.SizeName = theme.SizeNameCaptionText
		ref.Importance = widget.LowImportance
		ref.Wrapping = fyne.TextWrapWord
		box.Objects = append(box.Objects, container.NewBorder(nil, nil, t, nil, container.NewVBox(widgets.KeepWords(name), widgets.KeepWords(ref))))
	}
	return box, inputs
}

// checkedAreas are the codes of the ticked areas.
func checkedAreas(w *Wizard, ticks []*widgets.Tick) []string {
	out := []string{}
	for k, a := range w.prof.Areas {
		if ticks[k].Checked {
			out = append(out, a.Code)
		}
	}
	return out
}

// showAreas ticks the areas of codes.
func showAreas(w *Wizard, ticks []*widgets.Tick, codes []string) {
	for k, a := range w.prof.Areas {
		widgets.SetChecked(&ticks[k].Check, slices.Contains(codes, a.Code))
	}
}

// fill puts annual goal g into the form.
func (v *goalsView) fill(g domain.AnnualGoal) {
	w := v.w
	clear(v.f.local)
	widgets.SetText(&v.text.Entry, g.Text)
	widgets.SetText(&v.indicator.Entry, g.Indicator)
	widgets.SetText(&v.target.Entry, g.Target)
	widgets.SetDate(&v.targetDate.DateEntry, g.TargetDate)
	for k, n := range w.prof.Goals {
		widgets.SetChecked(&v.goals[k].Check, slices.Contains(g.Goals, n.Number))
	}
	showAreas(w, v.areas, g.Areas)
	v.showUnder(g.ID)
}

// showUnder lists the activities under annual goal id.
func (v *goalsView) showUnder(id int64) {
	var titles []string
	for _, a := range domain.ActivitiesUnder(v.w.d.Activities, id) {
		t := strings.TrimSpace(a.Title)
		if t == "" {
			t = v.w.loc.T("wizard.untitled")
		}
		titles = append(titles, "• "+t)
	}
	text := v.w.loc.T("wizard.goal.no_activities")
	if len(titles) > 0 {
		text = strings.Join(titles, "\n")
	}
	widgets.SetLabel(v.under, text)
}

func (v *goalsView) onGoals() {
	gs := []int{}
	for k, g := range v.w.prof.Goals {
		if v.goals[k].Checked {
			gs = append(gs, g.Number)
		}
	}
	if v.ref.id != 0 {
		v.w.change(v.ref.edit(domain.FieldAnnualGoalGoals, gs), true)
	}
}

func (v *goalsView) onAreas() {
	if v.ref.id != 0 {
		v.w.change(v.ref.edit(domain.FieldAnnualGoalAreas, checkedAreas(v.w, v.areas)), true)
	}
}

// onAddActivity adds an activity under the selected goal and opens it in the activities step.
func (v *goalsView) onAddActivity() {
	g, ok := v.current()
	if !ok {
		return
	}
	w := v.w
	id := w.addRow(w.activityOps(), domain.Activity{Priority: domain.PriorityMedium, AnnualGoalID: g.ID})
	if id == 0 {
		return
	}
	w.jump(StepActivities, "activity", id, "title")
}

func (v *goalsView) validated() {
	v.refresh()
	if g, ok := v.current(); ok {
		v.showUnder(g.ID)
	}
	if v.addUnder != nil {
		if v.w.canEdit(StepGoals) && v.ref.id != 0 {
			v.addUnder.Enable()
		} else {
			v.addUnder.Disable()
		}
	}
	v.showCount(v.w.loc.Tf("wizard.goal.count", "Count", len(v.items())))
}

func (v *goalsView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if !v.selectFor(entity, id) {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "indicator":
		target = v.indicator
	case "target":
		target = v.target
	case "target_date":
		target = v.targetDate
	case "goals":
		if len(v.goals) > 0 {
			target = v.goals[0]
		}
	case "areas":
		if len(v.areas) > 0 {
			target = v.areas[0]
		}
	case "activities":
		target = v.addUnder
	default:
		target = v.text
	}
	v.w.focusWidget(target)
	return true
}

// newRow adds an empty annual goal and puts the cursor in its text (Ctrl+N).
func (v *goalsView) newRow() { v.add(domain.AnnualGoal{}) }

func (v *goalsView) onDuplicate() {
	g, ok := v.current()
	if !ok {
		return
	}
	v.add(domain.AnnualGoal{Text: v.w.loc.Tf("wizard.copy_of", "Title", g.Text), Indicator: g.Indicator, Target: g.Target,
		TargetDate: g.TargetDate, Goals: slices.Clone(g.Goals), Areas: slices.Clone(g.Areas)})
}

// targetText is an annual goal's target in a table cell: "100 % · 2027-06-30".
func targetText(loc interface{ Date(t time.Time) string }, g domain.AnnualGoal) string {
	var parts []string
	if t := strings.TrimSpace(g.Target); t != "" {
		parts = append(parts, t)
	}
	if d := loc.Date(g.TargetDate); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, " · ")
}
