//go:build unix

package cli

import "syscall"

// setUmask sets the process umask so that the test sees the modes a careless default would give.
func setUmask(m int) int { return syscall.Umask(m) }
