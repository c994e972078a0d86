package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"

	"handlingsplan/domain"
)

type kind int

const (
	kText kind = iota
	kInt
	kDate
	kBool
	kDates // training dates, comma-separated
)

type column struct {
	name string
	kind kind
	// followUp fields belong to the autumn follow-up: editing them neither needs the plan to
	// be a draft nor turns a signed plan back into a draft.
	followUp bool
}

// editable lists, per entity, the fields SetField may change and their columns. Anything not
// here cannot be changed through SetField (ids, plan membership, status: see SetPlanStatus).
var editable = map[string]map[string]column{
	"plan": {
		"responsible":        {name: "responsible"},
		"contact":            {name: "contact"},
		"decision_date":      {name: "decision_date", kind: kDate},
		"decision_paragraph": {name: "decision_paragraph"},
		"check0_result":      {name: "check0_result", followUp: true},
		"check0_text":        {name: "check0_text", followUp: true},
		"check1_result":      {name: "check1_result", followUp: true},
		"check1_text":        {name: "check1_text", followUp: true},
		"check2_result":      {name: "check2_result", followUp: true},
		"check2_text":        {name: "check2_text", followUp: true},
	},
	"activity": {
		"title":             {name: "title"},
		"description":       {name: "description"},
		"priority":          {name: "priority", kind: kInt},
		"responsible":       {name: "responsible"},
		"start":             {name: "start_date", kind: kDate},
		"end":               {name: "end_date", kind: kDate},
		"internal_hours":    {name: "internal_hours", kind: kInt},
		"external_hours":    {name: "external_hours", kind: kInt},
		"operating_cost":    {name: "operating_cost", kind: kInt},
		"investment":        {name: "investment", kind: kInt},
		"position":          {name: "position", kind: kInt},
		"status":            {name: "status", followUp: true},
		"percent_done":      {name: "percent_done", kind: kInt, followUp: true},
		"actual_hours":      {name: "actual_hours", kind: kInt, followUp: true},
		"actual_kronor":     {name: "actual_kronor", kind: kInt, followUp: true},
		"follow_up_comment": {name: "follow_up_comment", followUp: true},
	},
	"training": {
		"title":                 {name: "title"},
		"target_group":          {name: "target_group"},
		"format":                {name: "format"},
		"dates":                 {name: "dates", kind: kDates},
		"responsible":           {name: "responsible"},
		"expected_participants": {name: "expected_participants", kind: kInt},
		"evaluation":            {name: "evaluation"},
		"position":              {name: "position", kind: kInt},
		"actual_participants":   {name: "actual_participants", kind: kInt, followUp: true},
	},
	"checkpoint": {
		"date":      {name: "date", kind: kDate},
		"method":    {name: "method"},
		"report_to": {name: "report_to"},
		"position":  {name: "position", kind: kInt},
		"done":      {name: "done", kind: kBool, followUp: true},
	},
	"system": {
		"name":             {name: "name"},
		"description":      {name: "description"},
		"owner":            {name: "owner"},
		"confidentiality":  {name: "confidentiality", kind: kInt},
		"integrity":        {name: "integrity", kind: kInt},
		"availability":     {name: "availability", kind: kInt},
		"traceability":     {name: "traceability", kind: kInt},
		"baseline_met":     {name: "baseline_met", kind: kBool},
		"security_plan":    {name: "security_plan"},
		"security_plan_at": {name: "security_plan_at", kind: kDate},
		"risk_analysis_at": {name: "risk_analysis_at", kind: kDate},
		"continuity_at":    {name: "continuity_at", kind: kDate},
		"recovery_at":      {name: "recovery_at", kind: kDate},
		"sensitive":        {name: "sensitive", kind: kBool},
		"classified_at":    {name: "classified_at", kind: kDate},
	},
}

var tables = map[string]string{"plan": "plans", "activity": "activities", "training": "trainings", "checkpoint": "checkpoints", "system": "systems"}

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

// editCheck refuses edits of a plan marked ready, and turns a signed plan back into a draft
// when its content (not its follow-up) changes, so the next export makes a new version.
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
	if followUp {
		_, err := tx.Exec("UPDATE plans SET updated_at = ? WHERE id = ?", s.stamp(), planID)
		return err
	}
	switch domain.PlanStatus(status) {
	case domain.PlanReady:
		return &domain.Problem{Severity: domain.Blocking, Entity: "plan", EntityID: planID, Field: "status", Key: "err.read_only"}
	case domain.PlanSigned:
		if _, err := tx.Exec("UPDATE plans SET status = 'draft', updated_at = ? WHERE id = ?", s.stamp(), planID); err != nil {
			return err
		}
		return s.audit(tx, "plan", planID, "status", string(domain.PlanSigned), string(domain.PlanDraft))
	}
	_, err := tx.Exec("UPDATE plans SET updated_at = ? WHERE id = ?", s.stamp(), planID)
	return err
}

func (s *Store) audit(tx *sql.Tx, entity string, id int64, field, old, new string) error {
	_, err := tx.Exec("INSERT INTO audit_log(at, who, entity, entity_id, field, old_value, new_value) VALUES(?,?,?,?,?,?,?)",
		s.stamp(), s.Who(), entity, id, field, old, new)
	return err
}

// SetField changes one field of one row, records the change in the audit log and returns
// the old value (in the same Go type, so that SetField(entity, id, field, old) undoes it).
// A value the database refuses comes back as an *domain.Problem for that field.
//
// A number field of an activity or a training also takes a domain.RawInput: text typed there
// that is no value. It is kept as typed (see unparsed_input) while the column keeps its value,
// and a number for the field replaces it. The old value is then whichever the field held: the
// RawInput or the number.
func (s *Store) SetField(entity string, id int64, field string, value any) (old any, err error) {
	cols, ok := editable[entity]
	if !ok {
		return nil, fmt.Errorf("set %s.%s: unknown entity", entity, field)
	}
	col, ok := cols[field]
	if !ok {
		return nil, fmt.Errorf("set %s.%s: not an editable field", entity, field)
	}
	typedIn, isTyped := value.(domain.RawInput)
	takesTyped := col.kind == kInt && (entity == "activity" || entity == "training")
	var arg any
	var newText string
	if isTyped {
		if !takesTyped {
			return nil, fmt.Errorf("set %s.%s: typed text for a field that is no number of a plan row", entity, field)
		}
		newText = string(typedIn)
	} else if arg, newText, err = toArg(col.kind, value); err != nil {
		return nil, fmt.Errorf("set %s.%s: %w", entity, field, err)
	}
	err = s.tx(func(tx *sql.Tx) error {
		var raw any
		if err := tx.QueryRow("SELECT "+col.name+" FROM "+tables[entity]+" WHERE id = ?", id).Scan(&raw); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		old = fromStored(col.kind, raw)
		oldText := auditText(col.kind, raw)
		typed, hasTyped := "", false
		if takesTyped {
			var err error
			if typed, hasTyped, err = unparsedText(tx, entity, id, field); err != nil {
				return err
			}
			if hasTyped {
				old, oldText = domain.RawInput(typed), typed
			}
		}
		if isTyped == hasTyped && oldText == newText {
			return nil
		}
		planID, err := planOf(tx, entity, id)
		if err != nil {
			return err
		}
		if err := s.editCheck(tx, planID, col.followUp); err != nil {
			return err
		}
		if isTyped {
			if _, err := tx.Exec("INSERT OR REPLACE INTO unparsed_input(plan_id, entity, entity_id, field, text) VALUES(?,?,?,?,?)",
				planID, entity, id, field, newText); err != nil {
				return err
			}
		} else {
			if hasTyped {
				if _, err := tx.Exec("DELETE FROM unparsed_input WHERE entity = ? AND entity_id = ? AND field = ?", entity, id, field); err != nil {
					return err
				}
			}
			if _, err := tx.Exec("UPDATE "+tables[entity]+" SET "+col.name+" = ? WHERE id = ?", arg, id); err != nil {
				return constraintProblem(err, entity, id, field)
			}
		}
		return s.audit(tx, entity, id, field, oldText, newText)
	})
	if err != nil {
		return nil, fmt.Errorf("set %s %d %s: %w", entity, id, field, err)
	}
	return old, nil
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
