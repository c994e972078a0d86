package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The instance lock on its own (lock_unix.go, lock_windows.go: this test is compiled for Windows
// by `GOOS=windows go vet`), on a path as a Windows user has it: spaces and Swedish letters.
func TestLockFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Application Data", "Åsa Öberg", "handlingsplan")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "handlingsplan.db.lock")
	l1, err := lockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no lock file: %v", err)
	}
	l2, err := lockFile(path)
	if !errors.Is(err, ErrLocked) {
		l2.release()
		t.Fatalf("second lock: %v, want ErrLocked", err)
	}
	l1.release()
	l1.release() // twice is harmless
	l3, err := lockFile(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l3.release()
	var none *fileLock
	none.release()
	// A folder that does not exist is an error, not a lock.
	if _, err := lockFile(filepath.Join(dir, "saknas", "x.lock")); err == nil || errors.Is(err, ErrLocked) {
		t.Errorf("lock in a missing folder: %v", err)
	}
}
