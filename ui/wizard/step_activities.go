package wizard

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// activitiesView is step 3: the plan's activities in a sortable table, the selected one in a
// form beside it.
type activitiesView struct {
	w *Wizard
	rowStep[domain.Activity]

	title, description, responsible *widgets.TextEntry
	priority                        *widgets.Choice
	annual                          *widgets.Choice
	// annualText is the chosen annual goal in full: the drop-down shows only its start.
	annualText *widget.Label
	start, end *widgets.DateEntry
	goals      []*widgets.Tick
	goalsNote  *widget.Label
	areas      []*widgets.Tick
	systems    []*widgets.Tick
}

// annualValues are the choices of the annual-goal field: none, then the plan's annual goals.
func (v *activitiesView) annualValues() []any {
	out := []any{int64(0)}
	for _, g := range v.w.d.AnnualGoals {
		out = append(out, g.ID)
	}
	return out
}

func (v *activitiesView) annualLabels() []string {
	out := []string{v.w.loc.T("wizard.activity.annual_none")}
	for i, g := range v.w.d.AnnualGoals {
		text := strings.TrimSpace(g.Text)
		if text == "" {
			text = v.w.loc.T("wizard.untitled")
		}
		out = append(out, strconv.Itoa(i+1)+". "+text)
	}
	return out
}

// annualNumber is an annual goal's number in the plan ("" for none).
func (v *activitiesView) annualNumber(id int64) string {
	for i, g := range v.w.d.AnnualGoals {
		if g.ID == id && id != 0 {
			return strconv.Itoa(i + 1)
		}
	}
	return ""
}

var priorityValues = []any{int64(domain.PriorityHigh), int64(domain.PriorityMedium), int64(domain.PriorityLow)}

func (v *activitiesView) acts() []domain.Activity { return v.w.d.Activities }

func (v *activitiesView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.rowStep = rowStep[domain.Activity]{w: w, step: StepActivities, ref: rowRef{entity: "activity"},
		items: v.acts, idOf: func(a domain.Activity) int64 { return a.ID }, fill: v.fill,
		marks: resourceFields, exclude: true,
		ops: w.activityOps, firstField: "title", label: func(a domain.Activity) string { return a.Title }}
	acts := v.acts
	year := w.d.Plan.Year
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.title"), Weight: 5, Min: 8, Text: func(i int) string { return acts()[i].Title },
			Less: func(a, b int) bool { return loc.Compare(acts()[a].Title, acts()[b].Title) < 0 }},
		{Title: loc.T("wizard.col.priority"), Min: 4, Weight: 0.3, Text: func(i int) string { return priorityText(loc, acts()[i].Priority) },
			Less: func(a, b int) bool { return acts()[a].Priority < acts()[b].Priority }},
		{Title: loc.T("wizard.col.period"), Min: 5.5, Weight: 0.5, Text: func(i int) string { return period(loc, acts()[i].Start, acts()[i].End, year) },
			Less: func(a, b int) bool {
				if !acts()[a].Start.Equal(acts()[b].Start) {
					return dateLess(acts()[a].Start, acts()[b].Start)
				}
				return dateLess(acts()[a].End, acts()[b].End)
			}},
		{Title: loc.T("wizard.col.annual"), Min: 4.5, Weight: 0.2, Text: func(i int) string { return v.annualNumber(acts()[i].AnnualGoalID) },
			Less: func(a, b int) bool {
				return v.annualNumber(acts()[a].AnnualGoalID) < v.annualNumber(acts()[b].AnnualGoalID)
			}},
		// Goals and responsible give way first on a narrow screen: the form shows both.
		{Title: loc.T("wizard.col.goals"), Min: 3.5, Weight: 0.3, Optional: true, Text: func(i int) string { return goalList(domain.GoalsOf(acts()[i], w.d.AnnualGoals)) },
			Less: func(a, b int) bool {
				return slices.Compare(domain.GoalsOf(acts()[a], w.d.AnnualGoals), domain.GoalsOf(acts()[b], w.d.AnnualGoals)) < 0
			}},
		{Title: loc.T("wizard.col.responsible"), Weight: 1, Min: 5, Optional: true, Text: func(i int) string { return acts()[i].Responsible },
			Less: func(a, b int) bool { return loc.Compare(acts()[a].Responsible, acts()[b].Responsible) < 0 }},
	}
	v.newTable(cols)
	v.newButtons(loc.T("wizard.activity.add"), v.newRow, v.onDuplicate)
	v.setForm(v.buildForm(), loc.T("wizard.activity.none_selected"))
	v.open()
	v.validated()
	return v.layout(nil, nil, 0.62)
}

func (v *activitiesView) buildForm() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.f = newForm()
	v.title = w.paragraphField(&v.ref, domain.FieldActivityTitle)
	v.title.SetPlaceHolder(loc.T("wizard.activity.title_hint"))
	v.f.add(loc.T("wizard.activity.title"), "title", v.title)

	v.description = w.textField(&v.ref, domain.FieldActivityDescription, true)
	v.description.SetPlaceHolder(loc.T("wizard.activity.description_hint"))
	v.f.add(loc.T("wizard.activity.description"), "description", v.description)

	v.annual = w.choiceField(&v.ref, domain.FieldActivityAnnualGoal, v.annualLabels(), v.annualValues())
	v.annualText = widgets.Wrapped("")
	v.annualText.SizeName = theme.SizeNameCaptionText
	v.f.add(loc.T("wizard.activity.annual_goal"), "annual_goal", container.NewVBox(v.annual, v.annualText), v.annual)

	v.goalsNote = widget.NewLabel("")
	v.goalsNote.SizeName = theme.SizeNameCaptionText
	v.goalsNote.Wrapping = fyne.TextWrapWord
	goalBox := container.NewVBox(v.goalsNote)
	var goalInputs []fyne.Disableable
	for _, g := range w.prof.Goals {
		t := widgets.NewTick(w.keys(), strconv.Itoa(g.Number))
		t.OnChanged = func(bool) { v.onGoals() }
		v.goals = append(v.goals, t)
		goalInputs = append(goalInputs, t)
		goalBox.Objects = append(goalBox.Objects, container.NewBorder(nil, nil, t, nil, widgets.KeepWords(widgets.Wrapped(g.Text))))
	}
	v.f.add(loc.T("wizard.activity.goals"), "goals", goalBox, goalInputs...)
	if box, inputs := areaTicks(w, &v.areas, v.onAreas); box != nil {
		v.f.add(loc.T("wizard.activity.areas"), "areas", box, inputs...)
	}

	labels := []string{loc.T("priority.1"), loc.T("priority.2"), loc.T("priority.3")}
	v.priority = w.choiceField(&v.ref, domain.FieldActivityPriority, labels, priorityValues)
	v.f.add(loc.T("wizard.activity.priority"), "priority", v.priority)

	v.responsible = w.paragraphField(&v.ref, domain.FieldActivityResponsible)
	v.responsible.SetPlaceHolder(loc.T("wizard.activity.responsible_hint"))
	v.f.add(loc.T("wizard.activity.responsible"), "responsible", v.responsible)

	v.start = w.dateField(&v.ref, v.f, domain.FieldActivityStart)
	v.f.add(loc.T("wizard.activity.start"), "start", v.start)
	v.end = w.dateField(&v.ref, v.f, domain.FieldActivityEnd)
	v.f.add(loc.T("wizard.activity.end"), "end", v.end)

	if len(w.d.Systems) == 0 {
		v.f.add(loc.T("wizard.activity.systems"), "", widgets.Wrapped(loc.T("wizard.activity.no_systems")))
	} else {
		sysBox := container.NewVBox()
		var sysInputs []fyne.Disableable
		for _, s := range w.d.Systems {
			t := widgets.NewTick(w.keys(), s.Name)
			t.OnChanged = func(bool) { v.onSystems() }
			v.systems = append(v.systems, t)
			sysInputs = append(sysInputs, t)
			sysBox.Objects = append(sysBox.Objects, t)
		}
		v.f.add(loc.T("wizard.activity.systems"), "", sysBox, sysInputs...)
	}
	return v.f.scrolling()
}

// fill puts activity a into the form.
func (v *activitiesView) fill(a domain.Activity) {
	w := v.w
	clear(v.f.local)
	widgets.SetText(&v.title.Entry, a.Title)
	widgets.SetText(&v.description.Entry, a.Description)
	widgets.SetText(&v.responsible.Entry, a.Responsible)
	widgets.SetSelected(&v.priority.Select, indexOf(priorityValues, int64(a.Priority)))
	widgets.SetDate(&v.start.DateEntry, a.Start)
	widgets.SetDate(&v.end.DateEntry, a.End)
	widgets.SetSelected(&v.annual.Select, indexOf(v.annualValues(), a.AnnualGoalID))
	v.showAnnual(a)
	v.showGoals(a)
	showAreas(w, v.areas, a.Areas)
	for k, s := range w.d.Systems {
		widgets.SetChecked(&v.systems[k].Check, slices.Contains(a.SystemIDs, s.ID))
	}
}

// showAnnual writes out activity a's annual goal in full under the drop-down (nothing when
// it has none).
func (v *activitiesView) showAnnual(a domain.Activity) {
	text := ""
	if i := indexOf(v.annualValues(), a.AnnualGoalID); i > 0 {
		text = v.annualLabels()[i]
	}
	widgets.SetLabel(v.annualText, text)
	if text == "" {
		v.annualText.Hide()
	} else {
		v.annualText.Show()
	}
}

// inherited are the strategic goals activity a serves through its annual goal.
func (v *activitiesView) inherited(a domain.Activity) []int {
	if g, ok := domain.AnnualGoalByID(v.w.d.AnnualGoals, a.AnnualGoalID); ok {
		return g.Goals
	}
	return nil
}

// showGoals ticks the goals activity a serves: those of its annual goal ticked and fixed (they
// change with the annual goal), its own ticked and free.
func (v *activitiesView) showGoals(a domain.Activity) {
	w := v.w
	from := v.inherited(a)
	edit := w.canEdit(StepActivities)
	for k, g := range w.prof.Goals {
		via := slices.Contains(from, g.Number)
		widgets.SetChecked(&v.goals[k].Check, via || slices.Contains(a.Goals, g.Number))
		if via || !edit {
			v.goals[k].Disable()
		} else {
			v.goals[k].Enable()
		}
	}
	note := w.loc.T("wizard.activity.goals_own")
	if n := v.annualNumber(a.AnnualGoalID); n != "" {
		note = w.loc.Tf("wizard.activity.goals_via", "Number", n, "Goals", goalList(from))
	}
	widgets.SetLabel(v.goalsNote, note)
}

func (v *activitiesView) onGoals() {
	a, ok := v.current()
	if !ok {
		return
	}
	from := v.inherited(a)
	gs := []int{}
	for k, g := range v.w.prof.Goals {
		// A goal that comes with the annual goal is not the activity's own.
		if v.goals[k].Checked && (!slices.Contains(from, g.Number) || slices.Contains(a.Goals, g.Number)) {
			gs = append(gs, g.Number)
		}
	}
	if v.ref.id != 0 {
		v.w.change(v.ref.edit(domain.FieldActivityGoals, gs), true)
	}
}

func (v *activitiesView) onAreas() {
	if v.ref.id != 0 {
		v.w.change(v.ref.edit(domain.FieldActivityAreas, checkedAreas(v.w, v.areas)), true)
	}
}

func (v *activitiesView) onSystems() {
	var ids []int64
	for k, s := range v.w.d.Systems {
		if v.systems[k].Checked {
			ids = append(ids, s.ID)
		}
	}
	if v.ref.id != 0 {
		v.w.change(v.ref.edit(domain.FieldActivitySystems, ids), true)
	}
}

func (v *activitiesView) validated() {
	v.refresh()
	if a, ok := v.current(); ok {
		v.showAnnual(a)
		v.showGoals(a) // the annual goal may have changed, and its goals with it
	}
	v.showCount(v.w.loc.Tf("wizard.activity.count", "Count", len(v.acts())))
}

func (v *activitiesView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if !v.selectFor(entity, id) {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "description":
		target = v.description
	case "goals":
		if len(v.goals) > 0 {
			target = v.goals[0]
		}
	case "annual_goal":
		target = v.annual
	case "areas":
		if len(v.areas) > 0 {
			target = v.areas[0]
		}
	case "priority":
		target = v.priority
	case "responsible":
		target = v.responsible
	case "start":
		target = v.start
	case "end":
		target = v.end
	default:
		target = v.title
	}
	v.w.focusWidget(target)
	return true
}

// newRow adds an empty activity and puts the cursor in its title (Ctrl+N).
func (v *activitiesView) newRow() { v.add(domain.Activity{Priority: domain.PriorityMedium}) }

func (v *activitiesView) onDuplicate() {
	a, ok := v.current()
	if !ok {
		return
	}
	v.add(domain.Activity{
		Title: v.w.loc.Tf("wizard.copy_of", "Title", a.Title), Description: a.Description,
		Goals: slices.Clone(a.Goals), Priority: a.Priority, Responsible: a.Responsible, Start: a.Start, End: a.End,
		AnnualGoalID: a.AnnualGoalID, Areas: slices.Clone(a.Areas),
		InternalHours: a.InternalHours, ExternalHours: a.ExternalHours, OperatingCost: a.OperatingCost, Investment: a.Investment,
		SystemIDs: slices.Clone(a.SystemIDs),
	})
}

func priorityText(loc interface{ T(string) string }, p domain.Priority) string {
	if p < domain.PriorityHigh || p > domain.PriorityLow {
		return ""
	}
	return loc.T("priority." + strconv.Itoa(int(p)))
}

// goalList is "1, 4, 7".
func goalList(gs []int) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = strconv.Itoa(g)
	}
	return strings.Join(parts, ", ")
}
