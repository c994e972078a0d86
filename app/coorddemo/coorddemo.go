// Package coorddemo builds the coordinator's demo database the real way: the demo kommun's
// boards write their plans in a board database of their own, their officials get signing
// certificates from a demo signing CA, every plan is exported and signed as a submission PDF,
// and the coordinator imports the files. One board has not sent its plan for the year, one has
// sent two versions.
package coorddemo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/export"
	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
	"handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The boards the demo treats specially.
const (
	MissingBoard    = "Överförmyndarnämnden" // has sent last year's plan but not this year's
	TwoVersionBoard = "Tekniska nämnden"     // sent version 1, then a corrected version 2
)

// ErrNotEmpty means the coordinator's database already has boards or submissions.
var ErrNotEmpty = errors.New("database is not empty")

// Options say which demo to make.
type Options struct {
	Year    int    // the plan year the boards submit; last year's plans are submitted too
	WorkDir string // where the board database and the signed files are made (left there)
	// AppVersion is what the submissions say made them; "demo" when empty.
	AppVersion string
	Now        time.Time // signing time and "today"; time.Now() when zero
}

// Result tells what the demo imported.
type Result struct {
	Files   []string          // the signed PDFs, in import order
	Results []importer.Result // the importer's verdict on each
	CA      *identity.Identity
}

// CoordinatorDemo writes the coordinator's demo for year into store, making its files in
// workDir. It is `handlingsplan demo --coordinator`.
func CoordinatorDemo(store *data.Store, year int, workDir string) error {
	_, err := Generate(store, Options{Year: year, WorkDir: workDir})
	return err
}

// officials are the demo's signers, one per board, in the demo's board order. Their e-mail
// addresses are ASCII, as a certificate's subjectAltName must be.
var officials = []identity.Subject{
	{Name: "Karin Lindqvist", Title: "Kommundirektör", Email: "karin.lindqvist@demokommun.se"},
	{Name: "Jonas Åberg", Title: "Förvaltningschef", Email: "jonas.aberg@demokommun.se"},
	{Name: "Maria Öhman", Title: "Socialchef", Email: "maria.ohman@demokommun.se"},
	{Name: "Per-Erik Sjöström", Title: "Teknisk chef", Email: "per-erik.sjostrom@demokommun.se"},
	{Name: "Aisha Karimi", Title: "Förvaltningschef", Email: "aisha.karimi@demokommun.se"},
	{Name: "Lena Berg", Title: "Kultur- och fritidschef", Email: "lena.berg@demokommun.se"},
	{Name: "Mikael Ström", Title: "Räddningschef", Email: "mikael.strom@demokommun.se"},
	{Name: "Sofia Nyström", Title: "Enhetschef", Email: "sofia.nystrom@demokommun.se"},
	{Name: "Anders Hägg", Title: "Fastighetschef", Email: "anders.hagg@demokommun.se"},
}

// Generate is CoordinatorDemo with options, returning what was imported.
func Generate(store *data.Store, opt Options) (Result, error) {
	var res Result
	if opt.Year-2 < domain.MinYear || opt.Year+1 > domain.MaxYear {
		return res, fmt.Errorf("coordinator demo for %d: plan years must lie within %d–%d", opt.Year, domain.MinYear, domain.MaxYear)
	}
	if opt.AppVersion == "" {
		opt.AppVersion = "demo"
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	fail := func(err error) (Result, error) { return res, fmt.Errorf("coordinator demo for %d: %w", opt.Year, err) }
	boards, err := store.Boards()
	if err != nil {
		return fail(err)
	}
	subs, err := store.Submissions("", 0)
	if err != nil {
		return fail(err)
	}
	if len(boards) > 0 || len(subs) > 0 {
		return fail(fmt.Errorf("%w (%d boards, %d submissions)", ErrNotEmpty, len(boards), len(subs)))
	}
	prof, err := store.Profile()
	if err != nil {
		return fail(err)
	}
	if err := os.MkdirAll(opt.WorkDir, 0o700); err != nil {
		return fail(err)
	}

	// The boards' side: one shared board database stands in for every board's own computer.
	boardDB, err := data.Open(filepath.Join(opt.WorkDir, "boards.db"), "demo")
	if err != nil {
		return fail(err)
	}
	defer boardDB.Close()
	if err := boardDB.SaveProfile(prof); err != nil {
		return fail(err)
	}
	if err := demo.Generate(boardDB, demo.Options{Year: opt.Year}); err != nil {
		return fail(err)
	}

	// The coordinator's signing CA, trusted by the coordinator's app.
	ca, err := identity.NewCA("Demo signerings-CA", prof.Kommun, opt.Now, importer.CAValidity)
	if err != nil {
		return fail(err)
	}
	res.CA = ca
	im := importer.New(store)
	if _, err := im.AddCertificates(context.Background(), identity.CertPEM(ca.Cert)); err != nil {
		return fail(err)
	}

	files, err := signAll(boardDB, ca, prof, opt)
	if err != nil {
		return fail(err)
	}
	res.Files = files
	res.Results, err = im.Import(context.Background(), files, nil)
	if err != nil {
		return fail(err)
	}
	for _, r := range res.Results {
		if r.Verdict != importer.AcceptedNew && r.Verdict != importer.AcceptedNewer {
			return fail(fmt.Errorf("import %s: %s %s: %s", r.Name(), r.Verdict, r.Reason, r.Detail))
		}
	}
	// A deadline two weeks ahead, so the overview counts the days for the board still missing.
	if err := overview.SetDeadline(store, opt.Year, opt.Now.AddDate(0, 0, 14)); err != nil {
		return fail(err)
	}
	note := data.CoordinatorNote{Board: "Socialnämnden", Year: opt.Year,
		Checks: [3]domain.CheckResult{domain.CheckYes, domain.CheckYes, domain.CheckPartly},
		Text:   "Stickprovet på behörigheter visade konton för personal som slutat. Nämnden har skärpt rutinen; följs upp vid nästa avstämning."}
	if err := overview.SaveNote(store, note); err != nil {
		return fail(err)
	}
	return res, nil
}

// signAll issues each board's official a certificate and exports the plans to submit: last
// year's and this year's of every board, except this year's of MissingBoard; TwoVersionBoard
// corrects its plan after the first export and sends it again. Files are named so that a
// folder import takes them in the order they were made.
func signAll(boardDB *data.Store, ca *identity.Identity, prof domain.Profile, opt Options) ([]string, error) {
	boards, err := boardDB.Boards()
	if err != nil {
		return nil, err
	}
	loc := i18n.New(i18n.Swedish)
	var files []string
	exportPlan := func(b domain.Board, year int, id *identity.Identity) error {
		p, err := boardDB.PlanFor(b.ID, year)
		if err != nil {
			return err
		}
		out := filepath.Join(opt.WorkDir, fmt.Sprintf("%02d-%d-%s.pdf", len(files)+1, year, fileName(b.Name)))
		if _, err := export.Export(boardDB, p.ID, id, export.Options{Loc: loc, AppVersion: opt.AppVersion, Now: opt.Now, Out: out}); err != nil {
			return err
		}
		files = append(files, out)
		return nil
	}
	for i, b := range boards {
		subj := officials[i%len(officials)]
		subj.Board, subj.Kommun = b.Name, prof.Kommun
		id, err := official(ca, subj, opt.Now)
		if err != nil {
			return nil, err
		}
		if err := exportPlan(b, opt.Year-1, id); err != nil {
			return nil, err
		}
		if b.Name == MissingBoard {
			continue
		}
		if err := exportPlan(b, opt.Year, id); err != nil {
			return nil, err
		}
		if b.Name == TwoVersionBoard {
			if err := correct(boardDB, b, opt.Year); err != nil {
				return nil, err
			}
			if err := exportPlan(b, opt.Year, id); err != nil {
				return nil, err
			}
		}
	}
	return files, nil
}

// official makes an official's identity and has the CA issue its certificate, as the request
// and answer files would travel between the official's and the coordinator's apps.
func official(ca *identity.Identity, s identity.Subject, now time.Time) (*identity.Identity, error) {
	id, err := identity.New(s, now, importer.IssuedValidity)
	if err != nil {
		return nil, err
	}
	req, err := identity.Request(id)
	if err != nil {
		return nil, err
	}
	parsed, err := identity.ParseRequest(req)
	if err != nil {
		return nil, err
	}
	cert, err := identity.Issue(ca, parsed, s.Board, now, importer.IssuedValidity)
	if err != nil {
		return nil, err
	}
	if err := identity.Accept(id, identity.CertPEM(cert, ca.Cert)); err != nil {
		return nil, err
	}
	return id, nil
}

// correct is the change that makes TwoVersionBoard's second version: the board found that
// its first activity needs more external help.
func correct(boardDB *data.Store, b domain.Board, year int) error {
	p, err := boardDB.PlanFor(b.ID, year)
	if err != nil {
		return err
	}
	acts, err := boardDB.Activities(p.ID)
	if err != nil || len(acts) == 0 {
		return fmt.Errorf("correct %s %d: no activity to change: %v", b.Name, year, err)
	}
	a := acts[0]
	if _, err := boardDB.SetField(domain.FieldActivityExternalHours, a.ID, a.ExternalHours+80); err != nil {
		return err
	}
	_, err = boardDB.SetField(domain.FieldActivityOperatingCost, a.ID, a.OperatingCost+60_000)
	return err
}

// fileName turns a board name into a plain file name part.
func fileName(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			out = append(out, r)
		case r == 'å' || r == 'ä':
			out = append(out, 'a')
		case r == 'ö':
			out = append(out, 'o')
		case r == 'Å' || r == 'Ä':
			out = append(out, 'A')
		case r == 'Ö':
			out = append(out, 'O')
		default:
			out = append(out, '-')
		}
	}
	return string(out)
}
