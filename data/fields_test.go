package data

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"handlingsplan/domain"
)

// same compares stored values; dates by instant, since a zone is not part of a calendar date.
func same(a, b any) bool {
	switch x := a.(type) {
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case []time.Time:
		y, ok := b.([]time.Time)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !x[i].Equal(y[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

func findTraining(ts []domain.Training, id int64) domain.Training {
	for _, t := range ts {
		if t.ID == id {
			return t
		}
	}
	return domain.Training{}
}

func findCheckpoint(cs []domain.Checkpoint, id int64) domain.Checkpoint {
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	return domain.Checkpoint{}
}

func findSystem(xs []domain.System, id int64) domain.System {
	for _, x := range xs {
		if x.ID == id {
			return x
		}
	}
	return domain.System{}
}

func findActivity(as []domain.Activity, id int64) domain.Activity {
	for _, a := range as {
		if a.ID == id {
			return a
		}
	}
	return domain.Activity{}
}

// TestSetFieldUndoAndAudit sets every kind of editable field, undoes the change with the old
// value SetField returned, and checks the audit log and that a no-op records nothing.
func TestSetFieldUndoAndAudit(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	type row struct {
		d domain.PlanData
		f *fixture
	}
	act := func(r row) domain.Activity { return findActivity(r.d.Activities, r.f.act) }
	tr := func(r row) domain.Training { return findTraining(r.d.Trainings, r.f.training) }
	cp := func(r row) domain.Checkpoint { return findCheckpoint(r.d.Checkpoints, r.f.checkpoint) }
	sys := func(r row) domain.System { return findSystem(r.d.Systems, r.f.sysProcapita) }
	tests := []struct {
		f       domain.Field
		id      func(*fixture) int64
		set     any // what the caller passes
		stored  any // how SetField gives it back as an old value
		init    any // the fixture's value, as SetField gives it back
		oldText string
		newText string
		read    func(row) any // the value the loaders show, in stored form
	}{
		{domain.FieldPlanResponsible, planID, "Socialchef", "Socialchef", "Förvaltningschef", "Förvaltningschef", "Socialchef",
			func(r row) any { return r.d.Plan.Responsible }},
		{domain.FieldPlanDecisionDate, planID, time.Date(2027, 2, 20, 0, 0, 0, 0, cet), day(2027, 2, 20), time.Time{}, "", "2027-02-20",
			func(r row) any { return r.d.Plan.DecisionDate }},
		{domain.FieldPlanCheckResult[0], planID, domain.CheckYes, "yes", "", "", "yes",
			func(r row) any { return string(r.d.Plan.Checks[0].Result) }},
		{domain.FieldPlanCheckText[2], planID, "Reglerna följs", "Reglerna följs", "", "", "Reglerna följs",
			func(r row) any { return r.d.Plan.Checks[2].Text }},
		{domain.FieldActivityTitle, actID, "Klassa alla system", "Klassa alla system", "Klassa system", "Klassa system", "Klassa alla system",
			func(r row) any { return act(r).Title }},
		{domain.FieldActivityPriority, actID, domain.PriorityLow, int64(3), int64(1), "1", "3",
			func(r row) any { return int64(act(r).Priority) }},
		{domain.FieldActivityStart, actID, day(2027, 3, 1), day(2027, 3, 1), day(2027, 2, 1), "2027-02-01", "2027-03-01",
			func(r row) any { return act(r).Start }},
		{domain.FieldActivityEnd, actID, time.Time{}, time.Time{}, day(2027, 11, 30), "2027-11-30", "",
			func(r row) any { return act(r).End }},
		{domain.FieldActivityInternalHours, actID, 80, int64(80), int64(120), "120", "80",
			func(r row) any { return act(r).InternalHours }},
		{domain.FieldActivityOperatingCost, actID, int64(1_250_000), int64(1_250_000), int64(25000), "25000", "1250000",
			func(r row) any { return act(r).OperatingCost }},
		{domain.FieldActivityStatus, actID, domain.ActivityDone, "done", "not_started", "not_started", "done",
			func(r row) any { return string(act(r).Status) }},
		{domain.FieldActivityPercentDone, actID, 100, int64(100), int64(0), "0", "100",
			func(r row) any { return int64(act(r).PercentDone) }},
		{domain.FieldActivityFollowUpComment, actID, "Klart i oktober", "Klart i oktober", "", "", "Klart i oktober",
			func(r row) any { return act(r).FollowUpComment }},
		{domain.FieldActivityPosition, actID, 5, int64(5), int64(1), "1", "5",
			func(r row) any { return int64(act(r).Position) }},
		{domain.FieldTrainingDates, trainingID, []time.Time{day(2027, 4, 2), day(2027, 10, 8), day(2027, 11, 5)},
			[]time.Time{day(2027, 4, 2), day(2027, 10, 8), day(2027, 11, 5)}, []time.Time{day(2027, 3, 1), day(2027, 9, 1)},
			"2027-03-01,2027-09-01", "2027-04-02,2027-10-08,2027-11-05",
			func(r row) any { return tr(r).Dates }},
		{domain.FieldTrainingFormat, trainingID, domain.FormatELearning, "elearning", "workplace_meeting", "workplace_meeting", "elearning",
			func(r row) any { return string(tr(r).Format) }},
		{domain.FieldTrainingExpectedParticipants, trainingID, 55, int64(55), int64(40), "40", "55",
			func(r row) any { return int64(tr(r).ExpectedParticipants) }},
		{domain.FieldTrainingActualParticipants, trainingID, 38, int64(38), int64(0), "0", "38",
			func(r row) any { return int64(tr(r).ActualParticipants) }},
		{domain.FieldCheckpointDone, checkpointID, true, true, false, "false", "true",
			func(r row) any { return cp(r).Done }},
		{domain.FieldCheckpointDate, checkpointID, day(2027, 6, 22), day(2027, 6, 22), day(2027, 6, 15), "2027-06-15", "2027-06-22",
			func(r row) any { return cp(r).Date }},
		{domain.FieldCheckpointReportTo, checkpointID, "Kommunstyrelsen", "Kommunstyrelsen", "Socialnämnden", "Socialnämnden", "Kommunstyrelsen",
			func(r row) any { return cp(r).ReportTo }},
		{domain.FieldSystemSensitive, systemID, false, false, true, "true", "false",
			func(r row) any { return sys(r).Sensitive }},
		{domain.FieldSystemBaselineMet, systemID, false, false, true, "true", "false",
			func(r row) any { return sys(r).BaselineMet }},
		{domain.FieldSystemConfidentiality, systemID, 4, int64(4), int64(3), "3", "4",
			func(r row) any { return int64(sys(r).Confidentiality) }},
		{domain.FieldSystemSecurityPlan, systemID, domain.SecurityPlanDeepened, "deepened", "base", "base", "deepened",
			func(r row) any { return string(sys(r).SecurityPlan) }},
		{domain.FieldSystemRecoveryAt, systemID, day(2026, 12, 1), day(2026, 12, 1), time.Time{}, "", "2026-12-01",
			func(r row) any { return sys(r).RecoveryAt }},
		{domain.FieldSystemName, systemID, "Lifecare", "Lifecare", "Procapita", "Procapita", "Lifecare",
			func(r row) any { return sys(r).Name }},
	}
	for _, tc := range tests {
		t.Run(tc.f.String(), func(t *testing.T) {
			f := newFixture(t)
			id := tc.id(f)
			read := func() any {
				d, err := f.s.PlanData(f.plan)
				if err != nil {
					t.Fatal(err)
				}
				return tc.read(row{d, f})
			}
			wantAudit := func(step string, n int, old, new string) {
				t.Helper()
				last, got := f.lastAudit(t, tc.f.Entity(), id)
				want := domain.AuditEntry{ID: last.ID, At: auditTime, Who: testWho, Entity: tc.f.Entity(), EntityID: id, Field: tc.f.Name(), Old: old, New: new}
				if got != n || !reflect.DeepEqual(last, want) {
					t.Errorf("%s: %d audit entries, last %+v; want %d, last %+v", step, got, last, n, want)
				}
			}
			if got := read(); !same(got, tc.init) {
				t.Fatalf("fixture value = %#v, want %#v", got, tc.init)
			}
			_, n0 := f.lastAudit(t, tc.f.Entity(), id)

			old, err := f.s.SetField(tc.f, id, tc.set)
			if err != nil {
				t.Fatalf("set: %v", err)
			}
			if !same(old, tc.init) {
				t.Errorf("set returned old %#v (%T), want %#v (%T)", old, old, tc.init, tc.init)
			}
			if got := read(); !same(got, tc.stored) {
				t.Errorf("after set: %#v, want %#v", got, tc.stored)
			}
			wantAudit("set", n0+1, tc.oldText, tc.newText)

			// Undo with what SetField returned.
			back, err := f.s.SetField(tc.f, id, old)
			if err != nil {
				t.Fatalf("undo: %v", err)
			}
			if !same(back, tc.stored) {
				t.Errorf("undo returned %#v (%T), want %#v", back, back, tc.stored)
			}
			if got := read(); !same(got, tc.init) {
				t.Errorf("after undo: %#v, want %#v", got, tc.init)
			}
			wantAudit("undo", n0+2, tc.newText, tc.oldText)

			// Setting the value it has records nothing.
			again, err := f.s.SetField(tc.f, id, old)
			if err != nil {
				t.Fatalf("no-op: %v", err)
			}
			if !same(again, tc.init) {
				t.Errorf("no-op returned %#v", again)
			}
			if _, n := f.lastAudit(t, tc.f.Entity(), id); n != n0+2 {
				t.Errorf("no-op wrote an audit entry: %d entries, want %d", n, n0+2)
			}
		})
	}
}

func planID(f *fixture) int64       { return f.plan }
func actID(f *fixture) int64        { return f.act }
func trainingID(f *fixture) int64   { return f.training }
func checkpointID(f *fixture) int64 { return f.checkpoint }
func systemID(f *fixture) int64     { return f.sysProcapita }

func TestSetFieldUnknownAndMissing(t *testing.T) {
	f := newFixture(t)
	// A field that is not declared (plan_id, status, a board's name) does not compile; the zero
	// Field is the one left to refuse.
	tests := []struct {
		name   string
		f      domain.Field
		id     int64
		value  any
		notFnd bool
	}{
		{"no field", domain.Field{}, f.act, "X", false},
		{"missing row", domain.FieldActivityTitle, 999, "X", true},
		{"missing row, follow-up", domain.FieldCheckpointDone, 999, true, true},
		{"missing row, goals", domain.FieldActivityGoals, 999, []int{1}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := f.state(t)
			_, err := f.s.SetField(tc.f, tc.id, tc.value)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNotFound) != tc.notFnd {
				t.Errorf("err = %v, ErrNotFound %v", err, !tc.notFnd)
			}
			if _, ok := asProblem(err); ok {
				t.Errorf("err = %v is a Problem; want a plain error", err)
			}
			if f.state(t) != before {
				t.Error("the failed call changed the database")
			}
		})
	}
}

func TestSetActivityLinks(t *testing.T) {
	f := newFixture(t)
	s := f.s
	extra, err := s.AddSystem(f.board, domain.System{Name: "Intranät"})
	if err != nil {
		t.Fatal(err)
	}
	_, n0 := f.lastAudit(t, "activity", f.act)

	old, err := s.SetActivityGoals(f.act, []int{8, 2, 2})
	if err != nil || !slices.Equal(old, []int{1, 3}) {
		t.Fatalf("set goals: old %v, %v", old, err)
	}
	if a, _ := s.Activity(f.act); !slices.Equal(a.Goals, []int{2, 8}) {
		t.Errorf("goals = %v", a.Goals)
	}
	if last, n := f.lastAudit(t, "activity", f.act); n != n0+1 || last.Field != "goals" || last.Old != "1,3" || last.New != "2,8" {
		t.Errorf("goals audited as %+v (%d entries)", last, n-n0)
	}
	// The same set in another order is no change.
	if _, err := s.SetActivityGoals(f.act, []int{8, 2}); err != nil {
		t.Fatal(err)
	}
	if _, n := f.lastAudit(t, "activity", f.act); n != n0+1 {
		t.Error("an unchanged goal set was audited")
	}
	if back, err := s.SetActivityGoals(f.act, old); err != nil || !slices.Equal(back, []int{2, 8}) {
		t.Errorf("undo goals: %v, %v", back, err)
	}
	if a, _ := s.Activity(f.act); !slices.Equal(a.Goals, []int{1, 3}) {
		t.Errorf("goals after undo = %v", a.Goals)
	}

	oldSys, err := s.SetActivitySystems(f.act, []int64{extra})
	want := []int64{f.sysProcapita, f.sysMail}
	slices.Sort(want)
	if err != nil || !slices.Equal(oldSys, want) {
		t.Fatalf("set systems: old %v, %v; want old %v", oldSys, err, want)
	}
	if a, _ := s.Activity(f.act); !slices.Equal(a.SystemIDs, []int64{extra}) {
		t.Errorf("systems = %v", a.SystemIDs)
	}
	if _, err := s.SetActivitySystems(f.act, oldSys); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Activity(f.act); !slices.Equal(a.SystemIDs, want) {
		t.Errorf("systems after undo = %v", a.SystemIDs)
	}
	if last, _ := f.lastAudit(t, "activity", f.act); last.Field != "systems" || last.New != fmt.Sprintf("%d,%d", want[0], want[1]) {
		t.Errorf("systems audited as %+v", last)
	}

	if _, err := s.SetActivityGoals(4711, []int{1}); !errors.Is(err, ErrNotFound) {
		t.Errorf("goals of a missing activity: %v", err)
	}
	if _, err := s.SetActivityGoals(4711, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("no goals for a missing activity: %v", err)
	}
	if _, err := s.SetActivitySystems(4711, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("systems of a missing activity: %v", err)
	}
}
