// Package report renders one board's yearly information-security action plan as the
// human-readable PDF of a submission (DESIGN.md §5, part 1): cover, summary, goal coverage,
// activities, timeline, resources by quarter, training schedule, follow-up plan, last year's
// follow-up, the register annex and a signature page.
//
// The output is a gopdf PDF with embedded fonts, its document information and language (see
// pdfdoc.WithMeta); attaching the payload and signing are done afterwards by the submission
// package.
package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// Signature describes who signed the plan, for the signature page.
type Signature struct {
	Name        string
	Title       string
	Email       string
	Fingerprint string // certificate fingerprint, already grouped for reading aloud
	Issuer      string
	SignedAt    time.Time
}

// Options are the parts of the report that do not come from the plan itself.
type Options struct {
	Kommun     string // printed on the cover and in the header; Profile.Kommun when empty
	AppVersion string
	Profile    domain.Profile // goals, scale names and hours per full-time equivalent
	Signature  *Signature     // nil for an unsigned draft print
	Now        time.Time      // the print date on the cover; time.Now() when zero
}

// Render draws the report of plan d in the localizer's language. What it marks in red is the
// verdict of domain.ValidatePlan on d, the same that the wizard's review lists (see marks).
func Render(d domain.PlanData, loc *i18n.Localizer, opt Options) ([]byte, error) {
	out, _, err := renderMarked(d, loc, opt)
	return out, err
}

// renderMarked is Render, also returning the marks it printed (for tests).
func renderMarked(d domain.PlanData, loc *i18n.Localizer, opt Options) ([]byte, *marks, error) {
	if loc == nil {
		return nil, nil, errors.New("render report: no localizer")
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	// A plan is printed under the profile it was made under: its goals, scale and checklist.
	opt.Profile = d.ProfileOr(opt.Profile)
	if opt.Kommun == "" {
		opt.Kommun = opt.Profile.Kommun
	}
	doc, err := pdfdoc.New(loc)
	if err != nil {
		return nil, nil, fmt.Errorf("render report: %w", err)
	}
	r := &renderer{Doc: doc, loc: loc, opt: opt, d: d, marks: newMarks(domain.ValidatePlan(d, opt.Profile))}
	r.acts = inPlanOrder(d.Activities, func(a domain.Activity) int { return a.Position })
	r.annual = inPlanOrder(d.AnnualGoals, func(g domain.AnnualGoal) int { return g.Position })
	r.trainings = inPlanOrder(d.Trainings, func(t domain.Training) int { return t.Position })
	r.checkpoints = inPlanOrder(d.Checkpoints, func(c domain.Checkpoint) int { return c.Position })
	r.HeaderLeft = r.headerLeft()
	r.HeaderRight = loc.Tf("report.header.plan", "Year", d.Plan.Year)
	r.FooterLeft = loc.Tf("report.footer.version", "Version", d.Plan.Version, "Status", r.planStatus())

	r.cover()
	r.summary()
	r.annualGoals()
	r.goals()
	r.requirementAreas()
	r.activities()
	r.timeline()
	r.resources()
	r.trainingSchedule()
	r.followUpPlan()
	r.previous()
	r.checklist()
	r.register()
	r.leftOver()
	r.signature()
	out, err := r.Finish(r.meta())
	if err != nil {
		return nil, nil, fmt.Errorf("render report for %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	return out, r.marks, nil
}

// the order they came in.
func inPlanOrder[T any](rows []T, pos func(T) int) []T {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(pos(a), pos(b)) })
	return out
}

// renderer carries one rendering; the drawing itself is the house style's pdfdoc.Doc.
type renderer struct {
	*pdfdoc.Doc
	loc         *i18n.Localizer
	opt         Options
	d           domain.PlanData
	acts        []domain.Activity
	annual      []domain.AnnualGoal
	trainings   []domain.Training
	checkpoints []domain.Checkpoint
	marks       *marks // the plan's problems: the only source of red
}

func (r *renderer) headerLeft() string {
	parts := []string{}
	for _, s := range []string{r.opt.Kommun, r.d.Plan.Board} {
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// ---- shared formatting ----

func (r *renderer) planStatus() string {
	return r.keyOr("status."+string(r.d.Plan.Status), string(r.d.Plan.Status))
}

// keyOr translates key when it exists; unknown enum values from a newer version print as
// they are instead of as a missing-key marker.
func (r *renderer) keyOr(key, fallback string) string {
	if r.loc.Has(key) {
		return r.loc.T(key)
	}
	return fallback
}

func (r *renderer) priority(p domain.Priority) string {
	return r.keyOr("priority."+strconv.Itoa(int(p)), "")
}

func (r *renderer) hours(n int64) string {
	return r.loc.Tf("unit.hours", "N", r.loc.Number(n))
}

func (r *renderer) fte(hours int64) string {
	return r.loc.Tf("unit.fte", "N", r.loc.FTE(hours, r.opt.Profile.HoursPerFTE))
}

func (r *renderer) period(start, end time.Time) string {
	s, e := r.loc.Date(start), r.loc.Date(end)
	switch {
	case s == "" && e == "":
		return "–"
	case e == "" || s == e:
		return s
	case s == "":
		return "– " + e
	}
	return s + "\n– " + e
}

// sentenceCase capitalises the first letter: the policy's goals are written to follow
// "att:" and start in lower case.
func sentenceCase(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

// appName is the app's name with its version, e.g. "Handlingsplan 1.4.2".
func (r *renderer) appName() string {
	return strings.TrimSpace(r.loc.T("app.name") + " " + r.opt.AppVersion)
}

func (r *renderer) meta() pdfdoc.Meta {
	p := r.d.Plan
	author := p.Board // the board owns the plan
	if author == "" {
		author = r.opt.Kommun
	}
	return pdfdoc.Meta{
		Title:    r.loc.Tf("report.doc.title", "Year", p.Year, "Board", p.Board),
		Author:   author,
		Subject:  r.loc.Tf("report.doc.subject", "Year", p.Year, "Board", p.Board, "Kommun", r.opt.Kommun),
		Keywords: r.loc.Tf("report.doc.keywords", "Year", p.Year, "Board", p.Board, "Kommun", r.opt.Kommun),
		Creator:  r.appName(),
		Created:  r.opt.Now,
		Lang:     r.loc.Lang().Tag().String(),
	}
}
