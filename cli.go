package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"time"

	"handlingsplan/app"
	"handlingsplan/app/demo"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Version is the program version, printed in reports and submissions. Release builds set it
// with -ldflags "-X main.Version=…"; FyneApp.toml carries the same number.
var Version = "0.1.0"

// osUser is the name the audit log records: the OS user's login name.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "okänd"
}

// newFlags makes a flag set that reports usage errors to stderr instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// dbFlag adds --db with the default database path.
func dbFlag(fs *flag.FlagSet) *string {
	def, _ := data.DefaultPath()
	return fs.String("db", def, "database file")
}

// openStore opens the database, seeds the default policy profile on first start, and turns
// failures into one sentence in the user's language.
func openStore(path string, loc *i18n.Localizer) (*data.Store, error) {
	s, err := data.Open(path, osUser())
	if err != nil {
		return nil, errors.New(openErrorText(loc, path, err))
	}
	prof, err := app.DefaultProfile()
	if err == nil {
		err = s.EnsureProfile(prof)
	}
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("%s: %w", loc.Tf("err.db_open", "Path", path), err)
	}
	return s, nil
}

// openErrorText is the sentence for a database that could not be opened.
func openErrorText(loc *i18n.Localizer, path string, err error) string {
	var ne *data.NewerError
	switch {
	case errors.As(err, &ne):
		return loc.Tf("err.db_newer", "Path", path, "Have", ne.Have, "Want", ne.Want)
	case errors.Is(err, data.ErrLocked):
		return loc.Tf("err.db_locked", "Path", path)
	case errors.Is(err, data.ErrForeign):
		return loc.Tf("err.db_corrupt", "Path", path)
	}
	return loc.Tf("err.db_open", "Path", path)
}

// cliLocalizer is the language of command-line output: --lang, else Swedish.
func cliLocalizer(code string) *i18n.Localizer {
	l, _ := i18n.Parse(code)
	return i18n.New(l)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stdout, "handlingsplan", Version)
	return 0
}

func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("demo", stderr)
	db := fs.String("db", "", "database file to create (required)")
	year := fs.Int("year", time.Now().Year(), "the demo's current year N: plans for N-1, N and N+1")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	loc := cliLocalizer(*lang)
	if *db == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, loc.T("cli.demo_usage"))
		return 2
	}
	if p := app.ValidateYear(*year); p != nil {
		fmt.Fprintln(stderr, p.Text(loc))
		return 2
	}
	s, err := openStore(*db, loc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer s.Close()
	if err := demo.Generate(s, demo.Options{Year: *year}); err != nil {
		fmt.Fprintln(stderr, loc.T("cli.demo_failed"))
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("cli.demo_done", "Path", *db, "Year", *year))
	return 0
}
