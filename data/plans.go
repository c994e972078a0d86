package data

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"handlingsplan/domain"
)

// Boards lists the boards by id (the UI sorts by name in the user's collation).
func (s *Store) Boards() ([]domain.Board, error) {
	rows, err := s.q.Query("SELECT id, name FROM boards ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list boards: %w", err)
	}
	defer rows.Close()
	var out []domain.Board
	for rows.Next() {
		var b domain.Board
		if err := rows.Scan(&b.ID, &b.Name); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// BoardByName finds a board; ErrNotFound when there is none.
func (s *Store) BoardByName(name string) (domain.Board, error) {
	b := domain.Board{Name: name}
	err := s.q.QueryRow("SELECT id FROM boards WHERE name = ?", name).Scan(&b.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("board %q: %w", name, ErrNotFound)
	}
	return b, err
}

// AddBoard adds a board; a duplicate name is an *domain.Problem.
func (s *Store) AddBoard(name string) (int64, error) {
	var id int64
	name = strings.TrimSpace(name)
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec("INSERT INTO boards(name) VALUES(?)", name)
		if err != nil {
			return withArgs(constraintProblem(err, "board", 0, "name"), "err.duplicate_board", "Name", name)
		}
		id, _ = res.LastInsertId()
		return s.audit(tx, "board", id, "name", "", name)
	})
	if err != nil {
		return 0, fmt.Errorf("add board %q: %w", name, err)
	}
	return id, nil
}

const planCols = `p.id, p.board_id, b.name, p.year, p.status, p.version, p.responsible, p.contact, p.decision_date,
	p.decision_paragraph, p.check0_result, p.check0_text, p.check1_result, p.check1_text, p.check2_result, p.check2_text,
	p.wizard_step, p.submission_id, p.updated_at, p.uuid, coalesce(p.profile_id, 0), ` + decisionCols

func scanPlan(sc interface{ Scan(...any) error }) (domain.Plan, error) {
	var p domain.Plan
	var decision sql.NullString
	var sub sql.NullInt64
	var status, updated string
	var c [3]struct{ r, t string }
	var dec decisionScan
	err := sc.Scan(append([]any{&p.ID, &p.BoardID, &p.Board, &p.Year, &status, &p.Version, &p.Responsible, &p.Contact, &decision,
		&p.Decision.Paragraph, &c[0].r, &c[0].t, &c[1].r, &c[1].t, &c[2].r, &c[2].t, &p.WizardStep, &sub, &updated, &p.UUID, &p.ProfileID}, dec.dest()...)...)
	if err != nil {
		return p, err
	}
	dec.into(&p)
	p.Status = domain.PlanStatus(status)
	p.DecisionDate = parseDate(decision)
	p.SubmissionID = sub.Int64
	p.UpdatedAt = parseStamp(updated)
	for i := range c {
		p.Checks[i] = domain.Check{Result: domain.CheckResult(c[i].r), Text: c[i].t}
	}
	return p, nil
}

// Plans lists the board's own plans (not imported ones), newest year first; boardID 0 lists all boards.
func (s *Store) Plans(boardID int64) ([]domain.Plan, error) {
	q := "SELECT " + planCols + " FROM plans p JOIN boards b ON b.id = p.board_id WHERE p.submission_id IS NULL"
	var args []any
	if boardID != 0 {
		q += " AND p.board_id = ?"
		args = append(args, boardID)
	}
	rows, err := s.q.Query(q+" ORDER BY p.year DESC, b.name", args...)
	if err != nil {
		return nil, fmt.Errorf("list plans: %w", err)
	}
	defer rows.Close()
	var out []domain.Plan
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Plan loads one plan.
func (s *Store) Plan(id int64) (domain.Plan, error) {
	p, err := scanPlan(s.q.QueryRow("SELECT "+planCols+" FROM plans p JOIN boards b ON b.id = p.board_id WHERE p.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("plan %d: %w", id, ErrNotFound)
	}
	return p, err
}

// PlanFor finds a board's own plan for a year; ErrNotFound when there is none.
func (s *Store) PlanFor(boardID int64, year int) (domain.Plan, error) {
	p, err := scanPlan(s.q.QueryRow("SELECT "+planCols+" FROM plans p JOIN boards b ON b.id = p.board_id WHERE p.board_id = ? AND p.year = ? AND p.submission_id IS NULL", boardID, year))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("plan %d for board %d: %w", year, boardID, ErrNotFound)
	}
	return p, err
}

// AddPlan creates a plan (status draft unless p.Status says otherwise).
func (s *Store) AddPlan(p domain.Plan) (int64, error) {
	if p.Status == "" {
		p.Status = domain.PlanDraft
	}
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		id, err = s.insertPlan(tx, p)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add plan %d for %q: %w", p.Year, p.Board, err)
	}
	return id, nil
}

// insertPlan adds a plan row. A board's own new plan gets a new identity (UUID) unless it
// brings one; a plan rebuilt from a submission keeps the one the submission carried.
func (s *Store) insertPlan(tx *sql.Tx, p domain.Plan) (int64, error) {
	profile, err := planProfile(tx, p)
	if err != nil {
		return 0, err
	}
	var sub any
	if p.SubmissionID != 0 {
		sub = p.SubmissionID
	} else if p.UUID == "" {
		var err error
		if p.UUID, err = NewPlanUUID(); err != nil {
			return 0, err
		}
	}
	res, err := tx.Exec(`INSERT INTO plans(board_id, year, status, version, responsible, contact, decision_date, decision_paragraph,
		check0_result, check0_text, check1_result, check1_text, check2_result, check2_text, wizard_step, submission_id, updated_at, uuid,
		profile_id, `+decisionInsertCols+`)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,`+decisionInsertArgs+`)`,
		append([]any{p.BoardID, p.Year, string(p.Status), p.Version, p.Responsible, p.Contact, dateArg(p.DecisionDate), p.Decision.Paragraph,
			string(p.Checks[0].Result), p.Checks[0].Text, string(p.Checks[1].Result), p.Checks[1].Text, string(p.Checks[2].Result), p.Checks[2].Text,
			p.WizardStep, sub, s.stamp(), p.UUID, profile}, decisionValues(p)...)...)
	if err != nil {
		board := p.Board
		if board == "" {
			// Best effort: the name only makes the message clearer.
			_ = tx.QueryRow("SELECT name FROM boards WHERE id = ?", p.BoardID).Scan(&board)
		}
		return 0, withArgs(constraintProblem(err, "plan", 0, "year"), "err.duplicate_plan", "Board", board, "Year", p.Year)
	}
	id, _ := res.LastInsertId()
	return id, s.audit(tx, "plan", id, "created", "", fmt.Sprintf("%d", p.Year))
}

// NewPlanUUID makes a plan identity: a random (version 4) UUID in its canonical lowercase form.
// It is made once, with the plan, and copied with the database file, so two copies of one
// plan carry the same identity and two plans made apart carry different ones.
func NewPlanUUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make plan identity: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32], nil
}

// withArgs gives a problem with the given key the template data its message needs.
func withArgs(err error, key string, args ...any) error {
	var p *domain.Problem
	if errors.As(err, &p) && p.Key == key {
		p.Args = args
	}
	return err
}

// SetPlanStatus moves a plan to another status (mark ready, reopen, signed, closed) and logs it.
// Signing also sets the version number.
func (s *Store) SetPlanStatus(id int64, status domain.PlanStatus, version int) error {
	return s.tx(func(tx *sql.Tx) error {
		var old string
		var oldVersion int
		if err := tx.QueryRow("SELECT status, version FROM plans WHERE id = ?", id).Scan(&old, &oldVersion); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				err = ErrNotFound
			}
			return fmt.Errorf("plan %d status: %w", id, err)
		}
		if old == string(status) && version == oldVersion {
			return nil // nothing changes, nothing to record
		}
		if _, err := tx.Exec("UPDATE plans SET status = ?, version = ?, updated_at = ? WHERE id = ?", string(status), version, s.stamp(), id); err != nil {
			return fmt.Errorf("plan %d status: %w", id, err)
		}
		if old != string(status) {
			if err := s.audit(tx, "plan", id, "status", old, string(status)); err != nil {
				return err
			}
		}
		if version != oldVersion {
			return s.audit(tx, "plan", id, "version", strconv.Itoa(oldVersion), strconv.Itoa(version))
		}
		return nil
	})
}

// SetWizardStep remembers where the user is in the wizard (not audited: it is not plan content).
func (s *Store) SetWizardStep(planID int64, step int) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE plans SET wizard_step = ? WHERE id = ?", step, planID)
		return err
	})
}

// Audit lists the audit log of one entity row, oldest first; entity "" lists everything.
func (s *Store) Audit(entity string, id int64) ([]domain.AuditEntry, error) {
	q := "SELECT id, at, who, entity, entity_id, field, old_value, new_value FROM audit_log"
	var args []any
	if entity != "" {
		q += " WHERE entity = ? AND entity_id = ?"
		args = append(args, entity, id)
	}
	rows, err := s.q.Query(q+" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var out []domain.AuditEntry
	for rows.Next() {
		var e domain.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Who, &e.Entity, &e.EntityID, &e.Field, &e.Old, &e.New); err != nil {
			return nil, err
		}
		e.At = parseStamp(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
