package identity

import (
	"encoding/asn1"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// Issue 13, item 5: a new or re-saved identity derives its keys with PBKDF2-HMAC-SHA256 and at
// least 100 000 iterations (KDFIterations); a file made with fewer, as earlier versions wrote
// them, still opens, and saving it again raises the count.
func TestKDFIterations(t *testing.T) {
	if KDFIterations < 100_000 {
		t.Fatalf("KDFIterations = %d, the README promises at least 100 000", KDFIterations)
	}
	id, err := New(Subject{Name: "Åsa Öberg", Email: "asa@exempelby.se"}, time.Now(), 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	const pass = "en lång och säker lösenfras"
	dir := t.TempDir()
	path := filepath.Join(dir, "ny.p12")
	if err := Save(path, id, pass); err != nil {
		t.Fatal(err)
	}
	p12 := readFile(t, path)
	if n, err := iterations(p12); err != nil || n != KDFIterations {
		t.Errorf("new identity: %d iterations (%v), want %d", n, err, KDFIterations)
	}
	// openssl, where installed, reads the same counts and that the KDF is PBKDF2 with SHA-256.
	if _, err := exec.LookPath("openssl"); err == nil {
		out, err := run(t, pass, "openssl", "pkcs12", "-in", path, "-info", "-noout", "-passin", "env:PW")
		if err != nil {
			t.Fatalf("openssl pkcs12 -info: %v\n%s", err, out)
		}
		counts := regexp.MustCompile(`Iteration (\d+)`).FindAllStringSubmatch(out, -1)
		if len(counts) < 2 || !regexp.MustCompile(`PBKDF2, AES-256-CBC.*PRF hmacWithSHA256`).MatchString(out) {
			t.Errorf("openssl -info:\n%s", out)
		}
		for _, c := range counts {
			if n, _ := strconv.Atoi(c[1]); n != KDFIterations {
				t.Errorf("openssl reads %s iterations, want %d", c[1], KDFIterations)
			}
		}
	}

	// A file of an earlier version (2048 iterations) opens, and Save writes it anew.
	old, err := pkcs12.Modern2023.Encode(id.Key, id.Cert, nil, pass)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := iterations(old); n != 2048 {
		t.Fatalf("old file: %d iterations", n)
	}
	back, err := Decode(old, pass)
	if err != nil {
		t.Fatalf("an earlier version's file does not open: %v", err)
	}
	resaved := filepath.Join(dir, "sparad-igen.p12")
	if err := Save(resaved, back, pass); err != nil {
		t.Fatal(err)
	}
	if n, _ := iterations(readFile(t, resaved)); n != KDFIterations {
		t.Errorf("re-saved: %d iterations, want %d", n, KDFIterations)
	}
}

// A file that asks for more iterations than MaxKDFIterations is refused at once, before any
// key derivation, wherever it asks: in the MAC or in an encrypted part's PBKDF2 parameters.
func TestKDFIterationsBounded(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 40)
	type macData struct {
		Mac        asn1.RawValue
		MacSalt    []byte
		Iterations *big.Int
	}
	digestInfo, _ := asn1.Marshal(struct{ A, B int }{1, 2})
	pbkdf2Params, _ := asn1.Marshal(struct {
		Salt       []byte
		Iterations *big.Int
	}{[]byte("saltsalt"), huge})
	alg, _ := asn1.Marshal(struct {
		Alg    asn1.ObjectIdentifier
		Params asn1.RawValue
	}{oidPBKDF2, asn1.RawValue{FullBytes: pbkdf2Params}})
	inner, _ := asn1.Marshal(asn1.RawValue{Tag: asn1.TagOctetString, Bytes: alg})
	authSafe, _ := asn1.Marshal(struct {
		Type    asn1.ObjectIdentifier
		Content asn1.RawValue `asn1:"explicit,tag:0"`
	}{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}, asn1.RawValue{FullBytes: inner}})
	files := map[string][]byte{}
	files["MAC"], _ = asn1.Marshal(struct {
		Version  int
		AuthSafe asn1.RawValue
		MacData  macData
	}{3, asn1.RawValue{FullBytes: authSafe}, macData{asn1.RawValue{FullBytes: digestInfo}, []byte("salt"), huge}})
	files["PBKDF2"], _ = asn1.Marshal(struct {
		Version  int
		AuthSafe asn1.RawValue
		MacData  macData
	}{3, asn1.RawValue{FullBytes: authSafe}, macData{asn1.RawValue{FullBytes: digestInfo}, []byte("salt"), big.NewInt(2048)}})
	for name, der := range files {
		_, err := Decode(der, "lösenfras")
		if !errors.Is(err, ErrNotIdentity) {
			t.Errorf("%s: %v, want ErrNotIdentity", name, err)
		}
		if n, _ := iterations(der); n <= MaxKDFIterations {
			t.Errorf("%s: iterations read as %d", name, n)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
