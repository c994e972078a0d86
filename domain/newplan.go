package domain

import (
	"strings"
	"time"
)

// CarryAction is what happens to one of last year's unfinished activities when next year's
// plan is made from it.
type CarryAction string

const (
	CarryRedate CarryAction = "redate" // carried over, its dates moved to the same day of the new year
	CarryKeep   CarryAction = "keep"   // carried over with its dates as they are
	CarryDrop   CarryAction = "drop"   // not carried over: marked struken in last year's follow-up, with a reason
)

// CarryActions lists the actions in the order the UI offers them.
var CarryActions = []CarryAction{CarryRedate, CarryKeep, CarryDrop}

// CarryChoice is the user's decision for one unfinished activity of last year's plan.
type CarryChoice struct {
	Activity Activity // last year's activity, as it is
	Action   CarryAction
	Reason   string // why it is dropped; required for CarryDrop
}

// NewPlanOptions say how next year's plan is made.
type NewPlanOptions struct {
	Board Board
	Year  int
	// Carry holds a choice per unfinished activity of the previous plan (see CarryCandidates).
	// Activities of the previous plan not listed here are not carried over.
	Carry []CarryChoice
	// Goals holds a choice per unmet annual goal of the previous plan (see
	// GoalCarryCandidates); the others are not carried over.
	Goals []GoalCarry
	// FollowUpTemplate copies the previous plan's checkpoints, re-dated, as a starting point.
	FollowUpTemplate bool
	// TrainingTemplate copies the previous plan's information and training events, re-dated.
	TrainingTemplate bool
}

// Drop is a follow-up change to last year's plan that goes with a new plan: an activity that
// is not carried over gets status struken and the reason in its follow-up comment.
type Drop struct {
	ActivityID int64
	Comment    string // the whole new comment: the earlier comment, if any, then the reason
}

// Unfinished reports whether an activity still has work left at follow-up: neither done nor
// dropped.
func Unfinished(a Activity) bool {
	return a.Status != ActivityDone && a.Status != ActivityDropped
}

// CarryCandidates lists the unfinished activities of prev, each with the default choice:
// carried over and re-dated. prev may be nil (no plan last year): then there is nothing.
func CarryCandidates(prev *PlanData) []CarryChoice {
	if prev == nil {
		return nil
	}
	var out []CarryChoice
	for _, a := range prev.Activities {
		if Unfinished(a) {
			out = append(out, CarryChoice{Activity: a, Action: CarryRedate})
		}
	}
	return out
}

// NextPlanYear is the year a new plan of a board covers: the year after its newest plan, or
// the year after now when it has none (plans are written in the autumn for the next year).
func NextPlanYear(plans []Plan, now time.Time) int {
	newest := 0
	for _, p := range plans {
		newest = max(newest, p.Year)
	}
	if newest == 0 {
		return now.Year() + 1
	}
	return newest + 1
}

// Redate moves a calendar date by whole years, keeping month and day; 29 February becomes
// 28 February in a year that has none. The zero date stays zero.
func Redate(t time.Time, years int) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	y += years
	if m == time.February && d == 29 && !isLeap(y) {
		d = 28
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// NewPlanFrom builds next year's plan for opt.Board from the previous plan prev (nil when the
// board has none: the result is an empty plan). It returns the plan to store, the follow-up
// changes to make to prev for the activities dropped, and the problems that stop it (a year
// out of range, a drop without a reason). Nothing is stored here. The carried activities keep
// their links to the board's register (SystemIDs), which the new plan shares.
func NewPlanFrom(prev *PlanData, opt NewPlanOptions) (PlanData, []Drop, Problems) {
	var ps Problems
	if e := ValidateYear(opt.Year); e != nil {
		ps = append(ps, *e)
	}
	d := PlanData{Plan: Plan{BoardID: opt.Board.ID, Board: opt.Board.Name, Year: opt.Year, Status: PlanDraft}}
	if prev == nil {
		return d, nil, ps
	}
	years := opt.Year - prev.Plan.Year
	if years <= 0 {
		years = 1
	}
	d.Plan.Responsible = prev.Plan.Responsible
	d.Plan.Contact = prev.Plan.Contact
	d.Plan.DecisionDate = Redate(prev.Plan.DecisionDate, years)

	// Unmet annual goals carried over keep last year's id for now, so that the activities
	// carried with them stay under them; the store gives both their own ids.
	carriedGoals := map[int64]bool{}
	for _, c := range opt.Goals {
		if c.Carry {
			d.AnnualGoals = append(d.AnnualGoals, carriedGoal(c.Goal, years, len(d.AnnualGoals)+1))
			carriedGoals[c.Goal.ID] = true
		}
	}

	var drops []Drop
	for _, c := range opt.Carry {
		switch c.Action {
		case CarryDrop:
			reason := strings.TrimSpace(c.Reason)
			if reason == "" {
				ps = append(ps, blocking("activity", c.Activity.ID, "reason", "wizard.err.drop_reason", "Title", c.Activity.Title))
				continue
			}
			comment := reason
			if old := strings.TrimSpace(c.Activity.FollowUpComment); old != "" {
				comment = old + "\n" + reason
			}
			drops = append(drops, Drop{ActivityID: c.Activity.ID, Comment: comment})
		case CarryKeep, CarryRedate:
			a := carried(c.Activity, c.Action, years, len(d.Activities)+1)
			if !carriedGoals[a.AnnualGoalID] {
				a.AnnualGoalID = 0 // its annual goal stays behind: the review asks for a new one
			}
			d.Activities = append(d.Activities, a)
		}
	}
	if opt.TrainingTemplate {
		for i, t := range prev.Trainings {
			n := Training{
				Position: i + 1, Title: t.Title, TargetGroup: t.TargetGroup, Format: t.Format, Kind: t.Kind,
				Responsible: t.Responsible, ExpectedParticipants: t.ExpectedParticipants, Evaluation: t.Evaluation,
			}
			for _, x := range t.Dates {
				n.Dates = append(n.Dates, Redate(x, years))
			}
			d.Trainings = append(d.Trainings, n)
		}
	}
	if opt.FollowUpTemplate {
		for i, c := range prev.Checkpoints {
			d.Checkpoints = append(d.Checkpoints, Checkpoint{
				Position: i + 1, Date: Redate(c.Date, years), Method: c.Method, ReportTo: c.ReportTo,
			})
		}
	}
	return d, drops, ps
}

// carried is last year's activity a as it starts in the new plan: same content and planned
// resources (a starting point the user revises), follow-up cleared, linked back to a.
func carried(a Activity, action CarryAction, years, position int) Activity {
	n := Activity{
		Position: position, Title: a.Title, Description: a.Description, Priority: a.Priority,
		Responsible: a.Responsible, Start: a.Start, End: a.End,
		InternalHours: a.InternalHours, ExternalHours: a.ExternalHours, OperatingCost: a.OperatingCost, Investment: a.Investment,
		Status: ActivityNotStarted, CarriedFrom: a.ID,
	}
	n.Goals = append([]int(nil), a.Goals...)
	n.SystemIDs = append([]int64(nil), a.SystemIDs...)
	n.Areas = append([]string(nil), a.Areas...)
	n.AnnualGoalID = a.AnnualGoalID
	if action == CarryRedate {
		n.Start, n.End = Redate(a.Start, years), Redate(a.End, years)
	}
	return n
}
