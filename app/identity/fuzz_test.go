package identity

import (
	"crypto/x509"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"handlingsplan/app/pdftest"
)

// FuzzDecode: an identity file from anywhere (an organisation's PKI, a colleague, an attacker)
// is answered with an identity whose key matches its certificate, or with one of the errors
// the user is told about in a sentence; never a panic, never work without bound.
//
//	go test -run '^$' -fuzz FuzzDecode -fuzztime 5m ./app/identity
func FuzzDecode(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "fuzz-seeds", "*.p12"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seeds in testdata/fuzz-seeds (make them with -update-p12-seeds): %v", err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, p12 []byte) {
		// A file may ask for up to MaxKDFIterations: seconds of PBKDF2 that tell the fuzzer
		// nothing (TestKDFIterationsBounded checks the bound itself); such inputs are skipped.
		if n, err := iterations(p12); err == nil && n > 4096 {
			t.Skip("key derivation of more than 4096 iterations")
		}
		var id *Identity
		var err error
		// The iteration bound keeps the key derivation (the real cost) to what the seeds ask.
		alloc := pdftest.Allocated(func() { id, err = Decode(p12, fuzzPassphrase) })
		if alloc > 64<<20 {
			t.Fatalf("Decode allocated %d MB on %d bytes", alloc>>20, len(p12))
		}
		if err != nil {
			if !errors.Is(err, ErrNotIdentity) && !errors.Is(err, ErrWrongPassphrase) {
				t.Fatalf("error the user is not told about in a sentence: %v", err)
			}
			if MessageKey(err) == "identity.err.other" {
				t.Fatalf("no sentence for %v", err)
			}
			return
		}
		if id.Cert == nil || id.Key == nil || !samePublicKey(id.Key, id.Cert) {
			t.Fatal("an identity whose key does not match its certificate")
		}
	})
}

// fuzzPassphrase opens the seeds.
const fuzzPassphrase = "fuzz-lösenfras-åäö"

var updateP12Seeds = flag.Bool("update-p12-seeds", false, "make testdata/fuzz-seeds again")

// The seeds: identities in each format the app reads, with few iterations so that the fuzzer
// spends its time on parsing, not on PBKDF2.
func TestP12Seeds(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz-seeds")
	if *updateP12Seeds {
		os.MkdirAll(dir, 0o755)
		now := time.Now()
		self, err := New(Subject{Name: "Åsa Öberg", Email: "asa@exempelby.se", Board: "Socialnämnden"}, now, 100*365*24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		ca, err := NewCA("Exempelby signerings-CA", "Exempelby kommun", now, 100*365*24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		req, err := Request(self)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseRequest(req)
		if err != nil {
			t.Fatal(err)
		}
		leaf, err := Issue(ca, r, "Socialnämnden", now, 50*365*24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		write := func(name string, enc *pkcs12.Encoder, id *Identity, chain []*x509.Certificate) {
			b, err := enc.Encode(id.Key, id.Cert, chain, fuzzPassphrase)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, name), b, 0o644)
		}
		write("modern-self.p12", pkcs12.Modern2023.WithIterations(1), self, nil)
		write("modern-chain.p12", pkcs12.Modern2023.WithIterations(2), &Identity{Cert: leaf, Key: self.Key}, []*x509.Certificate{ca.Cert})
		write("legacy-des.p12", pkcs12.LegacyDES.WithIterations(1), self, nil)
		write("legacy-rc2.p12", pkcs12.LegacyRC2.WithIterations(1), self, nil)
		write("pbmac1.p12", pkcs12.Modern2026.WithIterations(1), self, nil)
	}
	seeds, _ := filepath.Glob(filepath.Join(dir, "*.p12"))
	if len(seeds) < 5 {
		t.Fatalf("%d seeds", len(seeds))
	}
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		if _, err := Decode(b, fuzzPassphrase); err != nil {
			t.Errorf("%s: %v", filepath.Base(s), err)
		}
	}
}
