// Package importer is the coordinator's import of signed submissions (DESIGN.md §5): it reads
// each file once, verifies it in the order the design gives, stores it in one transaction or not
// at all, and keeps an import log. It also manages the trust list (CA certificates and approved
// signers) and the kommun signing CA. The GUI's coordinator area and the CLI both call it.
package importer

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/text/unicode/norm"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/data"
)

// Verdict is what happened to one file.
type Verdict string

const (
	// AcceptedNew: the first version of the board's plan for the year; now current.
	AcceptedNew = Verdict(data.PlacedNew)
	// AcceptedNewer: a newer version; it replaces the current one, which stays in history.
	AcceptedNewer = Verdict(data.PlacedNewer)
	// Duplicate: the same file or the same version was imported before; nothing changed.
	Duplicate = Verdict(data.PlacedDuplicate)
	// Older: older than the current version; kept in history, not current.
	Older = Verdict(data.PlacedOlder)
	// Conflict: the file disagrees with one imported before (ConflictKind says how): the same
	// version with other content, or another plan for the same board and year. It is kept, not
	// current; the coordinator compares the two and chooses (Choose). Needs attention.
	Conflict = Verdict(data.PlacedConflict)
	// UnknownSigner: a valid signature by someone not on the trust list. The file is kept
	// waiting; approving the signer imports it.
	UnknownSigner Verdict = "unknown_signer"
	// Rejected: not imported; Reason says why.
	Rejected Verdict = "rejected"
	// Failed: the file was fine but could not be stored (database error, full disk); nothing of
	// it was stored and importing it again may work.
	Failed Verdict = "failed"
)

// Verdicts lists every verdict in the order a summary shows them.
var Verdicts = []Verdict{AcceptedNew, AcceptedNewer, Duplicate, Older, Conflict, UnknownSigner, Rejected, Failed}

// Settled reports whether the verdict leaves nothing for the coordinator to do: the file is
// imported, or was already, or is an older version kept in history.
func (v Verdict) Settled() bool {
	switch v {
	case AcceptedNew, AcceptedNewer, Duplicate, Older:
		return true
	}
	return false
}

// Reasons the importer adds to those of submission.Verify.
const (
	// ReasonBoardYear: board or year inside the payload do not agree with each other.
	ReasonBoardYear submission.Reason = "board_year"
	// ReasonBoardMismatch: the kommun signing CA issued the signer's certificate for another
	// board than the plan is for.
	ReasonBoardMismatch submission.Reason = "board_mismatch"
	// ReasonCertNoBoard: a certificate from the kommun signing CA that names no board, so
	// nothing says which board's plans it may sign.
	ReasonCertNoBoard submission.Reason = "cert_no_board"
	// ReasonOtherKommun: the plan is another kommun's than the coordinator's.
	ReasonOtherKommun submission.Reason = "other_kommun"
	// ReasonContentHash: the payload's content_hash is not the hash of the content it carries.
	ReasonContentHash submission.Reason = "content_hash"
	// ReasonSignerOtherBoard goes with UnknownSigner: an approved signer sent a plan for a
	// board they are not approved for. Approving them for it imports the file.
	ReasonSignerOtherBoard submission.Reason = "signer_other_board"
	// ReasonNewBoard goes with UnknownSigner: a signer a CA vouches for sent the plan of a
	// board the coordinator's database does not have yet, and the certificate does not name
	// it. Approving imports the file and so adds the board.
	ReasonNewBoard submission.Reason = "new_board"
	// ReasonNoFile: the file could not be opened or read.
	ReasonNoFile submission.Reason = "no_file"
	// ReasonStoreFailed and ReasonDiskFull go with Failed.
	ReasonStoreFailed submission.Reason = "store_failed"
	ReasonDiskFull    submission.Reason = "disk_full"
)

// Result is the verdict on one file with what the coordinator needs to understand it.
type Result struct {
	File    string // the path (or name) as given
	SHA256  string // of the bytes read, lowercase hex
	Verdict Verdict
	Reason  submission.Reason // why it was rejected or failed; what a duplicate duplicates is in SameFile
	Detail  string            // technical detail for the log, never shown as the reason

	Board   string
	Year    int
	Version int
	// Other is the version that was current and is replaced (AcceptedNewer), or that is current
	// (Older).
	Other      int
	SameFile   bool      // Duplicate: these very bytes were imported before
	ExistingAt time.Time // Duplicate: when; Conflict: when the other one was imported
	// ConflictKind says how a Conflict disagrees, with ConflictWith (the stored submission it
	// disagrees with, whose signer is OtherSigner).
	ConflictKind data.ConflictKind
	ConflictWith int64
	OtherSigner  string
	// PlanUUID and ContentHash: the plan identity the payload carries ("" for older files) and
	// the hash of its content.
	PlanUUID, ContentHash string

	Signer      *x509.Certificate
	SignerName  string
	Fingerprint string // of the signer certificate, lowercase hex
	CertBoard   string // ReasonBoardMismatch: the board the certificate was issued for
	SignedAt    time.Time
	// NewBoard: the plan's board is not in the coordinator's database yet (for a file waiting
	// for approval, or one that added the board).
	NewBoard bool
	// Approved are the boards an approved signer may submit for (ReasonSignerOtherBoard).
	Approved []string
	// Kommun is the plan's kommun and OwnKommun the coordinator's (ReasonOtherKommun).
	Kommun, OwnKommun string

	SubmissionID int64
	PlanID       int64
	LogID        int64
	// Err is the store error behind Failed, or a failure to write the import log.
	Err error

	check submission.Result // what Verify said, for ReasonText
	rec   *data.Received    // what assess found storable
}

// Name is the file's base name.
func (r Result) Name() string { return filepath.Base(r.File) }

// Progress is reported while a batch is imported: once before the first file (Result nil) and
// after every file.
type Progress struct {
	Done   int // files finished
	Total  int
	Result *Result // the file just finished
}

// Importer imports submissions into one store.
type Importer struct {
	store *data.Store
	now   func() time.Time
	// hashed is set once the content hashes of submissions received before there were any
	// have been filled in (fillHashes).
	hashed atomic.Bool
}

// New returns an importer for store.
func New(store *data.Store) *Importer {
	return &Importer{store: store, now: time.Now}
}

// SetClock replaces the clock that certificates are checked against (tests).
func (im *Importer) SetClock(now func() time.Time) { im.now = now }

// Store is the store the importer writes to.
func (im *Importer) Store() *data.Store { return im.store }

// item is one file of a batch, or a path that could not even be listed.
type item struct {
	path string
	err  error
}

// expand turns the paths the user gave into files: a folder stands for the PDF files directly
// in it (sorted by name); a file is taken whatever its name, since the user chose it.
func expand(paths []string) []item {
	var out []item
	seen := map[string]bool{}
	add := func(p string, err error) {
		key := p
		if abs, e := filepath.Abs(p); e == nil {
			key = abs
		}
		if err == nil && seen[key] {
			return
		}
		seen[key] = true
		out = append(out, item{path: p, err: err})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			add(p, err)
			continue
		}
		if !st.IsDir() {
			add(p, nil)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			add(p, err)
			continue
		}
		var names []string
		for _, e := range entries {
			if strings.EqualFold(filepath.Ext(e.Name()), ".pdf") && !strings.HasPrefix(e.Name(), ".") && isRegular(filepath.Join(p, e.Name()), e) {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			add(filepath.Join(p, n), nil)
		}
	}
	return out
}

// isRegular reports whether a folder entry is a regular file, or a link to one: a named pipe
// or device named *.pdf is not a submission, and reading one could wait for ever.
func isRegular(path string, e fs.DirEntry) bool {
	if e.Type().IsRegular() {
		return true
	}
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Count returns how many files Import would look at for paths (folders expanded).
func Count(paths []string) int { return len(expand(paths)) }

// Import verifies and imports the files (folders: the PDF files in them), one after the other,
// each in its own transaction: a file that fails leaves the files before it imported and the
// ones after it processed. Cancelling ctx stops before the next file; the results so far are
// returned with ctx's error. progress may be nil.
func (im *Importer) Import(ctx context.Context, paths []string, progress func(Progress)) ([]Result, error) {
	items := expand(paths)
	if progress != nil {
		progress(Progress{Total: len(items)})
	}
	tr, err := im.trust()
	if err != nil {
		return nil, err
	}
	results := make([]Result, 0, len(items))
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		var r Result
		if it.err != nil {
			r = im.unreadable(it.path, it.err)
		} else if b, err := submission.ReadFile(it.path); err != nil {
			r = im.unreadable(it.path, err)
		} else {
			r = im.importData(it.path, b, tr, "")
		}
		results = append(results, r)
		if progress != nil {
			progress(Progress{Done: i + 1, Total: len(items), Result: &results[len(results)-1]})
		}
	}
	return results, nil
}

// ImportData verifies and imports one file's bytes; name is what the log calls it.
func (im *Importer) ImportData(name string, b []byte) (Result, error) {
	tr, err := im.trust()
	if err != nil {
		return Result{}, err
	}
	return im.importData(name, b, tr, ""), nil
}

// unreadable is the verdict on a file that could not be read; one larger than any submission
// is named as such.
func (im *Importer) unreadable(path string, err error) Result {
	r := Result{File: path, Verdict: Rejected, Reason: ReasonNoFile, Detail: err.Error()}
	if errors.Is(err, submission.ErrTooLarge) {
		r.Reason = submission.ReasonTooLarge
		r.check = submission.Result{Verdict: submission.Rejected, Reason: submission.ReasonTooLarge}
	}
	return im.logOnly(r, nil)
}

// trustSet is the trust list prepared for Verify, with what the importer needs besides.
type trustSet struct {
	trust     submission.Trust
	signers   map[string][]string // approved signers' fingerprints → the boards they may submit for
	signingCA string              // fingerprint of the kommun signing CA made in the app, "" when none
	kommun    string              // the coordinator's kommun, "" when the profile names none
}

// trust loads the trust list and the settings the rules need. Whatever cannot be read is an
// error: a rule is never skipped because the database did not answer.
func (im *Importer) trust() (trustSet, error) {
	list, err := im.store.TrustList()
	if err != nil {
		return trustSet{}, fmt.Errorf("load trust list: %w", err)
	}
	return im.trustFrom(list)
}

func (im *Importer) trustFrom(list []data.TrustEntry) (trustSet, error) {
	ca, err := im.store.SettingErr(SettingSigningCA, "")
	if err != nil {
		return trustSet{}, fmt.Errorf("load trust list: %w", err)
	}
	prof, err := im.store.Profile()
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return trustSet{}, fmt.Errorf("load trust list: %w", err)
	}
	ts := trustSet{signers: map[string][]string{}, signingCA: ca, kommun: normName(prof.Kommun)}
	for _, e := range list {
		c, err := x509.ParseCertificate(e.Cert)
		if err != nil {
			continue // cannot happen for entries AddCertificates made; a damaged one vouches for nobody
		}
		switch e.Kind {
		case data.TrustCA:
			if identity.IsCA(c) {
				ts.trust.Roots = append(ts.trust.Roots, c)
			}
		case data.TrustSigner:
			ts.trust.Signers = append(ts.trust.Signers, c)
			ts.signers[e.Fingerprint] = signerBoards(e, c)
		}
	}
	return ts, nil
}

// vouchedBy is the trust-list entry that made a Valid result trusted: the approved signer
// itself, else the root of the verified chain.
func (ts trustSet) vouchedBy(v submission.Result) string {
	if _, ok := ts.signers[v.Fingerprint]; ok {
		return v.Fingerprint
	}
	if n := len(v.Chain); n > 0 {
		return submission.Fingerprint(v.Chain[n-1])
	}
	return ""
}

// boardRule is what the trust list says about a Valid file for board: "" when it may be
// stored, else the reason it is rejected or waits.
func (ts trustSet) boardRule(v submission.Result, board string, known bool) (submission.Reason, []string) {
	via := ts.vouchedBy(v)
	if boards, ok := ts.signers[via]; ok {
		// An approved signer: approved for the boards the coordinator approved them for.
		if slices.Contains(boards, board) {
			return "", nil
		}
		return ReasonSignerOtherBoard, boards
	}
	ou := normName(certBoard(v.Signer))
	if ts.signingCA != "" && via == ts.signingCA {
		// The coordinator's own CA names the board it vouches for; a plan for another board
		// signed with that certificate is not what the CA vouched for.
		if ou == "" {
			return ReasonCertNoBoard, nil
		}
		if !strings.EqualFold(ou, board) {
			return ReasonBoardMismatch, nil
		}
	}
	// A CA vouches for the person; a board the coordinator does not know yet needs either
	// the certificate naming it or the coordinator's approval.
	if !known && ou != board {
		return ReasonNewBoard, nil
	}
	return "", nil
}

// normName makes board names from different computers comparable: NFC, no surrounding space.
func normName(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// importData verifies one file and stores it, logs it as rejected or keeps it waiting for
// approval. approvedFor is the fingerprint of a signer the coordinator has just approved: the
// new boards of that signer's files are approved with it.
func (im *Importer) importData(name string, b []byte, ts trustSet, approvedFor string) Result {
	return im.finish(im.assess(name, b, ts, approvedFor), b)
}

// assess verifies one file and applies the coordinator's rules, without writing anything:
// the verdict is Rejected, UnknownSigner (waits for approval), Failed (the database could not
// answer) or "" with r.rec set (to be stored).
func (im *Importer) assess(name string, b []byte, ts trustSet, approvedFor string) Result {
	sum := sha256.Sum256(b)
	r := Result{File: name, SHA256: hex.EncodeToString(sum[:]), OwnKommun: ts.kommun}
	v := submission.Verify(b, ts.trust, im.now())
	r.check = v
	r.Signer, r.Fingerprint, r.SignedAt = v.Signer, v.Fingerprint, v.SignedAt
	if v.Signer != nil {
		r.SignerName = signerName(v.Signer)
	}
	if p := v.Payload; p != nil {
		r.Board, r.Year, r.Version, r.Kommun = normName(p.Board), p.Year, p.Version, normName(p.Kommun)
	} else {
		r.Board, r.Year, r.Version = peekPayload(v.PayloadJSON)
	}

	switch v.Verdict {
	case submission.Rejected:
		r.Verdict, r.Reason, r.Detail = Rejected, v.Reason, v.Detail
		if v.Reason == submission.ReasonPayloadInvalid && boardYearInconsistent(v.PayloadJSON) {
			r.Reason = ReasonBoardYear
		}
		return r
	case submission.UnknownSigner, submission.Valid:
	default:
		r.Verdict, r.Reason, r.Detail = Rejected, submission.ReasonUnreadable, fmt.Sprintf("verdict %q", v.Verdict)
		return r
	}
	if ts.kommun != "" && r.Kommun != "" && !strings.EqualFold(ts.kommun, r.Kommun) {
		r.Verdict, r.Reason = Rejected, ReasonOtherKommun
		r.Detail = fmt.Sprintf("plan of %q, this coordinator is %q", r.Kommun, ts.kommun)
		return r
	}
	hash, err := submission.ContentHash(v.PayloadJSON)
	if err != nil {
		r.Verdict, r.Reason, r.Detail = Rejected, submission.ReasonPayloadInvalid, err.Error()
		return r
	}
	r.ContentHash, r.PlanUUID = hash, v.Payload.PlanUUID
	if c := v.Payload.ContentHash; c != "" && c != hash {
		r.Verdict, r.Reason = Rejected, ReasonContentHash
		r.Detail = fmt.Sprintf("content_hash %s, content hashes to %s", c, hash)
		return r
	}
	known, err := im.knownBoard(r.Board)
	if err != nil {
		r.Verdict, r.Reason, r.Err, r.Detail = Failed, storeReason(err), err, err.Error()
		return r
	}
	r.NewBoard = !known
	if v.Verdict == submission.UnknownSigner {
		r.Verdict = UnknownSigner
		return r
	}

	reason, approved := ts.boardRule(v, r.Board, known)
	if approvedFor != "" && approvedFor == r.Fingerprint && (reason == ReasonNewBoard || reason == ReasonSignerOtherBoard) {
		reason = "" // what the coordinator just approved
		r.Detail = "approved by the coordinator for " + r.Board
	}
	switch reason {
	case "":
	case ReasonSignerOtherBoard:
		r.Verdict, r.Reason, r.Approved = UnknownSigner, reason, approved
		r.Detail = fmt.Sprintf("plan for %q, signer approved for %q", r.Board, approved)
		return r
	case ReasonNewBoard:
		r.Verdict, r.Reason = UnknownSigner, reason
		r.Detail = fmt.Sprintf("plan for %q, a board not in the database; the certificate names %q", r.Board, certBoard(v.Signer))
		return r
	default:
		r.Verdict, r.Reason = Rejected, reason
		r.CertBoard = certBoard(v.Signer)
		r.Detail = fmt.Sprintf("certificate from the signing CA issued for %q, plan for %q", r.CertBoard, r.Board)
		return r
	}
	r.rec = &data.Received{
		Plan: v.Payload.Plan, Board: r.Board, Year: r.Year, Version: r.Version,
		SignerName: r.SignerName, SignerFingerprint: r.Fingerprint, TrustedVia: ts.vouchedBy(v), SignedAt: r.SignedAt,
		FileName: filepath.Base(name), SHA256: r.SHA256, PlanUUID: r.PlanUUID, ContentHash: r.ContentHash,
		Payload: v.PayloadJSON, PDF: b, Profile: v.Payload.Profile,
	}
	return r
}

// knownBoard reports whether the coordinator's database has the board.
func (im *Importer) knownBoard(board string) (bool, error) {
	_, err := im.store.BoardByName(board)
	if errors.Is(err, data.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up board %q: %w", board, err)
	}
	return true, nil
}

// finish writes what assess decided: the submission with its log line, a rejection's log
// line, or the file kept waiting for approval.
func (im *Importer) finish(r Result, b []byte) Result {
	switch r.Verdict {
	case Rejected, Failed:
		return im.logOnly(r, nil)
	case UnknownSigner:
		r = im.logOnly(r, b)
		if r.Err != nil {
			// Not kept, so it cannot be approved later: the coordinator must import it again.
			r.Verdict, r.Reason = Failed, storeReason(r.Err)
		}
		return r
	}
	rec := r.rec
	r.rec = nil
	im.fillHashes()
	out, err := im.store.ImportSubmission(*rec, r.logEntry())
	if err != nil {
		r.Verdict, r.Reason, r.Err, r.Detail = Failed, storeReason(err), err, err.Error()
		return im.logOnly(r, nil)
	}
	r.Verdict = Verdict(out.Placement)
	r.SubmissionID, r.PlanID, r.LogID = out.SubmissionID, out.PlanID, out.LogID
	r.Other, r.SameFile, r.ExistingAt = out.Other, out.SameFile, out.ExistingAt
	r.ConflictKind, r.ConflictWith = out.ConflictKind, out.ConflictWith
	if out.ConflictWith != 0 {
		// What the coordinator reads about the other file; the verdict stands without it.
		if o, err := im.store.Submission(out.ConflictWith); err == nil {
			r.Other, r.OtherSigner, r.ExistingAt = o.Version, o.SignerName, o.ImportedAt
		}
	}
	return r
}

// fillHashes computes the content hash of submissions received before submissions carried
// one, from their stored payload, so that rule 2 of the placement (same version, same content)
// can recognise them. Once per importer; a failure leaves those hashes unknown, which makes a
// file with their version a conflict rather than a duplicate (never dropped).
func (im *Importer) fillHashes() {
	if im.hashed.Load() {
		return
	}
	ids, err := im.store.SubmissionsWithoutHash()
	if err != nil {
		return
	}
	ok := true
	for _, id := range ids {
		raw, err := im.store.SubmissionPayload(id)
		if err == nil {
			var h string
			if h, err = submission.ContentHash(raw); err == nil {
				err = im.store.SetContentHash(id, h)
			}
		}
		ok = ok && err == nil
	}
	im.hashed.Store(ok)
}

func storeReason(err error) submission.Reason {
	if data.IsDiskFull(err) {
		return ReasonDiskFull
	}
	return ReasonStoreFailed
}

// logOnly writes the import-log line of a file that is not stored (pendingPDF keeps a file
// waiting for approval). A log that cannot be written is reported in r.Err.
func (im *Importer) logOnly(r Result, pendingPDF []byte) Result {
	id, err := im.store.LogImport(r.logEntry(), pendingPDF)
	if err != nil {
		r.Err = errors.Join(r.Err, err)
		return r
	}
	r.LogID = id
	return r
}

func (r Result) logEntry() data.ImportLogEntry {
	return data.ImportLogEntry{
		FileName: filepath.Base(r.File), SHA256: r.SHA256, Verdict: string(r.Verdict), Reason: string(r.Reason), Detail: r.Detail,
		Fingerprint: r.Fingerprint, SignerName: r.SignerName, Board: r.Board, Year: r.Year, Version: r.Version,
		SubmissionID: r.SubmissionID,
	}
}

func signerName(c *x509.Certificate) string {
	if n := strings.TrimSpace(c.Subject.CommonName); n != "" {
		return n
	}
	return c.Subject.String()
}

func certBoard(c *x509.Certificate) string {
	if c == nil || len(c.Subject.OrganizationalUnit) == 0 {
		return ""
	}
	return c.Subject.OrganizationalUnit[0]
}
