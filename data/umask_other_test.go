//go:build !unix

package data

import "os/exec"

// setUmask is a no-op where files have no Unix modes; the tests that need it skip there.
func setUmask(int) int { return 0 }

// asNobody is only reached as root on Unix.
func asNobody(*exec.Cmd) {}
