package domain

import (
	"encoding/json"
	"testing"
	"time"

	"handlingsplan/i18n"
)

// Försenad: the end date has passed and the activity is neither done nor dropped. The end date
// itself is not late; the day after is. Computed in StatusOn, whatever the time of day or zone.
func TestStatusOnDelayed(t *testing.T) {
	end := vday(2027, 5, 31)
	stockholm := time.FixedZone("CEST", 2*3600)
	tests := []struct {
		name   string
		status ActivityStatus
		end    time.Time
		day    time.Time
		want   ActivityStatus
	}{
		{"in progress before its end", ActivityInProgress, end, vday(2027, 5, 30), ActivityInProgress},
		{"in progress on its end date", ActivityInProgress, end, vday(2027, 5, 31), ActivityInProgress},
		{"in progress late in the evening of its end date", ActivityInProgress, end, time.Date(2027, 5, 31, 23, 59, 0, 0, stockholm), ActivityInProgress},
		{"in progress the day after", ActivityInProgress, end, vday(2027, 6, 1), ActivityDelayed},
		{"just after midnight local time", ActivityInProgress, end, time.Date(2027, 6, 1, 0, 5, 0, 0, stockholm), ActivityDelayed},
		{"not started, long after", ActivityNotStarted, end, vday(2028, 1, 15), ActivityDelayed},
		{"no status yet counts as not started", "", end, vday(2027, 5, 1), ActivityNotStarted},
		{"no status, late", "", end, vday(2027, 6, 2), ActivityDelayed},
		{"paused and past its end", ActivityPaused, end, vday(2027, 7, 1), ActivityDelayed},
		{"paused before its end", ActivityPaused, end, vday(2027, 4, 1), ActivityPaused},
		{"done is never late", ActivityDone, end, vday(2027, 12, 1), ActivityDone},
		{"dropped is never late", ActivityDropped, end, vday(2027, 12, 1), ActivityDropped},
		{"no end date: never late", ActivityInProgress, time.Time{}, vday(2030, 1, 1), ActivityInProgress},
		{"no day: as recorded", ActivityInProgress, end, time.Time{}, ActivityInProgress},
		{"leap day end", ActivityInProgress, vday(2028, 2, 29), vday(2028, 3, 1), ActivityDelayed},
	}
	for _, tc := range tests {
		if got := StatusOn(Activity{Status: tc.status, End: tc.end}, tc.day); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// Interim follow-ups during the year and the autumn one that closes it: the latest is what the
// overview and the slides show; each counts the activities as they stood on its date.
func TestInterimAndClosingFollowUps(t *testing.T) {
	d := PlanData{
		Plan:        Plan{ID: 1, Year: 2027},
		AnnualGoals: []AnnualGoal{{ID: 7, Text: "Klassa", Outcome: OutcomePartly}, {ID: 8, Text: "Öva"}},
		Activities: []Activity{
			{ID: 1, Title: "A", End: vday(2027, 3, 31), Status: ActivityInProgress},
			{ID: 2, Title: "B", End: vday(2027, 9, 30), Status: ActivityDone},
			{ID: 3, Title: "C", End: vday(2027, 12, 31), Status: ActivityPaused},
		},
	}
	april := FollowUp{ID: 1, Date: vday(2027, 4, 30), Comment: "Delår april",
		Activities: []ActivityMark{{Activity: 1, Status: ActivityInProgress}, {Activity: 2, Status: ActivityNotStarted}, {Activity: 3, Status: ActivityNotStarted}},
		Goals:      []GoalMark{{Goal: 7}, {Goal: 8}}}
	august := SnapshotFollowUp(d, vday(2027, 8, 31), false, "Delår augusti")
	august.ID = 2
	autumn := FollowUp{ID: 3, Date: vday(2027, 8, 31), Closing: true, Comment: "Årets uppföljning",
		Activities: []ActivityMark{{Activity: 1, Status: ActivityDone}, {Activity: 2, Status: ActivityDone}, {Activity: 3, Status: ActivityDropped}, {Activity: 99, Status: ActivityDone}},
		Goals:      []GoalMark{{Goal: 7, Outcome: OutcomeMet}, {Goal: 8, Outcome: OutcomeNotMet, Light: LightYellow}}}

	if _, ok := LatestFollowUp(d); ok {
		t.Fatal("a plan without follow-ups has no latest")
	}
	d.FollowUps = []FollowUp{august, april}
	if got, _ := LatestFollowUp(d); got.ID != 2 {
		t.Errorf("latest of two interim: %d", got.ID)
	}
	// The April one: activity A ended 31 March and is not done: försenad on 30 April.
	c := CountFollowUp(d, april)
	if c.Statuses[ActivityDelayed] != 1 || c.Statuses[ActivityNotStarted] != 2 || c.Activities != 3 || c.Outcomes[OutcomeNone] != 2 || c.Goals != 2 {
		t.Errorf("April: %+v", c)
	}
	// The August snapshot took the plan as it stood: B done, C paused, A still late.
	c = CountFollowUp(d, august)
	if c.Statuses[ActivityDone] != 1 || c.Statuses[ActivityPaused] != 1 || c.Statuses[ActivityDelayed] != 1 || c.Outcomes[OutcomePartly] != 1 || c.Lights[LightYellow] != 1 {
		t.Errorf("August: %+v", c)
	}
	// The closing one the same day wins; a mark of a row no longer in the plan is left out.
	d.FollowUps = append(d.FollowUps, autumn)
	latest, _ := LatestFollowUp(d)
	if latest.ID != 3 || !latest.Closing {
		t.Errorf("latest: %+v", latest)
	}
	c = CountFollowUp(d, latest)
	if c.Statuses[ActivityDone] != 2 || c.Statuses[ActivityDropped] != 1 || c.Activities != 3 || c.Lights[LightGreen] != 1 || c.Lights[LightYellow] != 1 || c.Outcomes[OutcomeNotMet] != 1 {
		t.Errorf("closing: %+v", c)
	}
	if got := SortedFollowUps(d.FollowUps); got[0].ID != 1 || got[1].ID != 2 || got[2].ID != 3 {
		t.Errorf("sorted: %d %d %d", got[0].ID, got[1].ID, got[2].ID)
	}
	// Only one follow-up closes the year; dates belong to the year (or early the next).
	two := append(SortedFollowUps(d.FollowUps), FollowUp{ID: 4, Date: vday(2027, 11, 1), Closing: true})
	if ps := ValidateFollowUps(two, 1, 2027); !hasKey(ps, "follow_ups", "err.followup.two_closing") || !ps.Blocking() {
		t.Errorf("two closing follow-ups: %v", ps)
	}
	if ps := ValidateFollowUps([]FollowUp{{ID: 5, Date: vday(2029, 1, 1)}, {ID: 6}}, 1, 2027); !hasKey(ps, "date", "err.date_outside_year") || !hasKey(ps, "date", "err.required") {
		t.Errorf("dates: %v", ps)
	}
	if ps := ValidateFollowUps(d.FollowUps, 1, 2027); len(ps) != 0 {
		t.Errorf("good follow-ups: %v", ps)
	}
}

// A decision: registered with date, paragraph, diarienummer and body; a diarienummer alone is
// fine before the meeting; a plan changed after its decision must be decided again.
func TestDecision(t *testing.T) {
	good := Decision{Dnr: "SN 2026/123", Date: vday(2026, 12, 10), Body: "Socialnämnden", Paragraph: "142"}
	if ps := ValidateDecision(good, "plan", 1, "decision_", 2027); len(ps) != 0 {
		t.Fatalf("good decision: %v", ps)
	}
	if good.ParagraphText() != "§ 142" || (Decision{Paragraph: "§ 9"}).ParagraphText() != "§ 9" {
		t.Errorf("paragraph text: %q", good.ParagraphText())
	}
	if ps := ValidateDecision(Decision{}, "plan", 1, "decision_", 2027); !hasKey(ps, "decision_date", "err.required") ||
		!hasKey(ps, "decision_paragraph", "err.required") || !hasKey(ps, "decision_dnr", "err.required") || !hasKey(ps, "decision_body", "err.required") {
		t.Errorf("empty decision: %v", ps)
	}
	far := good
	far.Date = vday(2030, 1, 1)
	if ps := ValidateDecision(far, "plan", 1, "decision_", 2027); !hasKey(ps, "decision_date", "err.decision_date_far") || ps.Blocking() {
		t.Errorf("far date: %v", ps)
	}
	prof := testProfile(t)
	d := completePlan()
	d.Plan.Decision = Decision{Dnr: "SN 2026/123"}
	if ps := problemsBut(ValidatePlan(d, prof)); len(ps) != 0 || d.Plan.Decided() {
		t.Errorf("a diarienummer before the meeting: %v, decided %v", ps, d.Plan.Decided())
	}
	d.Plan.Decision = good
	if ps := problemsBut(ValidatePlan(d, prof)); len(ps) != 0 || !d.Plan.Decided() {
		t.Errorf("decided plan: %v, decided %v", ps, d.Plan.Decided())
	}
	d.Plan.Decision.ChangedAfter = true
	if ps := ValidatePlan(d, prof); !hasKey(ps, "decision_date", "err.decision_changed") || d.Plan.Decided() {
		t.Errorf("changed after the decision: %v, decided %v", ps, d.Plan.Decided())
	}
	d.Plan.Decision = Decision{Date: vday(2026, 12, 10)}
	if ps := ValidatePlan(d, prof); !hasKey(ps, "decision_paragraph", "err.required") || !ps.Blocking() {
		t.Errorf("a decision without its paragraph: %v", ps)
	}
}

// A plan of schema 1 carries its decision's paragraph on the plan; it is read into the decision.
func TestPlanJSONLegacyParagraph(t *testing.T) {
	var p Plan
	if err := json.Unmarshal([]byte(`{"board":"Socialnämnden","year":2026,"decision_date":"2025-12-07T00:00:00Z","decision_paragraph":"§ 191"}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.Decision.Paragraph != "§ 191" || p.Decision.Made() || p.Board != "Socialnämnden" || !p.DecisionDate.Equal(vday(2025, 12, 7)) {
		t.Errorf("schema 1 plan: %+v", p)
	}
	b, err := json.Marshal(Plan{Decision: Decision{Dnr: "SN 1", Paragraph: "§ 2"}})
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := json.Unmarshal(b, &q); err != nil || q.Decision.Paragraph != "§ 2" || q.Decision.Dnr != "SN 1" {
		t.Errorf("round trip: %+v %v (%s)", q, err, b)
	}
}

func TestDecisionLine(t *testing.T) {
	sv, en := i18n.New(i18n.Swedish), i18n.New(i18n.English)
	planned := Plan{DecisionDate: vday(2026, 12, 10)}
	decided := Plan{Board: "Socialnämnden", DecisionDate: vday(2026, 12, 10), Decision: Decision{Dnr: "SN 2026/45", Date: vday(2026, 12, 11), Body: "Socialnämnden", Paragraph: "142"}}
	changed := decided
	changed.Decision.ChangedAfter = true
	dateOnly := Plan{Board: "Socialnämnden", DecisionDate: vday(2026, 12, 10), Decision: Decision{Date: vday(2026, 12, 11)}}
	paragraphOnly := Plan{Board: "Socialnämnden", Decision: Decision{Date: vday(2026, 12, 11), Body: "Socialnämnden", Paragraph: "9"}}
	byKS := Plan{Board: "Socialnämnden", Decision: Decision{Date: vday(2026, 12, 11), Body: "Kommunstyrelsen", Dnr: "KS 2026/7"}}
	fu := Plan{FollowUpDecision: Decision{Dnr: "SN 2027/300", Date: vday(2027, 11, 18), Paragraph: "§ 120"}}
	tests := []struct {
		got, want string
	}{
		{planned.DecisionLine(sv), "Planeras för beslut i nämnden 2026-12-10"},
		{planned.DecisionLine(en), "Planned for the board's decision 2026-12-10"},
		{decided.DecisionLine(sv), "Beslutad i nämnden 2026-12-11, Dnr SN 2026/45, § 142"},
		{decided.DecisionLine(en), "Decided by the board 2026-12-11, Dnr SN 2026/45, § 142"},
		{changed.DecisionLine(sv), "Planen har ändrats efter beslutet i nämnden 2026-12-11, Dnr SN 2026/45, § 142"},
		{changed.DecisionLine(en), "The plan has changed since the board's decision 2026-12-11, Dnr SN 2026/45, § 142"},
		{dateOnly.DecisionLine(sv), "Beslutad i nämnden 2026-12-11"},
		{paragraphOnly.DecisionLine(en), "Decided by the board 2026-12-11, § 9"},
		{byKS.DecisionLine(sv), "Beslutad i Kommunstyrelsen 2026-12-11, Dnr KS 2026/7"},
		{byKS.DecisionLine(en), "Decided by Kommunstyrelsen 2026-12-11, Dnr KS 2026/7"},
		{Plan{}.DecisionLine(sv), ""},
		{fu.FollowUpDecisionLine(sv), "Uppföljningen beslutad 2027-11-18 § 120 Dnr SN 2027/300"},
		{planned.FollowUpDecisionLine(sv), ""},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
