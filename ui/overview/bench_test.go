package overview

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/coorddemo"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// BenchmarkBuild opens the overview in a window for a kommun of 50 boards × 10 years × 200
// activities: the view as the coordinator first sees it (newest year), every tab filled.
func BenchmarkBuild(b *testing.B) {
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
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	loc := i18n.New(i18n.Swedish)
	b.ResetTimer()
	for b.Loop() {
		v := New(Env{Window: w, Store: s, Loc: loc, Now: func() time.Time { return time.Date(2029, 11, 1, 0, 0, 0, 0, time.UTC) }})
		w.SetContent(v.Build())
		if v.year != 2029 || len(v.gantt.rows) != 10_000 {
			b.Fatalf("year %d, %d timeline rows", v.year, len(v.gantt.rows))
		}
	}
}
