package overview_test

import (
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// The kommun's checklist figures are the boards' own checklists judged by the domain: per board
// met of applicable, and per requirement the boards' answers; a plan made under an older profile
// is counted under its own.
func TestRequirementsFigures(t *testing.T) {
	prof, _ := domain.DefaultProfile()
	old := prof
	old.Version, old.Checklist = 1, prof.Checklist[:3]
	prof.Version = 2
	entries := func(statuses ...domain.ChecklistStatus) []domain.ChecklistEntry {
		var out []domain.ChecklistEntry
		for i, st := range statuses {
			out = append(out, domain.ChecklistEntry{Requirement: prof.Checklist[i].ID, Status: st})
		}
		return out
	}
	a := domain.PlanData{Plan: domain.Plan{Board: "A", Year: 2027}, Profile: &prof,
		Checklist:  entries(domain.ChecklistMet, domain.ChecklistNotMet, domain.ChecklistNotApplicable, domain.ChecklistPartly),
		Activities: []domain.Activity{{Title: "x", Addresses: domain.RequirementAddress(prof.Checklist[1].ID)}}}
	b := domain.PlanData{Plan: domain.Plan{Board: "B", Year: 2027}, Profile: &old,
		Checklist: entries(domain.ChecklistMet, domain.ChecklistMet, domain.ChecklistMet)}
	c := domain.PlanData{Plan: domain.Plan{Board: "C", Year: 2027}} // schema 1: no profile, no answers
	o := overview.Build(overview.Input{Year: 2027, Profile: prof, Plans: []domain.PlanData{a, b, c}})
	ra, _ := o.RequirementsOf("A")
	rb, _ := o.RequirementsOf("B")
	rc, _ := o.RequirementsOf("C")
	if ra.Met != 1 || ra.Applicable() != 12 || ra.NotMet != 1 || ra.Partly != 1 || ra.Unanswered != 9 || ra.Addressed != 1 || ra.ProfileVersion != 2 {
		t.Errorf("A %+v", ra)
	}
	if rb.Requirements != 3 || rb.Met != 3 || rb.ProfileVersion != 1 {
		t.Errorf("B (older profile) %+v", rb)
	}
	if rc.Requirements != 13 || rc.Unanswered != 13 || rc.ProfileVersion != -1 {
		t.Errorf("C (schema 1) %+v", rc)
	}
	tot := o.Requirements.Total
	if tot.Met != 4 || tot.NotMet != 1 || tot.Requirements != 29 {
		t.Errorf("total %+v", tot)
	}
	first := prof.Checklist[0].ID
	if n := o.Requirements.ByItem[first][domain.ChecklistMet]; n != 2 {
		t.Errorf("%s met by %d boards", first, n)
	}
	if !ra.Planned[prof.Checklist[1].ID] || ra.Status[prof.Checklist[3].ID] != domain.ChecklistPartly {
		t.Errorf("A's answers %+v", ra.Status)
	}
}

// The register's figures count the domain's warnings as of the day each plan was made.
func TestRegisterAsOfPlanDay(t *testing.T) {
	sys := domain.System{ID: 1, Name: "Procapita", Owner: "Chef", Confidentiality: 4, Integrity: 3, Availability: 2, Traceability: 3,
		ClassifiedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), BaselineMet: true, SecurityPlan: domain.SecurityPlanDeepened,
		RiskAnalysisAt: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	d := domain.PlanData{Plan: domain.Plan{Board: "A", Year: 2027}, Systems: []domain.System{sys}, AsOf: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
	later := d
	later.AsOf = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	if r := overview.CountRegister(d); r.Flagged != 0 || r.Gaps != 0 {
		t.Errorf("as of the plan's day: %+v", r)
	}
	if r := overview.CountRegister(later); r.Flagged != 1 || r.Gaps != 1 || r.NoRiskAnalysis != 1 || r.ClassificationStale != 1 || r.Warnings != 2 {
		t.Errorf("a year on: %+v", r)
	}
}

// The submission deadline: the coordinator's date for the year, else the profile's yearly day.
func TestDeadlineFromProfile(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if d := overview.Deadline(s, 2027); !d.IsZero() {
		t.Fatalf("no deadline anywhere: %v", d)
	}
	prof.Deadline = "10-31"
	if err := s.SaveProfile(prof); err != nil {
		t.Fatal(err)
	}
	if d := overview.Deadline(s, 2027); d != time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC) {
		t.Fatalf("from the profile: %v", d)
	}
	if err := overview.SetDeadline(s, 2027, time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if d := overview.Deadline(s, 2027); d != time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) {
		t.Fatalf("the coordinator's date: %v", d)
	}
}
