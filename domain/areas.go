package domain

import (
	"slices"
	"strings"
)

// RequirementArea is an area a law asks measures in: the default profile ships the
// risk-management areas of the cybersäkerhetslag (2025:1506), the list of the NIS 2 directive's
// article 21.2. Activities and annual goals are tagged with areas by Code; the overview shows
// which areas a year's plans cover. It is profile data: the coordinator can edit it.
type RequirementArea struct {
	Code      string `json:"code"`      // stable key, e.g. "csl-b"; travels in submissions
	Name      string `json:"name"`      // e.g. "Incidenthantering"
	Reference string `json:"reference"` // where the law asks it, e.g. "Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 b"
}

// Area finds an area of the profile by code.
func (p Profile) Area(code string) (RequirementArea, bool) {
	for _, a := range p.Areas {
		if a.Code == code {
			return a, true
		}
	}
	return RequirementArea{}, false
}

// unknownAreas are warnings for tags that name no area of the profile (an edited profile).
func unknownAreas(entity string, id int64, codes []string, prof Profile) Problems {
	var ps Problems
	for _, c := range codes {
		if _, ok := prof.Area(c); !ok {
			ps = append(ps, warning(entity, id, "areas", "err.unknown_area", "Area", c))
		}
	}
	return ps
}

// AreasOf lists the requirement areas a plan works on: every tag of its activities and annual
// goals, sorted, each once. It is what "covers an area" means in every view.
func AreasOf(d PlanData) []string {
	var out []string
	for _, a := range d.Activities {
		out = append(out, a.Areas...)
	}
	for _, g := range d.AnnualGoals {
		out = append(out, g.Areas...)
	}
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// AreaRows counts, per area code, the activities and annual goals of a plan tagged with it.
func AreaRows(d PlanData, code string) (activities, goals int) {
	for _, a := range d.Activities {
		if slices.Contains(a.Areas, code) {
			activities++
		}
	}
	for _, g := range d.AnnualGoals {
		if slices.Contains(g.Areas, code) {
			goals++
		}
	}
	return activities, goals
}

// ManagementTrainings are a plan's events that train the management (ledningens utbildning).
func ManagementTrainings(d PlanData) []Training {
	var out []Training
	for _, t := range d.Trainings {
		if t.IsManagement() {
			out = append(out, t)
		}
	}
	return out
}
