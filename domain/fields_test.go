package domain

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestFollowUpFields pins which fields the autumn follow-up records: they may be edited on a
// plan marked ready and keep a signed plan signed (PlanAfterEdit), and last year's plan is
// judged on them (ValidateFollowUp).
func TestFollowUpFields(t *testing.T) {
	var got []string
	for _, f := range Fields() {
		if f.FollowUp() {
			got = append(got, f.String())
		}
	}
	want := []string{"plan.check0_result", "plan.check1_result", "plan.check2_result",
		"plan.check0_text", "plan.check1_text", "plan.check2_text",
		"activity.status", "activity.percent_done", "activity.actual_hours", "activity.actual_kronor", "activity.follow_up_comment",
		"training.actual_participants", "checkpoint.done"}
	if !slices.Equal(got, want) {
		t.Errorf("follow-up fields = %v\nwant %v", got, want)
	}
	if !IsFollowUpField("activity", "percent_done") || IsFollowUpField("activity", "title") || IsFollowUpField("board", "name") {
		t.Error("IsFollowUpField does not follow the declarations")
	}
}

// TestFieldsReachTheirMembers sets every declared field in an empty row of its entity and
// reads it back, so each declaration points at a member of the right type.
func TestFieldsReachTheirMembers(t *testing.T) {
	rows := map[string]func() any{
		"plan": func() any { return &Plan{} }, "activity": func() any { return &Activity{} },
		"training": func() any { return &Training{} }, "checkpoint": func() any { return &Checkpoint{} },
		"system": func() any { return &System{} },
	}
	values := map[FieldKind]any{
		TextField: "x", IntField: int64(3), NumberField: int64(1500), DateField: time.Date(2027, 5, 4, 0, 0, 0, 0, time.UTC),
		BoolField: true, DatesField: []time.Time{time.Date(2027, 5, 4, 0, 0, 0, 0, time.UTC)},
		GoalsField: []int{1, 4}, SystemsField: []int64{7},
	}
	names := map[string]bool{}
	for _, f := range Fields() {
		if names[f.String()] {
			t.Errorf("%s declared twice", f)
		}
		names[f.String()] = true
		if g, ok := FieldNamed(f.Entity(), f.Name()); !ok || g != f {
			t.Errorf("FieldNamed(%s) = %v, %v", f, g, ok)
		}
		newRow, ok := rows[f.Entity()]
		if !ok {
			t.Errorf("%s: unknown entity", f)
			continue
		}
		row := newRow()
		v := values[f.Kind()]
		if !f.SetValue(row, v) {
			t.Errorf("%s: SetValue on %T refused", f, row)
			continue
		}
		if got, ok := f.Value(row); !ok || !reflect.DeepEqual(got, v) {
			t.Errorf("%s: Value = %#v, %v; want %#v", f, got, ok, v)
		}
		other := &Board{}
		if _, ok := f.Value(other); ok {
			t.Errorf("%s: Value of a %T", f, other)
		}
	}
	if _, ok := FieldNamed("activity", "titel"); ok {
		t.Error("FieldNamed found an undeclared field")
	}
	if u, ok := FieldActivityOperatingCost.Unit(); !ok || u != Kronor {
		t.Errorf("operating cost unit = %v, %v", u, ok)
	}
	if _, ok := FieldActivityPriority.Unit(); ok || FieldActivityPriority.TakesTyped() {
		t.Error("the priority is chosen, not typed")
	}
}

func TestPlanDataRow(t *testing.T) {
	d := PlanData{Plan: Plan{ID: 1}, Activities: []Activity{{ID: 5}, {ID: 6}}, Systems: []System{{ID: 9}}}
	if r, ok := d.Row("activity", 6).(*Activity); !ok || r != &d.Activities[1] {
		t.Errorf("Row(activity 6) = %v", d.Row("activity", 6))
	}
	if d.Row("plan", 1) != &d.Plan || d.Row("system", 9) != &d.Systems[0] {
		t.Error("Row of the plan or a system")
	}
	if d.Row("plan", 2) != nil || d.Row("training", 5) != nil || d.Row("board", 1) != nil {
		t.Error("Row found a row that is not there")
	}
	FieldActivityTitle.SetValue(d.Row("activity", 5), "Ny")
	if d.Activities[0].Title != "Ny" {
		t.Error("SetValue through Row did not reach the plan's row")
	}
}

func TestPlanAfterEdit(t *testing.T) {
	for _, tc := range []struct {
		status   PlanStatus
		followUp bool
		want     PlanStatus
		refused  bool
	}{
		{PlanDraft, false, PlanDraft, false},
		{PlanReady, false, PlanReady, true},
		{PlanReady, true, PlanReady, false},
		{PlanSigned, false, PlanDraft, false},
		{PlanSigned, true, PlanSigned, false},
		{PlanClosed, false, PlanClosed, false},
	} {
		got, p := PlanAfterEdit(7, tc.status, tc.followUp)
		if got != tc.want || (p != nil) != tc.refused {
			t.Errorf("%s, follow-up %v: %s, %v; want %s, refused %v", tc.status, tc.followUp, got, p, tc.want, tc.refused)
		}
		if p != nil && (p.Key != "err.read_only" || p.Entity != "plan" || p.EntityID != 7 || p.Severity != Blocking) {
			t.Errorf("refusal = %+v", p)
		}
	}
}
