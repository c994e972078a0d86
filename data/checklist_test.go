package data

import (
	"errors"
	"testing"

	"handlingsplan/domain"
)

// The checklist is plan content: every change is audited and undoable, a plan marked ready
// refuses it, a signed plan becomes a draft again.
func TestSetChecklist(t *testing.T) {
	s := newStore(t)
	b, _ := s.AddBoard("Socialnämnden")
	plan, _ := s.AddPlan(domain.Plan{BoardID: b, Year: 2027})

	old, err := s.SetChecklist(plan, "records_plan", "status", domain.ChecklistPartly)
	if err != nil || old != domain.ChecklistUnanswered {
		t.Fatalf("first answer: old %v err %v", old, err)
	}
	if _, err := s.SetChecklist(plan, "records_plan", "date", day(2026, 9, 15)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetChecklist(plan, "records_plan", "comment", "Planen är från 2019"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Checklist(plan)
	if err != nil || len(got) != 1 {
		t.Fatalf("checklist %+v %v", got, err)
	}
	if e := got[0]; e.Status != domain.ChecklistPartly || e.Date != day(2026, 9, 15) || e.Comment != "Planen är från 2019" {
		t.Fatalf("entry %+v", e)
	}
	// Undo with the old value.
	old, err = s.SetChecklist(plan, "records_plan", "status", domain.ChecklistMet)
	if err != nil || old != domain.ChecklistPartly {
		t.Fatalf("old %v %v", old, err)
	}
	if _, err := s.SetChecklist(plan, "records_plan", "status", old); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Checklist(plan); got[0].Status != domain.ChecklistPartly {
		t.Fatalf("undo: %+v", got[0])
	}
	audit, _ := s.Audit("checklist", plan)
	if len(audit) != 5 || audit[0].Field != "records_plan.status" || audit[0].New != "partly" {
		t.Fatalf("audit %+v", audit)
	}
	// An unknown status and an unknown field are refused.
	if _, err := s.SetChecklist(plan, "records_plan", "status", "done"); err == nil {
		t.Error("unknown status accepted")
	}
	if _, err := s.SetChecklist(plan, "records_plan", "owner", "x"); err == nil {
		t.Error("unknown field accepted")
	}
	// Signed: the change makes it a draft. Ready: refused.
	if err := s.SetPlanStatus(plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetChecklist(plan, "training", "status", domain.ChecklistMet); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(plan); p.Status != domain.PlanDraft {
		t.Errorf("signed plan stays %s after a checklist change", p.Status)
	}
	if err := s.SetPlanStatus(plan, domain.PlanReady, 1); err != nil {
		t.Fatal(err)
	}
	var pr *domain.Problem
	if _, err := s.SetChecklist(plan, "training", "status", domain.ChecklistNotMet); !errors.As(err, &pr) || pr.Key != "err.read_only" {
		t.Fatalf("ready plan: %v", err)
	}
	// The checklist goes with the plan's data.
	d, _ := s.PlanData(plan)
	if len(d.Checklist) != 2 {
		t.Fatalf("plan data checklist %+v", d.Checklist)
	}
}

// BoardActivities: the activities of the board's plans from a year on, with their year.
func TestBoardActivities(t *testing.T) {
	s := newStore(t)
	b, _ := s.AddBoard("Socialnämnden")
	for _, y := range []int{2025, 2026, 2027} {
		p, _ := s.AddPlan(domain.Plan{BoardID: b, Year: y})
		if _, err := s.AddActivity(p, domain.Activity{Title: "Åtgärd", Addresses: "rule:no_owner"}); err != nil {
			t.Fatal(err)
		}
	}
	acts, err := s.BoardActivities(b, 2026)
	if err != nil || len(acts) != 2 {
		t.Fatalf("activities %+v %v", acts, err)
	}
	for _, a := range acts {
		if a.Year < 2026 || a.Addresses != "rule:no_owner" || a.PlanID == 0 {
			t.Errorf("%+v", a)
		}
	}
}

// A received plan comes back with its checklist, what its activities address, the systems'
// classification dates, the profile it was made under and the day it was made; the submission
// says the profile's version. A schema-1 submission has none of these and says so.
func TestReceivedPlanChecklistAndProfile(t *testing.T) {
	s := openImportStore(t)
	r := submissionOf("Socialnämnden", 2027, 1, 3)
	r.Plan.Checklist = []domain.ChecklistEntry{{Requirement: "records_plan", Status: domain.ChecklistNotMet, Comment: "Saknas"}}
	r.Plan.Activities[0].Addresses = "req:records_plan"
	r.Plan.Systems[0].ClassifiedAt = day(2026, 2, 1)
	prof := defaultProfile(t)
	prof.Version, prof.Kommun = 4, "Gislaved"
	r.Profile = &prof
	r.Payload = []byte(`{"schema":2,"created_at":"2026-10-30T13:00:00Z"}`)
	old := submissionOf("Tekniska nämnden", 2027, 1, 2)
	importAll(t, s, r, old)

	got, err := s.ReceivedPlans(2027, WithAll)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range got {
		switch d.Plan.Board {
		case "Socialnämnden":
			if len(d.Checklist) != 1 || d.Checklist[0].Status != domain.ChecklistNotMet || d.Activities[0].Addresses != "req:records_plan" {
				t.Errorf("checklist %+v, addresses %q", d.Checklist, d.Activities[0].Addresses)
			}
			if d.Profile == nil || d.Profile.Version != 4 || d.Profile.Kommun != "Gislaved" || d.AsOf != day(2026, 10, 30) {
				t.Errorf("profile %+v as of %v", d.Profile, d.AsOf)
			}
			if d.Systems[2].Name != "Ärendesystem" || d.Systems[2].ClassifiedAt != day(2026, 2, 1) {
				t.Errorf("systems %+v", d.Systems)
			}
			one, _ := s.PlanData(d.Plan.ID)
			if one.Profile == nil || one.Profile.Version != 4 || one.AsOf != day(2026, 10, 30) || len(one.Checklist) != 1 {
				t.Errorf("PlanData of the received plan: profile %v as of %v", one.Profile, one.AsOf)
			}
		default:
			if d.Profile != nil || len(d.Checklist) != 0 || !d.AsOf.IsZero() {
				t.Errorf("schema-1 plan: %+v", d)
			}
		}
	}
	subs, _ := s.Submissions("", 2027)
	for _, x := range subs {
		want := -1
		if x.Board == "Socialnämnden" {
			want = 4
		}
		if x.ProfileVersion != want {
			t.Errorf("%s: profile version %d, want %d", x.Board, x.ProfileVersion, want)
		}
	}
	// The submission's profile is stored, not taken into use.
	if cur, _ := s.CurrentProfileID(); cur != 0 {
		if p, _ := s.Profile(); p.Kommun == "Gislaved" {
			t.Error("a received profile came into use")
		}
	}
}
