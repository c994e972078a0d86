package data

import (
	"testing"
	"time"

	"handlingsplan/domain"
)

// twoValues are two different valid values of field f for the fixture, in the types SetField
// takes and gives back.
func twoValues(t *testing.T, fx *fixture, f domain.Field) (a, b any) {
	t.Helper()
	switch f {
	case domain.FieldActivityStatus:
		return string(domain.ActivityDone), string(domain.ActivityInProgress)
	case domain.FieldTrainingFormat:
		return string(domain.FormatELearning), string(domain.FormatWorkshop)
	case domain.FieldSystemSecurityPlan:
		return string(domain.SecurityPlanDeepened), string(domain.SecurityPlanNone)
	case domain.FieldActivityPriority:
		return int64(domain.PriorityMedium), int64(domain.PriorityLow)
	case domain.FieldActivityPercentDone:
		return int64(40), int64(100)
	}
	for _, c := range domain.FieldPlanCheckResult {
		if f == c {
			return string(domain.CheckPartly), string(domain.CheckNo)
		}
	}
	switch f.Kind() {
	case domain.TextField:
		return "Första värdet", "Andra värdet"
	case domain.IntField:
		return int64(2), int64(4)
	case domain.NumberField:
		return int64(12), int64(1_250_000)
	case domain.DateField:
		return day(2027, 3, 1), day(2027, 10, 30)
	case domain.BoolField:
		return true, false
	case domain.DatesField:
		return []time.Time{day(2027, 4, 2)}, []time.Time{day(2027, 4, 2), day(2027, 11, 5)}
	case domain.GoalsField:
		return []int{2}, []int{2, 5}
	case domain.SystemsField:
		both := sortedSet([]int64{fx.sysMail, fx.sysProcapita})
		return []int64{fx.sysMail}, both
	}
	t.Fatalf("%s: no test values for its kind %d", f, f.Kind())
	return nil, nil
}

func rowID(fx *fixture, entity string) int64 {
	switch entity {
	case "plan":
		return fx.plan
	case "activity":
		return fx.act
	case "training":
		return fx.training
	case "checkpoint":
		return fx.checkpoint
	case "system":
		return fx.sysProcapita
	}
	return 0
}

// TestEveryDeclaredFieldRoundTrips sets every field domain declares to two values in turn: each
// is stored (so the field has a column, or a link table, the store knows), comes back from the
// loaders as it was set (through the field's own member, Field.Value), comes back as the old
// value of the next set, and is audited under the field's name.
func TestEveryDeclaredFieldRoundTrips(t *testing.T) {
	fields := domain.Fields()
	if len(fields) < 50 {
		t.Fatalf("only %d declared fields", len(fields))
	}
	for _, f := range fields {
		t.Run(f.String(), func(t *testing.T) {
			fx := newFixture(t)
			id := rowID(fx, f.Entity())
			if id == 0 {
				t.Fatalf("no fixture row for entity %q", f.Entity())
			}
			a, b := twoValues(t, fx, f)
			loaded := func() any {
				t.Helper()
				d, err := fx.s.PlanData(fx.plan)
				if err != nil {
					t.Fatal(err)
				}
				row := d.Row(f.Entity(), id)
				if row == nil {
					t.Fatalf("row %s %d not loaded", f.Entity(), id)
				}
				v, ok := f.Value(row)
				if !ok {
					t.Fatalf("%s has no member in %T", f, row)
				}
				return v
			}
			if _, err := fx.s.SetField(f, id, a); err != nil {
				t.Fatalf("set %v: %v", a, err)
			}
			if got := loaded(); !same(got, a) {
				t.Errorf("loaded %#v after setting %#v", got, a)
			}
			old, err := fx.s.SetField(f, id, b)
			if err != nil {
				t.Fatalf("set %v: %v", b, err)
			}
			if !same(old, a) {
				t.Errorf("old value %#v (%T), want %#v", old, old, a)
			}
			if got := loaded(); !same(got, b) {
				t.Errorf("loaded %#v after setting %#v", got, b)
			}
			if last, _ := fx.lastAudit(t, f.Entity(), id); last.Field != f.Name() {
				t.Errorf("last audit entry is of %q, want %q", last.Field, f.Name())
			}
		})
	}
}
