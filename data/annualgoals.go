package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"handlingsplan/domain"
)

// Annual goals, their links to the strategic goals, and the requirement-area tags of annual
// goals and activities (migration 0007).

// tagSep separates area codes in a group_concat: a code may hold a comma, not a unit separator.
const tagSep = "\x1f"

// tagsOf is the SQL expression of the area codes of rows of entity whose id is idExpr.
func tagsOf(entity, idExpr string) string {
	return `(SELECT group_concat(code, char(31)) FROM (SELECT code FROM area_tags t WHERE t.entity = '` + entity +
		`' AND t.entity_id = ` + idExpr + ` ORDER BY code))`
}

func splitTags(s string) []string {
	if s == "" {
		return nil
	}
	out := strings.Split(s, tagSep)
	slices.Sort(out) // group_concat does not promise the subquery's order
	return out
}

func insertTags(tx *sql.Tx, entity string, id int64, codes []string) error {
	for _, c := range codes {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if _, err := tx.Exec("INSERT OR IGNORE INTO area_tags(entity, entity_id, code) VALUES(?, ?, ?)", entity, id, c); err != nil {
			return err
		}
	}
	return nil
}

// setAreas replaces the requirement areas an activity or annual goal is tagged with and returns
// the old ones (for undo): SetField of FieldActivityAreas and FieldAnnualGoalAreas.
func (s *Store) setAreas(tx *sql.Tx, entity string, id int64, codes []string) (any, error) {
	codes = slices.Clone(codes)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	codes = slices.DeleteFunc(codes, func(c string) bool { return strings.TrimSpace(c) == "" })
	planID, err := planOf(tx, entity, id)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	var cur sql.NullString
	if err := tx.QueryRow("SELECT "+tagsOf(entity, "?"), id).Scan(&cur); err != nil {
		return nil, err
	}
	old := splitTags(cur.String)
	if slices.Equal(old, codes) {
		return old, nil
	}
	if err := s.editCheck(tx, planID, false); err != nil {
		return nil, err
	}
	if _, err := tx.Exec("DELETE FROM area_tags WHERE entity = ? AND entity_id = ?", entity, id); err != nil {
		return nil, err
	}
	if err := insertTags(tx, entity, id, codes); err != nil {
		return nil, err
	}
	return old, s.audit(tx, entity, id, "areas", strings.Join(old, ","), strings.Join(codes, ","))
}

// AddAnnualGoal adds an annual goal to a plan (with its strategic goals and areas) and returns
// its id. g.ID, when set, is reused (undo of a delete); g.Position 0 puts it last.
func (s *Store) AddAnnualGoal(planID int64, g domain.AnnualGoal) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		if err := s.editCheck(tx, planID, false); err != nil {
			return err
		}
		var err error
		if id, err = insertAnnualGoal(tx, planID, g); err != nil {
			return err
		}
		return s.audit(tx, "annual_goal", id, "created", "", g.Text)
	})
	if err != nil {
		return 0, fmt.Errorf("add annual goal %q: %w", g.Text, err)
	}
	return id, nil
}

func insertAnnualGoal(tx *sql.Tx, planID int64, g domain.AnnualGoal) (int64, error) {
	if g.Position == 0 {
		var err error
		if g.Position, err = nextPosition(tx, "annual_goals", planID); err != nil {
			return 0, err
		}
	}
	var carried any
	if g.CarriedFrom != 0 {
		carried = g.CarriedFrom
	}
	res, err := tx.Exec(`INSERT INTO annual_goals(id, plan_id, position, text, indicator, target, target_date, outcome, measured, light,
		follow_up_comment, carried_from) VALUES(?,?,?,?,?,?,?,?,?,?,?,(SELECT id FROM annual_goals WHERE id = ?))`,
		idArg(g.ID), planID, g.Position, g.Text, g.Indicator, g.Target, dateArg(g.TargetDate), string(g.Outcome), g.Measured,
		string(g.Light), g.FollowUpComment, carried)
	if err != nil {
		return 0, constraintProblem(err, "annual_goal", g.ID, "")
	}
	id, _ := res.LastInsertId()
	for _, n := range g.Goals {
		if _, err := tx.Exec("INSERT OR IGNORE INTO annual_goal_goals(annual_goal_id, goal) VALUES(?, ?)", id, n); err != nil {
			return 0, err
		}
	}
	return id, insertTags(tx, "annual_goal", id, g.Areas)
}

// AnnualGoals lists a plan's annual goals in plan order.
func (s *Store) AnnualGoals(planID int64) ([]domain.AnnualGoal, error) {
	return s.annualGoals("g.plan_id = ?", planID)
}

// AnnualGoal loads one annual goal.
func (s *Store) AnnualGoal(id int64) (domain.AnnualGoal, error) {
	gs, err := s.annualGoals("g.id = ?", id)
	if err != nil {
		return domain.AnnualGoal{}, err
	}
	if len(gs) == 0 {
		return domain.AnnualGoal{}, fmt.Errorf("annual goal %d: %w", id, ErrNotFound)
	}
	return gs[0], nil
}

const qAnnualGoals = `SELECT g.id, g.plan_id, g.position, g.text, g.indicator, g.target, g.target_date, g.outcome, g.measured,
	g.light, g.follow_up_comment, coalesce(g.carried_from, 0),
	(SELECT group_concat(goal) FROM (SELECT goal FROM annual_goal_goals x WHERE x.annual_goal_id = g.id ORDER BY goal)), `

func (s *Store) annualGoals(where string, arg any) ([]domain.AnnualGoal, error) {
	rows, err := s.q.Query(qAnnualGoals+tagsOf("annual_goal", "g.id")+` FROM annual_goals g WHERE `+where+` ORDER BY g.position, g.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("list annual goals: %w", err)
	}
	defer rows.Close()
	var out []domain.AnnualGoal
	for rows.Next() {
		g, err := scanAnnualGoal(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func scanAnnualGoal(sc interface{ Scan(...any) error }) (domain.AnnualGoal, error) {
	var g domain.AnnualGoal
	var target, goals, tags sql.NullString
	var outcome, light string
	if err := sc.Scan(&g.ID, &g.PlanID, &g.Position, &g.Text, &g.Indicator, &g.Target, &target, &outcome, &g.Measured, &light,
		&g.FollowUpComment, &g.CarriedFrom, &goals, &tags); err != nil {
		return g, err
	}
	g.TargetDate = parseDate(target)
	g.Outcome, g.Light = domain.Outcome(outcome), domain.Light(light)
	for _, n := range splitInts(goals.String) {
		g.Goals = append(g.Goals, int(n))
	}
	slices.Sort(g.Goals)
	g.Areas = splitTags(tags.String)
	return g, nil
}

// setAnnualGoalGoals replaces the strategic goals an annual goal serves and returns the old
// ones: SetField of FieldAnnualGoalGoals.
func (s *Store) setAnnualGoalGoals(tx *sql.Tx, id int64, goals []int) (any, error) {
	goals = sortedSet(goals)
	planID, err := planOf(tx, "annual_goal", id)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	var cur sql.NullString
	if err := tx.QueryRow("SELECT group_concat(goal) FROM (SELECT goal FROM annual_goal_goals WHERE annual_goal_id = ? ORDER BY goal)", id).Scan(&cur); err != nil {
		return nil, err
	}
	var old []int
	for _, n := range splitInts(cur.String) {
		old = append(old, int(n))
	}
	slices.Sort(old)
	if joinInts(old) == joinInts(goals) {
		return old, nil
	}
	if err := s.editCheck(tx, planID, false); err != nil {
		return nil, err
	}
	if _, err := tx.Exec("DELETE FROM annual_goal_goals WHERE annual_goal_id = ?", id); err != nil {
		return nil, err
	}
	for _, n := range goals {
		if _, err := tx.Exec("INSERT INTO annual_goal_goals(annual_goal_id, goal) VALUES(?, ?)", id, n); err != nil {
			return nil, err
		}
	}
	return old, s.audit(tx, "annual_goal", id, "goals", joinInts(old), joinInts(goals))
}

// DeletedAnnualGoal is an annual goal as it was deleted, with the activities that sat under it,
// so that an undo puts both back.
type DeletedAnnualGoal struct {
	Goal       domain.AnnualGoal
	Activities []int64
}

// DeleteAnnualGoal removes an annual goal; the activities under it sit under none afterwards.
func (s *Store) DeleteAnnualGoal(id int64) (DeletedAnnualGoal, error) {
	g, err := s.AnnualGoal(id)
	if err != nil {
		return DeletedAnnualGoal{}, err
	}
	out := DeletedAnnualGoal{Goal: g}
	rows, err := s.q.Query("SELECT id FROM activities WHERE annual_goal_id = ? ORDER BY id", id)
	if err != nil {
		return out, fmt.Errorf("delete annual goal %d: %w", id, err)
	}
	for rows.Next() {
		var a int64
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return out, err
		}
		out.Activities = append(out.Activities, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	return out, s.deleteRow("annual_goal", id, g.PlanID, g.Text)
}

// RestoreAnnualGoal puts back an annual goal DeleteAnnualGoal removed, under its old id, with
// the activities that sat under it (those still in the plan and under no other goal).
func (s *Store) RestoreAnnualGoal(d DeletedAnnualGoal) error {
	err := s.tx(func(tx *sql.Tx) error {
		if err := s.editCheck(tx, d.Goal.PlanID, false); err != nil {
			return err
		}
		id, err := insertAnnualGoal(tx, d.Goal.PlanID, d.Goal)
		if err != nil {
			return err
		}
		if err := s.audit(tx, "annual_goal", id, "created", "", d.Goal.Text); err != nil {
			return err
		}
		for _, a := range d.Activities {
			res, err := tx.Exec("UPDATE activities SET annual_goal_id = ? WHERE id = ? AND plan_id = ? AND annual_goal_id IS NULL", id, a, d.Goal.PlanID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				if err := s.audit(tx, "activity", a, "annual_goal", "", fmt.Sprint(id)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("restore annual goal %q: %w", d.Goal.Text, err)
	}
	return nil
}
