// Command handlingsplan is the desktop app (no arguments) and its command-line tools.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand: it gets its arguments and returns the exit code
// (0 ok, 1 a failure the user must look at, 2 a usage error).
type command struct {
	run  func(args []string, stdout, stderr io.Writer) int
	help string
}

func commands() map[string]command {
	return map[string]command{
		"demo":     {runDemo, "demo --db PATH [--year N]            write the demo kommun into a new database"},
		"identity": {runIdentity, "identity new|request|accept|show|export-cert …  the signer identity (.p12)"},
		"export":   {runExport, "export --db DB --board B --year N --identity ID.p12 --passphrase-file F --out PLAN.pdf"},
		"verify":   {runVerify, "verify [--trust CERT.pem …] PLAN.pdf …   check signed submissions"},
		"import":   {runImport, "import [--db PATH] FILE|DIR …         verify and import signed submissions"},
		"trust":    {runTrust, "trust add|list|remove|approve …      the coordinator's trust list"},
		"ca":       {runCA, "ca new|issue …                        the kommun signing CA"},
		"version":  {runVersion, "version                               print the program version"},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name := args[0]
		if name == "help" {
			usage(stdout)
			return 0
		}
		c, ok := commands()[name]
		if !ok {
			fmt.Fprintf(stderr, "handlingsplan: unknown command %q\n\n", name)
			usage(stderr)
			return 2
		}
		return c.run(args[1:], stdout, stderr)
	}
	return runGUI(args, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: handlingsplan [--db PATH]          start the desktop app")
	fmt.Fprintln(w, "       handlingsplan COMMAND [flags]")
	fmt.Fprintln(w)
	cs := commands()
	names := make([]string, 0, len(cs))
	for n := range cs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(w, "  "+cs[n].help)
	}
}
