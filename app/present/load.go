package present

import (
	"encoding/json"
	"fmt"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The two decks are built by these functions only: the presentation (F5) and the handout
// (`handlingsplan handout`) both call them, so the handout is the deck that was shown.

// OverviewDeck is the municipal overview of year as slides, with the overview it shows.
func OverviewDeck(store *data.Store, year int, loc *i18n.Localizer, now time.Time) (*Deck, *overview.Overview, error) {
	o, err := overview.Load(store, year, overview.Options{Loc: loc, Now: now})
	if err != nil {
		return nil, nil, err
	}
	return FromOverview(o, now), o, nil
}

// PlanDeck is one plan (a board's own or a received one) as slides.
func PlanDeck(store *data.Store, planID int64, loc *i18n.Localizer, now time.Time) (*Deck, error) {
	d, err := LoadPlan(store, planID)
	if err != nil {
		return nil, err
	}
	prof, err := store.Profile()
	if err != nil {
		return nil, fmt.Errorf("slides of plan %d: %w", planID, err)
	}
	return FromPlan(d, d.ProfileOr(prof), loc, now), nil
}

// LoadPlan reads a plan with last year's plan for its follow-up slides. A board's own plan has
// the board's own plan of last year; a plan rebuilt from a received submission has last year's
// plan as the overview picks it (overview.PickLastYear: the board's own followed-up submission
// for that year, or the copy this submission carries), so the board's slides and the
// overview's figures of the board agree.
func LoadPlan(store *data.Store, planID int64) (domain.PlanData, error) {
	d, err := store.PlanData(planID)
	if err != nil {
		return d, fmt.Errorf("slides of plan %d: %w", planID, err)
	}
	if d.Plan.SubmissionID == 0 {
		return d, nil
	}
	raw, err := store.SubmissionPayload(d.Plan.SubmissionID)
	if err != nil {
		return d, fmt.Errorf("slides of plan %d: %w", planID, err)
	}
	var p submission.Payload
	if err := json.Unmarshal(raw, &p); err != nil {
		return d, fmt.Errorf("slides of plan %d: payload of submission %d: %w", planID, d.Plan.SubmissionID, err)
	}
	carried := p.Plan.Previous
	if carried != nil {
		carried.Previous = nil
	}
	var received *domain.PlanData
	if d.Plan.Year > domain.MinYear {
		last, err := store.ReceivedPlans(d.Plan.Year-1, data.WithActivities)
		if err != nil {
			return d, fmt.Errorf("slides of plan %d: %w", planID, err)
		}
		for i := range last {
			if last[i].Plan.Board == d.Plan.Board {
				received = &last[i]
			}
		}
	}
	d.Previous, _ = overview.PickLastYear(received, carried)
	return d, nil
}
