package wizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/ui/widgets"
)

// rowStep is what the steps with a table of rows (T) beside the selected row's form share:
// the table, the form and its "nothing selected" text, the optional add/duplicate/delete
// buttons, and keeping the selection, the form and the buttons in step with each other.
type rowStep[T any] struct {
	w     *Wizard
	step  int
	table *widgets.Table
	ref   rowRef
	f     *form
	info  *widget.Label

	// addBtn, dupBtn and delBtn stay nil in steps that add no rows of their own.
	addBtn, dupBtn, delBtn *widget.Button
	detail                 *fyne.Container
	formObj, empty         fyne.CanvasObject

	items func() []T    // the rows, in data order
	idOf  func(T) int64 // a row's id
	// fill puts a row into the form's inputs; it runs while ref.id is 0, so nothing is saved.
	fill func(T)
	// marks are the fields whose problems mark a row in the table (nil: all of them), or with
	// exclude, the fields whose problems do not.
	marks   map[string]bool
	exclude bool

	// For steps with buttons: where new rows are stored, the field a new row opens in, and
	// the text the delete question names a row by.
	ops        func() rowOps
	firstField string
	label      func(T) string
}

// state is how the table marks row id.
func (s *rowStep[T]) state(id int64) stepState {
	return rowState(s.w.problems, s.ref.entity, id, s.marks, s.exclude)
}

// newTable makes the sortable table of the rows with a problem mark per row.
func (s *rowStep[T]) newTable(cols []widgets.Column) {
	s.table = widgets.NewTable(widgets.TableConfig{Columns: cols, Count: func() int { return len(s.items()) },
		Mark:     func(i int) fyne.Resource { return s.w.ic.row(s.state(s.idOf(s.items()[i]))) },
		OnSelect: s.onSelect, OnKey: s.w.handleKey, Wrap: true})
	s.info = widget.NewLabel("")
}

// newButtons makes the add (the step's main action), duplicate and delete buttons.
func (s *rowStep[T]) newButtons(addText string, onAdd, onDuplicate func()) {
	loc := s.w.loc
	s.addBtn = widget.NewButtonWithIcon(addText, theme.ContentAddIcon(), onAdd)
	s.addBtn.Importance = widget.HighImportance
	s.dupBtn = widget.NewButtonWithIcon(loc.T("wizard.duplicate"), theme.ContentCopyIcon(), onDuplicate)
	s.delBtn = widget.NewButtonWithIcon(loc.T("wizard.delete"), theme.DeleteIcon(), s.onDelete)
}

// setForm sets the detail pane: formObj for a selected row, emptyText when there is none.
func (s *rowStep[T]) setForm(formObj fyne.CanvasObject, emptyText string) {
	s.formObj = formObj
	s.empty = container.NewVBox(widgets.Wrapped(emptyText))
	s.detail = container.NewStack(s.empty)
}

// open enables the inputs as far as the plan allows and selects the row selected last.
func (s *rowStep[T]) open() {
	editable := s.w.canEdit(s.step)
	if !editable && s.addBtn != nil {
		s.addBtn.Disable()
	}
	s.f.setEnabled(editable)
	s.selectID(s.w.sel[s.step])
}

// layout puts top (nil: the toolbar of buttons and info) and bottom around the table and
// the detail pane; share is the table's part of the width.
func (s *rowStep[T]) layout(top, bottom fyne.CanvasObject, share float64) fyne.CanvasObject {
	if top == nil {
		top = toolbar(s.info, s.addBtn, s.dupBtn, s.delBtn)
	}
	return container.NewBorder(top, bottom, nil, nil, detailSplit(s.table.Object(), s.detail, share))
}

// selectID shows row id (0 or unknown: the first in table order, or none) in the table and
// the form.
func (s *rowStep[T]) selectID(id int64) {
	for i, r := range s.items() {
		if s.idOf(r) == id {
			s.table.SelectData(i)
			s.show(i)
			return
		}
	}
	if n := s.table.Count(); n > 0 {
		first := s.table.Order()[0]
		s.table.SelectData(first)
		s.show(first)
		return
	}
	s.table.SelectData(-1)
	s.show(-1)
}

func (s *rowStep[T]) onSelect(i int) {
	s.w.flush()
	s.show(i)
}

// show fills the form with row i (-1: none).
func (s *rowStep[T]) show(i int) {
	w := s.w
	rows := s.items()
	if i < 0 || i >= len(rows) {
		s.ref.id = 0
		s.showDetail(s.empty)
		s.enableRowButtons(false)
		w.selectRow(0)
		return
	}
	r := rows[i]
	s.ref.id = 0 // no saving while the inputs are filled
	s.fill(r)
	id := s.idOf(r)
	s.ref.id = id
	w.selectRow(id)
	s.showDetail(s.formObj)
	s.enableRowButtons(w.canEdit(s.step))
	s.f.showProblems(w, s.ref.entity, id)
}

func (s *rowStep[T]) showDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// enableRowButtons enables duplicate and delete, which act on the selected row.
func (s *rowStep[T]) enableRowButtons(on bool) {
	if s.dupBtn == nil {
		return
	}
	if on {
		s.dupBtn.Enable()
		s.delBtn.Enable()
	} else {
		s.dupBtn.Disable()
		s.delBtn.Disable()
	}
}

// refresh redraws the row marks and the selected row's error sentences after a change.
func (s *rowStep[T]) refresh() {
	s.table.Refresh()
	if s.ref.id != 0 {
		s.f.showProblems(s.w, s.ref.entity, s.ref.id)
	}
}

// showCount puts text (how many rows) in the info label, followed by how many rows have
// blocking errors when any do.
func (s *rowStep[T]) showCount(text string) {
	bad := 0
	for _, r := range s.items() {
		if s.state(s.idOf(r)) == stateBlocking {
			bad++
		}
	}
	if bad > 0 {
		text += " · " + s.w.loc.Tf("wizard.rows_with_errors", "Count", bad)
	}
	widgets.SetLabel(s.info, text)
}

// selectFor selects row id of entity so that focus can put the cursor in it; false when the
// entity is not this step's or the row is not there.
func (s *rowStep[T]) selectFor(entity string, id int64) bool {
	if entity != s.ref.entity {
		return false
	}
	s.selectID(id)
	return s.ref.id == id
}

// current is the selected row.
func (s *rowStep[T]) current() (T, bool) {
	for _, r := range s.items() {
		if id := s.idOf(r); id == s.ref.id && id != 0 {
			return r, true
		}
	}
	var none T
	return none, false
}

// add stores a new row and puts the cursor in its first field.
func (s *rowStep[T]) add(row T) {
	if id := s.w.addRow(s.ops(), row); id != 0 {
		s.w.view.focus(s.ref.entity, id, s.firstField)
	}
}

func (s *rowStep[T]) onDelete() {
	if r, ok := s.current(); ok {
		s.w.deleteRow(s.ops(), s.idOf(r), s.label(r))
	}
}

// detailForm is the form of the selected row (the review scrolls it to a field).
func (s *rowStep[T]) detailForm() *form { return s.f }
