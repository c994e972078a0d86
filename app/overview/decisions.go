package overview

import (
	"time"

	"handlingsplan/domain"
)

// DecisionRow says where one board's plan of the year stands with the board: decided (with
// the decision as the board registered it), or only planned; and whether the board decided on
// last year's follow-up.
type DecisionRow struct {
	Board    string
	Received bool // the board sent a plan for the year
	Decided  bool // the plan is beslutad (domain.Plan.Decided)
	Decision domain.Decision
	Planned  time.Time // the planned decision date, when not decided
	// FollowUp is the decision on last year's follow-up, from the plan the follow-up uses.
	FollowUp domain.Decision
	// Lacks is set for a plan received in a file of schema 1, which carries no decision,
	// annual goals, areas or follow-ups: the views show "–" for them, not "no".
	Lacks bool
}

func decisions(o *Overview) []DecisionRow {
	out := make([]DecisionRow, 0, len(o.Boards))
	for _, b := range o.Boards {
		r := DecisionRow{Board: b}
		if d, ok := o.Plan(b); ok {
			r.Received, r.Lacks = true, o.Lacks(b)
			r.Decided, r.Decision = d.Plan.Decided(), d.Plan.Decision
			if !d.Plan.Decision.Made() {
				r.Planned = d.Plan.DecisionDate
			}
		}
		if ly := o.last[b]; ly.Plan != nil {
			r.FollowUp = ly.Plan.Plan.FollowUpDecision
		}
		out = append(out, r)
	}
	return out
}

// Lacks reports whether board's current submission is of a schema before 2: it carries no
// decision, annual goals, requirement areas, management training or follow-ups during the year.
func (o *Overview) Lacks(board string) bool {
	for _, s := range o.Submissions {
		if s.Board == board && s.Received {
			return s.Current.Schema > 0 && s.Current.Schema < 2
		}
	}
	return false
}

// Decided counts the boards whose plan of the year is decided.
func (o *Overview) Decided() int {
	n := 0
	for _, r := range o.Decisions {
		if r.Decided {
			n++
		}
	}
	return n
}
