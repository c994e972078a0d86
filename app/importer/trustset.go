package importer

import (
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/data"
)

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
