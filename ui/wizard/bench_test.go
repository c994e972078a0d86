package wizard

import (
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"handlingsplan/app/demo"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// largePlan stores a draft plan with n valid activities (demo.Large) and returns its id.
func largePlan(b *testing.B, n int) (*data.Store, int64) {
	b.Helper()
	s := openStore(b, filepath.Join(b.TempDir(), "hp.db"))
	b.Cleanup(func() { s.Close() })
	prof, err := s.Profile()
	if err != nil {
		b.Fatal(err)
	}
	id, err := s.AddPlanData(demo.Large(demoBoard, 2027, n, prof))
	if err != nil {
		b.Fatal(err)
	}
	return s, id
}

// Building the activities step of a 200-activity plan and laying it out in a 1280×800 window:
// what a user waits for when they open the step.
func BenchmarkActivitiesStep200(b *testing.B) {
	test.NewTempApp(b)
	s, id := largePlan(b, 200)
	w, _ := open(b, s, id)
	size := w.area.Size()
	if len(w.d.Activities) != 200 {
		b.Fatalf("%d activities", len(w.d.Activities))
	}
	b.ResetTimer()
	for b.Loop() {
		obj := w.newView(StepActivities).build()
		obj.Resize(size)
	}
}

// One edit round-trip on a 200-activity plan: typing a new amount in the resources step, the
// value saved in the store (SetField, audited) and every total per quarter and year refreshed.
func BenchmarkEditRoundTrip200(b *testing.B) {
	test.NewTempApp(b)
	s, id := largePlan(b, 200)
	w, _ := open(b, s, id)
	w.GoTo(StepResources)
	rv := w.view.(*resourcesView)
	e := rv.amounts["internal_hours"]
	act := rv.ref.id
	n := 100
	b.ResetTimer()
	for b.Loop() {
		n++
		e.SetText(strconv.Itoa(n))
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	a, _ := activity(stored(b, s, id), act)
	if a.InternalHours != int64(n) {
		b.Fatalf("stored %d, typed %d", a.InternalHours, n)
	}
	if got, want := rv.totals.cells[0][4].Text, w.loc.Number(domain.SumResources(w.d.Activities, 2027).Year.InternalHours); got != want {
		b.Fatalf("year total %q, want %q", got, want)
	}
}
