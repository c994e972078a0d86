package data

import (
	"database/sql"
	"fmt"

	"handlingsplan/domain"
)

// Tx is one transaction of the store, for a use case whose writes belong together: app/newplan
// makes next year's plan and marks last year's dropped activities struken in one. Store.Update
// runs it; all of it is stored, or nothing. Its methods are the store's of the same name, inside
// the transaction. A Tx is used only inside the function Update gives it to.
type Tx struct {
	s  *Store
	tx *sql.Tx
}

// Update runs fn in one transaction: when fn returns an error (or panics) nothing fn wrote is
// stored, and the error comes back as it is.
func (s *Store) Update(fn func(t *Tx) error) error {
	return s.tx(func(tx *sql.Tx) error { return fn(&Tx{s: s, tx: tx}) })
}

// AddPlanData is Store.AddPlanData inside the transaction; it also returns the ids of the new
// rows of d.Activities, in order.
func (t *Tx) AddPlanData(d domain.PlanData) (planID int64, activityIDs []int64, err error) {
	planID, activityIDs, err = t.s.insertPlanData(t.tx, d)
	if err != nil {
		return 0, nil, fmt.Errorf("store plan %d for %q: %w", d.Plan.Year, d.Plan.Board, err)
	}
	return planID, activityIDs, nil
}
