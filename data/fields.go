package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"

	"handlingsplan/domain"
)

// tables are the tables of the entities whose fields SetField changes.
var tables = map[string]string{"plan": "plans", "activity": "activities", "training": "trainings", "checkpoint": "checkpoints", "system": "systems"}

// columns names the column of a field whose column is not named as the field. Every other
// declared field (domain.Fields) is kept in the column of its own name.
var columns = map[domain.Field]string{
	domain.FieldActivityStart: "start_date",
	domain.FieldActivityEnd:   "end_date",
}

// column is the column field f is kept in.
func column(f domain.Field) string {
	if c, ok := columns[f]; ok {
		return c
	}
	return f.Name()
}

// planOf finds the plan an entity row belongs to (0 for systems, which belong to a board).
func planOf(tx *sql.Tx, entity string, id int64) (int64, error) {
	switch entity {
	case "plan":
		return id, nil
	case "system":
		return 0, nil
	}
	var planID int64
	err := tx.QueryRow("SELECT plan_id FROM "+tables[entity]+" WHERE id = ?", id).Scan(&planID)
	return planID, err
}

// ErrNotFound means the row does not exist (any more).
var ErrNotFound = errors.New("not found")

// editCheck applies domain.PlanAfterEdit to an edit of plan planID's rows: a refused edit
// returns its problem; a status the edit changes is stored and logged. followUp edits are the
// autumn follow-up's (Field.FollowUp).
func (s *Store) editCheck(tx *sql.Tx, planID int64, followUp bool) error {
	if planID == 0 {
		return nil
	}
	var status string
	if err := tx.QueryRow("SELECT status FROM plans WHERE id = ?", planID).Scan(&status); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	}
	next, refused := domain.PlanAfterEdit(planID, domain.PlanStatus(status), followUp)
	if refused != nil {
		return refused
	}
	if string(next) == status {
		_, err := tx.Exec("UPDATE plans SET updated_at = ? WHERE id = ?", s.stamp(), planID)
		return err
	}
	if _, err := tx.Exec("UPDATE plans SET status = ?, updated_at = ? WHERE id = ?", string(next), s.stamp(), planID); err != nil {
		return err
	}
	return s.audit(tx, "plan", planID, "status", status, string(next))
}

func (s *Store) audit(tx *sql.Tx, entity string, id int64, field, old, new string) error {
	_, err := tx.Exec("INSERT INTO audit_log(at, who, entity, entity_id, field, old_value, new_value) VALUES(?,?,?,?,?,?,?)",
		s.stamp(), s.Who(), entity, id, field, old, new)
	return err
}

// SetField changes one field of one row, records the change in the audit log and returns
// the old value (in the same Go type, so that SetField(f, id, old) undoes it). The value has
// the Go type of the field's kind (domain.FieldKind). A value the database refuses comes back
// as an *domain.Problem for that field.
//
// A number field of an activity or a training also takes a domain.RawInput: text typed there
// that is no value. It is kept as typed (see unparsed_input) while the column keeps its value,
// and a number for the field replaces it. The old value is then whichever the field held: the
// RawInput or the number.
func (s *Store) SetField(f domain.Field, id int64, value any) (old any, err error) {
	err = s.Update(func(t *Tx) error {
		old, err = t.setField(f, id, value)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set %s %d %s: %w", f.Entity(), id, f.Name(), err)
	}
	return old, nil
}

// SetField is Store.SetField inside the transaction.
func (t *Tx) SetField(f domain.Field, id int64, value any) (old any, err error) {
	old, err = t.setField(f, id, value)
	if err != nil {
		return nil, fmt.Errorf("set %s %d %s: %w", f.Entity(), id, f.Name(), err)
	}
	return old, nil
}

func (t *Tx) setField(f domain.Field, id int64, value any) (old any, err error) {
	s, tx := t.s, t.tx
	table, ok := tables[f.Entity()]
	if !ok {
		return nil, errors.New("not an editable field")
	}
	entity, field := f.Entity(), f.Name()
	switch f.Kind() {
	case domain.GoalsField:
		goals, ok := value.([]int)
		if !ok {
			return nil, fmt.Errorf("want goal numbers, got %T", value)
		}
		return s.setActivityGoals(tx, id, goals)
	case domain.SystemsField:
		systems, ok := value.([]int64)
		if !ok {
			return nil, fmt.Errorf("want system ids, got %T", value)
		}
		return s.setActivitySystems(tx, id, systems)
	}
	col := column(f)
	typedIn, isTyped := value.(domain.RawInput)
	takesTyped := f.TakesTyped()
	var arg any
	var newText string
	if isTyped {
		if !takesTyped {
			return nil, errors.New("typed text for a field that is no number of a plan row")
		}
		newText = string(typedIn)
	} else if arg, newText, err = toArg(f.Kind(), value); err != nil {
		return nil, err
	}
	var raw any
	if err := tx.QueryRow("SELECT "+col+" FROM "+table+" WHERE id = ?", id).Scan(&raw); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	old = fromStored(f.Kind(), raw)
	oldText := auditText(f.Kind(), raw)
	typed, hasTyped := "", false
	if takesTyped {
		if typed, hasTyped, err = unparsedText(tx, entity, id, field); err != nil {
			return nil, err
		}
		if hasTyped {
			old, oldText = domain.RawInput(typed), typed
		}
	}
	if isTyped == hasTyped && oldText == newText {
		return old, nil
	}
	planID, err := planOf(tx, entity, id)
	if err != nil {
		return nil, err
	}
	if err := s.editCheck(tx, planID, f.FollowUp()); err != nil {
		return nil, err
	}
	if isTyped {
		if _, err := tx.Exec("INSERT OR REPLACE INTO unparsed_input(plan_id, entity, entity_id, field, text) VALUES(?,?,?,?,?)",
			planID, entity, id, field, newText); err != nil {
			return nil, err
		}
	} else {
		if hasTyped {
			if _, err := tx.Exec("DELETE FROM unparsed_input WHERE entity = ? AND entity_id = ? AND field = ?", entity, id, field); err != nil {
				return nil, err
			}
		}
		if _, err := tx.Exec("UPDATE "+table+" SET "+col+" = ? WHERE id = ?", arg, id); err != nil {
			return nil, constraintProblem(err, entity, id, field)
		}
	}
	return old, s.audit(tx, entity, id, field, oldText, newText)
}

// constraintProblem turns a constraint the schema enforces into a field-level problem the
// user can act on. SQLite names a failed CHECK by its expression ("CHECK constraint failed:
// internal_hours >= 0") and a failed UNIQUE by its columns ("UNIQUE constraint failed:
// boards.name"). field "" means the field is the checked column. A CHECK that only a
// programming error can break (an unknown status, say) stays a plain error: a sentence about
// the wrong thing would mislead the user.
func constraintProblem(err error, entity string, id int64, field string) error {
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		return err
	}
	msg := se.Error()
	problem := func(entity, field, key string, args ...any) error {
		return &domain.Problem{Severity: domain.Blocking, Entity: entity, EntityID: id, Field: field, Key: key, Args: args}
	}
	if _, expr, ok := strings.Cut(msg, "CHECK constraint failed: "); ok {
		col := checkColumn(expr)
		if field == "" {
			field = col
		}
		switch col {
		case "percent_done":
			return problem(entity, field, "err.percent_range")
		case "year":
			return problem(entity, field, "err.year_range", "Min", domain.MinYear, "Max", domain.MaxYear)
		case "confidentiality", "integrity", "availability", "traceability":
			return problem(entity, field, "err.level_range")
		case "expected_participants", "actual_participants":
			return problem(entity, field, "err.participants")
		case "hours_per_fte":
			return problem(entity, field, "err.too_large", "Field", "field.hours_per_fte", "Max", 3000)
		}
		switch {
		case strings.HasPrefix(expr, "length(trim("):
			return problem(entity, field, "err.required", "Field", "field."+field)
		case strings.HasSuffix(expr, ">= 0"):
			return problem(entity, field, "err.negative", "Field", "field."+field)
		}
		return err
	}
	if _, cols, ok := strings.Cut(msg, "UNIQUE constraint failed: "); ok {
		switch cols {
		case "boards.name":
			return problem("board", "name", "err.duplicate_board")
		case "plans.board_id, plans.year":
			return problem("plan", "year", "err.duplicate_plan")
		case "systems.board_id, systems.name":
			return problem("system", "name", "err.duplicate_system")
		}
	}
	return err
}

// checkColumn is the column a CHECK expression is about: its first name, inside
// "length(trim(…))" for the required-text checks.
func checkColumn(expr string) string {
	expr = strings.TrimPrefix(expr, "length(trim(")
	end := strings.IndexFunc(expr, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if end < 0 {
		return expr
	}
	return expr[:end]
}
