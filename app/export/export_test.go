package export

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// signerName has what broke pdfsign's dictionary writing: letters outside Latin-1,
// parentheses and a backslash.
const signerName = `Åsa Öberg-Čapek (t.f.) \ test`

// testNow is the fixed clock of the store and the signing time (within the test identity's
// validity, which starts now).
var testNow = time.Now().UTC().Truncate(time.Second)

// testIdentity is made once: an RSA key takes a while under -race.
var testIdentity = sync.OnceValues(func() (*identity.Identity, error) {
	return identity.New(identity.Subject{Name: signerName, Title: "Förvaltningschef", Board: "Socialnämnden",
		Email: "asa.oberg@example.se", Kommun: "Exempelby kommun"}, time.Now(), 2*365*24*time.Hour)
})

func signer(t testing.TB) *identity.Identity {
	t.Helper()
	id, err := testIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// demoStore is a fresh database with the demo kommun for 2026 and a fixed clock.
func demoStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "plan.db"), "tester")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return testNow })
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	return s
}

func planID(t testing.TB, s *data.Store, board string, year int) int64 {
	t.Helper()
	b, err := s.BoardByName(board)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PlanFor(b.ID, year)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func opts(t testing.TB, out string) Options {
	return Options{Loc: i18n.New(i18n.Swedish), AppVersion: "1.2.3-test", Now: testNow, Out: out}
}

func TestExportVerifyRoundTrip(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	out := filepath.Join(t.TempDir(), "plan.pdf")
	var steps []string
	o := opts(t, out)
	last := -1.0
	o.Progress = func(step string, frac float64) {
		if frac < last {
			t.Errorf("progress went back from %v to %v", last, frac)
		}
		last = frac
		steps = append(steps, step)
	}
	res, err := Export(s, pid, id, o)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if last != 1 || len(steps) < 5 || strings.HasPrefix(steps[0], "⟦") {
		t.Errorf("progress steps %q ending at %v", steps, last)
	}
	if res.Version != 1 || res.Board != "Socialnämnden" || res.Year != 2027 {
		t.Errorf("result %d %s %d, want version 1 of Socialnämnden 2027", res.Version, res.Board, res.Year)
	}
	onDisk, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, res.PDF) {
		t.Fatal("file on disk differs from the result")
	}

	// The coordinator's view: trusted signer, then unknown signer.
	r := submission.Verify(onDisk, submission.Trust{Signers: []*x509.Certificate{id.Cert}}, time.Now())
	if r.Verdict != submission.Valid {
		t.Fatalf("verify: %s %s %s", r.Verdict, r.Reason, r.Detail)
	}
	if got := submission.Verify(onDisk, submission.Trust{}, time.Now()); got.Verdict != submission.UnknownSigner {
		t.Errorf("without trust: %s %s, want unknown signer", got.Verdict, got.Reason)
	}
	if r.Signer.Subject.CommonName != signerName {
		t.Errorf("signer %q", r.Signer.Subject.CommonName)
	}
	p := r.Payload
	if p.Board != "Socialnämnden" || p.Year != 2027 || p.Version != 1 || p.AppVersion != "1.2.3-test" || !p.CreatedAt.Equal(testNow) {
		t.Errorf("payload head %s %d v%d %s %s", p.Board, p.Year, p.Version, p.AppVersion, p.CreatedAt)
	}
	if p.Kommun == "" || len(p.Goals) != 8 || p.HoursPerFTE == 0 {
		t.Errorf("payload profile part: kommun %q, %d goals, %d h/FTE", p.Kommun, len(p.Goals), p.HoursPerFTE)
	}

	// The plan is now signed with version 1, and the signer is named in the audit log.
	stored, err := s.PlanData(pid)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Plan.Status != domain.PlanSigned || stored.Plan.Version != 1 {
		t.Errorf("stored plan %s v%d, want signed v1", stored.Plan.Status, stored.Plan.Version)
	}
	log, err := s.Audit("plan", pid)
	if err != nil {
		t.Fatal(err)
	}
	if e := log[len(log)-1]; e.Who != signerName || e.Field != "version" {
		t.Errorf("last audit entry %+v, want the version change by %q", e, signerName)
	}

	// The payload is the stored plan, field for field (its own ids are not in the JSON).
	want, err := json.Marshal(stored)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(p.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("payload plan differs from the store:\n got %.600s\nwant %.600s", got, want)
	}
	if len(p.Plan.Activities) == 0 || p.Plan.Previous == nil || len(p.Plan.Previous.Activities) == 0 {
		t.Error("payload lacks activities or last year's plan")
	}

	checkWithTools(t, out)
}

// checkWithTools runs poppler and qpdf on a signed file, when they are installed.
func checkWithTools(t *testing.T, path string) {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err == nil {
		out, _ := exec.Command("pdfsig", path).CombinedOutput()
		for _, want := range []string{"Signature Validation: Signature is Valid", "Total document signed", "Åsa Öberg-Čapek"} {
			if !bytes.Contains(out, []byte(want)) {
				t.Errorf("pdfsig output lacks %q:\n%s", want, out)
			}
		}
	} else {
		t.Log("pdfsig not installed")
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) || bytes.Contains(out, []byte("WARNING")) {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	} else {
		t.Log("qpdf not installed")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := string(out)
		for _, want := range []string{"Socialnämnden", "Handlingsplan för informationssäkerhet", signerName, "Förvaltningschef"} {
			if !strings.Contains(text, want) {
				t.Errorf("pdftotext output lacks %q", want)
			}
		}
	} else {
		t.Log("pdftotext not installed")
	}
}

func TestBlockingPlanRefused(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	b, err := s.BoardByName("Socialnämnden")
	if err != nil {
		t.Fatal(err)
	}
	pid, err := s.AddPlan(domain.Plan{BoardID: b.ID, Year: 2028})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "plan.pdf")
	res, err := Export(s, pid, id, opts(t, out))
	if !errors.Is(err, ErrBlocking) {
		t.Fatalf("err = %v, want ErrBlocking", err)
	}
	keys := map[string]bool{}
	for _, p := range res.Problems {
		if p.Severity != domain.Blocking {
			t.Errorf("non-blocking problem returned: %s", p.Key)
		}
		keys[p.Key] = true
	}
	for _, k := range []string{"err.required", "err.no_activities", "err.no_trainings", "err.no_checkpoints"} {
		if !keys[k] {
			t.Errorf("problems %v lack %s", keys, k)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused export wrote %s (%v)", out, err)
	}
	if p, _ := s.Plan(pid); p.Status != domain.PlanDraft || p.Version != 0 {
		t.Errorf("refused plan is %s v%d", p.Status, p.Version)
	}
	loc := i18n.New(i18n.Swedish)
	d, _ := s.PlanData(pid)
	lines := []string{}
	for _, p := range res.Problems {
		lines = append(lines, ProblemLine(loc, d, p))
	}
	if all := strings.Join(lines, "\n"); !strings.Contains(all, "Planen: Planen har inga åtgärder.") || strings.Contains(all, "⟦") {
		t.Errorf("problem lines:\n%s", all)
	}
}

func TestProblemLine(t *testing.T) {
	d := domain.PlanData{
		Activities: []domain.Activity{{ID: 7, Title: "Riskanalys"}, {ID: 9}},
		Trainings:  []domain.Training{{ID: 3, Title: "Phishing"}},
		Systems:    []domain.System{{ID: 5, Name: "Treserva"}, {ID: 6}},
	}
	tests := []struct {
		lang   i18n.Lang
		entity string
		id     int64
		want   string
	}{
		{i18n.Swedish, "activity", 7, "Åtgärd 1 ”Riskanalys”: Koppla åtgärden till minst ett mål."},
		{i18n.Swedish, "activity", 9, "Åtgärd 2: Koppla åtgärden till minst ett mål."},
		{i18n.Swedish, "training", 3, "Utbildning 1 ”Phishing”: "},
		{i18n.Swedish, "system", 5, "System ”Treserva”: "},
		{i18n.Swedish, "system", 6, "System 2 i förteckningen: "},
		{i18n.English, "system", 6, "System 2 in the register: "},
		{i18n.Swedish, "activity", 99, "Planen: "},
		{i18n.English, "activity", 7, "Activity 1 “Riskanalys”: "},
	}
	for _, tt := range tests {
		got := ProblemLine(i18n.New(tt.lang), d, domain.Problem{Entity: tt.entity, EntityID: tt.id, Key: "err.no_goal"})
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s %s %d: got %q, want prefix %q", tt.lang, tt.entity, tt.id, got, tt.want)
		}
	}
}

func TestVerifyFiles(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.pdf")
	res, err := Export(s, planID(t, s, "Socialnämnden", 2027), id, opts(t, good))
	if err != nil {
		t.Fatal(err)
	}
	tampered := filepath.Join(dir, "tampered.pdf")
	bad := bytes.Clone(res.PDF)
	bad[len(bad)/3] ^= 0x01 // inside the report's signed bytes
	empty := filepath.Join(dir, "empty.pdf")
	for p, b := range map[string][]byte{tampered: bad, empty: nil} {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	certFile := filepath.Join(dir, "signer.pem")
	if err := os.WriteFile(certFile, identity.CertPEM(id.Cert), 0o644); err != nil {
		t.Fatal(err)
	}
	trust, err := LoadTrust([]string{certFile})
	if err != nil || len(trust.Signers) != 1 || len(trust.Roots) != 0 {
		t.Fatalf("trust %d signers %d roots, %v", len(trust.Signers), len(trust.Roots), err)
	}
	paths := []string{good, tampered, empty, filepath.Join(dir, "missing.pdf")}
	tests := []struct {
		trust   submission.Trust
		verdict []submission.Verdict
	}{
		{trust, []submission.Verdict{submission.Valid, submission.Rejected, submission.Rejected, ""}},
		{submission.Trust{}, []submission.Verdict{submission.UnknownSigner, submission.Rejected, submission.Rejected, ""}},
	}
	for _, tt := range tests {
		got := VerifyFiles(paths, tt.trust, time.Now())
		if len(got) != len(paths) {
			t.Fatalf("%d results for %d files", len(got), len(paths))
		}
		for i, r := range got {
			if r.Path != paths[i] || r.Result.Verdict != tt.verdict[i] {
				t.Errorf("%s: %s (%s), want %s", r.Path, r.Result.Verdict, r.Result.Reason, tt.verdict[i])
			}
			if r.Valid() != (tt.verdict[i] == submission.Valid) {
				t.Errorf("%s: Valid() = %v", r.Path, r.Valid())
			}
		}
		if got[1].Result.Reason != submission.ReasonTampered || got[2].Result.Reason != submission.ReasonEmpty {
			t.Errorf("reasons %s, %s", got[1].Result.Reason, got[2].Result.Reason)
		}
		if !errors.Is(got[3].Err, fs.ErrNotExist) {
			t.Errorf("missing file: %v", got[3].Err)
		}
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		lang  i18n.Lang
		board string
		want  string
	}{
		{i18n.Swedish, "Socialnämnden", "Handlingsplan 2027 Socialnämnden v2.pdf"},
		{i18n.English, "Socialnämnden", "Action plan 2027 Socialnämnden v2.pdf"},
		{i18n.Swedish, "Bygg/miljö: nämnd?", "Handlingsplan 2027 Bygg-miljö- nämnd- v2.pdf"},
	}
	for _, tt := range tests {
		if got := FileName(i18n.New(tt.lang), tt.board, 2027, 2); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
