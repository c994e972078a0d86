// Package export is the board's export use case: check a plan, render its report, seal it with
// the official's identity into a signed submission PDF, write it and mark the plan signed.
// The desktop app and the command line both call Export, so a file made either way is the same.
package export

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/report"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var (
	// ErrBlocking means the plan has problems that must be fixed first; Result.Problems lists them.
	ErrBlocking = errors.New("plan has blocking problems")
	// ErrCertExpired means the signer certificate is no longer (or not yet) valid.
	ErrCertExpired = errors.New("signer certificate not valid now")
	// ErrNoOutput means no output file was named.
	ErrNoOutput = errors.New("no output file given")
)

// Options are what Export needs besides the plan and the identity.
type Options struct {
	Loc        *i18n.Localizer // the report's language; Swedish when nil
	AppVersion string          // required: printed in the report and carried in the payload
	Now        time.Time       // signing time; time.Now() when zero
	Out        string          // the PDF file to write (atomically)
	// Progress, when set, is told what is being done (a sentence in Loc's language) and how far
	// along the export is (0..1). It is called on Export's goroutine.
	Progress func(step string, frac float64)
	// failAt, in tests, is called after each step that leaves something behind ("reserved",
	// "written"); an error stops the export there, as a crash would.
	failAt func(step string) error
}

// Result is what an export made.
type Result struct {
	PDF       []byte
	Version   int             // the submission version the file carries
	Problems  domain.Problems // all problems found (blocking ones when ErrBlocking is returned)
	Sensitive bool            // the register holds details that must not be e-mailed
	Board     string
	Year      int
}

// Preflight is what the user should know before exporting a plan.
type Preflight struct {
	Data      domain.PlanData
	Profile   domain.Profile
	Problems  domain.Problems
	Sensitive bool
	Version   int  // the version an export now would carry
	Unchanged bool // the plan was signed before with exactly this content
	hash      string
}

// ContentHash is the hash of the plan content an export now would carry (the payload's
// content_hash, app/submission.ContentHash).
func (p Preflight) ContentHash() string { return p.hash }

// Blocking reports whether the plan cannot be exported as it is.
func (p Preflight) Blocking() bool { return p.Problems.Blocking() }

// Check loads a plan and tells what an export would find: its problems, whether it carries
// sensitive register details and which version it would get.
func Check(store *data.Store, planID int64) (Preflight, error) {
	d, err := store.PlanData(planID)
	if err != nil {
		return Preflight{}, fmt.Errorf("load plan %d: %w", planID, err)
	}
	prof, err := store.Profile()
	if err != nil {
		return Preflight{}, fmt.Errorf("load policy profile: %w", err)
	}
	prof = d.ProfileOr(prof) // the profile the plan was made under, which its submission carries
	pf := Preflight{Data: d, Profile: prof, Problems: domain.ValidatePlan(d, prof), Sensitive: sensitive(d)}
	// The hash of exactly what the payload will carry: the fields signing sets (version,
	// status, times) are not part of it.
	if pf.hash, err = submission.HashPayload(pf.payload(d, 0, time.Time{}, "")); err != nil {
		return Preflight{}, fmt.Errorf("plan %d: %w", planID, err)
	}
	last, err := store.LastIssued(planID)
	if err != nil {
		return Preflight{}, err
	}
	pf.Version, pf.Unchanged = nextVersion(d.Plan, last, pf.hash)
	return pf, nil
}

// payload is the submission payload of d as this preflight knows it.
func (pf Preflight) payload(d domain.PlanData, version int, now time.Time, appVersion string) submission.Payload {
	return submission.Payload{
		Schema:      submission.SchemaVersion,
		AppVersion:  appVersion,
		Kommun:      pf.Profile.Kommun,
		Board:       d.Plan.Board,
		Year:        d.Plan.Year,
		Version:     version,
		CreatedAt:   now,
		Goals:       pf.Profile.Goals,
		Areas:       pf.Profile.Areas,
		HoursPerFTE: pf.Profile.HoursPerFTE,
		Sensitive:   pf.Sensitive,
		Plan:        d,
		PlanUUID:    d.Plan.UUID,
		Profile:     &pf.Profile,
	}
}

// nextVersion is the version an export of content hash gets. The newest number the plan has
// handed out (last) is kept when its content was the same, whether its export finished or was
// cut short; other content gets the next number, so a number never carries two contents. A
// plan without any record (marked signed by the demo) keeps its version while it is signed;
// the store turns a signed plan back into a draft when its content changes.
func nextVersion(p domain.Plan, last data.IssuedVersion, hash string) (int, bool) {
	if last.Version > 0 {
		if last.Hash == hash {
			return last.Version, last.Signed
		}
		return max(last.Version, p.Version) + 1, false
	}
	if p.Version > 0 && p.Status == domain.PlanSigned {
		return p.Version, true
	}
	return p.Version + 1, false
}

// sensitive reports whether the plan or last year's plan has register entries marked
// sensitive: the payload then says so, and the rule is the submission schema's.
func sensitive(d domain.PlanData) bool {
	for _, s := range d.Systems {
		if s.Sensitive {
			return true
		}
	}
	return d.Previous != nil && sensitive(*d.Previous)
}

// Export makes the signed submission of a plan and writes it to opt.Out. It refuses a plan
// with blocking problems (ErrBlocking, the problems in Result.Problems). The version number
// is recorded for the plan's content before anything is written (data.ReserveVersion), so an
// export that fails or is killed at any later point never lets the next one use the number
// for other content; a gap in the numbers can result, a collision cannot. The file is
// verified before it is written; the plan is marked signed with its version only after the
// file is in place (a closed plan keeps its status), and the audit log names the signer.
func Export(store *data.Store, planID int64, id *identity.Identity, opt Options) (Result, error) {
	if opt.Loc == nil {
		opt.Loc = i18n.New(i18n.Swedish)
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	loc := opt.Loc
	progress := func(key string, frac float64) {
		if opt.Progress != nil {
			opt.Progress(loc.T(key), frac)
		}
	}
	if opt.Out == "" {
		return Result{}, fmt.Errorf("export plan %d: %w", planID, ErrNoOutput)
	}
	if opt.AppVersion == "" {
		return Result{}, fmt.Errorf("export plan %d: no app version", planID)
	}
	if id == nil || id.Cert == nil || id.Key == nil {
		return Result{}, fmt.Errorf("export plan %d: no signer identity", planID)
	}
	if opt.Now.Before(id.Cert.NotBefore) || opt.Now.After(id.Cert.NotAfter) {
		return Result{}, fmt.Errorf("export plan %d: certificate %q valid %s to %s: %w", planID, id.Cert.Subject.CommonName,
			id.Cert.NotBefore.Format(time.DateOnly), id.Cert.NotAfter.Format(time.DateOnly), ErrCertExpired)
	}

	progress("export.step.check", 0)
	pf, err := Check(store, planID)
	if err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	d := pf.Data
	res := Result{Version: pf.Version, Problems: pf.Problems, Sensitive: pf.Sensitive, Board: d.Plan.Board, Year: d.Plan.Year}
	if pf.Blocking() {
		res.Problems = blockingOnly(pf.Problems)
		return res, fmt.Errorf("export %s %d: %w (%d)", d.Plan.Board, d.Plan.Year, ErrBlocking, len(res.Problems))
	}
	// What is printed and carried is the plan as it will be stored: signed, with its version. A
	// closed plan (its year followed up) stays closed when it is sent again.
	status := domain.PlanSigned
	if d.Plan.Status == domain.PlanClosed {
		status = domain.PlanClosed
	}
	d.Plan.Status, d.Plan.Version = status, pf.Version
	signer := identity.SubjectOf(id.Cert)
	kommun := pf.Profile.Kommun

	store.SetWho(signer.Name)
	if err := store.ReserveVersion(planID, pf.Version, pf.hash); err != nil {
		return res, fmt.Errorf("export %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	if err := opt.fail("reserved"); err != nil {
		return res, err
	}

	progress("export.step.render", 0.1)
	pdf, err := report.Render(d, loc, report.Options{
		Kommun:     kommun,
		AppVersion: opt.AppVersion,
		Profile:    pf.Profile,
		Now:        opt.Now,
		Signature: &report.Signature{
			Name:        signer.Name,
			Title:       signer.Title,
			Email:       signer.Email,
			Fingerprint: identity.GroupedFingerprint(id.Cert),
			Issuer:      IssuerText(loc, id.Cert),
			SignedAt:    opt.Now,
		},
	})
	if err != nil {
		return res, fmt.Errorf("export %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}

	progress("export.step.seal", 0.6)
	payload := pf.payload(d, pf.Version, opt.Now.UTC(), opt.AppVersion)
	payload.ContentHash = pf.hash
	if h, err := submission.HashPayload(payload); err != nil || h != pf.hash {
		// The reserved number was recorded for pf.hash: a payload with other content must not
		// carry it.
		return res, fmt.Errorf("export %s %d: payload content hash %s, reserved for %s: %v", d.Plan.Board, d.Plan.Year, h, pf.hash, err)
	}
	chain := append([]*x509.Certificate{id.Cert}, id.Chain...)
	signed, err := submission.Seal(pdf, payload, id.Key, chain, submission.SignInfo{
		Name:        signer.Name,
		Reason:      loc.Tf("export.sign_reason", "Year", d.Plan.Year),
		Location:    kommun,
		ContactInfo: signer.Email,
		Time:        opt.Now,
	})
	if err != nil {
		return res, fmt.Errorf("export %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}

	progress("export.step.verify", 0.8)
	if err := checkOwn(signed, payload, id.Cert); err != nil {
		return res, fmt.Errorf("export %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	res.PDF = signed

	progress("export.step.write", 0.9)
	if err := WriteFile(opt.Out, signed); err != nil {
		return res, fmt.Errorf("export %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	if err := opt.fail("written"); err != nil {
		return res, err
	}

	progress("export.step.status", 0.95)
	// Status, version and its record in one transaction. The store keeps a closed plan
	// closed, as status above does.
	if err := store.MarkSigned(planID, pf.Version, pf.hash); err != nil {
		return res, fmt.Errorf("export %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	progress("export.step.done", 1)
	return res, nil
}

func (opt Options) fail(step string) error {
	if opt.failAt == nil {
		return nil
	}
	return opt.failAt(step)
}

// checkOwn verifies a sealed file as the coordinator will, trusting only its own signer: it
// must be valid and carry exactly the payload that was sealed.
func checkOwn(signed []byte, p submission.Payload, cert *x509.Certificate) error {
	r := submission.Verify(signed, submission.Trust{Signers: []*x509.Certificate{cert}}, time.Now())
	if r.Verdict != submission.Valid {
		return fmt.Errorf("signed file does not verify: %s: %s", r.Reason, r.Detail)
	}
	want, err := submission.MarshalPayload(p)
	if err != nil {
		return err
	}
	if !bytes.Equal(r.PayloadJSON, want) {
		return errors.New("signed file does not carry the payload unchanged")
	}
	return nil
}

func blockingOnly(ps domain.Problems) domain.Problems {
	var out domain.Problems
	for _, p := range ps {
		if p.Severity == domain.Blocking {
			out = append(out, p)
		}
	}
	return out
}

// IssuerText names who vouches for a certificate: "self-issued", or the issuing CA's name.
func IssuerText(loc *i18n.Localizer, c *x509.Certificate) string {
	if identity.IsSelfIssued(&identity.Identity{Cert: c}) {
		return loc.T("export.issuer_self")
	}
	if n := c.Issuer.CommonName; n != "" {
		return n
	}
	return c.Issuer.String()
}
