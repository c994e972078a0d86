package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app"
	"handlingsplan/ui/widgets"
)

// checkpointsView is step 6: when and how the plan is followed up, evaluated and reported,
// and to whom.
type checkpointsView struct {
	w     *Wizard
	table *widgets.Table
	ref   rowRef
	f     *form
	info  *widget.Label

	addBtn, dupBtn, delBtn *widget.Button
	detail                 *fyne.Container
	formObj, empty         fyne.CanvasObject

	date     *dateEntry
	method   *textEntry
	reportTo *suggestEntry
}

func (v *checkpointsView) rows() []app.Checkpoint { return v.w.d.Checkpoints }

func (v *checkpointsView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.ref = rowRef{entity: "checkpoint"}
	rows := v.rows
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.date"), Min: 7.5, Text: func(i int) string { return loc.Date(rows()[i].Date) },
			Less: func(a, b int) bool { return dateLess(rows()[a].Date, rows()[b].Date) }},
		{Title: loc.T("wizard.col.method"), Weight: 3, Min: 8, Text: func(i int) string { return rows()[i].Method },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].Method, rows()[b].Method) < 0 }},
		{Title: loc.T("wizard.col.report_to"), Weight: 2, Min: 6, Text: func(i int) string { return rows()[i].ReportTo },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].ReportTo, rows()[b].ReportTo) < 0 }},
	}
	v.table = widgets.NewTable(w.handleKey, cols, func() int { return len(rows()) },
		func(i int) fyne.Resource {
			return w.ic.row(rowState(w.problems, "checkpoint", rows()[i].ID, nil, false))
		}, v.onSelect)

	v.addBtn = widget.NewButtonWithIcon(loc.T("wizard.checkpoint.add"), theme.ContentAddIcon(), v.newRow)
	v.addBtn.Importance = widget.HighImportance
	v.dupBtn = widget.NewButtonWithIcon(loc.T("wizard.duplicate"), theme.ContentCopyIcon(), v.onDuplicate)
	v.delBtn = widget.NewButtonWithIcon(loc.T("wizard.delete"), theme.DeleteIcon(), v.onDelete)
	v.info = widget.NewLabel("")

	v.f = newForm()
	v.date = w.dateField(&v.ref, v.f, "date")
	v.f.add(loc.T("wizard.checkpoint.date"), "date", v.date)
	v.method = w.textField(&v.ref, "method", true)
	v.method.SetMinRowsVisible(3)
	v.method.SetPlaceHolder(loc.T("wizard.checkpoint.method_hint"))
	v.f.add(loc.T("wizard.checkpoint.method"), "method", v.method)
	v.reportTo = w.suggestField(&v.ref, "report_to", []string{loc.T("wizard.checkpoint.to.board"), loc.T("wizard.checkpoint.to.ks"),
		loc.T("wizard.checkpoint.to.management"), loc.T("wizard.checkpoint.to.coordinator")})
	v.reportTo.SetPlaceHolder(loc.T("wizard.checkpoint.report_to_hint"))
	v.f.add(loc.T("wizard.checkpoint.report_to"), "report_to", v.reportTo)
	v.formObj = v.f.scrolling()
	v.empty = container.NewVBox(widgets.Wrapped(loc.T("wizard.checkpoint.none_selected")))
	v.detail = container.NewStack(v.empty)

	editable := w.canEdit(StepCheckpoints)
	if !editable {
		v.addBtn.Disable()
	}
	v.f.setEnabled(editable)
	v.selectID(w.sel[StepCheckpoints])
	v.validated()
	return container.NewBorder(toolbar(v.info, v.addBtn, v.dupBtn, v.delBtn), nil, nil, nil, detailSplit(v.table.Object(), v.detail, 0.5))
}

func (v *checkpointsView) selectID(id int64) {
	for i, c := range v.rows() {
		if c.ID == id {
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

func (v *checkpointsView) onSelect(i int) {
	v.w.flush()
	v.show(i)
}

func (v *checkpointsView) show(i int) {
	w := v.w
	editable := w.canEdit(StepCheckpoints)
	if i < 0 || i >= len(v.rows()) {
		v.ref.id = 0
		v.detail.Objects = []fyne.CanvasObject{v.empty}
		v.detail.Refresh()
		v.dupBtn.Disable()
		v.delBtn.Disable()
		w.selectRow(0)
		return
	}
	c := v.rows()[i]
	v.ref.id = 0
	widgets.SetDate(&v.date.DateEntry, c.Date)
	widgets.SetText(&v.method.Entry, c.Method)
	widgets.SetText(&v.reportTo.Entry, c.ReportTo)
	v.ref.id = c.ID
	w.selectRow(c.ID)
	v.detail.Objects = []fyne.CanvasObject{v.formObj}
	v.detail.Refresh()
	if editable {
		v.dupBtn.Enable()
		v.delBtn.Enable()
	} else {
		v.dupBtn.Disable()
		v.delBtn.Disable()
	}
	v.f.showProblems(w, "checkpoint", c.ID)
}

func (v *checkpointsView) validated() {
	w := v.w
	v.table.Refresh()
	if v.ref.id != 0 {
		v.f.showProblems(w, "checkpoint", v.ref.id)
	}
	bad := 0
	for _, c := range v.rows() {
		if rowState(w.problems, "checkpoint", c.ID, nil, false) == stateBlocking {
			bad++
		}
	}
	text := w.loc.Tf("wizard.checkpoint.count", "Count", len(v.rows()))
	if bad > 0 {
		text += " · " + w.loc.Tf("wizard.rows_with_errors", "Count", bad)
	}
	widgets.SetLabel(v.info, text)
}

func (v *checkpointsView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if entity != "checkpoint" {
		return false
	}
	v.selectID(id)
	if v.ref.id != id {
		return false
	}
	var target fyne.Focusable
	switch field {
	case "method":
		target = v.method
	case "report_to":
		target = v.reportTo
	default:
		target = v.date
	}
	v.w.focusWidget(target)
	return true
}

func (v *checkpointsView) newRow() {
	if id := v.w.addRow(v.w.checkpointOps(), app.Checkpoint{}); id != 0 {
		v.w.view.focus("checkpoint", id, "date")
	}
}

func (v *checkpointsView) current() (app.Checkpoint, bool) {
	for _, c := range v.rows() {
		if c.ID == v.ref.id && c.ID != 0 {
			return c, true
		}
	}
	return app.Checkpoint{}, false
}

func (v *checkpointsView) onDuplicate() {
	c, ok := v.current()
	if !ok {
		return
	}
	c.ID, c.Position, c.Done = 0, 0, false
	if id := v.w.addRow(v.w.checkpointOps(), c); id != 0 {
		v.w.view.focus("checkpoint", id, "date")
	}
}

func (v *checkpointsView) onDelete() {
	if c, ok := v.current(); ok {
		label := c.Method
		if label == "" {
			label = v.w.loc.Date(c.Date)
		}
		v.w.deleteRow(v.w.checkpointOps(), c.ID, label)
	}
}

// detailForm is the form of the selected row (the review scrolls it to a field).
func (v *checkpointsView) detailForm() *form { return v.f }
