package importer

import (
	"crypto/x509"
	"path/filepath"
	"time"

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
	// Removed: the file waits for approval because the coordinator took its signer (or the
	// CA that issued the signer's certificate) off the trust list; when, and what it was.
	Removed *data.TrustRemoval

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
