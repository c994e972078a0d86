// Package pdfsign signs the PDFs the app writes and checks the signature of a PDF it reads.
// Sign is the one place that calls the digitorus/pdfsign library: a board's submission and the
// coordinator's exports are signed the same way, a certification signature over the whole file
// (nothing may change after it) with the signer's certificate chain, which PDF readers and
// poppler's pdfsig show as valid.
package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
)

// ErrCertNotValid means a certificate of the chain is not valid at the signing time.
var ErrCertNotValid = errors.New("signer certificate not valid now")

// Info is what the signature dictionary says about the signing, as PDF readers show it. Any
// Unicode text is allowed. A zero Time means now.
type Info struct {
	Name, Reason, Location, ContactInfo string
	Time                                time.Time
}

// Sign signs data with signer, whose certificate chain (leaf first) goes into the signature.
// The key must belong to the leaf, and the leaf must be valid at the signing time; what else a
// signer must be (and whether its issuers are valid) is the caller's policy.
func Sign(data []byte, signer crypto.Signer, chain []*x509.Certificate, info Info) ([]byte, error) {
	if len(chain) == 0 || chain[0] == nil {
		return nil, errors.New("sign: no signer certificate")
	}
	leaf := chain[0]
	if signer == nil {
		return nil, errors.New("sign: no signing key")
	}
	if pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool }); !ok || !pub.Equal(leaf.PublicKey) {
		return nil, fmt.Errorf("sign: signing key does not match certificate %q", leaf.Subject.CommonName)
	}
	if info.Time.IsZero() {
		info.Time = time.Now()
	}
	for _, c := range chain {
		if c == nil {
			return nil, errors.New("sign: empty certificate in the chain")
		}
	}
	if info.Time.Before(leaf.NotBefore) || info.Time.After(leaf.NotAfter) {
		return nil, fmt.Errorf("sign with %q (valid %s to %s): %w", leaf.Subject.CommonName,
			leaf.NotBefore.Format(time.DateOnly), leaf.NotAfter.Format(time.DateOnly), ErrCertNotValid)
	}
	rdr, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("sign: read PDF: %w", err)
	}
	sd := sign.SignData{
		Signature: sign.SignDataSignature{
			CertType:   sign.CertificationSignature,
			DocMDPPerm: sign.DoNotAllowAnyChangesPerms,
			Info: sign.SignDataSignatureInfo{
				Name:        signText(info.Name),
				Reason:      signText(info.Reason),
				Location:    signText(info.Location),
				ContactInfo: signText(info.ContactInfo),
				Date:        info.Time,
			},
		},
		Signer:            signer,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       leaf,
		CertificateChains: [][]*x509.Certificate{chain},
	}
	var out bytes.Buffer
	if err := sign.Sign(bytes.NewReader(data), &out, rdr, int64(len(data)), sd); err != nil {
		return nil, fmt.Errorf("sign PDF as %q: %w", leaf.Subject.CommonName, err)
	}
	return out.Bytes(), nil
}
