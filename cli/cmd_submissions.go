package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"handlingsplan/app/importer"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// runSubmissions is "handlingsplan submissions list|choose": the coordinator's received
// submissions, the conflicts among them side by side, and choosing which one is current.
func runSubmissions(args []string, stdout, stderr io.Writer) int {
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"list":   runSubmissionsList,
		"choose": runSubmissionsChoose,
	}
	if len(args) == 1 && isHelp(args[0]) {
		fmt.Fprintln(stdout, cliLocalizer(langOf(args)).T("importer.cli.submissions_usage"))
		return 0
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, cliLocalizer(langOf(args)).T("importer.cli.submissions_usage"))
		return 2
	}
	return sub[args[0]](args[1:], stdout, stderr)
}

func isHelp(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// submissionsCommand parses the flags every submissions subcommand has and opens the store.
func submissionsCommand(name string, args []string, want int, stdout, stderr io.Writer, extra func(fs *flag.FlagSet)) (*importer.Importer, *i18n.Localizer, []string, func(), int) {
	fs := newFlags("submissions "+name, stderr)
	db := dbFlag(fs)
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	if extra != nil {
		extra(fs)
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, nil, nil, parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if len(pos) != want {
		fmt.Fprintln(stderr, loc.T("importer.cli.submissions_usage"))
		return nil, nil, nil, nil, 2
	}
	s, err := openExistingStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return nil, nil, nil, nil, 1
	}
	return importer.New(s), loc, pos, func() { s.Close() }, 0
}

// runSubmissionsList is "submissions list [--conflicts] [--board B] [--year Y]": one line per
// received submission, or, with --conflicts, each open conflict side by side with what
// differs.
func runSubmissionsList(args []string, stdout, stderr io.Writer) int {
	var conflicts *bool
	var board *string
	var year *int
	im, loc, _, done, code := submissionsCommand("list", args, 0, stdout, stderr, func(fs *flag.FlagSet) {
		conflicts = fs.Bool("conflicts", false, "only open conflicts, side by side")
		board = fs.String("board", "", "only this board")
		year = fs.Int("year", 0, "only this year")
	})
	if im == nil {
		return code
	}
	defer done()
	if p := domain.ValidateYear(*year); *year != 0 && p != nil {
		fmt.Fprintln(stderr, p.Text(loc))
		return 2
	}
	if *conflicts {
		return listConflicts(im, loc, *board, *year, stdout, stderr)
	}
	subs, err := im.Store().Submissions(*board, *year)
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if len(subs) == 0 {
		fmt.Fprintln(stdout, loc.T("importer.cli.no_submissions"))
	}
	for _, s := range subs {
		fmt.Fprintln(stdout, submissionLine(loc, s))
	}
	if groups, err := im.OpenConflicts(); err == nil && len(groups) > 0 {
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, loc.Tf("importer.cli.conflicts_open", "Count", len(groups)))
	}
	return 0
}

// submissionLine is one submission: id (for choose), board, year, version, state, signer,
// signing date and file.
func submissionLine(loc *i18n.Localizer, s data.Submission) string {
	var state []string
	if s.Current {
		state = append(state, loc.T("importer.cli.state_current"))
	}
	if s.ConflictOpen {
		state = append(state, loc.T("importer.cli.state_conflict"))
	}
	if !s.Trusted {
		state = append(state, loc.T("importer.cli.state_untrusted"))
	}
	signed := ""
	if !s.SignedAt.IsZero() {
		signed = loc.Date(s.SignedAt.Local())
	}
	return fmt.Sprintf("%d\t%s %d\t%s\t%s\t%s %s\t%s", s.ID, s.Board, s.Year, loc.Tf("importer.cli.version", "Version", s.Version),
		strings.Join(state, ", "), s.SignerName, signed, s.FileName)
}

func listConflicts(im *importer.Importer, loc *i18n.Localizer, board string, year int, stdout, stderr io.Writer) int {
	groups, err := im.Store().OpenConflicts(board, year)
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if len(groups) == 0 {
		fmt.Fprintln(stdout, loc.T("importer.cli.no_conflicts"))
		return 0
	}
	for i, g := range groups {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		c, err := im.CompareGroup(loc, g)
		if err != nil {
			fmt.Fprintln(stderr, importer.ErrorText(loc, err))
			return 1
		}
		fmt.Fprintln(stdout, loc.Tf("importer.cli.conflict_header", "Board", g.Board, "Year", g.Year))
		for _, side := range c.Sides {
			s := side.Submission
			fmt.Fprintln(stdout, "  "+submissionLine(loc, s))
			uuid := s.PlanUUID
			if uuid == "" {
				uuid = loc.T("importer.cli.no_uuid")
			}
			fmt.Fprintln(stdout, "  \t"+loc.Tf("importer.cli.plan_uuid", "UUID", uuid))
		}
		fmt.Fprintln(stdout, "  "+loc.T("importer.cli.differs"))
		for _, r := range c.Rows {
			fmt.Fprintf(stdout, "    %s: %s\n", r.Label, strings.Join(r.Values, " | "))
		}
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, loc.T("importer.cli.choose_hint"))
	return 0
}

// runSubmissionsChoose is "submissions choose ID": makes the submission current for its board
// and year and closes the open conflicts there; the audit log records who chose.
func runSubmissionsChoose(args []string, stdout, stderr io.Writer) int {
	im, loc, pos, done, code := submissionsCommand("choose", args, 1, stdout, stderr, nil)
	if im == nil {
		return code
	}
	defer done()
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id < 1 {
		fmt.Fprintln(stderr, loc.Tf("importer.cli.bad_id", "ID", pos[0]))
		return 2
	}
	out, err := im.Choose(id)
	if errors.Is(err, data.ErrNotFound) {
		fmt.Fprintln(stderr, loc.Tf("importer.cli.no_such_submission", "ID", id))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		logDetail(stderr, loc, err)
		return 1
	}
	fmt.Fprintln(stdout, importer.ChosenText(loc, out))
	return 0
}
