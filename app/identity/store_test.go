package identity

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"software.sslmate.com/src/go-pkcs12"
)

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
