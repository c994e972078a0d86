package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// Conflicts between received submissions (placeSubmission rules 3 and 4): both are kept, the
// one received first stays current, and the coordinator chooses. Choosing is audited.

// ConflictGroup is a board and year with at least one open conflict, and the submissions
// involved: the current one, each open conflict and the submission it disagrees with. Ordered
// by version, then by when they arrived.
type ConflictGroup struct {
	Board       string
	Year        int
	Submissions []Submission
}

// OpenConflicts lists the boards and years with open conflicts; board "" and year 0 mean any.
func (s *Store) OpenConflicts(board string, year int) ([]ConflictGroup, error) {
	q := "SELECT " + submissionCols + ` FROM submissions s
		WHERE EXISTS (SELECT 1 FROM submissions o WHERE o.conflict_open = 1 AND o.board_name = s.board_name AND o.year = s.year)
		AND (s.current = 1 OR s.conflict_open = 1
			OR s.id IN (SELECT o.conflict_with FROM submissions o WHERE o.conflict_open = 1 AND o.board_name = s.board_name AND o.year = s.year))`
	var args []any
	if board != "" {
		q += " AND s.board_name = ?"
		args = append(args, board)
	}
	if year != 0 {
		q += " AND s.year = ?"
		args = append(args, year)
	}
	rows, err := s.q.Query(q+" ORDER BY s.year DESC, s.board_name, s.version, s.id", args...)
	if err != nil {
		return nil, fmt.Errorf("list conflicts: %w", err)
	}
	defer rows.Close()
	var out []ConflictGroup
	for rows.Next() {
		x, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("list conflicts: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].Board != x.Board || out[n-1].Year != x.Year {
			out = append(out, ConflictGroup{Board: x.Board, Year: x.Year})
		}
		g := &out[len(out)-1]
		g.Submissions = append(g.Submissions, x)
	}
	return out, rows.Err()
}

// ChooseOutcome tells what ChooseCurrent changed.
type ChooseOutcome struct {
	Chosen   Submission // as it is now: current
	Previous int64      // the submission that was current before (0: none; == Chosen.ID: it stays)
	Closed   int        // open conflicts of the board and year that were closed
}

// ChooseCurrent makes a received submission the current one of its board and year and closes
// the board's and year's open conflicts: the coordinator has compared them and chosen. Every
// change is in the audit log under the store's user; choosing the current one again only
// closes the conflicts.
func (s *Store) ChooseCurrent(id int64) (ChooseOutcome, error) {
	var out ChooseOutcome
	err := s.tx(func(tx *sql.Tx) error {
		out = ChooseOutcome{}
		x, err := scanSubmission(tx.QueryRow("SELECT "+submissionCols+" FROM submissions s WHERE s.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		err = tx.QueryRow("SELECT id FROM submissions WHERE board_name = ? AND year = ? AND current = 1", x.Board, x.Year).Scan(&out.Previous)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if out.Previous != id {
			if out.Previous != 0 {
				if _, err := tx.Exec("UPDATE submissions SET current = 0 WHERE id = ?", out.Previous); err != nil {
					return err
				}
				if err := s.audit(tx, "submission", out.Previous, "current", "1", "0"); err != nil {
					return err
				}
			}
			if _, err := tx.Exec("UPDATE submissions SET current = 1 WHERE id = ?", id); err != nil {
				return err
			}
			if err := s.audit(tx, "submission", id, "current", "0", "1"); err != nil {
				return err
			}
		}
		open, err := tx.Query("SELECT id FROM submissions WHERE board_name = ? AND year = ? AND conflict_open = 1 ORDER BY id", x.Board, x.Year)
		if err != nil {
			return err
		}
		var ids []int64
		for open.Next() {
			var c int64
			if err := open.Scan(&c); err != nil {
				open.Close()
				return err
			}
			ids = append(ids, c)
		}
		open.Close()
		if err := open.Err(); err != nil {
			return err
		}
		chosen := fmt.Sprintf("chosen: submission %d (version %d)", id, x.Version)
		for _, c := range ids {
			if _, err := tx.Exec("UPDATE submissions SET conflict_open = 0 WHERE id = ?", c); err != nil {
				return err
			}
			if err := s.audit(tx, "submission", c, "conflict", "open", chosen); err != nil {
				return err
			}
		}
		out.Closed = len(ids)
		if out.Previous == id && len(ids) == 0 {
			return nil // nothing changed, nothing to record
		}
		if err := s.audit(tx, "submission", id, "chosen", strconv.FormatInt(out.Previous, 10), strconv.FormatInt(id, 10)); err != nil {
			return err
		}
		out.Chosen, err = scanSubmission(tx.QueryRow("SELECT "+submissionCols+" FROM submissions s WHERE s.id = ?", id))
		return err
	})
	if err != nil {
		return ChooseOutcome{}, fmt.Errorf("choose submission %d as current: %w", id, err)
	}
	if out.Chosen.ID == 0 {
		out.Chosen, err = s.Submission(id)
	}
	return out, err
}

// SubmissionsWithoutHash lists the submissions whose content hash is not known yet (received
// before submissions had one), so the importer can compute it from the stored payload.
func (s *Store) SubmissionsWithoutHash() ([]int64, error) {
	rows, err := s.q.Query("SELECT id FROM submissions WHERE content_hash = '' ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list submissions without content hash: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// SetContentHash fills in the content hash of a submission that has none (it never changes
// one that is set: what was compared at import stays what it was).
func (s *Store) SetContentHash(id int64, hash string) error {
	err := s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE submissions SET content_hash = ? WHERE id = ? AND content_hash = ''", hash, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("set content hash of submission %d: %w", id, err)
	}
	return nil
}
