package submission

import (
	"fmt"
	"slices"

	"handlingsplan/domain"
)

// Schema 2 also adds (docs/submission-format.md, "Schema 2"):
// the policy profile the plan was made under (top-level "profile"), the board's checklist of
// the profile's general requirements (plan.checklist), what an activity was made for
// (activities[].addresses) and when a system was classified (systems[].classified_at). A
// schema-1 payload has none of them and imports as before.

// profile checks the parts of schema 2 that come from the policy profile.
func (v *validator) profile(p Payload) {
	reqs := map[string]bool{}
	if pr := p.Profile; pr != nil {
		if ps := domain.ValidateProfile(*pr); len(ps) > 0 {
			v.addf("profile: %s", ps[0].Error())
		}
		if !slices.Equal(pr.Goals, p.Goals) {
			v.addf("profile.goals differ from goals")
		}
		if !slices.Equal(pr.Areas, p.Areas) {
			v.addf("profile.areas differ from areas")
		}
		if pr.HoursPerFTE != p.HoursPerFTE {
			v.addf("profile.hours_per_fte %d differs from hours_per_fte %d", pr.HoursPerFTE, p.HoursPerFTE)
		}
		if pr.Kommun != p.Kommun {
			v.addf("profile.kommun %q differs from kommun %q", pr.Kommun, p.Kommun)
		}
		for _, r := range pr.Checklist {
			reqs[r.ID] = true
		}
	}
	v.checklist("plan", p.Plan, reqs, p.Profile != nil)
	if prev := p.Plan.Previous; prev != nil {
		// Last year's plan was assessed under a profile of its own, which the payload does not carry.
		v.checklist("plan.previous", *prev, nil, false)
	}
}

// checklist checks a plan's checklist and what its activities address; with profile set, every
// requirement must be one of reqs.
func (v *validator) checklist(at string, d domain.PlanData, reqs map[string]bool, profile bool) {
	if len(d.Checklist) > maxRows {
		v.addf("%s.checklist: more than %d rows", at, maxRows)
		return
	}
	seen := map[string]bool{}
	for i, e := range d.Checklist {
		f := fmt.Sprintf("%s.checklist[%d]", at, i)
		switch {
		case e.Requirement == "" || len(e.Requirement) > 40:
			v.addf("%s.requirement %q is empty or too long", f, e.Requirement)
		case seen[e.Requirement]:
			v.addf("%s.requirement %q twice", f, e.Requirement)
		case profile && !reqs[e.Requirement]:
			v.addf("%s.requirement %q is not in the profile's checklist", f, e.Requirement)
		}
		seen[e.Requirement] = true
		if !domain.ValidChecklistStatus(e.Status) {
			v.addf("%s.status %q unknown", f, e.Status)
		}
		v.name(f+".responsible", e.Responsible, false)
	}
	for i, a := range d.Activities {
		if a.Addresses == "" {
			continue
		}
		kind, key, ok := domain.ParseAddress(a.Addresses)
		switch {
		case !ok:
			v.addf("%s.activities[%d].addresses %q is neither rule:… nor req:…", at, i, a.Addresses)
		case kind == "rule" && !slices.Contains(domain.RegisterRules, domain.RegisterRule(key)):
			v.addf("%s.activities[%d].addresses: unknown rule %q", at, i, key)
		case kind == "req" && profile && !reqs[key]:
			v.addf("%s.activities[%d].addresses: requirement %q is not in the profile's checklist", at, i, key)
		}
	}
}
