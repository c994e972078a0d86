package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// WriteError is a failure to write the output file. The file that was there before, if any,
// is left as it was, and no partial file remains.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("write %s: %v", e.Path, e.Err) }
func (e *WriteError) Unwrap() error { return e.Err }

// DiskFull reports whether the write failed because the disk is full.
func (e *WriteError) DiskFull() bool { return isDiskFull(e.Err) }

// Denied reports whether the write failed because the folder may not be written to.
func (e *WriteError) Denied() bool {
	return errors.Is(e.Err, fs.ErrPermission) || errors.Is(e.Err, syscall.EROFS)
}

// Windows error numbers for a full disk, which syscall.ENOSPC does not match there.
const (
	winErrorHandleDiskFull syscall.Errno = 39
	winErrorDiskFull       syscall.Errno = 112
)

func isDiskFull(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	if runtime.GOOS == "windows" {
		return errno == winErrorDiskFull || errno == winErrorHandleDiskFull
	}
	return errno == syscall.ENOSPC || errno == syscall.EDQUOT
}

// tempFile is what writeFile needs of the temporary file (an *os.File, or a test's stand-in
// that fails like a full disk).
type tempFile interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

func osCreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// FileMode and DirMode are what files and folders the app writes are created with on Unix:
// readable by the user only.
const (
	FileMode fs.FileMode = 0o600
	DirMode  fs.FileMode = 0o700
)

// WriteFile writes data to path: first to a temporary file in the same folder, synced to disk,
// then renamed over path. A crash or a full disk never leaves a half-written PDF under the
// name the user chose, and an existing file stays intact until the new one is complete.
func WriteFile(path string, data []byte) error {
	return writeFile(path, data, osCreateTemp)
}

func writeFile(path string, data []byte, create func(dir, pattern string) (tempFile, error)) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return &WriteError{Path: path, Err: fmt.Errorf("is a folder: %w", fs.ErrExist)}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := create(dir, "."+base+".*.tmp")
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	tmp := f.Name()
	// Private to the user (issue 13): a plan, its register and the coordinator's reports may
	// hold details that must not be read by everyone on a shared computer or file server; the
	// user shares the file on purpose.
	err = f.Chmod(FileMode)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return &WriteError{Path: path, Err: err}
	}
	return nil
}
