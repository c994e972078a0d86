package wizard

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The new-plan dialog offers last year's unmet annual goals, each carried by default; a goal
// carried keeps the carried activities under it, one left behind lets go of them.
func TestNewPlanCarriesUnmetGoals(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	loc := i18n.New(i18n.Swedish)
	prev := planFor(t, s, demoBoard, 2027) // the newest plan: its annual goals have no outcome yet
	win := test.NewWindow(nil)
	defer win.Close()
	win.Resize(fyne.NewSize(1366, 768))
	var created int64
	dlg, err := ShowNewPlan(win, s, loc, board(t, s, demoBoard), day(2027, 10, 1), func(id int64) { created = id })
	if err != nil || dlg == nil {
		t.Fatalf("ShowNewPlan: %v", err)
	}
	goals := dlg.GoalChoices()
	if len(goals) != len(prev.AnnualGoals) || len(goals) < 2 {
		t.Fatalf("offered %d unmet goals of %d", len(goals), len(prev.AnnualGoals))
	}
	for _, g := range goals {
		if !g.Carry {
			t.Errorf("%q is not carried by default", g.Goal.Text)
		}
	}
	left := goals[0].Goal
	dlg.SetGoalCarry(0, false)
	dlg.Create()
	if created == 0 {
		t.Fatalf("no plan: %q", dlg.Error())
	}
	d := stored(t, s, created)
	if len(d.AnnualGoals) != len(goals)-1 {
		t.Fatalf("%d annual goals carried, want %d", len(d.AnnualGoals), len(goals)-1)
	}
	byText := map[string]int64{}
	for _, g := range d.AnnualGoals {
		byText[g.Text] = g.ID
		if g.Text == left.Text {
			t.Errorf("the goal left behind was carried")
		}
		if g.CarriedFrom == 0 || g.Outcome != domain.OutcomeNone {
			t.Errorf("carried goal %+v", g)
		}
	}
	old := map[int64]string{}
	for _, g := range prev.AnnualGoals {
		old[g.ID] = g.Text
	}
	for _, a := range d.Activities {
		var was domain.Activity
		for _, p := range prev.Activities {
			if p.ID == a.CarriedFrom {
				was = p
			}
		}
		switch text := old[was.AnnualGoalID]; {
		case text == left.Text && a.AnnualGoalID != 0:
			t.Errorf("%q stays under a goal left behind", a.Title)
		case text != left.Text && a.AnnualGoalID != byText[text]:
			t.Errorf("%q is under goal %d, want the carried %q (%d)", a.Title, a.AnnualGoalID, text, byText[text])
		}
	}
}

// "Registrera beslut": the board's decision on the plan (and on last year's follow-up) is
// stored, the plan reads beslutad, a new signed version is asked for, and undo takes it back.
func TestDecisionDialog(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, "Överförmyndarnämnden", 2026) // signed, not yet decided
	if d.Plan.Decided() || d.Plan.Status != domain.PlanSigned {
		t.Fatalf("demo plan: %+v", d.Plan)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	var exported int64
	w, err := New(win, s, i18n.New(i18n.Swedish), d.Plan.ID, Options{OnExport: func(id int64) { exported = id }})
	if err != nil {
		t.Fatal(err)
	}
	win.SetContent(w.Build())
	win.Resize(fyne.NewSize(1366, 768))
	w.GoTo(StepPlan)
	pv := w.view.(*planView)
	if pv.register.Disabled() {
		t.Fatal("a signed plan cannot register its decision")
	}
	test.Tap(pv.register)
	dd := w.decision
	if dd == nil {
		t.Fatal("no decision dialog")
	}
	if got := dd.Plan().body.Text; got != "Överförmyndarnämnden" {
		t.Errorf("body prefilled %q", got)
	}
	dd.Plan().dnr.SetText("ÖFN 2025/77")
	dd.Plan().date.SetText(typedDate(day(2025, 12, 11)))
	dd.Plan().paragraph.SetText("")
	dd.Register()
	if dd.Error() == "" || exported != 0 {
		t.Fatalf("a decision without its paragraph was registered (%q)", dd.Error())
	}
	dd.Plan().paragraph.SetText("§ 58")
	dd.WithFollowUp(true)
	fu := dd.FollowUp()
	fu.dnr.SetText("ÖFN 2025/301")
	fu.date.SetText(typedDate(day(2025, 12, 11)))
	fu.paragraph.SetText("§ 59")
	dd.Register()
	if dd.Error() != "" {
		t.Fatalf("error: %q", dd.Error())
	}
	got := stored(t, s, d.Plan.ID)
	want := domain.Decision{Dnr: "ÖFN 2025/77", Date: day(2025, 12, 11), Body: "Överförmyndarnämnden", Paragraph: "§ 58"}
	if got.Plan.Decision != want || !got.Plan.Decided() || got.Plan.Status != domain.PlanSigned {
		t.Errorf("stored decision %+v (%s)", got.Plan.Decision, got.Plan.Status)
	}
	if got.Previous.Plan.FollowUpDecision.Paragraph != "§ 59" || got.Previous.Plan.FollowUpDecision.Dnr != "ÖFN 2025/301" {
		t.Errorf("follow-up decision %+v", got.Previous.Plan.FollowUpDecision)
	}
	if exported != d.Plan.ID {
		t.Errorf("no new signed version asked for (export %d)", exported)
	}
	if !contains(w.title.Text, "2026") || !contains(pv2(w).decided.Text, "Beslutad i nämnden 2025-12-11, Dnr ÖFN 2025/77, § 58") {
		t.Errorf("step 1 shows %q", pv2(w).decided.Text)
	}
	w.Undo()
	if got := stored(t, s, d.Plan.ID); got.Plan.Decision.Made() || got.Previous.Plan.FollowUpDecision != d.Previous.Plan.FollowUpDecision {
		t.Errorf("after undo: %+v / %+v", got.Plan.Decision, got.Previous.Plan.FollowUpDecision)
	}
	w.Redo()
	if got := stored(t, s, d.Plan.ID); got.Plan.Decision != want {
		t.Errorf("after redo: %+v", got.Plan.Decision)
	}
}

func pv2(w *Wizard) *planView {
	w.GoTo(StepPlan)
	return w.view.(*planView)
}

// A follow-up during the year: the statuses and outcomes of that day are recorded with the
// date and become the plan's; försenad is shown as StatusOn decides; the autumn follow-up of
// last year's plan closes it; undo takes a follow-up back.
func TestRecordFollowUps(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	saved := today
	defer func() { today = saved }()
	today = func() time.Time { return day(2026, 8, 31) }

	d := planFor(t, s, demoBoard, 2026) // signed, followed up in April and August
	before := len(d.FollowUps)
	w, _ := open(t, s, d.Plan.ID)
	w.ShowRecord(false)
	rd := w.record
	if rd == nil || rd.closing.Checked {
		t.Fatal("a follow-up during the year opens as an interim one")
	}
	rd.SetStatus(0, domain.ActivityPaused)
	rd.SetOutcome(0, domain.OutcomePartly, "40 %", domain.LightRed)
	rd.SetComment("Delårsrapport per augusti")
	// An activity that ended before the date and is not done is försenad.
	late := -1
	for i, a := range d.Activities {
		if a.End.Before(day(2026, 8, 31)) && a.Status != domain.ActivityDone && a.Status != domain.ActivityDropped && i > 0 {
			late = i
		}
	}
	if late >= 0 && rd.late[late].Text != "Försenad" {
		t.Errorf("activity %d ended %v: late %q", late, d.Activities[late].End, rd.late[late].Text)
	}
	rd.Record()
	if rd.Error() != "" {
		t.Fatalf("record: %q", rd.Error())
	}
	got := stored(t, s, d.Plan.ID)
	if len(got.FollowUps) != before+1 {
		t.Fatalf("%d follow-ups, want %d", len(got.FollowUps), before+1)
	}
	f, _ := domain.LatestFollowUp(got)
	if f.Comment != "Delårsrapport per augusti" || f.Closing || !f.Date.Equal(day(2026, 8, 31)) {
		t.Errorf("latest follow-up %+v", f)
	}
	if got.Activities[0].Status != domain.ActivityPaused || got.AnnualGoals[0].Outcome != domain.OutcomePartly || got.AnnualGoals[0].TrafficLight() != domain.LightRed {
		t.Errorf("current state: %s / %+v", got.Activities[0].Status, got.AnnualGoals[0])
	}
	w.Undo()
	got = stored(t, s, d.Plan.ID)
	if len(got.FollowUps) != before || got.Activities[0].Status != d.Activities[0].Status || got.AnnualGoals[0].Outcome != d.AnnualGoals[0].Outcome {
		t.Errorf("after undo: %d follow-ups, %s, %s", len(got.FollowUps), got.Activities[0].Status, got.AnnualGoals[0].Outcome)
	}

	// The autumn follow-up of 2026, recorded from the 2027 plan's step 2, closes 2026.
	today = func() time.Time { return day(2026, 11, 3) }
	next := planFor(t, s, demoBoard, 2027)
	w2, _ := open(t, s, next.Plan.ID)
	w2.GoTo(StepFollowUp)
	fv := w2.view.(*followUpView)
	if fv.outcomes == nil || fv.checkNote == nil || !fv.results[domain.CheckGoalsFollowed].Disabled() {
		t.Fatal("the follow-up step has no annual goals, or the goals' check can be answered by hand")
	}
	w2.ShowRecord(true)
	if !w2.record.closing.Checked {
		t.Error("the autumn follow-up does not close the year by default")
	}
	for i := range next.Previous.AnnualGoals {
		w2.record.SetOutcome(i, domain.OutcomeMet, "100 %", domain.LightNone)
	}
	w2.record.Record()
	if e := w2.record; e != nil {
		t.Fatalf("record: %q", e.Error())
	}
	last := stored(t, s, d.Plan.ID)
	if last.Plan.Status != domain.PlanClosed {
		t.Errorf("2026 after its closing follow-up: %s", last.Plan.Status)
	}
	if c := domain.Checks(last)[domain.CheckGoalsFollowed]; c.Result != domain.CheckYes {
		t.Errorf("årliga mål är uppföljda: %q", c.Result)
	}
	fv = w2.view.(*followUpView)
	if !contains(fv.recorded.Text, "2026-11-03 (avslutar året)") {
		t.Errorf("step 2 lists %q", fv.recorded.Text)
	}
	if !slices.ContainsFunc(last.FollowUps, func(f domain.FollowUp) bool { return f.Closing }) {
		t.Error("no closing follow-up stored")
	}
}
