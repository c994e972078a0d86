package worklist

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var now = time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T) (*data.Store, int64, int64, domain.System) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return now })
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	board, _ := s.AddBoard("Socialnämnden")
	if _, err := s.AddPlan(domain.Plan{BoardID: board, Year: 2026, Status: domain.PlanClosed}); err != nil {
		t.Fatal(err)
	}
	plan, err := s.AddPlan(domain.Plan{BoardID: board, Year: 2027, Responsible: "Socialchef"})
	if err != nil {
		t.Fatal(err)
	}
	sys := domain.System{Name: "Procapita", Owner: "IFO-chef", Confidentiality: 4, Integrity: 3, Availability: 2, Traceability: 3,
		ClassifiedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), BaselineMet: true, SecurityPlan: domain.SecurityPlanDeepened}
	if sys.ID, err = s.AddSystem(board, sys); err != nil {
		t.Fatal(err)
	}
	return s, board, plan, sys
}

// "Lägg till åtgärd" from a register warning: the activity lands in the board's next plan,
// linked to the system, the rule and goal 7, and the warning then says an activity exists, in
// the register and in the plan's review.
func TestAddForWarning(t *testing.T) {
	s, board, plan, sys := setup(t)
	sv := i18n.New(i18n.Swedish)
	ws := domain.SystemWarnings(sys, now)
	if len(ws) != 1 || ws[0].Rule != domain.RuleNoRiskAnalysis {
		t.Fatalf("warnings %+v", ws)
	}
	added, err := AddForWarning(s, board, ws[0], now, sv)
	if err != nil {
		t.Fatal(err)
	}
	if added.PlanID != plan || added.Year != 2027 || added.Title != "Riskanalys för Procapita" || added.Reopened {
		t.Fatalf("added %+v", added)
	}
	a, err := s.Activity(added.ActivityID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Addresses != "rule:no_risk_analysis" || len(a.SystemIDs) != 1 || a.SystemIDs[0] != sys.ID || len(a.Goals) != 1 || a.Goals[0] != 7 || a.Responsible != "IFO-chef" {
		t.Fatalf("activity %+v", a)
	}
	acts, _ := s.BoardActivities(board, now.Year())
	var plain []domain.Activity
	for _, x := range acts {
		plain = append(plain, x.Activity)
	}
	if got := domain.RegisterWarnings([]domain.System{sys}, plain, now); got[0].Activity == nil {
		t.Fatal("the register's warning does not say the activity exists")
	}
	d, _ := s.PlanData(plan)
	ps := domain.ValidatePlan(d, domain.Profile{}).For("system", sys.ID, "risk_analysis_at")
	if len(ps) != 1 || ps[0].Key != "err.register.addressed.no_risk_analysis" || !strings.Contains(ps[0].Text(sv), "Riskanalys för Procapita") {
		t.Fatalf("review: %v", ps)
	}
}

// "Lägg till åtgärd" from an unmet checklist requirement.
func TestAddForRequirement(t *testing.T) {
	s, _, plan, _ := setup(t)
	if _, err := s.SetChecklist(plan, "records_plan", "status", domain.ChecklistNotMet); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetChecklist(plan, "records_plan", "responsible", "Arkivarie"); err != nil {
		t.Fatal(err)
	}
	added, err := AddForRequirement(s, plan, "records_plan", now, i18n.New(i18n.English))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Activity(added.ActivityID)
	if added.PlanID != plan || a.Title != "Meet the requirement: Dokumenthanteringsplan" || a.Addresses != "req:records_plan" || a.Responsible != "Arkivarie" || a.Goals[0] != 2 {
		t.Fatalf("added %+v activity %+v", added, a)
	}
	d, _ := s.PlanData(plan)
	rows := domain.Checklist(d, domain.Profile{})
	for _, r := range rows {
		if r.Requirement.ID == "records_plan" && (r.Activity == nil || r.Activity.ID != added.ActivityID) {
			t.Fatalf("the checklist does not say the activity exists: %+v", r)
		}
	}
	if _, err := AddForRequirement(s, plan, "no_such", now, i18n.New(i18n.English)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown requirement: %v", err)
	}
}

// Where the activity goes: the newest plan not closed; a signed plan becomes a draft; a plan
// marked ready and a board without a plan are refused with a sentence.
func TestTargetPlan(t *testing.T) {
	s, board, plan, sys := setup(t)
	sv := i18n.New(i18n.Swedish)
	w := domain.SystemWarnings(sys, now)[0]
	if err := s.SetPlanStatus(plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	added, err := AddForWarning(s, board, w, now, sv)
	if err != nil || !added.Reopened {
		t.Fatalf("signed plan: %+v %v", added, err)
	}
	if p, _ := s.Plan(plan); p.Status != domain.PlanDraft {
		t.Errorf("status %s", p.Status)
	}
	if err := s.SetPlanStatus(plan, domain.PlanReady, 1); err != nil {
		t.Fatal(err)
	}
	_, err = AddForWarning(s, board, w, now, sv)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(Text(sv, err, 2026), "klar") {
		t.Fatalf("ready plan: %v %q", err, Text(sv, err, 2026))
	}
	other, _ := s.AddBoard("Tekniska nämnden")
	_, err = AddForWarning(s, other, w, now, sv)
	if !errors.Is(err, ErrNoPlan) || Text(sv, err, 2026) != "Nämnden har ingen plan för 2026 eller senare att lägga åtgärden i. Skapa nästa års plan först." {
		t.Fatalf("no plan: %v %q", err, Text(sv, err, 2026))
	}
}
