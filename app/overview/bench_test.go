package overview_test

import (
	"path/filepath"
	"testing"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// BenchmarkOverview opens the overview of one year in a kommun with 50 boards that have sent
// plans of 200 activities for 10 years (100 000 activities, 500 payloads): everything the
// overview's views and exports show, computed from the store. The target is under a second.
func BenchmarkOverview(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), "coordinator.db"), "samordnare")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		b.Fatal(err)
	}
	if err := coorddemo.Large(s, 50, 10, 200, 2020); err != nil {
		b.Fatal(err)
	}
	loc := i18n.New(i18n.Swedish)
	b.ResetTimer()
	for b.Loop() {
		o, err := overview.Load(s, 2025, overview.Options{Loc: loc})
		if err != nil {
			b.Fatal(err)
		}
		if len(o.Plans) != 50 || len(o.Activities) != 10_000 || o.Resources.Total.LastSource == overview.LastNone || !o.FollowUp.Total.Has {
			b.Fatalf("overview of %d plans, %d activities", len(o.Plans), len(o.Activities))
		}
	}
}
