package overview

import (
	"slices"
	"strings"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// ProblemKind names something the coordinator should look at in a received submission.
type ProblemKind string

const (
	// ProblemUntrusted: the trust-list entry that vouched for the signer was removed.
	ProblemUntrusted ProblemKind = "untrusted"
	// ProblemLate: signed after the deadline.
	ProblemLate ProblemKind = "late"
	// ProblemPlan: the plan itself has a problem the board's review would flag (Plan is set).
	ProblemPlan ProblemKind = "plan"
	// ProblemConflict: another file for the board and year disagrees with the current one
	// (same version with other content, or another plan); the coordinator has not chosen yet,
	// so the figures shown are the first-received file's.
	ProblemConflict ProblemKind = "conflict"
)

// Problem is one thing to look at in a submission.
type Problem struct {
	Kind ProblemKind
	Plan *domain.Problem // for ProblemPlan
	// Row names what a plan problem is about, as the board's review names it: the system,
	// activity or training by its name, a checkpoint by its date; "" for the plan itself.
	Row string
}

// Text is the problem as one sentence in the user's language, naming the row it is about:
// "Procapita: Systemet är klassat på nivå 4 men …". The board is named by where it is shown
// (its row, or the heading of its list).
func (p Problem) Text(loc *i18n.Localizer) string {
	if p.Kind != ProblemPlan || p.Plan == nil {
		return loc.T("overview.problem." + string(p.Kind))
	}
	text := p.Plan.Text(loc)
	if p.Row == "" {
		return text
	}
	return loc.Tf("overview.problem.row", "Row", p.Row, "Text", text)
}

// rowName names the row of d a problem is about (see Problem.Row).
func rowName(loc *i18n.Localizer, d domain.PlanData, p domain.Problem) string {
	name := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return loc.T("overview.problem.untitled")
		}
		return strings.TrimSpace(s)
	}
	switch p.Entity {
	case "system":
		for _, x := range d.Systems {
			if x.ID == p.EntityID {
				return name(x.Name)
			}
		}
	case "activity":
		for _, a := range d.Activities {
			if a.ID == p.EntityID {
				return name(a.Title)
			}
		}
	case "training":
		for _, t := range d.Trainings {
			if t.ID == p.EntityID {
				return name(t.Title)
			}
		}
	case "checkpoint":
		for _, c := range d.Checkpoints {
			if c.ID == p.EntityID {
				if c.Date.IsZero() {
					return name(c.Method)
				}
				return loc.Date(c.Date)
			}
		}
	}
	return ""
}

// SubmissionRow is one board's submission status for the year.
type SubmissionRow struct {
	Board    string
	Received bool
	Current  data.Submission   // the current version; zero when nothing was received
	Versions []data.Submission // every version received, newest first
	Problems []Problem
}

// Late reports whether the current version was signed after the deadline.
func (r SubmissionRow) Late(deadline time.Time) bool {
	if !r.Received || deadline.IsZero() {
		return false
	}
	at := r.Current.SignedAt
	if at.IsZero() {
		at = r.Current.ImportedAt
	}
	y, m, d := at.In(time.Local).Date() // the day as the coordinator counts it
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(deadline)
}

func submissionRows(o *Overview, in Input) []SubmissionRow {
	versions := map[string][]data.Submission{}
	for _, s := range in.History {
		versions[s.Board] = append(versions[s.Board], s)
	}
	out := make([]SubmissionRow, 0, len(o.Boards))
	for _, b := range o.Boards {
		r := SubmissionRow{Board: b, Versions: versions[b]}
		for _, s := range r.Versions {
			if s.Current {
				r.Current, r.Received = s, true
			}
		}
		if slices.ContainsFunc(r.Versions, func(s data.Submission) bool { return s.ConflictOpen }) {
			r.Problems = append(r.Problems, Problem{Kind: ProblemConflict})
		}
		if r.Received {
			if !r.Current.Trusted {
				r.Problems = append(r.Problems, Problem{Kind: ProblemUntrusted})
			}
			if r.Late(o.Deadline) {
				r.Problems = append(r.Problems, Problem{Kind: ProblemLate})
			}
			if d, ok := o.Plan(b); ok {
				// The one plan validation, the board's review's own: what it lists is what the
				// coordinator is asked to look at.
				for _, p := range domain.ValidatePlan(d, o.Profile) {
					p := p
					r.Problems = append(r.Problems, Problem{Kind: ProblemPlan, Plan: &p, Row: rowName(o.loc, d, p)})
				}
			}
		}
		out = append(out, r)
	}
	return out
}

// Missing lists the boards that have sent nothing for the year.
func (o *Overview) Missing() []string {
	var out []string
	for _, r := range o.Submissions {
		if !r.Received {
			out = append(out, r.Board)
		}
	}
	return out
}

// ReceivedRows are the submission rows of the boards that have sent their plan (received true)
// or not (received false): the rows behind the "received" and "missing" counts.
func (o *Overview) ReceivedRows(received bool) Rows {
	var r Rows
	for _, s := range o.Submissions {
		if s.Received == received {
			r.Boards = append(r.Boards, s)
		}
	}
	return r
}

// VersionRows are the versions of board's plan received for the year.
func (o *Overview) VersionRows(board string) Rows {
	for _, s := range o.Submissions {
		if s.Board == board {
			return Rows{Versions: s.Versions}
		}
	}
	return Rows{}
}
