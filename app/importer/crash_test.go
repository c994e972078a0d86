package importer

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/identity"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// The crash harness (issue 13, evidence): a child process edits a plan and imports signed
// submissions, or writes the demo kommun, and is killed with SIGKILL at a random moment. After
// every kill: SQLite's integrity check says ok, no foreign key dangles, every edit and import
// the child reported done is there, and importing the whole folder again reaches exactly the
// state of an import that was never interrupted; a demo is all there or not at all, and can
// then be made. `make test` kills 20 times, `make evidence` 250 times:
//
//	go test -run TestCrashHarness -crash-kills 250 ./app/importer

var (
	crashKills = flag.Int("crash-kills", 20, "SIGKILLs TestCrashHarness deals")
	crashSeed  = flag.Uint64("crash-seed", 0, "seed of the kill moments (0: from the clock; printed)")
)

const (
	crashEnv   = "HANDLINGSPLAN_CRASH_CHILD" // the child's mode: "work" or "demo"
	crashDB    = "HANDLINGSPLAN_CRASH_DB"
	crashFiles = "HANDLINGSPLAN_CRASH_FILES"
	crashPlan  = "HANDLINGSPLAN_CRASH_PLAN"
	crashFrom  = "HANDLINGSPLAN_CRASH_FROM"
)

// TestCrashChild is not a test: it is the child's main when crashEnv is set.
func TestCrashChild(t *testing.T) {
	mode := os.Getenv(crashEnv)
	if mode == "" {
		t.Skip("the crash harness's child process")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}
	s, err := data.Open(os.Getenv(crashDB), "crash")
	if err != nil {
		fail(err)
	}
	out := bufio.NewWriterSize(os.Stdout, 128)
	say := func(format string, args ...any) {
		fmt.Fprintf(out, format+"\n", args...)
		out.Flush()
	}
	switch mode {
	case "demo":
		prof, _ := domain.DefaultProfile()
		if err := s.EnsureProfile(prof); err != nil {
			fail(err)
		}
		say("ready")
		if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
			fail(err)
		}
		say("done")
		s.Close()
		os.Exit(0)
	case "work":
		files, _ := filepath.Glob(filepath.Join(os.Getenv(crashFiles), "*.pdf"))
		slices.Sort(files)
		planID, _ := strconv.ParseInt(os.Getenv(crashPlan), 10, 64)
		from, _ := strconv.Atoi(os.Getenv(crashFrom))
		im := New(s)
		say("ready")
		for i := from; ; i++ {
			if i%3 == 2 {
				f := files[(i/3)%len(files)]
				b, err := os.ReadFile(f)
				if err != nil {
					fail(err)
				}
				r, err := im.ImportData(filepath.Base(f), b)
				if err != nil {
					fail(err)
				}
				// Reported done only once the import has returned.
				say("import %d %s %d", i, r.Verdict, r.SubmissionID)
				continue
			}
			id, err := s.AddActivity(planID, crashActivity(i))
			if err != nil {
				fail(err)
			}
			if _, err := s.SetField(domain.FieldActivityPercentDone, id, i%101); err != nil {
				fail(err)
			}
			say("edit %d %d", i, id)
		}
	}
	fail(fmt.Errorf("unknown mode %q", mode))
}

func crashActivity(i int) domain.Activity {
	return domain.Activity{Title: fmt.Sprintf("Åtgärd %d", i), Description: strings.Repeat("text ", i%300), Goals: []int{1 + i%8},
		InternalHours: int64(i), Start: time.Date(2027, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC)}
}

// crashState is what importing the folder leaves: one line per stored submission.
func crashState(t *testing.T, s *data.Store) string {
	t.Helper()
	subs, err := s.Submissions("", 0)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, x := range subs {
		lines = append(lines, fmt.Sprintf("%s %d v%d current=%v trusted=%v %s", x.Board, x.Year, x.Version, x.Current, x.Trusted, x.SHA256[:12]))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func TestCrashHarness(t *testing.T) {
	if runtime.GOOS == "windows" || os.Getenv(crashEnv) != "" {
		t.Skip("needs SIGKILL")
	}
	seed := *crashSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (repeat with -crash-seed %d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 13))

	// The folder to import: four boards, two or three versions each, one file twice.
	boards := []string{"Socialnämnden", "Tekniska nämnden", "Kultur- och fritidsnämnden", "Räddningsnämnden"}
	filesDir := t.TempDir()
	var signers []*identity.Identity
	n := 0
	for bi, b := range boards {
		id := signerID(t, "Signerare "+strconv.Itoa(bi), b)
		signers = append(signers, id)
		for v := 1; v <= 2+bi%2; v++ {
			n++
			f := filepath.Join(filesDir, fmt.Sprintf("%02d-%s-v%d.pdf", n, b, v))
			if err := os.WriteFile(f, sealed(t, b, 2027, v, id), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	dup, _ := os.ReadFile(filepath.Join(filesDir, "01-Socialnämnden-v1.pdf"))
	os.WriteFile(filepath.Join(filesDir, "99-kopia.pdf"), dup, 0o600)

	// The state an import that was never interrupted leaves.
	ref := newEnv(t)
	for _, id := range signers {
		ref.trustSigner(t, id)
	}
	if _, err := ref.im.Import(t.Context(), []string{filesDir}, nil); err != nil {
		t.Fatal(err)
	}
	want := crashState(t, ref.store)

	var env *testEnv
	var planID int64
	acked := map[int]int64{}     // edit number -> activity id, this epoch
	imported := map[int64]bool{} // submissions the child reported stored, this epoch
	next := 1
	newEpoch := func() {
		// Every few kills a fresh database, so that imports keep writing.
		env = newEnv(t)
		for _, id := range signers {
			env.trustSigner(t, id)
		}
		board, err := env.store.AddBoard("Krisledningsnämnden")
		if err != nil {
			t.Fatal(err)
		}
		if planID, err = env.store.AddPlan(domain.Plan{BoardID: board, Year: 2027}); err != nil {
			t.Fatal(err)
		}
		env.store.Close()
		acked, imported = map[int]int64{}, map[int64]bool{}
	}
	// How long writing the demo takes here: its kills land within that time.
	demoTook := func() time.Duration {
		s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), "crash")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.EnsureProfile(mustProfile(t))
		start := time.Now()
		if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}()
	var kills, demoKills, demoWhole, demoNone, edits, imports int
	for round := 0; round < *crashKills; round++ {
		if round%6 == 0 {
			newEpoch()
		}
		if round%5 == 4 {
			switch crashDemoRound(t, rng, demoTook) {
			case 0:
				demoNone++
			default:
				demoWhole++
			}
			kills++
			demoKills++
			continue
		}
		cmd, out := crashChild(t, "work", env.path, crashFiles+"="+filesDir,
			fmt.Sprintf("%s=%d", crashPlan, planID), fmt.Sprintf("%s=%d", crashFrom, next))
		lines := make(chan string, 1024)
		go func() {
			for out.Scan() {
				lines <- out.Text()
			}
			close(lines)
		}()
		// Kill at a random moment: sometimes while it opens the database, mostly mid-work.
		if rng.IntN(10) > 0 {
			if l := <-lines; l != "ready" {
				t.Fatalf("round %d: child said %q", round, l)
			}
			time.Sleep(time.Duration(rng.IntN(250)) * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: child ended with %v, not by SIGKILL", round, err)
		}
		kills++
		for l := range lines {
			f := strings.Fields(l)
			switch {
			case len(f) == 3 && f[0] == "edit":
				i, _ := strconv.Atoi(f[1])
				id, _ := strconv.ParseInt(f[2], 10, 64)
				acked[i] = id
				next = max(next, i+1)
				edits++
			case len(f) == 4 && f[0] == "import":
				i, _ := strconv.Atoi(f[1])
				next = max(next, i+1)
				if id, _ := strconv.ParseInt(f[3], 10, 64); id > 0 {
					imported[id] = true
				}
				imports++
			case l == "ready":
			default:
				t.Fatalf("round %d: child said %q", round, l)
			}
		}
		crashCheck(t, round, env, planID, acked, imported, filesDir, want, &next)
		if t.Failed() {
			return
		}
	}
	t.Logf("%d SIGKILLs: %d while editing and importing (%d edits and %d imports reported done before the kills, all found), "+
		"%d while writing the demo (%d left a whole demo, %d none); after every kill integrity_check ok and the folder's import reached the uninterrupted state",
		kills, kills-demoKills, edits, imports, demoKills, demoWhole, demoNone)
	if kills < *crashKills {
		t.Errorf("%d kills, want %d", kills, *crashKills)
	}
}

// crashChild starts the test binary as the child.
func crashChild(t *testing.T, mode, db string, env ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{crashEnv + "=" + mode, crashDB + "=" + db}, env...)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd, bufio.NewScanner(stdout)
}

// crashCheck opens the database after a kill and checks it; then imports the folder again in
// a copy and compares with the uninterrupted state.
func crashCheck(t *testing.T, round int, env *testEnv, planID int64, acked map[int]int64, imported map[int64]bool, filesDir, want string, next *int) {
	t.Helper()
	s, err := data.Open(env.path, "crash")
	if err != nil {
		t.Fatalf("round %d: reopen after the kill: %v", round, err)
	}
	if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, res, err)
	}
	if fk, err := s.ForeignKeyProblems(); err != nil || fk != 0 {
		t.Errorf("round %d: %d foreign key problems, %v", round, fk, err)
	}
	acts, err := s.Activities(planID)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]domain.Activity{}
	for _, a := range acts {
		byID[a.ID] = a
		var i int
		fmt.Sscanf(a.Title, "Åtgärd %d", &i)
		*next = max(*next, i+1) // a write the kill caught before its report may have landed
	}
	for i, id := range acked {
		a, ok := byID[id]
		if !ok || a.Title != crashActivity(i).Title || a.PercentDone != i%101 {
			t.Errorf("round %d: edit %d reported done (activity %d) is missing or wrong: %+v", round, i, id, a)
		}
	}
	subs, err := s.Submissions("", 0)
	if err != nil {
		t.Fatal(err)
	}
	have := map[int64]bool{}
	for _, x := range subs {
		have[x.ID] = true
	}
	for id := range imported {
		if !have[id] {
			t.Errorf("round %d: submission %d reported imported is missing", round, id)
		}
	}
	s.Close()

	// Import the folder again, in a copy (the original keeps its half-done imports for the
	// next kill): the state must be the uninterrupted one.
	copyPath := filepath.Join(t.TempDir(), "kopia.db")
	b, err := os.ReadFile(env.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyPath, b, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := data.Open(copyPath, "crash")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := New(c).Import(t.Context(), []string{filesDir}, nil); err != nil {
		t.Fatal(err)
	}
	if got := crashState(t, c); got != want {
		t.Errorf("round %d: importing the folder again gives\n%s\nwant\n%s", round, got, want)
	}
}

// crashDemoRound kills a child writing the demo kommun into a new database and checks that it
// holds the whole demo or none of it; none, the demo is then made. It returns the boards found.
func crashDemoRound(t *testing.T, rng *rand.Rand, took time.Duration) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	cmd, out := crashChild(t, "demo", path)
	if out.Scan() && out.Text() != "ready" {
		t.Fatalf("demo child said %q", out.Text())
	}
	time.Sleep(time.Duration(rng.Int64N(int64(took) * 5 / 4)))
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	s, err := data.Open(path, "crash")
	if err != nil {
		t.Fatalf("demo: reopen after the kill: %v", err)
	}
	defer s.Close()
	if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
		t.Fatalf("demo: integrity_check = %q, %v", res, err)
	}
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	whole := len(demo.Plans(demo.Options{Year: 2026}, mustProfile(t))) / 3
	switch len(bs) {
	case 0:
		// Made again as the start screen would: the profile first (the kill may have come
		// before the child wrote it), then the demo.
		if err := s.EnsureProfile(mustProfile(t)); err != nil {
			t.Fatal(err)
		}
		if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
			t.Fatalf("demo after a kill that left none: %v", err)
		}
	case whole:
	default:
		t.Fatalf("demo killed half-way left %d of %d boards", len(bs), whole)
	}
	return len(bs)
}

func mustProfile(t *testing.T) domain.Profile {
	p, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
