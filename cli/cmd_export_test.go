package cli

import (
	"bytes"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func writeCLIFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// execCLI runs one of this file's commands (or, for others, main's run) with its arguments.
func execCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	var code int
	switch args[0] {
	case "identity":
		code = runIdentity(args[1:], &out, &errOut)
	case "export":
		code = runExport(args[1:], &out, &errOut)
	case "verify":
		code = runVerify(args[1:], &out, &errOut)
	default:
		code = Run(args, &out, &errOut)
	}
	return code, out.String(), errOut.String()
}

func TestCLIIdentityExportVerify(t *testing.T) {
	dir := t.TempDir()
	pass := writeCLIFile(t, filepath.Join(dir, "pass.txt"), "en lång och säker lösenfras\r\n")
	wrong := writeCLIFile(t, filepath.Join(dir, "wrong.txt"), "en helt annan lösenfras\n")
	weak := writeCLIFile(t, filepath.Join(dir, "weak.txt"), "kort\n")
	empty := writeCLIFile(t, filepath.Join(dir, "empty.txt"), "\n")
	idFile := filepath.Join(dir, "id.p12")
	db := filepath.Join(dir, "plan.db")
	out := filepath.Join(dir, "Handlingsplan 2027 Socialnämnden v1.pdf")
	cert := filepath.Join(dir, "signer.pem")
	name := `Åsa Öberg-Čapek (t.f.) \ test`

	if code, _, errOut := execCLI("demo", "--db", db, "--year", "2026"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}

	steps := []struct {
		name    string
		args    []string
		code    int
		out     string // substring of stdout
		errOut  string // substring of stderr
		noFiles []string
	}{
		{"identity usage", []string{"identity"}, 2, "", "Användning: handlingsplan identity", nil},
		{"new without name", []string{"identity", "new", "--email", "a@b.se", "--out", idFile, "--passphrase-file", pass}, 2, "", "--name", []string{idFile}},
		{"new with weak passphrase", []string{"identity", "new", "--name", name, "--email", "asa@example.se", "--out", idFile, "--passphrase-file", weak}, 1, "", "För svag", []string{idFile}},
		{"new with empty passphrase", []string{"identity", "new", "--name", name, "--email", "asa@example.se", "--out", idFile, "--passphrase-file", empty}, 1, "", "är tom", []string{idFile}},
		{"new with bad e-mail", []string{"identity", "new", "--name", name, "--email", "åsa@example.se", "--out", idFile, "--passphrase-file", pass}, 1, "", "E-postadressen", []string{idFile}},
		{"new", []string{"identity", "new", "--name", name, "--email", "asa@example.se", "--title", "Förvaltningschef", "--board", "Socialnämnden", "--kommun", "Exempelby", "--out", idFile, "--passphrase-file", pass}, 0, "Fingeravtryck (SHA-256): ", "", nil},
		{"new over an existing file", []string{"identity", "new", "--name", "X", "--email", "x@example.se", "--out", idFile, "--passphrase-file", pass}, 1, "", "finns redan", nil},
		{"show with wrong passphrase", []string{"identity", "show", "--identity", idFile, "--passphrase-file", wrong}, 1, "", "Lösenfrasen stämmer inte", nil},
		{"show missing identity", []string{"identity", "show", "--identity", filepath.Join(dir, "none.p12"), "--passphrase-file", pass}, 1, "", "finns inte", nil},
		{"show", []string{"identity", "show", "--identity", idFile, "--passphrase-file", pass}, 0, "Namn: " + name + "\nBefattning: Förvaltningschef\nNämnd: Socialnämnden\nKommun: Exempelby\nE-post: asa@example.se\n", "", nil},
		{"show in English", []string{"identity", "show", "--identity", idFile, "--passphrase-file", pass, "--lang", "en"}, 0, "Issued by: Self-issued", "", nil},
		{"export-cert", []string{"identity", "export-cert", "--identity", idFile, "--passphrase-file", pass, "--out", cert}, 0, "sparat i " + cert, "", nil},
		{"export with wrong passphrase", []string{"export", "--db", db, "--board", "Socialnämnden", "--year", "2027", "--identity", idFile, "--passphrase-file", wrong, "--out", out}, 1, "", "Lösenfrasen stämmer inte", []string{out}},
		{"export unknown board", []string{"export", "--db", db, "--board", "Månnämnden", "--year", "2027", "--identity", idFile, "--passphrase-file", pass, "--out", out}, 1, "", "”Månnämnden” finns inte", []string{out}},
		{"export missing year", []string{"export", "--db", db, "--board", "Socialnämnden", "--year", "2031", "--identity", idFile, "--passphrase-file", pass, "--out", out}, 1, "", "har ingen plan för 2031", []string{out}},
		{"export usage", []string{"export", "--db", db, "--board", "Socialnämnden"}, 2, "", "Användning: handlingsplan export", []string{out}},
		{"export", []string{"export", "--db", db, "--board", "Socialnämnden", "--year", "2027", "--identity", idFile, "--passphrase-file", pass, "--out", out}, 0, "Sparat: " + out + " (Socialnämnden 2027, version 1).", "", nil},
		{"verify without trust", []string{"verify", out}, 1, "Okänd undertecknare. Underskriften är korrekt, men " + name, "", nil},
		{"verify with trust", []string{"verify", "--trust", cert, out}, 0, "Giltig. Underskriften är giltig och gjord av " + name + ", som är betrodd. Plan: Socialnämnden 2027, version 1.", "", nil},
		{"verify in English", []string{"verify", "--lang", "en", "--trust", cert, out}, 0, "Plan: Socialnämnden 2027, version 1.", "", nil},
		{"verify missing file", []string{"verify", "--trust", cert, out, filepath.Join(dir, "none.pdf")}, 1, "none.pdf: Avvisad. Filen finns inte.\n1 av 2 filer är giltiga.", "", nil},
		{"verify a non-PDF", []string{"verify", "--trust", cert, pass}, 1, "Avvisad. Filen är inte en PDF-fil.", "", nil},
		{"verify usage", []string{"verify"}, 2, "", "Användning: handlingsplan verify", nil},
		{"verify bad trust file", []string{"verify", "--trust", pass, out}, 1, "", "--trust", nil},
		{"export again, unchanged", []string{"export", "--db", db, "--board", "Socialnämnden", "--year", "2027", "--identity", idFile, "--passphrase-file", pass, "--out", out}, 0, "version 1).", "", nil},
	}
	for _, st := range steps {
		code, stdout, stderr := execCLI(st.args...)
		if code != st.code || !strings.Contains(stdout, st.out) || !strings.Contains(stderr, st.errOut) {
			t.Errorf("%s: exit %d (want %d)\nstdout: %s\nstderr: %s\nwant stdout with %q, stderr with %q", st.name, code, st.code, stdout, stderr, st.out, st.errOut)
		}
		if strings.Contains(stdout+stderr, "⟦") {
			t.Errorf("%s: untranslated message:\n%s%s", st.name, stdout, stderr)
		}
		for _, f := range st.noFiles {
			if _, err := os.Stat(f); err == nil {
				t.Errorf("%s: %s was written", st.name, f)
			}
		}
	}
	if fi, err := os.Stat(idFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("identity file: %v, mode %v", err, fi.Mode().Perm())
	}

	// A tampered copy is rejected with its reason.
	signed, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	signed[len(signed)/2] ^= 0x20
	tampered := filepath.Join(dir, "tampered.pdf")
	if err := os.WriteFile(tampered, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := execCLI("verify", "--trust", cert, tampered)
	if code != 1 || !strings.Contains(stdout, "tampered.pdf: Avvisad.") {
		t.Errorf("tampered: exit %d, %s", code, stdout)
	}
}

func TestCLIExportRefusesBlockingPlan(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plan.db")
	pass := writeCLIFile(t, filepath.Join(dir, "pass.txt"), "en lång och säker lösenfras")
	idFile := filepath.Join(dir, "id.p12")
	out := filepath.Join(dir, "plan.pdf")
	s, err := openStore(db, i18n.New(i18n.Swedish), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddBoard("Kultur- och fritidsnämnden")
	if err == nil {
		pid, aerr := s.AddPlan(domain.Plan{BoardID: b, Year: 2027, Responsible: "Kim Kultur"})
		if aerr == nil {
			_, err = s.AddActivity(pid, domain.Activity{Title: "Ny rutin för loggning", Description: "Skriv rutinen", Responsible: "Kim"})
		} else {
			err = aerr
		}
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := execCLI("identity", "new", "--name", "Kim Kultur", "--email", "kim@example.se", "--out", idFile, "--passphrase-file", pass); code != 0 {
		t.Fatal(errOut)
	}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"sv", []string{
			"Planen har fel som måste rättas innan den kan signeras.",
			"  Åtgärd 1 ”Ny rutin för loggning”: Fyll i startdatum.",
			"  Åtgärd 1 ”Ny rutin för loggning”: Koppla åtgärden till minst ett mål.",
			"  Planen: Planen saknar information och utbildning för medarbetarna.",
		}},
		{"en", []string{"  Activity 1 “Ny rutin för loggning”: "}},
	} {
		code, stdout, stderr := execCLI("export", "--db", db, "--board", "Kultur- och fritidsnämnden", "--year", "2027",
			"--identity", idFile, "--passphrase-file", pass, "--out", out, "--lang", tt.lang)
		if code != 1 || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q", tt.lang, code, stdout)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w+"\n") && !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.lang, w, stderr)
			}
		}
		if strings.Contains(stderr, "⟦") || strings.Contains(stderr, "err.") {
			t.Errorf("%s: raw keys in\n%s", tt.lang, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused plan was written")
	}
}

func TestCLIRequestAccept(t *testing.T) {
	dir := t.TempDir()
	pass := writeCLIFile(t, filepath.Join(dir, "pass"), "korrekt häst batteri häftstift")
	idFile := filepath.Join(dir, "id.p12")
	req := filepath.Join(dir, "req.pem")
	answer := filepath.Join(dir, "answer.pem")
	cer := filepath.Join(dir, "me.cer")
	if code, _, errOut := execCLI("identity", "new", "--name", "Per Persson", "--email", "per@example.se", "--out", idFile, "--passphrase-file", pass); code != 0 {
		t.Fatal(errOut)
	}
	if code, stdout, errOut := execCLI("identity", "request", "--identity", idFile, "--passphrase-file", pass, "--out", req); code != 0 || !strings.Contains(stdout, "Skicka den till samordnaren") {
		t.Fatal(code, stdout, errOut)
	}
	// The coordinator's side, as the CA commands do it.
	pemReq, err := os.ReadFile(req)
	if err != nil {
		t.Fatal(err)
	}
	csr, err := identity.ParseRequest(pemReq)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := identity.NewCA("Exempelby signerings-CA", "Exempelby kommun", time.Now(), 5*365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := identity.Issue(ca, csr, "Tekniska nämnden", time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	writeCLIFile(t, answer, string(identity.CertPEM(leaf, ca.Cert)))

	if code, _, errOut := execCLI("identity", "accept", "--identity", idFile, "--passphrase-file", pass, req); code != 1 || !strings.Contains(errOut, "Filen innehåller inget certifikat") {
		t.Errorf("accepting the request itself: exit %d, %s", code, errOut)
	}
	if code, stdout, errOut := execCLI("identity", "accept", "--identity", idFile, "--passphrase-file", pass, answer); code != 0 || !strings.Contains(stdout, "Exempelby signerings-CA") {
		t.Fatalf("accept: exit %d\n%s%s", code, stdout, errOut)
	}
	if code, stdout, _ := execCLI("identity", "show", "--identity", idFile, "--passphrase-file", pass); code != 0 ||
		!strings.Contains(stdout, "Utfärdat av: Exempelby signerings-CA") || !strings.Contains(stdout, "Nämnd: Tekniska nämnden") {
		t.Errorf("show after accept: %d\n%s", code, stdout)
	}
	if code, _, errOut := execCLI("identity", "export-cert", "--identity", idFile, "--passphrase-file", pass, "--out", cer); code != 0 {
		t.Fatal(errOut)
	}
	der, err := os.ReadFile(cer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil || !c.Equal(leaf) {
		t.Errorf(".cer is not the issued certificate in DER: %v", err)
	}
}
