package demo

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"handlingsplan/domain"
)

// The checklist of the policy's general requirements and the classification dates of the
// register come from streams of their own (seeded by board, year and purpose), so adding them
// left every other part of the demo as it was.

func stream(parts ...string) *rand.Rand {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return rand.New(rand.NewPCG(h.Sum64(), 0x4b4c4153)) // "KLAS"
}

// classifiedAt is when a system's classification was made or last reviewed, as the register
// stands in the autumn of year: most within the last twelve months, some older (the register
// warns of them), none for a system not fully classified.
func classifiedAt(board string, x domain.System, year int) time.Time {
	if x.Confidentiality < 0 || x.Integrity < 0 || x.Availability < 0 || x.Traceability < 0 {
		return time.Time{}
	}
	r := stream(board, x.Name, "classified")
	if r.IntN(100) < 72 {
		return date(year, 1+r.IntN(8), 1+r.IntN(28))
	}
	return date(year-1-r.IntN(2), 1+r.IntN(9), 1+r.IntN(28))
}

// requirementWork names the words of an activity title that work on a requirement: a board's
// activity with one of them in its title addresses the requirement when it is not met.
var requirementWork = map[string][]string{
	"register":           {"förteckningen"},
	"security_plans":     {"riskanalys"},
	"classification":     {"klassa"},
	"records_plan":       {"dokumenthanteringsplan"},
	"continuity_plan":    {"kontinuitetsplan", "it-avbrott"},
	"recovery_plan":      {"återställning"},
	"incident_reporting": {"incident"},
	"training":           {"introduktion", "utbildning"},
	"mobile_work":        {"bärbara", "fjärråtkomst", "distansarbete"},
	"public_records":     {"digital post", "digital kommunikation"},
}

// checklist is the board's assessment of the profile's requirements for plan d: the closed and
// signed plans answer every requirement, next year's draft all but (for the flawed board) a
// few. A requirement not met is addressed by an activity of the plan when one fits.
func checklist(board string, d *domain.PlanData, prof domain.Profile, head string) {
	r := stream(board, strconv.Itoa(d.Plan.Year), "checklist")
	assessed := date(d.Plan.Year-1, 9, 1+r.IntN(28))
	if d.Plan.Status == domain.PlanClosed {
		assessed = date(d.Plan.Year-1, 10, 1+r.IntN(28))
	}
	for i, req := range prof.Checklist {
		e := domain.ChecklistEntry{Requirement: req.ID, Responsible: head, Date: assessed}
		switch p := r.IntN(100); {
		case req.ID == "recovery_plan" && p < 30:
			e.Status, e.Comment = domain.ChecklistNotApplicable, "IT-enheten ansvarar för återställningsplanen för IT-driften; nämnden har inga egna driftsystem."
		case p < 62:
			e.Status = domain.ChecklistMet
		case p < 84:
			e.Status = domain.ChecklistPartly
			e.Comment = "Finns men behöver ses över."
		default:
			e.Status = domain.ChecklistNotMet
			e.Comment = "Saknas i dag."
		}
		if d.Plan.Status == domain.PlanDraft && i%5 == 4 && isFlawed(board) {
			continue // not assessed yet: the review says so
		}
		if e.Status.Unmet() {
			address(d, req.ID)
		}
		d.Checklist = append(d.Checklist, e)
	}
}

// address marks the first activity of d whose title fits requirement id as made for it.
func address(d *domain.PlanData, id string) {
	for i := range d.Activities {
		a := &d.Activities[i]
		if a.Addresses != "" {
			continue
		}
		title := strings.ToLower(a.Title)
		for _, w := range requirementWork[id] {
			if strings.Contains(title, w) {
				a.Addresses = domain.RequirementAddress(id)
				return
			}
		}
	}
}

func isFlawed(board string) bool {
	for _, b := range boards {
		if b.name == board {
			return b.flawed
		}
	}
	return false
}
