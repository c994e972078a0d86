package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// TrustKind tells what a trust-list entry vouches for.
type TrustKind string

const (
	// TrustCA is a certificate authority: every signer it issued a certificate to is trusted.
	TrustCA TrustKind = "ca"
	// TrustSigner is one approved signer certificate (compared by fingerprint, like SSH).
	TrustSigner TrustKind = "signer"
)

// TrustEntry is one certificate on the coordinator's trust list.
type TrustEntry struct {
	ID          int64
	Kind        TrustKind
	Subject     string // the certificate's name, for people
	Fingerprint string // SHA-256 of the DER, lowercase hex
	Cert        []byte // DER
	AddedBy     string
	AddedAt     time.Time // UTC
	// Boards are the boards an approved signer may submit for (sorted); a CA has none.
	Boards []string
}

// ErrAmbiguous means a fingerprint prefix matches more than one entry.
var ErrAmbiguous = errors.New("fingerprint prefix matches several certificates")

// TrustList lists the trust list, CAs first, then by name.
func (s *Store) TrustList() ([]TrustEntry, error) {
	return s.trust("ORDER BY kind, subject, id")
}

func (s *Store) trust(q string, args ...any) ([]TrustEntry, error) {
	rows, err := s.q.Query("SELECT id, kind, subject, fingerprint, cert, added_by, added_at FROM trust "+q, args...)
	if err != nil {
		return nil, fmt.Errorf("read trust list: %w", err)
	}
	defer rows.Close()
	var out []TrustEntry
	byID := map[int64]int{}
	for rows.Next() {
		var e TrustEntry
		var kind, at string
		if err := rows.Scan(&e.ID, &kind, &e.Subject, &e.Fingerprint, &e.Cert, &e.AddedBy, &at); err != nil {
			return nil, fmt.Errorf("read trust list: %w", err)
		}
		e.Kind, e.AddedAt = TrustKind(kind), parseStamp(at)
		byID[e.ID] = len(out)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read trust list: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	brows, err := s.q.Query("SELECT trust_id, board FROM trust_boards ORDER BY trust_id, board")
	if err != nil {
		return nil, fmt.Errorf("read trust list boards: %w", err)
	}
	defer brows.Close()
	for brows.Next() {
		var id int64
		var board string
		if err := brows.Scan(&id, &board); err != nil {
			return nil, fmt.Errorf("read trust list boards: %w", err)
		}
		if i, ok := byID[id]; ok {
			out[i].Boards = append(out[i].Boards, board)
		}
	}
	return out, brows.Err()
}

// FindTrust finds the entry whose fingerprint is fp or starts with it (at least 8 hex
// digits, so a prefix read aloud is enough); ErrNotFound or ErrAmbiguous otherwise.
func (s *Store) FindTrust(fp string) (TrustEntry, error) {
	fp = strings.ToLower(fp)
	if len(fp) < 8 {
		return TrustEntry{}, fmt.Errorf("trust entry %q: %w", fp, ErrNotFound)
	}
	es, err := s.trust("WHERE substr(fingerprint, 1, ?) = ? ORDER BY id", len(fp), fp)
	if err != nil {
		return TrustEntry{}, err
	}
	switch len(es) {
	case 0:
		return TrustEntry{}, fmt.Errorf("trust entry %q: %w", fp, ErrNotFound)
	case 1:
		return es[0], nil
	}
	return TrustEntry{}, fmt.Errorf("trust entry %q: %w", fp, ErrAmbiguous)
}

// AddTrust puts a certificate on the trust list, a signer with e.Boards. field is what the
// audit log records ("added" for an imported certificate, "approved" for a signer approved on
// import). A certificate already on the list is returned as it is, with added false: its kind
// and boards do not change (AddTrustBoards adds boards).
func (s *Store) AddTrust(e TrustEntry, field string) (TrustEntry, bool, error) {
	added := false
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		added = false
		err := tx.QueryRow("SELECT id FROM trust WHERE fingerprint = ?", e.Fingerprint).Scan(&id)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		at, who := s.stamp(), s.Who()
		res, err := tx.Exec("INSERT INTO trust(kind, subject, fingerprint, cert, added_by, added_at) VALUES(?,?,?,?,?,?)",
			string(e.Kind), e.Subject, e.Fingerprint, nonNil(e.Cert), who, at)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		added = true
		if err := s.audit(tx, "trust", id, field, "", fmt.Sprintf("%s %s %s", e.Kind, e.Subject, e.Fingerprint)); err != nil {
			return err
		}
		if e.Kind != TrustSigner {
			return nil
		}
		return s.addBoards(tx, id, e.Boards)
	})
	if err != nil {
		return TrustEntry{}, false, fmt.Errorf("add %q to the trust list: %w", e.Subject, err)
	}
	es, err := s.trust("WHERE id = ?", id)
	if err != nil || len(es) == 0 {
		return TrustEntry{}, false, fmt.Errorf("add %q to the trust list: %w", e.Subject, errors.Join(err, ErrNotFound))
	}
	return es[0], added, nil
}

// AddTrustBoards approves the signer with fingerprint for more boards (with an audit entry for
// each new one) and returns the entry as it is now. A CA has no boards: ErrNotSigner.
func (s *Store) AddTrustBoards(fingerprint string, boards []string) (TrustEntry, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var kind string
		err := tx.QueryRow("SELECT id, kind FROM trust WHERE fingerprint = ?", fingerprint).Scan(&id, &kind)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if TrustKind(kind) != TrustSigner {
			return ErrNotSigner
		}
		return s.addBoards(tx, id, boards)
	})
	if err != nil {
		return TrustEntry{}, fmt.Errorf("approve %s for %s: %w", fingerprint, strings.Join(boards, ", "), err)
	}
	es, err := s.trust("WHERE id = ?", id)
	if err != nil || len(es) == 0 {
		return TrustEntry{}, fmt.Errorf("approve %s: %w", fingerprint, errors.Join(err, ErrNotFound))
	}
	return es[0], nil
}

// ErrNotSigner: boards belong to approved signers, not to CAs.
var ErrNotSigner = errors.New("trust entry is a CA, not an approved signer")

func (s *Store) addBoards(tx *sql.Tx, id int64, boards []string) error {
	for _, b := range boards {
		b = strings.TrimSpace(b)
		if b == "" {
			continue
		}
		res, err := tx.Exec("INSERT OR IGNORE INTO trust_boards(trust_id, board) VALUES(?, ?)", id, b)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			if err := s.audit(tx, "trust", id, "board", "", b); err != nil {
				return err
			}
		}
	}
	return nil
}

// SettingErr returns a saved setting, def when none is saved, and an error when the database
// cannot say: a security decision taken on a setting must not mistake a failure for "not set".
func (s *Store) SettingErr(key, def string) (string, error) {
	var v string
	err := s.q.QueryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

// RemoveTrust takes an entry off the trust list and, in the same transaction, marks the
// submissions it vouched for as no longer trusted; nothing imported is deleted. revouched names
// the submissions that another entry still vouches for (id → that entry's fingerprint): they
// stay trusted. It returns the removed entry and the ids of the submissions marked.
func (s *Store) RemoveTrust(fingerprint string, revouched map[int64]string) (TrustEntry, []int64, error) {
	var e TrustEntry
	var marked []int64
	err := s.tx(func(tx *sql.Tx) error {
		marked = nil
		var kind, at string
		err := tx.QueryRow("SELECT id, kind, subject, fingerprint, cert, added_by, added_at FROM trust WHERE fingerprint = ?", fingerprint).
			Scan(&e.ID, &kind, &e.Subject, &e.Fingerprint, &e.Cert, &e.AddedBy, &at)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		e.Kind, e.AddedAt = TrustKind(kind), parseStamp(at)
		// trust_boards rows go with it (ON DELETE CASCADE).
		if _, err := tx.Exec("DELETE FROM trust WHERE id = ?", e.ID); err != nil {
			return err
		}
		if err := s.audit(tx, "trust", e.ID, "removed", fmt.Sprintf("%s %s %s", e.Kind, e.Subject, e.Fingerprint), ""); err != nil {
			return err
		}
		rows, err := tx.Query("SELECT id FROM submissions WHERE trusted_via = ? ORDER BY id", fingerprint)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			via := revouched[id]
			if via == fingerprint {
				via = ""
			}
			if err := s.setTrust(tx, id, via); err != nil {
				return err
			}
			if via == "" {
				marked = append(marked, id)
			}
		}
		return nil
	})
	if err != nil {
		return TrustEntry{}, nil, fmt.Errorf("remove %s from the trust list: %w", fingerprint, err)
	}
	return e, marked, nil
}

// TrustRemoval is a trust-list entry the coordinator removed, as the audit log recorded it.
type TrustRemoval struct {
	Fingerprint string
	What        string // "signer Åsa Öberg" or "ca Exempelby kommun signerings-CA"
	At          time.Time
	By          string
}

// TrustRemoved returns the latest removal from the trust list of any of fingerprints (an
// imported file's signer and the certificates of its chain), if one was ever removed.
func (s *Store) TrustRemoved(fingerprints ...string) (TrustRemoval, bool, error) {
	var best TrustRemoval
	found := false
	for _, fp := range fingerprints {
		if len(fp) != 64 {
			continue
		}
		var at, who, old string
		// RemoveTrust writes "<kind> <subject> <fingerprint>" as the old value.
		err := s.q.QueryRow(`SELECT at, who, old_value FROM audit_log
			WHERE entity = 'trust' AND field = 'removed' AND substr(old_value, -64) = ?
			ORDER BY at DESC, id DESC LIMIT 1`, fp).Scan(&at, &who, &old)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return TrustRemoval{}, false, fmt.Errorf("find removal of %s: %w", fp, err)
		}
		r := TrustRemoval{Fingerprint: fp, What: strings.TrimSpace(strings.TrimSuffix(old, fp)), At: parseStamp(at), By: who}
		if !found || r.At.After(best.At) {
			best, found = r, true
		}
	}
	return best, found, nil
}

// LogIssued records in the audit log that the kommun signing CA issued a certificate.
func (s *Store) LogIssued(subject, fingerprint string, notAfter time.Time) error {
	err := s.tx(func(tx *sql.Tx) error {
		return s.audit(tx, "signing_ca", 0, "issued", "", fmt.Sprintf("%s %s until %s", subject, fingerprint, notAfter.UTC().Format(time.DateOnly)))
	})
	if err != nil {
		return fmt.Errorf("log issued certificate for %q: %w", subject, err)
	}
	return nil
}
