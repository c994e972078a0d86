//go:build unix && !linux

package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// lockFile takes the instance lock on the file f is open on, and marks it as held by h.
//
// These systems have no open-file-description locks, and their flock and fcntl locks may
// meet SQLite's own on the same file; a POSIX lock of ours would be dropped whenever SQLite
// closes one of its descriptors of the file. So the lock is a flock on a small file named by
// the database file's device and inode, in the user's cache folder: every name of the same
// file leads to the same lock file. The file says which kind of program holds it. flock locks
// belong to the open file, so a second open in this process is refused too, and the system
// drops them when the process dies.
func lockFile(f *os.File, h Holder) (unlock func(), err error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil, fmt.Errorf("lock: no device and inode for %s", f.Name())
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "handlingsplan", "locks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	name := filepath.Join(dir, strconv.FormatUint(uint64(st.Dev), 16)+"-"+strconv.FormatUint(uint64(st.Ino), 16)+".lock")
	lf, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer lf.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			var b [16]byte
			n, _ := lf.ReadAt(b[:], 0)
			holder := HolderUnknown
			switch string(b[:n]) {
			case "window":
				holder = HolderWindow
			case "command":
				holder = HolderCommand
			}
			return nil, &LockedError{Holder: holder}
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	kind := "command"
	if h == HolderWindow {
		kind = "window"
	}
	lf.Truncate(0)
	lf.WriteAt([]byte(kind), 0)
	return func() {
		lf.Truncate(0)
		syscall.Flock(int(lf.Fd()), syscall.LOCK_UN)
		lf.Close()
	}, nil
}
