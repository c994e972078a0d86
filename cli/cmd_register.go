package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"handlingsplan/app/registerimport"
	"handlingsplan/data"
)

// runRegister is "handlingsplan register import": a board's existing register from a
// spreadsheet.
func runRegister(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprintln(stderr, cliLocalizer(langOf(args)).T("registerimport.cli.usage"))
		return 2
	}
	return runRegisterImport(args[1:], stdout, stderr)
}

// runRegisterImport reads FILE.csv or FILE.xlsx into board's register: every bad row is named
// with its reason, the good ones go in together (with --dry-run nothing is saved). Exit 0: every
// row imported; 1: some rows refused (or the file or board could not be read); 2: usage.
func runRegisterImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("register import", stderr)
	db := dbFlag(fs)
	board := fs.String("board", "", "the board (nämnd) whose register it is")
	mapping := fs.String("map", "", `columns to fields, e.g. "Namn=name,Ägare=owner"`)
	dry := fs.Bool("dry-run", false, "check every row, save nothing")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if *db == "" || *board == "" || len(pos) != 1 {
		fmt.Fprintln(stderr, loc.T("registerimport.cli.usage"))
		return 2
	}
	file := pos[0]
	b, err := readLimited(file, registerimport.MaxFileSize)
	if err != nil {
		fmt.Fprintln(stderr, loc.Tf("registerimport.cli.unreadable", "Path", file))
		logDetail(stderr, loc, err)
		return 1
	}
	t, err := registerimport.Read(file, b)
	if err != nil {
		fmt.Fprintln(stderr, registerimport.ReadErrorText(loc, file, err))
		return 1
	}
	m := registerimport.Guess(t.Header)
	if *mapping != "" {
		if m, err = registerimport.ParseMap(*mapping, t.Header); err != nil {
			fmt.Fprintln(stderr, loc.Tf("registerimport.cli.bad_map", "Detail", strings.TrimPrefix(err.Error(), registerimport.ErrMap.Error()+": ")))
			fmt.Fprintln(stderr, loc.Tf("registerimport.cli.columns", "Columns", strings.Join(t.Header, ", ")))
			return 2
		}
	} else if err := m.Check(); err != nil {
		fmt.Fprintln(stderr, loc.T("registerimport.cli.no_name_column"))
		fmt.Fprintln(stderr, loc.Tf("registerimport.cli.columns", "Columns", strings.Join(t.Header, ", ")))
		return 2
	}
	open := openStore
	if *dry {
		open = openExistingStore // a dry run never creates a database
	}
	s, err := open(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	bd, err := s.BoardByName(*board)
	if errors.Is(err, data.ErrNotFound) {
		fmt.Fprintln(stderr, loc.Tf("export.cli.no_board", "Board", *board))
		return 1
	}
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	plan, err := registerimport.PrepareFor(s, bd.ID, t, m)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	// What each column fills, then each refused row with its reason.
	var cols []string
	for i, h := range t.Header {
		cols = append(cols, h+" → "+registerimport.FieldName(loc, m[i]))
	}
	fmt.Fprintln(stdout, loc.Tf("registerimport.cli.mapping", "Columns", strings.Join(cols, "; ")))
	for _, r := range plan.Rows {
		for _, e := range r.Errors {
			fmt.Fprintln(stderr, registerimport.ErrorText(loc, r, e, t.Header[m.Column(e.Field)]))
		}
	}
	if *dry {
		fmt.Fprintln(stdout, loc.Tf("registerimport.cli.dry_run", "New", plan.New, "Changed", plan.Changed, "Unchanged", plan.Unchanged, "Refused", plan.Refused))
	} else {
		sum, err := registerimport.Apply(s, bd.ID, plan)
		if err != nil {
			fmt.Fprintln(stderr, loc.T("registerimport.cli.failed"))
			logDetail(stderr, loc, err)
			return 1
		}
		fmt.Fprintln(stdout, loc.Tf("registerimport.cli.done", "Board", bd.Name, "New", sum.Added, "Changed", sum.Changed, "Unchanged", sum.Unchanged, "Refused", sum.Refused))
	}
	if plan.Refused > 0 {
		return 1
	}
	return 0
}
