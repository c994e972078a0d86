// Package newplan is the use case that starts next year's plan of a board from its newest one:
// Prepare reads what the plan starts from (the year, last year's plan and its unfinished
// activities), Create makes it in one transaction of the store. The wizard's carry-over dialog
// calls both; nothing here knows Fyne.
package newplan

import (
	"fmt"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
)

// Start is what a new plan of a board starts from.
type Start struct {
	Board domain.Board
	Year  int // the year the new plan covers
	// Prev is the board's newest plan (its own Previous left out), nil when the board has none:
	// then there is nothing to carry over.
	Prev *domain.PlanData
	// Choices are Prev's unfinished activities, each carried over re-dated unless chosen otherwise.
	Choices []domain.CarryChoice
}

// Prepare reads what a new plan of board starts from; now decides the year when the board has
// no plan yet (see domain.NextPlanYear).
func Prepare(store *data.Store, board domain.Board, now time.Time) (Start, error) {
	plans, err := store.Plans(board.ID)
	if err != nil {
		return Start{}, fmt.Errorf("new plan for %q: %w", board.Name, err)
	}
	st := Start{Board: board, Year: domain.NextPlanYear(plans, now)}
	if len(plans) > 0 {
		d, err := store.PlanData(plans[0].ID)
		if err != nil {
			return Start{}, fmt.Errorf("new plan for %q: %w", board.Name, err)
		}
		d.Previous = nil
		st.Prev = &d
	}
	st.Choices = domain.CarryCandidates(st.Prev)
	return st, nil
}

// Create stores the plan domain.NewPlanFrom makes from prev, marks the activities of prev it
// drops struken with their reason, links the carried activities to the board's register as
// they were, and returns the new plan's id. It is one transaction: when any of it fails,
// nothing is stored. A problem that stops the plan (a drop without a reason, a year out of
// range) comes back as an *domain.Problem.
func Create(store *data.Store, prev *domain.PlanData, opt domain.NewPlanOptions) (int64, error) {
	return create(store, prev, opt, func(tx *data.Tx) writer { return tx })
}

// writer is what a plan is made through: the store's transaction (tests wrap it to fail).
type writer interface {
	AddPlanData(d domain.PlanData) (int64, []int64, error)
	SetField(f domain.Field, id int64, value any) (any, error)
}

func create(store *data.Store, prev *domain.PlanData, opt domain.NewPlanOptions, through func(*data.Tx) writer) (int64, error) {
	d, drops, ps := domain.NewPlanFrom(prev, opt)
	if len(ps) > 0 {
		p := ps[0]
		return 0, &p
	}
	var id int64
	err := store.Update(func(tx *data.Tx) error {
		var err error
		id, err = write(through(tx), d, drops)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("new plan %d for %q: %w", opt.Year, opt.Board.Name, err)
	}
	return id, nil
}

// write makes the plan d and marks the drops of last year's plan.
func write(w writer, d domain.PlanData, drops []domain.Drop) (int64, error) {
	id, actIDs, err := w.AddPlanData(d)
	if err != nil {
		return 0, err
	}
	for _, dr := range drops {
		if _, err := w.SetField(domain.FieldActivityStatus, dr.ActivityID, domain.ActivityDropped); err != nil {
			return 0, err
		}
		if _, err := w.SetField(domain.FieldActivityFollowUpComment, dr.ActivityID, dr.Comment); err != nil {
			return 0, err
		}
	}
	// AddPlanData links activities only to systems it adds itself; the carried activities point
	// at the board's own register, which the new plan shares: link them as they were.
	for i, a := range d.Activities {
		if len(a.SystemIDs) > 0 && i < len(actIDs) {
			if _, err := w.SetField(domain.FieldActivitySystems, actIDs[i], a.SystemIDs); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}
