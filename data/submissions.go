package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"handlingsplan/domain"
)

// Coordinator side: the signed PDFs received from the boards (DESIGN.md §5). Each received file
// is kept byte-exact in submissions.pdf; the plan it carries is stored as a normal plan row with
// submission_id set, so overviews query every board's activities through the usual indexes.

// Placement is where a received submission landed. The values are also the verdicts written to
// the import log.
type Placement string

const (
	// PlacedNew: the first version received for its board and year; it is current.
	PlacedNew Placement = "accepted_new"
	// PlacedNewer: newer than the current version, which it replaces (the old one stays in history).
	PlacedNewer Placement = "accepted_newer"
	// PlacedDuplicate: the same file, or the same version, was stored before; nothing changed.
	PlacedDuplicate Placement = "duplicate"
	// PlacedOlder: older than the current version; kept in history, not current.
	PlacedOlder Placement = "older"
	// PlacedConflict: the submission disagrees with one stored before (ConflictKind says how);
	// it is kept, not current, until the coordinator chooses which one is (ChooseCurrent).
	PlacedConflict Placement = "conflict"
)

// ConflictKind says how a submission disagrees with one stored before.
type ConflictKind string

const (
	// ConflictSameVersion: the same board, year and version number with other plan content
	// (two copies of the board's database, or an export that reused a number).
	ConflictSameVersion ConflictKind = "same_version"
	// ConflictOtherPlan: another plan (another plan identity) for the board and year than the
	// current submission's: two officials made two plans.
	ConflictOtherPlan ConflictKind = "other_plan"
	// ConflictStillOpen: the file, or one with the same content and version, was stored before
	// and is part of a conflict the coordinator has not chosen in yet; nothing was stored.
	ConflictStillOpen ConflictKind = "still_open"
)

// Submission is one received signed PDF as stored (without its bytes).
type Submission struct {
	ID                int64
	Board             string
	Year              int
	Version           int
	SignerName        string
	SignerFingerprint string
	SignedAt          time.Time // UTC; zero when the signature carries no time
	ImportedAt        time.Time // UTC
	ImportedBy        string
	FileName          string
	SHA256            string
	Current           bool
	// Trusted is false once the trust-list entry that vouched for the signer was removed.
	Trusted    bool
	TrustedVia string // fingerprint of that trust-list entry
	PlanID     int64  // the plan rebuilt from the payload
	// PlanUUID is the plan identity the payload carried ("" for files made before there was one).
	PlanUUID string
	// ContentHash is the hash of the plan content (app/submission.ContentHash).
	ContentHash string
	// ConflictWith is the submission this one disagreed with when it arrived (0: none);
	// ConflictOpen is true until the coordinator has chosen the current one of the board and year.
	ConflictWith int64
	ConflictOpen bool
	// Schema is the payload's schema version (0 when the payload cannot be read): a file of an
	// older schema lacks what later schemas added, and the views say so instead of showing zeros.
	Schema int
	// ProfileVersion is the kommun's number of the policy profile the plan was made under; -1
	// when the submission does not say (schema 1).
	ProfileVersion int
}

// Received is a verified submission ready to be stored.
type Received struct {
	Plan              domain.PlanData // the plan from the payload; stored with Plan.SubmissionID set
	Board             string
	Year              int
	Version           int
	SignerName        string
	SignerFingerprint string
	TrustedVia        string
	SignedAt          time.Time
	FileName          string
	SHA256            string
	PlanUUID          string // the plan identity the payload carries, "" when none
	// ContentHash is the hash of the payload's plan content (app/submission.ContentHash), which
	// decides between a duplicate and a conflict. "" is unknown and equals nothing.
	ContentHash string
	Payload     []byte // submission.json as extracted
	PDF         []byte // the file as received
	// Profile is the policy profile the plan was made under, when the submission carries it
	// (schema 2): it is stored as a profile version and the plan is judged under it.
	Profile *domain.Profile
}

// ImportOutcome tells what ImportSubmission did.
type ImportOutcome struct {
	Placement Placement
	// SubmissionID is the stored submission; for a duplicate, the one stored before.
	SubmissionID int64
	PlanID       int64 // 0 for a duplicate
	// Other is the version that was current before (PlacedNewer) or is current (PlacedOlder).
	Other int
	// SameFile tells, for a duplicate, that the very same bytes were stored before (rather than
	// another file with the same version number).
	SameFile   bool
	ExistingAt time.Time // for a duplicate: when the stored one was imported
	// ConflictKind and ConflictWith (the stored submission it disagrees with) for PlacedConflict.
	ConflictKind ConflictKind
	ConflictWith int64
	LogID        int64
}

const submissionCols = `s.id, s.board_name, s.year, s.version, s.signer_name, s.signer_fingerprint, s.signed_at, s.imported_at,
	s.imported_by, s.file_name, s.sha256, s.current, s.trusted, s.trusted_via,
	coalesce((SELECT min(p.id) FROM plans p WHERE p.submission_id = s.id), 0),
	s.plan_uuid, s.content_hash, coalesce(s.conflict_with, 0), s.conflict_open,
	coalesce(CASE WHEN json_valid(CAST(s.payload AS TEXT)) THEN json_extract(CAST(s.payload AS TEXT), '$.schema') END, 0),
	coalesce(s.profile_version, -1)`

func scanSubmission(sc interface{ Scan(...any) error }) (Submission, error) {
	var x Submission
	var signed sql.NullString
	var imported string
	err := sc.Scan(&x.ID, &x.Board, &x.Year, &x.Version, &x.SignerName, &x.SignerFingerprint, &signed, &imported,
		&x.ImportedBy, &x.FileName, &x.SHA256, &x.Current, &x.Trusted, &x.TrustedVia, &x.PlanID,
		&x.PlanUUID, &x.ContentHash, &x.ConflictWith, &x.ConflictOpen, &x.Schema, &x.ProfileVersion)
	if err != nil {
		return x, err
	}
	if signed.Valid {
		x.SignedAt = parseStamp(signed.String)
	}
	x.ImportedAt = parseStamp(imported)
	return x, nil
}

func (s *Store) submissions(where string, args ...any) ([]Submission, error) {
	q := "SELECT " + submissionCols + " FROM submissions s"
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := s.q.Query(q+" ORDER BY s.board_name, s.year DESC, s.version DESC, s.id DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("list submissions: %w", err)
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		x, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("list submissions: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Submissions lists received submissions, every version, by board, newest year and version
// first. board "" and year 0 mean any.
func (s *Store) Submissions(board string, year int) ([]Submission, error) {
	where, args := "1 = 1", []any{}
	if board != "" {
		where += " AND s.board_name = ?"
		args = append(args, board)
	}
	if year != 0 {
		where += " AND s.year = ?"
		args = append(args, year)
	}
	return s.submissions(where, args...)
}

// SubmissionsTrustedVia lists the submissions that trust-list entry fingerprint vouched for.
func (s *Store) SubmissionsTrustedVia(fingerprint string) ([]Submission, error) {
	return s.submissions("s.trusted_via = ?", fingerprint)
}

// UntrustedSubmissions lists the submissions whose signer is no longer trusted.
func (s *Store) UntrustedSubmissions() ([]Submission, error) {
	return s.submissions("s.trusted = 0")
}

// Submission loads one received submission.
func (s *Store) Submission(id int64) (Submission, error) {
	x, err := scanSubmission(s.q.QueryRow("SELECT "+submissionCols+" FROM submissions s WHERE s.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return x, fmt.Errorf("submission %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return x, fmt.Errorf("submission %d: %w", id, err)
	}
	return x, nil
}

// SubmissionPDF returns the signed PDF exactly as it was received.
func (s *Store) SubmissionPDF(id int64) ([]byte, error) {
	return s.blob("SELECT pdf FROM submissions WHERE id = ?", id, "submission")
}

// SubmissionPayload returns the submission.json extracted at import.
func (s *Store) SubmissionPayload(id int64) ([]byte, error) {
	return s.blob("SELECT payload FROM submissions WHERE id = ?", id, "submission")
}

func (s *Store) blob(q string, id int64, what string) ([]byte, error) {
	var b []byte
	err := s.q.QueryRow(q, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s %d: %w", what, id, err)
	}
	return b, nil
}

// ImportSubmission stores a verified submission in one transaction, all of it or nothing: the
// submission row with the PDF, the plan rebuilt from the payload, the change of the current
// version, the audit entries and the import-log line (with log's verdict set from the placement).
// The same file, or the same version of the board's plan for the year, is a duplicate and
// changes nothing but the log. An earlier "waiting for approval" of the same file is resolved.
func (s *Store) ImportSubmission(r Received, log ImportLogEntry) (ImportOutcome, error) {
	var out ImportOutcome
	err := s.tx(func(tx *sql.Tx) error {
		out = ImportOutcome{}
		if err := s.placeSubmission(tx, r, &out); err != nil {
			return err
		}
		log.Verdict = string(out.Placement)
		log.SubmissionID = out.SubmissionID
		switch out.Placement {
		case PlacedDuplicate:
			log.Reason = "same_version"
			if out.SameFile {
				log.Reason = "same_file"
			}
		case PlacedConflict:
			log.Reason = string(out.ConflictKind)
		}
		var err error
		out.LogID, err = s.insertLog(tx, log, nil)
		return err
	})
	if err != nil {
		return ImportOutcome{}, fmt.Errorf("store submission %s (%s %d version %d): %w", r.FileName, r.Board, r.Year, r.Version, err)
	}
	return out, nil
}

// placeSubmission decides where a received submission lands, in this order (the first that
// applies decides; docs/submission-format.md §4 documents it):
//  1. the same bytes were stored before: a duplicate;
//  2. a stored submission of the board and year has the same version and the same content hash:
//     a duplicate (the same content signed again);
//  3. one of the same plan (the same plan identity, or one of the two unknown) has the same
//     version and other content: a conflict (another plan's numbers are its own: rule 4);
//  4. the current submission carries another plan identity (both known): a conflict;
//  5. no current submission: the new current one; 6. a higher version than the current one:
//     the new current one; 7. a lower one: kept in history.
//
// A duplicate of a submission that is part of an open conflict is reported as that conflict
// (still open) rather than as settled. Nothing is ever dropped: a conflict is stored, not
// current, until the coordinator chooses (ChooseCurrent).
func (s *Store) placeSubmission(tx *sql.Tx, r Received, out *ImportOutcome) error {
	var existing int64
	var at string
	err := tx.QueryRow("SELECT id, imported_at FROM submissions WHERE sha256 = ?", r.SHA256).Scan(&existing, &at)
	if err == nil {
		*out = ImportOutcome{Placement: PlacedDuplicate, SubmissionID: existing, SameFile: true, ExistingAt: parseStamp(at)}
		return stillOpen(tx, out)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	same, err := s.sameVersion(tx, r)
	if err != nil {
		return err
	}
	for _, x := range same {
		if r.ContentHash != "" && x.ContentHash == r.ContentHash {
			*out = ImportOutcome{Placement: PlacedDuplicate, SubmissionID: x.ID, ExistingAt: x.ImportedAt}
			return stillOpen(tx, out)
		}
	}
	same = slices.DeleteFunc(same, func(x Submission) bool { return x.PlanUUID != "" && r.PlanUUID != "" && x.PlanUUID != r.PlanUUID })
	if len(same) > 0 {
		// Against the current one when it is among them, else the first received.
		with := same[0]
		for _, x := range same {
			if x.Current {
				with = x
			}
		}
		out.Placement, out.ConflictKind, out.ConflictWith, out.Other = PlacedConflict, ConflictSameVersion, with.ID, with.Version
		return s.storeReceived(tx, r, out)
	}

	var curID int64
	var curVersion int
	var curUUID string
	err = tx.QueryRow("SELECT id, version, plan_uuid FROM submissions WHERE board_name = ? AND year = ? AND current = 1", r.Board, r.Year).
		Scan(&curID, &curVersion, &curUUID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		out.Placement = PlacedNew
	case err != nil:
		return err
	case curUUID != "" && r.PlanUUID != "" && curUUID != r.PlanUUID:
		out.Placement, out.ConflictKind, out.ConflictWith, out.Other = PlacedConflict, ConflictOtherPlan, curID, curVersion
	case r.Version > curVersion:
		out.Placement, out.Other = PlacedNewer, curVersion
		if _, err := tx.Exec("UPDATE submissions SET current = 0 WHERE id = ?", curID); err != nil {
			return err
		}
		if err := s.audit(tx, "submission", curID, "current", "1", "0"); err != nil {
			return err
		}
	default:
		out.Placement, out.Other = PlacedOlder, curVersion
	}
	return s.storeReceived(tx, r, out)
}

// sameVersion lists the stored submissions of r's board, year and version, oldest first.
func (s *Store) sameVersion(tx *sql.Tx, r Received) ([]Submission, error) {
	rows, err := tx.Query("SELECT "+submissionCols+" FROM submissions s WHERE s.board_name = ? AND s.year = ? AND s.version = ? ORDER BY s.id",
		r.Board, r.Year, r.Version)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		x, err := scanSubmission(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// stillOpen turns a duplicate of a submission that is part of an open conflict into that
// conflict: the file needs the coordinator's choice, not "nothing changed".
func stillOpen(tx *sql.Tx, out *ImportOutcome) error {
	var with int64
	err := tx.QueryRow(`SELECT CASE WHEN id = ? THEN coalesce(conflict_with, 0) ELSE id END FROM submissions
		WHERE conflict_open = 1 AND (id = ? OR conflict_with = ?) ORDER BY id LIMIT 1`,
		out.SubmissionID, out.SubmissionID, out.SubmissionID).Scan(&with)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	out.Placement, out.ConflictKind, out.ConflictWith = PlacedConflict, ConflictStillOpen, with
	return nil
}

// storeReceived inserts the submission with its rebuilt plan where out.Placement says.
func (s *Store) storeReceived(tx *sql.Tx, r Received, out *ImportOutcome) error {
	var signed any
	if !r.SignedAt.IsZero() {
		signed = r.SignedAt.UTC().Format(time.RFC3339Nano)
	}
	var conflictWith any
	if out.ConflictWith != 0 {
		conflictWith = out.ConflictWith
	}
	current := out.Placement == PlacedNew || out.Placement == PlacedNewer
	trusted := r.TrustedVia != ""
	var profileVersion any
	var profileID int64
	if r.Profile != nil {
		var err error
		profileVersion = r.Profile.Version
		if profileID, err = s.storeProfile(tx, *r.Profile, ProfileMeta{Source: ProfileSubmission, SignerName: r.SignerName, SignerFingerprint: r.SignerFingerprint}); err != nil {
			return err
		}
	}
	res, err := tx.Exec(`INSERT INTO submissions(board_name, year, version, signer_name, signer_fingerprint, signed_at, imported_at,
		imported_by, file_name, sha256, current, trusted, trusted_via, payload, pdf, plan_uuid, content_hash, conflict_with, conflict_open,
		profile_version)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.Board, r.Year, r.Version, r.SignerName, r.SignerFingerprint, signed, s.stamp(), s.Who(), r.FileName, r.SHA256,
		current, trusted, r.TrustedVia, nonNil(r.Payload), nonNil(r.PDF), r.PlanUUID, r.ContentHash, conflictWith,
		out.Placement == PlacedConflict, profileVersion)
	if err != nil {
		return err
	}
	out.SubmissionID, _ = res.LastInsertId()

	d := r.Plan
	d.Previous = nil // last year's plan travels in the payload; it is not a submission of its own
	d.Plan.ID, d.Plan.BoardID = 0, 0
	d.Plan.Board, d.Plan.Year, d.Plan.Version = r.Board, r.Year, r.Version
	d.Plan.SubmissionID = out.SubmissionID
	d.Plan.UUID = r.PlanUUID
	d.Plan.ProfileID = profileID
	d.Plan.WizardStep = 0
	if d.Plan.Status == "" {
		d.Plan.Status = domain.PlanSigned
	}
	if out.PlanID, _, err = s.insertPlanData(tx, d); err != nil {
		return err
	}
	what := fmt.Sprintf("%s %d v%d %s (%s)", r.Board, r.Year, r.Version, r.FileName, out.Placement)
	if out.Placement == PlacedConflict {
		what = fmt.Sprintf("%s %d v%d %s (conflict %s with submission %d)", r.Board, r.Year, r.Version, r.FileName, out.ConflictKind, out.ConflictWith)
	}
	return s.audit(tx, "submission", out.SubmissionID, "imported", "", what)
}

// nonNil keeps NOT NULL blob columns happy with empty input.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// SetSubmissionTrust records whether the signer of a stored submission is trusted, via which
// trust-list entry ("" for not trusted), with an audit entry when it changes.
func (s *Store) SetSubmissionTrust(id int64, via string) error {
	err := s.tx(func(tx *sql.Tx) error { return s.setTrust(tx, id, via) })
	if err != nil {
		return fmt.Errorf("set trust of submission %d: %w", id, err)
	}
	return nil
}

func (s *Store) setTrust(tx *sql.Tx, id int64, via string) error {
	var trusted bool
	var old string
	if err := tx.QueryRow("SELECT trusted, trusted_via FROM submissions WHERE id = ?", id).Scan(&trusted, &old); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	}
	if old == via && trusted == (via != "") {
		return nil
	}
	if _, err := tx.Exec("UPDATE submissions SET trusted = ?, trusted_via = ? WHERE id = ?", via != "", via, id); err != nil {
		return err
	}
	if trusted != (via != "") {
		if err := s.audit(tx, "submission", id, "trusted", strconv.FormatBool(trusted), strconv.FormatBool(via != "")); err != nil {
			return err
		}
	}
	return s.audit(tx, "submission", id, "trusted_via", old, via)
}

// ImportLogEntry is one line of the import log: a file the importer looked at and its verdict.
type ImportLogEntry struct {
	ID           int64
	At           time.Time // UTC
	Who          string
	FileName     string
	SHA256       string
	Verdict      string
	Reason       string // reason code of a rejection, or what a duplicate duplicates
	Detail       string // technical detail, for support
	Fingerprint  string // signer certificate
	SignerName   string
	Board        string
	Year         int
	Version      int
	SubmissionID int64
	// Pending marks a file with a valid signature by an unknown signer, kept until the signer is
	// approved (or a later verdict of the same file replaces it).
	Pending bool
}

// LogImport writes one import-log line; pendingPDF, when not nil, keeps the file waiting for
// approval of its signer. Any earlier waiting copy of the same file is released: the newest
// verdict of a file is the one that counts.
func (s *Store) LogImport(e ImportLogEntry, pendingPDF []byte) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		id, err = s.insertLog(tx, e, pendingPDF)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("write import log for %s: %w", e.FileName, err)
	}
	return id, nil
}

func (s *Store) insertLog(tx *sql.Tx, e ImportLogEntry, pendingPDF []byte) (int64, error) {
	if e.SHA256 != "" {
		if _, err := tx.Exec("UPDATE import_log SET pending_pdf = NULL WHERE sha256 = ? AND pending_pdf IS NOT NULL", e.SHA256); err != nil {
			return 0, err
		}
	}
	var sub any
	if e.SubmissionID != 0 {
		sub = e.SubmissionID
	}
	res, err := tx.Exec(`INSERT INTO import_log(at, who, file_name, sha256, verdict, reason, detail, fingerprint, signer_name, board_name,
		year, version, submission_id, pending_pdf) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		s.stamp(), s.Who(), e.FileName, e.SHA256, e.Verdict, e.Reason, e.Detail, e.Fingerprint, e.SignerName, e.Board, e.Year, e.Version,
		sub, pendingPDF)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

const logCols = `id, at, who, file_name, sha256, verdict, reason, detail, fingerprint, signer_name, board_name, year, version,
	coalesce(submission_id, 0), pending_pdf IS NOT NULL`

func (s *Store) importLog(q string, args ...any) ([]ImportLogEntry, error) {
	rows, err := s.q.Query("SELECT "+logCols+" FROM import_log "+q, args...)
	if err != nil {
		return nil, fmt.Errorf("read import log: %w", err)
	}
	defer rows.Close()
	var out []ImportLogEntry
	for rows.Next() {
		var e ImportLogEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Who, &e.FileName, &e.SHA256, &e.Verdict, &e.Reason, &e.Detail, &e.Fingerprint, &e.SignerName,
			&e.Board, &e.Year, &e.Version, &e.SubmissionID, &e.Pending); err != nil {
			return nil, fmt.Errorf("read import log: %w", err)
		}
		e.At = parseStamp(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ImportLog lists the newest limit lines of the import log, newest first (limit <= 0: all).
func (s *Store) ImportLog(limit int) ([]ImportLogEntry, error) {
	if limit <= 0 {
		limit = -1
	}
	return s.importLog("ORDER BY id DESC LIMIT ?", limit)
}

// Pending lists the files waiting for approval of their signer, oldest first. With fingerprint
// set, only those of that signer.
func (s *Store) Pending(fingerprint string) ([]ImportLogEntry, error) {
	if fingerprint != "" {
		return s.importLog("WHERE pending_pdf IS NOT NULL AND fingerprint = ? ORDER BY id", fingerprint)
	}
	return s.importLog("WHERE pending_pdf IS NOT NULL ORDER BY id")
}

// PendingPDF returns the kept bytes of a file waiting for approval.
func (s *Store) PendingPDF(logID int64) ([]byte, error) {
	b, err := s.blob("SELECT pending_pdf FROM import_log WHERE id = ? AND pending_pdf IS NOT NULL", logID, "waiting file")
	return b, err
}

// DiscardPending drops a file waiting for approval (the coordinator declined its signer); the
// log line itself stays.
func (s *Store) DiscardPending(logID int64) error {
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE import_log SET pending_pdf = NULL WHERE id = ? AND pending_pdf IS NOT NULL", logID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.audit(tx, "import_log", logID, "pending", "true", "false")
	})
	if err != nil {
		return fmt.Errorf("discard waiting file %d: %w", logID, err)
	}
	return nil
}
