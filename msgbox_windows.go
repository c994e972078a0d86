//go:build windows

package main

import (
	"io"
	"syscall"
	"unsafe"
)

// Flags of MessageBoxW (winuser.h).
const (
	mbOK        = 0x00000000
	mbIconError = 0x00000010
	mbTopMost   = 0x00040000
	mbSetFore   = 0x00010000
)

// showStartFailure tells the user in a Windows message box why the program cannot start: a
// program of the GUI subsystem has no console, so nobody would read stderr.
func showStartFailure(_ io.Writer, title, text string) {
	t, err1 := syscall.UTF16PtrFromString(text)
	c, err2 := syscall.UTF16PtrFromString(title)
	if err1 != nil || err2 != nil {
		return
	}
	proc := syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")
	if proc.Find() != nil {
		return
	}
	proc.Call(0, uintptr(unsafe.Pointer(t)), uintptr(unsafe.Pointer(c)), mbOK|mbIconError|mbTopMost|mbSetFore)
}
