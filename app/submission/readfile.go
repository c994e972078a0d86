package submission

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

var (
	// ErrTooLarge: the file is larger than any submission can be (MaxFileSize).
	ErrTooLarge = errors.New("file too large for a submission")
	// ErrNotRegular: the path is a folder, a named pipe, a device or the like, not a file.
	ErrNotRegular = errors.New("not a regular file")
)

// ReadFile reads a submission (or a certificate file) from disk for Verify: only a regular
// file, at most MaxFileSize bytes, read once. A named pipe or device never blocks the caller:
// the path is checked before it is opened, and opened without waiting for a writer in case it
// was swapped meanwhile.
func ReadFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: %w (%s)", path, ErrNotRegular, st.Mode().Type())
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("read %s: %w (%d bytes, at most %d)", path, ErrTooLarge, st.Size(), MaxFileSize)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !opened.Mode().IsRegular() || !os.SameFile(st, opened) {
		return nil, fmt.Errorf("read %s: %w (replaced while opening)", path, ErrNotRegular)
	}
	// The file may grow after the check: read one byte more than allowed to notice.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("read %s: %w (more than %d bytes)", path, ErrTooLarge, MaxFileSize)
	}
	return data, nil
}
