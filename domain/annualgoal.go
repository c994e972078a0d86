package domain

import (
	"slices"
	"strings"
	"time"
)

// Outcome is how far an annual goal was reached, recorded at follow-up.
type Outcome string

const (
	OutcomeNone   Outcome = ""        // not followed up yet
	OutcomeMet    Outcome = "met"     // uppnått
	OutcomePartly Outcome = "partly"  // delvis uppnått
	OutcomeNotMet Outcome = "not_met" // ej uppnått
)

// Outcomes lists the recorded outcomes in the order the UI offers them.
var Outcomes = []Outcome{OutcomeMet, OutcomePartly, OutcomeNotMet}

// Light is an annual goal's traffic light at follow-up: how serious the gap is.
type Light string

const (
	LightNone   Light = ""
	LightGreen  Light = "green"  // on track or reached
	LightYellow Light = "yellow" // a gap that needs watching
	LightRed    Light = "red"    // a serious gap
)

// Lights lists the lights in the order the UI offers them.
var Lights = []Light{LightGreen, LightYellow, LightRed}

// AnnualGoal is one of a plan's annual goals ("årliga mål"): what the board wants to have
// reached this year, how that is measured, which of the policy's strategic goals it serves,
// and, at follow-up, how far it got. Activities sit under annual goals (Activity.AnnualGoalID).
type AnnualGoal struct {
	// ID travels in a submission so that activities and follow-ups can name the goal; the
	// import maps it to its own ids, as it does systems.
	ID       int64  `json:"id"`
	PlanID   int64  `json:"-"`
	Position int    `json:"position"`
	Text     string `json:"text"` // what is to be reached, e.g. "Alla verksamhetskritiska system är klassade"
	// The measure: an indicator and a target value, a target date, or both.
	Indicator  string    `json:"indicator"`   // e.g. "andel klassade system"
	Target     string    `json:"target"`      // e.g. "100 %"
	TargetDate time.Time `json:"target_date"` // e.g. 30 June
	Goals      []int     `json:"goals"`       // the strategic goals (Goal.Number) it serves
	Areas      []string  `json:"areas,omitempty"`
	// Follow-up.
	Outcome         Outcome `json:"outcome"`
	Measured        string  `json:"measured"` // the value measured at follow-up
	Light           Light   `json:"light"`    // "" follows the outcome (see TrafficLight)
	FollowUpComment string  `json:"follow_up_comment"`
	// CarriedFrom is the id of last year's annual goal this one continues (0 when new).
	CarriedFrom int64 `json:"-"`
}

// TrafficLight is the goal's light as every view shows it: the one recorded, or else the one
// its outcome gives (met green, partly yellow, not met red); none before follow-up.
func (g AnnualGoal) TrafficLight() Light {
	return lightOf(g.Light, g.Outcome)
}

func lightOf(l Light, o Outcome) Light {
	if l != LightNone {
		return l
	}
	switch o {
	case OutcomeMet:
		return LightGreen
	case OutcomePartly:
		return LightYellow
	case OutcomeNotMet:
		return LightRed
	}
	return LightNone
}

// HasMeasure reports whether the goal says how it is measured: an indicator and a target value
// or date.
func (g AnnualGoal) HasMeasure() bool {
	return strings.TrimSpace(g.Indicator) != "" && (strings.TrimSpace(g.Target) != "" || !g.TargetDate.IsZero())
}

// Unmet reports whether the goal was not (wholly) reached, or not followed up: carry-over
// offers it for next year.
func (g AnnualGoal) Unmet() bool { return g.Outcome != OutcomeMet }

// AnnualGoalByID finds a plan's annual goal.
func AnnualGoalByID(gs []AnnualGoal, id int64) (AnnualGoal, bool) {
	if id == 0 {
		return AnnualGoal{}, false
	}
	for _, g := range gs {
		if g.ID == id {
			return g, true
		}
	}
	return AnnualGoal{}, false
}

// GoalsOf lists the strategic goals an activity serves, sorted: those of its annual goal and
// any it links to itself (plans made before annual goals link activities straight to the
// strategic goals). Goal coverage everywhere is counted through this.
func GoalsOf(a Activity, annual []AnnualGoal) []int {
	out := slices.Clone(a.Goals)
	if g, ok := AnnualGoalByID(annual, a.AnnualGoalID); ok {
		out = append(out, g.Goals...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ActivitiesUnder lists the activities under annual goal id, in the order given.
func ActivitiesUnder(acts []Activity, id int64) []Activity {
	var out []Activity
	for _, a := range acts {
		if id != 0 && a.AnnualGoalID == id {
			out = append(out, a)
		}
	}
	return out
}

// ValidateAnnualGoal checks one annual goal of a plan for year: it says what is to be reached
// and how that is measured (both block), serves a strategic goal of the policy, and its target
// date falls in the year.
func ValidateAnnualGoal(g AnnualGoal, year int, prof Profile) Problems {
	var ps Problems
	const e = "annual_goal"
	required(&ps, e, g.ID, "text", g.Text)
	if strings.TrimSpace(g.Indicator) == "" {
		ps = append(ps, blocking(e, g.ID, "indicator", "err.annual_goal.no_indicator"))
	}
	if strings.TrimSpace(g.Target) == "" && g.TargetDate.IsZero() {
		ps = append(ps, blocking(e, g.ID, "target", "err.annual_goal.no_target"))
	}
	if !inYear(g.TargetDate, year) {
		ps = append(ps, warning(e, g.ID, "target_date", "err.date_outside_year", "Year", year))
	}
	if len(g.Goals) == 0 {
		ps = append(ps, warning(e, g.ID, "goals", "err.annual_goal.no_goal"))
	}
	for _, n := range g.Goals {
		if prof.GoalText(n) == "" {
			ps = append(ps, blocking(e, g.ID, "goals", "err.unknown_goal", "Goal", n))
		}
	}
	ps = append(ps, unknownAreas(e, g.ID, g.Areas, prof)...)
	switch g.Outcome {
	case OutcomeNone, OutcomeMet, OutcomePartly, OutcomeNotMet:
	default:
		ps = append(ps, blocking(e, g.ID, "outcome", "err.unknown_value", "Value", string(g.Outcome)))
	}
	return ps
}

// validateAnnualGoals checks a plan's annual goals as a whole: each one, each has an activity
// under it, and each activity sits under an annual goal of the plan.
func validateAnnualGoals(d PlanData, prof Profile) Problems {
	var ps Problems
	for _, g := range d.AnnualGoals {
		ps = append(ps, ValidateAnnualGoal(g, d.Plan.Year, prof)...)
		if len(ActivitiesUnder(d.Activities, g.ID)) == 0 {
			ps = append(ps, blocking("annual_goal", g.ID, "activities", "err.annual_goal.no_activity"))
		}
	}
	return ps
}

// annualGoalOfActivity is the problem of an activity's link to its annual goal: none (a
// warning: plans made before annual goals have none) or one the plan does not have.
func annualGoalOfActivity(a Activity, gs []AnnualGoal) Problems {
	if a.AnnualGoalID == 0 {
		return Problems{warning("activity", a.ID, "annual_goal", "err.no_annual_goal")}
	}
	if _, ok := AnnualGoalByID(gs, a.AnnualGoalID); !ok {
		return Problems{blocking("activity", a.ID, "annual_goal", "err.unknown_annual_goal")}
	}
	return nil
}

// GoalsFollowedUp is the answer to the biennial check "årliga mål är uppföljda" that a plan's
// annual goals give: yes when every one has an outcome, partly when some have, no when none
// has. ok is false for a plan without annual goals: then the board answers the check itself.
func GoalsFollowedUp(gs []AnnualGoal) (r CheckResult, done, total int, ok bool) {
	if len(gs) == 0 {
		return CheckUnanswered, 0, 0, false
	}
	for _, g := range gs {
		if g.Outcome != OutcomeNone {
			done++
		}
	}
	switch done {
	case len(gs):
		r = CheckYes
	case 0:
		r = CheckNo
	default:
		r = CheckPartly
	}
	return r, done, len(gs), true
}

// Checks are a plan's three biennial checks as every view shows them: as the board answered
// them, except that "årliga mål är uppföljda" is filled from the annual goals' outcomes when
// the plan has annual goals (the board's own words stay).
func Checks(d PlanData) [3]Check {
	out := d.Plan.Checks
	if r, _, _, ok := GoalsFollowedUp(d.AnnualGoals); ok {
		out[CheckGoalsFollowed].Result = r
	}
	return out
}

// GoalCarry is the user's choice for one of last year's unmet annual goals.
type GoalCarry struct {
	Goal  AnnualGoal // last year's goal, as it is
	Carry bool
}

// GoalCarryCandidates lists prev's annual goals that were not reached (or not followed up),
// each carried over by default. prev may be nil.
func GoalCarryCandidates(prev *PlanData) []GoalCarry {
	if prev == nil {
		return nil
	}
	var out []GoalCarry
	for _, g := range prev.AnnualGoals {
		if g.Unmet() {
			out = append(out, GoalCarry{Goal: g, Carry: true})
		}
	}
	return out
}

// carriedGoal is last year's annual goal g as it starts in the new plan: same text, measure
// and links, target date moved by years, follow-up cleared. Its ID stays last year's, so that
// the carried activities under it can find it; the store gives it its own id.
func carriedGoal(g AnnualGoal, years, position int) AnnualGoal {
	return AnnualGoal{
		ID: g.ID, Position: position, Text: g.Text, Indicator: g.Indicator, Target: g.Target,
		TargetDate: Redate(g.TargetDate, years), Goals: slices.Clone(g.Goals), Areas: slices.Clone(g.Areas),
		CarriedFrom: g.ID,
	}
}
