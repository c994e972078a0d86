package data

import (
	"errors"
	"path/filepath"
	"testing"

	"handlingsplan/domain"
)

// Text typed into a number field that is no value is kept as typed, beside the column's last
// valid value; a number replaces it; each step is audited and returns what undoes it.
func TestSetFieldTypedText(t *testing.T) {
	f := newFixture(t)
	s := f.s
	typed := func() []domain.Unparsed {
		t.Helper()
		d, err := s.PlanData(f.plan)
		if err != nil {
			t.Fatal(err)
		}
		return d.Unparsed
	}
	old, err := s.SetField(domain.FieldActivityOperatingCost, f.act, domain.RawInput("10 tkx"))
	if err != nil {
		t.Fatal(err)
	}
	if old != int64(25000) {
		t.Fatalf("old = %#v, want the number 25000", old)
	}
	want := []domain.Unparsed{{Entity: "activity", EntityID: f.act, Field: "operating_cost", Text: "10 tkx"}}
	if got := typed(); !same(got, want) {
		t.Fatalf("typed = %v, want %v", got, want)
	}
	if a, _ := s.Activity(f.act); a.OperatingCost != 25000 {
		t.Fatalf("the column changed to %d: a prefix or a zero was stored", a.OperatingCost)
	}
	if e, _ := f.lastAudit(t, "activity", f.act); e.Field != "operating_cost" || e.Old != "25000" || e.New != "10 tkx" {
		t.Errorf("audit = %+v", e)
	}
	// More typing replaces the text; the old value is the text.
	if old, err = s.SetField(domain.FieldActivityOperatingCost, f.act, domain.RawInput("10 tkxy")); err != nil || old != domain.RawInput("10 tkx") {
		t.Fatalf("old = %#v, %v", old, err)
	}
	// The same text again changes nothing and logs nothing.
	_, n := f.lastAudit(t, "activity", f.act)
	if _, err := s.SetField(domain.FieldActivityOperatingCost, f.act, domain.RawInput("10 tkxy")); err != nil {
		t.Fatal(err)
	}
	if _, n2 := f.lastAudit(t, "activity", f.act); n2 != n {
		t.Errorf("an unchanged text was logged")
	}
	// A number replaces the text, even the number the column already holds.
	if old, err = s.SetField(domain.FieldActivityOperatingCost, f.act, int64(25000)); err != nil || old != domain.RawInput("10 tkxy") {
		t.Fatalf("old = %#v, %v", old, err)
	}
	if got := typed(); len(got) != 0 {
		t.Fatalf("typed text left: %v", got)
	}
	// Undo of that puts the text back; undo of the first puts the number back without text.
	if _, err := s.SetField(domain.FieldActivityOperatingCost, f.act, old); err != nil {
		t.Fatal(err)
	}
	if got := typed(); len(got) != 1 || got[0].Text != "10 tkxy" {
		t.Fatalf("undo: typed = %v", got)
	}
	if _, err := s.SetField(domain.FieldActivityOperatingCost, f.act, int64(25000)); err != nil {
		t.Fatal(err)
	}
	// Training participants and a follow-up field of last year's plan take typed text too.
	if _, err := s.SetField(domain.FieldTrainingExpectedParticipants, f.training, domain.RawInput("många")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldActivityActualHours, f.act, domain.RawInput("2,5")); err != nil {
		t.Fatal(err)
	}
	if got := typed(); len(got) != 2 {
		t.Fatalf("typed = %v", got)
	}
	// Only number fields of plan rows do.
	for _, c := range []struct {
		f  domain.Field
		id int64
	}{{domain.FieldActivityTitle, f.act}, {domain.FieldSystemConfidentiality, f.sysMail}, {domain.FieldPlanResponsible, f.plan},
		{domain.FieldActivityPriority, f.act}, {domain.FieldActivityPosition, f.act}} {
		if _, err := s.SetField(c.f, c.id, domain.RawInput("x")); err == nil {
			t.Errorf("%s took typed text", c.f)
		}
	}
	if _, err := s.SetField(domain.FieldActivityInvestment, 9999, domain.RawInput("x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing row: %v", err)
	}
	// A deleted row takes its text with it (ids can be reused).
	if _, err := s.DeleteTraining(f.training); err != nil {
		t.Fatal(err)
	}
	if got := typed(); len(got) != 1 || got[0].Entity != "activity" {
		t.Fatalf("after delete: %v", got)
	}
}

// A plan marked ready takes no typed text; a signed plan becomes a draft, unless the text is
// typed into a follow-up field.
func TestTypedTextFollowsPlanStatus(t *testing.T) {
	f := newFixture(t)
	s := f.s
	if err := s.SetPlanStatus(f.plan, domain.PlanReady, 0); err != nil {
		t.Fatal(err)
	}
	_, err := s.SetField(domain.FieldActivityInvestment, f.act, domain.RawInput("x"))
	checkProblem(t, err, "status", "err.read_only")
	if err := s.SetPlanStatus(f.plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldActivityActualKronor, f.act, domain.RawInput("x")); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(f.plan); p.Status != domain.PlanSigned {
		t.Fatalf("follow-up text made the plan %s", p.Status)
	}
	if _, err := s.SetField(domain.FieldActivityInvestment, f.act, domain.RawInput("x")); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(f.plan); p.Status != domain.PlanDraft {
		t.Fatalf("plan is %s after typing into its resources", p.Status)
	}
}

// The text survives a restart, and last year's plan brings its own.
func TestTypedTextSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	s, err := Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.AddBoard("Socialnämnden")
	prev, _ := s.AddPlan(domain.Plan{BoardID: b, Year: 2026})
	cur, _ := s.AddPlan(domain.Plan{BoardID: b, Year: 2027})
	pa, _ := s.AddActivity(prev, domain.Activity{Title: "Förra året"})
	ca, _ := s.AddActivity(cur, domain.Activity{Title: "I år"})
	if _, err := s.SetField(domain.FieldActivityActualKronor, pa, domain.RawInput("1,500")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldActivityInvestment, ca, domain.RawInput("10 tkx")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, "test"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.PlanData(cur)
	if err != nil {
		t.Fatal(err)
	}
	if text, ok := d.UnparsedText("activity", ca, "investment"); !ok || text != "10 tkx" || len(d.Unparsed) != 1 {
		t.Fatalf("this year's text: %v", d.Unparsed)
	}
	if text, ok := d.Previous.UnparsedText("activity", pa, "actual_kronor"); !ok || text != "1,500" {
		t.Fatalf("last year's text: %v", d.Previous.Unparsed)
	}
}
