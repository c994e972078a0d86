package data

import (
	"database/sql"
	"fmt"
	"time"
)

// ProfileSigner is a certificate whose signed policy profiles this database takes.
type ProfileSigner struct {
	Fingerprint string // lowercase hex SHA-256 of the certificate (DER)
	Subject     string
	Cert        []byte // DER
	Source      string // "approved", "preset" or "own"
	AddedAt     time.Time
	AddedBy     string
}

// Sources of a profile signer.
const (
	SignerApproved = "approved" // approved by the user on the first import, after comparing the fingerprint
	SignerPreset   = "preset"   // named by IT's preset
	SignerOwn      = "own"      // the coordinator's own identity, which signed the profiles exported here
)

// ProfileSigners lists the certificates whose signed profiles this database takes.
func (s *Store) ProfileSigners() ([]ProfileSigner, error) {
	rows, err := s.q.Query("SELECT fingerprint, subject, cert, source, added_at, added_by FROM profile_signers ORDER BY added_at")
	if err != nil {
		return nil, fmt.Errorf("list profile signers: %w", err)
	}
	defer rows.Close()
	var out []ProfileSigner
	for rows.Next() {
		var p ProfileSigner
		var at string
		if err := rows.Scan(&p.Fingerprint, &p.Subject, &p.Cert, &p.Source, &at, &p.AddedBy); err != nil {
			return nil, err
		}
		p.AddedAt = parseStamp(at)
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddProfileSigner records a certificate whose signed profiles this database takes; one already
// there keeps its first source.
func (s *Store) AddProfileSigner(p ProfileSigner) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT OR IGNORE INTO profile_signers(fingerprint, subject, cert, source, added_at, added_by) VALUES(?,?,?,?,?,?)`,
			p.Fingerprint, p.Subject, p.Cert, p.Source, s.stamp(), s.Who())
		if err != nil {
			return fmt.Errorf("add profile signer %s: %w", p.Subject, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.audit(tx, "profile_signer", 0, p.Source, "", p.Subject+" "+p.Fingerprint)
	})
}

// RemoveProfileSigner forgets a profile signer (its profiles already in use stay).
func (s *Store) RemoveProfileSigner(fingerprint string) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec("DELETE FROM profile_signers WHERE fingerprint = ?", fingerprint)
		if err != nil {
			return fmt.Errorf("remove profile signer: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("remove profile signer %s: %w", fingerprint, ErrNotFound)
		}
		return s.audit(tx, "profile_signer", 0, "removed", fingerprint, "")
	})
}
