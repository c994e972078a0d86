package cli

import (
	"bytes"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signintech/gopdf"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/assets"
	"handlingsplan/domain"
)

// sealForCLI makes a small real submission of board for 2027, signed by id.
func sealForCLI(t *testing.T, board string, version int, id *identity.Identity) []byte {
	t.Helper()
	gp := gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := gp.AddTTFFontData("dejavu", assets.FontRegular); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont("dejavu", "", 12); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.Cell(nil, "Handlingsplan 2027 – "+board); err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if _, err := gp.WriteTo(&pdf); err != nil {
		t.Fatal(err)
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	p := submission.Payload{
		Schema: submission.SchemaVersion, AppVersion: "test", Kommun: prof.Kommun, Board: board, Year: 2027, Version: version,
		CreatedAt: time.Now().UTC(), Goals: prof.Goals, HoursPerFTE: prof.HoursPerFTE,
		Plan: domain.PlanData{
			Plan:       domain.Plan{Board: board, Year: 2027, Status: domain.PlanSigned, Responsible: "Förvaltningschef"},
			Activities: []domain.Activity{{Position: 1, Title: "Behörighetsöversyn", Goals: []int{1}, InternalHours: 20}},
		},
	}
	out, err := submission.Seal(pdf.Bytes(), p, id.Key, append([]*x509.Certificate{id.Cert}, id.Chain...),
		submission.SignInfo{Name: id.Cert.Subject.CommonName, Reason: "Handlingsplan för informationssäkerhet 2027"})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type cliRun struct {
	code           int
	stdout, stderr string
}

// callCLI calls a command function directly (main.go's table is the lead's to extend).
func callCLI(f func([]string, *bytes.Buffer, *bytes.Buffer) int, args ...string) cliRun {
	var out, errb bytes.Buffer
	code := f(args, &out, &errb)
	return cliRun{code, out.String(), errb.String()}
}

func importCmd(args []string, o, e *bytes.Buffer) int { return runImport(args, o, e) }
func trustCmd(args []string, o, e *bytes.Buffer) int  { return runTrust(args, o, e) }
func caCmd(args []string, o, e *bytes.Buffer) int     { return runCA(args, o, e) }

func TestCoordinatorCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "samordnare.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("Blåbär på ängen i höst\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	weak := filepath.Join(dir, "weak.txt")
	if err := os.WriteFile(weak, []byte("kort\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	caP12, caPEM := filepath.Join(dir, "ca.p12"), filepath.Join(dir, "ca.pem")

	// The signing CA.
	if r := callCLI(caCmd, "new", "--db", db, "--name", "Exempelby kommun signerings-CA", "--out", caP12, "--passphrase-file", weak); r.code != 1 {
		t.Errorf("weak passphrase: %+v", r)
	}
	r := callCLI(caCmd, "new", "--db", db, "--name", "Exempelby kommun signerings-CA", "--out", caP12, "--cert-out", caPEM, "--passphrase-file", pass)
	if r.code != 0 || !strings.Contains(r.stdout, "Signerings-CA:t Exempelby kommun signerings-CA är skapat") {
		t.Fatalf("ca new: %+v", r)
	}
	if r := callCLI(caCmd, "new", "--db", db, "--name", "Igen", "--out", caP12, "--passphrase-file", pass); r.code != 1 || !strings.Contains(r.stderr, "finns redan") {
		t.Errorf("second CA: %+v", r)
	}
	caCerts, err := identity.ParseCerts(mustRead(t, caPEM))
	if err != nil {
		t.Fatal(err)
	}

	// An official asks for a certificate and gets it.
	official, err := identity.New(identity.Subject{Name: "Åsa Öberg", Board: "Socialnämnden"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	req, err := identity.Request(official)
	if err != nil {
		t.Fatal(err)
	}
	reqPath := filepath.Join(dir, "asa-begaran.pem")
	if err := os.WriteFile(reqPath, req, 0o600); err != nil {
		t.Fatal(err)
	}
	r = callCLI(caCmd, "issue", reqPath, "--db", db, "--ca", caP12, "--passphrase-file", pass, "--board", "Socialnämnden")
	if r.code != 0 || !strings.Contains(r.stdout, "Åsa Öberg (Socialnämnden)") {
		t.Fatalf("ca issue: %+v", r)
	}
	if err := identity.Accept(official, mustRead(t, filepath.Join(dir, "asa-begaran-certifikat.pem"))); err != nil {
		t.Fatal(err)
	}
	if len(official.Chain) != 1 || !official.Chain[0].Equal(caCerts[0]) {
		t.Fatal("answer does not carry the CA")
	}

	// The autumn import: one CA-issued, one by an unknown signer, one damaged.
	stranger, err := identity.New(identity.Subject{Name: "Bo Ek", Board: "Kulturnämnden"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(dir, "inkorg")
	if err := os.Mkdir(inbox, 0o700); err != nil {
		t.Fatal(err)
	}
	social := sealForCLI(t, "Socialnämnden", 1, official)
	damaged := bytes.Clone(social)
	damaged[len(damaged)/2] ^= 1
	for name, b := range map[string][]byte{"1-social.pdf": social, "2-kultur.pdf": sealForCLI(t, "Kulturnämnden", 1, stranger), "3-trasig.pdf": damaged} {
		if err := os.WriteFile(filepath.Join(inbox, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	r = callCLI(importCmd, "--db", db, inbox)
	grouped := identity.GroupedFingerprint(stranger.Cert)
	for _, want := range []string{"1-social.pdf: Inläst.", "2-kultur.pdf: Väntar på godkännande.", "3-trasig.pdf: Avvisad.", grouped,
		"3 filer: 1 inläst, 1 väntar på godkännande, 1 avvisad.", "trust approve"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != 1 {
		t.Errorf("import with waiting and rejected files: exit %d", r.code)
	}

	r = callCLI(trustCmd, "list", "--db", db, "--lang", "en")
	if r.code != 0 || !strings.Contains(r.stdout, "The kommun's signing CA\tExempelby kommun signerings-CA") ||
		!strings.Contains(r.stdout, "2-kultur.pdf\tKulturnämnden 2027\tBo Ek\t"+grouped) {
		t.Errorf("trust list: %+v", r)
	}
	r = callCLI(trustCmd, "approve", "--db", db, grouped[:14])
	if r.code != 0 || !strings.Contains(r.stdout, "Godkänd undertecknare: Bo Ek") || !strings.Contains(r.stdout, "2-kultur.pdf: Inläst.") {
		t.Errorf("trust approve: %+v", r)
	}
	// Everything imported or a duplicate now, except the damaged file.
	r = callCLI(importCmd, "--db", db, filepath.Join(inbox, "1-social.pdf"), filepath.Join(inbox, "2-kultur.pdf"))
	if r.code != 0 || strings.Count(r.stdout, "Redan inläst") != 2 {
		t.Errorf("second import: %+v", r)
	}
	strangerPEM := filepath.Join(dir, "bo.cer")
	if err := os.WriteFile(strangerPEM, identity.CertDER(stranger.Cert), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := callCLI(trustCmd, "add", "--db", db, strangerPEM); r.code != 0 || !strings.Contains(r.stdout, "Finns redan i listan: Bo Ek") {
		t.Errorf("trust add again: %+v", r)
	}
	r = callCLI(trustCmd, "remove", "--db", db, identity.Fingerprint(stranger.Cert))
	if r.code != 0 || !strings.Contains(r.stdout, "1 inläst inlämning är markerad") {
		t.Errorf("trust remove: %+v", r)
	}
	if r := callCLI(trustCmd, "add", "--db", db, strangerPEM); r.code != 0 || !strings.Contains(r.stdout, "1 inläst inlämning är betrodd igen") {
		t.Errorf("trust add back: %+v", r)
	}

	// Usage errors and plain failures.
	for _, c := range []struct {
		f    func([]string, *bytes.Buffer, *bytes.Buffer) int
		args []string
		code int
		want string
	}{
		{importCmd, []string{"--db", db}, 2, "Användning: handlingsplan import"},
		{importCmd, []string{"--db", db, "--bogus"}, 2, ""},
		{importCmd, []string{"--db", db, filepath.Join(dir, "tom-mapp-finns-inte")}, 1, "Avvisad"},
		{trustCmd, nil, 2, "handlingsplan trust add"},
		{trustCmd, []string{"delete"}, 2, "handlingsplan trust add"},
		{trustCmd, []string{"remove", "--db", db}, 2, ""},
		{trustCmd, []string{"remove", "--db", db, "inte-hex"}, 1, "inget fingeravtryck"},
		{trustCmd, []string{"remove", "--db", db, "00000000"}, 1, "finns inte i listan"},
		{trustCmd, []string{"approve", "--db", db, identity.Fingerprint(stranger.Cert)}, 1, "Ingen inläst fil väntar"},
		{caCmd, nil, 2, "handlingsplan ca new"},
		{caCmd, []string{"issue", "--db", db, "--passphrase-file", pass}, 2, "handlingsplan ca issue"},
		{caCmd, []string{"issue", reqPath, "extra", "--db", db, "--ca", caP12, "--passphrase-file", pass}, 2, ""},
		{caCmd, []string{"issue", caPEM, "--db", db, "--ca", caP12, "--passphrase-file", pass}, 1, "ingen certifikatbegäran"},
		{caCmd, []string{"issue", reqPath, "--db", db, "--ca", filepath.Join(dir, "saknas.p12"), "--passphrase-file", pass}, 1, "Det finns inget signerings-CA"},
		{caCmd, []string{"issue", reqPath, "--db", db, "--ca", caP12, "--passphrase-file", weak}, 1, "Lösenfrasen stämmer inte"},
	} {
		r := callCLI(c.f, c.args...)
		if r.code != c.code || !strings.Contains(r.stdout+r.stderr, c.want) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s%s", c.args, r.code, c.code, c.want, r.stdout, r.stderr)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
