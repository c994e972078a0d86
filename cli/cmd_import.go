package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"handlingsplan/app/importer"
	"handlingsplan/app/submission"
	"handlingsplan/i18n"
)

// runImport is "handlingsplan import --db DB FILE|DIR …": the coordinator's import, one verdict
// line per file and a summary. Exit 0 when every file is imported, a duplicate or an older
// version; 1 when any needs attention: rejected, could not be saved, waits for approval of its
// signer, or is in conflict with a submission imported before (choose with "submissions").
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr)
	db := dbFlag(fs)
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if len(paths) == 0 {
		fmt.Fprintln(stderr, loc.T("importer.cli.import_usage"))
		return 2
	}
	if importer.Count(paths) == 0 {
		fmt.Fprintln(stderr, loc.T("importer.cli.no_files"))
		return 1
	}
	s, err := openStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	// Ctrl+C stops before the next file; the files done so far stay imported.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results, err := importer.New(s).Import(ctx, paths, func(p importer.Progress) {
		if p.Result != nil {
			printResult(stdout, loc, *p.Result)
		}
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, loc.T("importer.cli.trust_unreadable"))
		logDetail(stderr, loc, err)
		return 1
	}
	sum := importer.Summarize(results)
	fmt.Fprintln(stdout, sum.Text(loc))
	if err != nil {
		fmt.Fprintln(stderr, loc.T("importer.cli.cancelled"))
		return 1
	}
	if sum[importer.UnknownSigner] > 0 {
		fmt.Fprintln(stdout, loc.T("importer.cli.approve_hint"))
	}
	if sum[importer.Conflict] > 0 {
		fmt.Fprintln(stdout, loc.T("importer.cli.conflict_hint"))
	}
	if !sum.Settled() {
		return 1
	}
	return 0
}

// printResult is one verdict line: file, verdict, the plain-language reason, and for a file
// waiting for approval the fingerprint to compare and approve with.
func printResult(w io.Writer, loc *i18n.Localizer, r importer.Result) {
	fmt.Fprintf(w, "%s: %s. %s\n", r.Name(), importer.VerdictText(loc, r.Verdict), r.Text(loc))
	if r.Verdict == importer.UnknownSigner {
		fmt.Fprintln(w, "  "+loc.Tf("importer.cli.fingerprint", "Signer", r.SignerName, "Fingerprint", submission.FormatFingerprint(r.Fingerprint)))
	}
}
