package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"handlingsplan/app/export"
	"handlingsplan/app/identity"
	"handlingsplan/i18n"
)

// identityYears is how long a self-issued signing identity made here is valid.
const identityYears = 3

// runIdentity is "handlingsplan identity new|request|accept|show|export-cert".
func runIdentity(args []string, stdout, stderr io.Writer) int {
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"new":         runIdentityNew,
		"request":     runIdentityRequest,
		"accept":      runIdentityAccept,
		"show":        runIdentityShow,
		"export-cert": runIdentityExportCert,
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, cliLocalizer("").T("export.cli.identity_usage"))
		return 2
	}
	return sub[args[0]](args[1:], stdout, stderr)
}

// identityFlags are the flags every identity subcommand that opens an identity has.
type identityFlags struct {
	path, passFile, lang *string
}

func addIdentityFlags(fs *flag.FlagSet) identityFlags {
	return identityFlags{
		path:     fs.String("identity", "", "signing identity file (.p12)"),
		passFile: fs.String("passphrase-file", "", "file whose first line is the passphrase"),
		lang:     fs.String("lang", "sv", "language of messages (sv, en)"),
	}
}

// load opens the identity named by the flags; on failure it prints why and returns nil.
func (f identityFlags) load(loc *i18n.Localizer, stderr io.Writer) (*identity.Identity, string) {
	pass, err := readPassphrase(*f.passFile)
	if err != nil {
		fmt.Fprintln(stderr, passphraseErrorText(loc, *f.passFile, err))
		return nil, ""
	}
	id, err := identity.Load(*f.path, pass)
	if err != nil {
		fmt.Fprintln(stderr, identityErrorText(loc, *f.path, err))
		return nil, ""
	}
	warnExposed(stderr, loc, *f.path, *f.passFile)
	return id, pass
}

// identityErrorText is the sentence for an identity that could not be opened or saved.
func identityErrorText(loc *i18n.Localizer, path string, err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return loc.Tf("export.cli.identity_missing", "Path", path)
	}
	return loc.T(identity.MessageKey(err))
}

func runIdentityNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("identity new", stderr)
	name := fs.String("name", "", "your name")
	email := fs.String("email", "", "your e-mail address")
	title := fs.String("title", "", "your title, e.g. förvaltningschef")
	board := fs.String("board", "", "your board (nämnd)")
	kommun := fs.String("kommun", "", "your kommun")
	out := fs.String("out", "", "identity file to create (.p12)")
	passFile := fs.String("passphrase-file", "", "file whose first line is the new passphrase")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if *name == "" || *email == "" || *out == "" || *passFile == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("export.cli.identity_new_usage"))
		return 2
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintln(stderr, loc.Tf("export.cli.exists", "Path", *out))
		return 1
	}
	pass, err := readPassphrase(*passFile)
	if err != nil {
		fmt.Fprintln(stderr, passphraseErrorText(loc, *passFile, err))
		return 1
	}
	warnExposed(stderr, loc, *passFile)
	if identity.PassphraseStrength(pass) == identity.Weak {
		fmt.Fprintln(stderr, loc.T(identity.Weak.MessageKey()))
		return 1
	}
	id, err := identity.New(identity.Subject{Name: *name, Title: *title, Board: *board, Email: *email, Kommun: *kommun},
		time.Now(), identityYears*365*24*time.Hour)
	if err != nil {
		fmt.Fprintln(stderr, loc.T(identity.MessageKey(err)))
		return 1
	}
	if err := identity.Save(*out, id, pass); err != nil {
		fmt.Fprintln(stderr, loc.Tf("export.cli.identity_not_saved", "Path", *out))
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("export.cli.identity_created", "Name", id.Cert.Subject.CommonName, "Path", *out))
	fmt.Fprintln(stdout, loc.Tf("export.cli.fingerprint", "Fingerprint", identity.GroupedFingerprint(id.Cert)))
	return 0
}

func runIdentityRequest(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("identity request", stderr)
	f := addIdentityFlags(fs)
	out := fs.String("out", "", "certificate request file to write (.pem)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	if *f.path == "" || *f.passFile == "" || *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("export.cli.identity_request_usage"))
		return 2
	}
	id, _ := f.load(loc, stderr)
	if id == nil {
		return 1
	}
	req, err := identity.Request(id)
	if err != nil {
		fmt.Fprintln(stderr, loc.T(identity.MessageKey(err)))
		return 1
	}
	if err := export.WriteFile(*out, req); err != nil {
		fmt.Fprintln(stderr, export.ErrorText(loc, err))
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("export.cli.request_saved", "Path", *out))
	return 0
}

func runIdentityAccept(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("identity accept", stderr)
	f := addIdentityFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	if *f.path == "" || *f.passFile == "" || len(pos) != 1 {
		fmt.Fprintln(stderr, loc.T("export.cli.identity_accept_usage"))
		return 2
	}
	answer, err := os.ReadFile(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, loc.Tf("export.cli.unreadable", "Path", pos[0]))
		return 1
	}
	id, pass := f.load(loc, stderr)
	if id == nil {
		return 1
	}
	if err := identity.Accept(id, answer); err != nil {
		fmt.Fprintln(stderr, loc.T(identity.MessageKey(err)))
		return 1
	}
	if err := identity.Save(*f.path, id, pass); err != nil {
		fmt.Fprintln(stderr, loc.Tf("export.cli.identity_not_saved", "Path", *f.path))
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("export.cli.accepted", "Issuer", export.IssuerText(loc, id.Cert), "Path", *f.path))
	return 0
}

func runIdentityShow(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("identity show", stderr)
	f := addIdentityFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	if *f.path == "" || *f.passFile == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("export.cli.identity_show_usage"))
		return 2
	}
	id, _ := f.load(loc, stderr)
	if id == nil {
		return 1
	}
	s := identity.SubjectOf(id.Cert)
	rows := [][2]string{
		{"export.id.name", s.Name},
		{"export.id.title", s.Title},
		{"export.id.board", s.Board},
		{"export.id.kommun", s.Kommun},
		{"export.id.email", s.Email},
		{"export.id.valid", loc.Tf("export.id.valid_range", "From", loc.Date(id.Cert.NotBefore.Local()), "To", loc.Date(id.Cert.NotAfter.Local()))},
		{"export.id.issuer", export.IssuerText(loc, id.Cert)},
		{"export.id.fingerprint", identity.GroupedFingerprint(id.Cert)},
	}
	for _, r := range rows {
		if r[1] != "" {
			fmt.Fprintf(stdout, "%s: %s\n", loc.T(r[0]), r[1])
		}
	}
	return 0
}

func runIdentityExportCert(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("identity export-cert", stderr)
	f := addIdentityFlags(fs)
	out := fs.String("out", "", "certificate file to write (.pem, or .cer/.crt/.der for DER)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*f.lang)
	if *f.path == "" || *f.passFile == "" || *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("export.cli.identity_export_cert_usage"))
		return 2
	}
	id, _ := f.load(loc, stderr)
	if id == nil {
		return 1
	}
	if err := export.WriteFile(*out, export.CertFileBytes(*out, id.Cert, id.Chain)); err != nil {
		fmt.Fprintln(stderr, export.ErrorText(loc, err))
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("export.cli.cert_saved", "Path", *out))
	fmt.Fprintln(stdout, loc.Tf("export.cli.fingerprint", "Fingerprint", identity.GroupedFingerprint(id.Cert)))
	return 0
}
