package wizard

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app"
	"handlingsplan/ui/widgets"
)

// activitiesView is step 3: the plan's activities in a sortable table, the selected one in a
// form beside it.
type activitiesView struct {
	w     *Wizard
	table *widgets.Table
	ref   rowRef
	f     *form
	info  *widget.Label

	addBtn, dupBtn, delBtn *widget.Button
	detail                 *fyne.Container
	formObj, empty         fyne.CanvasObject

	title, description, responsible *textEntry
	priority                        *choice
	start, end                      *dateEntry
	goals                           []*tick
	systems                         []*tick
}

var priorityValues = []any{int64(app.PriorityHigh), int64(app.PriorityMedium), int64(app.PriorityLow)}

func (v *activitiesView) acts() []app.Activity { return v.w.d.Activities }

func (v *activitiesView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.ref = rowRef{entity: "activity"}
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
		{Title: loc.T("wizard.col.goals"), Min: 3.5, Weight: 0.3, Text: func(i int) string { return goalList(acts()[i].Goals) },
			Less: func(a, b int) bool { return slices.Compare(acts()[a].Goals, acts()[b].Goals) < 0 }},
		{Title: loc.T("wizard.col.responsible"), Weight: 1, Min: 5, Text: func(i int) string { return acts()[i].Responsible },
			Less: func(a, b int) bool { return loc.Compare(acts()[a].Responsible, acts()[b].Responsible) < 0 }},
	}
	v.table = widgets.NewTable(w.handleKey, cols, func() int { return len(acts()) },
		func(i int) fyne.Resource {
			return w.ic.row(rowState(w.problems, "activity", acts()[i].ID, resourceFields, true))
		}, v.onSelect)

	v.addBtn = widget.NewButtonWithIcon(loc.T("wizard.activity.add"), theme.ContentAddIcon(), v.newRow)
	v.addBtn.Importance = widget.HighImportance
	v.dupBtn = widget.NewButtonWithIcon(loc.T("wizard.duplicate"), theme.ContentCopyIcon(), v.onDuplicate)
	v.delBtn = widget.NewButtonWithIcon(loc.T("wizard.delete"), theme.DeleteIcon(), v.onDelete)
	v.info = widget.NewLabel("")

	v.formObj = v.buildForm()
	v.empty = container.NewVBox(widgets.Wrapped(loc.T("wizard.activity.none_selected")))
	v.detail = container.NewStack(v.empty)

	editable := w.canEdit(StepActivities)
	if !editable {
		v.addBtn.Disable()
	}
	v.f.setEnabled(editable)
	v.selectID(w.sel[StepActivities])
	v.validated()
	bar := toolbar(v.info, v.addBtn, v.dupBtn, v.delBtn)
	return container.NewBorder(bar, nil, nil, nil, detailSplit(v.table.Object(), v.detail, 0.62))
}

func (v *activitiesView) buildForm() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.f = newForm()
	v.title = w.textField(&v.ref, "title", false)
	v.title.SetPlaceHolder(loc.T("wizard.activity.title_hint"))
	v.f.add(loc.T("wizard.activity.title"), "title", v.title)

	v.description = w.textField(&v.ref, "description", true)
	v.description.SetPlaceHolder(loc.T("wizard.activity.description_hint"))
	v.f.add(loc.T("wizard.activity.description"), "description", v.description)

	goalBox := container.NewVBox()
	var goalInputs []fyne.Disableable
	for _, g := range w.prof.Goals {
		t := newTick(w, strconv.Itoa(g.Number))
		t.OnChanged = func(bool) { v.onGoals() }
		v.goals = append(v.goals, t)
		goalInputs = append(goalInputs, t)
		goalBox.Objects = append(goalBox.Objects, container.NewBorder(nil, nil, t, nil, widgets.Wrapped(g.Text)))
	}
	v.f.add(loc.T("wizard.activity.goals"), "goals", goalBox, goalInputs...)

	labels := []string{loc.T("priority.1"), loc.T("priority.2"), loc.T("priority.3")}
	v.priority = w.choiceField(&v.ref, "priority", labels, priorityValues)
	v.f.add(loc.T("wizard.activity.priority"), "priority", v.priority)

	v.responsible = w.textField(&v.ref, "responsible", false)
	v.responsible.SetPlaceHolder(loc.T("wizard.activity.responsible_hint"))
	v.f.add(loc.T("wizard.activity.responsible"), "responsible", v.responsible)

	v.start = w.dateField(&v.ref, v.f, "start")
	v.f.add(loc.T("wizard.activity.start"), "start", v.start)
	v.end = w.dateField(&v.ref, v.f, "end")
	v.f.add(loc.T("wizard.activity.end"), "end", v.end)

	if len(w.d.Systems) == 0 {
		v.f.add(loc.T("wizard.activity.systems"), "", widgets.Wrapped(loc.T("wizard.activity.no_systems")))
	} else {
		sysBox := container.NewVBox()
		var sysInputs []fyne.Disableable
		for _, s := range w.d.Systems {
			t := newTick(w, s.Name)
			t.OnChanged = func(bool) { v.onSystems() }
			v.systems = append(v.systems, t)
			sysInputs = append(sysInputs, t)
			sysBox.Objects = append(sysBox.Objects, t)
		}
		v.f.add(loc.T("wizard.activity.systems"), "", sysBox, sysInputs...)
	}
	return v.f.scrolling()
}

// selectID shows activity id (0 or unknown: none) in the table and the form.
func (v *activitiesView) selectID(id int64) {
	for i, a := range v.acts() {
		if a.ID == id {
			v.table.SelectData(i)
			v.show(i)
			return
		}
	}
	if n := v.table.Count(); n > 0 {
		first := v.table.Order()[0]
		v.table.SelectData(first)
		v.show(first)
		return
	}
	v.table.SelectData(-1)
	v.show(-1)
}

func (v *activitiesView) onSelect(i int) {
	v.w.flush()
	v.show(i)
}

// show fills the form with activity i (-1: none).
func (v *activitiesView) show(i int) {
	w := v.w
	editable := w.canEdit(StepActivities)
	if i < 0 || i >= len(v.acts()) {
		v.ref.id = 0
		v.detail.Objects = []fyne.CanvasObject{v.empty}
		v.detail.Refresh()
		v.dupBtn.Disable()
		v.delBtn.Disable()
		w.selectRow(0)
		return
	}
	a := v.acts()[i]
	v.ref.id = 0 // no saving while the inputs are filled
	clear(v.f.local)
	widgets.SetText(&v.title.Entry, a.Title)
	widgets.SetText(&v.description.Entry, a.Description)
	widgets.SetText(&v.responsible.Entry, a.Responsible)
	widgets.SetSelected(&v.priority.Select, indexOf(priorityValues, int64(a.Priority)))
	widgets.SetDate(&v.start.DateEntry, a.Start)
	widgets.SetDate(&v.end.DateEntry, a.End)
	for k, g := range w.prof.Goals {
		widgets.SetChecked(&v.goals[k].Check, slices.Contains(a.Goals, g.Number))
	}
	for k, s := range w.d.Systems {
		widgets.SetChecked(&v.systems[k].Check, slices.Contains(a.SystemIDs, s.ID))
	}
	v.ref.id = a.ID
	w.selectRow(a.ID)
	v.detail.Objects = []fyne.CanvasObject{v.formObj}
	v.detail.Refresh()
	if editable {
		v.dupBtn.Enable()
		v.delBtn.Enable()
	} else {
		v.dupBtn.Disable()
		v.delBtn.Disable()
	}
	v.f.showProblems(w, "activity", a.ID)
}

func (v *activitiesView) onGoals() {
	var gs []int
	for k, g := range v.w.prof.Goals {
		if v.goals[k].Checked {
			gs = append(gs, g.Number)
		}
	}
	if v.ref.id != 0 {
		v.w.change(v.ref.edit("goals", gs), true)
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
		v.w.change(v.ref.edit("systems", ids), true)
	}
}

func (v *activitiesView) validated() {
	w := v.w
	v.table.Refresh()
	if v.ref.id != 0 {
		v.f.showProblems(w, "activity", v.ref.id)
	}
	bad := 0
	for _, a := range v.acts() {
		if rowState(w.problems, "activity", a.ID, resourceFields, true) == stateBlocking {
			bad++
		}
	}
	text := w.loc.Tf("wizard.activity.count", "Count", len(v.acts()))
	if bad > 0 {
		text += " · " + w.loc.Tf("wizard.rows_with_errors", "Count", bad)
	}
	widgets.SetLabel(v.info, text)
}

func (v *activitiesView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if entity != "activity" {
		return false
	}
	v.selectID(id)
	if v.ref.id != id {
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
func (v *activitiesView) newRow() {
	if id := v.w.addRow(v.w.activityOps(), app.Activity{Priority: app.PriorityMedium}); id != 0 {
		v.w.view.focus("activity", id, "title")
	}
}

func (v *activitiesView) current() (app.Activity, bool) {
	for _, a := range v.acts() {
		if a.ID == v.ref.id && a.ID != 0 {
			return a, true
		}
	}
	return app.Activity{}, false
}

func (v *activitiesView) onDuplicate() {
	a, ok := v.current()
	if !ok {
		return
	}
	c := app.Activity{
		Title: v.w.loc.Tf("wizard.copy_of", "Title", a.Title), Description: a.Description,
		Goals: slices.Clone(a.Goals), Priority: a.Priority, Responsible: a.Responsible, Start: a.Start, End: a.End,
		InternalHours: a.InternalHours, ExternalHours: a.ExternalHours, OperatingCost: a.OperatingCost, Investment: a.Investment,
		SystemIDs: slices.Clone(a.SystemIDs),
	}
	if id := v.w.addRow(v.w.activityOps(), c); id != 0 {
		v.w.view.focus("activity", id, "title")
	}
}

func (v *activitiesView) onDelete() {
	if a, ok := v.current(); ok {
		v.w.deleteRow(v.w.activityOps(), a.ID, a.Title)
	}
}

func priorityText(loc interface{ T(string) string }, p app.Priority) string {
	if p < app.PriorityHigh || p > app.PriorityLow {
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

// detailForm is the form of the selected row (the review scrolls it to a field).
func (v *activitiesView) detailForm() *form { return v.f }
