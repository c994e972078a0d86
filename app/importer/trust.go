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
	// Skipped counts the certificates of the file that were left out: AddCertificates takes
	// only the first (an official's .pem often carries the issuing CA after it).
	Skipped int
	// Restored counts imported submissions trusted again (their signer had lost trust before).
	Restored int
	// Imported are the verdicts on files that waited for approval and now verify.
	Imported []Result
}

// entryFor is the trust-list entry a certificate file adds: a CA certificate as a CA, any
// other as an approved signer for the board its certificate names (if it names one).
func entryFor(c *x509.Certificate) data.TrustEntry {
	e := data.TrustEntry{Kind: data.TrustSigner, Subject: signerName(c), Fingerprint: identity.Fingerprint(c), Cert: c.Raw}
	if identity.IsCA(c) {
		e.Kind = data.TrustCA
	} else if b := normName(certBoard(c)); b != "" {
		e.Boards = []string{b}
	}
	return e
}

// AddCertificates puts the first certificate of a .pem/.cer/.crt file on the trust list: a CA
// certificate as a CA, any other as an approved signer. The others in the file are counted in
// TrustChange.Skipped, not added: an official's certificate file may carry the CA that issued
// it, and trusting that official must not trust everyone the CA issued a certificate to.
// Submissions that had lost trust and files waiting for approval are checked again against the
// new list.
func (im *Importer) AddCertificates(ctx context.Context, certFile []byte) (TrustChange, error) {
	certs, err := identity.ParseCerts(certFile)
	if err != nil {
		return TrustChange{}, fmt.Errorf("add to trust list: %w", err)
	}
	ch, err := im.addTrust(ctx, entries(certs[:1]), "added")
	ch.Skipped = len(certs) - 1
	return ch, err
}

// AddAllCertificates is AddCertificates for every certificate of the file, each as a CA or a
// signer by what it is: for a CA bundle, when the coordinator asks for it explicitly.
func (im *Importer) AddAllCertificates(ctx context.Context, certFile []byte) (TrustChange, error) {
	certs, err := identity.ParseCerts(certFile)
	if err != nil {
		return TrustChange{}, fmt.Errorf("add to trust list: %w", err)
	}
	return im.addTrust(ctx, entries(certs), "added")
}

func entries(certs []*x509.Certificate) []data.TrustEntry {
	out := make([]data.TrustEntry, 0, len(certs))
	for _, c := range certs {
		out = append(out, entryFor(c))
	}
	return out
}

func (im *Importer) addTrust(ctx context.Context, es []data.TrustEntry, field string) (TrustChange, error) {
	var ch TrustChange
	for _, e := range es {
		e, added, err := im.store.AddTrust(e, field)
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

// vouches says which trust-list entry vouches for a stored submission whose kept file
// verified as v: as its import would, approved signers only for their boards. "" when none.
func (ts trustSet) vouches(v submission.Result, board string) string {
	if v.Verdict != submission.Valid {
		return ""
	}
	// The board exists: the submission made it.
	if reason, _ := ts.boardRule(v, board, true); reason != "" {
		return ""
	}
	return ts.vouchedBy(v)
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
		via := ts.vouches(submission.Verify(pdf, ts.trust, s.ImportedAt), s.Board)
		if via == "" {
			continue
		}
		if err := im.store.SetSubmissionTrust(s.ID, via); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

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
	ts, err := im.trustFrom(rest)
	if err != nil {
		return e, 0, err
	}
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
		if via := ts.vouches(submission.Verify(pdf, ts.trust, s.ImportedAt), s.Board); via != "" {
			revouched[s.ID] = via
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
	ca, err := im.store.SettingErr(SettingSigningCA, "")
	if err != nil {
		return nil, err
	}
	out := make([]TrustItem, 0, len(list))
	for _, e := range list {
		it := TrustItem{Entry: e, SigningCA: e.Fingerprint == ca}
		it.Cert, _ = x509.ParseCertificate(e.Cert)
		if it.Cert != nil {
			it.Entry.Boards = signerBoards(e, it.Cert)
		}
		out = append(out, it)
	}
	return out, nil
}

// signerBoards are the boards an approved signer may submit for. A signer put on the list
// before boards were recorded (by a version that kept none) has the board its certificate
// names, as `trust add` records now.
func signerBoards(e data.TrustEntry, c *x509.Certificate) []string {
	if e.Kind != data.TrustSigner || len(e.Boards) > 0 {
		return e.Boards
	}
	if b := normName(certBoard(c)); b != "" {
		return []string{b}
	}
	return nil
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
