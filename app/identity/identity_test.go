package identity

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"
)

var testNow = time.Date(2026, 10, 15, 9, 30, 0, 0, time.UTC)

const year = 365 * 24 * time.Hour

var official = Subject{
	Name:   "Åsa Öberg",
	Title:  "Förvaltningschef",
	Board:  "Socialnämnden",
	Email:  "asa.oberg@exempel.se",
	Kommun: "Exempels kommun",
}

func newIdentity(t *testing.T, s Subject) *Identity {
	t.Helper()
	id, err := New(s, testNow, 2*year)
	if err != nil {
		t.Fatalf("New(%+v): %v", s, err)
	}
	return id
}

func newCA(t *testing.T) *Identity {
	t.Helper()
	ca, err := NewCA("Exempels kommun signerings-CA", "Exempels kommun", testNow, 10*year)
	if err != nil {
		t.Fatalf("NewCA: %v", err)
	}
	return ca
}

// issued runs the whole round trip: request, issue by ca, accept.
func issued(t *testing.T, ca *Identity, s Subject, board string) *Identity {
	t.Helper()
	id := newIdentity(t, s)
	reqPEM, err := Request(id)
	if err != nil {
		t.Fatalf("Request: %v", err)
	}
	req, err := ParseRequest(reqPEM)
	if err != nil {
		t.Fatalf("ParseRequest: %v", err)
	}
	leaf, err := Issue(ca, req, board, testNow, 3*year)
	if err != nil {
		t.Fatalf("Issue: %v", err)
	}
	if err := Accept(id, CertPEM(leaf, ca.Cert)); err != nil {
		t.Fatalf("Accept: %v", err)
	}
	return id
}

func extension(c *x509.Certificate, oid asn1.ObjectIdentifier) (pkix.Extension, bool) {
	i := slices.IndexFunc(c.Extensions, func(e pkix.Extension) bool { return e.Id.Equal(oid) })
	if i < 0 {
		return pkix.Extension{}, false
	}
	return c.Extensions[i], true
}

var (
	oidBasicConstraints = asn1.ObjectIdentifier{2, 5, 29, 19}
	oidKeyUsage         = asn1.ObjectIdentifier{2, 5, 29, 15}
)

func TestNew(t *testing.T) {
	tests := []struct {
		name string
		in   Subject
		want Subject
	}{
		{"full", official, official},
		{"name only", Subject{Name: "Bo Ek"}, Subject{Name: "Bo Ek"}},
		{"trimmed", Subject{Name: "  Bo Ek ", Board: " Tekniska nämnden", Email: " bo@ex.se "},
			Subject{Name: "Bo Ek", Board: "Tekniska nämnden", Email: "bo@ex.se"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := newIdentity(t, tt.in)
			c := id.Cert
			if got := SubjectOf(c); got != tt.want {
				t.Errorf("SubjectOf = %+v, want %+v", got, tt.want)
			}
			if !IsSelfIssued(id) || len(id.Chain) != 0 {
				t.Errorf("IsSelfIssued = %v, chain %d: want self-issued without chain", IsSelfIssued(id), len(id.Chain))
			}
			if _, ok := id.Key.(*rsa.PrivateKey); !ok || c.PublicKey.(*rsa.PublicKey).N.BitLen() != 2048 {
				t.Errorf("key %T: want RSA-2048", id.Key)
			}
			if c.IsCA {
				t.Error("leaf is a CA")
			}
			if c.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment {
				t.Errorf("KeyUsage = %b", c.KeyUsage)
			}
			if !slices.Contains(c.ExtKeyUsage, x509.ExtKeyUsageEmailProtection) {
				t.Errorf("ExtKeyUsage = %v: want EmailProtection", c.ExtKeyUsage)
			}
			if len(c.SubjectKeyId) == 0 || !bytes.Equal(c.AuthorityKeyId, c.SubjectKeyId) {
				t.Errorf("SKI %x, AKI %x: want both, equal", c.SubjectKeyId, c.AuthorityKeyId)
			}
			if !c.NotBefore.Before(testNow) || !c.NotAfter.Equal(testNow.Add(2*year)) {
				t.Errorf("validity %v – %v", c.NotBefore, c.NotAfter)
			}
			if c.SerialNumber.Sign() <= 0 || c.SerialNumber.BitLen() > 128 || c.SerialNumber.BitLen() < 64 {
				t.Errorf("serial %x: want random positive 128-bit", c.SerialNumber)
			}
			if _, err := c.Verify(x509.VerifyOptions{
				Roots:       certPool(c),
				CurrentTime: testNow,
				KeyUsages:   []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
			}); err != nil {
				t.Errorf("self-issued leaf as its own root: %v", err)
			}
		})
	}
	if a, b := newIdentity(t, official), newIdentity(t, official); a.Cert.SerialNumber.Cmp(b.Cert.SerialNumber) == 0 {
		t.Error("two identities share a serial number")
	}
}

func TestNewInvalid(t *testing.T) {
	tests := []struct {
		name     string
		s        Subject
		validity time.Duration
		want     error
	}{
		{"no name", Subject{Name: "  ", Email: "a@b.se"}, year, ErrInvalidSubject},
		{"zero validity", Subject{Name: "Bo"}, 0, ErrInvalidValidity},
		{"email not an address", Subject{Name: "Bo", Email: "bo at ex.se"}, year, ErrInvalidEmail},
		{"email with display name", Subject{Name: "Bo", Email: "Bo <bo@ex.se>"}, year, ErrInvalidEmail},
		{"email non-ASCII", Subject{Name: "Bo", Email: "bö@ex.se"}, year, ErrInvalidEmail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.s, testNow, tt.validity); !errors.Is(err, tt.want) {
				t.Errorf("New: err %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := NewCA(" ", "K", testNow, year); !errors.Is(err, ErrInvalidSubject) {
		t.Errorf("NewCA without name: %v", err)
	}
	if _, err := NewCA("CA", "K", testNow, -year); !errors.Is(err, ErrInvalidValidity) {
		t.Errorf("NewCA negative validity: %v", err)
	}
}

func TestNewCA(t *testing.T) {
	ca := newCA(t)
	c := ca.Cert
	if !c.IsCA || !c.BasicConstraintsValid || c.MaxPathLen != 0 || !c.MaxPathLenZero {
		t.Errorf("IsCA %v, BasicConstraintsValid %v, MaxPathLen %d", c.IsCA, c.BasicConstraintsValid, c.MaxPathLen)
	}
	if c.KeyUsage != x509.KeyUsageCertSign|x509.KeyUsageCRLSign {
		t.Errorf("KeyUsage = %b", c.KeyUsage)
	}
	for _, oid := range []asn1.ObjectIdentifier{oidBasicConstraints, oidKeyUsage} {
		if e, ok := extension(c, oid); !ok || !e.Critical {
			t.Errorf("extension %v present %v, critical %v: want critical", oid, ok, e.Critical)
		}
	}
	if len(c.SubjectKeyId) == 0 {
		t.Error("no SubjectKeyId")
	}
	if c.Subject.CommonName != "Exempels kommun signerings-CA" || c.Subject.Organization[0] != "Exempels kommun" {
		t.Errorf("subject %v", c.Subject)
	}
	if !IsSelfIssued(ca) {
		t.Error("CA not self-issued")
	}
}

func TestFingerprint(t *testing.T) {
	id := newIdentity(t, official)
	fp := Fingerprint(id.Cert)
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(fp) {
		t.Errorf("Fingerprint %q: want 64 lowercase hex digits", fp)
	}
	g := GroupedFingerprint(id.Cert)
	if !regexp.MustCompile(`^[0-9A-F]{4}( [0-9A-F]{4}){15}$`).MatchString(g) {
		t.Errorf("GroupedFingerprint %q: want 16 upper-case groups of 4", g)
	}
	if strings.ToLower(strings.ReplaceAll(g, " ", "")) != fp {
		t.Errorf("grouped %q does not match %q", g, fp)
	}
	if other := newIdentity(t, official); Fingerprint(other.Cert) == fp {
		t.Error("two certificates share a fingerprint")
	}
}

func TestParseCerts(t *testing.T) {
	a := newIdentity(t, official).Cert
	b := newCA(t).Cert
	mixed := append([]byte("Bag Attributes\n"), CertPEM(a)...)
	mixed = append(mixed, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"...)
	mixed = append(mixed, CertPEM(b)...)
	crlf := bytes.ReplaceAll(CertPEM(a), []byte("\n"), []byte("\r\n"))
	tests := []struct {
		name string
		data []byte
		want []*x509.Certificate
	}{
		{"PEM", CertPEM(a), []*x509.Certificate{a}},
		{"multi-PEM", CertPEM(a, b), []*x509.Certificate{a, b}},
		{"PEM with other blocks and text", mixed, []*x509.Certificate{a, b}},
		{"PEM with CRLF", crlf, []*x509.Certificate{a}},
		{"DER", CertDER(a), []*x509.Certificate{a}},
		{"concatenated DER", append(CertDER(a), CertDER(b)...), []*x509.Certificate{a, b}},
		{"garbage", []byte("inget certifikat"), nil},
		{"empty", nil, nil},
		{"PEM key only", []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), nil},
		{"broken PEM certificate", []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCerts(tt.data)
			if tt.want == nil {
				if !errors.Is(err, ErrNoCertificate) {
					t.Errorf("err %v, want ErrNoCertificate", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, tt.want, (*x509.Certificate).Equal) {
				t.Errorf("got %d certificates, want %d in order", len(got), len(tt.want))
			}
		})
	}
}

func TestPassphraseStrength(t *testing.T) {
	tests := []struct {
		p    string
		want Strength
	}{
		{"", Weak},
		{"kort", Weak},
		{"Sommar26!", Weak},            // 9 characters
		{"aaaaaaaaaaaaaaaaaaaa", Weak}, // long but one character
		{"abababababababab", Weak},     // two characters
		{"sommarlov1", Fair},           // 10
		{"blåbärssylt", Fair},          // 11, åäö count as letters
		{"Sommarlov2026", Strong},      // 13, three kinds
		{"Blåbär&sylt", Fair},          // 11, three kinds but short
		{"fyra ord i rad här", Strong}, // 18
		{"åäöåäöåäöåäöåäöå", Weak},     // 16 but three different characters
		{"hästen äter hö", Fair},       // 14, two kinds
	}
	for _, tt := range tests {
		t.Run(tt.p, func(t *testing.T) {
			if got := PassphraseStrength(tt.p); got != tt.want {
				t.Errorf("PassphraseStrength(%q) = %d, want %d", tt.p, got, tt.want)
			}
		})
	}
}

func TestMessageKeys(t *testing.T) {
	keys := []string{Weak.MessageKey(), Fair.MessageKey(), Strong.MessageKey(), MessageKey(errors.New("other"))}
	for _, m := range messageKeys {
		keys = append(keys, m.key)
	}
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		l := i18n.New(lang)
		for _, k := range keys {
			if !l.Has(k) {
				t.Errorf("%v: no message %q", lang, k)
			}
		}
	}
	tests := []struct {
		err  error
		want string
	}{
		{ErrWrongPassphrase, "identity.err.wrong_passphrase"},
		{&os.PathError{Op: "open", Path: "x", Err: os.ErrNotExist}, "identity.err.not_found"},
		{errors.Join(errors.New("load identity"), ErrNotIdentity), "identity.err.not_identity"},
		{errors.New("disk"), "identity.err.other"},
	}
	for _, tt := range tests {
		if got := MessageKey(tt.err); got != tt.want {
			t.Errorf("MessageKey(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.p12"), "x"); MessageKey(err) != "identity.err.not_found" {
		t.Errorf("Load of a missing file maps to %q", MessageKey(err))
	}
}

func TestIsCA(t *testing.T) {
	ca := newCA(t)
	id := newIdentity(t, official)
	tests := []struct {
		name string
		c    *x509.Certificate
		want bool
	}{
		{"signing CA", ca.Cert, true},
		{"official", id.Cert, false},
		{"CA without key usage", &x509.Certificate{BasicConstraintsValid: true, IsCA: true}, true},
		{"CA flag, but may only sign documents", &x509.Certificate{BasicConstraintsValid: true, IsCA: true, KeyUsage: x509.KeyUsageDigitalSignature}, false},
		{"no basic constraints", &x509.Certificate{KeyUsage: x509.KeyUsageCertSign}, false},
	}
	for _, tt := range tests {
		if got := IsCA(tt.c); got != tt.want {
			t.Errorf("%s: IsCA %v, want %v", tt.name, got, tt.want)
		}
	}
}
