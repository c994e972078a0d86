package domain

import (
	"reflect"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestRedate(t *testing.T) {
	tests := []struct {
		name  string
		in    time.Time
		years int
		want  time.Time
	}{
		{"zero stays zero", time.Time{}, 1, time.Time{}},
		{"same day next year", day(2026, 3, 15), 1, day(2027, 3, 15)},
		{"leap day to non-leap", day(2028, 2, 29), 1, day(2029, 2, 28)},
		{"leap day to leap", day(2024, 2, 29), 4, day(2028, 2, 29)},
		{"new year's eve", day(2026, 12, 31), 1, day(2027, 12, 31)},
		{"two years", day(2025, 6, 1), 2, day(2027, 6, 1)},
		{"time of day dropped", time.Date(2026, 5, 5, 13, 0, 0, 0, time.UTC), 1, day(2027, 5, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redate(tt.in, tt.years); !got.Equal(tt.want) {
				t.Errorf("Redate(%v, %d) = %v, want %v", tt.in, tt.years, got, tt.want)
			}
		})
	}
}

func TestNextPlanYear(t *testing.T) {
	now := day(2026, 10, 1)
	tests := []struct {
		name  string
		plans []Plan
		want  int
	}{
		{"no plans: next year", nil, 2027},
		{"after the newest", []Plan{{Year: 2026}, {Year: 2027}, {Year: 2025}}, 2028},
		{"old plans only", []Plan{{Year: 2019}}, 2020},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NextPlanYear(tt.plans, now); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func prevPlan() *PlanData {
	return &PlanData{
		Plan: Plan{ID: 7, BoardID: 3, Board: "Kulturnämnden", Year: 2026, Status: PlanSigned, Version: 2,
			Responsible: "Förvaltningschef Anna", Contact: "anna@example.se", DecisionDate: day(2025, 11, 20),
			Decision: Decision{Paragraph: "§ 88"}, Checks: [3]Check{{Result: CheckYes, Text: "klart"}}},
		Activities: []Activity{
			{ID: 11, Title: "Utbilda alla", Goals: []int{1}, Status: ActivityDone, PercentDone: 100, Start: day(2026, 2, 1), End: day(2026, 5, 31)},
			{ID: 12, Title: "Riskanalys ekonomisystem", Description: "Med KLASSA", Goals: []int{7, 8}, Priority: PriorityHigh,
				Responsible: "IT-chef", Start: day(2026, 3, 1), End: day(2026, 11, 30), InternalHours: 120, ExternalHours: 40,
				OperatingCost: 50_000, Investment: 10_000, SystemIDs: []int64{4}, Status: ActivityInProgress, PercentDone: 60,
				ActualHours: 80, ActualKronor: 30_000, FollowUpComment: "halvvägs"},
			{ID: 13, Title: "Kontinuitetsplan", Goals: []int{4}, Status: ActivityNotStarted, Start: day(2026, 2, 28), End: day(2026, 12, 31)},
			{ID: 14, Title: "Gammal idé", Goals: []int{2}, Status: ActivityDropped},
			{ID: 15, Title: "Avtalsgenomgång", Goals: []int{3}, Status: ActivityNotStarted, FollowUpComment: "ingen tid"},
		},
		Trainings: []Training{{ID: 21, Title: "APT-information", TargetGroup: "Alla", Format: FormatAPT,
			Dates: []time.Time{day(2026, 3, 10), day(2026, 9, 8)}, Responsible: "Enhetschefer", ExpectedParticipants: 200,
			Evaluation: "Enkät", ActualParticipants: 180}},
		Checkpoints: []Checkpoint{{ID: 31, Date: day(2026, 6, 15), Method: "Delårsrapport", ReportTo: "Nämnden", Done: true}},
	}
}

func TestCarryCandidates(t *testing.T) {
	if got := CarryCandidates(nil); got != nil {
		t.Fatalf("nil plan: got %v", got)
	}
	got := CarryCandidates(prevPlan())
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.Activity.ID)
		if c.Action != CarryRedate {
			t.Errorf("activity %d: default action %q, want redate", c.Activity.ID, c.Action)
		}
	}
	if want := []int64{12, 13, 15}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("candidates %v, want %v (done and dropped are not offered)", ids, want)
	}
}

func TestNewPlanFrom(t *testing.T) {
	board := Board{ID: 3, Name: "Kulturnämnden"}
	prev := prevPlan()
	cands := CarryCandidates(prev)
	choose := func(actions map[int64]CarryChoice) []CarryChoice {
		out := make([]CarryChoice, len(cands))
		copy(out, cands)
		for i, c := range out {
			if a, ok := actions[c.Activity.ID]; ok {
				out[i].Action, out[i].Reason = a.Action, a.Reason
			}
		}
		return out
	}
	tests := []struct {
		name       string
		prev       *PlanData
		opt        NewPlanOptions
		wantTitles []string
		wantStarts []time.Time
		wantDrops  []Drop
		wantTrain  int
		wantChecks int
		wantKeys   []string
	}{
		{
			name: "no previous plan: empty draft",
			opt:  NewPlanOptions{Board: board, Year: 2027},
		},
		{
			name:       "all re-dated, templates on",
			prev:       prev,
			opt:        NewPlanOptions{Board: board, Year: 2027, Carry: cands, FollowUpTemplate: true, TrainingTemplate: true},
			wantTitles: []string{"Riskanalys ekonomisystem", "Kontinuitetsplan", "Avtalsgenomgång"},
			wantStarts: []time.Time{day(2027, 3, 1), day(2027, 2, 28), {}},
			wantTrain:  1,
			wantChecks: 1,
		},
		{
			name: "kept, dropped with reason, templates off",
			prev: prev,
			opt: NewPlanOptions{Board: board, Year: 2027, Carry: choose(map[int64]CarryChoice{
				12: {Action: CarryKeep},
				15: {Action: CarryDrop, Reason: "  Görs av kommunstyrelsen  "},
				13: {Action: CarryDrop, Reason: "Ersätts av ny plan"},
			})},
			wantTitles: []string{"Riskanalys ekonomisystem"},
			wantStarts: []time.Time{day(2026, 3, 1)},
			wantDrops:  []Drop{{ActivityID: 13, Comment: "Ersätts av ny plan"}, {ActivityID: 15, Comment: "ingen tid\nGörs av kommunstyrelsen"}},
		},
		{
			name:       "drop without reason is refused",
			prev:       prev,
			opt:        NewPlanOptions{Board: board, Year: 2027, Carry: choose(map[int64]CarryChoice{15: {Action: CarryDrop, Reason: " "}})},
			wantTitles: []string{"Riskanalys ekonomisystem", "Kontinuitetsplan"},
			wantStarts: []time.Time{day(2027, 3, 1), day(2027, 2, 28)},
			wantKeys:   []string{"wizard.err.drop_reason"},
		},
		{
			name:     "year out of range",
			opt:      NewPlanOptions{Board: board, Year: 2200},
			wantKeys: []string{"err.year_range"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, drops, ps := NewPlanFrom(tt.prev, tt.opt)
			var keys []string
			for _, p := range ps {
				keys = append(keys, p.Key)
			}
			if !reflect.DeepEqual(keys, tt.wantKeys) {
				t.Fatalf("problems %v, want %v", keys, tt.wantKeys)
			}
			if d.Plan.Year != tt.opt.Year || d.Plan.Board != board.Name || d.Plan.BoardID != board.ID || d.Plan.Status != PlanDraft {
				t.Errorf("plan head %+v", d.Plan)
			}
			var titles []string
			var starts []time.Time
			for i, a := range d.Activities {
				titles = append(titles, a.Title)
				starts = append(starts, a.Start)
				if a.Position != i+1 || a.Status != ActivityNotStarted || a.PercentDone != 0 || a.ActualHours != 0 ||
					a.ActualKronor != 0 || a.FollowUpComment != "" || a.ID != 0 || a.CarriedFrom == 0 {
					t.Errorf("activity %q not reset for the new year: %+v", a.Title, a)
				}
			}
			if !reflect.DeepEqual(titles, tt.wantTitles) || !reflect.DeepEqual(starts, tt.wantStarts) {
				t.Errorf("activities %v %v, want %v %v", titles, starts, tt.wantTitles, tt.wantStarts)
			}
			if !reflect.DeepEqual(drops, tt.wantDrops) {
				t.Errorf("drops %+v, want %+v", drops, tt.wantDrops)
			}
			if len(d.Trainings) != tt.wantTrain || len(d.Checkpoints) != tt.wantChecks {
				t.Errorf("templates: %d trainings, %d checkpoints", len(d.Trainings), len(d.Checkpoints))
			}
		})
	}
}

// The carried activity keeps what was planned (content, resources, register links) and the
// head of the plan keeps who is responsible, so the user revises rather than retypes.
func TestNewPlanFromKeepsContent(t *testing.T) {
	prev := prevPlan()
	d, _, _ := NewPlanFrom(prev, NewPlanOptions{Board: Board{ID: 3, Name: "Kulturnämnden"}, Year: 2027,
		Carry: CarryCandidates(prev), FollowUpTemplate: true, TrainingTemplate: true})
	a := d.Activities[0]
	want := Activity{Position: 1, Title: "Riskanalys ekonomisystem", Description: "Med KLASSA", Goals: []int{7, 8},
		Priority: PriorityHigh, Responsible: "IT-chef", Start: day(2027, 3, 1), End: day(2027, 11, 30),
		InternalHours: 120, ExternalHours: 40, OperatingCost: 50_000, Investment: 10_000, SystemIDs: []int64{4},
		Status: ActivityNotStarted, CarriedFrom: 12}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("carried\n got %+v\nwant %+v", a, want)
	}
	prev.Activities[1].Goals[0] = 99
	if d.Activities[0].Goals[0] != 7 {
		t.Error("carried activity shares its goals slice with last year's")
	}
	p := d.Plan
	if p.Responsible != "Förvaltningschef Anna" || p.Contact != "anna@example.se" || !p.DecisionDate.Equal(day(2026, 11, 20)) ||
		!p.Decision.IsZero() || p.Checks != ([3]Check{}) || p.Version != 0 {
		t.Errorf("plan head %+v", p)
	}
	tr := d.Trainings[0]
	if tr.ActualParticipants != 0 || tr.ID != 0 || !reflect.DeepEqual(tr.Dates, []time.Time{day(2027, 3, 10), day(2027, 9, 8)}) ||
		tr.Format != FormatAPT || tr.ExpectedParticipants != 200 || tr.Evaluation != "Enkät" {
		t.Errorf("training template %+v", tr)
	}
	c := d.Checkpoints[0]
	if c.Done || c.ID != 0 || !c.Date.Equal(day(2027, 6, 15)) || c.Method != "Delårsrapport" || c.ReportTo != "Nämnden" {
		t.Errorf("checkpoint template %+v", c)
	}
	if ps := ValidatePlan(d, Profile{Goals: []Goal{{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}, {7, "g"}, {8, "h"}}}); len(ps.For("plan", 0, "trainings")) != 0 {
		t.Errorf("a plan made from templates still lacks trainings: %v", ps)
	}
}
