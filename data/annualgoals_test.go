package data

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"handlingsplan/domain"
)

// A database made before migration 0007 keeps every row; its activities may now be paused, its
// profile gets the default requirement areas, and the schema is sound.
func TestMigrationAnnualGoals(t *testing.T) {
	names, err := migrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	n := slices.IndexFunc(names, func(s string) bool { return strings.HasSuffix(s, "_annual_goals.sql") })
	if n < 0 {
		t.Fatal("no annual-goals migration")
	}
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(path, testWho, HolderCommand, migrationsUpTo(t, n))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"INSERT INTO profile(id, kommun, policy_name, hours_per_fte) VALUES(1, 'Exempelkommun', 'Policy', 1700)",
		"INSERT INTO boards(id, name) VALUES(1, 'Socialnämnden')",
		"INSERT INTO plans(id, board_id, year, status, decision_paragraph, updated_at) VALUES(1, 1, 2027, 'signed', '§ 12', '2026-11-01T00:00:00Z')",
		"INSERT INTO activities(id, plan_id, title, status, carried_from) VALUES(1, 1, 'Klassa', 'in_progress', NULL)",
		"INSERT INTO activity_goals(activity_id, goal) VALUES(1, 3)",
		"INSERT INTO trainings(id, plan_id, title) VALUES(1, 1, 'E-learning')",
	} {
		if _, err := old.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()

	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pragma[string](t, s.db, "integrity_check"); got != "ok" {
		t.Fatalf("integrity_check: %s", got)
	}
	rows, err := s.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check finds rows")
	}
	rows.Close()
	prof, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	def, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(prof.Areas, def.Areas) {
		t.Errorf("areas after the migration:\n%+v\nthe default profile's:\n%+v", prof.Areas, def.Areas)
	}
	d, err := s.PlanData(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Activities) != 1 || !slices.Equal(d.Activities[0].Goals, []int{3}) || d.Activities[0].Status != domain.ActivityInProgress ||
		d.Plan.Decision.Paragraph != "§ 12" || d.Plan.Decision.Made() || d.Trainings[0].Kind != domain.TrainingGeneral {
		t.Errorf("plan after the migration: %+v", d)
	}
	if _, err := s.SetField(domain.FieldActivityStatus, 1, domain.ActivityPaused); err != nil {
		t.Fatalf("pause: %v", err)
	}
	if _, err := s.SetField(domain.FieldActivityStatus, 1, "waiting"); err == nil {
		t.Error("an unknown status was stored")
	}
	// On another connection of the pool too (the edited schema is read again).
	for range 4 {
		if a, err := s.Activity(1); err != nil || a.Status != domain.ActivityPaused {
			t.Fatalf("activity: %+v %v", a, err)
		}
	}
}

// A plan stored whole (the demo, an import) keeps its annual goals, the activities under them,
// the areas, the management training, the decisions and the follow-ups, with the sender's ids
// mapped to the store's.
func TestAnnualGoalsRoundTrip(t *testing.T) {
	s := newStore(t)
	in := fullPlan("Socialnämnden", 2027)
	in.Plan.Decision = domain.Decision{Dnr: "SN 2026/45", Date: day(2026, 12, 10), Body: "Socialnämnden", Paragraph: "§ 142"}
	in.Plan.FollowUpDecision = domain.Decision{Dnr: "SN 2027/301", Date: day(2027, 11, 18), Body: "Socialnämnden", Paragraph: "§ 120"}
	in.AnnualGoals = []domain.AnnualGoal{
		{ID: 501, Position: 1, Text: "Alla system klassade", Indicator: "Andel", Target: "100 %", TargetDate: day(2027, 6, 30),
			Goals: []int{7, 2}, Areas: []string{"csl-a", "csl-i"}, Outcome: domain.OutcomePartly, Measured: "80 %", Light: domain.LightYellow},
		{ID: 502, Position: 2, Text: "Kontinuitetsplaner", Indicator: "Antal", Target: "3", Goals: []int{4}},
	}
	in.Activities[0].ID, in.Activities[0].AnnualGoalID, in.Activities[0].Areas = 901, 501, []string{"csl-b"}
	in.Activities[1].ID, in.Activities[1].AnnualGoalID = 902, 502
	in.Activities[1].Status = domain.ActivityPaused
	in.Trainings[0].Kind = domain.TrainingManagement
	in.FollowUps = []domain.FollowUp{
		{Date: day(2027, 4, 30), Comment: "Delår", Activities: []domain.ActivityMark{{Activity: 901, Status: domain.ActivityInProgress, PercentDone: 40}, {Activity: 999, Status: domain.ActivityDone}},
			Goals: []domain.GoalMark{{Goal: 501, Outcome: domain.OutcomeNone}}},
		{Date: day(2027, 11, 1), Closing: true, Activities: []domain.ActivityMark{{Activity: 901, Status: domain.ActivityDone, PercentDone: 100}, {Activity: 902, Status: domain.ActivityPaused}},
			Goals: []domain.GoalMark{{Goal: 501, Outcome: domain.OutcomePartly, Measured: "80 %", Light: domain.LightYellow}, {Goal: 502, Outcome: domain.OutcomeNotMet}}},
	}
	id, err := s.AddPlanData(in)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.PlanData(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Plan.Decision != in.Plan.Decision || d.Plan.FollowUpDecision != in.Plan.FollowUpDecision {
		t.Errorf("decisions: %+v / %+v", d.Plan.Decision, d.Plan.FollowUpDecision)
	}
	if len(d.AnnualGoals) != 2 {
		t.Fatalf("annual goals: %+v", d.AnnualGoals)
	}
	g := d.AnnualGoals[0]
	if g.ID == 501 || g.Text != "Alla system klassade" || !slices.Equal(g.Goals, []int{2, 7}) || !slices.Equal(g.Areas, []string{"csl-a", "csl-i"}) ||
		g.Outcome != domain.OutcomePartly || g.Measured != "80 %" || g.Light != domain.LightYellow || !g.TargetDate.Equal(day(2027, 6, 30)) {
		t.Errorf("annual goal: %+v", g)
	}
	if a := d.Activities; a[0].AnnualGoalID != g.ID || a[1].AnnualGoalID != d.AnnualGoals[1].ID || !slices.Equal(a[0].Areas, []string{"csl-b"}) || a[1].Status != domain.ActivityPaused {
		t.Errorf("activities: %+v", a)
	}
	if !d.Trainings[0].IsManagement() {
		t.Errorf("training kind: %q", d.Trainings[0].Kind)
	}
	if len(d.FollowUps) != 2 {
		t.Fatalf("follow-ups: %+v", d.FollowUps)
	}
	april, autumn := d.FollowUps[0], d.FollowUps[1]
	if april.Closing || april.Comment != "Delår" || len(april.Activities) != 1 || april.Activities[0].Activity != d.Activities[0].ID || april.Activities[0].PercentDone != 40 {
		t.Errorf("interim follow-up (the mark of an unknown activity left out): %+v", april)
	}
	if !autumn.Closing || len(autumn.Activities) != 2 || len(autumn.Goals) != 2 || autumn.Goals[1].Goal != d.AnnualGoals[1].ID || autumn.Goals[1].Outcome != domain.OutcomeNotMet {
		t.Errorf("closing follow-up: %+v", autumn)
	}
}

// Annual goals are edited like the other rows: every change audited, a signed plan reopened by
// its content, an activity linked only to a goal of its own plan, and a deleted goal restored
// with the activities that sat under it.
func TestAnnualGoalEdits(t *testing.T) {
	f := newFixture(t)
	s := f.s
	g, err := s.AddAnnualGoal(f.plan, domain.AnnualGoal{Text: "Klassa", Indicator: "Andel", Target: "100 %", Goals: []int{7}, Areas: []string{"csl-a"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldActivityAnnualGoal, f.act, g); err != nil {
		t.Fatal(err)
	}
	if old, err := s.SetField(domain.FieldAnnualGoalGoals, g, []int{2, 7, 2}); err != nil || !slices.Equal(old.([]int), []int{7}) {
		t.Fatalf("set goals: %v %v", old, err)
	}
	if old, err := s.SetField(domain.FieldAnnualGoalAreas, g, []string{"csl-g", "csl-a"}); err != nil || !slices.Equal(old.([]string), []string{"csl-a"}) {
		t.Fatalf("set areas: %v %v", old, err)
	}
	if _, err := s.SetField(domain.FieldActivityAreas, f.act, []string{"csl-h"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldAnnualGoalTargetDate, g, day(2027, 6, 30)); err != nil {
		t.Fatal(err)
	}
	d, err := s.PlanData(f.plan)
	if err != nil {
		t.Fatal(err)
	}
	if ag := d.AnnualGoals[0]; !slices.Equal(ag.Goals, []int{2, 7}) || !slices.Equal(ag.Areas, []string{"csl-a", "csl-g"}) || !ag.TargetDate.Equal(day(2027, 6, 30)) {
		t.Errorf("annual goal: %+v", ag)
	}
	if a := d.Activities[0]; a.AnnualGoalID != g || !slices.Equal(a.Areas, []string{"csl-h"}) {
		t.Errorf("activity: %+v", a)
	}
	if es, _ := s.Audit("annual_goal", g); len(es) < 4 {
		t.Errorf("audit of the annual goal: %+v", es)
	}

	// Another plan's goal is refused with a sentence for the user.
	other, err := s.AddPlan(domain.Plan{BoardID: f.board, Year: 2028})
	if err != nil {
		t.Fatal(err)
	}
	og, err := s.AddAnnualGoal(other, domain.AnnualGoal{Text: "Annat år"})
	if err != nil {
		t.Fatal(err)
	}
	var p *domain.Problem
	if _, err := s.SetField(domain.FieldActivityAnnualGoal, f.act, og); !errors.As(err, &p) || p.Key != "err.unknown_annual_goal" {
		t.Errorf("another plan's goal: %v", err)
	}

	// Delete, then undo: the goal and its activity's link come back.
	del, err := s.DeleteAnnualGoal(g)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Activity(f.act); a.AnnualGoalID != 0 || !slices.Equal(del.Activities, []int64{f.act}) {
		t.Errorf("after delete: activity under %d, deleted %+v", a.AnnualGoalID, del)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM area_tags WHERE entity = 'annual_goal' AND entity_id = ?", g).Scan(&n)
	if n != 0 {
		t.Errorf("%d tags of the deleted goal left", n)
	}
	if err := s.RestoreAnnualGoal(del); err != nil {
		t.Fatal(err)
	}
	d, _ = s.PlanData(f.plan)
	if len(d.AnnualGoals) != 1 || d.AnnualGoals[0].ID != g || d.Activities[0].AnnualGoalID != g || !slices.Equal(d.AnnualGoals[0].Areas, []string{"csl-a", "csl-g"}) {
		t.Errorf("after undo: %+v / %+v", d.AnnualGoals, d.Activities[0])
	}
	// Setting no annual goal stores none.
	if _, err := s.SetField(domain.FieldActivityAnnualGoal, f.act, int64(0)); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Activity(f.act); a.AnnualGoalID != 0 {
		t.Errorf("no annual goal: %d", a.AnnualGoalID)
	}
}

// Registering a decision keeps a signed plan signed; changing the plan afterwards marks the
// decision as older than the content; registering it again clears that.
func TestDecisionRegistration(t *testing.T) {
	f := newFixture(t)
	s := f.s
	if err := s.SetPlanStatus(f.plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	dec := domain.Decision{Dnr: "SN 2026/45", Date: day(2026, 12, 10), Body: "Socialnämnden", Paragraph: "§ 142"}
	old, err := s.SetDecision(f.plan, PlanDecision, dec)
	if err != nil || !old.IsZero() {
		t.Fatalf("set decision: %+v %v", old, err)
	}
	p, _ := s.Plan(f.plan)
	if p.Status != domain.PlanSigned || p.Decision != dec || !p.Decided() {
		t.Fatalf("after registration: %s %+v", p.Status, p.Decision)
	}
	es, _ := s.Audit("plan", f.plan)
	fields := map[string]string{}
	for _, e := range es {
		fields[e.Field] = e.New
	}
	if fields["decision_dnr"] != "SN 2026/45" || fields["decided_on"] != "2026-12-10" || fields["decision_paragraph"] != "§ 142" {
		t.Errorf("audit: %+v", fields)
	}

	// A change of content after the decision.
	if _, err := s.SetField(domain.FieldActivityTitle, f.act, "Klassa alla system"); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Plan(f.plan)
	if p.Status != domain.PlanDraft || !p.Decision.ChangedAfter || p.Decided() {
		t.Errorf("after a change: %s %+v", p.Status, p.Decision)
	}
	// A follow-up field is no change of content.
	dec2 := dec
	dec2.Date = day(2027, 1, 20)
	if _, err := s.SetDecision(f.plan, PlanDecision, dec2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldActivityStatus, f.act, domain.ActivityInProgress); err != nil {
		t.Fatal(err)
	}
	if p, _ = s.Plan(f.plan); !p.Decided() || p.Decision.Date != dec2.Date {
		t.Errorf("decided again: %+v", p.Decision)
	}
	// The follow-up's decision is its own.
	fu := domain.Decision{Dnr: "SN 2027/300", Date: day(2027, 11, 18), Body: "Socialnämnden", Paragraph: "§ 99"}
	if _, err := s.SetDecision(f.plan, FollowUpDecision, fu); err != nil {
		t.Fatal(err)
	}
	if p, _ = s.Plan(f.plan); p.FollowUpDecision != fu || p.Decision != dec2 {
		t.Errorf("follow-up decision: %+v / %+v", p.FollowUpDecision, p.Decision)
	}
	if _, err := s.SetDecision(4711, PlanDecision, dec); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing plan: %v", err)
	}
}

// Recording a follow-up stores what it says and makes it the plan's current state; the one
// that closes the year closes the signed plan, and there is only one.
func TestRecordFollowUp(t *testing.T) {
	f := newFixture(t)
	s := f.s
	g, err := s.AddAnnualGoal(f.plan, domain.AnnualGoal{Text: "Klassa", Indicator: "Andel", Target: "100 %"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlanStatus(f.plan, domain.PlanSigned, 1); err != nil {
		t.Fatal(err)
	}
	interim := domain.FollowUp{Date: day(2027, 8, 31), Comment: "Augustirapport",
		Activities: []domain.ActivityMark{{Activity: f.act, Status: domain.ActivityPaused, PercentDone: 30}},
		Goals:      []domain.GoalMark{{Goal: g, Outcome: domain.OutcomePartly, Measured: "40 %", Light: domain.LightRed}}}
	id, err := s.RecordFollowUp(f.plan, interim)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.PlanData(f.plan)
	if d.Plan.Status != domain.PlanSigned || d.Activities[0].Status != domain.ActivityPaused || d.Activities[0].PercentDone != 30 ||
		d.AnnualGoals[0].Outcome != domain.OutcomePartly || d.AnnualGoals[0].Light != domain.LightRed || d.AnnualGoals[0].Measured != "40 %" {
		t.Errorf("after the interim follow-up: %s %+v %+v", d.Plan.Status, d.Activities[0], d.AnnualGoals[0])
	}
	if len(d.FollowUps) != 1 || d.FollowUps[0].ID != id || d.FollowUps[0].Comment != "Augustirapport" || len(d.FollowUps[0].Goals) != 1 {
		t.Errorf("follow-ups: %+v", d.FollowUps)
	}
	closing := domain.SnapshotFollowUp(d, day(2027, 11, 5), true, "Höstens uppföljning")
	closing.Activities[0].Status = domain.ActivityDone
	if _, err := s.RecordFollowUp(f.plan, closing); err != nil {
		t.Fatal(err)
	}
	d, _ = s.PlanData(f.plan)
	if d.Plan.Status != domain.PlanClosed || d.Activities[0].Status != domain.ActivityDone {
		t.Errorf("after the closing follow-up: %s %+v", d.Plan.Status, d.Activities[0])
	}
	var p *domain.Problem
	if _, err := s.RecordFollowUp(f.plan, domain.FollowUp{Date: day(2027, 12, 1), Closing: true}); !errors.As(err, &p) || p.Key != "err.followup.two_closing" {
		t.Errorf("a second closing follow-up: %v", err)
	}
	if got, err := s.DeleteFollowUp(id); err != nil || got.Comment != "Augustirapport" {
		t.Fatalf("delete: %+v %v", got, err)
	}
	if fs, _ := s.FollowUps(f.plan); len(fs) != 1 || !fs[0].Closing {
		t.Errorf("after delete: %+v", fs)
	}
	if es, _ := s.Audit("followup", id); len(es) != 2 {
		t.Errorf("audit of the follow-up: %+v", es)
	}
}
