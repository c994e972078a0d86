package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The setters below show a value from the data without it being taken as the user's: the
// input's OnChanged would otherwise save it straight back as an edit.

// SetText shows s in e.
func SetText(e *widget.Entry, s string) {
	if e.Text == s {
		return
	}
	cb := e.OnChanged
	e.OnChanged = nil
	e.SetText(s)
	e.OnChanged = cb
}

// SetDate shows t in e (zero: empty).
func SetDate(e *widget.DateEntry, t time.Time) {
	cb := e.OnChanged
	e.OnChanged = nil
	if t.IsZero() {
		e.SetDate(nil)
	} else {
		e.SetDate(&t)
	}
	e.OnChanged = cb
}

// SetSelected selects option i of s (-1: none).
func SetSelected(s *widget.Select, i int) {
	cb := s.OnChanged
	s.OnChanged = nil
	if i < 0 {
		s.ClearSelected()
	} else {
		s.SetSelectedIndex(i)
	}
	s.OnChanged = cb
}

// SetChecked shows v in c.
func SetChecked(c *widget.Check, v bool) {
	cb := c.OnChanged
	c.OnChanged = nil
	c.SetChecked(v)
	c.OnChanged = cb
}

// SetLabel changes a label's text only when it differs (a refresh re-shapes the text).
func SetLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// Wrapped is a label that wraps at word boundaries.
func Wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
