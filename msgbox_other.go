//go:build !windows

package main

import (
	"fmt"
	"io"
)

// showStartFailure tells the user why the program cannot start. Linux and macOS programs have
// their stderr in a terminal or the session's log, which is where the sentence goes.
func showStartFailure(w io.Writer, _, text string) {
	fmt.Fprintln(w, text)
}
