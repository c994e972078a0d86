package overview

import (
	"time"

	"handlingsplan/domain"
)

// RunningRow counts one board's activities under way in each month and each quarter of the
// year: the timeline in figures (the report's month table, the slides' quarter table). An
// activity runs from its start to its end date; one without both dates is counted in Undated.
type RunningRow struct {
	Board    string
	Months   [12]int
	Quarters [4]int
	Undated  int
}

func running(o *Overview) []RunningRow {
	out := make([]RunningRow, 0, len(o.Plans))
	for _, d := range o.Plans {
		r := RunningRow{Board: d.Plan.Board}
		for _, a := range d.Activities {
			if a.Start.IsZero() || a.End.IsZero() {
				r.Undated++
				continue
			}
			for m := range 12 {
				if RunsIn(a, o.Year, time.Month(m+1), 1) {
					r.Months[m]++
				}
			}
			for q := range 4 {
				if RunsIn(a, o.Year, time.Month(3*q+1), 3) {
					r.Quarters[q]++
				}
			}
		}
		out = append(out, r)
	}
	return out
}

// RunsIn reports whether an activity is under way during the months months from month from of
// year (both dates needed): RunsIn(a, 2027, time.April, 3) is the second quarter.
func RunsIn(a domain.Activity, year int, from time.Month, months int) bool {
	if a.Start.IsZero() || a.End.IsZero() {
		return false
	}
	first := time.Date(year, from, 1, 0, 0, 0, 0, time.UTC)
	next := first.AddDate(0, months, 0)
	return day(a.Start).Before(next) && !day(a.End).Before(first)
}

// day is t's calendar date at UTC midnight, whatever t's zone.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
