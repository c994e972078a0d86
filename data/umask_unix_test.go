//go:build unix

package data

import (
	"os/exec"
	"syscall"
)

// setUmask sets the process umask so that the test sees the modes a careless default would give.
func setUmask(m int) int { return syscall.Umask(m) }

// asNobody runs cmd as user nobody, for whom the user's private files are closed.
func asNobody(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
}
