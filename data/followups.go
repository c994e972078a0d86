package data

import (
	"database/sql"
	"errors"
	"fmt"

	"handlingsplan/domain"
)

// Follow-ups recorded during a plan's year (migration 0007): each the status of every activity
// and the outcome of every annual goal on its date.

// insertFollowUp stores f for plan planID; the marks' ids are mapped through acts and goals
// when those are given (a plan stored whole: import, demo), else taken as they are. Marks of
// rows the plan does not have are left out.
func insertFollowUp(tx *sql.Tx, planID int64, f domain.FollowUp, acts, goals map[int64]int64) (int64, error) {
	res, err := tx.Exec("INSERT INTO follow_ups(id, plan_id, date, closing, comment) VALUES(?,?,?,?,?)",
		idArg(f.ID), planID, dateArg(f.Date), f.Closing, f.Comment)
	if err != nil {
		return 0, withArgs(constraintProblem(err, "plan", planID, "follow_ups"), "err.followup.two_closing", "Count", 2)
	}
	id, _ := res.LastInsertId()
	mapped := func(m map[int64]int64, x int64) int64 {
		if m == nil {
			return x
		}
		return m[x]
	}
	for _, m := range f.Activities {
		a := mapped(acts, m.Activity)
		if _, err := tx.Exec(`INSERT OR IGNORE INTO follow_up_activities(follow_up_id, activity_id, status, percent_done)
			SELECT ?, id, ?, ? FROM activities WHERE id = ? AND plan_id = ?`, id, string(m.Status), m.PercentDone, a, planID); err != nil {
			return 0, constraintProblem(err, "followup", id, "")
		}
	}
	for _, m := range f.Goals {
		g := mapped(goals, m.Goal)
		if _, err := tx.Exec(`INSERT OR IGNORE INTO follow_up_goals(follow_up_id, annual_goal_id, outcome, measured, light)
			SELECT ?, id, ?, ?, ? FROM annual_goals WHERE id = ? AND plan_id = ?`, id, string(m.Outcome), m.Measured, string(m.Light), g, planID); err != nil {
			return 0, constraintProblem(err, "followup", id, "")
		}
	}
	return id, nil
}

// FollowUps lists the follow-ups of a plan, oldest first.
func (s *Store) FollowUps(planID int64) ([]domain.FollowUp, error) {
	rows, err := s.q.Query("SELECT id, plan_id, date, closing, comment FROM follow_ups WHERE plan_id = ? ORDER BY date, closing, id", planID)
	if err != nil {
		return nil, fmt.Errorf("list follow-ups: %w", err)
	}
	var out []domain.FollowUp
	for rows.Next() {
		var f domain.FollowUp
		var date sql.NullString
		if err := rows.Scan(&f.ID, &f.PlanID, &date, &f.Closing, &f.Comment); err != nil {
			rows.Close()
			return nil, err
		}
		f.Date = parseDate(date)
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list follow-ups: %w", err)
	}
	for i := range out {
		if err := s.followUpMarks(&out[i]); err != nil {
			return nil, fmt.Errorf("list follow-ups: %w", err)
		}
	}
	return out, nil
}

func (s *Store) followUpMarks(f *domain.FollowUp) error {
	rows, err := s.q.Query(`SELECT m.activity_id, m.status, m.percent_done FROM follow_up_activities m
		JOIN activities a ON a.id = m.activity_id WHERE m.follow_up_id = ? ORDER BY a.position, a.id`, f.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var m domain.ActivityMark
		var st string
		if err := rows.Scan(&m.Activity, &st, &m.PercentDone); err != nil {
			rows.Close()
			return err
		}
		m.Status = domain.ActivityStatus(st)
		f.Activities = append(f.Activities, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.q.Query(`SELECT m.annual_goal_id, m.outcome, m.measured, m.light FROM follow_up_goals m
		JOIN annual_goals g ON g.id = m.annual_goal_id WHERE m.follow_up_id = ? ORDER BY g.position, g.id`, f.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m domain.GoalMark
		var o, l string
		if err := rows.Scan(&m.Goal, &o, &m.Measured, &l); err != nil {
			return err
		}
		m.Outcome, m.Light = domain.Outcome(o), domain.Light(l)
		f.Goals = append(f.Goals, m)
	}
	return rows.Err()
}

// RecordFollowUp records a follow-up of plan planID: the follow-up itself, and the statuses and
// outcomes it names as the plan's current ones (they are what the board reports on that date).
// The follow-up that closes the year closes a signed plan. Every change is in the audit log; it
// returns the follow-up's id.
func (s *Store) RecordFollowUp(planID int64, f domain.FollowUp) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var status string
		if err := tx.QueryRow("SELECT status FROM plans WHERE id = ?", planID).Scan(&status); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		var err error
		if id, err = insertFollowUp(tx, planID, f, nil, nil); err != nil {
			return err
		}
		kind := "interim"
		if f.Closing {
			kind = "closing"
		}
		if err := s.audit(tx, "followup", id, "created", "", kind+" "+dateText(f.Date)); err != nil {
			return err
		}
		for _, m := range f.Activities {
			if err := s.setIf(tx, domain.FieldActivityStatus, m.Activity, planID, string(m.Status)); err != nil {
				return err
			}
			if err := s.setIf(tx, domain.FieldActivityPercentDone, m.Activity, planID, m.PercentDone); err != nil {
				return err
			}
		}
		for _, m := range f.Goals {
			fields := []domain.Field{domain.FieldAnnualGoalOutcome, domain.FieldAnnualGoalMeasured, domain.FieldAnnualGoalLight}
			for i, v := range []string{string(m.Outcome), m.Measured, string(m.Light)} {
				if err := s.setIf(tx, fields[i], m.Goal, planID, v); err != nil {
					return err
				}
			}
		}
		if f.Closing && domain.PlanStatus(status) == domain.PlanSigned {
			if _, err := tx.Exec("UPDATE plans SET status = 'closed' WHERE id = ?", planID); err != nil {
				return err
			}
			if err := s.audit(tx, "plan", planID, "status", status, string(domain.PlanClosed)); err != nil {
				return err
			}
		}
		_, err = tx.Exec("UPDATE plans SET updated_at = ? WHERE id = ?", s.stamp(), planID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("record follow-up of plan %d: %w", planID, err)
	}
	return id, nil
}

// setIf sets follow-up field f of a row of plan planID to value when it differs, and logs it.
func (s *Store) setIf(tx *sql.Tx, f domain.Field, id, planID int64, value any) error {
	arg, text, err := toArg(f.Kind(), value)
	if err != nil {
		return err
	}
	col, table := column(f), tables[f.Entity()]
	var old string
	err = tx.QueryRow("SELECT CAST("+col+" AS TEXT) FROM "+table+" WHERE id = ? AND plan_id = ?", id, planID).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a row deleted meanwhile: the follow-up leaves it out too
	}
	if err != nil || old == text {
		return err
	}
	if _, err := tx.Exec("UPDATE "+table+" SET "+col+" = ? WHERE id = ?", arg, id); err != nil {
		return constraintProblem(err, f.Entity(), id, f.Name())
	}
	return s.audit(tx, f.Entity(), id, f.Name(), old, text)
}

// DeleteFollowUp removes a recorded follow-up (the current statuses stay as they are) and
// returns it.
func (s *Store) DeleteFollowUp(id int64) (domain.FollowUp, error) {
	var planID int64
	if err := s.q.QueryRow("SELECT plan_id FROM follow_ups WHERE id = ?", id).Scan(&planID); err != nil {
		return domain.FollowUp{}, fmt.Errorf("follow-up %d: %w", id, ErrNotFound)
	}
	fs, err := s.FollowUps(planID)
	if err != nil {
		return domain.FollowUp{}, err
	}
	for _, f := range fs {
		if f.ID != id {
			continue
		}
		err := s.tx(func(tx *sql.Tx) error {
			if _, err := tx.Exec("DELETE FROM follow_ups WHERE id = ?", id); err != nil {
				return err
			}
			return s.audit(tx, "followup", id, "deleted", dateText(f.Date), "")
		})
		if err != nil {
			return f, fmt.Errorf("delete follow-up %d: %w", id, err)
		}
		return f, nil
	}
	return domain.FollowUp{}, fmt.Errorf("follow-up %d: %w", id, ErrNotFound)
}
