package importer

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/identity"
	"handlingsplan/app/report"
	"handlingsplan/i18n"
)

// issuedID is an official's identity whose certificate the coordinator's signing CA issued,
// made the way the two apps make it: request, issue, accept.
func issuedID(tb testing.TB, env *testEnv, ca *identity.Identity, name, board string) *identity.Identity {
	tb.Helper()
	off, err := identity.New(identity.Subject{Name: name, Title: "Förvaltningschef", Board: board, Email: "forvaltning@exempelby.se"},
		time.Now(), 365*24*time.Hour)
	if err != nil {
		tb.Fatal(err)
	}
	req, err := identity.Request(off)
	if err != nil {
		tb.Fatal(err)
	}
	answer, cert, err := env.im.Issue(ca, req, board, IssuedValidity)
	if err != nil {
		tb.Fatal(err)
	}
	if err := identity.Accept(off, answer); err != nil {
		tb.Fatal(err)
	}
	if !off.Cert.Equal(cert) || len(off.Chain) != 1 || !off.Chain[0].Equal(ca.Cert) {
		tb.Fatalf("accepted identity: %v / %v", off.Cert.Subject, off.Chain)
	}
	return off
}

// demoSubmission renders the demo board's plan for year with the real report and seals it.
func demoSubmission(tb testing.TB, board int, year, version int, id *identity.Identity) ([]byte, string) {
	tb.Helper()
	prof := testProfile(tb)
	plans := demo.Plans(demo.Options{Year: year}, prof)
	d := plans[3*board+1] // the board's plan for year (N−1, N, N+1 per board)
	p := payloadFor(tb, d, version)
	pdfBytes, err := report.Render(d, i18n.New(i18n.Swedish), report.Options{Profile: prof, AppVersion: "0.1.0-test",
		Signature: &report.Signature{Name: id.Cert.Subject.CommonName, Fingerprint: identity.GroupedFingerprint(id.Cert), SignedAt: time.Now()}})
	if err != nil {
		tb.Fatal(err)
	}
	return seal(tb, pdfBytes, p, id), d.Plan.Board
}

func TestSigningCAEndToEnd(t *testing.T) {
	env := newEnv(t)
	caPath := filepath.Join(env.dir, "signing-ca.p12")
	const pass = "Blåbär på ängen i höst"
	ca, err := env.im.NewSigningCA(t.Context(), caPath, "Exempelby kommun signerings-CA", "Exempelby kommun", pass, CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.im.NewSigningCA(t.Context(), caPath, "Igen", "", pass, CAValidity); !errors.Is(err, ErrCAExists) {
		t.Errorf("second CA: %v", err)
	}
	if st, err := os.Stat(caPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("CA file: %v %v", st, err)
	}
	if again, err := identity.Load(caPath, pass); err != nil || !again.Cert.Equal(ca.Cert) {
		t.Fatalf("load CA: %v", err)
	}
	entry, ok := env.im.SigningCA()
	if !ok || entry.Kind != "ca" || entry.Fingerprint != identity.Fingerprint(ca.Cert) {
		t.Fatalf("signing CA on the trust list: %+v %v", entry, ok)
	}
	if items, _ := env.im.TrustList(); len(items) != 1 || !items[0].SigningCA {
		t.Errorf("trust list: %+v", items)
	}

	board := demo.Plans(demo.Options{Year: 2027}, testProfile(t))[0].Plan.Board
	subj, err := RequestSubject(mustRequest(t, "Åsa Öberg"))
	if err != nil || subj.Name != "Åsa Öberg" {
		t.Fatalf("request subject %+v %v", subj, err)
	}
	official := issuedID(t, env, ca, "Åsa Öberg (förvaltningschef)", board)
	if got := identity.SubjectOf(official.Cert); got.Board != board || got.Kommun != "Exempelby kommun" {
		t.Errorf("issued subject %+v", got)
	}
	if issued, _ := env.store.Audit("signing_ca", 0); len(issued) != 1 || !strings.Contains(issued[0].New, identity.Fingerprint(official.Cert)) {
		t.Errorf("issue not in audit log: %+v", issued)
	}

	signed, plansBoard := demoSubmission(t, 0, 2027, 1, official)
	if plansBoard != board {
		t.Fatalf("demo board %q vs %q", plansBoard, board)
	}
	r, err := env.im.ImportData("plan.pdf", signed)
	if err != nil {
		t.Fatal(err)
	}
	if r.Verdict != AcceptedNew {
		t.Fatalf("CA-issued submission: %s %s %s", r.Verdict, r.Reason, r.Detail)
	}
	sub, err := env.store.Submission(r.SubmissionID)
	if err != nil || !sub.Trusted || sub.TrustedVia != entry.Fingerprint {
		t.Errorf("stored %+v %v", sub, err)
	}

	// The certificate names the board: the same official signing another board's plan is refused.
	other := demo.Plans(demo.Options{Year: 2027}, testProfile(t))[3].Plan.Board
	wrong, _ := demoSubmission(t, 1, 2027, 1, official)
	r, err = env.im.ImportData("fel-namnd.pdf", wrong)
	if err != nil || r.Verdict != Rejected || r.Reason != ReasonBoardMismatch || r.CertBoard != board || r.Board != other {
		t.Errorf("other board's plan: %s %s %q %q %v", r.Verdict, r.Reason, r.CertBoard, r.Board, err)
	}
	if txt := r.Text(i18n.New(i18n.Swedish)); !strings.Contains(txt, board) || !strings.Contains(txt, other) {
		t.Errorf("board mismatch text %q", txt)
	}

	// A request that is not one.
	if _, _, err := env.im.Issue(ca, []byte("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"), board, IssuedValidity); !errors.Is(err, identity.ErrNotRequest) {
		t.Errorf("bad request: %v", err)
	}

	// poppler's pdfsig with the CA in a fresh NSS database says the certificate is trusted; without
	// it, it does not (so this part can fail).
	for _, tool := range []string{"pdfsig", "certutil"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "plan.pdf")
	caPEM := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(pdfPath, signed, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(caPEM, identity.CertPEM(ca.Cert), 0o600); err != nil {
		t.Fatal(err)
	}
	empty, withCA := filepath.Join(dir, "nss-empty"), filepath.Join(dir, "nss-ca")
	for _, d := range []string{empty, withCA} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
		tool(t, "certutil", "-N", "-d", "sql:"+d, "--empty-password")
	}
	tool(t, "certutil", "-A", "-d", "sql:"+withCA, "-n", "ca", "-t", "C,C,C", "-i", caPEM)
	out := tool(t, "pdfsig", "-nssdir", "sql:"+withCA, pdfPath)
	for _, want := range []string{"Signature is Valid", "Certificate is Trusted", "Total document signed"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfsig with the CA: no %q in\n%s", want, out)
		}
	}
	if out := tool(t, "pdfsig", "-nssdir", "sql:"+empty, pdfPath); strings.Contains(out, "Certificate is Trusted") {
		t.Errorf("pdfsig trusts the certificate without the CA:\n%s", out)
	}
}

func mustRequest(t *testing.T, name string) []byte {
	t.Helper()
	id := signerID(t, name, "Socialnämnden")
	req, err := identity.Request(id)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// tool runs a command with a private HOME and returns its output; pdfsig exits non-zero for
// untrusted certificates, so the exit status is not judged here.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("%s: %v", name, err)
	}
	if err != nil && name == "certutil" {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}
