package export

import (
	"bytes"
	"crypto/x509"
	"database/sql"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
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

func TestVersionNumbering(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	dir := t.TempDir()
	export := func(name string) Result {
		t.Helper()
		res, err := Export(s, pid, id, opts(t, filepath.Join(dir, name)))
		if err != nil {
			t.Fatalf("export %s: %v", name, err)
		}
		return res
	}
	status := func() (domain.PlanStatus, int) {
		p, err := s.Plan(pid)
		if err != nil {
			t.Fatal(err)
		}
		return p.Status, p.Version
	}
	acts, err := s.Activities(pid)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.PlanData(pid)
	if err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		name   string
		change func() error
		want   int
	}{
		{"first export", func() error { return nil }, 1},
		{"unchanged", func() error { return nil }, 1},
		{"activity title", func() error {
			_, err := s.SetField("activity", acts[0].ID, "title", acts[0].Title+" (reviderad)")
			return err
		}, 2},
		{"unchanged again", func() error { return nil }, 2},
		{"follow-up field", func() error { _, err := s.SetField("activity", acts[1].ID, "percent_done", 40); return err }, 3},
		{"register entry", func() error {
			_, err := s.SetField("system", d.Systems[0].ID, "owner", "Ny informationsägare")
			return err
		}, 4},
	}
	for i, st := range steps {
		if err := st.change(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		pf, err := Check(s, pid)
		if err != nil {
			t.Fatal(err)
		}
		if pf.Version != st.want {
			t.Errorf("%s: Check says version %d, want %d", st.name, pf.Version, st.want)
		}
		res := export(filepath.Base(st.name) + ".pdf")
		if res.Version != st.want {
			t.Errorf("%s: exported version %d, want %d", st.name, res.Version, st.want)
		}
		if stat, v := status(); stat != domain.PlanSigned || v != st.want {
			t.Errorf("step %d %s: plan %s v%d, want signed v%d", i, st.name, stat, v, st.want)
		}
	}
}

// A failure while recording the export must leave the plan as it was: status, version and the
// version's record are saved together or not at all; the reservation made before the file
// was written stays.
func TestMarkSignedAllOrNothing(t *testing.T) {
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	before, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	auditBefore, err := s.Audit("plan", pid)
	if err != nil {
		t.Fatal(err)
	}
	// Make the content hash's write fail, as a full disk or a damaged page could. The trigger
	// goes in through a connection of its own: the store has no way to break itself.
	raw, err := sql.Open("sqlite3", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	exec := func(q string) {
		t.Helper()
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	exec(`CREATE TRIGGER hash_fails BEFORE UPDATE OF state ON plan_versions
		BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`)

	out := filepath.Join(t.TempDir(), "plan.pdf")
	if _, err := Export(s, pid, signer(t), opts(t, out)); err == nil {
		t.Fatal("export succeeded although its record could not be saved")
	}
	after, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	if after.Status != before.Status || after.Version != before.Version {
		t.Errorf("failed export left the plan %s v%d, was %s v%d", after.Status, after.Version, before.Status, before.Version)
	}
	// What remains is the number's reservation, made before the file was written.
	auditAfter, _ := s.Audit("plan", pid)
	if n := len(auditAfter) - len(auditBefore); n != 1 || auditAfter[len(auditAfter)-1].Field != "version_reserved" {
		t.Errorf("failed export wrote %d audit entries, want only the reservation: %+v", n, auditAfter[len(auditBefore):])
	}

	exec("DROP TRIGGER hash_fails")
	pf, err := Check(s, pid)
	if err != nil {
		t.Fatal(err)
	}
	// The number was reserved for this content before the file was written: the same content
	// gets it again, but it does not count as signed.
	if pf.Version != before.Version+1 || pf.Unchanged {
		t.Fatalf("after the failure the next export would be v%d (unchanged %v), want v%d", pf.Version, pf.Unchanged, before.Version+1)
	}
	res, err := Export(s, pid, signer(t), opts(t, out))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(pid); res.Version != before.Version+1 || p.Status != domain.PlanSigned || p.Version != res.Version {
		t.Errorf("retry: exported v%d, plan %s v%d", res.Version, p.Status, p.Version)
	}
	if pf, err := Check(s, pid); err != nil || !pf.Unchanged || pf.Version != res.Version {
		t.Errorf("after the retry: %+v %v", pf.Version, err)
	}
}

func TestClosedPlanStaysClosed(t *testing.T) {
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2025)
	before, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	if before.Status != domain.PlanClosed {
		t.Skipf("the demo's 2025 plan is %s, not closed", before.Status)
	}
	res, err := Export(s, pid, signer(t), opts(t, filepath.Join(t.TempDir(), "2025.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.Plan(pid)
	if after.Status != domain.PlanClosed || after.Version != res.Version || res.Version != before.Version+1 {
		t.Errorf("closed v%d exported as v%d is now %s v%d", before.Version, res.Version, after.Status, after.Version)
	}
	r := submission.Verify(res.PDF, submission.Trust{Signers: []*x509.Certificate{signer(t).Cert}}, time.Now())
	if r.Verdict != submission.Valid || r.Payload.Plan.Plan.Status != domain.PlanClosed {
		t.Errorf("payload of a closed plan: %s %s", r.Verdict, r.Reason)
	}
}

func TestNextVersion(t *testing.T) {
	signed := func(v int, h string) data.IssuedVersion { return data.IssuedVersion{Version: v, Hash: h, Signed: true} }
	tests := []struct {
		name          string
		status        domain.PlanStatus
		version       int
		last          data.IssuedVersion
		now           string
		want          int
		wantUnchanged bool
	}{
		{"never signed", domain.PlanDraft, 0, data.IssuedVersion{}, "h1", 1, false},
		{"signed, same content", domain.PlanSigned, 3, signed(3, "h1"), "h1", 3, true},
		{"signed, content changed without reopening", domain.PlanSigned, 3, signed(3, "h1"), "h2", 4, false},
		{"edited and edited back", domain.PlanDraft, 3, signed(3, "h1"), "h1", 3, true},
		{"edited", domain.PlanDraft, 3, signed(3, "h1"), "h2", 4, false},
		{"signed elsewhere, no record", domain.PlanSigned, 2, data.IssuedVersion{}, "h9", 2, true},
		{"draft, no record", domain.PlanDraft, 2, data.IssuedVersion{}, "h9", 3, false},
		// An export reserved v4 and was cut short: the same content takes v4 again, other
		// content v5, never v4.
		{"cut short, same content", domain.PlanSigned, 3, data.IssuedVersion{Version: 4, Hash: "h2"}, "h2", 4, false},
		{"cut short, then edited", domain.PlanSigned, 3, data.IssuedVersion{Version: 4, Hash: "h2"}, "h3", 5, false},
		{"record from before 0006", domain.PlanSigned, 3, signed(3, "legacy:abc"), "h1", 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, u := nextVersion(domain.Plan{Status: tt.status, Version: tt.version}, tt.last, tt.now)
			if v != tt.want || u != tt.wantUnchanged {
				t.Errorf("got %d %v, want %d %v", v, u, tt.want, tt.wantUnchanged)
			}
		})
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

func TestUnwritableOutput(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	dir := t.TempDir()
	tests := []struct {
		name string
		out  string
	}{
		{"missing folder", filepath.Join(dir, "no-such-folder", "plan.pdf")},
		{"a folder", dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Export(s, pid, id, opts(t, tt.out))
			var we *WriteError
			if !errors.As(err, &we) {
				t.Fatalf("err = %v, want a WriteError", err)
			}
			if text := ErrorText(i18n.New(i18n.Swedish), err); !strings.Contains(text, "kunde inte sparas") {
				t.Errorf("error text %q", text)
			}
			if p, _ := s.Plan(pid); p.Status == domain.PlanSigned || p.Version != 0 {
				t.Errorf("plan marked %s v%d although nothing was written", p.Status, p.Version)
			}
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// fullDisk is a temporary file on a disk that fills up after limit bytes.
type fullDisk struct {
	*os.File
	limit int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

func TestWriteFileDiskFull(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Handlingsplan 2027.pdf")
	old := []byte("%PDF-1.7 the earlier version")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	full := func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		return &fullDisk{File: f, limit: 1000}, err
	}
	err := writeFile(path, bytes.Repeat([]byte("x"), 5000), full)
	var we *WriteError
	if !errors.As(err, &we) || !we.DiskFull() {
		t.Fatalf("err = %v, want a disk-full WriteError", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("the earlier file was changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the earlier file", len(entries))
	}
	for _, lang := range i18n.Langs {
		text := ErrorText(i18n.New(lang), err)
		if !strings.Contains(text, path) || strings.Contains(text, "no space") {
			t.Errorf("%s: %q", lang, text)
		}
	}
	// And a write that succeeds replaces it whole, readable by others.
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("after rewrite: %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

func TestExportPreconditions(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	out := filepath.Join(t.TempDir(), "p.pdf")
	tests := []struct {
		name string
		opt  func(*Options)
		id   *identity.Identity
		want error
	}{
		{"no output", func(o *Options) { o.Out = "" }, id, ErrNoOutput},
		{"certificate expired", func(o *Options) { o.Now = id.Cert.NotAfter.Add(time.Hour) }, id, ErrCertExpired},
		{"certificate not yet valid", func(o *Options) { o.Now = id.Cert.NotBefore.Add(-time.Hour) }, id, ErrCertExpired},
		{"no plan", func(o *Options) {}, id, data.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts(t, out)
			tt.opt(&o)
			p := pid
			if tt.name == "no plan" {
				p = 99999
			}
			_, err := Export(s, p, tt.id, o)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if tt.want == ErrNoOutput {
				return // a programming error: the general sentence is right
			}
			if text := ErrorText(i18n.New(i18n.Swedish), err); text == "" || strings.Contains(text, "⟦") || text == i18n.New(i18n.Swedish).T("export.err.failed") {
				t.Errorf("error text %q", text)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed export wrote the file")
	}
}

func TestErrorText(t *testing.T) {
	loc := i18n.New(i18n.English)
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{ErrBlocking, loc.T("export.err.blocking")},
		{&WriteError{Path: "/x/p.pdf", Err: syscall.ENOSPC}, "disk is full"},
		{&WriteError{Path: "/x/p.pdf", Err: fs.ErrPermission}, "/x"},
		{&WriteError{Path: "/x/p.pdf", Err: fs.ErrNotExist}, "/x/p.pdf could not be saved"},
		{identity.ErrWrongPassphrase, loc.T("identity.err.wrong_passphrase")},
		{errors.New("something odd"), loc.T("export.err.failed")},
	}
	for _, tt := range tests {
		if got := ErrorText(loc, tt.err); !strings.Contains(got, tt.want) || (tt.want == "" && got != "") {
			t.Errorf("ErrorText(%v) = %q, want it to contain %q", tt.err, got, tt.want)
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

func BenchmarkExport(b *testing.B) {
	prof, err := domain.DefaultProfile()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		plan func(s *data.Store) int64
	}{
		{"demo", func(s *data.Store) int64 { return planID(b, s, "Socialnämnden", 2027) }},
		{"200activities", func(s *data.Store) int64 {
			id, err := s.AddPlanData(demo.Large("Stora nämnden", 2027, 200, prof))
			if err != nil {
				b.Fatal(err)
			}
			return id
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := demoStore(b)
			pid := bc.plan(s)
			id := signer(b)
			out := filepath.Join(b.TempDir(), "plan.pdf")
			var size int
			for b.Loop() {
				res, err := Export(s, pid, id, Options{AppVersion: "bench", Now: testNow, Out: out})
				if err != nil {
					b.Fatal(err)
				}
				size = len(res.PDF)
			}
			b.ReportMetric(float64(size)/1024, "KiB/file")
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	prof, err := domain.DefaultProfile()
	if err != nil {
		b.Fatal(err)
	}
	s := demoStore(b)
	large, err := s.AddPlanData(demo.Large("Stora nämnden", 2027, 200, prof))
	if err != nil {
		b.Fatal(err)
	}
	id := signer(b)
	trust := submission.Trust{Signers: []*x509.Certificate{id.Cert}}
	for _, bc := range []struct {
		name string
		plan int64
	}{{"demo", planID(b, s, "Socialnämnden", 2027)}, {"200activities", large}} {
		res, err := Export(s, bc.plan, id, Options{AppVersion: "bench", Now: testNow, Out: filepath.Join(b.TempDir(), "p.pdf")})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if r := submission.Verify(res.PDF, trust, time.Now()); r.Verdict != submission.Valid {
					b.Fatal(r.Reason, r.Detail)
				}
			}
		})
	}
}
