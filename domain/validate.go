package domain

import (
	"strings"
	"time"
)

// Bounds that catch typing mistakes (an extra zero or two) without getting in the way.
const (
	MinYear   = 2000
	MaxYear   = 2100
	MaxHours  = 100_000       // hours in one activity: ~60 FTE
	MaxKronor = 1_000_000_000 // kronor in one activity
	MaxPeople = 100_000
)

func blocking(entity string, id int64, field, key string, args ...any) Problem {
	return Problem{Severity: Blocking, Entity: entity, EntityID: id, Field: field, Key: key, Args: args}
}

func warning(entity string, id int64, field, key string, args ...any) Problem {
	return Problem{Severity: Warning, Entity: entity, EntityID: id, Field: field, Key: key, Args: args}
}

func required(ps *Problems, entity string, id int64, field, value string) {
	if strings.TrimSpace(value) == "" {
		*ps = append(*ps, blocking(entity, id, field, "err.required", "Field", "field."+field))
	}
}

// amount checks hours or kronor: not negative, not absurd.
func amount(ps *Problems, entity string, id int64, field string, v, max int64) {
	switch {
	case v < 0:
		*ps = append(*ps, blocking(entity, id, field, "err.negative", "Field", "field."+field))
	case v > max:
		*ps = append(*ps, blocking(entity, id, field, "err.too_large", "Field", "field."+field, "Max", max))
	}
}

func inYear(t time.Time, year int) bool { return t.IsZero() || t.Year() == year }

// ValidateYear checks a plan year.
func ValidateYear(year int) *Problem {
	if year < MinYear || year > MaxYear {
		p := blocking("plan", 0, "year", "err.year_range", "Min", MinYear, "Max", MaxYear)
		return &p
	}
	return nil
}

// ValidatePlanHead checks the plan's own fields (step 1 of the wizard).
func ValidatePlanHead(p Plan) Problems {
	var ps Problems
	if e := ValidateYear(p.Year); e != nil {
		e.EntityID = p.ID
		ps = append(ps, *e)
	}
	required(&ps, "plan", p.ID, "responsible", p.Responsible)
	return ps
}

// ValidateActivity checks one activity of a plan for year, on its own: it must link to a
// strategic goal itself. In a plan, the goals of its annual goal count too (see ValidatePlan).
func ValidateActivity(a Activity, year int, prof Profile) Problems {
	return validateActivity(a, year, prof, nil)
}

// validateActivity checks one activity of a plan whose annual goals are annual.
func validateActivity(a Activity, year int, prof Profile, annual []AnnualGoal) Problems {
	var ps Problems
	const e = "activity"
	required(&ps, e, a.ID, "title", a.Title)
	required(&ps, e, a.ID, "description", a.Description)
	required(&ps, e, a.ID, "responsible", a.Responsible)
	if a.Start.IsZero() {
		ps = append(ps, blocking(e, a.ID, "start", "err.required", "Field", "field.start"))
	}
	if a.End.IsZero() {
		ps = append(ps, blocking(e, a.ID, "end", "err.required", "Field", "field.end"))
	}
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
		ps = append(ps, blocking(e, a.ID, "end", "err.end_before_start"))
	}
	if !inYear(a.Start, year) {
		ps = append(ps, warning(e, a.ID, "start", "err.date_outside_year", "Year", year))
	}
	if !inYear(a.End, year) {
		ps = append(ps, warning(e, a.ID, "end", "err.date_outside_year", "Year", year))
	}
	if len(GoalsOf(a, annual)) == 0 {
		ps = append(ps, blocking(e, a.ID, "goals", "err.no_goal"))
	}
	for _, g := range a.Goals {
		if prof.GoalText(g) == "" {
			ps = append(ps, blocking(e, a.ID, "goals", "err.unknown_goal", "Goal", g))
		}
	}
	switch a.Status {
	case "", ActivityNotStarted, ActivityInProgress, ActivityDone, ActivityDropped, ActivityPaused:
	default:
		ps = append(ps, blocking(e, a.ID, "status", "err.unknown_value", "Value", string(a.Status)))
	}
	ps = append(ps, unknownAreas(e, a.ID, a.Areas, prof)...)
	amount(&ps, e, a.ID, "internal_hours", a.InternalHours, MaxHours)
	amount(&ps, e, a.ID, "external_hours", a.ExternalHours, MaxHours)
	amount(&ps, e, a.ID, "operating_cost", a.OperatingCost, MaxKronor)
	amount(&ps, e, a.ID, "investment", a.Investment, MaxKronor)
	amount(&ps, e, a.ID, "actual_hours", a.ActualHours, MaxHours)
	amount(&ps, e, a.ID, "actual_kronor", a.ActualKronor, MaxKronor)
	if a.PercentDone < 0 || a.PercentDone > 100 {
		ps = append(ps, blocking(e, a.ID, "percent_done", "err.percent_range"))
	}
	return ps
}

// ValidateTraining checks one information or training event.
func ValidateTraining(t Training, year int) Problems {
	var ps Problems
	const e = "training"
	required(&ps, e, t.ID, "title", t.Title)
	required(&ps, e, t.ID, "target_group", t.TargetGroup)
	required(&ps, e, t.ID, "responsible", t.Responsible)
	if len(t.Dates) == 0 {
		ps = append(ps, blocking(e, t.ID, "dates", "err.no_dates"))
	}
	for _, d := range t.Dates {
		if !inYear(d, year) {
			ps = append(ps, warning(e, t.ID, "dates", "err.date_outside_year", "Year", year))
			break
		}
	}
	people(&ps, t.ID, "expected_participants", t.ExpectedParticipants)
	people(&ps, t.ID, "actual_participants", t.ActualParticipants)
	return ps
}

// people checks a number of participants: not negative, not absurd.
func people(ps *Problems, id int64, field string, n int) {
	switch {
	case n < 0:
		*ps = append(*ps, blocking("training", id, field, "err.participants"))
	case n > MaxPeople:
		*ps = append(*ps, blocking("training", id, field, "err.too_large", "Field", "field.participants", "Max", MaxPeople))
	}
}

// ValidateCheckpoint checks one follow-up and reporting checkpoint. Reporting often happens
// early the next year, so a date outside the plan year is not even a warning unless it is
// more than a year off.
func ValidateCheckpoint(c Checkpoint, year int) Problems {
	var ps Problems
	const e = "checkpoint"
	if c.Date.IsZero() {
		ps = append(ps, blocking(e, c.ID, "date", "err.required", "Field", "field.date"))
	} else if c.Date.Year() < year || c.Date.Year() > year+1 {
		ps = append(ps, warning(e, c.ID, "date", "err.date_outside_year", "Year", year))
	}
	required(&ps, e, c.ID, "method", c.Method)
	required(&ps, e, c.ID, "report_to", c.ReportTo)
	return ps
}

// ValidateSystem checks one register entry as of asOf (zero: today): its own fields, and the
// register's rules (SystemWarnings). The policy wants every information channel listed with its
// information owner, so a missing owner blocks like a missing name.
func ValidateSystem(s System, asOf time.Time) Problems {
	ps := validateSystemFields(s)
	for _, w := range SystemWarnings(s, asOf) {
		ps = append(ps, w.Problem())
	}
	return ps
}

// ValidateRegister checks a board's register as of asOf; a warning that an activity of acts
// addresses says so.
func ValidateRegister(systems []System, acts []Activity, asOf time.Time) Problems {
	var ps Problems
	for _, s := range systems {
		ps = append(ps, validateSystemFields(s)...)
		for _, w := range systemWarnings(s, acts, asOf) {
			ps = append(ps, w.Problem())
		}
	}
	return ps
}

// validateSystemFields checks what a register entry must hold whatever the day: a name and
// levels on the scale.
func validateSystemFields(s System) Problems {
	var ps Problems
	const e = "system"
	required(&ps, e, s.ID, "name", s.Name)
	for _, f := range []struct {
		name string
		v    int
	}{{"confidentiality", s.Confidentiality}, {"integrity", s.Integrity}, {"availability", s.Availability}, {"traceability", s.Traceability}} {
		if f.v < -1 || f.v > 4 {
			ps = append(ps, blocking(e, s.ID, f.name, "err.level_range"))
		}
	}
	return ps
}

// ValidatePlan checks a whole plan: every row, what the policy asks of a plan as a whole, what
// was typed and is no value, and the follow-up of last year's plan that it carries (problems
// marked Previous). It is the one judge of a plan: the wizard's review, the export, the PDF
// report's and the slides' red marks and the coordinator's overview all take its verdict.
// Problems come in the order of the wizard's steps.
//
// A plan is judged under the profile it was made under (d.Profile, which the store sets for every
// plan that records one); prof is the profile for a plan that records none.
func ValidatePlan(d PlanData, prof Profile) Problems {
	prof = d.ProfileOr(prof)
	year := d.Plan.Year
	ps := ValidatePlanHead(d.Plan)
	ps = append(ps, validateDecisions(d.Plan)...)
	if d.Previous != nil {
		ps = append(ps, ValidateFollowUp(*d.Previous, prof)...)
	}
	ps = append(ps, validateAnnualGoals(d, prof)...)
	if len(d.Activities) == 0 {
		ps = append(ps, blocking("plan", d.Plan.ID, "activities", "err.no_activities"))
	}
	seen := map[string]bool{}
	covered := map[int]bool{}
	for _, a := range d.Activities {
		ps = append(ps, validateActivity(a, year, prof, d.AnnualGoals)...)
		ps = append(ps, annualGoalOfActivity(a, d.AnnualGoals)...)
		ps = append(ps, unparsed(d.Unparsed, "activity", a.ID)...)
		key := strings.ToLower(strings.TrimSpace(a.Title))
		if key != "" && seen[key] {
			ps = append(ps, warning("activity", a.ID, "title", "err.duplicate_title", "Title", strings.TrimSpace(a.Title)))
		}
		seen[key] = true
		for _, g := range GoalsOf(a, d.AnnualGoals) {
			covered[g] = true
		}
	}
	if len(d.Activities) > 0 {
		for _, g := range prof.Goals {
			if !covered[g.Number] {
				ps = append(ps, warning("plan", d.Plan.ID, "goals", "err.goal_uncovered", "Goal", g.Number))
			}
		}
	}
	if len(d.Trainings) == 0 {
		ps = append(ps, blocking("plan", d.Plan.ID, "trainings", "err.no_trainings"))
	}
	for _, t := range d.Trainings {
		ps = append(ps, ValidateTraining(t, year)...)
		ps = append(ps, unparsed(d.Unparsed, "training", t.ID)...)
	}
	if len(d.Checkpoints) == 0 {
		ps = append(ps, blocking("plan", d.Plan.ID, "checkpoints", "err.no_checkpoints"))
	}
	for _, c := range d.Checkpoints {
		ps = append(ps, ValidateCheckpoint(c, year)...)
	}
	ps = append(ps, ValidateFollowUps(d.FollowUps, d.Plan.ID, year)...)
	// The board's register travels with the plan (report annex, submission), so it is checked
	// with it, and so is the board's checklist of the policy's general requirements.
	ps = append(ps, ValidateRegister(d.Systems, d.Activities, d.AsOf)...)
	ps = append(ps, ValidateChecklist(d, prof)...)
	return ps
}

// UncoveredGoals lists the profile's goal numbers no activity serves, itself or through its
// annual goal (see GoalsOf).
func UncoveredGoals(acts []Activity, annual []AnnualGoal, prof Profile) []int {
	covered := map[int]bool{}
	for _, a := range acts {
		for _, g := range GoalsOf(a, annual) {
			covered[g] = true
		}
	}
	var out []int
	for _, g := range prof.Goals {
		if !covered[g.Number] {
			out = append(out, g.Number)
		}
	}
	return out
}

// ValidateFollowUp checks the autumn follow-up of a plan (last year's, as the plan after it
// carries it): the follow-up fields of its activities and events, what was typed there and is
// no value, and the policy's three biennial checks. The rest of that plan was judged when it was
// written. Every problem is marked Previous.
func ValidateFollowUp(prev PlanData, prof Profile) Problems {
	prof = prev.ProfileOr(prof)
	var ps Problems
	only := func(in Problems) {
		for _, p := range in {
			if IsFollowUpField(p.Entity, p.Field) {
				ps = append(ps, p)
			}
		}
	}
	for _, a := range prev.Activities {
		only(ValidateActivity(a, prev.Plan.Year, prof))
		only(unparsed(prev.Unparsed, "activity", a.ID))
	}
	for _, t := range prev.Trainings {
		only(ValidateTraining(t, prev.Plan.Year))
		only(unparsed(prev.Unparsed, "training", t.ID))
	}
	// Every annual goal gets an outcome at follow-up; one without is worth a look, like an
	// unanswered check (it makes "årliga mål är uppföljda" partly or no).
	for _, g := range prev.AnnualGoals {
		only(ValidateAnnualGoal(g, prev.Plan.Year, prof))
		if g.Outcome == OutcomeNone {
			ps = append(ps, warning("annual_goal", g.ID, "outcome", "err.annual_goal.no_outcome", "Text", strings.TrimSpace(g.Text)))
		}
	}
	if !prev.Plan.FollowUpDecision.IsZero() {
		only(ValidateDecision(prev.Plan.FollowUpDecision, "plan", prev.Plan.ID, "followup_decision_", prev.Plan.Year))
	}
	// The checks are answered in the autumn follow-up; the report prints an unanswered one and
	// a "no" in red, so both are worth a look before the plan is signed. They do not block: the
	// follow-up is the coordinator's every second year, and a "no" is an honest answer. The
	// check of the annual goals is their outcomes' (see Checks).
	for i, c := range Checks(prev) {
		switch c.Result {
		case CheckUnanswered:
			ps = append(ps, warning("plan", prev.Plan.ID, CheckField(i), "err.check_unanswered", "Field", "field."+CheckField(i)))
		case CheckNo:
			ps = append(ps, warning("plan", prev.Plan.ID, CheckField(i), "err.check_no", "Field", "field."+CheckField(i)))
		}
	}
	for i := range ps {
		ps[i].Previous = true
	}
	return ps
}

// unparsed are the blocking problems of what was typed into row entity/id's number fields and
// is no value: ParseNumber's own sentence, quoting the text. Text that reads as a value now (a
// later version reads more) still blocks until it is typed again, so nothing is taken silently.
func unparsed(us []Unparsed, entity string, id int64) Problems {
	var ps Problems
	for _, u := range us {
		if u.Entity != entity || u.EntityID != id {
			continue
		}
		unit, ok := UnitOf(u.Entity, u.Field)
		if !ok {
			ps = append(ps, blocking(entity, id, u.Field, "err.input.unsaved", "Field", "field."+u.Field, "Text", u.Text))
			continue
		}
		if _, err := ParseNumber(u.Text, unit); err != nil {
			ps = append(ps, err.Problem(entity, id, u.Field))
		} else {
			ps = append(ps, blocking(entity, id, u.Field, "err.input.unsaved", "Field", "field."+u.Field, "Text", u.Text))
		}
	}
	return ps
}
