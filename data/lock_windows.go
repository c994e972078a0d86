//go:build windows

package data

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// fileLock on Windows: the lock file is held open with no sharing allowed, so a second
// instance cannot open it. Windows closes the handle when the process dies, so a crash never
// leaves a stale lock (a lock made by creating the file would outlive the crash).
type fileLock struct{ f *os.File }

// errSharingViolation is ERROR_SHARING_VIOLATION: another handle holds the file.
const errSharingViolation syscall.Errno = 32

func lockFile(path string) (*fileLock, error) {
	name, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		if errors.Is(err, errSharingViolation) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	return &fileLock{f: os.NewFile(uintptr(h), path)}, nil
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Close()
	l.f = nil
}
