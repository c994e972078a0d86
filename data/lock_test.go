package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// holdRawWrite is the helper child that plays another program (the sqlite3 shell): it opens
// the database with plain SQLite, takes the write lock and holds it until stdin closes.
func holdRawWrite(path string) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_txlock=immediate")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(context.Background(), nil)
	if err == nil {
		_, err = tx.Exec("INSERT OR REPLACE INTO settings(key, value) VALUES('other program', 'was here')")
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
	tx.Commit()
	db.Close()
	os.Exit(0)
}

// A second name for the same file (hard link, symlink) is the same database: while one
// program has it open, every other name is refused, in another process and in this one, and
// the refusal says whether a window or a command holds it. Before the lock was on the file
// itself, two imports through a hard link ran at once and damaged the database.
func TestLockedUnderEveryName(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("hard links and symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "hp.db")
	ourDatabase(t, path)
	hard := filepath.Join(dir, "hardlink.db")
	if err := os.Link(path, hard); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "annan mapp")
	os.Mkdir(sub, 0o700)
	sym := filepath.Join(sub, "symlink.db")
	if err := os.Symlink(path, sym); err != nil {
		t.Fatal(err)
	}
	names := []string{path, hard, sym}

	for _, as := range []string{"window", "command"} {
		want := map[string]Holder{"window": HolderWindow, "command": HolderCommand}[as]
		for _, held := range names {
			t.Run(as+" holds "+filepath.Base(held), func(t *testing.T) {
				cmd, out, stdin := helper(t, "hold", held, helperAs+"="+as)
				if !out.Scan() || out.Text() != "open" {
					t.Fatalf("child said %q, %v", out.Text(), out.Err())
				}
				for _, other := range names {
					s, err := Open(other, testWho)
					if err == nil {
						s.Close()
						t.Fatalf("opened %s while a child holds %s", filepath.Base(other), filepath.Base(held))
					}
					var le *LockedError
					if !errors.As(err, &le) || le.Holder != want {
						t.Errorf("open %s: err = %v, want a LockedError held by %v", filepath.Base(other), err, want)
					}
				}
				stdin.Close()
				cmd.Wait()
			})
		}
	}

	// In one process: a second Store on another name of an open file is refused too.
	s1, err := OpenAs(hard, testWho, HolderWindow)
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range names {
		s2, err := Open(other, testWho)
		if err == nil {
			s2.Close()
			t.Fatalf("second Store on %s opened", filepath.Base(other))
		}
		var le *LockedError
		if !errors.As(err, &le) || le.Holder != HolderWindow {
			t.Errorf("open %s in the same process: err = %v, want held by a window", filepath.Base(other), err)
		}
	}
	if _, err := s1.AddBoard("Kommunstyrelsen"); err != nil {
		t.Fatal(err)
	}
	s1.Close()
	s, err := Open(sym, testWho)
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	defer s.Close()
	if res, err := s.IntegrityCheck(); res != "ok" || err != nil {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}

// A database file swapped for another under the same name while the first is open must not
// take over the first one's -wal (the name is the same, the contents belong to another file):
// the -wal is locked too.
func TestWALOfAnotherFileRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hp.db")
	ourDatabase(t, path)
	other := filepath.Join(dir, "other.db")
	ourDatabase(t, other)

	cmd, out, stdin := helper(t, "hold", path)
	if !out.Scan() || out.Text() != "open" {
		t.Fatalf("child said %q", out.Text())
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("the open database has no -wal: %v", err)
	}
	// The open file moves away and another takes its name; its -wal stays the child's.
	if err := os.Rename(path, filepath.Join(dir, "moved.db")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, testWho)
	if err == nil {
		s.Close()
		t.Fatal("opened a database whose -wal another program has open")
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("err = %v, want ErrLocked", err)
	}
	stdin.Close()
	cmd.Wait()
}

// Another program that holds SQLite's write lock (our instance lock keeps out only our own)
// is waited for: the store says so once after about a second, and when the program does not
// let go, the error names it.
func TestWriteWaitsForAnotherProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	ourDatabase(t, path)
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	cmd, out, stdin := helper(t, "rawwrite", path)
	if !out.Scan() || out.Text() != "locked" {
		t.Fatalf("child said %q", out.Text())
	}
	var told []Program
	s.OnBusy(func(p Program) { told = append(told, p) })

	// It lets go in time: the write waits and lands, and the user was told once.
	s.SetBusyWait(time.Minute)
	go func() {
		time.Sleep(2500 * time.Millisecond)
		stdin.Close()
	}()
	if _, err := s.AddBoard("Valnämnden"); err != nil {
		t.Fatalf("write after the other program let go: %v", err)
	}
	cmd.Wait()
	if len(told) != 1 {
		t.Errorf("told %d times, want once", len(told))
	}
	if runtime.GOOS == "linux" && (len(told) == 0 || told[0].PID != cmd.Process.Pid) {
		t.Errorf("told %v, want process %d", told, cmd.Process.Pid)
	}

	// It does not let go: the write gives up and names it.
	told = nil
	cmd, out, stdin = helper(t, "rawwrite", path)
	if !out.Scan() || out.Text() != "locked" {
		t.Fatalf("child said %q", out.Text())
	}
	s.SetBusyWait(1500 * time.Millisecond)
	_, err = s.AddBoard("Krisledningsnämnden")
	var be *BusyError
	if !errors.As(err, &be) || !errors.Is(err, ErrBusy) {
		t.Fatalf("err = %v, want a BusyError", err)
	}
	if runtime.GOOS == "linux" {
		if be.Holder.PID != cmd.Process.Pid || !strings.HasPrefix(filepath.Base(os.Args[0]), be.Holder.Name) {
			t.Errorf("holder = %+v, want process %d (%s)", be.Holder, cmd.Process.Pid, filepath.Base(os.Args[0]))
		}
	}
	if len(told) != 1 {
		t.Errorf("told %d times, want once", len(told))
	}
	stdin.Close()
	cmd.Wait()
	if _, err := s.BoardByName("Krisledningsnämnden"); err == nil {
		t.Error("the refused write was stored")
	}
}

// The instance lock on its own (lock_linux.go, lock_unix.go, lock_windows.go: this test is
// compiled for Windows by `GOOS=windows go vet`), on a path as a Windows user has it: spaces
// and Swedish letters.
func TestLockDatabaseFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Application Data", "Åsa Öberg", "handlingsplan")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "handlingsplan.db")
	l1, err := lockDatabase(path, HolderWindow)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no database file: %v", err)
	}
	l2, err := lockDatabase(path, HolderCommand)
	var le *LockedError
	if !errors.As(err, &le) || le.Holder != HolderWindow {
		l2.release()
		t.Fatalf("second lock: %v, want held by a window", err)
	}
	l1.release()
	l1.release() // twice is harmless
	l3, err := lockDatabase(path, HolderCommand)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l3.release()
	var none *dbLock
	none.release()
	// A folder that does not exist is an error, not a lock.
	if _, err := lockDatabase(filepath.Join(dir, "saknas", "x.db"), HolderCommand); err == nil || errors.Is(err, ErrLocked) {
		t.Errorf("lock in a missing folder: %v", err)
	}
}
