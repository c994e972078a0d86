package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"handlingsplan/domain"
)

// The tests below run this test binary again as a second process (the os/exec helper-process
// pattern): helperEnv says what the child does, helperDB which database it opens.
const (
	helperEnv  = "HANDLINGSPLAN_DATA_HELPER"
	helperDB   = "HANDLINGSPLAN_DATA_HELPER_DB"
	helperPlan = "HANDLINGSPLAN_DATA_HELPER_PLAN"
	helperFrom = "HANDLINGSPLAN_DATA_HELPER_FROM"
	// helperAs is "window" when the child opens the database as the desktop app does.
	helperAs = "HANDLINGSPLAN_DATA_HELPER_AS"
)

// TestHelperProcess is not a test: it is the child's main when helperEnv is set.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("helper process for other tests")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	switch mode {
	case "rawwrite":
		holdRawWrite(os.Getenv(helperDB))
	case "verdict":
		fmt.Println(openVerdict(os.Getenv(helperDB)))
		os.Exit(0)
	}
	as := HolderCommand
	if os.Getenv(helperAs) == "window" {
		as = HolderWindow
	}
	s, err := OpenAs(os.Getenv(helperDB), "helper", as)
	if err != nil {
		fmt.Println("error", errors.Is(err, ErrLocked), err)
		os.Exit(0)
	}
	switch mode {
	case "hold":
		// Keep the database open until the parent closes stdin.
		fmt.Println("open")
		io.Copy(io.Discard, os.Stdin)
		s.Close()
		os.Exit(0)
	case "write":
		planID, _ := strconv.ParseInt(os.Getenv(helperPlan), 10, 64)
		from, _ := strconv.Atoi(os.Getenv(helperFrom))
		out := bufio.NewWriterSize(os.Stdout, 64)
		for i := from; ; i++ {
			id, err := s.AddActivity(planID, crashActivity(i))
			if err != nil {
				fail(err)
			}
			if _, err := s.SetField(domain.FieldActivityPercentDone, id, i%101); err != nil {
				fail(err)
			}
			// Acknowledged only once both writes have returned.
			fmt.Fprintf(out, "%d %d\n", i, id)
			out.Flush()
		}
	}
	fail(fmt.Errorf("unknown mode %q", mode))
}

func crashActivity(i int) domain.Activity {
	return domain.Activity{Title: fmt.Sprintf("Åtgärd %d", i), Description: strings.Repeat("text ", i%300), Goals: []int{1 + i%8},
		InternalHours: int64(i), Start: day(2027, time.Month(1+i%12), 1)}
}

// helper starts the child; its stdout comes back line by line.
func helper(t *testing.T, mode, db string, env ...string) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("needs a second process and SIGKILL")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{helperEnv + "=" + mode, helperDB + "=" + db}, env...)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
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
	return cmd, bufio.NewScanner(stdout), stdin
}

func TestLockedByOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	ourDatabase(t, path)

	cmd, out, stdin := helper(t, "hold", path)
	if !out.Scan() || out.Text() != "open" {
		t.Fatalf("child said %q, %v", out.Text(), out.Err())
	}
	s, err := Open(path, testWho)
	if err == nil {
		s.Close()
		t.Fatal("opened a database another process has open")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	s, err = Open(path, testWho)
	if err != nil {
		t.Fatalf("after the other process closed: %v", err)
	}

	// And the other way round: the child is refused while we have it open.
	_, out, _ = helper(t, "hold", path)
	if !out.Scan() || !strings.HasPrefix(out.Text(), "error true ") {
		t.Errorf("child opening our open database said %q, want a locked error", out.Text())
	}
	s.Close()

	// A process killed while holding the database leaves no stale lock behind.
	cmd, out, _ = helper(t, "hold", path)
	if !out.Scan() || out.Text() != "open" {
		t.Fatalf("child said %q", out.Text())
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	s, err = Open(path, testWho)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	s.Close()
}

// TestCrashKeepsAcknowledgedWrites kills a writing process at random points and checks that
// the database is sound and holds every write the child reported done.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	board, _ := s.AddBoard("Räddningsnämnden")
	planID, err := s.AddPlan(domain.Plan{BoardID: board, Year: 2027})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	acked := map[int]int64{} // write number -> activity id, over all rounds
	next := 1
	for round, kills := range []int{1, 40, 300, 700, 250} {
		cmd, out, _ := helper(t, "write", path,
			fmt.Sprintf("%s=%d", helperPlan, planID), fmt.Sprintf("%s=%d", helperFrom, next))
		for n := 0; n < kills; n++ {
			if !out.Scan() {
				t.Fatalf("round %d: child stopped after %d writes: %v", round, n, out.Err())
			}
			var i int
			var id int64
			if _, err := fmt.Sscanf(out.Text(), "%d %d", &i, &id); err != nil {
				t.Fatalf("round %d: child said %q", round, out.Text())
			}
			acked[i] = id
			next = i + 1
		}
		// Mid-loop: the child is still writing.
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: child ended with %v, not by SIGKILL", round, err)
		}
		// Writes after the last acknowledged one may or may not have landed; number on
		// from the highest number stored so that the titles stay unique.
		s, err := Open(path, testWho)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, res, err)
		}
		var fkProblems int
		s.db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&fkProblems)
		if fkProblems != 0 {
			t.Errorf("round %d: %d foreign key violations", round, fkProblems)
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
			if i >= next {
				next = i + 1
			}
		}
		for i, id := range acked {
			a, ok := byID[id]
			want := crashActivity(i)
			if !ok {
				t.Errorf("round %d: acknowledged write %d (activity %d) is missing", round, i, id)
				continue
			}
			if a.Title != want.Title || a.Description != want.Description || a.InternalHours != want.InternalHours ||
				a.PercentDone != i%101 || len(a.Goals) != 1 || a.Goals[0] != want.Goals[0] || !a.Start.Equal(want.Start) {
				t.Errorf("round %d: write %d stored as %+v", round, i, a)
			}
		}
		s.Close()
		if t.Failed() {
			return
		}
	}
	if len(acked) < 1000 {
		t.Errorf("only %d acknowledged writes checked", len(acked))
	}
}
