package identity

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"

	"software.sslmate.com/src/go-pkcs12"
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

func certPool(certs ...*x509.Certificate) *x509.CertPool {
	p := x509.NewCertPool()
	for _, c := range certs {
		p.AddCert(c)
	}
	return p
}

func TestRequestIssueAccept(t *testing.T) {
	ca := newCA(t)
	tests := []struct {
		name      string
		board     string
		wantBoard string
	}{
		{"board from coordinator", "Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden"},
		{"board from request", "", official.Board},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := issued(t, ca, official, tt.board)
			leaf := id.Cert
			if IsSelfIssued(id) {
				t.Error("still self-issued after Accept")
			}
			if len(id.Chain) != 1 || !id.Chain[0].Equal(ca.Cert) {
				t.Fatalf("chain %v: want the CA", id.Chain)
			}
			want := official
			want.Board = tt.wantBoard
			if got := SubjectOf(leaf); got != want {
				t.Errorf("issued subject %+v, want %+v", got, want)
			}
			if !bytes.Equal(leaf.AuthorityKeyId, ca.Cert.SubjectKeyId) {
				t.Errorf("AKI %x, CA SKI %x", leaf.AuthorityKeyId, ca.Cert.SubjectKeyId)
			}
			if leaf.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment {
				t.Errorf("KeyUsage = %b", leaf.KeyUsage)
			}
			// The CRL distribution point names the CA's directory entry, no URL that
			// pdfsign would fetch while signing.
			if _, ok := extension(leaf, oidCRLDistributionPoints); !ok || len(leaf.CRLDistributionPoints) != 0 {
				t.Errorf("CRL distribution point present %v, URLs %v: want present without URL", ok, leaf.CRLDistributionPoints)
			}
			chains, err := leaf.Verify(x509.VerifyOptions{
				Roots:       certPool(ca.Cert),
				CurrentTime: testNow,
				KeyUsages:   []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
			})
			if err != nil || len(chains) != 1 || len(chains[0]) != 2 {
				t.Fatalf("Verify against the CA: chains %d, err %v", len(chains), err)
			}
			if _, err := leaf.Verify(x509.VerifyOptions{Roots: certPool(newCA(t).Cert), CurrentTime: testNow}); err == nil {
				t.Error("leaf verifies against a foreign CA")
			}
			// The accepted identity keeps its chain through a file.
			back, err := Decode(mustEncode(t, id, "en lång lösenfras"), "en lång lösenfras")
			if err != nil {
				t.Fatal(err)
			}
			if !back.Cert.Equal(leaf) || len(back.Chain) != 1 || !back.Chain[0].Equal(ca.Cert) {
				t.Error("chain lost in Encode/Decode")
			}
		})
	}
}

func TestIssueLimits(t *testing.T) {
	ca := newCA(t)
	id := newIdentity(t, official)
	reqPEM, err := Request(id)
	if err != nil {
		t.Fatal(err)
	}
	req, err := ParseRequest(reqPEM)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := Issue(ca, req, "", testNow, 50*year)
	if err != nil {
		t.Fatal(err)
	}
	if !leaf.NotAfter.Equal(ca.Cert.NotAfter) {
		t.Errorf("leaf NotAfter %v outlives CA %v", leaf.NotAfter, ca.Cert.NotAfter)
	}

	weakKey, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	weakDER, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: "Svag"}}, weakKey)
	if err != nil {
		t.Fatal(err)
	}
	weakReq, err := x509.ParseCertificateRequest(weakDER)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		ca       *Identity
		req      *x509.CertificateRequest
		validity time.Duration
		want     error
	}{
		{"issuer not a CA", id, req, year, ErrNotCA},
		{"weak key", ca, weakReq, year, ErrUnsupportedKey},
		{"zero validity", ca, req, 0, ErrInvalidValidity},
		{"CA with wrong key", &Identity{Cert: ca.Cert, Key: id.Key}, req, year, ErrKeyMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Issue(tt.ca, tt.req, "", testNow, tt.validity); !errors.Is(err, tt.want) {
				t.Errorf("Issue: err %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseRequest(t *testing.T) {
	id := newIdentity(t, official)
	good, err := Request(id)
	if err != nil {
		t.Fatal(err)
	}
	req, err := ParseRequest(good)
	if err != nil {
		t.Fatalf("ParseRequest: %v", err)
	}
	if req.Subject.CommonName != official.Name || !slices.Equal(req.EmailAddresses, []string{official.Email}) ||
		!slices.Equal(req.Subject.OrganizationalUnit, []string{official.Board}) {
		t.Errorf("request carries %v %v", req.Subject, req.EmailAddresses)
	}
	if !samePublicKey(id.Key, &x509.Certificate{PublicKey: req.PublicKey}) {
		t.Error("request carries another key")
	}

	// Flip a bit in the signature (the last bytes of the DER) to break it.
	block, _ := pem.Decode(good)
	der := bytes.Clone(block.Bytes)
	der[len(der)-5] ^= 0x01
	tests := []struct {
		name string
		in   []byte
	}{
		{"garbage", []byte("not a request at all")},
		{"empty", nil},
		{"certificate instead", CertPEM(id.Cert)},
		{"broken signature", der},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseRequest(tt.in); !errors.Is(err, ErrNotRequest) {
				t.Errorf("ParseRequest: err %v, want ErrNotRequest", err)
			}
		})
	}
}

func TestAcceptRefuses(t *testing.T) {
	ca := newCA(t)
	id := newIdentity(t, official)
	other := newIdentity(t, Subject{Name: "Någon annan"})
	otherReq, err := Request(other)
	if err != nil {
		t.Fatal(err)
	}
	req, err := ParseRequest(otherReq)
	if err != nil {
		t.Fatal(err)
	}
	otherLeaf, err := Issue(ca, req, "Kulturnämnden", testNow, year)
	if err != nil {
		t.Fatal(err)
	}

	ownReq, err := Request(id)
	if err != nil {
		t.Fatal(err)
	}
	req, err = ParseRequest(ownReq)
	if err != nil {
		t.Fatal(err)
	}
	ownLeaf, err := Issue(ca, req, "", testNow, year)
	if err != nil {
		t.Fatal(err)
	}

	// A certificate for id's key that may only sign certificates.
	notSigning, err := create(&x509.Certificate{
		SerialNumber: ownLeaf.SerialNumber, Subject: pkix.Name{CommonName: "x"},
		NotBefore: testNow, NotAfter: testNow.Add(year),
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true, IsCA: true,
	}, ca.Cert, id.Key.Public(), ca.Key)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		pem  []byte
		want error
	}{
		{"another key", CertPEM(otherLeaf, ca.Cert), ErrKeyMismatch},
		{"only the CA", CertPEM(ca.Cert), ErrKeyMismatch},
		{"enclosed CA did not issue it", CertPEM(ownLeaf, newCA(t).Cert), ErrNotIssuer},
		{"not for signing", CertPEM(notSigning, ca.Cert), ErrNotForSigning},
		{"garbage", []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), ErrNoCertificate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := id.Cert
			if err := Accept(id, tt.pem); !errors.Is(err, tt.want) {
				t.Errorf("Accept: err %v, want %v", err, tt.want)
			}
			if id.Cert != before || len(id.Chain) != 0 {
				t.Error("refused answer changed the identity")
			}
		})
	}
	// Leaf after the CA and DER are fine too.
	if err := Accept(id, CertPEM(ca.Cert, ownLeaf)); err != nil || !id.Cert.Equal(ownLeaf) || !id.Chain[0].Equal(ca.Cert) {
		t.Errorf("Accept with CA first: err %v", err)
	}
}

func mustEncode(t *testing.T, id *Identity, pass string) []byte {
	t.Helper()
	p12, err := Encode(id, pass)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return p12
}

func TestEncodeDecode(t *testing.T) {
	id := newIdentity(t, official)
	ca := newCA(t)
	withChain := issued(t, ca, official, "")
	tests := []struct {
		name  string
		id    *Identity
		pass  string
		chain int
	}{
		{"ascii", id, "correct horse battery staple", 0},
		{"åäö", id, "Blåbär & smörgåsar i köket", 0},
		{"with chain", withChain, "lösenfras123", 1},
		{"CA", ca, "samordnarens lösenfras", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p12 := mustEncode(t, tt.id, tt.pass)
			back, err := Decode(p12, tt.pass)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !back.Cert.Equal(tt.id.Cert) || !samePublicKey(back.Key, tt.id.Cert) || len(back.Chain) != tt.chain {
				t.Errorf("round trip: cert equal %v, key matches %v, chain %d want %d",
					back.Cert.Equal(tt.id.Cert), samePublicKey(back.Key, tt.id.Cert), len(back.Chain), tt.chain)
			}
			if _, err := Decode(p12, tt.pass+"x"); !errors.Is(err, ErrWrongPassphrase) {
				t.Errorf("wrong passphrase: err %v, want ErrWrongPassphrase", err)
			}
			if _, err := Decode(p12, ""); !errors.Is(err, ErrWrongPassphrase) {
				t.Errorf("empty passphrase: err %v, want ErrWrongPassphrase", err)
			}
		})
	}
	if _, err := Encode(id, ""); !errors.Is(err, ErrEmptyPassphrase) {
		t.Errorf("Encode without passphrase: %v", err)
	}
	if _, err := Encode(&Identity{Cert: id.Cert, Key: ca.Key}, "lösenfras"); !errors.Is(err, ErrKeyMismatch) {
		t.Errorf("Encode with a foreign key: %v", err)
	}
}

func TestDecodeBroken(t *testing.T) {
	id := newIdentity(t, official)
	ca := newCA(t)
	good := mustEncode(t, id, "lösenfras")
	truncated := good[:len(good)/2]
	// A trust store holds certificates only: a PKCS#12 file, but no identity.
	certsOnly, err := pkcs12.Modern.EncodeTrustStore([]*x509.Certificate{id.Cert}, "lösenfras")
	if err != nil {
		t.Fatal(err)
	}
	// The key beside certificates that are not its own.
	foreign, err := pkcs12.Modern.Encode(id.Key, ca.Cert, nil, "lösenfras")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"garbage", []byte("det här är ingen p12-fil")},
		{"empty", nil},
		{"truncated", truncated},
		{"PEM certificate", CertPEM(id.Cert)},
		{"certificates only", certsOnly},
		{"key without its certificate", foreign},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.data, "lösenfras")
			if !errors.Is(err, ErrNotIdentity) {
				t.Errorf("Decode: err %v, want ErrNotIdentity", err)
			}
		})
	}
	// OpenSSL 1.0 wrote an åäö passphrase byte by byte.
	old, err := pkcs12.LegacyDES.Encode(id.Key, id.Cert, nil, bytewise("Blåbär"))
	if err != nil {
		t.Fatal(err)
	}
	if back, err := Decode(old, "Blåbär"); err != nil || !back.Cert.Equal(id.Cert) {
		t.Errorf("OpenSSL 1.0 passphrase encoding: %v", err)
	}
	if _, err := Decode(old, "Blåbärs"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("OpenSSL 1.0 file, wrong passphrase: %v", err)
	}
	// Tools that put the CA first: the leaf is the certificate of the key.
	caFirst, err := pkcs12.Modern.Encode(id.Key, ca.Cert, []*x509.Certificate{id.Cert}, "lösenfras")
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(caFirst, "lösenfras")
	if err != nil || !back.Cert.Equal(id.Cert) || len(back.Chain) != 1 || !back.Chain[0].Equal(ca.Cert) {
		t.Errorf("CA first: err %v", err)
	}
}

func TestSaveLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "handlingsplan")
	path := DefaultPath(dir)
	if filepath.Base(path) != "identity.p12" || filepath.Base(DefaultCAPath(dir)) != "signing-ca.p12" {
		t.Errorf("paths %s %s", path, DefaultCAPath(dir))
	}
	if _, err := Load(path, "x"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load missing: err %v, want os.ErrNotExist", err)
	}
	first := newIdentity(t, official)
	second := newIdentity(t, Subject{Name: "Bo Ek"})
	for _, id := range []*Identity{first, second} { // the second save replaces the first
		if err := Save(path, id, "lösenfrasen"); err != nil {
			t.Fatalf("Save: %v", err)
		}
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s mode %o, want %o", p, got, want)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only identity.p12 (temp file left?)", len(entries))
	}
	back, err := Load(path, "lösenfrasen")
	if err != nil || !back.Cert.Equal(second.Cert) {
		t.Fatalf("Load: err %v", err)
	}
	if _, err := Load(path, "fel"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("Load wrong passphrase: %v", err)
	}
	if err := Save(path, first, ""); !errors.Is(err, ErrEmptyPassphrase) {
		t.Errorf("Save without passphrase: %v", err)
	}
	if back, err := Load(path, "lösenfrasen"); err != nil || !back.Cert.Equal(second.Cert) {
		t.Error("failed Save changed the file")
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

// A certificate from the signing CA always names a board: the coordinator's choice, else the
// requested one; with neither, Issue refuses (the importer would have no board to check).
func TestIssueBoard(t *testing.T) {
	ca := newCA(t)
	tests := []struct {
		name      string
		requested string
		board     string
		want      string
		err       error
	}{
		{"requested board kept", "Socialnämnden", "", "Socialnämnden", nil},
		{"coordinator's board wins", "Socialnämnden", "Kommunstyrelsen", "Kommunstyrelsen", nil},
		{"coordinator names it", "", "Kulturnämnden", "Kulturnämnden", nil},
		{"no board at all", "", "", "", ErrNoBoard},
		{"only spaces", "  ", " ", "", ErrNoBoard},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := newIdentity(t, Subject{Name: "Bo Ek", Board: tt.requested})
			reqPEM, err := Request(id)
			if err != nil {
				t.Fatal(err)
			}
			req, err := ParseRequest(reqPEM)
			if err != nil {
				t.Fatal(err)
			}
			leaf, err := Issue(ca, req, tt.board, testNow, year)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Issue: err %v, want %v", err, tt.err)
			}
			if err == nil && SubjectOf(leaf).Board != tt.want {
				t.Errorf("board %q, want %q", SubjectOf(leaf).Board, tt.want)
			}
			if err != nil && MessageKey(err) != "identity.err.no_board" {
				t.Errorf("message key %q", MessageKey(err))
			}
		})
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
