package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"handlingsplan/i18n"
)

// newFlags makes a flag set that reports usage errors to stderr instead of exiting. Its help
// (--help, -h) is written by parseArgs in the language the arguments ask for.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseArgs parses args with flags before, between or after the positional arguments and
// returns the positional ones in order: "import ks2.pdf --db coord2.db" must not put the file
// into the default database (Go's flag package stops at the first non-flag). Everything after
// a "--" is positional. --help prints the command's flags, translated, and returns
// flag.ErrHelp (see parseExit).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	loc := cliLocalizer(langOf(args))
	fs.Usage = func() { writeFlagHelp(fs.Output(), loc, fs) }
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if endedByDashes(fs, args[:len(args)-len(rest)]) {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseExit is the exit code of a command whose arguments did not parse: 0 when the user
// asked for help (it has been printed), 2 for a usage error.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// langOf finds --lang in args before they are parsed, so that help and parse errors are
// in the language asked for; Swedish otherwise.
func langOf(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasVal {
			return val
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return "sv"
}

// usageKeys are the messages with a command's usage line, printed above its flags.
var usageKeys = map[string]string{
	"demo":                 "cli.demo_usage",
	"export":               "export.cli.export_usage",
	"verify":               "export.cli.verify_usage",
	"identity new":         "export.cli.identity_new_usage",
	"identity request":     "export.cli.identity_request_usage",
	"identity accept":      "export.cli.identity_accept_usage",
	"identity show":        "export.cli.identity_show_usage",
	"identity export-cert": "export.cli.identity_export_cert_usage",
	"import":               "importer.cli.import_usage",
	"trust add":            "importer.cli.trust_usage",
	"trust list":           "importer.cli.trust_usage",
	"trust remove":         "importer.cli.trust_usage",
	"trust approve":        "importer.cli.trust_usage",
	"ca new":               "importer.cli.ca_usage",
	"ca issue":             "importer.cli.ca_usage",
	"submissions list":     "importer.cli.submissions_usage",
	"submissions choose":   "importer.cli.submissions_usage",
	"report":               "exports.cli.usage",
	"handout":              "present.cli.usage",
	"profile export":       "profile.cli.usage",
	"profile import":       "profile.cli.usage",
	"register import":      "registerimport.cli.usage",
}

// writeFlagHelp writes the command's usage line and lists its flags, each with its translated
// description ("flag.<command>.<flag>", else "flag.<flag>") and default value.
func writeFlagHelp(w io.Writer, loc *i18n.Localizer, fs *flag.FlagSet) {
	if key, ok := usageKeys[fs.Name()]; ok && loc.Has(key) {
		fmt.Fprintln(w, loc.T(key))
		fmt.Fprintln(w)
	}
	// The top-level flag set is named for the program itself: "handlingsplan", not
	// "handlingsplan handlingsplan".
	cmd := strings.TrimSpace(strings.TrimPrefix(fs.Name(), "handlingsplan"))
	fmt.Fprintln(w, strings.Replace(loc.Tf("cli.flags_of", "Command", cmd), " :", ":", 1))
	fs.VisitAll(func(f *flag.Flag) {
		line := "  --" + f.Name
		if arg := flagArg(loc, f); arg != "" {
			line += " " + arg
		}
		fmt.Fprintln(w, line)
		desc, _ := flagDescription(loc, fs.Name(), f.Name)
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			desc += " " + loc.Tf("cli.flag_default", "Value", f.DefValue)
		}
		fmt.Fprintln(w, "        "+desc)
	})
}

// flagDescription is the translated description of flag name of command; ok is false when
// the message files have none (then the flag's own English text is used).
func flagDescription(loc *i18n.Localizer, command, name string) (string, bool) {
	for _, key := range []string{"flag." + strings.ReplaceAll(command, " ", ".") + "." + name, "flag." + name} {
		if loc.Has(key) {
			return loc.T(key), true
		}
	}
	return name, false
}

// flagArg names the value a flag takes (FIL, ÅR, …), or "" for a switch.
func flagArg(loc *i18n.Localizer, f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return ""
	}
	if key := "flag.arg." + f.Name; loc.Has(key) {
		return loc.T(key)
	}
	return loc.T("flag.arg.value")
}

// endedByDashes reports whether the flag package stopped parsing because of a "--" terminator
// (the last of the consumed arguments) rather than at a positional argument; a "--" that was
// the value of a flag ("--name --") is not a terminator.
func endedByDashes(fs *flag.FlagSet, consumed []string) bool {
	n := len(consumed)
	if n == 0 || consumed[n-1] != "--" {
		return false
	}
	if n == 1 {
		return true
	}
	prev := consumed[n-2]
	if !strings.HasPrefix(prev, "-") || strings.Contains(prev, "=") {
		return true
	}
	f := fs.Lookup(strings.TrimLeft(prev, "-"))
	if f == nil {
		return true
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// dbFlag adds --db with the default database path (IT's preset folder, else the user's).
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", DefaultDB(), "database file")
}

// inRange reports whether the number given with flag lies in min..max, and says the range on
// stderr when it does not (a usage error: the caller exits 2).
func inRange(stderr io.Writer, loc *i18n.Localizer, flag string, v, min, max int) bool {
	if v >= min && v <= max {
		return true
	}
	fmt.Fprintln(stderr, loc.Tf("cli.flag_range", "Flag", flag, "Value", v, "Min", min, "Max", max))
	return false
}
