package register

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The register lists what its rules ask of the selected system; "Lägg till åtgärd" puts a
// pre-filled activity into the board's next plan, and the strip then names it instead of the
// button.
func TestAddActivityFromWarning(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, _ := open(t, s, board, i18n.Swedish)
	x := byName(t, v, "Elevhälsans journalsystem")
	if _, err := s.SetField(domain.FieldSystemRiskAnalysisAt, x.ID, time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	v.reload(x.ID)
	b := v.form.work.buttons[domain.RuleNoRiskAnalysis]
	if b == nil {
		t.Fatalf("no button for the old risk analysis; buttons %v", v.form.work.buttons)
	}
	if got := errorShown(v, "risk_analysis_at"); !strings.Contains(got, "2024-01-10") {
		t.Errorf("under the field: %q", got)
	}
	test.Tap(b)

	next, err := s.PlanFor(board, 2027)
	if err != nil {
		t.Fatal(err)
	}
	acts, _ := s.Activities(next.ID)
	var made *domain.Activity
	for i := range acts {
		if acts[i].Addresses == "rule:no_risk_analysis" && len(acts[i].SystemIDs) == 1 && acts[i].SystemIDs[0] == x.ID {
			made = &acts[i]
		}
	}
	if made == nil || made.Title != "Riskanalys för Elevhälsans journalsystem" || len(made.Goals) != 1 || made.Goals[0] != 7 {
		t.Fatalf("activity in the 2027 plan: %+v", made)
	}
	if _, ok := v.form.work.buttons[domain.RuleNoRiskAnalysis]; ok {
		t.Error("the button is still there")
	}
	if !strings.Contains(stripText(v), "åtgärd finns i planen för 2027, ”Riskanalys för Elevhälsans journalsystem”") {
		t.Errorf("strip: %q", stripText(v))
	}
	if got := errorShown(v, "risk_analysis_at"); !strings.Contains(got, "Åtgärd finns") {
		t.Errorf("under the field after: %q", got)
	}
	if !strings.Contains(v.status.Text, "Åtgärd tillagd i planen för 2027") {
		t.Errorf("status %q", v.status.Text)
	}
}

func stripText(v *View) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(v.form.work.obj) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
