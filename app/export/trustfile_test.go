package export

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
)

// caIssuedOfficial is an official whose certificate a CA issued, and the CA.
func caIssuedOfficial(t *testing.T, name string) (*identity.Identity, *identity.Identity) {
	t.Helper()
	ca, err := identity.NewCA("Exempelby signerings-CA", "Exempelby kommun", time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	off, err := identity.New(identity.Subject{Name: name, Board: "Socialnämnden"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	reqPEM, err := identity.Request(off)
	if err != nil {
		t.Fatal(err)
	}
	req, err := identity.ParseRequest(reqPEM)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := identity.Issue(ca, req, "", time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	off.Cert, off.Chain = cert, []*x509.Certificate{ca.Cert}
	return off, ca
}

// The certificate file an official sends the coordinator holds the official's certificate
// only: adding it to the trust list must not trust the CA that issued it.
func TestCertFileBytesLeafOnly(t *testing.T) {
	off, ca := caIssuedOfficial(t, "Anna Ström")
	tests := []struct {
		name string
		opts []CertFileOption
		want []*x509.Certificate
	}{
		{"anna.pem", nil, []*x509.Certificate{off.Cert}},
		{"anna.cer", nil, []*x509.Certificate{off.Cert}},
		{"ANNA.CRT", nil, []*x509.Certificate{off.Cert}},
		{"anna.pem", []CertFileOption{WithChain()}, []*x509.Certificate{off.Cert, ca.Cert}},
		{"anna.cer", []CertFileOption{WithChain()}, []*x509.Certificate{off.Cert, ca.Cert}},
	}
	for _, tt := range tests {
		b := CertFileBytes(tt.name, off.Cert, off.Chain, tt.opts...)
		got, err := identity.ParseCerts(b)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s with %d options: %d certificates, want %d", tt.name, len(tt.opts), len(got), len(tt.want))
			continue
		}
		for i := range got {
			if !got[i].Equal(tt.want[i]) {
				t.Errorf("%s: certificate %d is %s", tt.name, i, got[i].Subject)
			}
		}
	}
}

// verify --trust reads one official's file as that official, a file of CA certificates as CAs.
func TestLoadTrustConservative(t *testing.T) {
	off, ca := caIssuedOfficial(t, "Anna Ström")
	other, otherCA := caIssuedOfficial(t, "Bo Ek")
	dir := t.TempDir()
	files := map[string][]byte{
		"anna-med-ca.pem": identity.CertPEM(off.Cert, ca.Cert),
		"ca.pem":          identity.CertPEM(ca.Cert),
		"ca-bundle.pem":   identity.CertPEM(ca.Cert, otherCA.Cert),
		"bo.cer":          identity.CertDER(other.Cert),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		files          []string
		roots, signers []*x509.Certificate
	}{
		{[]string{"anna-med-ca.pem"}, nil, []*x509.Certificate{off.Cert}},
		{[]string{"ca.pem"}, []*x509.Certificate{ca.Cert}, nil},
		{[]string{"ca-bundle.pem"}, []*x509.Certificate{ca.Cert, otherCA.Cert}, nil},
		{[]string{"bo.cer", "anna-med-ca.pem"}, nil, []*x509.Certificate{other.Cert, off.Cert}},
	}
	same := func(a, b []*x509.Certificate) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !a[i].Equal(b[i]) {
				return false
			}
		}
		return true
	}
	for _, tt := range tests {
		var paths []string
		for _, f := range tt.files {
			paths = append(paths, filepath.Join(dir, f))
		}
		tr, err := LoadTrust(paths)
		if err != nil {
			t.Fatalf("%v: %v", tt.files, err)
		}
		if !same(tr.Roots, tt.roots) || !same(tr.Signers, tt.signers) {
			t.Errorf("%v: %d roots, %d signers; want %d, %d", tt.files, len(tr.Roots), len(tr.Signers), len(tt.roots), len(tt.signers))
		}
	}
	// A file that is not a certificate file at all.
	if _, err := LoadTrust([]string{dir}); !errors.Is(err, submission.ErrNotRegular) {
		t.Errorf("folder as trust file: %v", err)
	}
}
