//go:build !race

// Painted in software (the whole slide, several times): run by `make test` without the race
// detector, which makes Fyne's painting some ten times slower; the show's keys and state are
// checked under -race in show_test.go.

package present

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"handlingsplan/app/overview"
	model "handlingsplan/app/present"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// overviewDeck is the overview of the demo kommun's 2026 plans, as if every board had sent
// its plans for 2025 and 2026.
func overviewDeck(t testing.TB) *model.Deck {
	loc := i18n.New(i18n.Swedish)
	now := time.Date(demoYear, 11, 20, 10, 5, 0, 0, time.UTC)
	in := overview.Input{Year: demoYear, Profile: profile(t), Loc: loc, Now: now}
	for i, d := range demoPlans(t) {
		d.Plan.SubmissionID = int64(i + 1)
		sub := data.Submission{ID: int64(i + 1), Board: d.Plan.Board, Year: d.Plan.Year, Version: max(d.Plan.Version, 1), Current: true, Trusted: true}
		switch d.Plan.Year {
		case demoYear:
			in.Plans, in.History = append(in.Plans, d), append(in.History, sub)
		case demoYear - 1:
			in.LastYear, in.LastHistory = append(in.LastYear, d), append(in.LastHistory, sub)
		}
	}
	return model.FromOverview(overview.Build(in), now)
}

// The first slide of every kind, at 1920 × 1080, for the demo kommun: the Socialnämnden's
// plan for 2027 shown in February 2027, and the overview's own kinds for 2026 shown in November.
// The images are in testdata/; a changed slide is written to testdata/failed/ to be looked at.
func TestGoldenSlides(t *testing.T) {
	planKinds := slices.DeleteFunc(slices.Clone(model.Kinds), func(k model.Kind) bool {
		return k == model.KindBoards || k == model.KindLatest || k == model.KindAreas
	})
	decks := []struct {
		name  string
		deck  *model.Deck
		kinds []model.Kind
	}{
		{"plan", planDeck(t), planKinds},
		// The overview's own kinds of slide; the others look like the plan's.
		{"overview", overviewDeck(t), []model.Kind{model.KindBoards, model.KindTimeline, model.KindTraining, model.KindLatest, model.KindAreas}},
	}
	for _, d := range decks {
		s, w := start(t, d.deck, "")
		for _, k := range d.kinds {
			i := slices.IndexFunc(d.deck.Slides, func(s model.Slide) bool { return s.Kind == k })
			if i < 0 {
				t.Errorf("%s: no %s slide", d.name, k)
				continue
			}
			t.Run(d.name+"-"+string(k), func(t *testing.T) {
				s.show(i)
				test.AssertImageMatches(t, d.name+"-"+string(k)+".png", w.Canvas().Capture())
			})
		}
	}
}
