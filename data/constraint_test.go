package data

import (
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
)

// TestConstraintProblems checks that what the schema refuses comes back as a problem on the
// right field with a message that has all its data, and that nothing is stored.
func TestConstraintProblems(t *testing.T) {
	set := func(fld domain.Field, id func(*fixture) int64, v any) func(*fixture) error {
		return func(f *fixture) error { _, err := f.s.SetField(fld, id(f), v); return err }
	}
	tests := []struct {
		name  string
		do    func(*fixture) error
		field string
		key   string
		args  []any
	}{
		{"negative internal hours", set(domain.FieldActivityInternalHours, actID, -5), "internal_hours", "err.negative",
			[]any{"Field", "field.internal_hours"}},
		{"negative external hours", set(domain.FieldActivityExternalHours, actID, int64(-1)), "external_hours", "err.negative",
			[]any{"Field", "field.external_hours"}},
		{"negative operating cost", set(domain.FieldActivityOperatingCost, actID, -100), "operating_cost", "err.negative",
			[]any{"Field", "field.operating_cost"}},
		{"negative investment", set(domain.FieldActivityInvestment, actID, -1), "investment", "err.negative",
			[]any{"Field", "field.investment"}},
		{"negative actual hours", set(domain.FieldActivityActualHours, actID, -1), "actual_hours", "err.negative",
			[]any{"Field", "field.actual_hours"}},
		{"negative actual kronor", set(domain.FieldActivityActualKronor, actID, -1), "actual_kronor", "err.negative",
			[]any{"Field", "field.actual_kronor"}},
		{"percent 150", set(domain.FieldActivityPercentDone, actID, 150), "percent_done", "err.percent_range", nil},
		{"percent -1", set(domain.FieldActivityPercentDone, actID, -1), "percent_done", "err.percent_range", nil},
		{"negative expected participants", set(domain.FieldTrainingExpectedParticipants, trainingID, -3), "expected_participants", "err.participants", nil},
		{"negative actual participants", set(domain.FieldTrainingActualParticipants, trainingID, -3), "actual_participants", "err.participants", nil},
		{"system level 7", set(domain.FieldSystemConfidentiality, systemID, 7), "confidentiality", "err.level_range", nil},
		{"system level -2", set(domain.FieldSystemTraceability, systemID, -2), "traceability", "err.level_range", nil},
		{"system without name", set(domain.FieldSystemName, systemID, "  "), "name", "err.required", []any{"Field", "field.name"}},
		{"system renamed to a taken name", set(domain.FieldSystemName, systemID, "E-post"), "name", "err.duplicate_system", nil},
		{"add system level 5", func(f *fixture) error {
			_, err := f.s.AddSystem(f.board, domain.System{Name: "Nytt", Availability: 5})
			return err
		}, "availability", "err.level_range", nil},
		{"add system without name", func(f *fixture) error {
			_, err := f.s.AddSystem(f.board, domain.System{Name: ""})
			return err
		}, "name", "err.required", []any{"Field", "field.name"}},
		{"add system duplicate", func(f *fixture) error {
			_, err := f.s.AddSystem(f.board, domain.System{Name: "Procapita"})
			return err
		}, "name", "err.duplicate_system", nil},
		{"add board duplicate", func(f *fixture) error {
			_, err := f.s.AddBoard(" Socialnämnden ")
			return err
		}, "name", "err.duplicate_board", []any{"Name", "Socialnämnden"}},
		{"add board without name", func(f *fixture) error {
			_, err := f.s.AddBoard(" ")
			return err
		}, "name", "err.required", []any{"Field", "field.name"}},
		{"add plan duplicate by board id", func(f *fixture) error {
			_, err := f.s.AddPlan(domain.Plan{BoardID: f.board, Year: 2027})
			return err
		}, "year", "err.duplicate_plan", []any{"Board", "Socialnämnden", "Year", 2027}},
		{"add plan data duplicate by board name", func(f *fixture) error {
			_, err := f.s.AddPlanData(domain.PlanData{Plan: domain.Plan{Board: "Socialnämnden", Year: 2027}})
			return err
		}, "year", "err.duplicate_plan", []any{"Board", "Socialnämnden", "Year", 2027}},
		{"add plan year 1999", func(f *fixture) error {
			_, err := f.s.AddPlan(domain.Plan{BoardID: f.board, Year: 1999})
			return err
		}, "year", "err.year_range", []any{"Min", domain.MinYear, "Max", domain.MaxYear}},
		{"add activity negative hours", func(f *fixture) error {
			_, err := f.s.AddActivity(f.plan, domain.Activity{Title: "Ny", ExternalHours: -8})
			return err
		}, "external_hours", "err.negative", []any{"Field", "field.external_hours"}},
		{"add activity percent 101", func(f *fixture) error {
			_, err := f.s.AddActivity(f.plan, domain.Activity{Title: "Ny", PercentDone: 101})
			return err
		}, "percent_done", "err.percent_range", nil},
		{"add training negative participants", func(f *fixture) error {
			_, err := f.s.AddTraining(f.plan, domain.Training{Title: "Ny", ActualParticipants: -1})
			return err
		}, "actual_participants", "err.participants", nil},
		{"profile hours per FTE", func(f *fixture) error {
			return f.s.SaveProfile(domain.Profile{HoursPerFTE: 50})
		}, "hours_per_fte", "err.too_large", []any{"Field", "field.hours_per_fte", "Max", 3000}},
		{"profile goal without text", func(f *fixture) error {
			return f.s.SaveProfile(domain.Profile{HoursPerFTE: 1700, Goals: []domain.Goal{{Number: 1, Text: " "}}})
		}, "goals", "err.required", []any{"Field", "field.goals"}},
		{"profile goal number twice", func(f *fixture) error {
			return f.s.SaveProfile(domain.Profile{HoursPerFTE: 1700, Goals: []domain.Goal{{Number: 1, Text: "a"}, {Number: 1, Text: "b"}}})
		}, "goals", "err.unknown_goal", []any{"Goal", 1}},
		{"profile goal number 100", func(f *fixture) error {
			return f.s.SaveProfile(domain.Profile{HoursPerFTE: 1700, Goals: []domain.Goal{{Number: 100, Text: "a"}}})
		}, "goals", "err.unknown_goal", []any{"Goal", 100}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			before := f.state(t)
			prof, _ := f.s.HasProfile()
			err := tc.do(f)
			checkProblem(t, err, tc.field, tc.key, tc.args...)
			if f.state(t) != before {
				t.Error("the refused change was (partly) stored")
			}
			if has, _ := f.s.HasProfile(); has != prof {
				t.Error("the refused profile was stored")
			}
		})
	}
}

// Values no field message fits, or of the wrong Go type, are plain errors; nothing is stored.
func TestPlainErrors(t *testing.T) {
	tests := []struct {
		name  string
		f     domain.Field
		id    func(*fixture) int64
		value any
	}{
		{"text for a number", domain.FieldActivityInternalHours, actID, "fem"},
		{"float for a number", domain.FieldActivityPercentDone, actID, 12.5},
		{"number for text", domain.FieldActivityTitle, actID, 5},
		{"string for a date", domain.FieldActivityStart, actID, "2027-01-01"},
		{"pointer for a date", domain.FieldCheckpointDate, checkpointID, &time.Time{}},
		{"int for a bool", domain.FieldCheckpointDone, checkpointID, 1},
		{"one date for dates", domain.FieldTrainingDates, trainingID, day(2027, 1, 1)},
		{"nil", domain.FieldPlanResponsible, planID, nil},
		{"priority 7", domain.FieldActivityPriority, actID, 7},
		{"unknown status", domain.FieldActivityStatus, actID, "half_done"},
		{"unknown security plan", domain.FieldSystemSecurityPlan, systemID, "gold"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			before := f.state(t)
			_, err := f.s.SetField(tc.f, tc.id(f), tc.value)
			if err == nil {
				t.Fatal("accepted")
			}
			if p, ok := asProblem(err); ok {
				t.Errorf("err is a Problem %s; want a plain error", p.Key)
			}
			if !strings.Contains(err.Error(), tc.f.Name()) {
				t.Errorf("err %q does not name the field", err)
			}
			if f.state(t) != before {
				t.Error("the refused change was stored")
			}
		})
	}
}
