package submission

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// run runs an external tool with $HOME in dir (NSS and poppler must not touch the real one),
// skipping the test when the tool is not installed.
func run(t *testing.T, dir, name string, args ...string) (string, error) {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// newNSSDB makes an NSS database in dir trusting the given PEM certificates (none: empty).
func newNSSDB(t *testing.T, dir string, pems ...[]byte) string {
	t.Helper()
	db := filepath.Join(dir, "nss")
	if err := os.Mkdir(db, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, dir, "certutil", "-N", "-d", "sql:"+db, "--empty-password"); err != nil {
		t.Fatalf("certutil -N: %v\n%s", err, out)
	}
	for i, p := range pems {
		f := filepath.Join(dir, "ca"+string(rune('0'+i))+".pem")
		if err := os.WriteFile(f, p, 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := run(t, dir, "certutil", "-A", "-d", "sql:"+db, "-n", "ca"+string(rune('0'+i)), "-t", "C,C,C", "-i", f); err != nil {
			t.Fatalf("certutil -A: %v\n%s", err, out)
		}
	}
	return "sql:" + db
}

func TestExternalTools(t *testing.T) {
	fx := newFixture(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "inlamning.pdf")
	if err := os.WriteFile(out, fx.sealed, 0o600); err != nil {
		t.Fatal(err)
	}

	t.Run("pdfsig valid, whole document", func(t *testing.T) {
		got, err := run(t, dir, "pdfsig", "-nssdir", newNSSDB(t, t.TempDir()), out)
		if err != nil {
			t.Fatalf("%v\n%s", err, got)
		}
		for _, want := range []string{"Signature is Valid", "Total document signed", "Åsa Öberg"} {
			if !strings.Contains(got, want) {
				t.Errorf("pdfsig lacks %q:\n%s", want, got)
			}
		}
	})
	t.Run("pdfsig trusts the CA from an NSS database", func(t *testing.T) {
		ca := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: fx.ca.cert().Raw})
		got, err := run(t, dir, "pdfsig", "-nssdir", newNSSDB(t, t.TempDir(), ca), out)
		if err != nil {
			t.Fatalf("%v\n%s", err, got)
		}
		if !strings.Contains(got, "Certificate is Trusted") || !strings.Contains(got, "Signature is Valid") {
			t.Errorf("pdfsig:\n%s", got)
		}
	})
	t.Run("pdfsig sees a change", func(t *testing.T) {
		changed := filepath.Join(dir, "andrad.pdf")
		if err := os.WriteFile(changed, flipByte(fx.sealed, pageContent(t, fx.sealed).Start+5), 0o600); err != nil {
			t.Fatal(err)
		}
		got, _ := run(t, dir, "pdfsig", "-nssdir", newNSSDB(t, t.TempDir()), changed)
		if strings.Contains(got, "Signature is Valid") {
			t.Errorf("pdfsig accepts a changed file:\n%s", got)
		}
	})
	t.Run("qpdf check", func(t *testing.T) {
		got, err := run(t, dir, "qpdf", "--check", out)
		if err != nil || !strings.Contains(got, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(got), "warning") {
			t.Errorf("qpdf --check: %v\n%s", err, got)
		}
	})
	t.Run("qpdf reads the signer's name", func(t *testing.T) {
		got, err := run(t, dir, "qpdf", "--json=2", "--json-key=qpdf", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, got)
		}
		var doc any
		if err := json.Unmarshal([]byte(got), &doc); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{testSignInfo.Name, testSignInfo.Reason} {
			if !containsString(doc, "u:"+want) {
				t.Errorf("qpdf JSON lacks %q", want)
			}
		}
	})
	t.Run("pdftotext extracts the Swedish text", func(t *testing.T) {
		got, err := run(t, dir, "pdftotext", out, "-")
		if err != nil {
			t.Fatalf("%v\n%s", err, got)
		}
		for _, want := range reportLines[1:] {
			if !strings.Contains(got, want) {
				t.Errorf("pdftotext lacks %q:\n%s", want, got)
			}
		}
	})
	t.Run("pdfinfo shows the document info", func(t *testing.T) {
		got, err := run(t, dir, "pdfinfo", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, got)
		}
		for _, want := range []string{"Handlingsplan 2027 – Socialnämnden", "Åsa Öberg", "Informationssäkerhet"} {
			if !strings.Contains(got, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, got)
			}
		}
	})
}

// pdfcpu, an independent reader, extracts the same payload bytes as Verify.
func TestPdfcpuExtractsSamePayload(t *testing.T) {
	fx := newFixture(t)
	disableConfigDir()
	aa, err := api.ExtractAttachmentsRaw(bytes.NewReader(fx.sealed), "", []string{AttachmentName}, nil)
	if err != nil || len(aa) != 1 {
		t.Fatalf("%d attachments, %v", len(aa), err)
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(aa[0]); err != nil {
		t.Fatal(err)
	}
	r := Verify(fx.sealed, fx.trust, time.Now())
	if !bytes.Equal(b.Bytes(), r.PayloadJSON) || len(r.PayloadJSON) == 0 {
		t.Errorf("pdfcpu extracted %d bytes, Verify %d", b.Len(), len(r.PayloadJSON))
	}
}

func containsString(v any, s string) bool {
	switch x := v.(type) {
	case string:
		return x == s
	case []any:
		for _, e := range x {
			if containsString(e, s) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if containsString(e, s) {
				return true
			}
		}
	}
	return false
}

// disableConfigDir keeps pdfcpu from writing a configuration directory in $HOME. pdfcpu reads
// the setting unguarded, so it is set once.
var disableConfigDir = sync.OnceFunc(api.DisableConfigDir)
