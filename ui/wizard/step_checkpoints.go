package wizard

import (
	"fyne.io/fyne/v2"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// checkpointsView is step 6: when and how the plan is followed up, evaluated and reported,
// and to whom.
type checkpointsView struct {
	w *Wizard
	rowStep[domain.Checkpoint]

	date     *widgets.DateEntry
	method   *widgets.TextEntry
	reportTo *widgets.SuggestEntry
}

func (v *checkpointsView) rows() []domain.Checkpoint { return v.w.d.Checkpoints }

func (v *checkpointsView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.rowStep = rowStep[domain.Checkpoint]{w: w, step: StepCheckpoints, ref: rowRef{entity: "checkpoint"},
		items: v.rows, idOf: func(c domain.Checkpoint) int64 { return c.ID }, fill: v.fill,
		ops: w.checkpointOps, firstField: "date", label: v.label}
	rows := v.rows
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.date"), Min: 7.5, Text: func(i int) string { return loc.Date(rows()[i].Date) },
			Less: func(a, b int) bool { return dateLess(rows()[a].Date, rows()[b].Date) }},
		{Title: loc.T("wizard.col.method"), Weight: 3, Min: 8, Text: func(i int) string { return rows()[i].Method },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].Method, rows()[b].Method) < 0 }},
		// The receiver gives way on a narrow screen (a long one is one long word): the form shows it.
		{Title: loc.T("wizard.col.report_to"), Weight: 2, Min: 6, Optional: true, Text: func(i int) string { return rows()[i].ReportTo },
			Less: func(a, b int) bool { return loc.Compare(rows()[a].ReportTo, rows()[b].ReportTo) < 0 }},
	}
	v.newTable(cols)
	v.newButtons(loc.T("wizard.checkpoint.add"), v.newRow, v.onDuplicate)

	v.f = newForm()
	v.date = w.dateField(&v.ref, v.f, domain.FieldCheckpointDate)
	v.f.add(loc.T("wizard.checkpoint.date"), "date", v.date)
	v.method = w.textField(&v.ref, domain.FieldCheckpointMethod, true)
	v.method.SetMinRowsVisible(3)
	v.method.SetPlaceHolder(loc.T("wizard.checkpoint.method_hint"))
	v.f.add(loc.T("wizard.checkpoint.method"), "method", v.method)
	v.reportTo = w.suggestField(&v.ref, domain.FieldCheckpointReportTo, []string{loc.T("wizard.checkpoint.to.board"), loc.T("wizard.checkpoint.to.ks"),
		loc.T("wizard.checkpoint.to.management"), loc.T("wizard.checkpoint.to.coordinator")})
	v.reportTo.SetPlaceHolder(loc.T("wizard.checkpoint.report_to_hint"))
	v.f.add(loc.T("wizard.checkpoint.report_to"), "report_to", v.reportTo)
	v.setForm(v.f.scrolling(), loc.T("wizard.checkpoint.none_selected"))
	v.open()
	v.validated()
	return v.layout(nil, nil, 0.45)
}

// fill puts checkpoint c into the form.
func (v *checkpointsView) fill(c domain.Checkpoint) {
	// A half-typed date of the previous row must not show its error under this one.
	clear(v.f.local)
	widgets.SetDate(&v.date.DateEntry, c.Date)
	widgets.SetText(&v.method.Entry, c.Method)
	widgets.SetText(&v.reportTo.Entry, c.ReportTo)
}

func (v *checkpointsView) validated() {
	v.refresh()
	v.showCount(v.w.loc.Tf("wizard.checkpoint.count", "Count", len(v.rows())))
}

func (v *checkpointsView) focus(entity string, id int64, field string) bool {
	if entity == "plan" {
		v.w.focusWidget(v.addBtn)
		return true
	}
	if !v.selectFor(entity, id) {
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

func (v *checkpointsView) newRow() { v.add(domain.Checkpoint{}) }

func (v *checkpointsView) onDuplicate() {
	c, ok := v.current()
	if !ok {
		return
	}
	c.ID, c.Position, c.Done = 0, 0, false
	v.add(c)
}

// label names checkpoint c in the delete question: its method, or its date without one.
func (v *checkpointsView) label(c domain.Checkpoint) string {
	if c.Method == "" {
		return v.w.loc.Date(c.Date)
	}
	return c.Method
}
