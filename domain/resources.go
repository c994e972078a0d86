package domain

import (
	"math/bits"
	"time"
)

// Resources are the personnel and money an activity (or a set of them) needs: hours are whole
// hours, money whole kronor.
type Resources struct {
	InternalHours int64
	ExternalHours int64
	OperatingCost int64
	Investment    int64
}

// Hours is internal plus external hours.
func (r Resources) Hours() int64 { return r.InternalHours + r.ExternalHours }

// Kronor is operating cost plus investment.
func (r Resources) Kronor() int64 { return r.OperatingCost + r.Investment }

// Add adds o to r.
func (r *Resources) Add(o Resources) {
	r.InternalHours += o.InternalHours
	r.ExternalHours += o.ExternalHours
	r.OperatingCost += o.OperatingCost
	r.Investment += o.Investment
}

// ResourcesOf is what one activity needs.
func ResourcesOf(a Activity) Resources {
	return Resources{InternalHours: a.InternalHours, ExternalHours: a.ExternalHours, OperatingCost: a.OperatingCost, Investment: a.Investment}
}

// ResourceTotals are a plan's resources per quarter of its year and for the whole year.
type ResourceTotals struct {
	Quarters [4]Resources
	Year     Resources // the sum of the quarters: every activity's resources, once
}

// SumResources spreads each activity's resources over its days (start and end inclusive) in
// proportion to the days in each quarter of year, in whole hours and kronor, so that the
// quarters always add up to the activity's totals (largest remainder gets the rounding, ties
// to the earlier quarter).
//
// Days outside the year are ignored when some days are inside. An activity without dates is
// spread over the whole year; one with only a start or only an end counts as that one day; an
// end before the start counts as the start day. An activity wholly before the year counts in
// the first quarter, one wholly after it in the fourth, so nothing is lost from the year's total.
// These are the rules of the PDF report's quarter table, so the wizard and the report agree.
func SumResources(acts []Activity, year int) ResourceTotals {
	var t ResourceTotals
	for _, a := range acts {
		w := quarterWeights(a.Start, a.End, year)
		r := ResourcesOf(a)
		ih, eh, oc, iv := spreadWhole(r.InternalHours, w), spreadWhole(r.ExternalHours, w), spreadWhole(r.OperatingCost, w), spreadWhole(r.Investment, w)
		for q := range t.Quarters {
			t.Quarters[q].Add(Resources{InternalHours: ih[q], ExternalHours: eh[q], OperatingCost: oc[q], Investment: iv[q]})
		}
		t.Year.Add(r)
	}
	return t
}

func days(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// quarterWeights counts the days of start..end in each quarter of year (never all zero).
func quarterWeights(start, end time.Time, year int) [4]int64 {
	first := days(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC))
	last := days(time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
	var s, e int64
	switch {
	case start.IsZero() && end.IsZero():
		s, e = first, last
	case start.IsZero():
		s = days(end)
		e = s
	case end.IsZero():
		s = days(start)
		e = s
	default:
		s, e = days(start), max(days(end), days(start))
	}
	switch {
	case e < first:
		return [4]int64{1, 0, 0, 0}
	case s > last:
		return [4]int64{0, 0, 0, 1}
	}
	var w [4]int64
	for q := range 4 {
		qs := days(time.Date(year, time.Month(3*q+1), 1, 0, 0, 0, 0, time.UTC))
		qe := days(time.Date(year, time.Month(3*q+4), 1, 0, 0, 0, 0, time.UTC)) - 1
		if n := min(e, qe) - max(s, qs) + 1; n > 0 {
			w[q] = n
		}
	}
	return w
}

// spreadWhole divides v over four parts in proportion to w (largest remainder method); the
// parts add up to v exactly. Negative v (an invalid value still being typed) spreads as -|v|.
func spreadWhole(v int64, w [4]int64) [4]int64 {
	var out [4]int64
	var total uint64
	for _, x := range w {
		total += uint64(x)
	}
	if v == 0 || total == 0 {
		return out
	}
	abs := uint64(v)
	if v < 0 {
		abs = -abs
	}
	var rem [4]uint64
	var given uint64
	for q, x := range w {
		hi, lo := bits.Mul64(abs, uint64(x)) // 128-bit product: abs*x cannot overflow
		quo, r := bits.Div64(hi, lo, total)
		out[q], rem[q] = int64(quo), r
		given += quo
	}
	for left := abs - given; left > 0; left-- {
		best := -1
		for q := range w {
			if w[q] > 0 && (best < 0 || rem[q] > rem[best]) {
				best = q
			}
		}
		out[best]++
		rem[best] = 0
	}
	if v < 0 {
		for q := range out {
			out[q] = -out[q]
		}
	}
	return out
}
