package wizard

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// rowRef is the row a detail form edits; it changes when another row is selected, and the
// inputs' handlers read it when they fire.
type rowRef struct {
	entity string
	id     int64
	prev   bool // a row of last year's plan
}

func (r *rowRef) edit(field domain.Field, v any) edit {
	return edit{field: field, id: r.id, value: v, prev: r.prev}
}

// keys are the wizard's handlers of the app's keys, for its inputs to pass on.
func (w *Wizard) keys() widgets.Keys {
	return widgets.Keys{Shortcut: w.handleShortcut, Key: w.handleKey}
}

// newDateEntry is a date input whose calendar opens, while it is empty, on this month of the
// plan's year: the dates of a plan for 2027 lie in 2027, not in the year it is written.
func (w *Wizard) newDateEntry() *widgets.DateEntry {
	e := widgets.NewDateEntry(w.keys())
	e.Month = func() time.Time { return planMonth(w.d.Plan.Year, time.Now()) }
	return e
}

// planMonth is the first of now's month in the plan's year.
func planMonth(year int, now time.Time) time.Time {
	return time.Date(year, now.Month(), 1, 0, 0, 0, 0, time.Local)
}

// paragraphField is a text input for a one-paragraph field (a title, a name) that wraps over
// lines instead of cutting a long text at the edge of a narrow form; Enter saves it.
func (w *Wizard) paragraphField(ref *rowRef, field domain.Field) *widgets.TextEntry {
	e := widgets.NewParagraphEntry(w.keys())
	e.OnChanged = func(s string) {
		if ref.id != 0 {
			w.change(ref.edit(field, s), false)
		}
	}
	e.OnBlur = func() { w.flush() }
	e.OnSubmitted = func(string) { w.flush() }
	return e
}

// textField is a text input for field of the row ref points at; typing is saved when it pauses,
// on Enter and when the focus leaves.
func (w *Wizard) textField(ref *rowRef, field domain.Field, multiLine bool) *widgets.TextEntry {
	e := widgets.NewTextEntry(w.keys(), multiLine)
	if multiLine {
		e.SetMinRowsVisible(4)
	}
	e.OnChanged = func(s string) {
		if ref.id != 0 {
			w.change(ref.edit(field, s), false)
		}
	}
	e.OnBlur = func() { w.flush() }
	if !multiLine {
		e.OnSubmitted = func(string) { w.flush() }
	}
	return e
}

// suggestField is free text with usual answers in a drop-down; a picked answer is saved at once.
func (w *Wizard) suggestField(ref *rowRef, field domain.Field, options []string) *widgets.SuggestEntry {
	e := widgets.NewSuggestEntry(w.keys(), options)
	e.OnChanged = func(s string) {
		if ref.id != 0 {
			w.change(ref.edit(field, s), false)
		}
	}
	e.OnBlur = func() { w.flush() }
	e.OnSubmitted = func(string) { w.flush() }
	return e
}

// numberField is the input of a number (kronor, hours, people, a percent: the field's unit).
// Every keystroke is read with the app's one parser: a value goes into the plan like any other
// edit; text that is no value goes in as typed (domain.RawInput), so the plan's validation
// says at once, under the field and in the review, why it is none, the step loses its tick,
// and the text is still there after a restart. Neither is ever a shortened value.
func (w *Wizard) numberField(ref *rowRef, field domain.Field) *widgets.NumberEntry {
	unit, _ := field.Unit()
	e := widgets.NewNumberEntry(w.keys(), unit)
	e.OnInput = func(text string, v int64, err *domain.InputError) {
		if ref.id == 0 {
			return
		}
		if err != nil {
			w.change(ref.edit(field, domain.RawInput(text)), false)
			return
		}
		w.change(ref.edit(field, v), false)
	}
	e.OnBlur = func() { w.flush() }
	e.OnSubmitted = func(string) { w.flush() }
	return e
}

// showNumber puts field's value of row entity/id of d into e, or the text typed there that is
// no value, without it counting as typing.
func showNumber(e *widgets.NumberEntry, d *domain.PlanData, entity string, id int64, field string, v int64) {
	text, typed := d.UnparsedText(entity, id, field)
	e.ShowValue(v, text, typed)
}

// numberText is a table cell of a number field: the value, or the text typed there that is
// no value (the row's mark says what is wrong with it).
func (w *Wizard) numberText(d *domain.PlanData, entity string, id int64, field string, v int64) string {
	if text, ok := d.UnparsedText(entity, id, field); ok {
		return text
	}
	return w.loc.Number(v)
}

// dateField is a date input (typed or picked in the calendar); a complete date is saved at once.
// Text that is no date yet is not saved: the field says how to write one instead of the plan's
// "fill in the date".
func (w *Wizard) dateField(ref *rowRef, f *form, field domain.Field) *widgets.DateEntry {
	e := w.newDateEntry()
	parsed := false // OnChanged ran for this text: it is a date or empty
	e.OnText = func(s string) {
		if ref.id == 0 || parsed || strings.TrimSpace(s) == "" {
			parsed = false
			return
		}
		f.local[field.Name()] = w.loc.T("wizard.err.date_format")
		f.showProblems(w, ref.entity, ref.id)
	}
	e.OnChanged = func(t *time.Time) {
		if ref.id == 0 {
			return
		}
		parsed = true
		delete(f.local, field.Name())
		if t == nil {
			w.change(ref.edit(field, time.Time{}), false)
		} else {
			w.change(ref.edit(field, dateOnly(*t)), true)
		}
		f.showProblems(w, ref.entity, ref.id)
	}
	return e
}

// dateOnly is the calendar date of t as the app stores dates: UTC midnight.
func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// choiceField is a drop-down of fixed answers; values[i] is stored for labels[i], at once.
func (w *Wizard) choiceField(ref *rowRef, field domain.Field, labels []string, values []any) *widgets.Choice {
	c := widgets.NewChoice(w.keys(), labels, w.loc.T("wizard.choose"))
	c.OnChanged = func(string) {
		i := c.SelectedIndex()
		if ref.id == 0 || i < 0 || i >= len(values) {
			return
		}
		w.change(ref.edit(field, values[i]), true)
	}
	return c
}

// indexOf finds v in values (-1 when absent).
func indexOf(values []any, v any) int {
	for i, x := range values {
		if same(x, v) {
			return i
		}
	}
	return -1
}

// minWidth keeps an object at least w text-sizes wide (so a column of inputs never gets
// squeezed into uselessness, whatever the scale).
type minWidth struct{ em float32 }

func (m minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width, m.em*theme.TextSize()), s.Height)
}

func (m minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// problemLines is how many text lines one problem of the review takes (its place, then its
// sentence on up to two lines).
const problemLines = 3

// minSize keeps an object at least lines text lines tall (with a label's padding), so a list
// inside a scrolling page keeps a useful height instead of shrinking to one row.
type minSize struct{ lines int }

func (m minSize) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	line := fyne.MeasureText("Åg", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(s.Width, max(s.Height, float32(m.lines)*line+2*theme.InnerPadding()))
}

func (m minSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}
