package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"handlingsplan/domain"
)

// ErrVersionTaken means a submission version number was asked for that the plan has already
// handed out for other content, or that is not the next one: another export got there first.
var ErrVersionTaken = errors.New("version number already handed out for other content")

// IssuedVersion is the newest submission version number handed out for a plan (plan_versions):
// the content hash it was handed out for and whether its export finished (the plan was marked
// signed with it) or was only reserved (the export failed or was killed after reserving it).
type IssuedVersion struct {
	Version int    // 0 when the plan has never handed out a number
	Hash    string // the content hash (app/submission.ContentHash) of that version
	Signed  bool
}

// LastIssued is the newest version number handed out for the plan's submissions.
func (s *Store) LastIssued(planID int64) (IssuedVersion, error) {
	var v IssuedVersion
	var state string
	err := s.q.QueryRow("SELECT version, content_hash, state FROM plan_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1", planID).
		Scan(&v.Version, &v.Hash, &state)
	if errors.Is(err, sql.ErrNoRows) {
		return IssuedVersion{}, nil
	}
	if err != nil {
		return IssuedVersion{}, fmt.Errorf("last version of plan %d: %w", planID, err)
	}
	v.Signed = state == "signed"
	return v, nil
}

// ReserveVersion records, before an export writes its file, that version of the plan is
// handed out for the content whose hash is contentHash. It is a no-op when the plan's newest
// number is already version with that hash (the same content exported again, or a retry after
// a failed export). Otherwise version must be above every number handed out before and above
// the plan's own version, else ErrVersionTaken: a number never carries two contents. Once
// this has returned, a crash at any later point of the export cannot make the next export
// reuse the number for other content.
func (s *Store) ReserveVersion(planID int64, version int, contentHash string) error {
	err := s.tx(func(tx *sql.Tx) error {
		var planVersion int
		if err := tx.QueryRow("SELECT version FROM plans WHERE id = ?", planID).Scan(&planVersion); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				err = ErrNotFound
			}
			return err
		}
		var last int
		var hash string
		err := tx.QueryRow("SELECT version, content_hash FROM plan_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1", planID).Scan(&last, &hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if last == version && hash == contentHash {
			return nil
		}
		// The plan's own number may be taken again only while no record says what it carried
		// (a plan the demo marked signed without an export).
		if version <= last || version < planVersion || version < 1 {
			return fmt.Errorf("version %d (newest handed out %d, plan at %d): %w", version, last, planVersion, ErrVersionTaken)
		}
		if _, err := tx.Exec("INSERT INTO plan_versions(plan_id, version, content_hash, state, at) VALUES(?, ?, ?, 'reserved', ?)",
			planID, version, contentHash, s.stamp()); err != nil {
			return err
		}
		return s.audit(tx, "plan", planID, "version_reserved", strconv.Itoa(last), strconv.Itoa(version))
	})
	if err != nil {
		return fmt.Errorf("reserve version %d of plan %d: %w", version, planID, err)
	}
	return nil
}

// MarkSigned records that version of the plan was signed with the content whose hash is
// contentHash: the plan becomes signed (a closed plan, its year followed up, stays closed),
// gets the version, and the version's record (ReserveVersion's, made here if there is none)
// is marked finished. All of it is one transaction. A version recorded for other content is
// ErrVersionTaken. The audit log records status and version changes.
func (s *Store) MarkSigned(planID int64, version int, contentHash string) error {
	return s.tx(func(tx *sql.Tx) error {
		var old string
		var oldVersion int
		if err := tx.QueryRow("SELECT status, version FROM plans WHERE id = ?", planID).Scan(&old, &oldVersion); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				err = ErrNotFound
			}
			return fmt.Errorf("mark plan %d signed: %w", planID, err)
		}
		var hash string
		err := tx.QueryRow("SELECT content_hash FROM plan_versions WHERE plan_id = ? AND version = ?", planID, version).Scan(&hash)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.Exec("INSERT INTO plan_versions(plan_id, version, content_hash, state, at) VALUES(?, ?, ?, 'signed', ?)",
				planID, version, contentHash, s.stamp())
		case err == nil && hash != contentHash:
			err = fmt.Errorf("version %d: %w", version, ErrVersionTaken)
		case err == nil:
			_, err = tx.Exec("UPDATE plan_versions SET state = 'signed' WHERE plan_id = ? AND version = ?", planID, version)
		}
		if err != nil {
			return fmt.Errorf("mark plan %d signed: record version: %w", planID, err)
		}
		status := string(domain.PlanSigned)
		if old == string(domain.PlanClosed) {
			status = old
		}
		if old != status || oldVersion != version {
			if _, err := tx.Exec("UPDATE plans SET status = ?, version = ?, updated_at = ? WHERE id = ?", status, version, s.stamp(), planID); err != nil {
				return fmt.Errorf("mark plan %d signed: %w", planID, err)
			}
		}
		if old != status {
			if err := s.audit(tx, "plan", planID, "status", old, status); err != nil {
				return fmt.Errorf("mark plan %d signed: %w", planID, err)
			}
		}
		if oldVersion != version {
			if err := s.audit(tx, "plan", planID, "version", strconv.Itoa(oldVersion), strconv.Itoa(version)); err != nil {
				return fmt.Errorf("mark plan %d signed: %w", planID, err)
			}
		}
		return nil
	})
}
