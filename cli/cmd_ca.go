package cli

import (
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
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if len(pos) > 0 || strings.TrimSpace(*name) == "" || *passFile == "" || *out == "" {
		fmt.Fprintln(stderr, loc.T("importer.cli.ca_usage"))
		return 2
	}
	if !inRange(stderr, loc, "--years", *years, importer.MinCAYears, importer.MaxCAYears) {
		return 2
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
	s, err := openStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
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
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	var request string
	if len(pos) == 1 {
		request = pos[0]
	}
	if request == "" || *passFile == "" || *caPath == "" {
		fmt.Fprintln(stderr, loc.T("importer.cli.ca_usage"))
		return 2
	}
	if !inRange(stderr, loc, "--days", *days, importer.MinIssuedDays, importer.MaxIssuedDays) {
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
	pass, err := readPassphrase(*passFile)
	if err != nil {
		fmt.Fprintln(stderr, passphraseErrorText(loc, *passFile, err))
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
	warnExposed(stderr, loc, *caPath, *passFile)
	s, err := openStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
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
