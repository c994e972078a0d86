package overview

import (
	"handlingsplan/data"
	"handlingsplan/domain"
)

// LastYear is a board's plan of the year before, as the overview knows it: the board's own
// submission for that year, or the copy of it that came along in this year's submission. The
// resources and the follow-up both read it, so they never speak of two different plans.
type LastYear struct {
	Source LastSource
	Plan   *domain.PlanData // nil when Source is LastNone
	// Submission is the submission the plan came in: the board's current one for Year−1
	// (LastReceived) or for Year (LastCarried); zero when Source is LastNone.
	Submission data.Submission
	FollowedUp bool // the plan carries the board's autumn follow-up (FollowedUp)
}

// FollowedUp reports whether a plan carries the board's follow-up of its year: it is closed,
// or the board has answered a check or recorded an outcome of an activity. A plan nobody has
// followed up has every activity "not started" with nothing recorded, and reading it as
// "nothing was done" would turn a missing follow-up into a figure.
func FollowedUp(d domain.PlanData) bool {
	if d.Plan.Status == domain.PlanClosed {
		return true
	}
	for _, c := range d.Plan.Checks {
		if c.Result != domain.CheckUnanswered {
			return true
		}
	}
	for _, a := range d.Activities {
		if (a.Status != "" && a.Status != domain.ActivityNotStarted) || a.PercentDone > 0 || a.ActualHours > 0 ||
			a.ActualKronor > 0 || a.FollowUpComment != "" {
			return true
		}
	}
	return false
}

// PickLastYear chooses, of the board's own submission for last year (received) and the copy
// in this year's submission (carried), the one that carries the follow-up; when neither or
// both do, the board's own submission, which it signed for that year.
func PickLastYear(received, carried *domain.PlanData) (*domain.PlanData, LastSource) {
	switch {
	case received != nil && FollowedUp(*received):
		return received, LastReceived
	case carried != nil && FollowedUp(*carried):
		return carried, LastCarried
	case received != nil:
		return received, LastReceived
	case carried != nil:
		return carried, LastCarried
	}
	return nil, LastNone
}

// lastYears picks every board's last-year plan.
func lastYears(o *Overview, in Input) map[string]LastYear {
	received := map[string]*domain.PlanData{}
	for i := range in.LastYear {
		d := &in.LastYear[i]
		received[d.Plan.Board] = d
	}
	subs := func(hist []data.Submission, board string) data.Submission {
		for _, s := range hist {
			if s.Board == board && s.Current {
				return s
			}
		}
		return data.Submission{}
	}
	out := map[string]LastYear{}
	for _, b := range o.Boards {
		var carried *domain.PlanData
		if d, ok := o.Plan(b); ok && d.Previous != nil {
			carried = d.Previous
		}
		p, src := PickLastYear(received[b], carried)
		ly := LastYear{Source: src, Plan: p}
		switch src {
		case LastReceived:
			ly.Submission = subs(in.LastHistory, b)
		case LastCarried:
			ly.Submission = subs(in.History, b)
		}
		if p != nil {
			ly.FollowedUp = FollowedUp(*p)
		}
		out[b] = ly
	}
	return out
}

// LastYearOf is board's plan of last year as the overview uses it.
func (o *Overview) LastYearOf(board string) LastYear { return o.last[board] }
