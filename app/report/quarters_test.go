package report

import (
	"math/rand/v2"
	"testing"
	"time"

	"handlingsplan/domain"
)

func TestByQuarter(t *testing.T) {
	act := func(start, end time.Time, internal, external, operating, investment int64) domain.Activity {
		return domain.Activity{Start: start, End: end, InternalHours: internal, ExternalHours: external,
			OperatingCost: operating, Investment: investment}
	}
	q := func(internal, external, operating, investment int64) QuarterTotals {
		return QuarterTotals{InternalHours: internal, ExternalHours: external, OperatingCost: operating, Investment: investment}
	}
	tests := []struct {
		name string
		acts []domain.Activity
		want [4]QuarterTotals
	}{
		{"no activities", nil, [4]QuarterTotals{}},
		{"inside one quarter", []domain.Activity{act(day(2027, 2, 1), day(2027, 3, 31), 100, 20, 5000, 700)},
			[4]QuarterTotals{q(100, 20, 5000, 700), {}, {}, {}}},
		// March has 31 days, April 30: 61 days in all.
		{"march and april by days", []domain.Activity{act(day(2027, 3, 1), day(2027, 4, 30), 610, 0, 61000, 0)},
			[4]QuarterTotals{q(310, 0, 31000, 0), q(300, 0, 30000, 0), {}, {}}},
		// 2027 has 90 + 91 + 92 + 92 days.
		{"whole year", []domain.Activity{act(day(2027, 1, 1), day(2027, 12, 31), 365, 0, 0, 0)},
			[4]QuarterTotals{q(90, 0, 0, 0), q(91, 0, 0, 0), q(92, 0, 0, 0), q(92, 0, 0, 0)}},
		{"no dates spreads over the year", []domain.Activity{act(time.Time{}, time.Time{}, 365, 0, 0, 0)},
			[4]QuarterTotals{q(90, 0, 0, 0), q(91, 0, 0, 0), q(92, 0, 0, 0), q(92, 0, 0, 0)}},
		// 2028 is a leap year: 91 + 91 + 92 + 92 days.
		{"leap year", []domain.Activity{act(day(2028, 1, 1), day(2028, 12, 31), 366, 0, 0, 0)},
			[4]QuarterTotals{q(91, 0, 0, 0), q(91, 0, 0, 0), q(92, 0, 0, 0), q(92, 0, 0, 0)}},
		// One day in each of Q1 and Q2: the odd krona goes to the earlier quarter.
		{"rounding tie to earlier quarter", []domain.Activity{act(day(2027, 3, 31), day(2027, 4, 1), 3, 1, 101, 0)},
			[4]QuarterTotals{q(2, 1, 51, 0), q(1, 0, 50, 0), {}, {}}},
		// 10 days in Q3 (Sep 21–30), 20 in Q4 (Oct 1–20): 100/3 = 33.3 and 66.7.
		{"largest remainder", []domain.Activity{act(day(2027, 9, 21), day(2027, 10, 20), 100, 0, 0, 0)},
			[4]QuarterTotals{{}, {}, q(33, 0, 0, 0), q(67, 0, 0, 0)}},
		{"days outside the year are ignored", []domain.Activity{act(day(2026, 12, 1), day(2027, 1, 31), 40, 0, 0, 0)},
			[4]QuarterTotals{q(40, 0, 0, 0), {}, {}, {}}},
		{"after the year counts in Q4", []domain.Activity{act(day(2028, 2, 1), day(2028, 3, 1), 8, 0, 900, 0)},
			[4]QuarterTotals{{}, {}, {}, q(8, 0, 900, 0)}},
		{"before the year counts in Q1", []domain.Activity{act(day(2026, 5, 1), day(2026, 6, 1), 8, 0, 0, 0)},
			[4]QuarterTotals{q(8, 0, 0, 0), {}, {}, {}}},
		{"only a start is one day", []domain.Activity{act(day(2027, 8, 15), time.Time{}, 12, 0, 0, 0)},
			[4]QuarterTotals{{}, {}, q(12, 0, 0, 0), {}}},
		{"only an end is one day", []domain.Activity{act(time.Time{}, day(2027, 5, 15), 12, 0, 0, 0)},
			[4]QuarterTotals{{}, q(12, 0, 0, 0), {}, {}}},
		{"end before start is the start day", []domain.Activity{act(day(2027, 11, 2), day(2027, 1, 1), 5, 0, 0, 0)},
			[4]QuarterTotals{{}, {}, {}, q(5, 0, 0, 0)}},
		{"activities add up", []domain.Activity{
			act(day(2027, 1, 1), day(2027, 3, 31), 10, 0, 0, 0),
			act(day(2027, 1, 15), day(2027, 2, 15), 5, 5, 100, 200),
			act(day(2027, 10, 1), day(2027, 12, 31), 0, 7, 0, 0),
		}, [4]QuarterTotals{q(15, 5, 100, 200), {}, {}, q(0, 7, 0, 0)}},
		// Near the int64 limit the spreading stays exact (largest remainder to Q1).
		{"huge amounts", []domain.Activity{act(time.Time{}, time.Time{}, 0, 0, 0, 1<<62+1)},
			[4]QuarterTotals{q(0, 0, 0, 1137128059338260032), q(0, 0, 0, 1149762815553129587),
				q(0, 0, 0, 1162397571767999143), q(0, 0, 0, 1162397571767999143)}},
		{"time zones do not move dates", []domain.Activity{act(
			time.Date(2027, 4, 1, 0, 30, 0, 0, time.FixedZone("CEST", 2*3600)),
			time.Date(2027, 4, 30, 23, 0, 0, 0, time.FixedZone("CEST", 2*3600)), 30, 0, 0, 0)},
			[4]QuarterTotals{{}, q(30, 0, 0, 0), {}, {}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			year := 2027
			if tc.name == "leap year" {
				year = 2028
			}
			if got := ByQuarter(tc.acts, year); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// Whatever the dates and amounts, the quarters add up to the activities' totals.
func TestByQuarterSumsEqualTotals(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		var acts []domain.Activity
		var want QuarterTotals
		for range 1 + rng.IntN(20) {
			start := day(2026, 11, 1).AddDate(0, 0, rng.IntN(450))
			a := domain.Activity{
				Start: start, End: start.AddDate(0, 0, rng.IntN(200)),
				InternalHours: rng.Int64N(5000), ExternalHours: rng.Int64N(500),
				OperatingCost: rng.Int64N(10_000_000), Investment: rng.Int64N(1 << 40),
			}
			if rng.IntN(10) == 0 {
				a.Start, a.End = time.Time{}, time.Time{}
			}
			acts = append(acts, a)
			want.InternalHours += a.InternalHours
			want.ExternalHours += a.ExternalHours
			want.OperatingCost += a.OperatingCost
			want.Investment += a.Investment
		}
		var got QuarterTotals
		for _, q := range ByQuarter(acts, 2027) {
			got.InternalHours += q.InternalHours
			got.ExternalHours += q.ExternalHours
			got.OperatingCost += q.OperatingCost
			got.Investment += q.Investment
			if q.InternalHours < 0 || q.Investment < 0 {
				t.Fatalf("negative quarter %+v", q)
			}
		}
		if got != want {
			t.Fatalf("quarters sum to %+v, activities to %+v", got, want)
		}
	}
}
