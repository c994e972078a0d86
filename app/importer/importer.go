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
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"handlingsplan/app/submission"
	"handlingsplan/data"
)

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
		r.Removed = im.removal(v)
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

// removal finds whether the coordinator removed the signer of v, or a certificate of its
// chain, from the trust list: the file then says when, not only that the signer is unknown.
// A store that cannot answer leaves the note out; the verdict does not depend on it.
func (im *Importer) removal(v submission.Result) *data.TrustRemoval {
	fps := make([]string, 0, len(v.Chain)+1)
	fps = append(fps, v.Fingerprint)
	for _, c := range v.Chain {
		fps = append(fps, submission.Fingerprint(c))
	}
	r, ok, err := im.store.TrustRemoved(fps...)
	if err != nil || !ok {
		return nil
	}
	return &r
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
