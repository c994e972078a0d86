package importer

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"strings"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// RetryPending imports the files waiting for approval that the trust list now lets in (a CA
// added, a signer approved or approved for another board). The others keep waiting.
func (im *Importer) RetryPending(ctx context.Context) ([]Result, error) {
	return im.retry(ctx, "")
}

// retry is RetryPending; approvedFor is a signer the coordinator has just approved, whose
// files' new boards are approved with them.
func (im *Importer) retry(ctx context.Context, approvedFor string) ([]Result, error) {
	pend, err := im.store.Pending("")
	if err != nil {
		return nil, err
	}
	ts, err := im.trust()
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, p := range pend {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		pdf, err := im.store.PendingPDF(p.ID)
		if errors.Is(err, data.ErrNotFound) {
			continue // resolved meanwhile
		}
		if err != nil {
			return out, err
		}
		r := im.assess(p.FileName, pdf, ts, approvedFor)
		if r.Verdict == UnknownSigner {
			continue // still waiting, for the same or another reason
		}
		out = append(out, im.finish(r, pdf))
	}
	return out, nil
}

// Pending lists the files waiting for approval of their signer.
func (im *Importer) Pending() ([]data.ImportLogEntry, error) { return im.store.Pending("") }

// PendingSigner is a signer whose files wait for approval, with what the coordinator compares
// before approving.
type PendingSigner struct {
	Cert  *x509.Certificate
	Files []data.ImportLogEntry
	// Boards are the boards of the waiting files: approving approves the signer for them.
	Boards []string
	// NewBoards are those of Boards the coordinator's database does not have yet: approving
	// adds them.
	NewBoards []string
	// OnList: the signer is on the trust list already, approved for the boards in Approved.
	OnList   bool
	Approved []string
	// CA names the CA on the trust list that vouches for the signer ("" when none): the files
	// wait only because their board is new, and approving puts nobody on the list.
	CA string
}

// FindPending finds the signer with fingerprint fp (or a prefix of it) among the files waiting
// for approval.
func (im *Importer) FindPending(fp string) (PendingSigner, error) {
	fp, err := NormalizeFingerprint(fp)
	if err != nil {
		return PendingSigner{}, err
	}
	pend, err := im.store.Pending("")
	if err != nil {
		return PendingSigner{}, err
	}
	var ps PendingSigner
	full := ""
	for _, p := range pend {
		if !strings.HasPrefix(p.Fingerprint, fp) {
			continue
		}
		if full != "" && p.Fingerprint != full {
			return PendingSigner{}, fmt.Errorf("signer %s: %w", fp, ErrAmbiguous)
		}
		full = p.Fingerprint
		ps.Files = append(ps.Files, p)
		if p.Board != "" && !slices.Contains(ps.Boards, p.Board) {
			ps.Boards = append(ps.Boards, p.Board)
		}
	}
	if len(ps.Files) == 0 {
		return PendingSigner{}, fmt.Errorf("signer %s: %w", fp, ErrNoPending)
	}
	i18n.SortNames(ps.Boards) // board names sort in Swedish (Å Ä Ö after Z)
	for _, b := range ps.Boards {
		known, err := im.knownBoard(b)
		if err != nil {
			return PendingSigner{}, err
		}
		if !known {
			ps.NewBoards = append(ps.NewBoards, b)
		}
	}
	pdf, err := im.store.PendingPDF(ps.Files[0].ID)
	if err != nil {
		return PendingSigner{}, err
	}
	ts, err := im.trust()
	if err != nil {
		return PendingSigner{}, err
	}
	// The certificate is in the kept file; Verify reads it the same way as at import.
	v := submission.Verify(pdf, ts.trust, im.now())
	if v.Signer == nil || v.Fingerprint != full {
		return PendingSigner{}, fmt.Errorf("signer %s: certificate not readable from %s: %w", fp, ps.Files[0].FileName, ErrNoPending)
	}
	ps.Cert = v.Signer
	if boards, ok := ts.signers[full]; ok {
		ps.OnList, ps.Approved = true, boards
	} else if v.Verdict == submission.Valid {
		if e, err := im.store.FindTrust(ts.vouchedBy(v)); err == nil {
			ps.CA = e.Subject
		}
	}
	return ps, nil
}

// Approve approves the signer of the waiting files with fingerprint fp for the boards of
// those files (a signer not on the list yet is put on it, recorded as approved) and imports
// the files, with any new board among them, and any other waiting file the list now vouches
// for. It returns the signer's trust-list entry or, when a CA vouches for the signer and the
// files waited only for their new board, that CA's entry.
func (im *Importer) Approve(ctx context.Context, fp string) (data.TrustEntry, []Result, error) {
	ps, err := im.FindPending(fp)
	if err != nil {
		return data.TrustEntry{}, nil, err
	}
	full := identity.Fingerprint(ps.Cert)
	fail := func(e data.TrustEntry, rs []Result, err error) (data.TrustEntry, []Result, error) {
		return e, rs, fmt.Errorf("approve %s: %w", ps.Cert.Subject.CommonName, err)
	}
	var e data.TrustEntry
	switch {
	case ps.CA != "":
		ts, err := im.trust()
		if err != nil {
			return fail(e, nil, err)
		}
		pdf, err := im.store.PendingPDF(ps.Files[0].ID)
		if err != nil {
			return fail(e, nil, err)
		}
		if e, err = im.store.FindTrust(ts.vouchedBy(submission.Verify(pdf, ts.trust, im.now()))); err != nil {
			return fail(e, nil, err)
		}
	case ps.OnList:
		// ps.Approved may come from the certificate alone (signerBoards): record it too.
		if e, err = im.store.AddTrustBoards(full, append(slices.Clone(ps.Approved), ps.Boards...)); err != nil {
			return fail(e, nil, err)
		}
	default:
		// Whatever the certificate says about itself, approving makes a signer, never a CA.
		entry := data.TrustEntry{Kind: data.TrustSigner, Subject: signerName(ps.Cert), Fingerprint: full, Cert: ps.Cert.Raw, Boards: ps.Boards}
		var added bool
		if e, added, err = im.store.AddTrust(entry, "approved"); err != nil {
			return fail(e, nil, err)
		}
		if !added {
			// Put on the list meanwhile: approve it for these boards too.
			if e, err = im.store.AddTrustBoards(full, ps.Boards); err != nil {
				return fail(e, nil, err)
			}
		}
		if _, err := im.restoreTrust(); err != nil {
			return fail(e, nil, err)
		}
	}
	rs, err := im.retry(ctx, full)
	if err != nil {
		return fail(e, rs, err)
	}
	return e, rs, nil
}

// Decline drops a file waiting for approval; its log line stays.
func (im *Importer) Decline(logID int64) error { return im.store.DiscardPending(logID) }
