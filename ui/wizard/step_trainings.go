package wizard

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app"
	"handlingsplan/ui/widgets"
)

// trainingsView is step 5: when and how the staff are informed and trained.
type trainingsView struct {
	w     *Wizard
	table *widgets.Table
	ref   rowRef
	f     *form
	info  *widget.Label

	addBtn, dupBtn, delBtn *widget.Button
	detail                 *fyne.Container
	formObj, empty         fyne.CanvasObject

	title, target, responsible, evaluation *textEntry
	participants                           *textEntry
	format                                 *choice
	dates                                  *datesEditor
}

func formatValues() []any {
	out := make([]any, len(app.TrainingFormats))
	for i, f := range app.TrainingFormats {
		out[i] = string(f)
	}
	return out
}

func (v *trainingsView) rows() []app.Training { return v.w.d.Trainings }

func (v *trainingsView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.ref = rowRef{entity: "training"}
	rows := v.rows
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.what"), Weight: 5, Min: 8, Text: func(i int) string { return rows()[i].Title },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].Title, rows()[b].Title) < 0 }},
		{Title: loc.T("wizard.col.target_group"), Weight: 2, Min: 6, Text: func(i int) string { return rows()[i].TargetGroup },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].TargetGroup, rows()[b].TargetGroup) < 0 }},
		{Title: loc.T("wizard.col.format"), Weight: 1, Min: 6, Text: func(i int) string { return formatText(loc, rows()[i].Format) },
			Less: func(a, b int) bool {
				return loc.Compare(formatText(loc, rows()[a].Format), formatText(loc, rows()[b].Format)) < 0
			}},
		{Title: loc.T("wizard.col.dates"), Min: 7.5, Weight: 0.5, Text: func(i int) string { return datesText(loc, rows()[i].Dates) },
			Less: func(a, b int) bool { return dateLess(firstDate(rows()[a].Dates), firstDate(rows()[b].Dates)) }},
		{Title: loc.T("wizard.col.participants"), Min: 4, Weight: 0.3, Align: fyne.TextAlignTrailing,
			Text: func(i int) string { return loc.Number(int64(rows()[i].ExpectedParticipants)) },
			Less: func(a, b int) bool { return rows()[a].ExpectedParticipants < rows()[b].ExpectedParticipants }},
	}
	v.table = widgets.NewTable(w.handleKey, cols, func() int { return len(rows()) },
		func(i int) fyne.Resource { return w.ic.row(rowState(w.problems, "training", rows()[i].ID, nil, false)) }, v.onSelect)

	v.addBtn = widget.NewButtonWithIcon(loc.T("wizard.training.add"), theme.ContentAddIcon(), v.newRow)
	v.addBtn.Importance = widget.HighImportance
	v.dupBtn = widget.NewButtonWithIcon(loc.T("wizard.duplicate"), theme.ContentCopyIcon(), v.onDuplicate)
	v.delBtn = widget.NewButtonWithIcon(loc.T("wizard.delete"), theme.DeleteIcon(), v.onDelete)
	v.info = widget.NewLabel("")

	v.f = newForm()
	v.title = w.textField(&v.ref, "title", false)
	v.title.SetPlaceHolder(loc.T("wizard.training.title_hint"))
	v.f.add(loc.T("wizard.training.title"), "title", v.title)
	v.target = w.textField(&v.ref, "target_group", false)
	v.target.SetPlaceHolder(loc.T("wizard.training.target_hint"))
	v.f.add(loc.T("wizard.training.target_group"), "target_group", v.target)
	labels := make([]string, len(app.TrainingFormats))
	for i, f := range app.TrainingFormats {
		labels[i] = formatText(loc, f)
	}
	v.format = w.choiceField(&v.ref, "format", labels, formatValues())
	v.f.add(loc.T("wizard.training.format"), "format", v.format)
	v.dates = newDatesEditor(w, &v.ref)
	v.f.add(loc.T("wizard.training.dates"), "dates", v.dates.box, v.dates)
	v.responsible = w.textField(&v.ref, "responsible", false)
	v.responsible.SetPlaceHolder(loc.T("wizard.training.responsible_hint"))
	v.f.add(loc.T("wizard.training.responsible"), "responsible", v.responsible)
	v.participants = w.numberField(&v.ref, v.f, "expected_participants")
	v.f.add(loc.T("wizard.training.participants"), "expected_participants", v.participants)
	v.evaluation = w.textField(&v.ref, "evaluation", true)
	v.evaluation.SetPlaceHolder(loc.T("wizard.training.evaluation_hint"))
	v.f.add(loc.T("wizard.training.evaluation"), "evaluation", v.evaluation)
	v.formObj = v.f.scrolling()
	v.empty = container.NewVBox(widgets.Wrapped(loc.T("wizard.training.none_selected")))
	v.detail = container.NewStack(v.empty)

	editable := w.canEdit(StepTrainings)
	if !editable {
		v.addBtn.Disable()
	}
	v.f.setEnabled(editable)
	v.selectID(w.sel[StepTrainings])
	v.validated()
	return container.NewBorder(toolbar(v.info, v.addBtn, v.dupBtn, v.delBtn), nil, nil, nil, detailSplit(v.table.Object(), v.detail, 0.55))
}

func (v *trainingsView) selectID(id int64) {
	for i, t := range v.rows() {
		if t.ID == id {
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

func (v *trainingsView) onSelect(i int) {
	v.w.flush()
	v.show(i)
}

func (v *trainingsView) show(i int) {
	w := v.w
	editable := w.canEdit(StepTrainings)
	if i < 0 || i >= len(v.rows()) {
		v.ref.id = 0
		v.detail.Objects = []fyne.CanvasObject{v.empty}
		v.detail.Refresh()
		v.dupBtn.Disable()
		v.delBtn.Disable()
		w.selectRow(0)
		return
	}
	t := v.rows()[i]
	v.ref.id = 0
	clear(v.f.local)
	widgets.SetText(&v.title.Entry, t.Title)
	widgets.SetText(&v.target.Entry, t.TargetGroup)
	widgets.SetSelected(&v.format.Select, indexOf(formatValues(), string(t.Format)))
	v.dates.show(t.Dates, editable)
	widgets.SetText(&v.responsible.Entry, t.Responsible)
	showNumber(v.participants, int64(t.ExpectedParticipants))
	widgets.SetText(&v.evaluation.Entry, t.Evaluation)
	v.ref.id = t.ID
	w.selectRow(t.ID)
	v.detail.Objects = []fyne.CanvasObject{v.formObj}
	v.detail.Refresh()
	if editable {
		v.dupBtn.Enable()
		v.delBtn.Enable()
	} else {
		v.dupBtn.Disable()
		v.delBtn.Disable()
	}
	v.f.showProblems(w, "training", t.ID)
}

func (v *trainingsView) validated() {
	w := v.w
	v.table.Refresh()
	if v.ref.id != 0 {
		v.f.showProblems(w, "training", v.ref.id)
	}
	bad, people := 0, 0
	for _, t := range v.rows() {
		if rowState(w.problems, "training", t.ID, nil, false) == stateBlocking {
			bad++
		}
		people += t.ExpectedParticipants
	}
	text := w.loc.Tf("wizard.training.count", "Count", len(v.rows()), "People", w.loc.Number(int64(people)))
	if bad > 0 {
		text += " · " + w.loc.Tf("wizard.rows_with_errors", "Count", bad)
	}
	widgets.SetLabel(v.info, text)
}

func (v *trainingsView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if entity != "training" {
		return false
	}
	v.selectID(id)
	if v.ref.id != id {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "target_group":
		target = v.target
	case "format":
		target = v.format
	case "dates":
		target = v.dates.first()
	case "responsible":
		target = v.responsible
	case "expected_participants", "actual_participants":
		target = v.participants
	case "evaluation":
		target = v.evaluation
	default:
		target = v.title
	}
	v.w.focusWidget(target)
	return true
}

func (v *trainingsView) newRow() {
	if id := v.w.addRow(v.w.trainingOps(), app.Training{Format: app.FormatWorkshop}); id != 0 {
		v.w.view.focus("training", id, "title")
	}
}

func (v *trainingsView) current() (app.Training, bool) {
	for _, t := range v.rows() {
		if t.ID == v.ref.id && t.ID != 0 {
			return t, true
		}
	}
	return app.Training{}, false
}

func (v *trainingsView) onDuplicate() {
	t, ok := v.current()
	if !ok {
		return
	}
	c := t
	c.ID, c.Position, c.ActualParticipants = 0, 0, 0
	c.Title = v.w.loc.Tf("wizard.copy_of", "Title", t.Title)
	c.Dates = slices.Clone(t.Dates)
	if id := v.w.addRow(v.w.trainingOps(), c); id != 0 {
		v.w.view.focus("training", id, "title")
	}
}

func (v *trainingsView) onDelete() {
	if t, ok := v.current(); ok {
		v.w.deleteRow(v.w.trainingOps(), t.ID, t.Title)
	}
}

func formatText(loc interface{ T(string) string }, f app.TrainingFormat) string {
	if f == "" {
		return ""
	}
	return loc.T("format." + string(f))
}

func firstDate(ds []time.Time) time.Time {
	if len(ds) == 0 {
		return time.Time{}
	}
	return slices.MinFunc(ds, func(a, b time.Time) int { return a.Compare(b) })
}

// datesText is "2027-03-10" or "2027-03-10 +2".
func datesText(loc interface{ Date(time.Time) string }, ds []time.Time) string {
	if len(ds) == 0 {
		return ""
	}
	s := loc.Date(firstDate(ds))
	if len(ds) > 1 {
		s += " +" + strconv.Itoa(len(ds)-1)
	}
	return s
}

// detailForm is the form of the selected row (the review scrolls it to a field).
func (v *trainingsView) detailForm() *form { return v.f }
