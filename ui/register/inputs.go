package register

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/ui/widgets"
)

// dateOnly is the calendar date of t as the app stores dates: UTC midnight.
func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// form lays out labelled inputs in two columns, with a sentence under each input that says
// what is wrong with it (Select and Check do not validate themselves). A form may span several
// grids, one per section.
type form struct {
	errs   map[string]*widget.Label
	fields map[string]fyne.CanvasObject
	order  []string // fields in the order they are shown, for "jump to the first problem"
}

func newForm() *form {
	return &form{errs: map[string]*widget.Label{}, fields: map[string]fyne.CanvasObject{}}
}

// grid is an empty two-column grid for add.
func (f *form) grid() *fyne.Container { return container.New(layout.NewFormLayout()) }

// add appends a row to grid; field names the problems shown under it ("" for none).
func (f *form) add(grid *fyne.Container, label, field string, obj fyne.CanvasObject) {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	var right fyne.CanvasObject = obj
	if field != "" {
		e := widget.NewLabel("")
		e.Wrapping = fyne.TextWrapWord
		e.SizeName = theme.SizeNameCaptionText
		e.Hide()
		f.errs[field] = e
		f.fields[field] = obj
		f.order = append(f.order, field)
		right = container.NewVBox(obj, e)
	}
	// Appended without Add: Add lays the grid out at each call, and wrapped text laid out at
	// zero width costs a line per letter.
	grid.Objects = append(grid.Objects, l, right)
}

// showError sets or clears the sentence under field; a warning is shown in the warning colour,
// a blocking problem in the error colour with the input marked red. It reports whether the
// sentence appeared or went, which changes the form's layout.
func (f *form) showError(field, text string, blocking bool) (moved bool) {
	l := f.errs[field]
	if l == nil {
		return false
	}
	imp := widget.WarningImportance
	if blocking {
		imp = widget.DangerImportance
	}
	if l.Text == text && l.Importance == imp && l.Visible() == (text != "") {
		return false
	}
	moved = l.Visible() != (text != "") || l.Text != text
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	if e, ok := f.fields[field].(*widgets.TextEntry); ok {
		var err error
		if text != "" && blocking {
			err = errors.New(text)
		}
		e.SetValidationError(err)
	}
	return moved
}

// section is a titled block on a slightly raised background, as the wizard's: a bold heading,
// an optional note under it, then the content.
func section(title, note string, content fyne.CanvasObject) fyne.CanvasObject {
	head := container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if note != "" {
		head.Add(caption(note))
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(container.NewBorder(head, nil, nil, nil, content)))
}

// caption is a small wrapped text: help under an input or a section's heading.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}
