package submission

import (
	"fmt"
	"strings"

	"handlingsplan/domain"
)

// What schema 2 adds to a plan (docs/submission-format.md, "Schema 2: annual goals, decisions,
// follow-ups, areas"): the rules Validate checks for it, structure and consistency only.

// areas checks the payload's requirement areas and returns their codes (nil when it has none:
// then tags are not checked against them, as in a schema-1 file).
func (v *validator) areas(as []domain.RequirementArea) map[string]bool {
	if len(as) == 0 {
		return nil
	}
	if len(as) > maxRows {
		v.addf("areas: more than %d", maxRows)
		return nil
	}
	codes := map[string]bool{}
	for i, a := range as {
		if strings.TrimSpace(a.Code) == "" || codes[a.Code] {
			v.addf("areas[%d]: code %q is empty or not unique", i, a.Code)
		}
		codes[a.Code] = true
		v.required(fmt.Sprintf("areas[%d].name", i), a.Name)
		v.name(fmt.Sprintf("areas[%d].reference", i), a.Reference, false)
	}
	return codes
}

// tags checks area tags against the payload's areas (areas nil: not checked).
func (v *validator) tags(f string, codes []string, areas map[string]bool) {
	for _, c := range codes {
		if strings.TrimSpace(c) == "" {
			v.addf("%s.areas: empty code", f)
		} else if areas != nil && !areas[c] {
			v.addf("%s.areas: area %q is not among the payload's areas", f, c)
		}
	}
}

// schema2 checks a plan's annual goals, the activities' links to them, the trainings' kinds,
// the decisions and the follow-ups. goals and areas nil skip the references to the profile.
func (v *validator) schema2(at string, d domain.PlanData, goals map[int]bool, areas map[string]bool) {
	if len(d.AnnualGoals) > maxRows || len(d.FollowUps) > maxRows {
		v.addf("%s: more than %d annual goals or follow-ups", at, maxRows)
		return
	}
	annual := map[int64]bool{}
	for i, g := range d.AnnualGoals {
		f := fmt.Sprintf("%s.annual_goals[%d]", at, i)
		// Activities and follow-ups refer to annual goals by id; the import maps them.
		if g.ID <= 0 || annual[g.ID] {
			v.addf("%s.id %d is not positive or not unique", f, g.ID)
		}
		annual[g.ID] = true
		if goals != nil {
			for _, n := range g.Goals {
				if !goals[n] {
					v.addf("%s.goals: goal %d is not among the payload's goals", f, n)
				}
			}
		}
		v.tags(f, g.Areas, areas)
		if g.Outcome != domain.OutcomeNone && !known(g.Outcome, domain.Outcomes) {
			v.addf("%s.outcome %q unknown", f, g.Outcome)
		}
		if g.Light != domain.LightNone && !known(g.Light, domain.Lights) {
			v.addf("%s.light %q unknown", f, g.Light)
		}
	}
	acts := map[int64]bool{}
	for i, a := range d.Activities {
		f := fmt.Sprintf("%s.activities[%d]", at, i)
		if a.ID < 0 || a.ID != 0 && acts[a.ID] {
			v.addf("%s.id %d is negative or not unique", f, a.ID)
		}
		acts[a.ID] = true
		if a.AnnualGoalID != 0 && !annual[a.AnnualGoalID] {
			v.addf("%s.annual_goal %d is not among the plan's annual goals", f, a.AnnualGoalID)
		}
		v.tags(f, a.Areas, areas)
	}
	for i, t := range d.Trainings {
		if t.Kind != "" && !known(t.Kind, domain.TrainingKinds) {
			v.addf("%s.trainings[%d].kind %q unknown", at, i, t.Kind)
		}
	}
	for _, dec := range []struct {
		name string
		d    domain.Decision
	}{{"decision", d.Plan.Decision}, {"follow_up_decision", d.Plan.FollowUpDecision}} {
		v.name(at+".plan."+dec.name+".dnr", dec.d.Dnr, false)
		v.name(at+".plan."+dec.name+".body", dec.d.Body, false)
		v.name(at+".plan."+dec.name+".paragraph", dec.d.Paragraph, false)
	}
	closing := 0
	for i, fu := range d.FollowUps {
		f := fmt.Sprintf("%s.follow_ups[%d]", at, i)
		if fu.Date.IsZero() {
			v.addf("%s.date is missing", f)
		}
		if fu.Closing {
			closing++
		}
		if len(fu.Activities) > maxRows || len(fu.Goals) > maxRows {
			v.addf("%s: more than %d marks", f, maxRows)
			continue
		}
		for j, m := range fu.Activities {
			if !acts[m.Activity] || m.Activity == 0 {
				v.addf("%s.activities[%d].activity %d is not among the plan's activities", f, j, m.Activity)
			}
			if m.Status != "" && !known(m.Status, domain.ActivityStatuses) {
				v.addf("%s.activities[%d].status %q unknown", f, j, m.Status)
			}
			if m.PercentDone < 0 || m.PercentDone > 100 {
				v.addf("%s.activities[%d].percent_done %d outside 0..100", f, j, m.PercentDone)
			}
		}
		for j, m := range fu.Goals {
			if !annual[m.Goal] {
				v.addf("%s.annual_goals[%d].annual_goal %d is not among the plan's annual goals", f, j, m.Goal)
			}
			if m.Outcome != domain.OutcomeNone && !known(m.Outcome, domain.Outcomes) {
				v.addf("%s.annual_goals[%d].outcome %q unknown", f, j, m.Outcome)
			}
			if m.Light != domain.LightNone && !known(m.Light, domain.Lights) {
				v.addf("%s.annual_goals[%d].light %q unknown", f, j, m.Light)
			}
		}
	}
	if closing > 1 {
		v.addf("%s.follow_ups: %d close the year, at most one may", at, closing)
	}
}
