package domain

import (
	"encoding/json"
	"strings"
	"testing"

	"handlingsplan/i18n"
)

// "Lägg till åtgärd" from a register warning: an activity the review accepts as it is (but for
// its resources, which the user plans), linked to the system, the rule and the rule's goal, that
// then addresses the warning.
func TestActivityForWarning(t *testing.T) {
	prof := testProfile(t)
	sv := i18n.New(i18n.Swedish)
	s := sound()
	s.RiskAnalysisAt = vday(2025, 1, 1)
	ws := SystemWarnings(s, vday(2026, 10, 1))
	if len(ws) != 1 || ws[0].Rule != RuleNoRiskAnalysis {
		t.Fatalf("warnings %v", rules(ws))
	}
	a := ActivityForWarning(ws[0], prof, WorkPlan{Year: 2027, Responsible: "Socialchef"}, sv)
	if a.Title != "Riskanalys för Procapita" || !strings.Contains(a.Description, "nivå 4") {
		t.Fatalf("title %q, description %q", a.Title, a.Description)
	}
	if len(a.Goals) != 1 || a.Goals[0] != 7 || len(a.SystemIDs) != 1 || a.SystemIDs[0] != 7 || a.Addresses != "rule:no_risk_analysis" {
		t.Fatalf("links: goals %v systems %v addresses %q", a.Goals, a.SystemIDs, a.Addresses)
	}
	if a.Responsible != "Socialchef" || a.Priority != PriorityHigh || a.Start != vday(2027, 1, 1) || a.End != vday(2027, 12, 31) {
		t.Fatalf("responsible %q priority %d %v–%v", a.Responsible, a.Priority, a.Start, a.End)
	}
	a.ID = 5
	if ps := ValidateActivity(a, 2027, prof); len(ps) != 0 {
		t.Fatalf("the pre-filled activity has problems: %v", ps)
	}
	if got := RegisterWarnings([]System{s}, []Activity{a}, vday(2026, 10, 1)); got[0].Activity == nil || got[0].Activity.ID != 5 {
		t.Fatal("the new activity does not address the warning")
	}
	// Every rule has its texts in both languages, and a goal of the default profile.
	for _, r := range RegisterRules {
		for _, l := range i18n.Langs {
			a := ActivityForWarning(RegisterWarning{System: System{ID: 1, Name: "X"}, Rule: r, Level: 3}, prof, WorkPlan{Year: 2027}, i18n.New(l))
			if strings.Contains(a.Title+a.Description, "⟦") || len(a.Goals) != 1 {
				t.Errorf("%s/%s: %q %q goals %v", r, l, a.Title, a.Description, a.Goals)
			}
		}
	}
	// A system without an owner: the plan's responsible answers for the activity.
	noOwner := RegisterWarning{System: System{ID: 2, Name: "Diariet"}, Rule: RuleNoOwner}
	if a := ActivityForWarning(noOwner, prof, WorkPlan{Year: 2027, Responsible: "Kanslichef"}, sv); a.Responsible != "Kanslichef" {
		t.Errorf("responsible %q", a.Responsible)
	}
}

// "Lägg till åtgärd" from an unmet checklist requirement.
func TestActivityForRequirement(t *testing.T) {
	prof := testProfile(t)
	r, _ := prof.Requirement("records_plan")
	e := ChecklistEntry{Requirement: r.ID, Status: ChecklistPartly, Responsible: "Arkivarie", Comment: "Planen är från 2019."}
	a := ActivityForRequirement(r, e, prof, WorkPlan{Year: 2027, Responsible: "Socialchef"}, i18n.New(i18n.Swedish))
	if a.Title != "Uppfyll kravet: Dokumenthanteringsplan" || !strings.Contains(a.Description, r.Text) ||
		!strings.Contains(a.Description, "Delvis uppfyllt") || !strings.Contains(a.Description, "Planen är från 2019.") {
		t.Fatalf("title %q description %q", a.Title, a.Description)
	}
	if a.Responsible != "Arkivarie" || a.Addresses != "req:records_plan" || len(a.Goals) != 1 || a.Goals[0] != r.Goal || a.Priority != PriorityMedium {
		t.Fatalf("%+v", a)
	}
	d := completePlan()
	d.Checklist[4] = e
	if d.Checklist[4].Requirement != "records_plan" {
		t.Fatal("fixture order changed")
	}
	if !hasKey(ValidatePlan(d, prof), "records_plan", "err.checklist.partly") {
		t.Fatal("no warning before")
	}
	d.Activities = append(d.Activities, a)
	if !hasKey(ValidatePlan(d, prof), "records_plan", "err.checklist.addressed") {
		t.Fatal("the warning does not say an activity exists")
	}
	// The link travels in a submission.
	b, _ := json.Marshal(a)
	if !strings.Contains(string(b), `"addresses":"req:records_plan"`) {
		t.Fatalf("json %s", b)
	}
	if k, key, ok := ParseAddress(a.Addresses); !ok || k != "req" || key != "records_plan" {
		t.Fatalf("parse %q %q %v", k, key, ok)
	}
	for _, bad := range []string{"", "req:", "x:y", "records_plan"} {
		if _, _, ok := ParseAddress(bad); ok {
			t.Errorf("ParseAddress(%q) ok", bad)
		}
	}
}
