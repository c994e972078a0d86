package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"handlingsplan/app/importer"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// runTrust is "handlingsplan trust add|list|remove|approve": the coordinator's trust list.
func runTrust(args []string, stdout, stderr io.Writer) int {
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"add":     runTrustAdd,
		"list":    runTrustList,
		"remove":  runTrustRemove,
		"approve": runTrustApprove,
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, cliLocalizer("").T("importer.cli.trust_usage"))
		return 2
	}
	return sub[args[0]](args[1:], stdout, stderr)
}

// trustCommand parses the flags every trust subcommand has and opens the store; want is the
// number of positional arguments (-1: at least one).
func trustCommand(name string, args []string, want int, stderr io.Writer) (*importer.Importer, *i18n.Localizer, []string, func(), int) {
	fs := newFlags("trust "+name, stderr)
	db := dbFlag(fs)
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	if name == "add" {
		fs.Bool("all", false, "add every certificate of the file") // stripped by runTrustAdd; listed in --help
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, nil, nil, parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if (want >= 0 && len(pos) != want) || (want < 0 && len(pos) == 0) {
		fmt.Fprintln(stderr, loc.T("importer.cli.trust_usage"))
		return nil, nil, nil, nil, 2
	}
	open := openExistingStore
	if name == "add" {
		open = openStore // adding the first certificate may start a coordinator's database
	}
	s, err := open(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return nil, nil, nil, nil, 1
	}
	return importer.New(s), loc, pos, func() { s.Close() }, 0
}

func kindText(loc *i18n.Localizer, e data.TrustEntry) string {
	if e.Kind == data.TrustCA {
		return loc.T("importer.cli.kind_ca")
	}
	return loc.T("importer.cli.kind_signer")
}

func runTrustAdd(args []string, stdout, stderr io.Writer) int {
	// --all is the only flag of its own: strip it before the shared flags are parsed.
	all := false
	rest := args[:0:0]
	for _, a := range args {
		if a == "--all" || a == "-all" {
			all = true
			continue
		}
		rest = append(rest, a)
	}
	im, loc, files, done, code := trustCommand("add", rest, -1, stderr)
	if im == nil {
		return code
	}
	defer done()
	code = 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(stderr, loc.Tf("importer.cli.cert_unreadable", "Path", f))
			code = 1
			continue
		}
		// Only the file's first certificate, unless --all: an official's .pem may carry their CA,
		// which must not become trusted for the whole kommun by accident.
		add := im.AddCertificates
		if all {
			add = im.AddAllCertificates
		}
		ch, err := add(context.Background(), b)
		for _, e := range ch.Added {
			fmt.Fprintln(stdout, loc.Tf("importer.cli.added", "Kind", kindText(loc, e), "Subject", e.Subject, "Fingerprint", submission.FormatFingerprint(e.Fingerprint)))
		}
		for _, e := range ch.Present {
			fmt.Fprintln(stdout, loc.Tf("importer.cli.already", "Subject", e.Subject))
		}
		if ch.Restored > 0 {
			fmt.Fprintln(stdout, loc.Tf("importer.cli.restored", "Count", ch.Restored))
		}
		if ch.Skipped > 0 {
			fmt.Fprintln(stdout, loc.Tf("importer.cli.skipped", "Count", ch.Skipped))
		}
		for _, r := range ch.Imported {
			printResult(stdout, loc, r)
		}
		if err != nil {
			fmt.Fprintln(stderr, f+": "+importer.ErrorText(loc, err))
			code = 1
		}
	}
	return code
}

func runTrustList(args []string, stdout, stderr io.Writer) int {
	im, loc, _, done, code := trustCommand("list", args, 0, stderr)
	if im == nil {
		return code
	}
	defer done()
	items, err := im.TrustList()
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if len(items) == 0 {
		fmt.Fprintln(stdout, loc.T("importer.cli.list_empty"))
	}
	for _, it := range items {
		e := it.Entry
		kind := kindText(loc, e)
		if it.SigningCA {
			kind = loc.T("importer.cli.kind_signing_ca")
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", kind, e.Subject, submission.FormatFingerprint(e.Fingerprint))
		fmt.Fprintln(stdout, "\t"+loc.Tf("importer.cli.added_by", "Who", e.AddedBy, "Date", loc.DateTime(e.AddedAt.Local())))
		if len(e.Boards) > 0 {
			fmt.Fprintln(stdout, "\t"+loc.Tf("importer.cli.boards", "Boards", strings.Join(e.Boards, ", ")))
		}
	}
	pend, err := im.Pending()
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if len(pend) > 0 {
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, loc.T("importer.cli.pending_header"))
		for _, p := range pend {
			fmt.Fprintf(stdout, "%s\t%s %d\t%s\t%s\n", p.FileName, p.Board, p.Year, p.SignerName, submission.FormatFingerprint(p.Fingerprint))
		}
	}
	return 0
}

func runTrustRemove(args []string, stdout, stderr io.Writer) int {
	im, loc, fp, done, code := trustCommand("remove", args, 1, stderr)
	if im == nil {
		return code
	}
	defer done()
	e, marked, err := im.RemoveTrust(fp[0])
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("importer.cli.removed", "Subject", e.Subject, "Fingerprint", submission.FormatFingerprint(e.Fingerprint)))
	fmt.Fprintln(stdout, loc.Tf("importer.cli.marked", "Count", marked))
	return 0
}

func runTrustApprove(args []string, stdout, stderr io.Writer) int {
	im, loc, fp, done, code := trustCommand("approve", args, 1, stderr)
	if im == nil {
		return code
	}
	defer done()
	ps, err := im.FindPending(fp[0])
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	// Approve exactly the signer found, not whatever else a short prefix might match later.
	e, results, err := im.Approve(context.Background(), submission.Fingerprint(ps.Cert))
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if len(ps.NewBoards) > 0 {
		fmt.Fprintln(stdout, loc.Tf("importer.cli.new_boards", "Boards", strings.Join(ps.NewBoards, ", ")))
	}
	if ps.CA != "" {
		// A CA already vouches for the signer: the files waited only for their new board.
		fmt.Fprintln(stdout, loc.Tf("importer.cli.approved_via_ca", "Signer", ps.Cert.Subject.CommonName, "CA", ps.CA, "Boards", strings.Join(ps.Boards, ", ")))
	} else {
		fmt.Fprintln(stdout, loc.Tf("importer.cli.approved", "Subject", e.Subject, "Fingerprint", submission.FormatFingerprint(e.Fingerprint)))
	}
	for _, r := range results {
		printResult(stdout, loc, r)
	}
	if !importer.Summarize(results).Settled() {
		return 1
	}
	return 0
}
