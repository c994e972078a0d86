package pdfsign

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"testing"
	"time"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdftest"
)

// signer makes a key and a self-issued certificate valid from notBefore for a day.
func signer(t *testing.T, name string, notBefore time.Time) (*ecdsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key, certFor(t, key, name, notBefore)
}

func certFor(t *testing.T, key *ecdsa.PrivateKey, name string, notBefore time.Time) *x509.Certificate {
	t.Helper()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: name},
		NotBefore: notBefore, NotAfter: notBefore.Add(24 * time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

var unsigned = pdftest.Build(map[int]string{
	1: "<</Type/Catalog/Pages 2 0 R>>",
	2: "<</Type/Pages/Kids[3 0 R]/Count 1>>",
	3: "<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
}, "")

// The one signature: pdfread finds it, Check verifies it, pdfsig says it is valid and covers
// the whole file, and any changed byte of the signed part is found.
func TestSignAndCheck(t *testing.T) {
	now := time.Now()
	key, cert := signer(t, "Åsa Öberg (samordnare)", now.Add(-time.Hour))
	out, err := Sign(unsigned, key, []*x509.Certificate{cert}, Info{Name: "Åsa Öberg (samordnare)", Reason: "Rapport (2027)", Time: now})
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Check(t, out, pdftest.Want{Signed: true})
	f, err := pdfread.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	dicts, err := f.Signatures()
	if err != nil || len(dicts) != 1 {
		t.Fatalf("%d signatures, %v", len(dicts), err)
	}
	if got := dicts[0]["Reason"].(pdfread.String).Text(); got != "Rapport (2027)" {
		t.Errorf("/Reason %q", got)
	}
	sig, err := FromDict(out, dicts[0])
	if err != nil {
		t.Fatal(err)
	}
	if sig.SignedEnd() != len(out) {
		t.Errorf("signature covers %d of %d bytes", sig.SignedEnd(), len(out))
	}
	p7, err := sig.Check(out)
	if err != nil || !p7.GetOnlySigner().Equal(cert) {
		t.Fatalf("check: %v", err)
	}
	if scanned := Scan(out); len(scanned) != 1 || scanned[0].A != sig.A {
		t.Errorf("Scan found %v", scanned)
	}
	changed := bytes.Clone(out)
	changed[10] ^= 1 // in the page tree, inside the signed bytes
	if _, err := sig.Check(changed); !errors.Is(err, ErrTampered) {
		t.Errorf("changed byte: %v", err)
	}
}

func TestSignRefuses(t *testing.T) {
	now := time.Now()
	key, cert := signer(t, "Bo Ek", now.Add(-time.Hour))
	other, _ := signer(t, "Någon annan", now.Add(-time.Hour))
	old := certFor(t, key, "Bo Ek", now.Add(-72*time.Hour))
	tests := []struct {
		name  string
		key   *ecdsa.PrivateKey
		chain []*x509.Certificate
		at    time.Time
		is    error
	}{
		{"no certificate", key, nil, now, nil},
		{"key of another", other, []*x509.Certificate{cert}, now, nil},
		{"expired", key, []*x509.Certificate{old}, now, ErrCertNotValid},
		{"not yet valid", key, []*x509.Certificate{cert}, now.Add(-2 * time.Hour), ErrCertNotValid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Sign(unsigned, tc.key, tc.chain, Info{Time: tc.at})
			if err == nil || tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v, want %v", err, tc.is)
			}
		})
	}
	if _, err := Sign([]byte("%PDF-1.7\nbroken"), key, []*x509.Certificate{cert}, Info{}); err == nil {
		t.Error("a broken file was signed")
	}
}
