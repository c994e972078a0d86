package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"handlingsplan/domain"
)

// Coordinator overview: the current received plan of every board for a year, loaded with one
// query per table (not one per plan), and the coordinator's own notes on the biennial follow-up.

// Parts says which rows ReceivedPlans loads besides the plans themselves.
type Parts uint8

const (
	WithActivities  Parts = 1 << iota // activities with their goals, systems and areas; annual goals and follow-ups
	WithTrainings                     // information and training events
	WithCheckpoints                   // follow-up and reporting checkpoints
	WithSystems                       // the register snapshot that came with the plan
	// WithPrevious fills Previous with last year's plan and its autumn follow-up, as the board's
	// submission carries it in its payload (the importer stores only the plan of the year itself).
	WithPrevious
	// WithChecklist loads the board's assessments of the profile's general requirements.
	WithChecklist

	WithAll = WithActivities | WithTrainings | WithCheckpoints | WithSystems | WithPrevious | WithChecklist
)

// The overview's queries (a test shows how SQLite runs them). Each takes the year as its only
// argument and starts from the current submissions of that year, which the index
// submissions_year_current finds; the rows hang off their plan through the plan_id indexes.
const (
	fromCurrent = `FROM submissions s JOIN plans p ON p.submission_id = s.id`
	currentYear = ` WHERE s.year = ? AND s.current = 1`
)

const (
	qPlans      = `SELECT ` + planCols + `, s.id ` + fromCurrent + ` JOIN boards b ON b.id = p.board_id` + currentYear
	qActivities = `SELECT a.id, a.plan_id, a.position, a.title, a.description, a.priority, a.responsible, a.start_date, a.end_date,
		a.internal_hours, a.external_hours, a.operating_cost, a.investment, a.status, a.percent_done, a.actual_hours, a.actual_kronor,
		a.follow_up_comment, coalesce(a.carried_from, 0),
		(SELECT group_concat(g.goal) FROM activity_goals g WHERE g.activity_id = a.id),
		(SELECT group_concat(x.system_id) FROM activity_systems x WHERE x.activity_id = a.id),
		coalesce(a.annual_goal_id, 0), (SELECT group_concat(code, char(31)) FROM area_tags t WHERE t.entity = 'activity' AND t.entity_id = a.id), a.addresses
		` + fromCurrent + ` JOIN activities a ON a.plan_id = p.id` + currentYear
	qAnnualGoalsOf = `SELECT g.id, g.plan_id, g.position, g.text, g.indicator, g.target, g.target_date, g.outcome, g.measured,
		g.light, g.follow_up_comment, coalesce(g.carried_from, 0),
		(SELECT group_concat(x.goal) FROM annual_goal_goals x WHERE x.annual_goal_id = g.id),
		(SELECT group_concat(code, char(31)) FROM area_tags t WHERE t.entity = 'annual_goal' AND t.entity_id = g.id)
		` + fromCurrent + ` JOIN annual_goals g ON g.plan_id = p.id` + currentYear
	qFollowUpsOf = `SELECT f.id, f.plan_id ` + fromCurrent + ` JOIN follow_ups f ON f.plan_id = p.id` + currentYear
	qTrainings   = `SELECT t.id, t.plan_id, t.position, t.title, t.target_group, t.format, t.dates, t.responsible, t.expected_participants,
		t.evaluation, t.actual_participants, t.kind ` + fromCurrent + ` JOIN trainings t ON t.plan_id = p.id` + currentYear
	qCheckpoints = `SELECT c.id, c.plan_id, c.position, c.date, c.method, c.report_to, c.done ` +
		fromCurrent + ` JOIN checkpoints c ON c.plan_id = p.id` + currentYear
	qSystems = `SELECT y.id, y.board_id, y.plan_id, y.name, y.description, y.owner, y.confidentiality, y.integrity, y.availability,
		y.traceability, y.baseline_met, y.security_plan, y.security_plan_at, y.risk_analysis_at, y.continuity_at, y.recovery_at,
		y.sensitive, y.classified_at ` + fromCurrent + ` JOIN systems y ON y.plan_id = p.id` + currentYear
	qChecklist = `SELECT k.plan_id, k.requirement, k.status, k.date, k.responsible, k.comment ` +
		fromCurrent + ` JOIN checklist k ON k.plan_id = p.id` + currentYear
	// The day each submission was made: the register's age rules count from it.
	qCreated = `SELECT s.id, CASE WHEN json_valid(CAST(s.payload AS TEXT))
		THEN json_extract(CAST(s.payload AS TEXT), '$.created_at') END FROM submissions s` + currentYear
	// The payload is validated JSON when imported; json_valid keeps one damaged row from failing
	// the whole year.
	qPrevious = `SELECT s.id, CASE WHEN json_valid(CAST(s.payload AS TEXT))
		THEN json_extract(CAST(s.payload AS TEXT), '$.plan.previous') END
		FROM submissions s` + currentYear
	qNotes = `SELECT board, year, check0, check1, check2, text, updated_at, updated_by FROM coordinator_notes WHERE year = ?`
)

// ReceivedPlans returns the current received plan of every board for year, with the rows parts
// asks for, in no particular order (the caller sorts in the user's collation). Each plan has
// Plan.SubmissionID set; rows are in plan order.
func (s *Store) ReceivedPlans(year int, parts Parts) ([]domain.PlanData, error) {
	out, err := s.receivedPlans(year, parts)
	if err != nil {
		return nil, fmt.Errorf("load received plans for %d: %w", year, err)
	}
	return out, nil
}

func (s *Store) receivedPlans(year int, parts Parts) ([]domain.PlanData, error) {
	rows, err := s.q.Query(qPlans, year)
	if err != nil {
		return nil, err
	}
	var out []domain.PlanData
	byPlan := map[int64]int{}
	bySub := map[int64]int{}
	for rows.Next() {
		var sub int64
		var d domain.PlanData
		p, err := scanPlanWith(rows, &sub)
		if err != nil {
			rows.Close()
			return nil, err
		}
		d.Plan = p
		byPlan[p.ID] = len(out)
		bySub[sub] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	if parts&WithActivities != 0 {
		if err := s.receivedActivities(year, out, byPlan); err != nil {
			return nil, fmt.Errorf("activities: %w", err)
		}
		if err := s.receivedAnnualGoals(year, out, byPlan); err != nil {
			return nil, fmt.Errorf("annual goals: %w", err)
		}
	}
	if parts&WithTrainings != 0 {
		if err := s.receivedTrainings(year, out, byPlan); err != nil {
			return nil, fmt.Errorf("trainings: %w", err)
		}
	}
	if parts&WithCheckpoints != 0 {
		if err := s.receivedCheckpoints(year, out, byPlan); err != nil {
			return nil, fmt.Errorf("checkpoints: %w", err)
		}
	}
	if parts&WithSystems != 0 {
		if err := s.receivedSystems(year, out, byPlan); err != nil {
			return nil, fmt.Errorf("systems: %w", err)
		}
	}
	if parts&WithPrevious != 0 {
		if err := s.receivedPrevious(year, out, bySub); err != nil {
			return nil, fmt.Errorf("last year's follow-up: %w", err)
		}
	}
	if parts&WithChecklist != 0 {
		if err := s.receivedChecklist(year, out, byPlan); err != nil {
			return nil, fmt.Errorf("checklist: %w", err)
		}
	}
	if err := s.receivedProfiles(year, out, bySub); err != nil {
		return nil, fmt.Errorf("profiles: %w", err)
	}
	for i := range out {
		d := &out[i]
		slices.SortStableFunc(d.Activities, func(a, b domain.Activity) int { return cmpPos(a.Position, a.ID, b.Position, b.ID) })
		slices.SortStableFunc(d.Trainings, func(a, b domain.Training) int { return cmpPos(a.Position, a.ID, b.Position, b.ID) })
		slices.SortStableFunc(d.Checkpoints, func(a, b domain.Checkpoint) int { return cmpPos(a.Position, a.ID, b.Position, b.ID) })
		slices.SortStableFunc(d.AnnualGoals, func(a, b domain.AnnualGoal) int { return cmpPos(a.Position, a.ID, b.Position, b.ID) })
		slices.SortStableFunc(d.Systems, func(a, b domain.System) int { return cmpStr(a.Name, b.Name) })
	}
	return out, nil
}

func cmpPos(pa int, ia int64, pb int, ib int64) int {
	switch {
	case pa != pb:
		return pa - pb
	case ia < ib:
		return -1
	case ia > ib:
		return 1
	}
	return 0
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// scanPlanWith scans planCols followed by one more integer column.
func scanPlanWith(sc interface{ Scan(...any) error }, extra *int64) (domain.Plan, error) {
	var last int64
	p, err := scanPlan(scanner(func(dest ...any) error {
		return sc.Scan(append(dest, &last)...)
	}))
	*extra = last
	return p, err
}

type scanner func(dest ...any) error

func (f scanner) Scan(dest ...any) error { return f(dest...) }

func (s *Store) receivedActivities(year int, out []domain.PlanData, byPlan map[int64]int) error {
	rows, err := s.q.Query(qActivities, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a domain.Activity
		var start, end, goals, systems, tags sql.NullString
		var prio int
		var status string
		if err := rows.Scan(&a.ID, &a.PlanID, &a.Position, &a.Title, &a.Description, &prio, &a.Responsible, &start, &end,
			&a.InternalHours, &a.ExternalHours, &a.OperatingCost, &a.Investment, &status, &a.PercentDone, &a.ActualHours, &a.ActualKronor,
			&a.FollowUpComment, &a.CarriedFrom, &goals, &systems, &a.AnnualGoalID, &tags, &a.Addresses); err != nil {
			return err
		}
		a.Areas = splitTags(tags.String)
		a.Priority = domain.Priority(prio)
		a.Status = domain.ActivityStatus(status)
		a.Start, a.End = parseDate(start), parseDate(end)
		for _, g := range splitInts(goals.String) {
			a.Goals = append(a.Goals, int(g))
		}
		a.SystemIDs = splitInts(systems.String)
		slices.Sort(a.Goals)
		slices.Sort(a.SystemIDs)
		if i, ok := byPlan[a.PlanID]; ok {
			out[i].Activities = append(out[i].Activities, a)
		}
	}
	return rows.Err()
}

// receivedAnnualGoals loads the annual goals of the year's received plans and the follow-ups
// recorded for them (few: one query each, then the marks per follow-up).
func (s *Store) receivedAnnualGoals(year int, out []domain.PlanData, byPlan map[int64]int) error {
	rows, err := s.q.Query(qAnnualGoalsOf, year)
	if err != nil {
		return err
	}
	for rows.Next() {
		g, err := scanAnnualGoal(rows)
		if err != nil {
			rows.Close()
			return err
		}
		if i, ok := byPlan[g.PlanID]; ok {
			out[i].AnnualGoals = append(out[i].AnnualGoals, g)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.q.Query(qFollowUpsOf, year)
	if err != nil {
		return err
	}
	plans := map[int64]bool{}
	for rows.Next() {
		var id, plan int64
		if err := rows.Scan(&id, &plan); err != nil {
			rows.Close()
			return err
		}
		plans[plan] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for plan := range plans {
		fs, err := s.FollowUps(plan)
		if err != nil {
			return err
		}
		if i, ok := byPlan[plan]; ok {
			out[i].FollowUps = fs
		}
	}
	return nil
}

func (s *Store) receivedTrainings(year int, out []domain.PlanData, byPlan map[int64]int) error {
	rows, err := s.q.Query(qTrainings, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t domain.Training
		var format, dates, kind string
		if err := rows.Scan(&t.ID, &t.PlanID, &t.Position, &t.Title, &t.TargetGroup, &format, &dates, &t.Responsible,
			&t.ExpectedParticipants, &t.Evaluation, &t.ActualParticipants, &kind); err != nil {
			return err
		}
		t.Kind = domain.TrainingKind(kind)
		t.Format = domain.TrainingFormat(format)
		t.Dates = parseDates(dates)
		if i, ok := byPlan[t.PlanID]; ok {
			out[i].Trainings = append(out[i].Trainings, t)
		}
	}
	return rows.Err()
}

func (s *Store) receivedCheckpoints(year int, out []domain.PlanData, byPlan map[int64]int) error {
	rows, err := s.q.Query(qCheckpoints, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c domain.Checkpoint
		var date sql.NullString
		if err := rows.Scan(&c.ID, &c.PlanID, &c.Position, &date, &c.Method, &c.ReportTo, &c.Done); err != nil {
			return err
		}
		c.Date = parseDate(date)
		if i, ok := byPlan[c.PlanID]; ok {
			out[i].Checkpoints = append(out[i].Checkpoints, c)
		}
	}
	return rows.Err()
}

func (s *Store) receivedSystems(year int, out []domain.PlanData, byPlan map[int64]int) error {
	rows, err := s.q.Query(qSystems, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x domain.System
		var planID int64
		var plan string
		var sp, ra, co, re, cl sql.NullString
		if err := rows.Scan(&x.ID, &x.BoardID, &planID, &x.Name, &x.Description, &x.Owner, &x.Confidentiality, &x.Integrity, &x.Availability,
			&x.Traceability, &x.BaselineMet, &plan, &sp, &ra, &co, &re, &x.Sensitive, &cl); err != nil {
			return err
		}
		x.ClassifiedAt = parseDate(cl)
		x.SecurityPlan = domain.SecurityPlanLevel(plan)
		x.SecurityPlanAt, x.RiskAnalysisAt, x.ContinuityAt, x.RecoveryAt = parseDate(sp), parseDate(ra), parseDate(co), parseDate(re)
		if i, ok := byPlan[planID]; ok {
			out[i].Systems = append(out[i].Systems, x)
		}
	}
	return rows.Err()
}

func (s *Store) receivedChecklist(year int, out []domain.PlanData, byPlan map[int64]int) error {
	rows, err := s.q.Query(qChecklist, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var planID int64
		e, err := scanChecklist(rows, &planID)
		if err != nil {
			return err
		}
		if i, ok := byPlan[planID]; ok {
			out[i].Checklist = append(out[i].Checklist, e)
		}
	}
	return rows.Err()
}

// receivedProfiles gives each received plan the profile it was made under (when its submission
// carried one) and the day it was made, which the register's age rules count from.
func (s *Store) receivedProfiles(year int, out []domain.PlanData, bySub map[int64]int) error {
	profiles := map[int64]*domain.Profile{}
	for i := range out {
		id := out[i].Plan.ProfileID
		if id == 0 {
			continue
		}
		if _, ok := profiles[id]; !ok {
			p, err := s.ProfileByID(id)
			if err != nil {
				return err
			}
			profiles[id] = &p
		}
		out[i].Profile = profiles[id]
	}
	rows, err := s.q.Query(qCreated, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sub int64
		var created sql.NullString
		if err := rows.Scan(&sub, &created); err != nil {
			return err
		}
		if i, ok := bySub[sub]; ok {
			out[i].AsOf = createdDay(created.String)
		}
	}
	return rows.Err()
}

// receivedPrevious reads last year's plan from each submission's payload. SQLite cuts the part
// out, so only that part is decoded here. A payload whose previous plan cannot be read leaves
// Previous nil, as for a board that sent none: the overview then shows no follow-up for it.
func (s *Store) receivedPrevious(year int, out []domain.PlanData, bySub map[int64]int) error {
	rows, err := s.q.Query(qPrevious, year)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sub int64
		var raw sql.NullString
		if err := rows.Scan(&sub, &raw); err != nil {
			return err
		}
		i, ok := bySub[sub]
		if !ok || !raw.Valid || raw.String == "" {
			continue
		}
		var prev domain.PlanData
		if err := json.Unmarshal([]byte(raw.String), &prev); err != nil {
			continue
		}
		prev.Previous = nil
		out[i].Previous = &prev
	}
	return rows.Err()
}

// CoordinatorNote is the coordinator's own record of one board's biennial follow-up for a year:
// an assessment of each of the policy's three checks and free notes.
type CoordinatorNote struct {
	Board     string
	Year      int
	Checks    [3]domain.CheckResult
	Text      string
	UpdatedAt time.Time // UTC; zero for a note never saved
	UpdatedBy string
}

// Empty reports whether the note says nothing.
func (n CoordinatorNote) Empty() bool {
	return n.Text == "" && n.Checks == [3]domain.CheckResult{}
}

// CoordinatorNotes lists the coordinator's notes for year.
func (s *Store) CoordinatorNotes(year int) ([]CoordinatorNote, error) {
	rows, err := s.q.Query(qNotes, year)
	if err != nil {
		return nil, fmt.Errorf("load coordinator notes for %d: %w", year, err)
	}
	defer rows.Close()
	var out []CoordinatorNote
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, fmt.Errorf("load coordinator notes for %d: %w", year, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func scanNote(sc interface{ Scan(...any) error }) (CoordinatorNote, error) {
	var n CoordinatorNote
	var c0, c1, c2, at string
	if err := sc.Scan(&n.Board, &n.Year, &c0, &c1, &c2, &n.Text, &at, &n.UpdatedBy); err != nil {
		return n, err
	}
	n.Checks = [3]domain.CheckResult{domain.CheckResult(c0), domain.CheckResult(c1), domain.CheckResult(c2)}
	n.UpdatedAt = parseStamp(at)
	return n, nil
}

// CoordinatorNote loads the note on board for year; a zero note (with Board and Year set) when
// none is saved.
func (s *Store) CoordinatorNote(board string, year int) (CoordinatorNote, error) {
	n, err := scanNote(s.q.QueryRow(`SELECT board, year, check0, check1, check2, text, updated_at, updated_by
		FROM coordinator_notes WHERE board = ? AND year = ?`, board, year))
	if errors.Is(err, sql.ErrNoRows) {
		return CoordinatorNote{Board: board, Year: year}, nil
	}
	if err != nil {
		return n, fmt.Errorf("load coordinator note on %q %d: %w", board, year, err)
	}
	return n, nil
}

// SetCoordinatorNote saves the coordinator's note on a board and year (an empty note deletes
// it) and records what changed in the audit log.
func (s *Store) SetCoordinatorNote(n CoordinatorNote) error {
	for _, c := range n.Checks {
		switch c {
		case domain.CheckUnanswered, domain.CheckYes, domain.CheckPartly, domain.CheckNo:
		default:
			return fmt.Errorf("save coordinator note on %q %d: unknown check result %q", n.Board, n.Year, c)
		}
	}
	err := s.tx(func(tx *sql.Tx) error {
		old, err := scanNote(tx.QueryRow(`SELECT board, year, check0, check1, check2, text, updated_at, updated_by
			FROM coordinator_notes WHERE board = ? AND year = ?`, n.Board, n.Year))
		if errors.Is(err, sql.ErrNoRows) {
			old = CoordinatorNote{Board: n.Board, Year: n.Year}
		} else if err != nil {
			return err
		}
		if old.Text == n.Text && old.Checks == n.Checks {
			return nil
		}
		if n.Empty() {
			if _, err := tx.Exec("DELETE FROM coordinator_notes WHERE board = ? AND year = ?", n.Board, n.Year); err != nil {
				return err
			}
		} else if _, err := tx.Exec(`INSERT INTO coordinator_notes(board, year, check0, check1, check2, text, updated_at, updated_by)
			VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(board, year) DO UPDATE SET check0 = excluded.check0, check1 = excluded.check1,
			check2 = excluded.check2, text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			n.Board, n.Year, string(n.Checks[0]), string(n.Checks[1]), string(n.Checks[2]), n.Text, s.stamp(), s.Who()); err != nil {
			return err
		}
		// The audit log addresses rows by number; a note is named by board and year in the
		// field instead, with the year as the entity id.
		what := fmt.Sprintf("%s: ", n.Board)
		for i := range n.Checks {
			if old.Checks[i] != n.Checks[i] {
				if err := s.audit(tx, "coordinator_note", int64(n.Year), fmt.Sprintf("%scheck%d", what, i), string(old.Checks[i]), string(n.Checks[i])); err != nil {
					return err
				}
			}
		}
		if old.Text != n.Text {
			return s.audit(tx, "coordinator_note", int64(n.Year), what+"text", old.Text, n.Text)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save coordinator note on %q %d: %w", n.Board, n.Year, err)
	}
	return nil
}
