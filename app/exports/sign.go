package exports

import (
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/pdfsign"
)

// ErrCertNotValid means the signer's certificate is not valid at the signing time.
var ErrCertNotValid = pdfsign.ErrCertNotValid

// SignInfo is what the signature dictionary says about the signing.
type SignInfo struct {
	Reason, Location string
	Time             time.Time
}

// Sign signs a finished PDF with the coordinator's identity, as the boards' submissions are
// signed (pdfsign.Sign), so PDF readers and poppler's pdfsig show who signed and that nothing
// changed since.
func Sign(pdfData []byte, id *identity.Identity, info SignInfo) ([]byte, error) {
	if id == nil || id.Cert == nil || id.Key == nil {
		return nil, errors.New("sign: no signer identity")
	}
	s := identity.SubjectOf(id.Cert)
	out, err := pdfsign.Sign(pdfData, id.Key, append([]*x509.Certificate{id.Cert}, id.Chain...), pdfsign.Info{
		Name: s.Name, Reason: info.Reason, Location: info.Location, ContactInfo: s.Email, Time: info.Time,
	})
	if err != nil {
		return nil, fmt.Errorf("sign as %q: %w", s.Name, err)
	}
	return out, nil
}
