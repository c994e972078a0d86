package exports

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
)

// ErrCertNotValid means the signer's certificate is not valid at the signing time.
var ErrCertNotValid = errors.New("signer certificate not valid now")

// SignInfo is what the signature dictionary says about the signing.
type SignInfo struct {
	Reason, Location string
	Time             time.Time
}

// Sign signs a finished PDF with the coordinator's identity: a certification signature over
// the whole file with the certificate chain, as the boards' submissions are signed, so PDF
// readers and poppler's pdfsig show who signed and that nothing changed since.
func Sign(pdfData []byte, id *identity.Identity, info SignInfo) ([]byte, error) {
	if id == nil || id.Cert == nil || id.Key == nil {
		return nil, errors.New("sign: no signer identity")
	}
	if info.Time.IsZero() {
		info.Time = time.Now()
	}
	c := id.Cert
	if info.Time.Before(c.NotBefore) || info.Time.After(c.NotAfter) {
		return nil, fmt.Errorf("sign with %q (valid %s to %s): %w", c.Subject.CommonName, c.NotBefore.Format(time.DateOnly),
			c.NotAfter.Format(time.DateOnly), ErrCertNotValid)
	}
	rdr, err := pdf.NewReader(bytes.NewReader(pdfData), int64(len(pdfData)))
	if err != nil {
		return nil, fmt.Errorf("sign: read PDF: %w", err)
	}
	chain := append([]*x509.Certificate{c}, id.Chain...)
	s := identity.SubjectOf(c)
	sd := sign.SignData{
		Signature: sign.SignDataSignature{
			CertType:   sign.CertificationSignature,
			DocMDPPerm: sign.DoNotAllowAnyChangesPerms,
			Info: sign.SignDataSignatureInfo{
				Name:        submission.SignText(s.Name),
				Reason:      submission.SignText(info.Reason),
				Location:    submission.SignText(info.Location),
				ContactInfo: submission.SignText(s.Email),
				Date:        info.Time,
			},
		},
		Signer:            id.Key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       c,
		CertificateChains: [][]*x509.Certificate{chain},
	}
	var out bytes.Buffer
	if err := sign.Sign(bytes.NewReader(pdfData), &out, rdr, int64(len(pdfData)), sd); err != nil {
		return nil, fmt.Errorf("sign PDF as %q: %w", s.Name, err)
	}
	return out.Bytes(), nil
}
