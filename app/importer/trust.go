package importer

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/data"
)

// SettingSigningCA is the settings key holding the fingerprint of the kommun signing CA made in
// this app: certificates it issues name the board they may sign for.
const SettingSigningCA = "coordinator.signing_ca"

var (
	// ErrBadFingerprint: not a SHA-256 fingerprint or a prefix of one (at least 8 hex digits).
	ErrBadFingerprint = errors.New("not a certificate fingerprint")
	// ErrNoPending: no file is waiting for approval of a signer with that fingerprint.
	ErrNoPending = errors.New("no file waiting for this signer")
	// ErrAmbiguous: the fingerprint prefix matches several signers or certificates.
	ErrAmbiguous = data.ErrAmbiguous
	// ErrNotInTrustList: no certificate on the trust list has that fingerprint.
	ErrNotInTrustList = errors.New("certificate not on the trust list")
)

// NormalizeFingerprint accepts a fingerprint as people copy it ("AB12 CD34 …", "ab:12:…") and
// returns lowercase hex, or ErrBadFingerprint. A prefix of at least 8 digits is allowed.
func NormalizeFingerprint(s string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'f':
			b.WriteRune(r)
		case r == ' ' || r == ':' || r == '-' || r == '\t':
		default:
			return "", fmt.Errorf("%q: %w", s, ErrBadFingerprint)
		}
	}
	fp := b.String()
	if len(fp) < 8 || len(fp) > 64 {
		return "", fmt.Errorf("%q: %w", s, ErrBadFingerprint)
	}
	return fp, nil
}

// TrustChange is what a change of the trust list did besides the list itself.
type TrustChange struct {
	Added   []data.TrustEntry // entries new on the list
	Present []data.TrustEntry // certificates that were already on it
	// Restored counts imported submissions trusted again (their signer had lost trust before).
	Restored int
	// Imported are the verdicts on files that waited for approval and now verify.
	Imported []Result
}

// kindOf tells a CA certificate from a signer's.
func kindOf(c *x509.Certificate) data.TrustKind {
	if c.IsCA && (c.KeyUsage == 0 || c.KeyUsage&x509.KeyUsageCertSign != 0) {
		return data.TrustCA
	}
	return data.TrustSigner
}

func entryFor(c *x509.Certificate) data.TrustEntry {
	return data.TrustEntry{Kind: kindOf(c), Subject: signerName(c), Fingerprint: identity.Fingerprint(c), Cert: c.Raw}
}

// AddCertificates puts every certificate of a .pem/.cer/.crt file on the trust list (a CA
// certificate as a CA, any other as an approved signer). Submissions that had lost trust and
// files waiting for approval are checked again against the new list.
func (im *Importer) AddCertificates(ctx context.Context, certFile []byte) (TrustChange, error) {
	certs, err := identity.ParseCerts(certFile)
	if err != nil {
		return TrustChange{}, fmt.Errorf("add to trust list: %w", err)
	}
	return im.addTrust(ctx, certs, "added")
}

func (im *Importer) addTrust(ctx context.Context, certs []*x509.Certificate, field string) (TrustChange, error) {
	var ch TrustChange
	for _, c := range certs {
		e, added, err := im.store.AddTrust(entryFor(c), field)
		if err != nil {
			return ch, err
		}
		if added {
			ch.Added = append(ch.Added, e)
		} else {
			ch.Present = append(ch.Present, e)
		}
	}
	if len(ch.Added) == 0 {
		return ch, nil
	}
	var err error
	if ch.Restored, err = im.restoreTrust(); err != nil {
		return ch, err
	}
	ch.Imported, err = im.RetryPending(ctx)
	return ch, err
}

// restoreTrust marks submissions trusted again whose file verifies against the current list as
// it would have at import.
func (im *Importer) restoreTrust() (int, error) {
	subs, err := im.store.UntrustedSubmissions()
	if err != nil || len(subs) == 0 {
		return 0, err
	}
	ts, err := im.trust()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, s := range subs {
		pdf, err := im.store.SubmissionPDF(s.ID)
		if err != nil {
			return n, err
		}
		v := submission.Verify(pdf, ts.trust, s.ImportedAt)
		if v.Verdict != submission.Valid {
			continue
		}
		if err := im.store.SetSubmissionTrust(s.ID, ts.vouchedBy(v)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// RetryPending imports the files waiting for approval whose signer the trust list now vouches
// for (a CA added, a signer approved). The others keep waiting.
func (im *Importer) RetryPending(ctx context.Context) ([]Result, error) {
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
		if v := submission.Verify(pdf, ts.trust, im.now()); v.Verdict == submission.UnknownSigner {
			continue
		}
		out = append(out, im.importData(p.FileName, pdf, ts))
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
	}
	if len(ps.Files) == 0 {
		return PendingSigner{}, fmt.Errorf("signer %s: %w", fp, ErrNoPending)
	}
	pdf, err := im.store.PendingPDF(ps.Files[0].ID)
	if err != nil {
		return PendingSigner{}, err
	}
	// The certificate is in the kept file; Verify reads it the same way as at import.
	v := submission.Verify(pdf, submission.Trust{}, im.now())
	if v.Signer == nil || v.Fingerprint != full {
		return PendingSigner{}, fmt.Errorf("signer %s: certificate not readable from %s: %w", fp, ps.Files[0].FileName, ErrNoPending)
	}
	ps.Cert = v.Signer
	return ps, nil
}

// Approve puts the signer of the waiting files with fingerprint fp on the trust list (recorded
// as approved) and imports those files, and any other waiting file the list now vouches for.
func (im *Importer) Approve(ctx context.Context, fp string) (data.TrustEntry, []Result, error) {
	ps, err := im.FindPending(fp)
	if err != nil {
		return data.TrustEntry{}, nil, err
	}
	ch, err := im.addTrust(ctx, []*x509.Certificate{ps.Cert}, "approved")
	var e data.TrustEntry
	if len(ch.Added) > 0 {
		e = ch.Added[0]
	} else if len(ch.Present) > 0 {
		e = ch.Present[0]
	}
	if err == nil && len(ch.Added) == 0 {
		// Already on the list (approved elsewhere meanwhile): the files still wait.
		ch.Imported, err = im.RetryPending(ctx)
	}
	if err != nil {
		return e, ch.Imported, fmt.Errorf("approve %s: %w", ps.Cert.Subject.CommonName, err)
	}
	return e, ch.Imported, nil
}

// Decline drops a file waiting for approval; its log line stays.
func (im *Importer) Decline(logID int64) error { return im.store.DiscardPending(logID) }

// RemoveTrust takes a certificate off the trust list. Nothing imported is deleted: submissions
// it vouched for are marked as signer no longer trusted, unless another entry still vouches for
// them (checked by verifying the kept file again, as at its import). It returns the removed
// entry and how many submissions were marked.
func (im *Importer) RemoveTrust(fp string) (data.TrustEntry, int, error) {
	fp, err := NormalizeFingerprint(fp)
	if err != nil {
		return data.TrustEntry{}, 0, err
	}
	e, err := im.store.FindTrust(fp)
	if errors.Is(err, data.ErrNotFound) {
		return data.TrustEntry{}, 0, fmt.Errorf("remove %s: %w", fp, ErrNotInTrustList)
	}
	if err != nil {
		return data.TrustEntry{}, 0, err
	}
	list, err := im.store.TrustList()
	if err != nil {
		return e, 0, err
	}
	rest := list[:0:0]
	for _, x := range list {
		if x.Fingerprint != e.Fingerprint {
			rest = append(rest, x)
		}
	}
	ts := im.trustFrom(rest)
	subs, err := im.store.SubmissionsTrustedVia(e.Fingerprint)
	if err != nil {
		return e, 0, err
	}
	revouched := map[int64]string{}
	for _, s := range subs {
		pdf, err := im.store.SubmissionPDF(s.ID)
		if err != nil {
			return e, 0, err
		}
		if v := submission.Verify(pdf, ts.trust, s.ImportedAt); v.Verdict == submission.Valid {
			revouched[s.ID] = ts.vouchedBy(v)
		}
	}
	removed, marked, err := im.store.RemoveTrust(e.Fingerprint, revouched)
	if err != nil {
		return e, 0, err
	}
	return removed, len(marked), nil
}

// TrustList is the trust list with each certificate parsed.
func (im *Importer) TrustList() ([]TrustItem, error) {
	list, err := im.store.TrustList()
	if err != nil {
		return nil, err
	}
	ca := im.store.Setting(SettingSigningCA, "")
	out := make([]TrustItem, 0, len(list))
	for _, e := range list {
		it := TrustItem{Entry: e, SigningCA: e.Fingerprint == ca}
		it.Cert, _ = x509.ParseCertificate(e.Cert)
		out = append(out, it)
	}
	return out, nil
}

// TrustItem is a trust-list entry with its certificate (nil if it cannot be parsed).
type TrustItem struct {
	Entry     data.TrustEntry
	Cert      *x509.Certificate
	SigningCA bool // the kommun signing CA made in this app
}

// Recheck verifies a stored submission's PDF again, exactly as received, against the trust
// list as it is now: the coordinator's way to show that what was received is intact and whose.
// Certificates are checked at the time of import, so one that expired since still counts.
func (im *Importer) Recheck(id int64) (submission.Result, error) {
	sub, err := im.store.Submission(id)
	if err != nil {
		return submission.Result{}, err
	}
	pdf, err := im.store.SubmissionPDF(id)
	if err != nil {
		return submission.Result{}, err
	}
	ts, err := im.trust()
	if err != nil {
		return submission.Result{}, err
	}
	return submission.Verify(pdf, ts.trust, sub.ImportedAt), nil
}
