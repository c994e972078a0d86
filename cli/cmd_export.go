package cli

import (
	"errors"
	"fmt"
	"handlingsplan/version"
	"io"

	"handlingsplan/app/export"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// runExport is "handlingsplan export": the same export as the desktop app's, for one plan.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", stderr)
	db := dbFlag(fs)
	board := fs.String("board", "", "the board (nämnd), e.g. Socialnämnden")
	year := fs.Int("year", 0, "the plan's year")
	f := addIdentityFlags(fs)
	out := fs.String("out", "", "signed PDF to write")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	if *db == "" || *board == "" || *year == 0 || *f.path == "" || *f.passFile == "" || *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("export.cli.export_usage"))
		return 2
	}
	if p := domain.ValidateYear(*year); p != nil {
		fmt.Fprintln(stderr, p.Text(loc)) // a year no plan can have: a usage error, as in the other commands
		return 2
	}
	// The identity first: a wrong passphrase should not wait for the database.
	id, _ := f.load(loc, stderr)
	if id == nil {
		return 1
	}
	s, err := openExistingStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	b, err := s.BoardByName(*board)
	if errors.Is(err, data.ErrNotFound) {
		fmt.Fprintln(stderr, loc.Tf("export.cli.no_board", "Board", *board))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, export.ErrorText(loc, err))
		return 1
	}
	p, err := s.PlanFor(b.ID, *year)
	if errors.Is(err, data.ErrNotFound) {
		fmt.Fprintln(stderr, loc.Tf("export.cli.no_plan", "Board", *board, "Year", *year))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, export.ErrorText(loc, err))
		return 1
	}
	res, err := export.Export(s, p.ID, id, export.Options{Loc: loc, AppVersion: version.Version, Out: *out})
	if errors.Is(err, export.ErrBlocking) {
		fmt.Fprintln(stderr, export.ErrorText(loc, err))
		d, derr := s.PlanData(p.ID)
		if derr != nil {
			d.Plan = p
		}
		for _, pr := range res.Problems {
			fmt.Fprintln(stderr, "  "+export.ProblemLine(loc, d, pr))
		}
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, export.ErrorText(loc, err))
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("export.cli.exported", "Path", *out, "Board", res.Board, "Year", res.Year, "Version", res.Version))
	if res.Sensitive {
		fmt.Fprintln(stdout, loc.T("export.sensitive"))
	}
	return 0
}
