package data

import (
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// lockFile takes the instance lock on the file f is open on, and marks it as held by h.
//
// Linux has open-file-description locks (F_OFD_SETLK): they belong to f's description, not to
// the process, so SQLite closing one of its own descriptors of the same file does not drop
// them, and a second description in this process is refused like another process. They are
// byte-range locks on bytes SQLite does not use, so they never meet SQLite's own locks (on
// NFS too, where flock would become a whole-file lock). The kernel drops them when the
// process dies: a crash leaves no stale lock.
func lockFile(f *os.File, h Holder) (unlock func(), err error) {
	if err := ofd(f, unix.F_OFD_SETLK, unix.F_WRLCK, lockBase); err != nil {
		if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
			return nil, &LockedError{Holder: holderOf(f)}
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	// The holder's kind; a program that is refused asks which of the two bytes is held.
	if err := ofd(f, unix.F_OFD_SETLK, unix.F_WRLCK, kindOffset(h)); err != nil {
		ofd(f, unix.F_OFD_SETLK, unix.F_UNLCK, lockBase)
		return nil, fmt.Errorf("lock: %w", err)
	}
	return func() {
		ofd(f, unix.F_OFD_SETLK, unix.F_UNLCK, kindOffset(h))
		ofd(f, unix.F_OFD_SETLK, unix.F_UNLCK, lockBase)
	}, nil
}

// holderOf asks which kind byte of the file the holder of its lock holds.
func holderOf(f *os.File) Holder {
	for _, h := range []Holder{HolderWindow, HolderCommand} {
		lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: io.SeekStart, Start: kindOffset(h), Len: 1}
		if unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, &lk) == nil && lk.Type != unix.F_UNLCK {
			return h
		}
	}
	return HolderUnknown
}

func ofd(f *os.File, cmd int, typ int16, off int64) error {
	lk := unix.Flock_t{Type: typ, Whence: io.SeekStart, Start: off, Len: 1}
	return unix.FcntlFlock(f.Fd(), cmd, &lk)
}
