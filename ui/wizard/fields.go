package wizard

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/ui/widgets"
)

// fieldError is the red sentence under an input that says what is wrong with it. Select and
// Check groups do not validate themselves, so every field gets one, fed from the plan's problems.
func fieldError() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

// showError sets or clears a field's sentence: in the error colour with the input marked red
// when it blocks, in the warning colour when it is only worth a look.
func showError(l *widget.Label, input fyne.CanvasObject, text string, blocking bool) {
	imp := widget.WarningImportance
	if blocking {
		imp = widget.DangerImportance
	}
	if l == nil || (l.Text == text && l.Importance == imp && l.Visible() == (text != "")) {
		return
	}
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	var err error
	if text != "" && blocking {
		err = errors.New(text)
	}
	switch x := input.(type) {
	case *widgets.TextEntry:
		x.SetValidationError(err)
	case *widgets.SuggestEntry:
		x.SetValidationError(err)
	}
}

// markDate keeps a date input's own mark in line with its error sentence: DateEntry validates
// itself and would show a green tick beside a red "the end is before the start".
func markDate(input fyne.CanvasObject, text string) {
	e, ok := input.(*widgets.DateEntry)
	if !ok {
		return
	}
	if text != "" {
		e.SetValidationError(errors.New(text))
		return
	}
	// A parsed date with no problem: the entry's own check decides.
	e.Validate()
}

// form lays out labelled inputs in two columns (label, input with its error sentence under it)
// and remembers the inputs so that a read-only plan can disable them all at once.
type form struct {
	grid   *fyne.Container
	inputs []fyne.Disableable
	errs   map[string]*widget.Label
	fields map[string]fyne.CanvasObject
	rows   map[string]fyne.CanvasObject // the input with its error sentence, per field
	scroll *container.Scroll            // the form's scroll, once made by scrolling()
	// local are errors found while typing that never reach the store (a date half typed); they
	// win over the plan's problems for that field. A number that is no value is not one of
	// them: it is kept as typed and judged with the plan (domain.Unparsed).
	local map[string]string
}

func newForm() *form {
	return &form{grid: container.New(layout.NewFormLayout()), errs: map[string]*widget.Label{},
		fields: map[string]fyne.CanvasObject{}, rows: map[string]fyne.CanvasObject{}, local: map[string]string{}}
}

// add appends a row; field names the problems shown under it ("" for none). Inputs that can
// be disabled are collected; obj may be a container holding several (pass them as inputs).
func (f *form) add(label, field string, obj fyne.CanvasObject, inputs ...fyne.Disableable) {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	var right fyne.CanvasObject = obj
	if field != "" {
		e := fieldError()
		f.errs[field] = e
		f.fields[field] = obj
		right = container.NewVBox(obj, e)
		f.rows[field] = right
	}
	// Appended without Add: Add lays the grid out at each call, and wrapped text laid out at
	// zero width costs a line per letter.
	f.grid.Objects = append(f.grid.Objects, l, right)
	if d, ok := obj.(fyne.Disableable); ok && len(inputs) == 0 {
		inputs = []fyne.Disableable{d}
	}
	f.inputs = append(f.inputs, inputs...)
}

// showProblems puts the problems of row entity/id (or the local errors) under each field.
func (f *form) showProblems(w *Wizard, entity string, id int64) {
	for field, l := range f.errs {
		text, blocking := f.local[field], true
		if text == "" {
			text, blocking = w.problemText(entity, id, field)
		}
		showError(l, f.fields[field], text, blocking)
		markDate(f.fields[field], text)
	}
}

// scrolling is the form in a vertical scroll, remembered so reveal can move it.
func (f *form) scrolling() *container.Scroll {
	f.scroll = vscroll(container.NewPadded(f.grid))
	return f.scroll
}

// vscroll scrolls content vertically and brings each input into view when it gets the focus
// (Tab would otherwise put the cursor below the visible part).
func vscroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(content)
	widgets.RevealFocus(s)
	return s
}

// reveal scrolls the form so that field's input is in view (a review row jumps to a field that
// may sit below the fold of a long form).
func (f *form) reveal(field string) {
	row, ok := f.rows[field]
	if !ok || f.scroll == nil {
		return
	}
	y := row.Position().Y + theme.Padding()
	view := f.scroll.Size().Height
	// Only scroll when the row is not already wholly in view; then put it near the top.
	off := f.scroll.Offset.Y
	if y >= off && y+row.Size().Height <= off+view {
		return
	}
	f.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-theme.Padding()*2)))
}

// setEnabled enables or disables every input of the form.
func (f *form) setEnabled(on bool) {
	for _, d := range f.inputs {
		if on {
			d.Enable()
		} else {
			d.Disable()
		}
	}
}

// heading is a bold label in the theme's sub-heading size.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// section is a titled block on a slightly raised background: a bold heading, an optional
// note under it, then the content. It is lighter than widget.Card, whose big title eats the
// height a 1280×800 screen does not have.
func section(title, note string, content fyne.CanvasObject) fyne.CanvasObject {
	head := container.NewVBox()
	if title != "" {
		head.Objects = append(head.Objects, widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	if note != "" {
		n := widget.NewLabel(note)
		n.Wrapping = fyne.TextWrapWord
		n.SizeName = theme.SizeNameCaptionText
		head.Objects = append(head.Objects, n)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(container.NewBorder(head, nil, nil, nil, content)))
}
