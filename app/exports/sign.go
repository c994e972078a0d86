package exports

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"handlingsplan/app/identity"
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
				Name:        signText(s.Name),
				Reason:      signText(info.Reason),
				Location:    signText(info.Location),
				ContactInfo: signText(s.Email),
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

// signText prepares text for pdfsign, which writes a non-ASCII string as UTF-16 inside a
// literal string without escaping: a UTF-16 byte that is a parenthesis, backslash or line end
// would break the file. Such code units are replaced by units whose bytes spell the octal
// escape of the original bytes (the approach of app/submission, whose helper is internal).
func signText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] < 0x80
	}
	if ascii {
		return s
	}
	unsafe := func(c byte) bool { return c == '(' || c == ')' || c == '\\' || c == '\r' || c == '\n' }
	octal := func(c byte) string { return string([]byte{'\\', '0' + c>>6, '0' + (c>>3)&7, '0' + c&7}) }
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		hi, lo := byte(u>>8), byte(u)
		if !unsafe(hi) && !unsafe(lo) && !utf16.IsSurrogate(rune(u)) {
			b.WriteRune(rune(u))
			continue
		}
		e := octal(hi) + octal(lo)
		for i := 0; i < len(e); i += 2 {
			b.WriteRune(rune(e[i])<<8 | rune(e[i+1]))
		}
	}
	return b.String()
}
