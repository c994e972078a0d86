// Package submission is the machine side of a board's signed PDF submission: Seal attaches the
// plan data (submission.json) to the human report and signs the whole file; Verify checks a
// received file and says, with a reason, whether the coordinator may import it.
//
// The payload schema is documented in docs/submission-format.md.
package submission

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"handlingsplan/domain"
)

// SchemaVersion is the payload schema this build writes and the newest it reads.
// Raise it only for changes an older reader would misread; adding a field is not one.
// Schema 2 (docs/submission-format.md): annual goals, decisions, follow-ups, areas and the
// status "paused", which a reader of schema 1 would refuse (schema2.go); the policy profile, the
// checklist and what an activity addresses (schema2_profile.go).
const SchemaVersion = 2

// AttachmentName is the file name of the payload inside the PDF.
const AttachmentName = "submission.json"

// Limits on what Verify accepts; larger input is rejected before it is parsed.
const (
	// MaxFileSize: a report of 200 activities with last year's follow-up is about 200 kB, one
	// of 1000 activities 700 kB; the limit leaves room for that many times over.
	MaxFileSize    = 20 << 20
	MaxPayloadSize = 16 << 20 // decoded submission.json
)

// Payload is what submission.json holds: everything the coordinator's import needs.
type Payload struct {
	Schema      int             `json:"schema"`
	AppVersion  string          `json:"app_version"`
	Kommun      string          `json:"kommun"`
	Board       string          `json:"board"`
	Year        int             `json:"year"`
	Version     int             `json:"version"` // submission version counter of this board+year
	CreatedAt   time.Time       `json:"created_at"`
	Goals       []domain.Goal   `json:"goals"` // the profile's goals the plan refers to
	HoursPerFTE int             `json:"hours_per_fte"`
	Sensitive   bool            `json:"sensitive"` // register details that must not be e-mailed
	Plan        domain.PlanData `json:"plan"`      // everything to rebuild the plan on the coordinator's side
	// PlanUUID is the plan's identity (domain.Plan.UUID), the same in every version of the plan
	// and in every copy of the board's database. Added in schema 1; absent in older files.
	PlanUUID string `json:"plan_uuid,omitempty"`
	// ContentHash is ContentHash of this payload: the plan content, so that two files with
	// the same content have the same hash whenever they were signed. Added in schema 1; absent
	// in older files (the importer then computes it).
	ContentHash string `json:"content_hash,omitempty"`
	// Areas are the profile's requirement areas the plan's tags refer to. Added in schema 2.
	Areas []domain.RequirementArea `json:"areas,omitempty"`
	// Profile is the policy profile the plan was made under: goals, scale, checklist, rule goals
	// (schema 2; absent in older files). Goals and HoursPerFTE repeat its own for schema-1 readers.
	Profile *domain.Profile `json:"profile,omitempty"`
}

// Bounds of Validate that are not app-wide.
const (
	maxNameLen     = 1000   // characters in board, kommun, app version
	maxHoursPerFTE = 8784   // hours in a leap year
	maxRows        = 10_000 // activities, trainings, checkpoints or systems in one plan
)

// Validate checks the schema rules a payload must meet to be imported. It checks structure and
// consistency, not whether the plan is complete: that is the plan review's job.
func (p Payload) Validate() error {
	var v validator
	if p.Schema < 1 || p.Schema > SchemaVersion {
		v.addf("schema %d: this version reads 1 to %d", p.Schema, SchemaVersion)
	}
	v.name("app_version", p.AppVersion, true)
	v.name("kommun", p.Kommun, false)
	v.name("board", p.Board, true)
	if p.Year < domain.MinYear || p.Year > domain.MaxYear {
		v.addf("year %d outside %d..%d", p.Year, domain.MinYear, domain.MaxYear)
	}
	if p.Version < 1 {
		v.addf("version %d: must be 1 or more", p.Version)
	}
	if p.CreatedAt.IsZero() {
		v.addf("created_at is missing")
	}
	if p.PlanUUID != "" && !ValidUUID(p.PlanUUID) {
		v.addf("plan_uuid %.40q is not a UUID in lowercase canonical form", p.PlanUUID)
	}
	if p.ContentHash != "" && !validHash(p.ContentHash) {
		v.addf("content_hash %.70q is not 64 lowercase hexadecimal digits", p.ContentHash)
	}
	if p.HoursPerFTE < 1 || p.HoursPerFTE > maxHoursPerFTE {
		v.addf("hours_per_fte %d outside 1..%d", p.HoursPerFTE, maxHoursPerFTE)
	}
	goals := map[int]bool{}
	if len(p.Goals) == 0 {
		v.addf("goals: none")
	}
	for i, g := range p.Goals {
		if g.Number < 1 || goals[g.Number] {
			v.addf("goals[%d]: number %d is not positive or not unique", i, g.Number)
		}
		goals[g.Number] = true
		v.required(fmt.Sprintf("goals[%d].text", i), g.Text)
	}
	plan := p.Plan
	if plan.Plan.Board != p.Board {
		v.addf("plan.board %q differs from board %q", plan.Plan.Board, p.Board)
	}
	if plan.Plan.Year != p.Year {
		v.addf("plan.year %d differs from year %d", plan.Plan.Year, p.Year)
	}
	areas := v.areas(p.Areas)
	v.planData("plan", plan, goals)
	v.schema2("plan", plan, goals, areas)
	if prev := plan.Previous; prev != nil {
		// Last year's plan carries its own follow-up but no further history, which keeps a
		// submission's size proportional to two years.
		if prev.Previous != nil {
			v.addf("plan.previous.previous: only one year of history is carried")
		}
		if prev.Plan.Board != p.Board {
			v.addf("plan.previous.board %q differs from board %q", prev.Plan.Board, p.Board)
		}
		if prev.Plan.Year != p.Year-1 {
			v.addf("plan.previous.year %d is not %d", prev.Plan.Year, p.Year-1)
		}
		// Last year's activities may refer to goals the profile has since dropped.
		v.planData("plan.previous", *prev, nil)
		v.schema2("plan.previous", *prev, nil, nil)
	}
	v.profile(p)
	if !p.Sensitive && hasSensitive(plan) {
		v.addf("sensitive is false but the register has sensitive systems")
	}
	return v.err()
}

func hasSensitive(d domain.PlanData) bool {
	for _, s := range d.Systems {
		if s.Sensitive {
			return true
		}
	}
	return d.Previous != nil && hasSensitive(*d.Previous)
}

// validator collects schema problems; a few are enough to find the cause.
type validator struct{ problems []string }

const maxProblems = 20

func (v *validator) addf(format string, args ...any) {
	if len(v.problems) < maxProblems {
		v.problems = append(v.problems, fmt.Sprintf(format, args...))
	}
}

func (v *validator) err() error {
	if len(v.problems) == 0 {
		return nil
	}
	return errors.New("invalid payload: " + strings.Join(v.problems, "; "))
}

func (v *validator) name(field, s string, required bool) {
	if required && strings.TrimSpace(s) == "" {
		v.addf("%s is empty", field)
	}
	if utf8.RuneCountInString(s) > maxNameLen {
		v.addf("%s longer than %d characters", field, maxNameLen)
	}
}

func (v *validator) required(field, s string) {
	if strings.TrimSpace(s) == "" {
		v.addf("%s is empty", field)
	}
}

func (v *validator) amount(field string, n, max int64) {
	if n < 0 || n > max {
		v.addf("%s %d outside 0..%d", field, n, max)
	}
}

func (v *validator) dates(field string, start, end time.Time) {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		v.addf("%s ends before it starts", field)
	}
}

// planData checks one plan with its rows. goals nil skips the goal references.
func (v *validator) planData(at string, d domain.PlanData, goals map[int]bool) {
	pl := d.Plan
	if pl.Year < domain.MinYear || pl.Year > domain.MaxYear {
		v.addf("%s.year %d outside %d..%d", at, pl.Year, domain.MinYear, domain.MaxYear)
	}
	if !known(pl.Status, domain.PlanStatuses) {
		v.addf("%s.status %q unknown", at, pl.Status)
	}
	if pl.Version < 0 {
		v.addf("%s.version %d negative", at, pl.Version)
	}
	for i, c := range pl.Checks {
		switch c.Result {
		case domain.CheckUnanswered, domain.CheckYes, domain.CheckPartly, domain.CheckNo:
		default:
			v.addf("%s.checks[%d].result %q unknown", at, i, c.Result)
		}
	}
	if len(d.Activities) > maxRows || len(d.Trainings) > maxRows || len(d.Checkpoints) > maxRows || len(d.Systems) > maxRows {
		v.addf("%s: more than %d rows in a list", at, maxRows)
		return
	}
	for i, a := range d.Activities {
		f := fmt.Sprintf("%s.activities[%d]", at, i)
		v.required(f+".title", a.Title)
		if goals != nil {
			for _, g := range a.Goals {
				if !goals[g] {
					v.addf("%s.goals: goal %d is not among the payload's goals", f, g)
				}
			}
		}
		if a.Priority < 0 || a.Priority > domain.PriorityLow {
			v.addf("%s.priority %d unknown", f, a.Priority)
		}
		if a.Status != "" && !known(a.Status, domain.ActivityStatuses) {
			v.addf("%s.status %q unknown", f, a.Status)
		}
		v.dates(f, a.Start, a.End)
		v.amount(f+".internal_hours", a.InternalHours, domain.MaxHours)
		v.amount(f+".external_hours", a.ExternalHours, domain.MaxHours)
		v.amount(f+".operating_cost", a.OperatingCost, domain.MaxKronor)
		v.amount(f+".investment", a.Investment, domain.MaxKronor)
		v.amount(f+".actual_hours", a.ActualHours, domain.MaxHours)
		v.amount(f+".actual_kronor", a.ActualKronor, domain.MaxKronor)
		if a.PercentDone < 0 || a.PercentDone > 100 {
			v.addf("%s.percent_done %d outside 0..100", f, a.PercentDone)
		}
	}
	for i, t := range d.Trainings {
		f := fmt.Sprintf("%s.trainings[%d]", at, i)
		v.required(f+".title", t.Title)
		if t.Format != "" && !known(t.Format, domain.TrainingFormats) {
			v.addf("%s.format %q unknown", f, t.Format)
		}
		if t.ExpectedParticipants < 0 || t.ActualParticipants < 0 {
			v.addf("%s: negative number of participants", f)
		}
		if len(t.Dates) > 366 {
			v.addf("%s: more than 366 dates", f)
		}
	}
	ids := map[int64]bool{}
	for i, s := range d.Systems {
		f := fmt.Sprintf("%s.systems[%d]", at, i)
		v.required(f+".name", s.Name)
		// Activities refer to systems by id; the import maps them to its own ids.
		if s.ID < 0 || (s.ID != 0 && ids[s.ID]) {
			v.addf("%s.id %d is negative or not unique", f, s.ID)
		}
		ids[s.ID] = true
		for _, l := range []int{s.Confidentiality, s.Integrity, s.Availability, s.Traceability} {
			if l < -1 || l > 4 {
				v.addf("%s: classification %d outside -1..4", f, l)
			}
		}
		switch s.SecurityPlan {
		case "", domain.SecurityPlanNone, domain.SecurityPlanBase, domain.SecurityPlanDeepened:
		default:
			v.addf("%s.security_plan %q unknown", f, s.SecurityPlan)
		}
	}
}

func known[T comparable](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

// Verdict is the outcome of Verify.
type Verdict string

const (
	// Valid: intact, signed by a trusted signer, payload readable.
	Valid Verdict = "valid"
	// UnknownSigner: intact and readable, but the signer is not on the trust list yet. The
	// coordinator may approve the certificate after comparing its fingerprint with the sender.
	UnknownSigner Verdict = "unknown_signer"
	// Rejected: must not be imported; Reason says why.
	Rejected Verdict = "rejected"
)

// Reason is a machine code for why a file was rejected; ReasonText turns it into a sentence.
type Reason string

const (
	ReasonEmpty             Reason = "empty"              // zero bytes
	ReasonTooLarge          Reason = "too_large"          // above MaxFileSize
	ReasonNotPDF            Reason = "not_pdf"            // no %PDF- header
	ReasonTruncated         Reason = "truncated"          // the end of the file is missing
	ReasonNoSignature       Reason = "no_signature"       // a PDF without signature
	ReasonSeveralSignatures Reason = "several_signatures" // more than one signature
	ReasonAppended          Reason = "appended"           // bytes after the signed part (e.g. an incremental update)
	ReasonTampered          Reason = "tampered"           // signed bytes changed after signing
	ReasonBadSignature      Reason = "bad_signature"      // the signature itself is broken or unverifiable
	ReasonCertInvalid       Reason = "cert_invalid"       // certificate expired, not yet valid or not for signing
	ReasonNoPayload         Reason = "no_payload"         // signed, but no submission.json
	ReasonPayloadInvalid    Reason = "payload_invalid"    // submission.json is not valid JSON or breaks the schema
	ReasonSchemaNewer       Reason = "schema_newer"       // made by a newer app with a newer schema
	ReasonUnreadable        Reason = "unreadable"         // the PDF structure cannot be read
)

// Reasons lists every reason Verify can give.
var Reasons = []Reason{
	ReasonEmpty, ReasonTooLarge, ReasonNotPDF, ReasonTruncated, ReasonNoSignature, ReasonSeveralSignatures,
	ReasonAppended, ReasonTampered, ReasonBadSignature, ReasonCertInvalid, ReasonNoPayload,
	ReasonPayloadInvalid, ReasonSchemaNewer, ReasonUnreadable,
}

// Result is what Verify found.
type Result struct {
	Verdict     Verdict
	Reason      Reason // "" unless Verdict is Rejected
	Detail      string // technical detail for logs, never shown raw in the UI
	Signer      *x509.Certificate
	Chain       []*x509.Certificate // verified chain leaf first, else the certificates in the signature
	Fingerprint string              // lowercase hex SHA-256 of the signer certificate (DER)
	SignedAt    time.Time           // signing time claimed in the signature (not a trusted timestamp)
	Payload     *Payload            // set for Valid and UnknownSigner
	PayloadJSON []byte              // the attachment byte for byte, whenever it could be extracted
}

// Trust is the coordinator's trust list.
type Trust struct {
	Roots   []*x509.Certificate // CA certificates: any signer certificate they issued is trusted
	Signers []*x509.Certificate // individually approved signer certificates
}
