package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/profile"
	"handlingsplan/i18n"
)

// runProfile is "handlingsplan profile export|import": the kommun's policy profile as a signed
// file, sent by the coordinator and taken into use by the boards.
func runProfile(args []string, stdout, stderr io.Writer) int {
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"export": runProfileExport,
		"import": runProfileImport,
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, cliLocalizer(langOf(args)).T("profile.cli.usage"))
		return 2
	}
	return sub[args[0]](args[1:], stdout, stderr)
}

// runProfileExport signs the profile in use with the coordinator's identity (or the kommun
// signing CA's) and writes the file.
func runProfileExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("profile export", stderr)
	db := dbFlag(fs)
	f := addIdentityFlags(fs)
	out := fs.String("out", "", "profile file to write (.hpprofile or .json)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	if *db == "" || *f.path == "" || *f.passFile == "" || *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("profile.cli.usage"))
		return 2
	}
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
	b, p, err := profile.Export(s, id, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, profile.Text(loc, err, profile.Checked{}))
		return 1
	}
	if err := writeFileAtomic(*out, b); err != nil {
		fmt.Fprintln(stderr, loc.Tf("profile.cli.write_failed", "Path", *out))
		logDetail(stderr, loc, err)
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("profile.cli.exported", "Path", *out, "Version", p.Version, "Kommun", p.Kommun))
	fmt.Fprintln(stdout, loc.Tf("profile.cli.fingerprint", "Fingerprint", identity.GroupedFingerprint(id.Cert)))
	return 0
}

// runProfileImport takes a signed profile file into use for new plans. A signer the database
// does not know yet is approved with --approve and the fingerprint, after comparing it.
func runProfileImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("profile import", stderr)
	db := dbFlag(fs)
	approve := fs.String("approve", "", "the signer's fingerprint, compared with the coordinator's")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if *db == "" || len(pos) != 1 {
		fmt.Fprintln(stderr, loc.T("profile.cli.usage"))
		return 2
	}
	b, err := readLimited(pos[0], profile.MaxFileSize)
	if err != nil {
		fmt.Fprintln(stderr, loc.Tf("profile.cli.unreadable", "Path", pos[0]))
		logDetail(stderr, loc, err)
		return 1
	}
	s, err := openStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	r, err := profile.Import(s, b, time.Now(), *approve)
	if err != nil {
		fmt.Fprintln(stderr, profile.Text(loc, err, r.Checked))
		if profile.ReasonOf(err) == profile.ReasonUntrusted {
			fmt.Fprintln(stderr, loc.Tf("profile.cli.approve_hint", "Fingerprint", r.Fingerprint, "File", pos[0]))
		}
		writeChanges(stderr, loc, r.Checked)
		return 1
	}
	if r.InUse {
		fmt.Fprintln(stdout, loc.Tf("profile.cli.in_use", "Version", r.Profile.Version))
		return 0
	}
	fmt.Fprintln(stdout, loc.Tf("profile.cli.imported", "Version", r.Profile.Version, "Signer", r.Signer.Subject.CommonName, "Kommun", r.Profile.Kommun))
	writeChanges(stdout, loc, r.Checked)
	return 0
}

// writeChanges lists what a profile changes, one line each.
func writeChanges(w io.Writer, loc *i18n.Localizer, c profile.Checked) {
	if len(c.Changes) == 0 {
		return
	}
	fmt.Fprintln(w, loc.Tf("profile.cli.changes", "Count", len(c.Changes)))
	for _, ch := range c.Changes {
		fmt.Fprintln(w, "  "+ch.Text(loc))
	}
}

// readLimited reads a file of at most max bytes (one more is read to tell a larger one).
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, max)
	}
	return b, nil
}
