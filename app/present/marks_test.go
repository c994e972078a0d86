package present

import (
	"strings"
	"testing"

	"handlingsplan/app/demo"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The kinds of problems a plan's slides show: a goal nothing serves, a biennial check answered
// no or not at all, the register's systems the review warns of.
var slideKinds = map[string]bool{"err.goal_uncovered": true, "err.check_unanswered": true, "err.check_no": true,
	"err.no_risk_analysis": true, "err.no_deepened_plan": true, "err.below_baseline": true}

// slideKind is the kind of problem p: a register warning that an activity addresses is of its
// rule's kind, as is a risk analysis older than the rule allows.
func slideKind(p domain.Problem) string {
	switch {
	case p.Key == "err.register.risk_analysis_old", p.Key == "err.register.addressed.no_risk_analysis":
		return "err.no_risk_analysis"
	case strings.HasPrefix(p.Key, "err.register.addressed."):
		return "err." + strings.TrimPrefix(p.Key, "err.register.addressed.")
	}
	return p.Key
}

// A plan's slides mark in red only what the review (domain.ValidatePlan) finds, and every
// problem of the kinds they show is marked: over every plan of the demo kommun.
func TestSlideMarksAreTheReview(t *testing.T) {
	prof := profile(t)
	seen := map[string]int{}
	for _, lang := range i18n.Langs {
		loc := i18n.New(lang)
		for _, d := range demo.Plans(demo.Options{Year: demoYear}, prof) {
			name := d.Plan.Board + " " + string(lang)
			deck, pb := fromPlan(d, prof, loc, planNow)
			m := pb.marks
			if want := domain.ValidatePlan(d, prof); len(m.ps) != len(want) {
				t.Fatalf("%s: slides judged %d problems, the review %d", name, len(m.ps), len(want))
			}
			for i, p := range m.ps {
				if k := slideKind(p); slideKinds[k] {
					seen[k]++
					if !m.shown[i] {
						t.Errorf("%s: not marked: %s %d %s %s", name, p.Entity, p.EntityID, p.Field, p.Key)
					}
				}
			}
			for n, s := range deck.Slides {
				for _, it := range s.Items {
					red := it.Color == ColWarn || it.Color == ColWarnFill
					switch {
					case !red:
					case it.Kind == ItemText && !explained(m, it.Text):
						t.Errorf("%s slide %d (%s): %q is red without a problem", name, n+1, s.Kind, it.Text)
					case it.Kind != ItemText && s.Kind != KindGoals && s.Kind != KindRegister:
						t.Errorf("%s slide %d (%s): a red shape", name, n+1, s.Kind)
					}
				}
			}
		}
	}
	for k := range slideKinds {
		if seen[k] == 0 {
			t.Errorf("no demo plan has %s: the test does not cover it", k)
		}
	}
}

// explained reports whether text (a line of a wrapped cell) is part of a text the marks made red.
func explained(m *slideMarks, text string) bool {
	for s := range m.texts {
		if strings.Contains(s, strings.TrimRight(text, "…-")) {
			return true
		}
	}
	return false
}
