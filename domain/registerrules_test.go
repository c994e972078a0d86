package domain

import (
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"
)

// sound is a level-4 system that breaks no rule on 2026-10-01.
func sound() System {
	return System{ID: 7, Name: "Procapita", Owner: "Socialchef", Confidentiality: 4, Integrity: 3, Availability: 2, Traceability: 3,
		ClassifiedAt: vday(2026, 3, 1), BaselineMet: true, SecurityPlan: SecurityPlanDeepened, RiskAnalysisAt: vday(2026, 4, 1)}
}

func rules(ws []RegisterWarning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, string(w.Rule))
	}
	return out
}

// Each rule of the register, at the edges of its twelve months.
func TestSystemWarnings(t *testing.T) {
	asOf := vday(2026, 10, 1)
	tests := []struct {
		name string
		edit func(s *System)
		want string // rules, comma-separated
	}{
		{"sound", func(s *System) {}, ""},
		{"no owner", func(s *System) { s.Owner = "  " }, "no_owner"},
		{"one aspect not classified", func(s *System) { s.Traceability = -1 }, "not_classified"},
		{"nothing classified: no level rules", func(s *System) {
			s.Confidentiality, s.Integrity, s.Availability, s.Traceability = -1, -1, -1, -1
			s.SecurityPlan, s.RiskAnalysisAt = SecurityPlanNone, time.Time{}
		}, "not_classified"},
		{"classification exactly 12 months old", func(s *System) { s.ClassifiedAt = vday(2025, 10, 1) }, ""},
		{"classification 12 months and a day old", func(s *System) { s.ClassifiedAt = vday(2025, 9, 30) }, "classification_stale"},
		{"classification undated", func(s *System) { s.ClassifiedAt = time.Time{} }, "classification_stale"},
		{"level 4 without risk analysis", func(s *System) { s.RiskAnalysisAt = time.Time{} }, "no_risk_analysis"},
		{"level 4, risk analysis 12 months old", func(s *System) { s.RiskAnalysisAt = vday(2025, 10, 1) }, ""},
		{"level 4, risk analysis older", func(s *System) { s.RiskAnalysisAt = vday(2025, 9, 30) }, "no_risk_analysis"},
		{"level 3 in integrity only, base plan", func(s *System) {
			s.Confidentiality, s.Traceability, s.SecurityPlan = 1, 1, SecurityPlanBase
		}, "no_deepened_plan"},
		{"level 2 needs neither", func(s *System) {
			s.Confidentiality, s.Integrity, s.Traceability = 2, 2, 1
			s.SecurityPlan, s.RiskAnalysisAt = SecurityPlanNone, time.Time{}
		}, ""},
		{"below the basnivå", func(s *System) { s.BaselineMet = false }, "below_baseline"},
		{"everything at once, in order", func(s *System) {
			s.Owner, s.ClassifiedAt, s.RiskAnalysisAt, s.SecurityPlan, s.BaselineMet = "", time.Time{}, time.Time{}, SecurityPlanNone, false
		}, "no_owner,classification_stale,no_risk_analysis,no_deepened_plan,below_baseline"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sound()
			tc.edit(&s)
			if got := strings.Join(rules(SystemWarnings(s, asOf)), ","); got != tc.want {
				t.Fatalf("rules %q, want %q", got, tc.want)
			}
		})
	}
}

// The age rules count from the day given, not from the clock: a submission judged later says
// what it said when it was signed.
func TestSystemWarningsAsOf(t *testing.T) {
	s := sound()
	if ws := SystemWarnings(s, vday(2026, 10, 1)); len(ws) != 0 {
		t.Fatalf("2026-10-01: %v", rules(ws))
	}
	if got := rules(SystemWarnings(s, vday(2027, 6, 1))); strings.Join(got, ",") != "classification_stale,no_risk_analysis" {
		t.Fatalf("2027-06-01: %v", got)
	}
	// A time of day does not move the day.
	if ws := SystemWarnings(s, time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC).AddDate(1, 0, 0)); len(ws) != 0 {
		t.Fatalf("a year to the day, late evening: %v", rules(ws))
	}
}

// An activity made for a warning addresses it; the problem then names the activity. One for
// another system or rule, or one merely linked to the system, does not.
func TestRegisterWarningsAddressed(t *testing.T) {
	asOf := vday(2026, 10, 1)
	s := sound()
	s.RiskAnalysisAt, s.SecurityPlan = time.Time{}, SecurityPlanBase
	other := System{ID: 8, Name: "E-post", Owner: "IT-chef", Confidentiality: 1, Integrity: 1, Availability: 1, Traceability: 1, ClassifiedAt: vday(2026, 1, 1), BaselineMet: true}
	risk := Activity{ID: 1, Title: "Riskanalys för Procapita", SystemIDs: []int64{7}, Addresses: RuleAddress(RuleNoRiskAnalysis)}
	elsewhere := Activity{ID: 2, Title: "Riskanalys för E-post", SystemIDs: []int64{8}, Addresses: RuleAddress(RuleNoRiskAnalysis)}
	ws := RegisterWarnings([]System{s, other}, []Activity{elsewhere, risk}, asOf)
	if len(ws) != 2 || ws[0].Rule != RuleNoRiskAnalysis || ws[1].Rule != RuleNoDeepenedPlan {
		t.Fatalf("warnings %v", rules(ws))
	}
	if ws[0].Activity == nil || ws[0].Activity.ID != 1 {
		t.Fatalf("risk analysis warning addressed by %v", ws[0].Activity)
	}
	if ws[1].Activity != nil {
		t.Fatalf("deepened-plan warning addressed by %v (made for another rule)", ws[1].Activity)
	}
	sv := i18n.New(i18n.Swedish)
	if p := ws[0].Problem(); p.Key != "err.register.addressed.no_risk_analysis" || !strings.Contains(p.Text(sv), "Åtgärd finns: ”Riskanalys för Procapita”") {
		t.Fatalf("addressed problem %s: %q", p.Key, p.Text(sv))
	}
	// An activity merely linked to the system may be about anything: it does not count.
	loose := Activity{ID: 3, Title: "Behörighetsgenomgång i Procapita", SystemIDs: []int64{7}}
	ws = RegisterWarnings([]System{s}, []Activity{loose}, asOf)
	if ws[0].Activity != nil || ws[1].Activity != nil {
		t.Fatalf("a loosely linked activity counts: %+v", ws)
	}
	c := CountWarnings(RegisterWarnings([]System{s, other}, []Activity{risk}, asOf), 2)
	if c.Warnings != 2 || c.Flagged != 1 || c.Addressed != 1 || c.ByRule[RuleNoDeepenedPlan] != 1 {
		t.Fatalf("count %+v", c)
	}
}

// The review judges a plan's register with its activities, as of the plan's day; a missing
// owner blocks, the rest warns, and every problem has a sentence in both languages.
func TestValidateRegisterProblems(t *testing.T) {
	asOf := vday(2026, 10, 1)
	s := sound()
	s.Owner, s.ClassifiedAt, s.RiskAnalysisAt, s.SecurityPlan, s.BaselineMet, s.Traceability = "", vday(2024, 1, 1), vday(2024, 2, 2), SecurityPlanBase, false, 3
	ps := ValidateRegister([]System{s}, nil, asOf)
	want := map[string]string{"owner": "err.required", "classified_at": "err.register.classification_old",
		"risk_analysis_at": "err.register.risk_analysis_old", "security_plan": "err.no_deepened_plan", "baseline_met": "err.below_baseline"}
	if len(ps) != len(want) {
		t.Fatalf("problems %v", ps)
	}
	for _, p := range ps {
		if want[p.Field] != p.Key {
			t.Errorf("%s: key %s, want %s", p.Field, p.Key, want[p.Field])
		}
		if (p.Field == "owner") != (p.Severity == Blocking) {
			t.Errorf("%s: severity %v", p.Field, p.Severity)
		}
		for _, l := range i18n.Langs {
			if txt := p.Text(i18n.New(l)); strings.Contains(txt, "⟦") || strings.Contains(txt, "<no value>") {
				t.Errorf("%s %s: %q", l, p.Key, txt)
			}
		}
	}
	if got := ps.For("system", 7, "risk_analysis_at")[0].Text(i18n.New(i18n.Swedish)); !strings.Contains(got, "2024-02-02") || !strings.Contains(got, "nivå 4") {
		t.Errorf("risk analysis sentence %q", got)
	}
}
