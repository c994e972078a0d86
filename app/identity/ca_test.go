package identity

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"slices"
	"testing"
	"time"
)

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
