package domain

import (
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"
)

func vday(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func testProfile(t *testing.T) Profile {
	t.Helper()
	p, err := DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func goodActivity() Activity {
	return Activity{ID: 1, Title: "Informationsklassa verksamhetssystemen", Description: "Med KLASSA, tillsammans med IT-enheten.",
		Goals: []int{2, 7}, Priority: PriorityHigh, Responsible: "Förvaltningschef", Start: vday(2027, 2, 1), End: vday(2027, 5, 31),
		InternalHours: 120, ExternalHours: 40, OperatingCost: 25000, Investment: 0, AnnualGoalID: 1}
}

// goodAnnualGoal is the annual goal goodActivity sits under.
func goodAnnualGoal() AnnualGoal {
	return AnnualGoal{ID: 1, Position: 1, Text: "Alla verksamhetskritiska system är klassade", Indicator: "Andel klassade system",
		Target: "100 %", TargetDate: vday(2027, 6, 30), Goals: []int{2, 7}}
}

func hasKey(ps Problems, field, key string) bool {
	for _, p := range ps {
		if p.Field == field && p.Key == key {
			return true
		}
	}
	return false
}

func TestDefaultProfile(t *testing.T) {
	p := testProfile(t)
	if len(p.Goals) != 8 || p.HoursPerFTE != 1700 || len(p.Scale) != 5 {
		t.Fatalf("profile: %d goals, %d h/FTE, %d levels", len(p.Goals), p.HoursPerFTE, len(p.Scale))
	}
	if !strings.HasPrefix(p.GoalText(1), "all personal har kunskap") || p.Scale[4].Name != "Synnerligen allvarlig" {
		t.Fatalf("unexpected content: %q / %q", p.GoalText(1), p.Scale[4].Name)
	}
	if ps := ValidateProfile(p); len(ps) != 0 {
		t.Fatalf("default profile invalid: %v", ps)
	}
	// The cybersäkerhetslag's risk-management areas, NIS 2 article 21.2 a–j, with the reference.
	if len(p.Areas) != 10 || p.Areas[1].Name != "Incidenthantering" || !strings.Contains(p.Areas[1].Reference, "2025:1506") ||
		!strings.HasSuffix(p.Areas[9].Reference, "21.2 j") {
		t.Fatalf("areas: %+v", p.Areas)
	}
	bad := p
	bad.Areas = append(slices.Clone(p.Areas), RequirementArea{Code: "csl-a", Name: "x"}, RequirementArea{Code: " ", Name: ""})
	if ps := ValidateProfile(bad); !hasKey(ps, "areas", "err.duplicate_area") || !hasKey(ps, "areas", "err.area_code") || !hasKey(ps, "areas", "err.area_name") {
		t.Fatalf("bad areas: %v", ps)
	}
}

func TestValidateActivity(t *testing.T) {
	prof := testProfile(t)
	tests := []struct {
		name     string
		edit     func(a *Activity)
		field    string
		key      string
		severity Severity
	}{
		{"empty title", func(a *Activity) { a.Title = "  " }, "title", "err.required", Blocking},
		{"empty how", func(a *Activity) { a.Description = "" }, "description", "err.required", Blocking},
		{"no responsible", func(a *Activity) { a.Responsible = "" }, "responsible", "err.required", Blocking},
		{"no start", func(a *Activity) { a.Start = time.Time{} }, "start", "err.required", Blocking},
		{"end before start", func(a *Activity) { a.End = vday(2027, 1, 15) }, "end", "err.end_before_start", Blocking},
		{"start outside year", func(a *Activity) { a.Start = vday(2026, 12, 1) }, "start", "err.date_outside_year", Warning},
		{"end outside year", func(a *Activity) { a.End = vday(2028, 1, 10) }, "end", "err.date_outside_year", Warning},
		{"no goal", func(a *Activity) { a.Goals = nil }, "goals", "err.no_goal", Blocking},
		{"unknown goal", func(a *Activity) { a.Goals = []int{9} }, "goals", "err.unknown_goal", Blocking},
		{"negative hours", func(a *Activity) { a.InternalHours = -1 }, "internal_hours", "err.negative", Blocking},
		{"absurd kronor", func(a *Activity) { a.Investment = MaxKronor + 1 }, "investment", "err.too_large", Blocking},
		{"negative actual", func(a *Activity) { a.ActualKronor = -5 }, "actual_kronor", "err.negative", Blocking},
		{"percent over 100", func(a *Activity) { a.PercentDone = 101 }, "percent_done", "err.percent_range", Blocking},
		{"percent negative", func(a *Activity) { a.PercentDone = -1 }, "percent_done", "err.percent_range", Blocking},
	}
	if ps := ValidateActivity(goodActivity(), 2027, prof); len(ps) != 0 {
		t.Fatalf("good activity has problems: %v", ps)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := goodActivity()
			tc.edit(&a)
			ps := ValidateActivity(a, 2027, prof)
			found := false
			for _, p := range ps {
				if p.Field == tc.field && p.Key == tc.key {
					found = true
					if p.Severity != tc.severity {
						t.Errorf("severity %v, want %v", p.Severity, tc.severity)
					}
					if p.Entity != "activity" || p.EntityID != 1 {
						t.Errorf("problem points at %s %d", p.Entity, p.EntityID)
					}
				}
			}
			if !found {
				t.Fatalf("want %s on %s, got %v", tc.key, tc.field, ps)
			}
		})
	}
}

func TestValidateTrainingCheckpointSystem(t *testing.T) {
	good := Training{ID: 3, Title: "Phishingövning", TargetGroup: "All personal", Format: FormatELearning,
		Dates: []time.Time{vday(2027, 3, 1)}, Responsible: "IT-samordnare", ExpectedParticipants: 400}
	if ps := ValidateTraining(good, 2027); len(ps) != 0 {
		t.Fatalf("good training: %v", ps)
	}
	tests := []struct {
		name  string
		ps    Problems
		field string
		key   string
	}{
		{"training without dates", ValidateTraining(Training{Title: "x", TargetGroup: "y", Responsible: "z"}, 2027), "dates", "err.no_dates"},
		{"training without target group", ValidateTraining(Training{Title: "x", Responsible: "z", Dates: good.Dates}, 2027), "target_group", "err.required"},
		{"training negative people", ValidateTraining(Training{Title: "x", TargetGroup: "y", Responsible: "z", Dates: good.Dates, ExpectedParticipants: -3}, 2027), "expected_participants", "err.participants"},
		{"training date next year", ValidateTraining(Training{Title: "x", TargetGroup: "y", Responsible: "z", Dates: []time.Time{vday(2028, 2, 1)}}, 2027), "dates", "err.date_outside_year"},
		{"checkpoint without date", ValidateCheckpoint(Checkpoint{Method: "m", ReportTo: "Nämnden"}, 2027), "date", "err.required"},
		{"checkpoint without recipient", ValidateCheckpoint(Checkpoint{Date: vday(2027, 9, 1), Method: "m"}, 2027), "report_to", "err.required"},
		{"checkpoint two years off", ValidateCheckpoint(Checkpoint{Date: vday(2029, 9, 1), Method: "m", ReportTo: "KS"}, 2027), "date", "err.date_outside_year"},
		{"system level out of range", ValidateSystem(System{Name: "Procapita", Owner: "Socialchef", Confidentiality: 5}, vday(2027, 1, 1)), "confidentiality", "err.level_range"},
		{"system without owner", ValidateSystem(System{Name: "Procapita"}, vday(2027, 1, 1)), "owner", "err.required"},
	}
	for _, tc := range tests {
		if !hasKey(tc.ps, tc.field, tc.key) {
			t.Errorf("%s: want %s on %s, got %v", tc.name, tc.key, tc.field, tc.ps)
		}
	}
	// Reporting early the next year is normal: no warning.
	if ps := ValidateCheckpoint(Checkpoint{Date: vday(2028, 2, 1), Method: "m", ReportTo: "KS"}, 2027); len(ps) != 0 {
		t.Errorf("checkpoint in January next year: %v", ps)
	}
}

func TestValidatePlan(t *testing.T) {
	prof := testProfile(t)
	complete := PlanData{
		Plan:        Plan{ID: 1, Board: "Socialnämnden", Year: 2027, Responsible: "Socialchef"},
		AnnualGoals: []AnnualGoal{goodAnnualGoal()},
		Activities:  []Activity{goodActivity()},
		Trainings:   []Training{{ID: 1, Title: "Grundutbildning", TargetGroup: "Alla", Responsible: "Samordnare", Dates: []time.Time{vday(2027, 4, 1)}}},
		Checkpoints: []Checkpoint{{ID: 1, Date: vday(2027, 9, 15), Method: "Genomgång", ReportTo: "Nämnden"}},
	}
	ps := ValidatePlan(complete, prof)
	if ps.Blocking() {
		t.Fatalf("complete plan blocks: %v", ps)
	}
	// Goals 1, 3, 4, 5, 6, 8 are not covered: warnings only.
	if got := UncoveredGoals(complete.Activities, nil, prof); len(got) != 6 || got[0] != 1 {
		t.Fatalf("uncovered goals: %v", got)
	}
	if !hasKey(ps, "goals", "err.goal_uncovered") {
		t.Fatalf("no uncovered-goal warning: %v", ps)
	}

	dup := complete
	second := goodActivity()
	second.ID = 2
	second.Title = " informationsklassa VERKSAMHETSSYSTEMEN "
	dup.Activities = []Activity{goodActivity(), second}
	if ps := ValidatePlan(dup, prof); !hasKey(ps.For("activity", 2, ""), "title", "err.duplicate_title") || ps.Blocking() {
		t.Fatalf("duplicate title should warn, not block: %v", ps)
	}

	tests := []struct {
		name  string
		edit  func(d *PlanData)
		field string
		key   string
	}{
		{"no activities", func(d *PlanData) { d.Activities = nil }, "activities", "err.no_activities"},
		{"no trainings", func(d *PlanData) { d.Trainings = nil }, "trainings", "err.no_trainings"},
		{"no checkpoints", func(d *PlanData) { d.Checkpoints = nil }, "checkpoints", "err.no_checkpoints"},
		{"no responsible", func(d *PlanData) { d.Plan.Responsible = "" }, "responsible", "err.required"},
		{"year out of range", func(d *PlanData) { d.Plan.Year = 1999 }, "year", "err.year_range"},
	}
	for _, tc := range tests {
		d := complete
		tc.edit(&d)
		ps := ValidatePlan(d, prof)
		if !hasKey(ps, tc.field, tc.key) || !ps.Blocking() {
			t.Errorf("%s: want blocking %s on %s, got %v", tc.name, tc.key, tc.field, ps)
		}
	}
}

func TestProblemText(t *testing.T) {
	tests := []struct {
		p    Problem
		lang i18n.Lang
		want string
	}{
		{Problem{Key: "err.required", Args: []any{"Field", "field.title"}}, i18n.Swedish, "Fyll i rubrik."},
		{Problem{Key: "err.required", Args: []any{"Field", "field.title"}}, i18n.English, "Fill in title."},
		{Problem{Key: "err.negative", Args: []any{"Field", "field.internal_hours"}}, i18n.Swedish, "Interna timmar kan inte vara negativt."},
		{Problem{Key: "err.goal_uncovered", Args: []any{"Goal", 4}}, i18n.Swedish, "Inget i planen bidrar till mål 4."},
	}
	for _, tc := range tests {
		if got := tc.p.Text(i18n.New(tc.lang)); got != tc.want {
			t.Errorf("%s/%s: got %q want %q", tc.p.Key, tc.lang, got, tc.want)
		}
	}
	if e := (&Problem{Entity: "activity", EntityID: 3, Field: "end", Key: "err.end_before_start"}).Error(); !strings.Contains(e, "activity 3 end") {
		t.Errorf("Error(): %q", e)
	}
}

// The board's register travels with the plan, so ValidatePlan checks it: what the policy
// demands (a name, an information owner, a level on the scale) blocks; what a high level
// suggests (a risk analysis, a deepened security plan) and a system below the basnivå only warn.
func TestValidatePlanRegister(t *testing.T) {
	prof := testProfile(t)
	good := System{ID: 7, Name: "Procapita", Owner: "Socialchef", Confidentiality: 4, Integrity: 3, Availability: 2, Traceability: 3,
		BaselineMet: true, SecurityPlan: SecurityPlanDeepened, SecurityPlanAt: vday(2026, 5, 1), RiskAnalysisAt: vday(2026, 4, 1),
		ClassifiedAt: vday(2026, 3, 1)}
	complete := PlanData{
		AsOf:        vday(2026, 10, 1),
		Plan:        Plan{ID: 1, Board: "Socialnämnden", Year: 2027, Responsible: "Socialchef"},
		AnnualGoals: []AnnualGoal{goodAnnualGoal()},
		Activities:  []Activity{goodActivity()},
		Trainings:   []Training{{ID: 1, Title: "Grundutbildning", TargetGroup: "Alla", Responsible: "Samordnare", Dates: []time.Time{vday(2027, 4, 1)}}},
		Checkpoints: []Checkpoint{{ID: 1, Date: vday(2027, 9, 15), Method: "Genomgång", ReportTo: "Nämnden"}},
	}
	tests := []struct {
		name     string
		edit     func(s *System)
		field    string // "" when the system has no problem
		key      string
		severity Severity
	}{
		{"complete", func(s *System) {}, "", "", 0},
		{"no name", func(s *System) { s.Name = " " }, "name", "err.required", Blocking},
		{"no owner", func(s *System) { s.Owner = "" }, "owner", "err.required", Blocking},
		{"level above the scale", func(s *System) { s.Availability = 5 }, "availability", "err.level_range", Blocking},
		{"level below unclassified", func(s *System) { s.Traceability = -2 }, "traceability", "err.level_range", Blocking},
		{"level 4 without risk analysis", func(s *System) { s.RiskAnalysisAt = time.Time{} }, "risk_analysis_at", "err.no_risk_analysis", Warning},
		{"below the basnivå", func(s *System) { s.BaselineMet = false }, "baseline_met", "err.below_baseline", Warning},
		{"level 3 without deepened plan", func(s *System) { s.Confidentiality = 3; s.SecurityPlan = SecurityPlanBase }, "security_plan", "err.no_deepened_plan", Warning},
		{"level 2 needs neither", func(s *System) {
			s.Confidentiality, s.Integrity, s.Traceability = 2, 2, 1
			s.SecurityPlan, s.RiskAnalysisAt = SecurityPlanNone, time.Time{}
		}, "", "", 0},
		{"unclassified needs neither, but a classification", func(s *System) {
			s.Confidentiality, s.Integrity, s.Availability, s.Traceability = -1, -1, -1, -1
			s.SecurityPlan, s.RiskAnalysisAt = SecurityPlanNone, time.Time{}
		}, "confidentiality", "err.register.not_classified", Warning},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sys := good
			tc.edit(&sys)
			d := complete
			d.Systems = []System{{ID: 3, Name: "E-post", Owner: "IT-chef", Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1}, sys}
			ps := ValidatePlan(d, prof).For("system", 7, "")
			if tc.field == "" {
				if len(ps) != 0 {
					t.Fatalf("want no problems, got %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Field != tc.field || ps[0].Key != tc.key || ps[0].Severity != tc.severity {
				t.Fatalf("want %s on %s (severity %v), got %v", tc.key, tc.field, tc.severity, ps)
			}
			if got := ValidatePlan(d, prof).Blocking(); got != (tc.severity == Blocking) {
				t.Errorf("plan blocking = %v", got)
			}
		})
	}
	both := good
	both.RiskAnalysisAt, both.SecurityPlan = time.Time{}, SecurityPlanBase
	ps := ValidateSystem(both, vday(2026, 10, 1))
	if !hasKey(ps, "risk_analysis_at", "err.no_risk_analysis") || !hasKey(ps, "security_plan", "err.no_deepened_plan") || ps.Blocking() {
		t.Fatalf("level 4 without either: %v", ps)
	}
	if got := ps[0].Text(i18n.New(i18n.Swedish)); !strings.Contains(got, "nivå 4") {
		t.Errorf("warning text %q does not name the level", got)
	}
}

func TestValidateProfile(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(p *Profile)
		key   string // "" for no problem
		sv    string // the Swedish sentence
		count int
	}{
		{"default", func(p *Profile) {}, "", "", 0},
		{"lowest hours", func(p *Profile) { p.HoursPerFTE = MinHoursPerFTE }, "", "", 0},
		{"highest hours", func(p *Profile) { p.HoursPerFTE = MaxHoursPerFTE }, "", "", 0},
		{"too few hours", func(p *Profile) { p.HoursPerFTE = 50 }, "err.too_small", "Timmar per årsarbetare är orimligt litet (minst 100).", 1},
		{"too many hours", func(p *Profile) { p.HoursPerFTE = 17000 }, "err.too_large", "Timmar per årsarbetare är orimligt stort (högst 3000).", 1},
		{"goal number zero", func(p *Profile) { p.Goals[0].Number = 0; p.Checklist, p.RuleGoals = nil, nil }, "err.goal_number", "Målnumret 0 går inte att använda: numret ska vara mellan 1 och 99.", 1},
		{"goal number twice", func(p *Profile) { p.Goals[1].Number = 1; p.Checklist, p.RuleGoals = nil, nil }, "err.duplicate_goal", "Mål 1 finns två gånger. Varje mål ska ha ett eget nummer.", 1},
		{"goal without text", func(p *Profile) { p.Goals[2].Text = "  " }, "err.goal_text", "Mål 3 saknar text.", 1},
	}
	sv := i18n.New(i18n.Swedish)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := testProfile(t)
			tc.edit(&p)
			ps := ValidateProfile(p)
			if len(ps) != tc.count {
				t.Fatalf("want %d problems, got %v", tc.count, ps)
			}
			if tc.count == 0 {
				return
			}
			if ps[0].Key != tc.key || ps[0].Severity != Blocking || ps[0].Entity != "profile" {
				t.Fatalf("want blocking %s, got %v", tc.key, ps[0])
			}
			if got := ps[0].Text(sv); got != tc.sv {
				t.Errorf("text %q, want %q", got, tc.sv)
			}
		})
	}
}
