package overview_test

import (
	"slices"
	"testing"
	"time"

	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// The overview says which boards' plans are decided, which of the law's requirement areas the
// year's plans cover (per board, and which none does), the management training per board, and
// each board's latest follow-up with what it counted on its date.
func TestDecisionsAreasManagementLatest(t *testing.T) {
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2027, m, d, 0, 0, 0, 0, time.UTC) }
	a := domain.PlanData{
		Plan: domain.Plan{ID: 1, Board: "Socialnämnden", Year: 2027, DecisionDate: day(1, 1).AddDate(0, 0, -20),
			Decision: domain.Decision{Dnr: "SN 2026/45", Date: time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC), Body: "Socialnämnden", Paragraph: "§ 142"}},
		AnnualGoals: []domain.AnnualGoal{{ID: 7, Text: "Klassa", Goals: []int{7}, Areas: []string{"csl-b"}}},
		Activities: []domain.Activity{
			{ID: 11, Title: "Klassning", AnnualGoalID: 7, Areas: []string{"csl-a"}, End: day(3, 31), Status: domain.ActivityInProgress},
			{ID: 12, Title: "Öva", AnnualGoalID: 7, End: day(12, 31), Status: domain.ActivityDone},
		},
		Trainings: []domain.Training{
			{ID: 1, Title: "Ledningens utbildning i cybersäkerhetslagen", Kind: domain.TrainingManagement, Dates: []time.Time{day(3, 1), day(9, 1)}, ExpectedParticipants: 12},
			{ID: 2, Title: "E-learning", Kind: domain.TrainingGeneral, Dates: []time.Time{day(4, 1)}, ExpectedParticipants: 300},
		},
		FollowUps: []domain.FollowUp{
			{ID: 1, Date: day(4, 30), Activities: []domain.ActivityMark{{Activity: 11, Status: domain.ActivityInProgress}, {Activity: 12, Status: domain.ActivityNotStarted}},
				Goals: []domain.GoalMark{{Goal: 7}}},
			{ID: 2, Date: day(8, 31), Activities: []domain.ActivityMark{{Activity: 11, Status: domain.ActivityPaused}, {Activity: 12, Status: domain.ActivityDone}},
				Goals: []domain.GoalMark{{Goal: 7, Outcome: domain.OutcomePartly}}},
		},
	}
	b := domain.PlanData{
		Plan:       domain.Plan{ID: 2, Board: "Tekniska nämnden", Year: 2027, DecisionDate: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)},
		Activities: []domain.Activity{{ID: 21, Title: "Behörigheter", Goals: []int{2}, Areas: []string{"csl-a", "csl-i"}}},
	}
	o := ov.Build(ov.Input{Year: 2027, Profile: prof, Boards: []string{"Socialnämnden", "Tekniska nämnden", "Kulturnämnden"},
		Plans: []domain.PlanData{a, b}, Now: day(10, 1)})

	if o.Decided() != 1 {
		t.Errorf("decided: %d", o.Decided())
	}
	for _, r := range o.Decisions {
		switch r.Board {
		case "Socialnämnden":
			if !r.Decided || r.Decision.Paragraph != "§ 142" || !r.Received {
				t.Errorf("decided board: %+v", r)
			}
		case "Tekniska nämnden":
			if r.Decided || !r.Planned.Equal(b.Plan.DecisionDate) {
				t.Errorf("planned board: %+v", r)
			}
		case "Kulturnämnden":
			if r.Received || r.Decided {
				t.Errorf("board without a plan: %+v", r)
			}
		}
	}

	c := o.Areas
	if len(c.Areas) != 10 || len(c.Rows) != 2 {
		t.Fatalf("areas %d, rows %d", len(c.Areas), len(c.Rows))
	}
	if !c.Covers("Socialnämnden", "csl-a") || !c.Covers("Socialnämnden", "csl-b") || c.Covers("Socialnämnden", "csl-i") ||
		!c.Covers("Tekniska nämnden", "csl-i") || c.Covers("Kulturnämnden", "csl-a") {
		t.Errorf("coverage per board: %+v", c.Rows)
	}
	if c.BoardsWith[0] != 2 || c.BoardsWith[1] != 1 || c.Covered() != 3 || len(c.Uncovered) != 7 || slices.Contains(c.Uncovered, "csl-i") {
		t.Errorf("kommun: boards per area %v, covered %d, uncovered %v", c.BoardsWith, c.Covered(), c.Uncovered)
	}
	if rows := o.AreaRows("", "csl-a"); len(rows.Activities) != 2 {
		t.Errorf("rows behind csl-a: %d", len(rows.Activities))
	}

	m := map[string]ov.ManagementRow{}
	for _, r := range o.Management {
		m[r.Board] = r
	}
	if r := m["Socialnämnden"]; r.Events != 1 || r.Dates != 2 || r.Expected != 12 {
		t.Errorf("management training: %+v", r)
	}
	if r := m["Tekniska nämnden"]; r.Events != 0 || !r.Received {
		t.Errorf("board without management training: %+v", r)
	}
	if tot := o.ManagementTotal(); tot.Events != 1 {
		t.Errorf("total %+v", tot)
	}

	if o.Latest.With != 1 {
		t.Fatalf("boards with a follow-up: %d", o.Latest.With)
	}
	for _, r := range o.Latest.Rows {
		if r.Board != "Socialnämnden" {
			if r.Has {
				t.Errorf("%s has a follow-up", r.Board)
			}
			continue
		}
		// The August one: "Klassning" paused but its end passed (försenad), "Öva" done.
		if r.FollowUp.ID != 2 || r.Counts.Statuses[domain.ActivityDelayed] != 1 || r.Counts.Statuses[domain.ActivityDone] != 1 ||
			r.Counts.Outcomes[domain.OutcomePartly] != 1 || r.Counts.Lights[domain.LightYellow] != 1 {
			t.Errorf("latest: %+v", r)
		}
	}
	if o.Latest.Total.Statuses[domain.ActivityDelayed] != 1 || o.Latest.Total.Activities != 2 {
		t.Errorf("latest total: %+v", o.Latest.Total)
	}
	// Today's status: the in-progress activity that ended in March is late.
	if st := o.StatusOf(a.Activities[0]); st != domain.ActivityDelayed {
		t.Errorf("status today: %s", st)
	}
	// Goal coverage counts through the annual goal: goal 7 from it.
	if got := o.Goals.Count("Socialnämnden", 7); got != 2 {
		t.Errorf("goal 7 through the annual goal: %d", got)
	}
}
