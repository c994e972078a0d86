//go:build unix

package export

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"handlingsplan/data"
)

// A real kill: a child process (this test binary) exports and is killed with SIGKILL right
// after the file is renamed into place, before the plan is marked signed. The database then
// holds what the child committed, nothing more; the next export of other content must take a
// new number.
func TestExportKilledAfterWriting(t *testing.T) {
	if os.Getenv("HP_EXPORT_KILL_DB") != "" {
		t.Skip("the child runs TestExportKilledChild")
	}
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	dir := t.TempDir()
	first, err := Export(s, pid, signer(t), opts(t, filepath.Join(dir, "1.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	editTitle(t, s, pid, "Ändrad innan processen dödades")
	path := s.Path()
	s.Close() // the child opens it; a store is one process's at a time

	cmd := exec.Command(os.Args[0], "-test.run=^TestExportKilledChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "HP_EXPORT_KILL_DB="+path, "HP_EXPORT_KILL_OUT="+filepath.Join(dir, "2.pdf"),
		"HP_EXPORT_KILL_PLAN="+strconv.FormatInt(pid, 10))
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child was not killed: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "2.pdf")); err != nil {
		t.Fatalf("the killed export left no file: %v", err)
	}

	s2, err := data.Open(path, "tester")
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if p, _ := s2.Plan(pid); p.Version != first.Version {
		t.Errorf("plan v%d after the kill, want still v%d", p.Version, first.Version)
	}
	editTitle(t, s2, pid, "Ändrad efter att processen dödades")
	res, err := Export(s2, pid, signer(t), opts(t, filepath.Join(dir, "3.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	killed := readExported(t, filepath.Join(dir, "2.pdf"))
	noNumberTwice(t, []exported{readExported(t, filepath.Join(dir, "1.pdf")), killed, readExported(t, filepath.Join(dir, "3.pdf"))})
	if res.Version <= killed.version {
		t.Errorf("after the killed v%d the next export is v%d", killed.version, res.Version)
	}
}

// TestExportKilledChild is the child of TestExportKilledAfterWriting; it does nothing on its own.
func TestExportKilledChild(t *testing.T) {
	path := os.Getenv("HP_EXPORT_KILL_DB")
	if path == "" {
		t.Skip("run by TestExportKilledAfterWriting")
	}
	pid, err := strconv.ParseInt(os.Getenv("HP_EXPORT_KILL_PLAN"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path, "tester")
	if err != nil {
		t.Fatal(err)
	}
	o := opts(t, os.Getenv("HP_EXPORT_KILL_OUT"))
	o.failAt = func(step string) error {
		if step == "written" {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
		return nil
	}
	_, err = Export(s, pid, signer(t), o)
	t.Fatalf("export returned (%v) instead of being killed", err)
}
