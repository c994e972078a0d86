package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
)

func demoCmd(args []string, o, e *bytes.Buffer) int        { return runDemo(args, o, e) }
func identityCmd(args []string, o, e *bytes.Buffer) int    { return runIdentity(args, o, e) }
func exportCmd(args []string, o, e *bytes.Buffer) int      { return runExport(args, o, e) }
func submissionsCmd(args []string, o, e *bytes.Buffer) int { return runSubmissions(args, o, e) }

// copyFile copies a closed database file, as an official copying it to a laptop would.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// editPlan opens a board database, changes its 2027 plan of Socialnämnden and closes it again.
func editPlan(t *testing.T, db string, edit func(s *data.Store, d domain.PlanData) error) {
	t.Helper()
	s, err := data.Open(db, "Åsa Öberg")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.BoardByName("Socialnämnden")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PlanFor(b.ID, 2027)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.PlanData(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(s, d); err != nil {
		t.Fatal(err)
	}
}

// Issue 10, end to end: the board's database is copied (a laptop and a desktop), the same plan
// is edited differently in each copy, and both copies export version 2. The coordinator's
// import keeps both, calls the second a conflict (exit 1), shows them side by side and lets the
// coordinator choose; the choice switches the current version.
func TestTwoDatabaseCopiesConflict(t *testing.T) {
	dir := t.TempDir()
	desktop, laptop, coord := filepath.Join(dir, "skrivbord.db"), filepath.Join(dir, "laptop.db"), filepath.Join(dir, "samordnare.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("Blåbär på ängen i höst\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p12, certPEM := filepath.Join(dir, "asa.p12"), filepath.Join(dir, "asa.pem")
	mustRun := func(name string, f func([]string, *bytes.Buffer, *bytes.Buffer) int, args ...string) cliRun {
		t.Helper()
		r := callCLI(f, args...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", name, r.code, r.stdout, r.stderr)
		}
		return r
	}
	mustRun("demo", demoCmd, "--db", desktop, "--year", "2026")
	mustRun("identity", identityCmd, "new", "--name", "Åsa Öberg", "--email", "asa@example.se", "--board", "Socialnämnden",
		"--out", p12, "--passphrase-file", pass)
	mustRun("export-cert", identityCmd, "export-cert", "--identity", p12, "--passphrase-file", pass, "--out", certPEM)
	export := func(db, out string) string {
		t.Helper()
		return mustRun("export "+out, exportCmd, "--db", db, "--board", "Socialnämnden", "--year", "2027", "--identity", p12,
			"--passphrase-file", pass, "--out", filepath.Join(dir, out)).stdout
	}
	if out := export(desktop, "v1.pdf"); !strings.Contains(out, "version 1") {
		t.Fatalf("first export: %s", out)
	}

	// The copy: the same plan, with the same identity and history, on two computers.
	copyFile(t, desktop, laptop)
	editPlan(t, desktop, func(s *data.Store, d domain.PlanData) error {
		_, err := s.SetField(domain.FieldActivityOperatingCost, d.Activities[0].ID, d.Activities[0].OperatingCost+40000)
		return err
	})
	editPlan(t, laptop, func(s *data.Store, d domain.PlanData) error {
		_, err := s.AddActivity(d.Plan.ID, domain.Activity{Title: "Phishingövning för alla chefer", Description: "Övning och genomgång efteråt",
			Goals: []int{1}, Priority: domain.PriorityMedium, Responsible: "IT-säkerhetssamordnare",
			Start: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC),
			InternalHours: 30, OperatingCost: 15000})
		return err
	})
	for db, out := range map[string]string{desktop: "v2-skrivbord.pdf", laptop: "v2-laptop.pdf"} {
		if got := export(db, out); !strings.Contains(got, "version 2") {
			t.Fatalf("%s: %s", out, got)
		}
	}

	mustRun("trust add", trustCmd, "add", "--db", coord, certPEM)
	r := mustRun("import v1 and the desktop's v2", importCmd, "--db", coord, filepath.Join(dir, "v1.pdf"), filepath.Join(dir, "v2-skrivbord.pdf"))
	if !strings.Contains(r.stdout, "v2-skrivbord.pdf: Inläst, ny version.") {
		t.Errorf("import: %s", r.stdout)
	}
	r = callCLI(importCmd, "--db", coord, filepath.Join(dir, "v2-laptop.pdf"))
	if r.code != 1 || !strings.Contains(r.stdout, "v2-laptop.pdf: Konflikt, välj version.") || !strings.Contains(r.stdout, "annat innehåll") ||
		!strings.Contains(r.stdout, "submissions list --conflicts") || strings.Contains(r.stdout, "Ingenting ändrades") {
		t.Fatalf("the laptop's v2: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Both kept, byte for byte.
	s, err := data.Open(coord, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	subs, err := s.Submissions("Socialnämnden", 2027)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]data.Submission{}
	for _, x := range subs {
		pdf, err := s.SubmissionPDF(x.ID)
		if err != nil || !bytes.Equal(pdf, mustRead(t, filepath.Join(dir, x.FileName))) {
			t.Errorf("%s not kept byte for byte (%v)", x.FileName, err)
		}
		kept[x.FileName] = x
	}
	s.Close()
	if len(kept) != 3 || !kept["v2-skrivbord.pdf"].Current || kept["v2-laptop.pdf"].Current || !kept["v2-laptop.pdf"].ConflictOpen ||
		kept["v2-laptop.pdf"].PlanUUID == "" || kept["v2-laptop.pdf"].PlanUUID != kept["v2-skrivbord.pdf"].PlanUUID {
		t.Fatalf("kept %+v", kept)
	}

	// Side by side: who, and what differs.
	r = mustRun("list --conflicts", submissionsCmd, "list", "--db", coord, "--conflicts")
	for _, want := range []string{"Konflikt: Socialnämnden 2027", "v2-skrivbord.pdf", "v2-laptop.pdf", "Planens identitet: " + kept["v2-laptop.pdf"].PlanUUID,
		"Åtgärd ”Phishingövning för alla chefer”: saknas | finns (30 tim, 15\u00a0000\u00a0kr)", "Driftkostnad", "Summa: Antal åtgärder",
		"handlingsplan submissions choose"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("conflict list lacks %q:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^  \d+\tSocialnämnden 2027\tversion 2\tkonflikt\tÅsa Öberg`).MatchString(r.stdout) {
		t.Errorf("no line for the conflicting submission:\n%s", r.stdout)
	}

	// The coordinator chooses the laptop's version.
	laptopID := kept["v2-laptop.pdf"].ID
	r = mustRun("choose", submissionsCmd, "choose", "--db", coord, strconv.FormatInt(laptopID, 10))
	if !strings.Contains(r.stdout, "Version 2 av planen för Socialnämnden 2027, undertecknad av Åsa Öberg, gäller nu.") {
		t.Errorf("choose: %s", r.stdout)
	}
	s, err = data.Open(coord, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Submission(laptopID)
	audit, _ := s.Audit("submission", laptopID)
	s.Close()
	if !cur.Current || cur.ConflictOpen || len(audit) == 0 || audit[len(audit)-1].Field != "chosen" {
		t.Errorf("after choosing: %+v, audit %+v", cur, audit)
	}
	if r := mustRun("list --conflicts after", submissionsCmd, "list", "--db", coord, "--conflicts"); !strings.Contains(r.stdout, "inga konflikter") {
		t.Errorf("after choosing: %s", r.stdout)
	}
	// Settled: the same files again change nothing and need nothing.
	if r := callCLI(importCmd, "--db", coord, filepath.Join(dir, "v2-laptop.pdf"), filepath.Join(dir, "v2-skrivbord.pdf")); r.code != 0 ||
		strings.Count(r.stdout, "Redan inläst") != 2 {
		t.Errorf("import again: exit %d\n%s", r.code, r.stdout)
	}
}

// The submissions command's usage and errors, in both languages.
func TestSubmissionsCommandUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "samordnare.db")
	s, err := data.Open(db, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, c := range []struct {
		args      []string
		code      int
		out, errs string
	}{
		{nil, 2, "", "Användning: handlingsplan submissions list"},
		{[]string{"--help"}, 0, "Användning: handlingsplan submissions list", ""},
		{[]string{"list", "--help", "--lang", "en"}, 0, "Usage: handlingsplan submissions list", ""},
		{[]string{"choose", "-h"}, 0, "Användning: handlingsplan submissions", ""},
		{[]string{"remove"}, 2, "", "Användning"},
		{[]string{"list", "--db", db}, 0, "Inga inlämningar är inlästa ännu.", ""},
		{[]string{"list", "--db", db, "--conflicts", "--lang", "en"}, 0, "There are no conflicts to choose in.", ""},
		{[]string{"choose", "--db", db}, 2, "", "Användning"},
		{[]string{"choose", "--db", db, "tre"}, 2, "", "”tre” är inget nummer"},
		{[]string{"choose", "--db", db, "42"}, 1, "", "ingen inlämning med nummer 42"},
		{[]string{"list", "--db", filepath.Join(dir, "finns-inte.db")}, 1, "", "finns inte"},
	} {
		r := callCLI(submissionsCmd, c.args...)
		if c.code == 0 && slices.ContainsFunc(c.args, isHelp) {
			// Help asked for is written where the flag package writes it (stderr).
			r.stdout += r.stderr
		}
		if r.code != c.code || !strings.Contains(r.stdout, c.out) || !strings.Contains(r.stderr, c.errs) {
			t.Errorf("submissions %q: exit %d\nstdout %s\nstderr %s", c.args, r.code, r.stdout, r.stderr)
		}
	}
	if r := callCLI(importCmd, "--help", "--lang", "en"); r.code != 0 || !strings.Contains(r.stderr, "Usage: handlingsplan import") {
		t.Errorf("import --help: %+v", r)
	}
}
