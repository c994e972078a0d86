//go:build windows

package data

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile takes the instance lock on the file f is open on, and marks it as held by h.
//
// Windows byte-range locks (LockFileEx) belong to the handle: a second handle, in this process
// or another, is refused, and Windows drops them when the handle is closed or the process dies.
// The bytes lie far beyond anything SQLite reads or writes (Windows locks are mandatory).
func lockFile(f *os.File, h Holder) (unlock func(), err error) {
	hd := windows.Handle(f.Fd())
	if err := lockRange(hd, lockBase); err != nil {
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
			return nil, &LockedError{Holder: holderOf(hd)}
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := lockRange(hd, kindOffset(h)); err != nil {
		unlockRange(hd, lockBase)
		return nil, fmt.Errorf("lock: %w", err)
	}
	return func() {
		unlockRange(hd, kindOffset(h))
		unlockRange(hd, lockBase)
	}, nil
}

// holderOf asks which kind byte the holder holds: a byte that cannot be locked is held.
func holderOf(hd windows.Handle) Holder {
	for _, h := range []Holder{HolderWindow, HolderCommand} {
		if err := lockRange(hd, kindOffset(h)); err != nil {
			return h
		}
		unlockRange(hd, kindOffset(h))
	}
	return HolderUnknown
}

func overlapped(off int64) *windows.Overlapped {
	return &windows.Overlapped{Offset: uint32(off), OffsetHigh: uint32(off >> 32)}
}

func lockRange(hd windows.Handle, off int64) error {
	return windows.LockFileEx(hd, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, overlapped(off))
}

func unlockRange(hd windows.Handle, off int64) {
	windows.UnlockFileEx(hd, 0, 1, 0, overlapped(off))
}

// openWAL opens an existing -wal file for locking, sharing deletion: SQLite removes the file
// when its last connection closes, and our handle must not make that fail.
func openWAL(path string) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), nil
}
