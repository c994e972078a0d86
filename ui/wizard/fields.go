package wizard

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// keyHandler receives the app's own keys from whatever input has the focus. Fyne hands every
// shortcut to a focused Entry, which drops the ones it does not know (Ctrl+S, Ctrl+N, …), and
// keys without modifier (PageUp, F5) go to the focused widget only: the inputs below pass
// them on first.
type keyHandler interface {
	handleShortcut(s fyne.Shortcut) bool
	handleKey(ev *fyne.KeyEvent) bool
}

// textEntry is a widget.Entry that passes the app's keys on, saves when it loses the focus,
// and lets Tab leave even a multi-line field (full Tab order).
type textEntry struct {
	widget.Entry
	keys   keyHandler
	onBlur func()
}

func newTextEntry(k keyHandler, multiLine bool) *textEntry {
	e := &textEntry{keys: k}
	e.ExtendBaseWidget(e)
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(4)
	} else {
		e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	}
	// Validation state is set from the plan's problems, never by a Validator of its own.
	e.AlwaysShowValidationError = true
	return e
}

func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if e.keys != nil && e.keys.handleShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

func (e *textEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.keys != nil && e.keys.handleKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *textEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// AcceptsTab is false so that Tab moves on from multi-line fields too.
func (e *textEntry) AcceptsTab() bool { return false }

// dateEntry is a widget.DateEntry (typed in the region's format, or picked in the calendar)
// that passes the app's keys on.
type dateEntry struct {
	widget.DateEntry
	keys keyHandler
	// onText sees every change of the text, after OnChanged: DateEntry calls OnChanged only
	// for a complete date or an empty field, and a half-typed date needs saying so.
	onText func(string)
}

// CreateRenderer hooks onText behind the DateEntry's own handler, which it sets here.
func (e *dateEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.DateEntry.CreateRenderer()
	inner := e.Entry.OnChanged
	e.Entry.OnChanged = func(s string) {
		if inner != nil {
			inner(s)
		}
		if e.onText != nil {
			e.onText(s)
		}
	}
	return r
}

func newDateEntry(k keyHandler) *dateEntry {
	e := &dateEntry{keys: k}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

func (e *dateEntry) TypedShortcut(s fyne.Shortcut) {
	if e.keys != nil && e.keys.handleShortcut(s) {
		return
	}
	e.DateEntry.TypedShortcut(s)
}

func (e *dateEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.keys != nil && e.keys.handleKey(ev) {
		return
	}
	e.DateEntry.TypedKey(ev)
}

// suggestEntry is free text with a drop-down of usual answers (e.g. "Nämnden").
type suggestEntry struct {
	widget.SelectEntry
	keys   keyHandler
	onBlur func()
}

func newSuggestEntry(k keyHandler, options []string) *suggestEntry {
	e := &suggestEntry{keys: k}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	e.AlwaysShowValidationError = true
	return e
}

func (e *suggestEntry) TypedShortcut(s fyne.Shortcut) {
	if e.keys != nil && e.keys.handleShortcut(s) {
		return
	}
	e.SelectEntry.TypedShortcut(s)
}

func (e *suggestEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.keys != nil && e.keys.handleKey(ev) {
		return
	}
	e.SelectEntry.TypedKey(ev)
}

func (e *suggestEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// choice is a widget.Select that passes PageUp/PageDown/F5 on.
type choice struct {
	widget.Select
	keys keyHandler
}

func newChoice(k keyHandler, options []string, placeHolder string) *choice {
	s := &choice{keys: k}
	s.Options = options
	s.PlaceHolder = placeHolder
	s.ExtendBaseWidget(s)
	return s
}

func (s *choice) TypedKey(ev *fyne.KeyEvent) {
	if s.keys != nil && s.keys.handleKey(ev) {
		return
	}
	s.Select.TypedKey(ev)
}

// tick is a widget.Check that passes PageUp/PageDown/F5 on.
type tick struct {
	widget.Check
	keys keyHandler
}

func newTick(k keyHandler, label string) *tick {
	c := &tick{keys: k}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

func (c *tick) TypedKey(ev *fyne.KeyEvent) {
	if c.keys != nil && c.keys.handleKey(ev) {
		return
	}
	c.Check.TypedKey(ev)
}

// errNotWhole is shown for a number field that holds something other than a whole number.
var errNotWhole = errors.New("not a whole number")

// parseWhole reads a whole number as people type it: "1 500", "1500", "-3", "1,500". Empty is 0.
func parseWhole(s string) (int64, error) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', ',', '.':
			return -1
		case '−':
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, errNotWhole
	}
	return n, nil
}

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

// showError sets or clears a field's error sentence, and the red mark of its input.
func showError(l *widget.Label, input fyne.CanvasObject, text string) {
	if l == nil || (l.Text == text && l.Visible() == (text != "")) {
		return
	}
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	var err error
	if text != "" {
		err = errors.New(text)
	}
	switch x := input.(type) {
	case *textEntry:
		x.SetValidationError(err)
	case *suggestEntry:
		x.SetValidationError(err)
	}
}

// markDate keeps a date input's own mark in line with its error sentence: DateEntry validates
// itself and would show a green tick beside a red "the end is before the start".
func markDate(input fyne.CanvasObject, text string) {
	e, ok := input.(*dateEntry)
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
	// local are errors found while typing that never reach the store (not a number, a negative
	// amount the database refuses); they win over the plan's problems for that field.
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
		text := f.local[field]
		if text == "" {
			text = w.problemText(entity, id, field)
		}
		showError(l, f.fields[field], text)
		markDate(f.fields[field], text)
	}
}

// scrolling is the form in a vertical scroll, remembered so reveal can move it.
func (f *form) scrolling() *container.Scroll {
	f.scroll = container.NewVScroll(container.NewPadded(f.grid))
	return f.scroll
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
