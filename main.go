// Command handlingsplan is the desktop app (no arguments) and its command-line tools
// (handlingsplan help lists them).
package main

import (
	"os"

	_ "earlylocale" // before Fyne's init: see its doc

	"handlingsplan/cli"
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		attachParentConsole()
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	os.Exit(runGUI(args, os.Stderr))
}
