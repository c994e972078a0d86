package data

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"handlingsplan/domain"
)

// Checklist reads a plan's assessments of the general requirements, in requirement order of
// the rows stored (the views order them as the profile does).
func (s *Store) Checklist(planID int64) ([]domain.ChecklistEntry, error) {
	rows, err := s.q.Query(`SELECT requirement, status, date, responsible, comment FROM checklist WHERE plan_id = ? ORDER BY requirement`, planID)
	if err != nil {
		return nil, fmt.Errorf("read checklist of plan %d: %w", planID, err)
	}
	defer rows.Close()
	var out []domain.ChecklistEntry
	for rows.Next() {
		e, err := scanChecklist(rows, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanChecklist(sc interface{ Scan(...any) error }, planID *int64) (domain.ChecklistEntry, error) {
	var e domain.ChecklistEntry
	var status string
	var date sql.NullString
	dest := []any{&e.Requirement, &status, &date, &e.Responsible, &e.Comment}
	if planID != nil {
		dest = append([]any{planID}, dest...)
	}
	if err := sc.Scan(dest...); err != nil {
		return e, err
	}
	e.Status, e.Date = domain.ChecklistStatus(status), parseDate(date)
	return e, nil
}

// checklistColumns are the fields of a checklist row SetChecklist changes.
var checklistColumns = map[string]domain.FieldKind{"status": domain.TextField, "date": domain.DateField, "responsible": domain.TextField, "comment": domain.TextField}

// SetChecklist changes one field ("status", "date", "responsible" or "comment") of a plan's
// assessment of requirement, records it in the audit log and returns the old value (so that
// SetChecklist with it undoes the change). Like any change of a plan's content it is refused on
// a plan marked ready and turns a signed plan back into a draft.
func (s *Store) SetChecklist(planID int64, requirement, field string, value any) (old any, err error) {
	k, ok := checklistColumns[field]
	if !ok {
		return nil, fmt.Errorf("set checklist %s: not an editable field", field)
	}
	if field == "status" {
		if st, ok := value.(domain.ChecklistStatus); ok {
			value = string(st)
		}
		if st, _ := value.(string); !domain.ValidChecklistStatus(domain.ChecklistStatus(st)) {
			return nil, fmt.Errorf("set checklist status: %q is no status", st)
		}
	}
	arg, newText, err := toArg(k, value)
	if err != nil {
		return nil, fmt.Errorf("set checklist %s: %w", field, err)
	}
	err = s.tx(func(tx *sql.Tx) error {
		var raw any
		err := tx.QueryRow("SELECT "+field+" FROM checklist WHERE plan_id = ? AND requirement = ?", planID, requirement).Scan(&raw)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			raw = nil
			if k == domain.TextField {
				raw = ""
			}
		case err != nil:
			return err
		}
		old = fromStored(k, raw)
		if field == "status" {
			old = domain.ChecklistStatus(asString(raw))
		}
		oldText := auditText(k, raw)
		if oldText == newText {
			return nil
		}
		if err := s.editCheck(tx, planID, false); err != nil {
			return err
		}
		if _, err := tx.Exec("INSERT OR IGNORE INTO checklist(plan_id, requirement) VALUES(?, ?)", planID, requirement); err != nil {
			return constraintProblem(err, "checklist", planID, requirement)
		}
		if _, err := tx.Exec("UPDATE checklist SET "+field+" = ? WHERE plan_id = ? AND requirement = ?", arg, planID, requirement); err != nil {
			return constraintProblem(err, "checklist", planID, requirement)
		}
		return s.audit(tx, "checklist", planID, requirement+"."+field, oldText, newText)
	})
	if err != nil {
		return nil, fmt.Errorf("set checklist %s of plan %d, %s: %w", field, planID, requirement, err)
	}
	return old, nil
}

// insertChecklist writes a plan's whole checklist (a new plan from a submission or the demo).
func insertChecklist(tx *sql.Tx, planID int64, entries []domain.ChecklistEntry) error {
	for _, e := range entries {
		if _, err := tx.Exec(`INSERT INTO checklist(plan_id, requirement, status, date, responsible, comment) VALUES(?,?,?,?,?,?)
			ON CONFLICT(plan_id, requirement) DO UPDATE SET status = excluded.status, date = excluded.date,
			responsible = excluded.responsible, comment = excluded.comment`,
			planID, e.Requirement, string(e.Status), dateArg(e.Date), e.Responsible, e.Comment); err != nil {
			return constraintProblem(err, "checklist", planID, e.Requirement)
		}
	}
	return nil
}

// BoardActivities are the activities of a board's own plans for the years from year on (the
// current and the next plan), with the plan's year: the register says from them which of its
// warnings already have an activity.
func (s *Store) BoardActivities(boardID int64, year int) ([]PlannedActivity, error) {
	plans, err := s.Plans(boardID)
	if err != nil {
		return nil, err
	}
	var out []PlannedActivity
	for _, p := range plans {
		if p.Year < year {
			continue
		}
		acts, err := s.Activities(p.ID)
		if err != nil {
			return nil, err
		}
		for _, a := range acts {
			out = append(out, PlannedActivity{Activity: a, Year: p.Year, PlanID: p.ID})
		}
	}
	return out, nil
}

// PlannedActivity is an activity with the plan it belongs to.
type PlannedActivity struct {
	domain.Activity
	Year   int
	PlanID int64
}

// asOf is the day a board's own plan is judged at: today, by the store's clock.
func (s *Store) asOf() time.Time {
	s.mu.Lock()
	now := s.now
	s.mu.Unlock()
	y, m, d := now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
