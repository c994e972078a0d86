//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachParentConsole gives a command run from cmd or PowerShell its output: the program is
// built for the GUI subsystem (no console window for the desktop app), so Windows gives it no
// console of its own. It borrows the parent's console when there is one and the output is not
// redirected to a file or pipe already (those handles Windows does pass on).
func attachParentConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if usable(syscall.STD_OUTPUT_HANDLE) && usable(syscall.STD_ERROR_HANDLE) {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer or a scheduled task: no console to write to
	}
	con, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return
	}
	if !usable(syscall.STD_OUTPUT_HANDLE) {
		os.Stdout = con
	}
	if !usable(syscall.STD_ERROR_HANDLE) {
		os.Stderr = con
	}
}

// usable reports whether the standard handle n leads somewhere (a file, a pipe, a console).
func usable(n int) bool {
	h, err := syscall.GetStdHandle(n)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	_, err = syscall.GetFileType(h)
	return err == nil
}
