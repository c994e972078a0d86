package domain

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"
)

// The default profile's checklist is the policy's general requirements, each in its section,
// with a strategy goal of the profile.
func TestDefaultChecklist(t *testing.T) {
	prof := testProfile(t)
	if len(prof.Checklist) < 10 {
		t.Fatalf("%d requirements", len(prof.Checklist))
	}
	sections := map[string]bool{}
	for _, r := range prof.Checklist {
		sections[r.Section] = true
		if prof.GoalText(r.Goal) == "" {
			t.Errorf("%s: goal %d", r.ID, r.Goal)
		}
	}
	for _, s := range []string{"Generella krav", "Roller och ansvar", "Utbildning", "Mobilt arbetssätt", "Användning av Internet", "Allmänna handlingar"} {
		if !sections[s] {
			t.Errorf("no requirement from %q", s)
		}
	}
	if r, ok := prof.Requirement("records_plan"); !ok || !strings.Contains(r.Text, "dokumenthanteringsplan") {
		t.Errorf("records plan: %+v", r)
	}
	// The kommun sets its deadline; the default has none.
	if _, ok := prof.DeadlineFor(2027); ok {
		t.Error("the default profile sets a deadline")
	}
	prof.Deadline = "10-31"
	if d, ok := prof.DeadlineFor(2027); !ok || d != vday(2026, 10, 31) {
		t.Errorf("deadline %v %v", d, ok)
	}
}

func TestValidateChecklist(t *testing.T) {
	prof := testProfile(t)
	d := completePlan()
	if ps := ValidateChecklist(d, prof); len(ps) != 0 {
		t.Fatalf("all met: %v", ps)
	}
	set := func(d *PlanData, id string, s ChecklistStatus, comment string) {
		for i := range d.Checklist {
			if d.Checklist[i].Requirement == id {
				d.Checklist[i].Status, d.Checklist[i].Comment = s, comment
			}
		}
	}
	tests := []struct {
		name  string
		edit  func(d *PlanData)
		field string
		key   string
	}{
		{"not met", func(d *PlanData) { set(d, "records_plan", ChecklistNotMet, "") }, "records_plan", "err.checklist.not_met"},
		{"partly", func(d *PlanData) { set(d, "mobile_work", ChecklistPartly, "") }, "mobile_work", "err.checklist.partly"},
		{"not applicable without reason", func(d *PlanData) { set(d, "recovery_plan", ChecklistNotApplicable, " ") }, "recovery_plan", "err.checklist.no_reason"},
		{"not applicable with reason", func(d *PlanData) { set(d, "recovery_plan", ChecklistNotApplicable, "IT-enheten ansvarar") }, "", ""},
		{"unanswered, one warning for them all", func(d *PlanData) { d.Checklist = d.Checklist[:3] }, "", "err.checklist.unanswered"},
		{"not met, addressed", func(d *PlanData) {
			set(d, "records_plan", ChecklistNotMet, "")
			d.Activities = append(d.Activities, Activity{ID: 9, Title: "Ny dokumenthanteringsplan", Addresses: RequirementAddress("records_plan")})
		}, "records_plan", "err.checklist.addressed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := completePlan()
			tc.edit(&d)
			ps := ValidateChecklist(d, prof)
			if tc.key == "" {
				if len(ps) != 0 {
					t.Fatalf("want none, got %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Field != tc.field || ps[0].Key != tc.key || ps[0].Severity != Warning {
				t.Fatalf("want warning %s on %q, got %v", tc.key, tc.field, ps)
			}
			for _, l := range i18n.Langs {
				if txt := ps[0].Text(i18n.New(l)); strings.Contains(txt, "⟦") || strings.Contains(txt, "<no value>") {
					t.Errorf("%s: %q", l, txt)
				}
			}
			// ValidatePlan lists the same.
			if !hasKey(ValidatePlan(d, prof), tc.field, tc.key) {
				t.Errorf("ValidatePlan does not list %s", tc.key)
			}
		})
	}
	d.Checklist = d.Checklist[:3]
	if got := ValidateChecklist(d, prof)[0].Text(i18n.New(i18n.Swedish)); got != "10 av policyns generella krav är inte bedömda för året." {
		t.Errorf("unanswered sentence %q", got)
	}
}

func TestSummarize(t *testing.T) {
	prof := testProfile(t)
	d := completePlan()
	d.Checklist[0].Status = ChecklistNotMet
	d.Checklist[1].Status = ChecklistPartly
	d.Checklist[2].Status = ChecklistNotApplicable
	d.Checklist = d.Checklist[:len(d.Checklist)-1] // the last one unanswered
	d.Activities = append(d.Activities, Activity{Title: "x", Addresses: RequirementAddress(d.Checklist[1].Requirement)})
	got := Summarize(Checklist(d, prof))
	want := ChecklistSummary{Requirements: 13, Met: 9, Partly: 1, NotMet: 1, NotApplicable: 1, Unanswered: 1, Addressed: 1}
	if got != want || got.Applicable() != 12 {
		t.Fatalf("summary %+v, want %+v", got, want)
	}
}

// A plan is judged under the profile it was made under: a later profile's requirements do not
// reach back.
func TestChecklistUnderOwnProfile(t *testing.T) {
	prof := testProfile(t)
	old := prof
	old.Checklist = old.Checklist[:2]
	d := completePlan()
	d.Checklist = nil
	d.Profile = &old
	rows := Checklist(d, prof)
	if len(rows) != 2 {
		t.Fatalf("rows under the plan's own profile: %d", len(rows))
	}
	ps := ValidatePlan(d, prof)
	if p := ps.For("checklist", 0, ""); len(p) != 1 || p[0].Args[1] != 2 {
		t.Fatalf("unanswered under own profile: %v", p)
	}
}

// The checklist travels in the plan's JSON (the submission payload) with its answers.
func TestChecklistJSON(t *testing.T) {
	e := ChecklistEntry{Requirement: "records_plan", Status: ChecklistPartly, Date: vday(2026, 9, 1), Responsible: "Arkivarie", Comment: "Ses över"}
	b, err := json.Marshal(PlanData{Checklist: []ChecklistEntry{e}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"checklist":[{"requirement":"records_plan","status":"partly","date":"2026-09-01T00:00:00Z","responsible":"Arkivarie","comment":"Ses över"}]`) {
		t.Fatalf("json %s", b)
	}
	var back PlanData
	if err := json.Unmarshal(b, &back); err != nil || back.Checklist[0] != e {
		t.Fatalf("back %+v %v", back.Checklist, err)
	}
	for _, s := range append(ChecklistStatuses, ChecklistUnanswered) {
		if !ValidChecklistStatus(s) {
			t.Errorf("%q", s)
		}
	}
	if ValidChecklistStatus("done") {
		t.Error("unknown status accepted")
	}
	_ = time.Time{}
}
