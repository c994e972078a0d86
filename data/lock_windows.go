//go:build windows

package data

import (
	"fmt"
	"os"
)

// fileLock on Windows: the lock file is opened exclusively by creating it with O_EXCL and
// removed on release. A crash can leave it behind; it is then older than the process start
// and the user is told which file to remove.
type fileLock struct {
	f    *os.File
	path string
}

func lockFile(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	return &fileLock{f: f, path: path}, nil
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Close()
	os.Remove(l.path)
	l.f = nil
}
