// Package identity holds the signer identity of an official (key pair and certificate) and the
// kommun signing CA that a coordinator can run in the app (DESIGN.md §5 "Trust").
//
// Keys are RSA-2048: digitorus/pkcs7 (used by pdfsign), Go's verifier, NSS (poppler's pdfsig)
// and every organisation PKI handle RSA with SHA-256 alike, so a signed plan verifies everywhere.
package identity

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net/mail"
	"os"
	"strings"
	"time"
	"unicode/utf8"
)

// Identity is a signing key with its certificate and, when a CA issued the certificate,
// the CA certificates above it.
type Identity struct {
	Cert  *x509.Certificate   // leaf
	Key   crypto.Signer       // private key matching Cert.PublicKey
	Chain []*x509.Certificate // issuing CA certs, empty when self-issued
}

// Subject is who a signing certificate names. Name goes to CN, Title to the title attribute
// (2.5.4.12), Board to OU, Kommun to O and Email to the subjectAltName.
type Subject struct{ Name, Title, Board, Email, Kommun string }

const rsaBits = 2048

// backdate puts NotBefore a little in the past so that a certificate made now is already
// valid on a coordinator's computer whose clock runs somewhat behind.
const backdate = time.Hour

var oidTitle = asn1.ObjectIdentifier{2, 5, 4, 12}

var (
	ErrInvalidSubject  = errors.New("identity: name missing")
	ErrInvalidEmail    = errors.New("identity: invalid e-mail address")
	ErrInvalidValidity = errors.New("identity: validity must be positive")
	ErrNoCertificate   = errors.New("identity: no certificate found")
)

// New makes a key pair and a self-issued certificate for signing PDFs, valid from a little
// before now for the given duration.
func New(s Subject, now time.Time, validity time.Duration) (*Identity, error) {
	s = trimSubject(s)
	if err := checkSubject(s, validity); err != nil {
		return nil, fmt.Errorf("new identity for %q: %w", s.Name, err)
	}
	key, err := rsa.GenerateKey(rand.Reader, rsaBits)
	if err != nil {
		return nil, fmt.Errorf("new identity for %q: generate key: %w", s.Name, err)
	}
	tmpl, err := leafTemplate(s, &key.PublicKey, now.Add(-backdate), now.Add(validity))
	if err != nil {
		return nil, fmt.Errorf("new identity for %q: %w", s.Name, err)
	}
	// Self-issued: the authority key is the certificate's own key.
	tmpl.AuthorityKeyId = tmpl.SubjectKeyId
	cert, err := create(tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("new identity for %q: %w", s.Name, err)
	}
	return &Identity{Cert: cert, Key: key}, nil
}

// NewCA makes the kommun signing CA: a self-signed CA certificate that may issue signing
// certificates (and nothing below them).
func NewCA(name, kommun string, now time.Time, validity time.Duration) (*Identity, error) {
	name, kommun = strings.TrimSpace(name), strings.TrimSpace(kommun)
	if name == "" {
		return nil, fmt.Errorf("new signing CA: %w", ErrInvalidSubject)
	}
	if validity <= 0 {
		return nil, fmt.Errorf("new signing CA %q: %w", name, ErrInvalidValidity)
	}
	key, err := rsa.GenerateKey(rand.Reader, rsaBits)
	if err != nil {
		return nil, fmt.Errorf("new signing CA %q: generate key: %w", name, err)
	}
	serial, err := randomSerial()
	if err != nil {
		return nil, fmt.Errorf("new signing CA %q: %w", name, err)
	}
	skid, err := keyID(&key.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("new signing CA %q: %w", name, err)
	}
	subj := pkix.Name{CommonName: name}
	if kommun != "" {
		subj.Organization = []string{kommun}
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subj,
		NotBefore:             now.Add(-backdate),
		NotAfter:              now.Add(validity),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true, // Go always marks basicConstraints critical
		IsCA:                  true,
		MaxPathLenZero:        true, // it issues signers only, no sub-CAs
		SubjectKeyId:          skid,
		AuthorityKeyId:        skid,
	}
	cert, err := create(tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("new signing CA %q: %w", name, err)
	}
	return &Identity{Cert: cert, Key: key}, nil
}

// IsSelfIssued reports whether id's certificate is signed by its own key, that is, no CA
// vouches for it and the coordinator must approve it by fingerprint.
func IsSelfIssued(id *Identity) bool {
	if id == nil || id.Cert == nil {
		return false
	}
	c := id.Cert
	return bytes.Equal(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// SubjectOf reads back what New or Issue put into a certificate.
func SubjectOf(c *x509.Certificate) Subject {
	s := Subject{Name: c.Subject.CommonName}
	if len(c.Subject.OrganizationalUnit) > 0 {
		s.Board = c.Subject.OrganizationalUnit[0]
	}
	if len(c.Subject.Organization) > 0 {
		s.Kommun = c.Subject.Organization[0]
	}
	if len(c.EmailAddresses) > 0 {
		s.Email = c.EmailAddresses[0]
	}
	for _, n := range c.Subject.Names {
		if v, ok := n.Value.(string); ok && n.Type.Equal(oidTitle) {
			s.Title = v
		}
	}
	return s
}

// Fingerprint is the lowercase hex SHA-256 of the certificate's DER, used as a key.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// GroupedFingerprint is the SHA-256 fingerprint in upper-case groups of four ("AB12 CD34 …"),
// for comparing it over the phone.
func GroupedFingerprint(c *x509.Certificate) string {
	fp := strings.ToUpper(Fingerprint(c))
	groups := make([]string, 0, len(fp)/4)
	for i := 0; i < len(fp); i += 4 {
		groups = append(groups, fp[i:i+4])
	}
	return strings.Join(groups, " ")
}

// CertPEM encodes certificates as PEM, leaf first, for a .pem file or a coordinator's answer.
func CertPEM(certs ...*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		// Writing to a bytes.Buffer cannot fail.
		_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

// IsCA reports whether c is a certificate authority's certificate: basic constraints say CA
// and key usage, when set, allows signing certificates. On a trust list such a certificate is a
// CA, and it never signs a submission itself.
func IsCA(c *x509.Certificate) bool {
	return c.BasicConstraintsValid && c.IsCA && (c.KeyUsage == 0 || c.KeyUsage&x509.KeyUsageCertSign != 0)
}

// CertDER is the certificate as DER, the usual content of a .cer file.
func CertDER(c *x509.Certificate) []byte { return bytes.Clone(c.Raw) }

// ParseCerts reads certificates from PEM (one or many CERTIFICATE blocks; other blocks are
// skipped) or from DER (.cer/.crt, one or several concatenated).
func ParseCerts(data []byte) ([]*x509.Certificate, error) {
	if bytes.Contains(data, []byte("-----BEGIN")) {
		var certs []*x509.Certificate
		rest := data
		for {
			var block *pem.Block
			block, rest = pem.Decode(rest)
			if block == nil {
				break
			}
			if block.Type != "CERTIFICATE" {
				continue
			}
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("parse certificate %d: %w: %v", len(certs)+1, ErrNoCertificate, err)
			}
			certs = append(certs, c)
		}
		if len(certs) == 0 {
			return nil, fmt.Errorf("parse certificates: %w", ErrNoCertificate)
		}
		return certs, nil
	}
	certs, err := x509.ParseCertificates(data)
	if err != nil {
		return nil, fmt.Errorf("parse certificates: %w: %v", ErrNoCertificate, err)
	}
	if len(certs) == 0 {
		return nil, fmt.Errorf("parse certificates: %w", ErrNoCertificate)
	}
	return certs, nil
}

func trimSubject(s Subject) Subject {
	return Subject{
		Name:   strings.TrimSpace(s.Name),
		Title:  strings.TrimSpace(s.Title),
		Board:  strings.TrimSpace(s.Board),
		Email:  strings.TrimSpace(s.Email),
		Kommun: strings.TrimSpace(s.Kommun),
	}
}

func checkSubject(s Subject, validity time.Duration) error {
	if s.Name == "" {
		return ErrInvalidSubject
	}
	if validity <= 0 {
		return ErrInvalidValidity
	}
	if s.Email != "" {
		// The subjectAltName holds an IA5String: a plain ASCII address, nothing around it.
		a, err := mail.ParseAddress(s.Email)
		if err != nil || a.Address != s.Email || !isASCII(s.Email) {
			return fmt.Errorf("%w: %q", ErrInvalidEmail, s.Email)
		}
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// leafTemplate is a signing certificate for s: the key usages pdfsign's verifier and NSS
// require of a document signer.
func leafTemplate(s Subject, pub crypto.PublicKey, notBefore, notAfter time.Time) (*x509.Certificate, error) {
	serial, err := randomSerial()
	if err != nil {
		return nil, err
	}
	skid, err := keyID(pub)
	if err != nil {
		return nil, err
	}
	t := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subjectName(s),
		NotBefore:             notBefore,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection, x509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true,
		SubjectKeyId:          skid,
	}
	if s.Email != "" {
		t.EmailAddresses = []string{s.Email}
	}
	return t, nil
}

func subjectName(s Subject) pkix.Name {
	n := pkix.Name{CommonName: s.Name}
	if s.Kommun != "" {
		n.Organization = []string{s.Kommun}
	}
	if s.Board != "" {
		n.OrganizationalUnit = []string{s.Board}
	}
	if s.Title != "" {
		n.ExtraNames = []pkix.AttributeTypeAndValue{{Type: oidTitle, Value: s.Title}}
	}
	return n
}

// randomSerial is a positive, non-zero 128-bit serial number.
func randomSerial() (*big.Int, error) {
	limit := new(big.Int).Lsh(big.NewInt(1), 128)
	for {
		n, err := rand.Int(rand.Reader, limit)
		if err != nil {
			return nil, fmt.Errorf("serial number: %w", err)
		}
		if n.Sign() > 0 {
			return n, nil
		}
	}
}

// keyID is the subject key identifier of RFC 5280 §4.2.1.2 method 1: SHA-1 of the public key bits.
func keyID(pub crypto.PublicKey) ([]byte, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("key identifier: %w", err)
	}
	var spki struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}
	if _, err := asn1.Unmarshal(der, &spki); err != nil {
		return nil, fmt.Errorf("key identifier: %w", err)
	}
	sum := sha1.Sum(spki.PublicKey.Bytes)
	return sum[:], nil
}

func create(tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) (*x509.Certificate, error) {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		return nil, fmt.Errorf("create certificate: %w", err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("parse new certificate: %w", err)
	}
	return c, nil
}

// samePublicKey reports whether signer's public key is the one in c.
func samePublicKey(signer crypto.Signer, c *x509.Certificate) bool {
	pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool })
	return ok && pub.Equal(c.PublicKey)
}

// messageKeys maps this package's errors to i18n keys (area "identity") for the sentence
// shown to the user; the first match wins.
var messageKeys = []struct {
	err error
	key string
}{
	{ErrEmptyPassphrase, "identity.err.empty_passphrase"},
	{ErrWrongPassphrase, "identity.err.wrong_passphrase"},
	{ErrNotIdentity, "identity.err.not_identity"},
	{os.ErrNotExist, "identity.err.not_found"},
	{ErrKeyMismatch, "identity.err.key_mismatch"},
	{ErrNotIssuer, "identity.err.not_issuer"},
	{ErrNotForSigning, "identity.err.not_for_signing"},
	{ErrNotRequest, "identity.err.not_request"},
	{ErrNotCA, "identity.err.not_ca"},
	{ErrNoBoard, "identity.err.no_board"},
	{ErrUnsupportedKey, "identity.err.unsupported_key"},
	{ErrNoCertificate, "identity.err.no_certificate"},
	{ErrInvalidSubject, "identity.err.invalid_subject"},
	{ErrInvalidEmail, "identity.err.invalid_email"},
	{ErrInvalidValidity, "identity.err.invalid_validity"},
}

// MessageKey is the i18n key of a plain sentence explaining err to the user, so the UI never
// shows the error chain itself. Unknown errors get a general sentence.
func MessageKey(err error) string {
	for _, m := range messageKeys {
		if errors.Is(err, m.err) {
			return m.key
		}
	}
	return "identity.err.other"
}
