// Package cli is handlingsplan's command line: every subcommand, its flags and its messages.
// It imports no Fyne and no ui package, so a command starts fast and prints nothing but its own
// output (the root package starts the desktop app when no command is named).
package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"handlingsplan/i18n"
)

// command is one subcommand: it gets its arguments and returns the exit code
// (0 ok, 1 a failure the user must look at, 2 a usage error). help is the message key of its
// line in the usage text.
type command struct {
	run  func(args []string, stdout, stderr io.Writer) int
	help string
}

func commands() map[string]command {
	return map[string]command{
		"demo":     {runDemo, "cli.help.demo"},
		"report":   {runReport, "cli.help.report"},
		"identity": {runIdentity, "cli.help.identity"},
		"export":   {runExport, "cli.help.export"},
		"verify":   {runVerify, "cli.help.verify"},
		"import":   {runImport, "cli.help.import"},
		"trust":    {runTrust, "cli.help.trust"},
		"ca":       {runCA, "cli.help.ca"},
		"handout":  {runHandout, "cli.help.handout"},
		"profile":  {runProfile, "cli.help.profile"},
		"register": {runRegister, "cli.help.register"},
		"version":  {runVersion, "cli.help.version"},
		"backup":   {runBackup, "cli.help.backup"},
		"restore":  {runRestore, "cli.help.restore"},
		// The coordinator's received submissions: conflicts side by side, choosing the current one.
		"submissions": {runSubmissions, "cli.help.submissions"},
	}
}

// IsCommand reports whether args name a command (the first argument is not a flag); without
// one, the program starts the desktop app.
func IsCommand(args []string) bool {
	return len(args) > 0 && !strings.HasPrefix(args[0], "-")
}

// Run runs the command args name and returns the exit code: 0 done, 1 something for the user
// to look at, 2 a usage error.
func Run(args []string, stdout, stderr io.Writer) int {
	if !IsCommand(args) {
		usage(stderr, i18n.New(i18n.Default))
		return 2
	}
	name := args[0]
	if name == "help" {
		return runHelp(args[1:], stdout, stderr)
	}
	c, ok := commands()[name]
	if !ok {
		loc := i18n.New(i18n.Default)
		fmt.Fprintln(stderr, loc.Tf("cli.unknown_command", "Name", name))
		fmt.Fprintln(stderr)
		usage(stderr, loc)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

// runHelp is "handlingsplan help [--lang en]".
func runHelp(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("help", stderr)
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	if _, err := parseArgs(fs, args); err != nil {
		return parseExit(err)
	}
	usage(stdout, cliLocalizer(*lang))
	return 0
}

// usage lists the ways to start the program, in the app's default language unless asked
// otherwise (the OS locale is often C, and the app does not trust it; see DESIGN.md §6).
func usage(w io.Writer, loc *i18n.Localizer) {
	fmt.Fprintln(w, loc.T("cli.usage"))
	cs := commands()
	names := make([]string, 0, len(cs))
	for n := range cs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(w, "  "+loc.T(cs[n].help))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, loc.T("cli.usage_more"))
}
