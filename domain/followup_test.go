package domain

import (
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"
)

// completePlan is a plan for 2027 without a problem, carrying the follow-up of 2026.
func completePlan() PlanData {
	prev := PlanData{
		Plan:       Plan{ID: 10, Board: "Socialnämnden", Year: 2026, Responsible: "Socialchef", Status: PlanSigned},
		Activities: []Activity{{ID: 11, Title: "Klassning", Status: ActivityDone, PercentDone: 100, ActualHours: 100, ActualKronor: 20000}},
		Trainings:  []Training{{ID: 12, Title: "Grundutbildning", ExpectedParticipants: 40, ActualParticipants: 35}},
	}
	for i := range prev.Plan.Checks {
		prev.Plan.Checks[i] = Check{Result: CheckYes, Text: "Ja."}
	}
	return PlanData{
		Plan:        Plan{ID: 1, Board: "Socialnämnden", Year: 2027, Responsible: "Socialchef"},
		AnnualGoals: []AnnualGoal{goodAnnualGoal()},
		Activities:  []Activity{goodActivity()},
		Trainings:   []Training{{ID: 1, Title: "Grundutbildning", TargetGroup: "Alla", Responsible: "Samordnare", Dates: []time.Time{vday(2027, 4, 1)}}},
		Checkpoints: []Checkpoint{{ID: 1, Date: vday(2027, 9, 15), Method: "Genomgång", ReportTo: "Nämnden"}},
		Checklist:   allMet(),
		Previous:    &prev,
	}
}

// allMet is the default profile's checklist, every requirement met.
func allMet() []ChecklistEntry {
	prof, _ := DefaultProfile()
	var out []ChecklistEntry
	for _, r := range prof.Checklist {
		out = append(out, ChecklistEntry{Requirement: r.ID, Status: ChecklistMet, Date: vday(2026, 9, 1)})
	}
	return out
}

// The follow-up that a plan carries is judged with it: its activities' and events' follow-up
// fields, what was typed there and is no value, and the three biennial checks (an unanswered
// one and a "no" are printed in red, so they are warnings).
func TestValidatePlanFollowUp(t *testing.T) {
	prof := testProfile(t)
	// Everything but the goals no activity covers.
	base := func(d PlanData) Problems {
		var out Problems
		for _, p := range ValidatePlan(d, prof) {
			if p.Key != "err.goal_uncovered" {
				out = append(out, p)
			}
		}
		return out
	}
	if ps := base(completePlan()); len(ps) != 0 {
		t.Fatalf("complete plan: %v", ps)
	}
	tests := []struct {
		name     string
		edit     func(prev *PlanData)
		entity   string
		id       int64
		field    string
		key      string
		severity Severity
	}{
		{"check unanswered", func(p *PlanData) { p.Plan.Checks[CheckRulesFollowed] = Check{} }, "plan", 10, "check2_result", "err.check_unanswered", Warning},
		{"check answered no", func(p *PlanData) { p.Plan.Checks[CheckActionsDone].Result = CheckNo }, "plan", 10, "check0_result", "err.check_no", Warning},
		{"percent over 100", func(p *PlanData) { p.Activities[0].PercentDone = 120 }, "activity", 11, "percent_done", "err.percent_range", Blocking},
		{"negative actual kronor", func(p *PlanData) { p.Activities[0].ActualKronor = -1 }, "activity", 11, "actual_kronor", "err.negative", Blocking},
		{"negative actual participants", func(p *PlanData) { p.Trainings[0].ActualParticipants = -1 }, "training", 12, "actual_participants", "err.participants", Blocking},
		{"typed actual hours", func(p *PlanData) {
			p.Unparsed = []Unparsed{{Entity: "activity", EntityID: 11, Field: "actual_hours", Text: "2,5"}}
		}, "activity", 11, "actual_hours", "err.input.whole_hours", Blocking},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := completePlan()
			tc.edit(d.Previous)
			ps := base(d)
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", ps)
			}
			p := ps[0]
			if p.Entity != tc.entity || p.EntityID != tc.id || p.Field != tc.field || p.Key != tc.key || p.Severity != tc.severity || !p.Previous {
				t.Fatalf("got %+v, want %s %d %s %s severity %v, Previous", p, tc.entity, tc.id, tc.field, tc.key, tc.severity)
			}
		})
	}
	// Only the follow-up counts: last year's plan was judged when it was written.
	d := completePlan()
	d.Previous.Activities[0].Description, d.Previous.Plan.Responsible = "", ""
	if ps := base(d); len(ps) != 0 {
		t.Fatalf("last year's plan itself judged again: %v", ps)
	}
	// The sentence names the check.
	d = completePlan()
	d.Previous.Plan.Checks[CheckGoalsFollowed] = Check{}
	if got := base(d)[0].Text(i18n.New(i18n.Swedish)); !strings.Contains(got, "Årliga mål är uppföljda") {
		t.Errorf("text %q does not name the check", got)
	}
}

// Text typed into a number field that is no value blocks the plan, with the parser's sentence
// quoting it, in the row and field it was typed in.
func TestValidatePlanUnparsed(t *testing.T) {
	prof := testProfile(t)
	d := completePlan()
	d.Unparsed = []Unparsed{
		{Entity: "activity", EntityID: 1, Field: "operating_cost", Text: "10 tkx"},
		{Entity: "training", EntityID: 1, Field: "expected_participants", Text: "många"},
		{Entity: "activity", EntityID: 1, Field: "investment", Text: "10 tkr"}, // reads now: still typed again
		{Entity: "activity", EntityID: 99, Field: "investment", Text: "x"},     // no such row
	}
	ps := ValidatePlan(d, prof)
	if !ps.Blocking() {
		t.Fatal("typed text does not block")
	}
	want := map[string]string{"operating_cost": "err.input.kronor", "expected_participants": "err.input.count", "investment": "err.input.unsaved"}
	for field, key := range want {
		entity := "activity"
		if field == "expected_participants" {
			entity = "training"
		}
		got := ps.For(entity, 1, field)
		if len(got) != 1 || got[0].Key != key || got[0].Severity != Blocking || got[0].Previous {
			t.Errorf("%s: %v, want %s", field, got, key)
		}
	}
	if got := ps.For("activity", 99, ""); len(got) != 0 {
		t.Errorf("a row that is not there: %v", got)
	}
	sv := i18n.New(i18n.Swedish)
	if got := ps.For("activity", 1, "operating_cost")[0].Text(sv); !strings.Contains(got, "”10 tkx” är inget belopp") {
		t.Errorf("sentence %q", got)
	}
	if got := ps.For("training", 1, "expected_participants")[0].Text(sv); strings.Contains(got, "field.") {
		t.Errorf("untranslated field in %q", got)
	}
}

func TestPlanDataUnparsed(t *testing.T) {
	var d PlanData
	d.SetUnparsed("activity", 1, "investment", "10 tkx", true)
	d.SetUnparsed("activity", 1, "investment", "10 tkxx", true)
	d.SetUnparsed("activity", 2, "investment", "y", true)
	if s, ok := d.UnparsedText("activity", 1, "investment"); !ok || s != "10 tkxx" || len(d.Unparsed) != 2 {
		t.Fatalf("%q %v %v", s, ok, d.Unparsed)
	}
	d.SetUnparsed("activity", 1, "investment", "", false)
	if _, ok := d.UnparsedText("activity", 1, "investment"); ok || len(d.Unparsed) != 1 {
		t.Fatalf("not forgotten: %v", d.Unparsed)
	}
}
