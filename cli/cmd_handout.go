package cli

import (
	"errors"
	"fmt"
	"handlingsplan/version"
	"io"
	"os"
	"path/filepath"
	"time"

	"handlingsplan/app/export"
	"handlingsplan/app/present"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// runHandout is "handlingsplan handout": the presentation's slides as a 16:9 PDF for the meeting
// papers. With --board, that board's plan for the year (a received submission when there is
// one, else the board's own plan); without, the municipal overview of the year, from the
// received plans as the coordinator's overview shows it.
func runHandout(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("handout", stderr)
	db := dbFlag(fs)
	year := fs.Int("year", 0, "the plans' year")
	board := fs.String("board", "", "one board's plan (nämnd), e.g. Socialnämnden; without it the municipal overview")
	out := fs.String("out", "", "PDF to write")
	lang := fs.String("lang", "sv", "language of the slides and messages (sv, en)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if *db == "" || *year == 0 || *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("present.cli.usage"))
		return 2
	}
	if p := domain.ValidateYear(*year); p != nil {
		fmt.Fprintln(stderr, p.Text(loc))
		return 2
	}
	s, err := openExistingStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()

	deck, msg, err := handoutDeck(s, *board, *year, loc, time.Now())
	if msg != "" {
		fmt.Fprintln(stderr, msg)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, loc.T("present.cli.read_failed"))
		logDetail(stderr, loc, err)
		return 1
	}
	pdf, err := present.Handout(deck, present.HandoutOptions{AppName: loc.T("app.name"), AppVersion: version.Version})
	if err != nil {
		fmt.Fprintln(stderr, loc.T("present.cli.failed"))
		logDetail(stderr, loc, err)
		return 1
	}
	if err := writeFileAtomic(*out, pdf); err != nil {
		fmt.Fprintln(stderr, loc.Tf("present.cli.write_failed", "Path", *out))
		logDetail(stderr, loc, err)
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("present.cli.done", "Count", len(deck.Slides), "Path", *out))
	return 0
}

// handoutDeck builds the deck from the database with the function the presentation uses, so
// the handout holds the slides F5 shows, in the same order. msg is a sentence for the user
// when what was asked for does not exist; err is a failure to read.
func handoutDeck(s *data.Store, board string, year int, loc *i18n.Localizer, now time.Time) (deck *present.Deck, msg string, err error) {
	if board == "" {
		deck, o, err := present.OverviewDeck(s, year, loc, now)
		if err != nil {
			return nil, "", err
		}
		if len(o.Plans) == 0 {
			return nil, loc.Tf("present.cli.no_received", "Year", year), nil
		}
		return deck, "", nil
	}
	received, err := receivedPlans(s, board, year)
	if err != nil {
		return nil, "", err
	}
	if len(received) > 0 {
		deck, err := present.PlanDeck(s, received[0], loc, now)
		return deck, "", err
	}
	b, err := s.BoardByName(board)
	if errors.Is(err, data.ErrNotFound) {
		return nil, loc.Tf("present.cli.no_board", "Board", board), nil
	}
	if err != nil {
		return nil, "", err
	}
	p, err := s.PlanFor(b.ID, year)
	if errors.Is(err, data.ErrNotFound) {
		return nil, loc.Tf("present.cli.no_plan", "Board", board, "Year", year), nil
	}
	if err != nil {
		return nil, "", err
	}
	deck, err = present.PlanDeck(s, p.ID, loc, now)
	return deck, "", err
}

// receivedPlans lists the plan of the current received submission of board for year. A
// submission whose signer is no longer trusted is left out.
func receivedPlans(s *data.Store, board string, year int) ([]int64, error) {
	subs, err := s.Submissions(board, year)
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, sub := range subs {
		if sub.Current && sub.Trusted && sub.PlanID != 0 {
			out = append(out, sub.PlanID)
		}
	}
	return out, nil
}

// writeFileAtomic writes b to path through a temporary file in the same directory, so a failed
// write never leaves half a PDF under the name asked for.
func writeFileAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".handout-*.pdf")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, export.FileMode); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
