package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"handlingsplan/app/export"
	"handlingsplan/app/submission"
	"handlingsplan/i18n"
)

// runVerify is "handlingsplan verify [--trust FILE.pem ...] plan.pdf …": one verdict line per
// file; the exit code is 0 only when every file is valid and signed by a trusted signer.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", stderr)
	var trustFiles []string
	fs.Func("trust", "trusted certificate file (a CA or an approved signer, PEM or DER); repeatable", func(s string) error {
		trustFiles = append(trustFiles, s)
		return nil
	})
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if len(files) == 0 {
		fmt.Fprintln(stderr, loc.T("export.cli.verify_usage"))
		return 2
	}
	trust, err := export.LoadTrust(trustFiles)
	if err != nil {
		fmt.Fprintln(stderr, loc.T("export.cli.trust_unreadable"))
		return 1
	}
	results := export.VerifyFiles(files, trust, time.Now())
	valid := 0
	for _, r := range results {
		fmt.Fprintln(stdout, verdictLine(loc, r))
		if r.Valid() {
			valid++
		}
	}
	if len(results) > 1 {
		fmt.Fprintln(stdout, loc.Tf("export.cli.verify_summary", "Valid", valid, "Count", len(results)))
	}
	if valid != len(results) {
		return 1
	}
	return 0
}

// verdictLine is one file's verdict: the file, the verdict and why, and for an intact
// submission whose plan it is.
func verdictLine(loc *i18n.Localizer, r export.FileResult) string {
	if r.Err != nil {
		reason := loc.T("export.cli.unreadable_file")
		switch {
		case errors.Is(r.Err, os.ErrNotExist):
			reason = loc.T("export.cli.missing_file")
		case errors.Is(r.Err, export.ErrTooLarge):
			reason = loc.T("export.err.too_large")
		}
		return loc.Tf("export.cli.verify_line", "File", r.Path, "Verdict", submission.VerdictText(loc, submission.Rejected), "Reason", reason)
	}
	line := loc.Tf("export.cli.verify_line", "File", r.Path, "Verdict", submission.VerdictText(loc, r.Result.Verdict),
		"Reason", submission.ReasonText(loc, r.Result))
	if p := r.Result.Payload; p != nil && r.Result.Verdict != submission.Rejected {
		line += " " + loc.Tf("export.cli.verify_plan", "Board", p.Board, "Year", p.Year, "Version", p.Version)
	}
	return line
}
