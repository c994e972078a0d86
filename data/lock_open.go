//go:build !windows

package data

import "os"

// openWAL opens an existing -wal file for locking.
func openWAL(path string) (*os.File, error) { return os.OpenFile(path, os.O_RDWR, 0) }
