package wizard

import (
	"testing"
	"time"
)

// A plan's date fields open their calendar on the field's date, else on this month of the plan's
// year (a plan for 2027 written in 2026 has its dates in 2027).
func TestDateFieldsOpenInPlanYear(t *testing.T) {
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepActivities)
	v := w.view.(*activitiesView)
	if v.start.Date == nil {
		t.Fatal("the demo activity has no start date")
	}
	if got, want := v.start.CalendarMonth(), *v.start.Date; !got.Equal(want) {
		t.Errorf("with a date the calendar opens on %v, want %v", got, want)
	}
	typeInto(v.start, "")
	if got := v.start.CalendarMonth(); got.Year() != 2027 || got.Month() != time.Now().Month() {
		t.Errorf("empty, the calendar opens on %v, want %v 2027", got, time.Now().Month())
	}
}
