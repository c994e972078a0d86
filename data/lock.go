package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// Holder says what kind of program holds a database: the message to the user who is refused
// differs (close the other window, or wait for the command to finish).
type Holder int

const (
	HolderUnknown Holder = iota // an older version, or the holder is just starting
	HolderWindow                // the desktop app
	HolderCommand               // a command-line command (import, export, report, …)
)

func (h Holder) String() string {
	switch h {
	case HolderWindow:
		return "a window"
	case HolderCommand:
		return "a command"
	}
	return "another instance"
}

// LockedError is ErrLocked with what holds the database.
type LockedError struct{ Holder Holder }

func (e *LockedError) Error() string { return fmt.Sprintf("%v (%v)", ErrLocked, e.Holder) }
func (e *LockedError) Unwrap() error { return ErrLocked }

// ErrReadOnly means the database file, or its folder, cannot be written by this user.
var ErrReadOnly = errors.New("database is read-only")

// The instance lock lives on bytes of the database file that SQLite never reads, writes or
// locks: SQLite's own lock bytes sit at 1 GiB, and no database of this app comes near 1 TiB.
// lockBase is the instance lock; lockBase+1 is also held by a window, lockBase+2 by a command,
// so a program that is refused can tell which one holds the file.
const lockBase = 1 << 40

func kindOffset(h Holder) int64 {
	if h == HolderWindow {
		return lockBase + 1
	}
	return lockBase + 2
}

// dbLock is the instance lock of one database. It is taken on the database file itself, not on
// a name next to it, so that every name of the file (a hard link, a symlink, a bind mount) is
// refused while one is open; two names would mean two -wal and -shm files for one database,
// and SQLite cannot keep those apart. The -wal file is locked the same way, so that a database
// file swapped for another under the same name cannot take over a WAL that is in use.
//
// The descriptors stay open until release, after the database is closed: SQLite's POSIX locks
// belong to the process and closing any descriptor of the file drops all of them, so ours are
// locks of the open file description (Linux), a lock file named by the file's identity (other
// Unix) or a byte-range lock of the handle (Windows); see DESIGN.md §6.
type dbLock struct {
	holder Holder
	db     *os.File
	dbLk   func()
	wal    *os.File
	walLk  func()
}

// lockDatabase opens (creating it, mode 0600) and locks the database file at path.
func lockDatabase(path string, h Holder) (*dbLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if isReadOnly(err) {
			return nil, fmt.Errorf("%w: %v", ErrReadOnly, err)
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("not a regular file (%v)", fi.Mode().Type())
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	unlock, err := lockFile(f, h)
	if err != nil {
		f.Close()
		return nil, err
	}
	l := &dbLock{holder: h, db: f, dbLk: unlock}
	if err := l.lockWAL(path + "-wal"); err != nil {
		l.release()
		return nil, err
	}
	return l, nil
}

// lockWAL locks the -wal file at walPath if it exists and is not the one already locked.
// It is called before SQLite opens the database and again after, when SQLite has made it.
func (l *dbLock) lockWAL(walPath string) error {
	f, err := openWAL(walPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		if isReadOnly(err) {
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		}
		return fmt.Errorf("lock: %w", err)
	}
	if l.wal != nil {
		a, err1 := l.wal.Stat()
		b, err2 := f.Stat()
		if err1 == nil && err2 == nil && os.SameFile(a, b) {
			f.Close()
			return nil
		}
	}
	unlock, err := lockFile(f, l.holder)
	if err != nil {
		f.Close()
		return err
	}
	l.releaseWAL()
	l.wal, l.walLk = f, unlock
	return nil
}

func (l *dbLock) releaseWAL() {
	if l.wal != nil {
		l.walLk()
		l.wal.Close()
		l.wal, l.walLk = nil, nil
	}
}

// release drops the locks; call it after the database is closed.
func (l *dbLock) release() {
	if l == nil || l.db == nil {
		return
	}
	l.releaseWAL()
	l.dbLk()
	l.db.Close()
	l.db = nil
}

// isReadOnly reports whether err means the file or its folder may not be written.
func isReadOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
