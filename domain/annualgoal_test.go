package domain

import (
	"slices"
	"testing"
	"time"
)

// An activity serves the strategic goals of its annual goal: the review's coverage, the
// "no goal" rule and UncoveredGoals all count through the annual goal.
func TestAnnualGoalCoverage(t *testing.T) {
	prof := testProfile(t)
	ag := goodAnnualGoal() // goals 2 and 7
	own := Activity{ID: 5, Goals: []int{4}, AnnualGoalID: ag.ID}
	bare := Activity{ID: 6, AnnualGoalID: ag.ID}
	orphan := Activity{ID: 7}
	tests := []struct {
		name string
		a    Activity
		want []int
	}{
		{"annual goal's goals and its own", own, []int{2, 4, 7}},
		{"only the annual goal's", bare, []int{2, 7}},
		{"no annual goal, no goals", orphan, nil},
		{"an annual goal the plan lacks counts nothing", Activity{Goals: []int{1}, AnnualGoalID: 99}, []int{1}},
	}
	for _, tc := range tests {
		if got := GoalsOf(tc.a, []AnnualGoal{ag}); !slices.Equal(got, tc.want) {
			t.Errorf("%s: GoalsOf = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := UncoveredGoals([]Activity{bare}, []AnnualGoal{ag}, prof); slices.Contains(got, 2) || slices.Contains(got, 7) || len(got) != 6 {
		t.Errorf("uncovered through the annual goal: %v", got)
	}
	// In a plan, an activity without goals of its own is fine under an annual goal that has them.
	d := completePlan()
	d.Activities[0].Goals = nil
	if ps := ValidatePlan(d, prof); hasKey(ps, "goals", "err.no_goal") {
		t.Errorf("activity under an annual goal with goals: %v", ps.For("activity", 1, "goals"))
	}
	d.AnnualGoals[0].Goals = nil
	ps := ValidatePlan(d, prof)
	if !hasKey(ps.For("activity", 1, ""), "goals", "err.no_goal") {
		t.Errorf("no goal anywhere should block: %v", ps)
	}
	if !hasKey(ps.For("annual_goal", 1, ""), "goals", "err.annual_goal.no_goal") {
		t.Errorf("annual goal without strategic goal should warn: %v", ps)
	}
}

// The review: an annual goal without an activity or without a measure blocks; an activity
// without an annual goal is worth a look.
func TestValidateAnnualGoals(t *testing.T) {
	prof := testProfile(t)
	tests := []struct {
		name     string
		edit     func(d *PlanData)
		entity   string
		id       int64
		field    string
		key      string
		severity Severity
	}{
		{"annual goal without activity", func(d *PlanData) {
			d.AnnualGoals = append(d.AnnualGoals, AnnualGoal{ID: 2, Text: "Incidentrutin", Indicator: "Rutin", Target: "Beslutad", Goals: []int{8}})
		}, "annual_goal", 2, "activities", "err.annual_goal.no_activity", Blocking},
		{"no indicator", func(d *PlanData) { d.AnnualGoals[0].Indicator = " " }, "annual_goal", 1, "indicator", "err.annual_goal.no_indicator", Blocking},
		{"no target value or date", func(d *PlanData) {
			d.AnnualGoals[0].Target = ""
			d.AnnualGoals[0].TargetDate = time.Time{}
		}, "annual_goal", 1, "target", "err.annual_goal.no_target", Blocking},
		{"no text", func(d *PlanData) { d.AnnualGoals[0].Text = "" }, "annual_goal", 1, "text", "err.required", Blocking},
		{"target date outside the year", func(d *PlanData) { d.AnnualGoals[0].TargetDate = vday(2028, 3, 1) }, "annual_goal", 1, "target_date", "err.date_outside_year", Warning},
		{"unknown strategic goal", func(d *PlanData) { d.AnnualGoals[0].Goals = []int{2, 42} }, "annual_goal", 1, "goals", "err.unknown_goal", Blocking},
		{"activity without annual goal", func(d *PlanData) {
			a := goodActivity()
			a.ID, a.Title, a.AnnualGoalID = 2, "Fristående åtgärd", 0
			d.Activities = append(d.Activities, a)
		}, "activity", 2, "annual_goal", "err.no_annual_goal", Warning},
		{"activity under a goal the plan lacks", func(d *PlanData) { d.Activities[0].AnnualGoalID = 9 }, "activity", 1, "annual_goal", "err.unknown_annual_goal", Blocking},
		{"unknown area", func(d *PlanData) { d.Activities[0].Areas = []string{"csl-x"} }, "activity", 1, "areas", "err.unknown_area", Warning},
	}
	base := len(problemsBut(ValidatePlan(completePlan(), prof)))
	if base != 0 {
		t.Fatalf("complete plan: %v", problemsBut(ValidatePlan(completePlan(), prof)))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := completePlan()
			tc.edit(&d)
			ps := ValidatePlan(d, prof).For(tc.entity, tc.id, tc.field)
			found := false
			for _, p := range ps {
				if p.Key == tc.key {
					found = true
					if p.Severity != tc.severity {
						t.Errorf("%s: severity %v, want %v", tc.key, p.Severity, tc.severity)
					}
				}
			}
			if !found {
				t.Errorf("want %s on %s %d %s, got %v", tc.key, tc.entity, tc.id, tc.field, ValidatePlan(d, prof))
			}
		})
	}
}

// problemsBut leaves out the goals no activity covers (the test plans cover two of eight).
func problemsBut(ps Problems) Problems {
	var out Problems
	for _, p := range ps {
		if p.Key != "err.goal_uncovered" {
			out = append(out, p)
		}
	}
	return out
}

// "Årliga mål är uppföljda" is filled from the annual goals' outcomes; without annual goals the
// board's own answer stands.
func TestGoalsFollowedUpCheck(t *testing.T) {
	g := func(o Outcome) AnnualGoal { return AnnualGoal{Outcome: o} }
	tests := []struct {
		name  string
		goals []AnnualGoal
		own   CheckResult
		want  CheckResult
	}{
		{"no annual goals: the board's answer", nil, CheckPartly, CheckPartly},
		{"all followed up", []AnnualGoal{g(OutcomeMet), g(OutcomeNotMet)}, CheckNo, CheckYes},
		{"some followed up", []AnnualGoal{g(OutcomeMet), g(OutcomeNone)}, CheckYes, CheckPartly},
		{"none followed up", []AnnualGoal{g(OutcomeNone), g(OutcomeNone)}, CheckYes, CheckNo},
	}
	for _, tc := range tests {
		d := PlanData{AnnualGoals: tc.goals}
		d.Plan.Checks[CheckGoalsFollowed] = Check{Result: tc.own, Text: "Egen kommentar"}
		got := Checks(d)[CheckGoalsFollowed]
		if got.Result != tc.want || got.Text != "Egen kommentar" {
			t.Errorf("%s: %+v, want %s with the board's text", tc.name, got, tc.want)
		}
	}
	// The follow-up review warns of each annual goal without an outcome, and of the check.
	prof := testProfile(t)
	d := completePlan()
	d.Previous.AnnualGoals = []AnnualGoal{{ID: 30, Text: "Mål A", Indicator: "i", Target: "t", Goals: []int{1}, Outcome: OutcomeMet},
		{ID: 31, Text: "Mål B", Indicator: "i", Target: "t", Goals: []int{1}}}
	ps := ValidatePlan(d, prof)
	if !hasKey(ps.For("annual_goal", 31, ""), "outcome", "err.annual_goal.no_outcome") || hasKey(ps.For("annual_goal", 30, ""), "outcome", "err.annual_goal.no_outcome") {
		t.Errorf("outcome warnings: %v", ps)
	}
	for _, p := range ps.For("annual_goal", 31, "outcome") {
		if !p.Previous || p.Severity != Warning {
			t.Errorf("an outcome of last year's plan is a warning of the follow-up: %+v", p)
		}
	}
}

func TestTrafficLight(t *testing.T) {
	tests := []struct {
		g    AnnualGoal
		want Light
	}{
		{AnnualGoal{}, LightNone},
		{AnnualGoal{Outcome: OutcomeMet}, LightGreen},
		{AnnualGoal{Outcome: OutcomePartly}, LightYellow},
		{AnnualGoal{Outcome: OutcomeNotMet}, LightRed},
		{AnnualGoal{Outcome: OutcomeNotMet, Light: LightYellow}, LightYellow}, // a small gap
		{AnnualGoal{Outcome: OutcomePartly, Light: LightRed}, LightRed},       // a serious one
	}
	for _, tc := range tests {
		if got := tc.g.TrafficLight(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.g, got, tc.want)
		}
	}
}

// Next year's plan offers last year's unmet annual goals; a carried goal keeps its activities
// under it, a goal left behind lets go of the activities carried without it.
func TestCarryUnmetAnnualGoals(t *testing.T) {
	prev := PlanData{
		Plan: Plan{ID: 1, Board: "Socialnämnden", Year: 2026},
		AnnualGoals: []AnnualGoal{
			{ID: 11, Position: 1, Text: "Klassa alla system", Indicator: "Andel", Target: "100 %", TargetDate: vday(2026, 6, 30), Goals: []int{7}, Areas: []string{"csl-a"}, Outcome: OutcomePartly, Measured: "60 %", Light: LightYellow},
			{ID: 12, Position: 2, Text: "Incidentrutin", Indicator: "Rutin", Target: "Beslutad", Goals: []int{8}, Outcome: OutcomeMet},
			{ID: 13, Position: 3, Text: "Kontinuitetsplaner", Indicator: "Antal", Target: "5", Goals: []int{4}},
		},
		Activities: []Activity{
			{ID: 21, Title: "Klassa Treserva", AnnualGoalID: 11, Status: ActivityInProgress},
			{ID: 22, Title: "Öva kontinuitet", AnnualGoalID: 13, Status: ActivityNotStarted},
		},
	}
	cands := GoalCarryCandidates(&prev)
	if len(cands) != 2 || cands[0].Goal.ID != 11 || cands[1].Goal.ID != 13 || !cands[0].Carry || !cands[1].Carry {
		t.Fatalf("candidates: %+v", cands)
	}
	cands[1].Carry = false // the board lets goal 13 go
	d, _, ps := NewPlanFrom(&prev, NewPlanOptions{Board: Board{Name: "Socialnämnden"}, Year: 2027, Goals: cands, Carry: CarryCandidates(&prev)})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(d.AnnualGoals) != 1 {
		t.Fatalf("annual goals: %+v", d.AnnualGoals)
	}
	g := d.AnnualGoals[0]
	if g.Text != "Klassa alla system" || g.Outcome != OutcomeNone || g.Measured != "" || g.Light != LightNone ||
		!g.TargetDate.Equal(vday(2027, 6, 30)) || g.CarriedFrom != 11 || !slices.Equal(g.Goals, []int{7}) || !slices.Equal(g.Areas, []string{"csl-a"}) {
		t.Errorf("carried goal: %+v", g)
	}
	if len(d.Activities) != 2 || d.Activities[0].AnnualGoalID != g.ID || d.Activities[1].AnnualGoalID != 0 {
		t.Errorf("activities' annual goals: %d, %d (carried goal %d)", d.Activities[0].AnnualGoalID, d.Activities[1].AnnualGoalID, g.ID)
	}
	if GoalCarryCandidates(nil) != nil {
		t.Error("no plan last year: nothing to carry")
	}
}
