package domain

import (
	"strings"
	"time"

	"handlingsplan/i18n"
)

// RuleGoal is the strategy goal an activity for register rule r serves under the profile: the
// profile's choice, else the built-in one (risk and classification work serves goal 7, "hotbilden
// … analyseras fortlöpande"; plans and the basnivå goal 5, "skydd i tillräcklig grad"; the
// register's owners goal 2, "informationsförsörjningen är säker"). 0 when the profile has no
// such goal: the user picks one, and the review says so until then.
func (p Profile) RuleGoal(r RegisterRule) int {
	g, ok := p.RuleGoals[r]
	if !ok {
		g = defaultRuleGoals[r]
	}
	if p.GoalText(g) == "" {
		return 0
	}
	return g
}

var defaultRuleGoals = map[RegisterRule]int{
	RuleNoOwner: 2, RuleNotClassified: 7, RuleClassificationStale: 7,
	RuleNoRiskAnalysis: 7, RuleNoDeepenedPlan: 5, RuleBelowBaseline: 5,
}

// WorkPlan says where a pre-filled activity goes: the plan's year and its responsible, who
// answers for an activity nobody else is named for.
type WorkPlan struct {
	Year        int
	Responsible string
}

// ActivityForWarning is a pre-filled activity for register warning w in a plan of wp.Year: its
// title and description say what to do about which system, it is linked to the system, to the
// rule (Addresses) and to the rule's strategy goal, it runs over the plan's year, and the
// system's information owner is responsible. The user revises it in the plan like any other.
func ActivityForWarning(w RegisterWarning, prof Profile, wp WorkPlan, loc *i18n.Localizer) Activity {
	base := "work.rule." + string(w.Rule)
	args := []any{"System", w.System.Name, "Level", w.Level, "Months", ReviewMonths}
	a := newWork(prof.RuleGoal(w.Rule), wp, firstNonBlank(w.System.Owner, wp.Responsible))
	a.Title = loc.Tf(base+".title", args...)
	a.Description = loc.Tf(base+".description", args...)
	a.SystemIDs = []int64{w.System.ID}
	a.Addresses = RuleAddress(w.Rule)
	if w.Rule == RuleNoOwner || w.Level >= 4 {
		a.Priority = PriorityHigh
	}
	return a
}

// ActivityForRequirement is a pre-filled activity for requirement r, which the board assessed
// as e (delvis or ej uppfyllt): titled after the requirement, described in the policy's words
// with the board's comment, linked to the requirement and its strategy goal.
func ActivityForRequirement(r Requirement, e ChecklistEntry, prof Profile, wp WorkPlan, loc *i18n.Localizer) Activity {
	goal := r.Goal
	if prof.GoalText(goal) == "" {
		goal = 0
	}
	a := newWork(goal, wp, firstNonBlank(e.Responsible, wp.Responsible))
	a.Title = loc.Tf("work.requirement.title", "Requirement", r.Title)
	desc := loc.Tf("work.requirement.description", "Text", r.Text, "Status", loc.T("checklist.status."+string(e.Status)))
	if c := strings.TrimSpace(e.Comment); c != "" {
		desc += "\n" + loc.Tf("work.requirement.comment", "Comment", c)
	}
	a.Description = desc
	a.Addresses = RequirementAddress(r.ID)
	if e.Status == ChecklistNotMet {
		a.Priority = PriorityHigh
	}
	return a
}

func newWork(goal int, wp WorkPlan, responsible string) Activity {
	a := Activity{
		Priority:    PriorityMedium,
		Responsible: responsible,
		Start:       time.Date(wp.Year, time.January, 1, 0, 0, 0, 0, time.UTC),
		End:         time.Date(wp.Year, time.December, 31, 0, 0, 0, 0, time.UTC),
		Status:      ActivityNotStarted,
	}
	if goal > 0 {
		a.Goals = []int{goal}
	}
	return a
}

func firstNonBlank(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// ParseAddress splits an Activity.Addresses value: ("rule", "no_risk_analysis") or
// ("req", "records_plan"); ok is false for "" and anything else.
func ParseAddress(s string) (kind, key string, ok bool) {
	kind, key, ok = strings.Cut(s, ":")
	if !ok || key == "" || (kind != "rule" && kind != "req") {
		return "", "", false
	}
	return kind, key, true
}
