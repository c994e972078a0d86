package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
)

func TestReadyPlanIsReadOnly(t *testing.T) {
	f := newFixture(t)
	s := f.s
	if err := s.SetPlanStatus(f.plan, domain.PlanReady, 0); err != nil {
		t.Fatal(err)
	}
	if last, _ := f.lastAudit(t, "plan", f.plan); last.Field != "status" || last.Old != "draft" || last.New != "ready" || last.Who != testWho {
		t.Errorf("mark ready audited as %+v", last)
	}
	set := func(fld domain.Field, id func(*fixture) int64, v any) func() error {
		return func() error { _, err := s.SetField(fld, id(f), v); return err }
	}
	content := []struct {
		name string
		do   func() error
	}{
		{"plan responsible", set(domain.FieldPlanResponsible, planID, "Ny")},
		{"plan decision date", set(domain.FieldPlanDecisionDate, planID, day(2027, 1, 20))},
		{"activity title", set(domain.FieldActivityTitle, actID, "Ny")},
		{"activity hours", set(domain.FieldActivityInternalHours, actID, 1)},
		{"activity start", set(domain.FieldActivityStart, actID, day(2027, 1, 1))},
		{"activity position", set(domain.FieldActivityPosition, actID, 9)},
		{"training title", set(domain.FieldTrainingTitle, trainingID, "Ny")},
		{"training dates", set(domain.FieldTrainingDates, trainingID, []time.Time{day(2027, 5, 5)})},
		{"checkpoint method", set(domain.FieldCheckpointMethod, checkpointID, "Ny")},
		{"add activity", func() error { _, err := s.AddActivity(f.plan, domain.Activity{Title: "Ny"}); return err }},
		{"add training", func() error { _, err := s.AddTraining(f.plan, domain.Training{Title: "Ny"}); return err }},
		{"add checkpoint", func() error { _, err := s.AddCheckpoint(f.plan, domain.Checkpoint{Method: "Ny"}); return err }},
		{"delete activity", func() error { _, err := s.DeleteActivity(f.act); return err }},
		{"delete training", func() error { _, err := s.DeleteTraining(f.training); return err }},
		{"delete checkpoint", func() error { _, err := s.DeleteCheckpoint(f.checkpoint); return err }},
		{"activity goals", func() error { _, err := s.SetActivityGoals(f.act, []int{2}); return err }},
		{"activity systems", func() error { _, err := s.SetActivitySystems(f.act, nil); return err }},
	}
	for _, tc := range content {
		before := f.state(t)
		err := tc.do()
		p, ok := asProblem(err)
		if !ok || p.Key != "err.read_only" {
			t.Errorf("%s on a ready plan: err = %v, want err.read_only", tc.name, err)
		}
		if f.state(t) != before {
			t.Errorf("%s on a ready plan changed the database", tc.name)
		}
	}

	// The autumn follow-up is allowed on a ready plan and recorded.
	followUp := []struct {
		f     domain.Field
		id    func(*fixture) int64
		value any
	}{
		{domain.FieldActivityStatus, actID, domain.ActivityDone},
		{domain.FieldActivityPercentDone, actID, 100},
		{domain.FieldActivityActualHours, actID, 150},
		{domain.FieldActivityActualKronor, actID, 130000},
		{domain.FieldActivityFollowUpComment, actID, "Genomförd"},
		{domain.FieldTrainingActualParticipants, trainingID, 37},
		{domain.FieldCheckpointDone, checkpointID, true},
		{domain.FieldPlanCheckResult[0], planID, domain.CheckPartly},
		{domain.FieldPlanCheckText[0], planID, "Två av tre"},
		{domain.FieldSystemOwner, systemID, "Ny ägare"}, // the register belongs to the board, not the plan
	}
	for _, tc := range followUp {
		_, n := f.lastAudit(t, tc.f.Entity(), tc.id(f))
		if _, err := s.SetField(tc.f, tc.id(f), tc.value); err != nil {
			t.Errorf("follow-up %s on a ready plan: %v", tc.f, err)
			continue
		}
		if last, m := f.lastAudit(t, tc.f.Entity(), tc.id(f)); m != n+1 || last.Field != tc.f.Name() {
			t.Errorf("follow-up %s not audited: %+v", tc.f, last)
		}
	}
	p, _ := s.Plan(f.plan)
	if p.Status != domain.PlanReady {
		t.Errorf("status after follow-up = %s, want ready", p.Status)
	}

	// Reopening is audited and makes the content editable again.
	if err := s.SetPlanStatus(f.plan, domain.PlanDraft, 0); err != nil {
		t.Fatal(err)
	}
	if last, _ := f.lastAudit(t, "plan", f.plan); last.Field != "status" || last.Old != "ready" || last.New != "draft" {
		t.Errorf("reopen audited as %+v", last)
	}
	if _, err := s.SetField(domain.FieldActivityTitle, f.act, "Efter återöppning"); err != nil {
		t.Errorf("edit after reopen: %v", err)
	}
}

func TestSignedPlanEditMakesDraft(t *testing.T) {
	f := newFixture(t)
	s := f.s
	if err := s.SetPlanStatus(f.plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	es, _ := s.Audit("plan", f.plan)
	var fields []string
	for _, e := range es[len(es)-2:] {
		fields = append(fields, e.Field+":"+e.Old+">"+e.New)
	}
	if got := strings.Join(fields, " "); got != "status:draft>signed version:0>1" {
		t.Errorf("signing audited as %q", got)
	}
	// A no-op status change records nothing.
	n := len(es)
	if err := s.SetPlanStatus(f.plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	if _, m := f.lastAudit(t, "plan", f.plan); m != n {
		t.Errorf("no-op status change wrote %d audit entries", m-n)
	}

	// Follow-up keeps the plan signed.
	if _, err := s.SetField(domain.FieldActivityPercentDone, f.act, 50); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(f.plan); p.Status != domain.PlanSigned {
		t.Errorf("follow-up turned the signed plan into %s", p.Status)
	}

	// Content changes turn it back into a draft, recorded as such; the version stays.
	s.SetWho("Bo Berg")
	if _, err := s.SetField(domain.FieldTrainingTitle, f.training, "Fördjupning"); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Plan(f.plan)
	if p.Status != domain.PlanDraft || p.Version != 1 {
		t.Errorf("after content edit: status %s version %d, want draft 1", p.Status, p.Version)
	}
	last, _ := f.lastAudit(t, "plan", f.plan)
	want := domain.AuditEntry{ID: last.ID, At: auditTime, Who: "Bo Berg", Entity: "plan", EntityID: f.plan, Field: "status", Old: "signed", New: "draft"}
	if last != want {
		t.Errorf("audit = %+v, want %+v", last, want)
	}

	// The same for a row added to a signed plan.
	if err := s.SetPlanStatus(f.plan, domain.PlanSigned, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckpoint(f.plan, domain.Checkpoint{Method: "Extra"}); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(f.plan); p.Status != domain.PlanDraft {
		t.Errorf("after adding a checkpoint: status %s", p.Status)
	}

	if err := s.SetPlanStatus(4711, domain.PlanReady, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("status of a missing plan: %v", err)
	}
	if err := s.SetPlanStatus(f.plan, domain.PlanStatus("archived"), 0); err == nil {
		t.Error("unknown status accepted")
	}
}
