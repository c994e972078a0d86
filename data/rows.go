package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"handlingsplan/domain"
)

func nextPosition(tx *sql.Tx, table string, planID int64) (int, error) {
	var n int
	err := tx.QueryRow("SELECT coalesce(max(position), 0) + 1 FROM "+table+" WHERE plan_id = ?", planID).Scan(&n)
	return n, err
}

// idArg lets an undo re-insert a deleted row under its old id; 0 means "a new id".
func idArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func joinInts[T int | int64](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatInt(int64(x), 10)
	}
	return strings.Join(parts, ",")
}

// AddActivity adds an activity to a plan (with its goals and systems) and returns its id.
// a.ID, when set, is reused (undo of a delete); a.Position 0 puts it last.
func (s *Store) AddActivity(planID int64, a domain.Activity) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		if err := s.editCheck(tx, planID, false); err != nil {
			return err
		}
		var err error
		id, err = s.insertActivity(tx, planID, a)
		if err != nil {
			return err
		}
		return s.audit(tx, "activity", id, "created", "", a.Title)
	})
	if err != nil {
		return 0, fmt.Errorf("add activity %q: %w", a.Title, err)
	}
	return id, nil
}

func (s *Store) insertActivity(tx *sql.Tx, planID int64, a domain.Activity) (int64, error) {
	if a.Position == 0 {
		var err error
		if a.Position, err = nextPosition(tx, "activities", planID); err != nil {
			return 0, err
		}
	}
	if a.Priority == 0 {
		a.Priority = domain.PriorityMedium
	}
	if a.Status == "" {
		a.Status = domain.ActivityNotStarted
	}
	var carried any
	if a.CarriedFrom != 0 {
		carried = a.CarriedFrom
	}
	// carried_from and the system links may point at rows deleted since (an undo long after,
	// or a plan stored again): such links are dropped rather than failing the whole insert.
	var annual any
	if a.AnnualGoalID != 0 {
		annual = a.AnnualGoalID
	}
	// The annual goal must be one of the plan's own; one that is not (any more) is dropped.
	res, err := tx.Exec(`INSERT INTO activities(id, plan_id, position, title, description, priority, responsible, start_date, end_date,
		internal_hours, external_hours, operating_cost, investment, status, percent_done, actual_hours, actual_kronor, follow_up_comment, carried_from,
		annual_goal_id, addresses)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,(SELECT id FROM activities WHERE id = ?),(SELECT id FROM annual_goals WHERE id = ? AND plan_id = ?),?)`,
		idArg(a.ID), planID, a.Position, a.Title, a.Description, int(a.Priority), a.Responsible, dateArg(a.Start), dateArg(a.End),
		a.InternalHours, a.ExternalHours, a.OperatingCost, a.Investment, string(a.Status), a.PercentDone, a.ActualHours, a.ActualKronor,
		a.FollowUpComment, carried, annual, planID, a.Addresses)
	if err != nil {
		return 0, constraintProblem(err, "activity", a.ID, "")
	}
	id, _ := res.LastInsertId()
	for _, g := range a.Goals {
		if _, err := tx.Exec("INSERT OR IGNORE INTO activity_goals(activity_id, goal) VALUES(?, ?)", id, g); err != nil {
			return 0, err
		}
	}
	for _, sys := range a.SystemIDs {
		if _, err := tx.Exec("INSERT OR IGNORE INTO activity_systems(activity_id, system_id) SELECT ?, id FROM systems WHERE id = ?", id, sys); err != nil {
			return 0, err
		}
	}
	if err := insertTags(tx, "activity", id, a.Areas); err != nil {
		return 0, err
	}
	return id, nil
}

// Activity loads one activity.
func (s *Store) Activity(id int64) (domain.Activity, error) {
	acts, err := s.activities("a.id = ?", id)
	if err != nil {
		return domain.Activity{}, err
	}
	if len(acts) == 0 {
		return domain.Activity{}, fmt.Errorf("activity %d: %w", id, ErrNotFound)
	}
	return acts[0], nil
}

// Activities lists a plan's activities in plan order.
func (s *Store) Activities(planID int64) ([]domain.Activity, error) {
	return s.activities("a.plan_id = ?", planID)
}

func (s *Store) activities(where string, arg any) ([]domain.Activity, error) {
	rows, err := s.q.Query(`SELECT a.id, a.plan_id, a.position, a.title, a.description, a.priority, a.responsible, a.start_date, a.end_date,
		a.internal_hours, a.external_hours, a.operating_cost, a.investment, a.status, a.percent_done, a.actual_hours, a.actual_kronor,
		a.follow_up_comment, coalesce(a.carried_from, 0),
		(SELECT group_concat(goal) FROM (SELECT goal FROM activity_goals g WHERE g.activity_id = a.id ORDER BY goal)),
		(SELECT group_concat(system_id) FROM (SELECT system_id FROM activity_systems x WHERE x.activity_id = a.id ORDER BY system_id)),
		coalesce(a.annual_goal_id, 0), `+tagsOf("activity", "a.id")+`, a.addresses
		FROM activities a WHERE `+where+` ORDER BY a.position, a.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("list activities: %w", err)
	}
	defer rows.Close()
	var out []domain.Activity
	for rows.Next() {
		var a domain.Activity
		var start, end, goals, systems, tags sql.NullString
		var prio int
		var status string
		if err := rows.Scan(&a.ID, &a.PlanID, &a.Position, &a.Title, &a.Description, &prio, &a.Responsible, &start, &end,
			&a.InternalHours, &a.ExternalHours, &a.OperatingCost, &a.Investment, &status, &a.PercentDone, &a.ActualHours, &a.ActualKronor,
			&a.FollowUpComment, &a.CarriedFrom, &goals, &systems, &a.AnnualGoalID, &tags, &a.Addresses); err != nil {
			return nil, err
		}
		a.Areas = splitTags(tags.String)
		a.Priority = domain.Priority(prio)
		a.Status = domain.ActivityStatus(status)
		a.Start, a.End = parseDate(start), parseDate(end)
		for _, g := range splitInts(goals.String) {
			a.Goals = append(a.Goals, int(g))
		}
		a.SystemIDs = splitInts(systems.String)
		// group_concat does not promise the subquery's order.
		slices.Sort(a.Goals)
		slices.Sort(a.SystemIDs)
		out = append(out, a)
	}
	return out, rows.Err()
}

func splitInts(s string) []int64 {
	var out []int64
	for _, p := range strings.Split(s, ",") {
		if n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// sortedSet is xs sorted without repeats, so that [3 1 1] and [1 3] are the same change.
func sortedSet[T int | int64](xs []T) []T {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// SetActivityGoals replaces the goals of an activity and returns the old ones (for undo); it is
// SetField(domain.FieldActivityGoals, …) with its own types.
func (s *Store) SetActivityGoals(id int64, goals []int) (old []int, err error) {
	err = s.tx(func(tx *sql.Tx) error {
		old, err = s.setActivityGoals(tx, id, goals)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set goals of activity %d: %w", id, err)
	}
	return old, nil
}

func (s *Store) setActivityGoals(tx *sql.Tx, id int64, goals []int) (old []int, err error) {
	goals = sortedSet(goals)
	planID, err := planOf(tx, "activity", id)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	rows, err := tx.Query("SELECT goal FROM activity_goals WHERE activity_id = ? ORDER BY goal", id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var g int
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return nil, err
		}
		old = append(old, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if joinInts(old) == joinInts(goals) {
		return old, nil
	}
	if err := s.editCheck(tx, planID, domain.FieldActivityGoals.FollowUp()); err != nil {
		return nil, err
	}
	if _, err := tx.Exec("DELETE FROM activity_goals WHERE activity_id = ?", id); err != nil {
		return nil, err
	}
	for _, g := range goals {
		if _, err := tx.Exec("INSERT OR IGNORE INTO activity_goals(activity_id, goal) VALUES(?, ?)", id, g); err != nil {
			return nil, err
		}
	}
	return old, s.audit(tx, "activity", id, "goals", joinInts(old), joinInts(goals))
}

// SetActivitySystems replaces the register systems an activity is linked to; returns the old
// ones. It is SetField(domain.FieldActivitySystems, …) with its own types.
func (s *Store) SetActivitySystems(id int64, systems []int64) (old []int64, err error) {
	err = s.tx(func(tx *sql.Tx) error {
		old, err = s.setActivitySystems(tx, id, systems)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set systems of activity %d: %w", id, err)
	}
	return old, nil
}

func (s *Store) setActivitySystems(tx *sql.Tx, id int64, systems []int64) (old []int64, err error) {
	systems = sortedSet(systems)
	planID, err := planOf(tx, "activity", id)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	var cur sql.NullString
	if err := tx.QueryRow("SELECT group_concat(system_id) FROM (SELECT system_id FROM activity_systems WHERE activity_id = ? ORDER BY system_id)", id).Scan(&cur); err != nil {
		return nil, err
	}
	old = splitInts(cur.String)
	slices.Sort(old)
	if joinInts(old) == joinInts(systems) {
		return old, nil
	}
	if err := s.editCheck(tx, planID, domain.FieldActivitySystems.FollowUp()); err != nil {
		return nil, err
	}
	if _, err := tx.Exec("DELETE FROM activity_systems WHERE activity_id = ?", id); err != nil {
		return nil, err
	}
	for _, x := range systems {
		if _, err := tx.Exec("INSERT OR IGNORE INTO activity_systems(activity_id, system_id) VALUES(?, ?)", id, x); err != nil {
			return nil, err
		}
	}
	return old, s.audit(tx, "activity", id, "systems", joinInts(old), joinInts(systems))
}

// DeleteActivity removes an activity and returns it whole, so an undo can put it back.
func (s *Store) DeleteActivity(id int64) (domain.Activity, error) {
	a, err := s.Activity(id)
	if err != nil {
		return a, err
	}
	return a, s.deleteRow("activity", id, a.PlanID, a.Title)
}

func (s *Store) deleteRow(entity string, id, planID int64, label string) error {
	err := s.tx(func(tx *sql.Tx) error {
		if err := s.editCheck(tx, planID, false); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM "+tables[entity]+" WHERE id = ?", id); err != nil {
			return err
		}
		return s.audit(tx, entity, id, "deleted", label, "")
	})
	if err != nil {
		return fmt.Errorf("delete %s %d: %w", entity, id, err)
	}
	return nil
}

// AddTraining adds an information or training event; t.ID, when set, is reused (undo).
func (s *Store) AddTraining(planID int64, t domain.Training) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		if err := s.editCheck(tx, planID, false); err != nil {
			return err
		}
		var err error
		if id, err = s.insertTraining(tx, planID, t); err != nil {
			return err
		}
		return s.audit(tx, "training", id, "created", "", t.Title)
	})
	if err != nil {
		return 0, fmt.Errorf("add training %q: %w", t.Title, err)
	}
	return id, nil
}

func (s *Store) insertTraining(tx *sql.Tx, planID int64, t domain.Training) (int64, error) {
	if t.Position == 0 {
		var err error
		if t.Position, err = nextPosition(tx, "trainings", planID); err != nil {
			return 0, err
		}
	}
	if t.Format == "" {
		t.Format = domain.FormatWorkshop
	}
	if t.Kind == "" {
		t.Kind = domain.TrainingGeneral
	}
	res, err := tx.Exec(`INSERT INTO trainings(id, plan_id, position, title, target_group, format, dates, responsible,
		expected_participants, evaluation, actual_participants, kind) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)`,
		idArg(t.ID), planID, t.Position, t.Title, t.TargetGroup, string(t.Format), datesArg(t.Dates), t.Responsible,
		t.ExpectedParticipants, t.Evaluation, t.ActualParticipants, string(t.Kind))
	if err != nil {
		return 0, constraintProblem(err, "training", t.ID, "")
	}
	return res.LastInsertId()
}

// Trainings lists a plan's information and training events in plan order.
func (s *Store) Trainings(planID int64) ([]domain.Training, error) {
	rows, err := s.q.Query(`SELECT id, plan_id, position, title, target_group, format, dates, responsible, expected_participants,
		evaluation, actual_participants, kind FROM trainings WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, fmt.Errorf("list trainings: %w", err)
	}
	defer rows.Close()
	var out []domain.Training
	for rows.Next() {
		var t domain.Training
		var format, dates, kind string
		if err := rows.Scan(&t.ID, &t.PlanID, &t.Position, &t.Title, &t.TargetGroup, &format, &dates, &t.Responsible,
			&t.ExpectedParticipants, &t.Evaluation, &t.ActualParticipants, &kind); err != nil {
			return nil, err
		}
		t.Kind = domain.TrainingKind(kind)
		t.Format = domain.TrainingFormat(format)
		t.Dates = parseDates(dates)
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteTraining removes an event and returns it for undo.
func (s *Store) DeleteTraining(id int64) (domain.Training, error) {
	var planID int64
	if err := s.q.QueryRow("SELECT plan_id FROM trainings WHERE id = ?", id).Scan(&planID); err != nil {
		return domain.Training{}, fmt.Errorf("training %d: %w", id, ErrNotFound)
	}
	ts, err := s.Trainings(planID)
	if err != nil {
		return domain.Training{}, err
	}
	for _, t := range ts {
		if t.ID == id {
			return t, s.deleteRow("training", id, planID, t.Title)
		}
	}
	return domain.Training{}, fmt.Errorf("training %d: %w", id, ErrNotFound)
}

// AddCheckpoint adds a follow-up and reporting checkpoint; c.ID, when set, is reused (undo).
func (s *Store) AddCheckpoint(planID int64, c domain.Checkpoint) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		if err := s.editCheck(tx, planID, false); err != nil {
			return err
		}
		var err error
		if id, err = s.insertCheckpoint(tx, planID, c); err != nil {
			return err
		}
		return s.audit(tx, "checkpoint", id, "created", "", c.Method)
	})
	if err != nil {
		return 0, fmt.Errorf("add checkpoint: %w", err)
	}
	return id, nil
}

func (s *Store) insertCheckpoint(tx *sql.Tx, planID int64, c domain.Checkpoint) (int64, error) {
	if c.Position == 0 {
		var err error
		if c.Position, err = nextPosition(tx, "checkpoints", planID); err != nil {
			return 0, err
		}
	}
	res, err := tx.Exec("INSERT INTO checkpoints(id, plan_id, position, date, method, report_to, done) VALUES(?,?,?,?,?,?,?)",
		idArg(c.ID), planID, c.Position, dateArg(c.Date), c.Method, c.ReportTo, c.Done)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Checkpoints lists a plan's checkpoints in plan order.
func (s *Store) Checkpoints(planID int64) ([]domain.Checkpoint, error) {
	rows, err := s.q.Query("SELECT id, plan_id, position, date, method, report_to, done FROM checkpoints WHERE plan_id = ? ORDER BY position, id", planID)
	if err != nil {
		return nil, fmt.Errorf("list checkpoints: %w", err)
	}
	defer rows.Close()
	var out []domain.Checkpoint
	for rows.Next() {
		var c domain.Checkpoint
		var date sql.NullString
		if err := rows.Scan(&c.ID, &c.PlanID, &c.Position, &date, &c.Method, &c.ReportTo, &c.Done); err != nil {
			return nil, err
		}
		c.Date = parseDate(date)
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteCheckpoint removes a checkpoint and returns it for undo.
func (s *Store) DeleteCheckpoint(id int64) (domain.Checkpoint, error) {
	var planID int64
	if err := s.q.QueryRow("SELECT plan_id FROM checkpoints WHERE id = ?", id).Scan(&planID); err != nil {
		return domain.Checkpoint{}, fmt.Errorf("checkpoint %d: %w", id, ErrNotFound)
	}
	cs, err := s.Checkpoints(planID)
	if err != nil {
		return domain.Checkpoint{}, err
	}
	for _, c := range cs {
		if c.ID == id {
			return c, s.deleteRow("checkpoint", id, planID, c.Method)
		}
	}
	return domain.Checkpoint{}, fmt.Errorf("checkpoint %d: %w", id, ErrNotFound)
}

// AddSystem adds a system to a board's register; sys.ID, when set, is reused (undo).
func (s *Store) AddSystem(boardID int64, sys domain.System) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		if id, err = insertSystem(tx, boardID, 0, sys); err != nil {
			return err
		}
		return s.audit(tx, "system", id, "created", "", sys.Name)
	})
	if err != nil {
		return 0, fmt.Errorf("add system %q: %w", sys.Name, err)
	}
	return id, nil
}

func insertSystem(tx *sql.Tx, boardID, planID int64, x domain.System) (int64, error) {
	if x.SecurityPlan == "" {
		x.SecurityPlan = domain.SecurityPlanNone
	}
	var plan any
	if planID != 0 {
		plan = planID
	}
	res, err := tx.Exec(`INSERT INTO systems(id, board_id, plan_id, name, description, owner, confidentiality, integrity, availability,
		traceability, baseline_met, security_plan, security_plan_at, risk_analysis_at, continuity_at, recovery_at, sensitive, classified_at)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		idArg(x.ID), boardID, plan, x.Name, x.Description, x.Owner, x.Confidentiality, x.Integrity, x.Availability, x.Traceability,
		x.BaselineMet, string(x.SecurityPlan), dateArg(x.SecurityPlanAt), dateArg(x.RiskAnalysisAt), dateArg(x.ContinuityAt),
		dateArg(x.RecoveryAt), x.Sensitive, dateArg(x.ClassifiedAt))
	if err != nil {
		return 0, constraintProblem(err, "system", x.ID, "")
	}
	return res.LastInsertId()
}

// Systems lists a board's living register (planID 0) or the register snapshot of an imported plan.
func (s *Store) Systems(boardID, planID int64) ([]domain.System, error) {
	q := `SELECT id, board_id, name, description, owner, confidentiality, integrity, availability, traceability, baseline_met,
		security_plan, security_plan_at, risk_analysis_at, continuity_at, recovery_at, sensitive, classified_at FROM systems WHERE `
	var rows *sql.Rows
	var err error
	if planID == 0 {
		rows, err = s.q.Query(q+"board_id = ? AND plan_id IS NULL ORDER BY name", boardID)
	} else {
		rows, err = s.q.Query(q+"plan_id = ? ORDER BY name", planID)
	}
	if err != nil {
		return nil, fmt.Errorf("list systems: %w", err)
	}
	defer rows.Close()
	var out []domain.System
	for rows.Next() {
		var x domain.System
		var plan string
		var sp, ra, co, re, cl sql.NullString
		if err := rows.Scan(&x.ID, &x.BoardID, &x.Name, &x.Description, &x.Owner, &x.Confidentiality, &x.Integrity, &x.Availability,
			&x.Traceability, &x.BaselineMet, &plan, &sp, &ra, &co, &re, &x.Sensitive, &cl); err != nil {
			return nil, err
		}
		x.ClassifiedAt = parseDate(cl)
		x.SecurityPlan = domain.SecurityPlanLevel(plan)
		x.SecurityPlanAt, x.RiskAnalysisAt, x.ContinuityAt, x.RecoveryAt = parseDate(sp), parseDate(ra), parseDate(co), parseDate(re)
		out = append(out, x)
	}
	return out, rows.Err()
}

// DeleteSystem removes a system from the register and returns it for undo.
func (s *Store) DeleteSystem(id int64) (domain.System, error) {
	var boardID int64
	if err := s.q.QueryRow("SELECT board_id FROM systems WHERE id = ?", id).Scan(&boardID); err != nil {
		return domain.System{}, fmt.Errorf("system %d: %w", id, ErrNotFound)
	}
	xs, err := s.Systems(boardID, 0)
	if err != nil {
		return domain.System{}, err
	}
	for _, x := range xs {
		if x.ID == id {
			return x, s.deleteRow("system", id, 0, x.Name)
		}
	}
	return domain.System{}, fmt.Errorf("system %d: %w", id, ErrNotFound)
}

// PlanData loads a plan with all its rows, the board's register, and last year's plan (one level).
func (s *Store) PlanData(planID int64) (domain.PlanData, error) {
	d, err := s.planData(planID)
	if err != nil {
		return d, err
	}
	if d.Plan.SubmissionID == 0 {
		prev, err := s.PlanFor(d.Plan.BoardID, d.Plan.Year-1)
		if err == nil {
			pd, err := s.planData(prev.ID)
			if err != nil {
				return d, err
			}
			d.Previous = &pd
		} else if !errors.Is(err, ErrNotFound) {
			return d, err
		}
	}
	return d, nil
}

func (s *Store) planData(planID int64) (domain.PlanData, error) {
	var d domain.PlanData
	var err error
	if d.Plan, err = s.Plan(planID); err != nil {
		return d, err
	}
	if d.Activities, err = s.Activities(planID); err != nil {
		return d, err
	}
	if d.Trainings, err = s.Trainings(planID); err != nil {
		return d, err
	}
	if d.Checkpoints, err = s.Checkpoints(planID); err != nil {
		return d, err
	}
	if d.AnnualGoals, err = s.AnnualGoals(planID); err != nil {
		return d, err
	}
	if d.FollowUps, err = s.FollowUps(planID); err != nil {
		return d, err
	}
	if d.Unparsed, err = s.Unparsed(planID); err != nil {
		return d, err
	}
	if d.Checklist, err = s.Checklist(planID); err != nil {
		return d, err
	}
	if d.Plan.ProfileID != 0 {
		prof, err := s.ProfileByID(d.Plan.ProfileID)
		if err != nil {
			return d, err
		}
		d.Profile = &prof
	}
	if d.AsOf, err = s.planAsOf(d.Plan); err != nil {
		return d, err
	}
	if d.Plan.SubmissionID != 0 {
		d.Systems, err = s.Systems(d.Plan.BoardID, planID)
	} else {
		d.Systems, err = s.Systems(d.Plan.BoardID, 0)
	}
	return d, err
}

// AddPlanData writes a whole plan with its rows in one transaction: the demo generator and the
// coordinator's import use it. The board is created when missing. With d.Plan.SubmissionID set,
// the register in d.Systems is stored as the plan's snapshot; otherwise it is added to the
// board's living register when the board has none yet.
func (s *Store) AddPlanData(d domain.PlanData) (int64, error) {
	var planID int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		planID, _, err = s.insertPlanData(tx, d)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store plan %d for %q: %w", d.Plan.Year, d.Plan.Board, err)
	}
	return planID, nil
}

// insertPlanData writes d and returns the new plan's id and the ids of d.Activities' new rows,
// in order.
func (s *Store) insertPlanData(tx *sql.Tx, d domain.PlanData) (planID int64, activityIDs []int64, err error) {
	var boardID int64
	err = tx.QueryRow("SELECT id FROM boards WHERE name = ?", d.Plan.Board).Scan(&boardID)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.Exec("INSERT INTO boards(name) VALUES(?)", d.Plan.Board)
		if err != nil {
			return 0, nil, constraintProblem(err, "board", 0, "name")
		}
		boardID, _ = res.LastInsertId()
	} else if err != nil {
		return 0, nil, err
	}
	p := d.Plan
	p.BoardID = boardID
	if p.Status == "" {
		p.Status = domain.PlanDraft
	}
	planID, err = s.insertPlan(tx, p)
	if err != nil {
		return 0, nil, err
	}
	// Systems first, so activities can link to them; ids in the payload are remapped. A board
	// that has a register keeps it: the payload's systems are matched to it by name.
	sysIDs := map[int64]int64{}
	register := map[string]int64{}
	if p.SubmissionID == 0 {
		rows, err := tx.Query("SELECT id, name FROM systems WHERE board_id = ? AND plan_id IS NULL", boardID)
		if err != nil {
			return 0, nil, err
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return 0, nil, err
			}
			register[name] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, nil, err
		}
	}
	for _, x := range d.Systems {
		if len(register) > 0 {
			if id, ok := register[x.Name]; ok {
				sysIDs[x.ID] = id
			}
			continue
		}
		old := x.ID
		x.ID = 0
		snapshot := int64(0)
		if p.SubmissionID != 0 {
			snapshot = planID
		}
		id, err := insertSystem(tx, boardID, snapshot, x)
		if err != nil {
			return 0, nil, err
		}
		sysIDs[old] = id
	}
	// Annual goals next, so activities can sit under them; their ids are remapped too.
	goalIDs := map[int64]int64{}
	for _, g := range d.AnnualGoals {
		old := g.ID
		g.ID = 0
		id, err := insertAnnualGoal(tx, planID, g)
		if err != nil {
			return 0, nil, err
		}
		if old != 0 {
			goalIDs[old] = id
		}
	}
	actIDs := map[int64]int64{}
	for _, a := range d.Activities {
		var mapped []int64
		for _, x := range a.SystemIDs {
			if id, ok := sysIDs[x]; ok {
				mapped = append(mapped, id)
			}
		}
		old := a.ID
		a.ID, a.SystemIDs, a.AnnualGoalID = 0, mapped, goalIDs[a.AnnualGoalID]
		id, err := s.insertActivity(tx, planID, a)
		if err != nil {
			return 0, nil, err
		}
		if old != 0 {
			actIDs[old] = id
		}
		activityIDs = append(activityIDs, id)
	}
	for _, f := range d.FollowUps {
		if _, err := insertFollowUp(tx, planID, f, actIDs, goalIDs); err != nil {
			return 0, nil, err
		}
	}
	for _, t := range d.Trainings {
		t.ID = 0
		if _, err := s.insertTraining(tx, planID, t); err != nil {
			return 0, nil, err
		}
	}
	for _, c := range d.Checkpoints {
		c.ID = 0
		if _, err := s.insertCheckpoint(tx, planID, c); err != nil {
			return 0, nil, err
		}
	}
	if err := insertChecklist(tx, planID, d.Checklist); err != nil {
		return 0, nil, err
	}
	return planID, activityIDs, nil
}
