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
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

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
var Verdicts = []Verdict{AcceptedNew, AcceptedNewer, Duplicate, Older, UnknownSigner, Rejected, Failed}

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
	ExistingAt time.Time // Duplicate: when

	Signer      *x509.Certificate
	SignerName  string
	Fingerprint string // of the signer certificate, lowercase hex
	CertBoard   string // ReasonBoardMismatch: the board the certificate was issued for
	SignedAt    time.Time

	SubmissionID int64
	PlanID       int64
	LogID        int64
	// Err is the store error behind Failed, or a failure to write the import log.
	Err error

	check submission.Result // what Verify said, for ReasonText
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
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".pdf") && !strings.HasPrefix(e.Name(), ".") {
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
		} else if b, err := readOnce(it.path); err != nil {
			r = im.unreadable(it.path, err)
		} else {
			r = im.importData(it.path, b, tr)
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
	return im.importData(name, b, tr), nil
}

// readOnce reads the file into memory, at most one byte more than a submission may have (so
// memory stays bounded and Verify names the file too large): everything after this works on
// these bytes only.
func readOnce(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	// A larger file reads as one byte too many, which Verify rejects as too large.
	return io.ReadAll(io.LimitReader(f, submission.MaxFileSize+1))
}

func (im *Importer) unreadable(path string, err error) Result {
	r := Result{File: path, Verdict: Rejected, Reason: ReasonNoFile, Detail: err.Error()}
	return im.logOnly(r, nil)
}

// trustSet is the trust list prepared for Verify, with what the importer needs besides.
type trustSet struct {
	trust     submission.Trust
	signers   map[string]bool // fingerprints of approved signers
	signingCA string          // fingerprint of the kommun signing CA made in the app, "" when none
}

func (im *Importer) trust() (trustSet, error) {
	list, err := im.store.TrustList()
	if err != nil {
		return trustSet{}, fmt.Errorf("load trust list: %w", err)
	}
	return im.trustFrom(list), nil
}

func (im *Importer) trustFrom(list []data.TrustEntry) trustSet {
	ts := trustSet{signers: map[string]bool{}, signingCA: im.store.Setting(SettingSigningCA, "")}
	for _, e := range list {
		c, err := x509.ParseCertificate(e.Cert)
		if err != nil {
			continue // cannot happen for entries AddCertificates made; a damaged one vouches for nobody
		}
		switch e.Kind {
		case data.TrustCA:
			ts.trust.Roots = append(ts.trust.Roots, c)
		case data.TrustSigner:
			ts.trust.Signers = append(ts.trust.Signers, c)
			ts.signers[e.Fingerprint] = true
		}
	}
	return ts
}

// vouchedBy is the trust-list entry that made a Valid result trusted: the approved signer
// itself, else the root of the verified chain.
func (ts trustSet) vouchedBy(v submission.Result) string {
	if ts.signers[v.Fingerprint] {
		return v.Fingerprint
	}
	if n := len(v.Chain); n > 0 {
		return submission.Fingerprint(v.Chain[n-1])
	}
	return ""
}

// normName makes board names from different computers comparable: NFC, no surrounding space.
func normName(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

func (im *Importer) importData(name string, b []byte, ts trustSet) Result {
	sum := sha256.Sum256(b)
	r := Result{File: name, SHA256: hex.EncodeToString(sum[:])}
	v := submission.Verify(b, ts.trust, im.now())
	r.check = v
	r.Signer, r.Fingerprint, r.SignedAt = v.Signer, v.Fingerprint, v.SignedAt
	if v.Signer != nil {
		r.SignerName = signerName(v.Signer)
	}
	if p := v.Payload; p != nil {
		r.Board, r.Year, r.Version = normName(p.Board), p.Year, p.Version
	} else {
		r.Board, r.Year, r.Version = peekPayload(v.PayloadJSON)
	}

	switch v.Verdict {
	case submission.Rejected:
		r.Verdict, r.Reason, r.Detail = Rejected, v.Reason, v.Detail
		if v.Reason == submission.ReasonPayloadInvalid && boardYearInconsistent(v.PayloadJSON) {
			r.Reason = ReasonBoardYear
		}
		return im.logOnly(r, nil)
	case submission.UnknownSigner:
		r.Verdict = UnknownSigner
		r = im.logOnly(r, b)
		if r.Err != nil {
			// Not kept, so it cannot be approved later: the coordinator must import it again.
			r.Verdict, r.Reason = Failed, storeReason(r.Err)
		}
		return r
	case submission.Valid:
	default:
		r.Verdict, r.Reason, r.Detail = Rejected, submission.ReasonUnreadable, fmt.Sprintf("verdict %q", v.Verdict)
		return im.logOnly(r, nil)
	}

	via := ts.vouchedBy(v)
	if ts.signingCA != "" && via == ts.signingCA {
		// The coordinator's own CA names the board it vouches for; a plan for another board
		// signed with that certificate is not what the CA vouched for.
		if ou := certBoard(v.Signer); ou != "" && !strings.EqualFold(normName(ou), r.Board) {
			r.Verdict, r.Reason, r.CertBoard = Rejected, ReasonBoardMismatch, ou
			r.Detail = fmt.Sprintf("certificate issued for %q, plan for %q", ou, r.Board)
			return im.logOnly(r, nil)
		}
	}
	plan := v.Payload.Plan
	rec := data.Received{
		Plan: plan, Board: r.Board, Year: r.Year, Version: r.Version,
		SignerName: r.SignerName, SignerFingerprint: r.Fingerprint, TrustedVia: via, SignedAt: r.SignedAt,
		FileName: filepath.Base(name), SHA256: r.SHA256, Payload: v.PayloadJSON, PDF: b,
	}
	out, err := im.store.ImportSubmission(rec, r.logEntry())
	if err != nil {
		r.Verdict, r.Reason, r.Err, r.Detail = Failed, storeReason(err), err, err.Error()
		return im.logOnly(r, nil)
	}
	r.Verdict = Verdict(out.Placement)
	r.SubmissionID, r.PlanID, r.LogID = out.SubmissionID, out.PlanID, out.LogID
	r.Other, r.SameFile, r.ExistingAt = out.Other, out.SameFile, out.ExistingAt
	return r
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
