package domain

import (
	"math/rand"
	"testing"
	"time"
)

func TestSumResources(t *testing.T) {
	const y = 2027
	tests := []struct {
		name string
		act  Activity
		want [4]Resources
	}{
		{"one quarter", Activity{Start: day(y, 2, 1), End: day(y, 3, 31), InternalHours: 100},
			[4]Resources{{InternalHours: 100}, {}, {}, {}}},
		{"half and half over Q2/Q3", Activity{Start: day(y, 6, 1), End: day(y, 7, 30), OperatingCost: 61},
			[4]Resources{{}, {OperatingCost: 31}, {OperatingCost: 30}, {}}},
		{"no dates: whole year", Activity{ExternalHours: 365},
			[4]Resources{{ExternalHours: 90}, {ExternalHours: 91}, {ExternalHours: 92}, {ExternalHours: 92}}},
		{"only a start: that day", Activity{Start: day(y, 5, 5), Investment: 7},
			[4]Resources{{}, {Investment: 7}, {}, {}}},
		{"only an end: that day", Activity{End: day(y, 11, 5), Investment: 7},
			[4]Resources{{}, {}, {}, {Investment: 7}}},
		{"end before start: start day", Activity{Start: day(y, 8, 1), End: day(y, 2, 1), InternalHours: 3},
			[4]Resources{{}, {}, {InternalHours: 3}, {}}},
		{"wholly last year: first quarter", Activity{Start: day(y-1, 3, 1), End: day(y-1, 4, 1), InternalHours: 5},
			[4]Resources{{InternalHours: 5}, {}, {}, {}}},
		{"wholly next year: fourth quarter", Activity{Start: day(y+1, 3, 1), End: day(y+1, 4, 1), InternalHours: 5},
			[4]Resources{{}, {}, {}, {InternalHours: 5}}},
		{"days outside the year ignored", Activity{Start: day(y-1, 12, 1), End: day(y, 1, 31), InternalHours: 10},
			[4]Resources{{InternalHours: 10}, {}, {}, {}}},
		{"rounding: largest remainder", Activity{Start: day(y, 3, 31), End: day(y, 4, 1), InternalHours: 1},
			[4]Resources{{InternalHours: 1}, {}, {}, {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SumResources([]Activity{tt.act}, y)
			if got.Quarters != tt.want {
				t.Errorf("quarters %+v, want %+v", got.Quarters, tt.want)
			}
			if got.Year != ResourcesOf(tt.act) {
				t.Errorf("year %+v, want %+v", got.Year, ResourcesOf(tt.act))
			}
		})
	}
}

// Whatever the dates, the quarters add up to the year and the year to the activities' totals.
func TestSumResourcesAddsUp(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const y = 2027
	base := day(y-1, 10, 1)
	var acts []Activity
	var want Resources
	for range 500 {
		a := Activity{InternalHours: r.Int63n(MaxHours), ExternalHours: r.Int63n(50), OperatingCost: r.Int63n(MaxKronor), Investment: r.Int63n(3)}
		if r.Intn(5) > 0 {
			a.Start = base.AddDate(0, 0, r.Intn(500))
		}
		if r.Intn(5) > 0 {
			a.End = base.AddDate(0, 0, r.Intn(500))
		}
		acts = append(acts, a)
		want.Add(ResourcesOf(a))
	}
	got := SumResources(acts, y)
	var sum Resources
	for _, q := range got.Quarters {
		sum.Add(q)
	}
	if sum != want || got.Year != want {
		t.Fatalf("quarters sum to %+v, year %+v, want %+v", sum, got.Year, want)
	}
	if want.Hours() != want.InternalHours+want.ExternalHours || want.Kronor() != want.OperatingCost+want.Investment {
		t.Fatal("Hours/Kronor")
	}
}

func TestSpreadWholeNegative(t *testing.T) {
	if got := spreadWhole(-10, [4]int64{1, 1, 0, 0}); got != [4]int64{-5, -5, 0, 0} {
		t.Fatalf("got %v", got)
	}
	if got := spreadWhole(10, [4]int64{}); got != [4]int64{} {
		t.Fatalf("got %v", got)
	}
}

func BenchmarkSumResources200(b *testing.B) {
	acts := make([]Activity, 200)
	for i := range acts {
		acts[i] = Activity{Start: day(2027, time.Month(1+i%12), 1), End: day(2027, 12, 31), InternalHours: int64(i * 10), OperatingCost: int64(i * 1000)}
	}
	b.ResetTimer()
	for b.Loop() {
		SumResources(acts, 2027)
	}
}
