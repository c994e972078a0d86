package overview_test

import (
	"testing"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/overview"
)

// Issue 10, item 6: missing data is shown as missing, never as zero or as another year's data.
// Överförmyndarnämnden has sent its followed-up plan for last year but nothing for this year:
// its last year counts in the kommun's last year, and its follow-up is known.
func TestMissingBoardKeepsItsLastYear(t *testing.T) {
	s := openDemo(t)
	o := load(t, s, overview.Options{})
	last := currentPayloads(t, s, demoYear-1)
	var all sums
	for _, p := range last {
		for _, a := range p.Plan.Activities {
			all.add(a)
		}
	}
	if got := sumsOf(o.Resources.Total.Last); got != all {
		t.Errorf("kommun last year %+v, every board's payload of %d %+v", got, demoYear-1, all)
	}
	var mine sums
	for _, a := range last[coorddemo.MissingBoard].Plan.Activities {
		mine.add(a)
	}
	if got := sumsOf(rowSum(o.LastYearRows(coorddemo.MissingBoard))); got != mine || mine == (sums{}) {
		t.Errorf("%s last year: rows %+v, payload %+v", coorddemo.MissingBoard, got, mine)
	}
	f, ok := o.FollowUpOf(coorddemo.MissingBoard)
	if !ok || !f.Has || f.Total != len(last[coorddemo.MissingBoard].Plan.Activities) || f.Year != demoYear-1 {
		t.Errorf("%s follow-up: %+v", coorddemo.MissingBoard, f)
	}
	if n := len(o.FollowUpRows(coorddemo.MissingBoard, "").Activities); n != f.Total {
		t.Errorf("%s follow-up rows %d, figure %d", coorddemo.MissingBoard, n, f.Total)
	}
}
