package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"handlingsplan/domain"
)

// signedContentKey is the setting that remembers what content a plan's last signed version
// had. The status alone cannot tell: follow-up fields and the board's register change without
// turning a signed plan back into a draft.
func signedContentKey(planID int64) string {
	return "export.signed_content." + strconv.FormatInt(planID, 10)
}

// SignedContent is the content hash MarkSigned stored for the plan's last signed version, ""
// when none is known (never exported, or marked signed some other way, as the demo does).
func (s *Store) SignedContent(planID int64) string {
	return s.Setting(signedContentKey(planID), "")
}

// MarkSigned records that version of the plan was signed with the content whose hash is
// contentHash: the plan becomes signed (a closed plan, its year followed up, stays closed),
// gets the version, and the hash is kept for the next export's version number. All of it is
// one transaction, so a failure cannot leave a new version without its hash (which would make
// the next export reuse or skip a number). The audit log records status and version changes.
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
		if _, err := tx.Exec("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
			signedContentKey(planID), contentHash); err != nil {
			return fmt.Errorf("mark plan %d signed: save content hash: %w", planID, err)
		}
		return nil
	})
}
