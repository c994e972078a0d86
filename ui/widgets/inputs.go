package widgets

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
)

// The inputs of the editing views (wizard, register): each passes the app's own keys on to its
// view, so Ctrl+S, Ctrl+Z or PageDown work whatever has the focus, and tells its view when the
// focus leaves (typing is saved then).

// Keys are the view's handlers of the app's keys. Fyne hands every shortcut to a focused
// Entry, which drops the ones it does not know (Ctrl+S, Ctrl+N, …), and keys without a
// modifier (PageUp, F5) reach the focused widget only; an input asks these first. A handler
// reports whether it took the key; either may be nil.
type Keys struct {
	Shortcut func(fyne.Shortcut) bool
	Key      func(*fyne.KeyEvent) bool
}

func (k Keys) shortcut(s fyne.Shortcut) bool { return k.Shortcut != nil && k.Shortcut(s) }
func (k Keys) key(ev *fyne.KeyEvent) bool    { return k.Key != nil && k.Key(ev) }

// TextEntry is a widget.Entry that passes the app's keys on, calls OnBlur when it loses the
// focus, and lets Tab leave even a multi-line field (full Tab order). Its red mark is set by
// the view from the plan's problems (SetValidationError), never by a Validator of its own.
type TextEntry struct {
	widget.Entry
	Keys   Keys
	OnBlur func()
	focus  onFocus
	// paragraph: one paragraph (a title, a name) shown wrapped over as many lines as it
	// takes, where Enter submits rather than starts a new line.
	paragraph bool
}

// NewParagraphEntry makes the input of a one-paragraph text (a title, a responsible's
// name): it wraps at words, so a long text shows whole instead of being cut at the field's
// edge, and Enter submits (OnSubmitted) as in a one-line field.
func NewParagraphEntry(k Keys) *TextEntry {
	e := NewTextEntry(k, true)
	e.paragraph = true
	e.SetMinRowsVisible(2)
	return e
}

// NewTextEntry makes a one-line input, or a multi-line one that wraps at words.
func NewTextEntry(k Keys, multiLine bool) *TextEntry {
	e := &TextEntry{Keys: k}
	e.ExtendBaseWidget(e)
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	} else {
		e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	}
	e.AlwaysShowValidationError = true
	return e
}

// CreateRenderer passes the mouse wheel to the form's scroller (see RevealFocus).
func (e *TextEntry) CreateRenderer() fyne.WidgetRenderer {
	return e.focus.wrap(e.Entry.CreateRenderer())
}

func (e *TextEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.Keys.shortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}

func (e *TextEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.Keys.key(ev) {
		return
	}
	if e.paragraph && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) {
		if e.OnSubmitted != nil {
			e.OnSubmitted(e.Text)
		}
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *TextEntry) FocusGained() {
	e.Entry.FocusGained()
	e.focus.focused()
}

func (e *TextEntry) setOnFocus(fn func())         { e.focus.setOnFocus(fn) }
func (e *TextEntry) setWheel(w *container.Scroll) { e.focus.setWheel(w) }

func (e *TextEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// AcceptsTab is false so that Tab moves on from multi-line fields too.
func (e *TextEntry) AcceptsTab() bool { return false }

// NumberEntry is a TextEntry for a number of one unit (kronor, hours, people, a percent). Every
// change of its text is read with domain.ParseNumber, the app's one parser, and handed to
// OnInput as a value or as the reason the text is none: the view keeps either, and shows the
// reason at once. It never takes the valid part of what was typed.
type NumberEntry struct {
	TextEntry
	Unit domain.Unit
	// OnInput gets the text after every change: its value when err is nil.
	OnInput func(text string, v int64, err *domain.InputError)
}

// NewNumberEntry makes the input of a number of unit u.
func NewNumberEntry(k Keys, u domain.Unit) *NumberEntry {
	e := &NumberEntry{Unit: u}
	e.Keys = k
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.AlwaysShowValidationError = true
	e.OnChanged = func(s string) {
		if e.OnInput == nil {
			return
		}
		v, err := domain.ParseNumber(s, e.Unit)
		e.OnInput(s, v, err)
	}
	return e
}

// ShowValue puts a stored value into the input without it counting as typing; typed, when set, is
// text typed earlier that is no value, shown as it was typed.
func (e *NumberEntry) ShowValue(v int64, typed string, isTyped bool) {
	if isTyped {
		SetText(&e.Entry, typed)
		return
	}
	SetText(&e.Entry, strconv.FormatInt(v, 10))
}

// DateEntry is a widget.DateEntry (typed in the region's format, or picked in the calendar)
// that passes the app's keys on. An empty field passes its own check: whether a date is
// required is the plan's or the register's rule, shown by the view.
type DateEntry struct {
	widget.DateEntry
	Keys   Keys
	OnBlur func()
	// OnText sees every change of the text, after OnChanged: DateEntry calls OnChanged only
	// for a complete date or an empty field, and a half-typed date needs saying so.
	OnText func(string)
	// Month, when set, is the month the calendar opens on while the field holds no date (the
	// plan's year rather than today's); nil: this month.
	Month func() time.Time

	popUp *widget.PopUp
	now   func() time.Time // the clock (tests)
	focus onFocus
}

// NewDateEntry makes a date input. Its calendar button is the app's own: Fyne's calendar
// opens on the month it was made in, whatever the field holds.
func NewDateEntry(k Keys) *DateEntry {
	e := &DateEntry{Keys: k, now: time.Now}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	b := widget.NewButtonWithIcon("", theme.CalendarIcon(), e.ShowCalendar)
	b.Importance = widget.LowImportance
	e.ActionItem = b
	return e
}

// CalendarMonth is the month the calendar opens on: the field's date, else Month, else today.
func (e *DateEntry) CalendarMonth() time.Time {
	switch {
	case e.Date != nil:
		return *e.Date
	case e.Month != nil:
		return e.Month()
	}
	return e.now()
}

// ShowCalendar opens the calendar under the field at CalendarMonth; a picked day is the
// field's date, as if typed.
func (e *DateEntry) ShowCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil || e.Disabled() {
		return
	}
	cal := widget.NewCalendar(e.CalendarMonth(), func(t time.Time) {
		if e.popUp != nil {
			e.popUp.Hide()
		}
		e.SetDate(&t)
	})
	e.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(max(e.Size().Width, cal.MinSize().Width), e.popUp.MinSize().Height))
}

// CreateRenderer hooks OnText behind the DateEntry's own handler, and lets an empty field pass
// the DateEntry's own check (which marks "" as a typing error); both are set up here.
func (e *DateEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.DateEntry.CreateRenderer()
	inner := e.Entry.OnChanged
	e.Entry.OnChanged = func(s string) {
		if inner != nil {
			inner(s)
		}
		if e.OnText != nil {
			e.OnText(s)
		}
	}
	if check := e.Validator; check != nil {
		e.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			return check(s)
		}
	}
	return e.focus.wrap(r)
}

func (e *DateEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.Keys.shortcut(s) {
		e.DateEntry.TypedShortcut(s)
	}
}

func (e *DateEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.Keys.key(ev) {
		e.DateEntry.TypedKey(ev)
	}
}

func (e *DateEntry) FocusGained() {
	e.DateEntry.FocusGained()
	e.focus.focused()
}

func (e *DateEntry) setOnFocus(fn func())         { e.focus.setOnFocus(fn) }
func (e *DateEntry) setWheel(w *container.Scroll) { e.focus.setWheel(w) }

func (e *DateEntry) FocusLost() {
	e.DateEntry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// SuggestEntry is free text with a drop-down of usual answers (e.g. "Nämnden").
type SuggestEntry struct {
	widget.SelectEntry
	Keys    Keys
	OnBlur  func()
	options []string
	focus   onFocus
	arrow   *menuArrow
}

// NewSuggestEntry makes a free-text input offering options.
func NewSuggestEntry(k Keys, options []string) *SuggestEntry {
	e := &SuggestEntry{Keys: k, options: options}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	// Fyne's arrow is a button: a second Tab stop where typed text is lost. Ours takes only
	// the mouse; Down opens the list from the field.
	if b, ok := e.ActionItem.(*widget.Button); ok {
		e.arrow = newMenuArrow(b.Icon, b.OnTapped)
		e.ActionItem = e.arrow
	}
	e.AlwaysShowValidationError = true
	return e
}

// CreateRenderer passes the mouse wheel to the form's scroller (see RevealFocus).
func (e *SuggestEntry) CreateRenderer() fyne.WidgetRenderer {
	return e.focus.wrap(e.SelectEntry.CreateRenderer())
}

func (e *SuggestEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.Keys.shortcut(s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

func (e *SuggestEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.Keys.key(ev) {
		return
	}
	if ev.Name == fyne.KeyDown && e.arrow != nil && !e.Disabled() {
		e.arrow.Tapped(nil)
		return
	}
	e.SelectEntry.TypedKey(ev)
}

// MinSize is wide enough for the longest usual answer (up to maxChoiceWidth text sizes), so
// choosing one does not leave it cut at the field's edge.
func (e *SuggestEntry) MinSize() fyne.Size {
	size := e.SelectEntry.MinSize()
	var text float32
	for _, o := range e.options {
		text = max(text, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	w := text + 4*theme.InnerPadding() + theme.IconInlineSize() + 2*theme.Padding()
	size.Width = max(size.Width, min(w, maxChoiceWidth*theme.TextSize()))
	return size
}

func (e *SuggestEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	e.focus.focused()
}

func (e *SuggestEntry) setOnFocus(fn func())         { e.focus.setOnFocus(fn) }
func (e *SuggestEntry) setWheel(w *container.Scroll) { e.focus.setWheel(w) }

func (e *SuggestEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	if e.OnBlur != nil {
		e.OnBlur()
	}
}

// Choice is a widget.Select that passes the app's keys on.
type Choice struct {
	widget.Select
	Keys  Keys
	focus onFocus
}

func (s *Choice) FocusGained() {
	s.Select.FocusGained()
	s.focus.focused()
}

func (s *Choice) setOnFocus(fn func())         { s.focus.setOnFocus(fn) }
func (s *Choice) setWheel(w *container.Scroll) { s.focus.setWheel(w) }

// NewChoice makes a drop-down of fixed answers.
func NewChoice(k Keys, options []string, placeHolder string) *Choice {
	s := &Choice{Keys: k}
	s.Options = options
	s.PlaceHolder = placeHolder
	s.ExtendBaseWidget(s)
	return s
}

func (s *Choice) TypedKey(ev *fyne.KeyEvent) {
	if !s.Keys.key(ev) {
		s.Select.TypedKey(ev)
	}
}

// maxChoiceWidth bounds, in text sizes, the width a drop-down asks for: a longer answer (an
// annual goal's whole sentence) is cut in the field and the view writes it out beside it.
const maxChoiceWidth = 18

// MinSize is wide enough for the longest answer (up to maxChoiceWidth text sizes), so a form
// does not squeeze a short answer ("Information på intranätet") into an ellipsis.
func (s *Choice) MinSize() fyne.Size {
	size := s.Select.MinSize()
	var text float32
	for _, o := range append([]string{s.PlaceHolder}, s.Options...) {
		text = max(text, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	// The text's padding on both sides, the drop-down arrow and its padding.
	w := text + 4*theme.InnerPadding() + theme.IconInlineSize() + 2*theme.Padding()
	size.Width = max(size.Width, min(w, maxChoiceWidth*theme.TextSize()))
	return size
}

// Tick is a widget.Check that passes the app's keys on.
type Tick struct {
	widget.Check
	Keys  Keys
	focus onFocus
}

func (c *Tick) FocusGained() {
	c.Check.FocusGained()
	c.focus.focused()
}

func (c *Tick) setOnFocus(fn func())         { c.focus.setOnFocus(fn) }
func (c *Tick) setWheel(w *container.Scroll) { c.focus.setWheel(w) }

// NewTick makes a check box with a label.
func NewTick(k Keys, label string) *Tick {
	c := &Tick{Keys: k}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

func (c *Tick) TypedKey(ev *fyne.KeyEvent) {
	if !c.Keys.key(ev) {
		c.Check.TypedKey(ev)
	}
}

// menuArrow is a drop-down arrow that the mouse taps and Tab passes by (it is not focusable),
// so a field with suggestions is one Tab stop and what is typed always reaches the field.
type menuArrow struct {
	widget.BaseWidget
	icon     *widget.Icon
	onTap    func()
	disabled bool
}

func newMenuArrow(icon fyne.Resource, onTap func()) *menuArrow {
	a := &menuArrow{icon: widget.NewIcon(icon), onTap: onTap}
	a.ExtendBaseWidget(a)
	return a
}

func (a *menuArrow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(a.icon))
}

// MinSize is that of a small icon button.
func (a *menuArrow) MinSize() fyne.Size {
	s := theme.IconInlineSize() + 2*theme.InnerPadding()
	return fyne.NewSize(s, s)
}

// Tapped opens the list of suggestions.
func (a *menuArrow) Tapped(*fyne.PointEvent) {
	if !a.disabled && a.onTap != nil {
		a.onTap()
	}
}

func (a *menuArrow) Enable()        { a.disabled = false }
func (a *menuArrow) Disable()       { a.disabled = true }
func (a *menuArrow) Disabled() bool { return a.disabled }
