package cli

import (
	"fmt"
	"handlingsplan/version"
	"io"
	"slices"
	"strings"
	"time"

	"handlingsplan/app/exports"
	"handlingsplan/app/identity"
	"handlingsplan/app/overview"
	"handlingsplan/domain"
)

// runReport is "handlingsplan report": the coordinator's consolidated exports of a year, the
// same files the overview's export buttons make. The output name's extension picks the format.
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", stderr)
	db := dbFlag(fs)
	year := fs.Int("year", 0, "the plan year to report on")
	out := fs.String("out", "", "file to write: .pdf (report for kommunstyrelsen), .xlsx, .csv (a folder of CSV files), .zip (CSV files), .ics (calendar)")
	board := fs.String("board", "", "narrow the report to one board (nämnd)")
	comma := fs.Bool("comma", false, "CSV with comma and decimal point instead of semicolon and decimal comma")
	protocol := fs.Bool("protocol", false, "the biennial follow-up protocol: of --board as .pdf, of every board as .zip")
	f := addIdentityFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	format, ferr := exports.FormatOf(*out)
	switch {
	case *db == "" || *year == 0 || *out == "" || len(pos) > 0:
		fmt.Fprintln(stderr, loc.T("exports.cli.usage"))
		return 2
	case ferr != nil:
		fmt.Fprintln(stderr, loc.T("exports.err.format"))
		fmt.Fprintln(stderr, loc.T("exports.cli.usage"))
		return 2
	case *protocol && !(format == exports.FormatPDF && *board != "" || format == exports.FormatZip):
		fmt.Fprintln(stderr, loc.T("exports.cli.protocol_usage"))
		return 2
	}
	if p := domain.ValidateYear(*year); p != nil {
		fmt.Fprintln(stderr, p.Text(loc))
		return 2
	}
	// The identity first: a wrong passphrase should not wait for the database.
	var signer *identity.Identity
	if *f.path != "" || *f.passFile != "" {
		if format != exports.FormatPDF && !*protocol {
			fmt.Fprintln(stderr, loc.T("exports.cli.sign_pdf_only"))
			return 2
		}
		if signer, _ = f.load(loc, stderr); signer == nil {
			return 1
		}
	}
	s, err := openExistingStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	now := time.Now()
	o, err := overview.Load(s, *year, overview.Options{Loc: loc, Board: *board, Now: now})
	if err != nil {
		fmt.Fprintln(stderr, loc.T("exports.cli.load_failed"))
		logDetail(stderr, loc, err)
		return 1
	}
	if *board != "" {
		known, err := s.Boards()
		if err != nil {
			fmt.Fprintln(stderr, loc.T("exports.cli.load_failed"))
			return 1
		}
		if !slices.ContainsFunc(known, func(b domain.Board) bool { return b.Name == *board }) {
			fmt.Fprintln(stderr, loc.Tf("export.cli.no_board", "Board", *board))
			return 1
		}
	}
	w, err := exports.Write(o, *out, exports.Options{
		ReportOptions: exports.ReportOptions{AppVersion: version.Version, Now: now, Signer: signer},
		Comma:         *comma, Protocol: *protocol, Board: *board,
	})
	if err != nil {
		fmt.Fprintln(stderr, exports.ErrorText(loc, err))
		return 1
	}
	if len(w.Files) > 0 {
		fmt.Fprintln(stdout, loc.Tf("exports.cli.written_files", "Path", w.Path, "Count", len(w.Files)))
	} else {
		fmt.Fprintln(stdout, loc.Tf("exports.cli.written", "Path", w.Path))
	}
	fmt.Fprintln(stdout, loc.Tf("exports.cli.summary", "Year", o.Year, "Received", len(o.Plans), "Count", len(o.Boards)))
	if missing := o.Missing(); len(missing) > 0 && *board == "" {
		fmt.Fprintln(stdout, loc.Tf("exports.cli.missing", "Boards", strings.Join(missing, ", "), "Count", len(missing)))
	}
	if signer != nil {
		fmt.Fprintln(stdout, loc.Tf("exports.cli.signed", "Name", identity.SubjectOf(signer.Cert).Name))
	}
	return 0
}
