package submission

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
)

// schema2Payload is the sample payload with what schema 2 adds: areas, an annual goal with the
// activities under it, a decided plan, management training, and an interim and a closing
// follow-up (of last year's plan).
func schema2Payload() Payload {
	p := samplePayload()
	p.Areas = []domain.RequirementArea{
		{Code: "csl-a", Name: "Riskanalys och säkerhetspolicyer för informationssystem", Reference: "Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 a"},
		{Code: "csl-c", Name: "Kontinuitet och krishantering", Reference: "Cybersäkerhetslag (2025:1506); NIS 2 art. 21.2 c"},
	}
	d := &p.Plan
	d.Plan.Decision = domain.Decision{Dnr: "SN 2026/45", Date: day(2026, 12, 10), Body: "Socialnämnden", Paragraph: "§ 142"}
	d.AnnualGoals = []domain.AnnualGoal{{ID: 41, Position: 1, Text: "Riskanalys av alla verksamhetskritiska system", Indicator: "Andel analyserade system",
		Target: "100 %", TargetDate: day(2027, 6, 30), Goals: []int{7}, Areas: []string{"csl-a"}}}
	d.Activities[0].ID, d.Activities[0].AnnualGoalID, d.Activities[0].Areas = 11, 41, []string{"csl-a"}
	d.Activities[1].ID, d.Activities[1].Areas = 12, []string{"csl-c"}
	d.Trainings[0].Kind = domain.TrainingManagement
	prev := d.Previous
	prev.AnnualGoals = []domain.AnnualGoal{{ID: 31, Text: "KLASSA-utbildade chefer", Indicator: "Andel chefer", Target: "90 %", Goals: []int{1},
		Outcome: domain.OutcomePartly, Measured: "75 %", Light: domain.LightYellow}}
	prev.Activities[0].ID, prev.Activities[0].AnnualGoalID = 21, 31
	prev.Plan.FollowUpDecision = domain.Decision{Dnr: "SN 2026/300", Date: day(2026, 11, 18), Body: "Socialnämnden", Paragraph: "§ 120"}
	prev.FollowUps = []domain.FollowUp{
		{Date: day(2026, 8, 31), Comment: "Delår", Activities: []domain.ActivityMark{{Activity: 21, Status: domain.ActivityPaused, PercentDone: 50}},
			Goals: []domain.GoalMark{{Goal: 31, Outcome: domain.OutcomeNone}}},
		{Date: day(2026, 11, 2), Closing: true, Activities: []domain.ActivityMark{{Activity: 21, Status: domain.ActivityDone, PercentDone: 100}},
			Goals: []domain.GoalMark{{Goal: 31, Outcome: domain.OutcomePartly, Measured: "75 %", Light: domain.LightYellow}}},
	}
	return p
}

func TestSchema2Payload(t *testing.T) {
	if SchemaVersion != 2 {
		t.Fatalf("schema %d", SchemaVersion)
	}
	good := schema2Payload()
	if err := good.Validate(); err != nil {
		t.Fatalf("schema 2 payload: %v", err)
	}
	// The JSON round trip keeps every new field.
	raw, err := MarshalPayload(good)
	if err != nil {
		t.Fatal(err)
	}
	var back Payload
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if back.Plan.Plan.Decision != good.Plan.Plan.Decision || len(back.Areas) != 2 || back.Plan.Activities[0].AnnualGoalID != 41 ||
		back.Plan.Activities[0].ID != 11 || !back.Plan.Trainings[0].IsManagement() || len(back.Plan.Previous.FollowUps) != 2 ||
		back.Plan.Previous.Plan.FollowUpDecision.Paragraph != "§ 120" || back.Plan.AnnualGoals[0].TargetDate != good.Plan.AnnualGoals[0].TargetDate {
		t.Errorf("round trip lost fields: %s", raw)
	}
	for _, key := range []string{`"annual_goals"`, `"annual_goal": 41`, `"follow_ups"`, `"closing": true`, `"decision": {`, `"kind": "management"`, `"areas": [`, `"status": "paused"`} {
		if !strings.Contains(string(raw), key) {
			t.Errorf("submission.json lacks %s", key)
		}
	}

	tests := []struct {
		name string
		edit func(p *Payload)
		want string
	}{
		{"activity under an unknown annual goal", func(p *Payload) { p.Plan.Activities[1].AnnualGoalID = 99 }, "annual_goal 99 is not among"},
		{"annual goal id twice", func(p *Payload) {
			p.Plan.AnnualGoals = append(p.Plan.AnnualGoals, domain.AnnualGoal{ID: 41, Text: "x"})
		}, "not positive or not unique"},
		{"annual goal without id", func(p *Payload) { p.Plan.AnnualGoals[0].ID = 0 }, "id 0 is not positive"},
		{"unknown outcome", func(p *Payload) { p.Plan.Previous.AnnualGoals[0].Outcome = "almost" }, `outcome "almost" unknown`},
		{"unknown light", func(p *Payload) { p.Plan.Previous.AnnualGoals[0].Light = "blue" }, `light "blue" unknown`},
		{"annual goal links an unknown strategic goal", func(p *Payload) { p.Plan.AnnualGoals[0].Goals = []int{42} }, "goal 42 is not among"},
		{"tag of an unknown area", func(p *Payload) { p.Plan.Activities[0].Areas = []string{"csl-z"} }, `area "csl-z" is not among`},
		{"area code twice", func(p *Payload) { p.Areas = append(p.Areas, p.Areas[0]) }, "is empty or not unique"},
		{"unknown training kind", func(p *Payload) { p.Plan.Trainings[0].Kind = "board" }, `kind "board" unknown`},
		{"follow-up of an unknown activity", func(p *Payload) { p.Plan.Previous.FollowUps[0].Activities[0].Activity = 7 }, "activity 7 is not among"},
		{"follow-up without date", func(p *Payload) { p.Plan.Previous.FollowUps[0].Date = time.Time{} }, "date is missing"},
		{"two closing follow-ups", func(p *Payload) { p.Plan.Previous.FollowUps[0].Closing = true }, "2 close the year"},
		{"delayed is never recorded", func(p *Payload) { p.Plan.Activities[0].Status = domain.ActivityDelayed }, `status "delayed" unknown`},
		{"follow-up percent", func(p *Payload) { p.Plan.Previous.FollowUps[1].Activities[0].PercentDone = 101 }, "outside 0..100"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := schema2Payload()
			tc.edit(&p)
			err := p.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}
