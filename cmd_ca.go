package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// runCA is "handlingsplan ca new|issue": the kommun signing CA on the coordinator's computer.
func runCA(args []string, stdout, stderr io.Writer) int {
	sub := map[string]func([]string, io.Writer, io.Writer) int{
		"new":   runCANew,
		"issue": runCAIssue,
	}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stderr, cliLocalizer("").T("importer.cli.ca_usage"))
		return 2
	}
	return sub[args[0]](args[1:], stdout, stderr)
}

// defaultCAPath is where the app keeps the signing CA: next to the default database.
func defaultCAPath() string {
	p, err := data.DefaultPath()
	if err != nil {
		return ""
	}
	return identity.DefaultCAPath(filepath.Dir(p))
}

// errNoPassphrase: the passphrase file's first line is empty.
var errNoPassphrase = errors.New("passphrase file: first line empty")

// caPassphrase reads the CA passphrase from the first line of a file, so that it never shows
// in the process list or the shell history; the line ending is not part of it.
func caPassphrase(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("passphrase file: %w", err)
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 64<<10)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("passphrase file %s: %w", path, err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", errNoPassphrase
	}
	return line, nil
}

func caPassphraseText(loc *i18n.Localizer, path string, err error) string {
	if errors.Is(err, errNoPassphrase) {
		return loc.Tf("importer.cli.passphrase_empty", "Path", path)
	}
	return loc.Tf("importer.cli.passphrase_unreadable", "Path", path)
}

func runCANew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ca new", stderr)
	db := dbFlag(fs)
	name := fs.String("name", "", "name of the CA, e.g. \"Exempelby kommun signerings-CA\" (required)")
	kommun := fs.String("kommun", "", "kommun (default: the policy profile's)")
	out := fs.String("out", defaultCAPath(), "CA file to create (.p12)")
	certOut := fs.String("cert-out", "", "also write the CA certificate (PEM) here, for officials and other tools")
	passFile := fs.String("passphrase-file", "", "file whose first line is the CA's passphrase (required)")
	years := fs.Int("years", 10, "validity in years")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	loc := cliLocalizer(*lang)
	if fs.NArg() > 0 || strings.TrimSpace(*name) == "" || *passFile == "" || *out == "" || *years < 1 || *years > 30 {
		fmt.Fprintln(stderr, loc.T("importer.cli.ca_usage"))
		return 2
	}
	pass, err := caPassphrase(*passFile)
	if err != nil {
		fmt.Fprintln(stderr, caPassphraseText(loc, *passFile, err))
		return 1
	}
	if identity.PassphraseStrength(pass) == identity.Weak {
		fmt.Fprintln(stderr, loc.T(identity.Weak.MessageKey()))
		return 1
	}
	s, err := openStore(*db, loc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer s.Close()
	if *kommun == "" {
		if p, err := s.Profile(); err == nil {
			*kommun = p.Kommun
		}
	}
	validity := time.Duration(*years) * 365 * 24 * time.Hour
	ca, err := importer.New(s).NewSigningCA(context.Background(), *out, *name, *kommun, pass, validity)
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if *certOut != "" {
		if err := os.WriteFile(*certOut, identity.CertPEM(ca.Cert), 0o644); err != nil {
			fmt.Fprintln(stderr, loc.Tf("importer.cli.write_failed", "Path", *certOut))
			return 1
		}
	}
	fmt.Fprintln(stdout, loc.Tf("importer.cli.ca_created", "Name", ca.Cert.Subject.CommonName, "Path", *out,
		"Until", loc.Date(ca.Cert.NotAfter), "Fingerprint", identity.GroupedFingerprint(ca.Cert)))
	return 0
}

func runCAIssue(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ca issue", stderr)
	db := dbFlag(fs)
	caPath := fs.String("ca", defaultCAPath(), "the signing CA file (.p12)")
	passFile := fs.String("passphrase-file", "", "file whose first line is the CA's passphrase (required)")
	board := fs.String("board", "", "the board the certificate is for (default: the one in the request)")
	days := fs.Int("days", int(importer.IssuedValidity/(24*time.Hour)), "validity in days")
	out := fs.String("out", "", "answer file to write (PEM; default: next to the request)")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	// The request file comes first ("ca issue REQUEST --ca …"); flags may follow it.
	var request string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		request, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	loc := cliLocalizer(*lang)
	if request == "" && fs.NArg() == 1 {
		request = fs.Arg(0)
	} else if fs.NArg() > 0 {
		request = ""
	}
	if request == "" || *passFile == "" || *caPath == "" || *days < 1 {
		fmt.Fprintln(stderr, loc.T("importer.cli.ca_usage"))
		return 2
	}
	if *out == "" {
		*out = strings.TrimSuffix(request, filepath.Ext(request)) + "-certifikat.pem"
	}
	reqBytes, err := os.ReadFile(request)
	if err != nil {
		fmt.Fprintln(stderr, loc.Tf("importer.cli.request_unreadable", "Path", request))
		return 1
	}
	pass, err := caPassphrase(*passFile)
	if err != nil {
		fmt.Fprintln(stderr, caPassphraseText(loc, *passFile, err))
		return 1
	}
	ca, err := identity.Load(*caPath, pass)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintln(stderr, loc.Tf("importer.cli.ca_missing", "Path", *caPath))
		} else {
			fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		}
		return 1
	}
	s, err := openStore(*db, loc)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer s.Close()
	answer, cert, err := importer.New(s).Issue(ca, reqBytes, *board, time.Duration(*days)*24*time.Hour)
	if err != nil {
		fmt.Fprintln(stderr, importer.ErrorText(loc, err))
		return 1
	}
	if err := os.WriteFile(*out, answer, 0o644); err != nil {
		fmt.Fprintln(stderr, loc.Tf("importer.cli.write_failed", "Path", *out))
		return 1
	}
	subj := identity.SubjectOf(cert)
	fmt.Fprintln(stdout, loc.Tf("importer.cli.issued", "Name", subj.Name, "Board", subj.Board, "Until", loc.Date(cert.NotAfter),
		"Fingerprint", identity.GroupedFingerprint(cert), "Path", *out))
	return 0
}
