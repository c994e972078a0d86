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
}

func decisions(o *Overview) []DecisionRow {
	out := make([]DecisionRow, 0, len(o.Boards))
	for _, b := range o.Boards {
		r := DecisionRow{Board: b}
		if d, ok := o.Plan(b); ok {
			r.Received = true
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
