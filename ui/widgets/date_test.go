package widgets

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The calendar opens on the field's date, else on the month the view asks for (the plan's
// year), else on today's month.
func TestDateEntryCalendarMonth(t *testing.T) {
	today := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	inPlan := time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC)
	field := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		date  *time.Time
		month func() time.Time
		want  string
	}{
		{"empty, no plan month", nil, nil, "October 2026"},
		{"empty, plan month", nil, func() time.Time { return inPlan }, "October 2027"},
		{"with a date", &field, func() time.Time { return inPlan }, "March 2027"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			e := NewDateEntry(Keys{})
			e.now = func() time.Time { return today }
			e.Month = tc.month
			if tc.date != nil {
				e.SetDate(tc.date)
			}
			w := test.NewWindow(e)
			defer w.Close()
			w.Resize(fyne.NewSize(300, 100))
			e.ShowCalendar()
			if got := shownMonth(w); got != tc.want {
				t.Errorf("calendar shows %q, want %q", got, tc.want)
			}
		})
	}
}

// A day picked in the calendar is the field's date, and OnChanged hears of it.
func TestDateEntryCalendarPick(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateEntry(Keys{})
	e.Month = func() time.Time { return time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC) }
	var got *time.Time
	e.OnChanged = func(d *time.Time) { got = d }
	w := test.NewWindow(e)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 100))
	e.ShowCalendar()
	top := w.Canvas().Overlays().Top()
	var day *widget.Button
	walkObjects(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "12" && day == nil {
			day = b
		}
	})
	if day == nil {
		t.Fatal("no day 12 in the calendar")
	}
	test.Tap(day)
	if got == nil || got.Year() != 2027 || got.Month() != 5 || got.Day() != 12 {
		t.Errorf("picked %v, want 2027-05-12", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the calendar stays open after a pick")
	}
}

// shownMonth is the month title of the open calendar ("" when none is open).
func shownMonth(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var out string
	walkObjects(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, " 20") && out == "" {
			out = l.Text
		}
	})
	return out
}

func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkObjects(c, f)
		}
	}
}
