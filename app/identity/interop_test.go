package identity

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
)

// These tests check our files against the tools the other side uses: openssl (an
// organisation's PKI), NSS certutil and poppler's pdfsig (how a signed plan is checked).
// Each is skipped when its tool is not installed.

func needTool(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("%s not installed", n)
		}
	}
}

// run runs a tool with a private HOME, the passphrase in $PW (never on the command line, so
// åäö pass unmangled), and returns its combined output.
func run(t *testing.T, pass string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "PW="+pass, "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenSSLReadsOurFiles(t *testing.T) {
	needTool(t, "openssl")
	dir := t.TempDir()
	ca := newCA(t)
	id := issued(t, ca, official, "")
	self := newIdentity(t, official)
	caPEM := writeFile(t, dir, "ca.pem", CertPEM(ca.Cert))
	leafPEM := writeFile(t, dir, "leaf.pem", CertPEM(id.Cert))
	selfPEM := writeFile(t, dir, "self.pem", CertPEM(self.Cert))

	for _, tt := range []struct {
		name  string
		id    *Identity
		pass  string
		certs int
	}{
		{"issued with chain, åäö passphrase", id, "Blåbär på ängen i år", 2},
		{"self-issued", self, "correct horse battery", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p12 := writeFile(t, dir, "id.p12", mustEncode(t, tt.id, tt.pass))
			out, err := run(t, tt.pass, "openssl", "pkcs12", "-in", p12, "-nokeys", "-passin", "env:PW")
			if err != nil {
				t.Fatalf("openssl pkcs12 -nokeys: %v\n%s", err, out)
			}
			if n := strings.Count(out, "BEGIN CERTIFICATE"); n != tt.certs {
				t.Errorf("openssl read %d certificates, want %d:\n%s", n, tt.certs, out)
			}
			certs, err := ParseCerts([]byte(out))
			if err != nil || !certs[0].Equal(tt.id.Cert) {
				t.Errorf("openssl's first certificate is not the leaf (err %v)", err)
			}
			out, err = run(t, tt.pass, "openssl", "pkcs12", "-in", p12, "-nocerts", "-nodes", "-passin", "env:PW")
			if err != nil || !strings.Contains(out, "PRIVATE KEY-----") {
				t.Errorf("openssl pkcs12 -nocerts: %v\n%s", err, out)
			}
			if out, err := run(t, tt.pass+"x", "openssl", "pkcs12", "-in", p12, "-nokeys", "-passin", "env:PW"); err == nil {
				t.Errorf("openssl accepted a wrong passphrase:\n%s", out)
			}
		})
	}

	verify := []struct {
		name   string
		args   []string
		wantOK bool
	}{
		{"issued leaf", []string{"-CAfile", caPEM, leafPEM}, true},
		{"issued leaf for S/MIME signing", []string{"-purpose", "smimesign", "-CAfile", caPEM, leafPEM}, true},
		{"self-issued leaf against the CA", []string{"-CAfile", caPEM, selfPEM}, false},
		{"issued leaf against a foreign CA", []string{"-CAfile", selfPEM, leafPEM}, false},
	}
	for _, tt := range verify {
		t.Run("verify "+tt.name, func(t *testing.T) {
			// Pin the time: the certificates are made for testNow.
			args := append([]string{"verify", "-attime", fmt.Sprint(testNow.Unix())}, tt.args...)
			out, err := run(t, "", "openssl", args...)
			ok := err == nil && strings.Contains(out, ": OK")
			if ok != tt.wantOK {
				t.Errorf("openssl verify ok=%v, want %v:\n%s", ok, tt.wantOK, out)
			}
		})
	}

	t.Run("fingerprint", func(t *testing.T) {
		out, err := run(t, "", "openssl", "x509", "-in", leafPEM, "-noout", "-fingerprint", "-sha256")
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		_, hexColons, _ := strings.Cut(strings.TrimSpace(out), "=")
		want := strings.ReplaceAll(hexColons, ":", "")
		if got := strings.ReplaceAll(GroupedFingerprint(id.Cert), " ", ""); got != want {
			t.Errorf("fingerprint %s, openssl says %s", got, want)
		}
	})

	t.Run("request", func(t *testing.T) {
		req, err := Request(self)
		if err != nil {
			t.Fatal(err)
		}
		out, err := run(t, "", "openssl", "req", "-in", writeFile(t, dir, "req.pem", req), "-verify", "-noout", "-subject", "-nameopt", "utf8")
		if err != nil || !strings.Contains(out, "verify OK") || !strings.Contains(out, official.Board) {
			t.Errorf("openssl req -verify: %v\n%s", err, out)
		}
	})
}

func TestDecodeOpenSSLFiles(t *testing.T) {
	needTool(t, "openssl")
	dir := t.TempDir()
	ca := newCA(t)
	id := issued(t, ca, official, "")
	keyDER, err := x509.MarshalPKCS8PrivateKey(id.Key)
	if err != nil {
		t.Fatal(err)
	}
	keyPEM := writeFile(t, dir, "key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
	leafPEM := writeFile(t, dir, "leaf.pem", CertPEM(id.Cert))
	caPEM := writeFile(t, dir, "ca.pem", CertPEM(ca.Cert))
	const pass = "Lösenord för Örebro kommun"

	tests := []struct {
		name  string
		flags []string
		chain int
	}{
		{"OpenSSL 3 default (AES, PBKDF2)", nil, 1},
		{"3DES", []string{"-descert"}, 1},
		{"legacy RC2-40 and 3DES", []string{"-legacy"}, 1},
		{"leaf only", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "openssl.p12")
			args := []string{"pkcs12", "-export", "-inkey", keyPEM, "-in", leafPEM, "-out", out, "-passout", "env:PW", "-name", "Åsa"}
			if tt.chain > 0 {
				args = append(args, "-certfile", caPEM)
			}
			if msg, err := run(t, pass, "openssl", append(args, tt.flags...)...); err != nil {
				t.Skipf("this openssl cannot write the format: %v\n%s", err, msg)
			}
			p12, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Decode(p12, pass)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !back.Cert.Equal(id.Cert) || !samePublicKey(back.Key, id.Cert) || len(back.Chain) != tt.chain {
				t.Errorf("decoded cert equal %v, chain %d want %d", back.Cert.Equal(id.Cert), len(back.Chain), tt.chain)
			}
			if _, err := Decode(p12, "Lösenord för Orebro kommun"); !errors.Is(err, ErrWrongPassphrase) {
				t.Errorf("wrong passphrase: %v", err)
			}
		})
	}

	t.Run("openssl request issued by our CA", func(t *testing.T) {
		reqPath := filepath.Join(dir, "req.pem")
		msg, err := run(t, "", "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
			"-keyout", filepath.Join(dir, "ec.pem"), "-out", reqPath, "-subj", "/CN=Per Persson/OU=Tekniska nämnden", "-utf8")
		if err != nil {
			t.Fatalf("openssl req: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(reqPath)
		if err != nil {
			t.Fatal(err)
		}
		req, err := ParseRequest(data)
		if err != nil {
			t.Fatalf("ParseRequest: %v", err)
		}
		leaf, err := Issue(ca, req, "", testNow, year)
		if err != nil {
			t.Fatalf("Issue: %v", err)
		}
		if s := SubjectOf(leaf); s.Name != "Per Persson" || s.Board != "Tekniska nämnden" || s.Kommun != "Exempels kommun" {
			t.Errorf("issued subject %+v", s)
		}
	})
}

// minimalPDF is a one-page PDF with a classic xref table, enough for pdfsign and pdfsig.
func minimalPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> >>",
		"<< /Title (Handlingsplan) /Producer (test) >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func signPDF(t *testing.T, id *Identity) []byte {
	t.Helper()
	in := minimalPDF()
	rdr, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = sign.Sign(bytes.NewReader(in), &out, rdr, int64(len(in)), sign.SignData{
		Signature: sign.SignDataSignature{
			Info:     sign.SignDataSignatureInfo{Name: "Asa Oberg", Reason: "test", Date: time.Now()},
			CertType: sign.ApprovalSignature,
		},
		Signer:            id.Key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       id.Cert,
		CertificateChains: [][]*x509.Certificate{append([]*x509.Certificate{id.Cert}, id.Chain...)},
	})
	if err != nil {
		t.Fatalf("pdfsign: %v", err)
	}
	return out.Bytes()
}

// TestPdfsigTrust signs a PDF with an identity and asks poppler whether it trusts the signer
// with the kommun CA (or the approved self-issued certificate) in an NSS database.
func TestPdfsigTrust(t *testing.T) {
	needTool(t, "pdfsig", "certutil")
	ca := newCA(t)
	id := issued(t, ca, official, "")
	self := newIdentity(t, official)
	tests := []struct {
		name        string
		signer      *Identity
		trust       *x509.Certificate // put in the NSS database
		trustFlags  string
		wantTrusted bool
	}{
		{"issued, CA trusted", id, ca.Cert, "C,C,C", true},
		{"self-issued, approved as peer", self, self.Cert, "P,P,P", true},
		{"issued, CA unknown", id, self.Cert, "P,P,P", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "nss")
			if err := os.Mkdir(db, 0o700); err != nil {
				t.Fatal(err)
			}
			if out, err := run(t, "", "certutil", "-N", "-d", "sql:"+db, "--empty-password"); err != nil {
				t.Fatalf("certutil -N: %v\n%s", err, out)
			}
			certFile := writeFile(t, dir, "trust.cer", CertDER(tt.trust))
			if out, err := run(t, "", "certutil", "-A", "-d", "sql:"+db, "-n", "trusted", "-t", tt.trustFlags, "-i", certFile); err != nil {
				t.Fatalf("certutil -A: %v\n%s", err, out)
			}
			signed := writeFile(t, dir, "signed.pdf", signPDF(t, tt.signer))
			out, _ := run(t, "", "pdfsig", "-nssdir", "sql:"+db, "-no-ocsp", signed)
			if !strings.Contains(out, "Signature is Valid") {
				t.Errorf("pdfsig does not find the signature valid:\n%s", out)
			}
			if got := strings.Contains(out, "Certificate is Trusted"); got != tt.wantTrusted {
				t.Errorf("pdfsig trusted=%v, want %v:\n%s", got, tt.wantTrusted, out)
			}
		})
	}
}
