package wizard

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/export"
	"handlingsplan/app/identity"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// resourceOf reads one resource field of an activity.
func resourceOf(a domain.Activity, field string) int64 {
	switch field {
	case "internal_hours":
		return a.InternalHours
	case "external_hours":
		return a.ExternalHours
	case "operating_cost":
		return a.OperatingCost
	case "investment":
		return a.Investment
	}
	return -1
}

// What officials type into the real resources step is stored as the amount they meant.
func TestResourcesTakeWhatOfficialsType(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepResources)
	rv := w.view.(*resourcesView)
	a := d.Activities[0]
	if !rv.focus("activity", a.ID, "operating_cost") {
		t.Fatal("cannot select the activity")
	}
	for _, c := range []struct {
		field, typed string
		want         int64
	}{
		{"operating_cost", "10 tkr", 10_000},
		{"investment", "1,5 Mkr", 1_500_000},
		{"operating_cost", "1 500 kr", 1_500},
		{"operating_cost", "1\u00a0500", 1_500},
		{"investment", "1.500", 1_500},
		{"internal_hours", "1 200 h", 1_200},
		{"external_hours", "16 tim", 16},
	} {
		typeInto(rv.amounts[c.field], c.typed)
		if got := errorShown(rv.f, c.field); got != "" {
			t.Errorf("%s %q: error %q", c.field, c.typed, got)
		}
		if got := resourceOf(w.d.Activities[0], c.field); got != c.want {
			t.Errorf("%s %q: %d in the wizard, want %d", c.field, c.typed, got, c.want)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		x, _ := activity(stored(t, s, d.Plan.ID), a.ID)
		if got := resourceOf(x, c.field); got != c.want {
			t.Errorf("%s %q: stored %d, want %d", c.field, c.typed, got, c.want)
		}
	}
}

// Text that is no amount never stores its valid part: the error shows while typing, the step
// loses its tick, the review lists it, "mark ready" and the export refuse, and the text is
// still there after a restart until it is fixed or undone.
func TestResourcesTypedTextThatIsNoAmount(t *testing.T) {
	test.NewTempApp(t)
	s, path := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	if w.blocking() {
		t.Fatalf("the demo plan blocks already: %v", w.problems)
	}
	w.GoTo(StepResources)
	rv := w.view.(*resourcesView)
	a := d.Activities[0]
	rv.focus("activity", a.ID, "operating_cost")
	before := a.OperatingCost

	// Typed key by key: "10" is a value on the way, "10 tkx" is not, and nothing is flushed
	// yet (no pause, no focus change).
	e := rv.amounts["operating_cost"]
	e.SetText("")
	test.Type(e, "10 tkx")
	if got := errorShown(rv.f, "operating_cost"); !strings.Contains(got, "”10 tkx” är inget belopp") {
		t.Errorf("error under the field while typing: %q", got)
	}
	if st := w.states()[StepResources]; st != stateBlocking || w.stepBtns[StepResources].Icon != w.ic.err {
		t.Errorf("resources step state %d: still ticked", st)
	}
	if !hasKey(w.problems, "activity", a.ID, "err.input.kronor") {
		t.Errorf("the review does not list it: %v", w.problems)
	}
	if got := w.numberText(&w.d, "activity", a.ID, "operating_cost", before); got != "10 tkx" {
		t.Errorf("the table shows %q, not what was typed", got)
	}

	// Written on the pause: the amount stays what it was, the text is kept as typed.
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got := stored(t, s, d.Plan.ID)
	if x, _ := activity(got, a.ID); x.OperatingCost != before {
		t.Errorf("stored operating cost %d, want %d (never a prefix)", x.OperatingCost, before)
	}
	if text, ok := got.UnparsedText("activity", a.ID, "operating_cost"); !ok || text != "10 tkx" {
		t.Errorf("typed text stored as %q, %v", text, ok)
	}

	// The review lists it, says the plan is blocked, and "mark ready" is off.
	w.GoTo(StepReview)
	rev := w.view.(*reviewView)
	if !rev.markBtn.Disabled() {
		t.Error("mark ready enabled")
	}
	if !contains(rev.verdict.Text, "1") {
		t.Errorf("verdict %q", rev.verdict.Text)
	}
	listed := false
	for _, p := range w.problems {
		if p.step == StepResources && p.Entity == "activity" && p.EntityID == a.ID && p.Field == "operating_cost" && p.Severity == domain.Blocking {
			listed = true
		}
	}
	if !listed {
		t.Error("review does not list the typed text")
	}
	w.onMarkReady()
	if p := stored(t, s, d.Plan.ID).Plan; p.Status != domain.PlanDraft {
		t.Fatalf("marked %s with typed text", p.Status)
	}

	// The export refuses it, naming the field.
	id, err := identity.New(identity.Subject{Name: "Test Testsson", Email: "test@example.se"}, time.Now(), 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	res, err := export.Export(s, d.Plan.ID, id, export.Options{Loc: i18n.New(i18n.Swedish), AppVersion: "test",
		Out: filepath.Join(t.TempDir(), "plan.pdf")})
	if !errors.Is(err, export.ErrBlocking) {
		t.Fatalf("export: %v, want ErrBlocking", err)
	}
	if len(res.Problems.For("activity", a.ID, "operating_cost")) != 1 {
		t.Errorf("export problems %v", res.Problems)
	}

	// A restart shows the text and lists it again.
	w.Flush()
	s.Close()
	s2, err := data.Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	w2, _ := open(t, s2, d.Plan.ID)
	w2.GoTo(StepResources)
	rv2 := w2.view.(*resourcesView)
	rv2.focus("activity", a.ID, "operating_cost")
	if got := rv2.amounts["operating_cost"].Text; got != "10 tkx" {
		t.Errorf("after restart the field shows %q", got)
	}
	if got := errorShown(rv2.f, "operating_cost"); !strings.Contains(got, "10 tkx") {
		t.Errorf("after restart the error is %q", got)
	}
	if !hasKey(w2.problems, "activity", a.ID, "err.input.kronor") || w2.states()[StepResources] != stateBlocking {
		t.Error("after restart the review does not list it")
	}

	// Fixing it stores the amount and clears everything.
	typeInto(rv2.amounts["operating_cost"], "10 tkr")
	w2.Flush()
	got = stored(t, s2, d.Plan.ID)
	if x, _ := activity(got, a.ID); x.OperatingCost != 10_000 || len(got.Unparsed) != 0 {
		t.Errorf("fixed: %d, typed %v", x.OperatingCost, got.Unparsed)
	}
	if errorShown(rv2.f, "operating_cost") != "" || w2.blocking() {
		t.Error("fixed amount still shows a problem")
	}
	// Undo brings the typed text back (it was saved, it is the user's); redo the amount.
	w2.HandleShortcut(&fyne.ShortcutUndo{})
	if text, ok := stored(t, s2, d.Plan.ID).UnparsedText("activity", a.ID, "operating_cost"); !ok || text != "10 tkx" {
		t.Errorf("undo: typed text %q, %v", text, ok)
	}
	if got := w2.view.(*resourcesView).amounts["operating_cost"].Text; got != "10 tkx" {
		t.Errorf("undo: field shows %q", got)
	}
	w2.HandleShortcut(ctrlShift(fyne.KeyZ))
	got = stored(t, s2, d.Plan.ID)
	if x, _ := activity(got, a.ID); x.OperatingCost != 10_000 || len(got.Unparsed) != 0 {
		t.Errorf("redo: %d, typed %v", x.OperatingCost, got.Unparsed)
	}
}

// Hours are whole hours: "2,5" is an error that names the whole hours to write instead.
func TestHoursAreWhole(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepResources)
	rv := w.view.(*resourcesView)
	a := d.Activities[0]
	rv.focus("activity", a.ID, "internal_hours")
	typeInto(rv.amounts["internal_hours"], "2,5")
	if got := errorShown(rv.f, "internal_hours"); !strings.Contains(got, "hela timmar") || !strings.Contains(got, "2 eller 3") {
		t.Errorf("error %q", got)
	}
	// Not "2", the value on the way: the totals count what is stored.
	if got := w.d.Activities[0].InternalHours; got != a.InternalHours {
		t.Errorf("hours became %d, want %d", got, a.InternalHours)
	}
	if got, want := rv.totals.cells[0][4].Text, w.loc.Number(domain.SumResources(d.Activities, 2027).Year.InternalHours); got != want {
		t.Errorf("year's internal hours %s, want %s", got, want)
	}
}

// The follow-up's actual hours and kronor and the events' participants take the same parser.
func TestFollowUpAndParticipantsTypedText(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepFollowUp)
	fv := w.view.(*followUpView)
	pa := d.Previous.Activities[0]
	fv.selectFor("activity", pa.ID)
	typeInto(fv.kronor, "2,5 tkr")
	typeInto(fv.hours, "2,5")
	if got := errorShown(fv.f, "actual_hours"); !strings.Contains(got, "hela timmar") {
		t.Errorf("actual hours error %q", got)
	}
	if w.states()[StepFollowUp] != stateBlocking {
		t.Error("follow-up step not blocked by typed text")
	}
	w.Flush()
	got := stored(t, s, d.Plan.ID)
	if x, _ := activity(*got.Previous, pa.ID); x.ActualKronor != 2_500 || x.ActualHours != pa.ActualHours {
		t.Errorf("stored actual kronor %d, hours %d (was %d)", x.ActualKronor, x.ActualHours, pa.ActualHours)
	}
	if text, ok := got.Previous.UnparsedText("activity", pa.ID, "actual_hours"); !ok || text != "2,5" {
		t.Errorf("typed hours %q %v", text, ok)
	}
	// It blocks this year's plan: the follow-up travels with it.
	if ps := domain.ValidatePlan(got, w.prof); len(ps.For("activity", pa.ID, "actual_hours")) != 1 || !ps.Blocking() {
		t.Errorf("plan problems %v", ps)
	}

	w.GoTo(StepTrainings)
	tv := w.view.(*trainingsView)
	typeInto(tv.participants, "ca 40")
	if got := errorShown(tv.f, "expected_participants"); !strings.Contains(got, "”ca 40” är inget antal") {
		t.Errorf("participants error %q", got)
	}
	typeInto(tv.participants, "40 st")
	if got := errorShown(tv.f, "expected_participants"); got != "" {
		t.Errorf("40 st: %q", got)
	}
}

// The review lists what the report prints in red for last year's follow-up: the biennial
// checks not answered. Each names last year's plan, jumps to its answer, and goes when answered.
func TestReviewListsUnansweredChecks(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, win := open(t, s, d.Plan.ID)
	var checks []located
	for _, p := range w.problems {
		if p.Key == "err.check_unanswered" {
			checks = append(checks, p)
		}
	}
	if len(checks) != 2 {
		t.Fatalf("unanswered checks in the review: %v", checks)
	}
	for _, p := range checks {
		if p.step != StepFollowUp || p.Severity != domain.Warning || p.EntityID != d.Previous.Plan.ID {
			t.Errorf("check problem %+v", p)
		}
		if got := w.rowLabel(p); !strings.Contains(got, "2026") {
			t.Errorf("names %q, not last year's plan", got)
		}
	}
	p := checks[0]
	w.jump(p.step, p.Entity, p.EntityID, p.Field)
	fv, ok := w.view.(*followUpView)
	if !ok {
		t.Fatalf("jumped to %T", w.view)
	}
	i := int(p.Field[5] - '0')
	if win.Canvas().Focused() != fv.results[i] {
		t.Errorf("focus on %T, not the check's answer", win.Canvas().Focused())
	}
	if got := errorShown(fv.checks, p.Field); !strings.Contains(got, "inte besvarad") {
		t.Errorf("under the check: %q", got)
	}
	fv.results[i].SetSelectedIndex(0) // yes
	if hasKey(w.problems, "plan", p.EntityID, "err.check_unanswered") && len(w.problems) > 0 {
		n := 0
		for _, q := range w.problems {
			if q.Key == "err.check_unanswered" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d unanswered checks after answering one", n)
		}
	}
	if got := errorShown(fv.checks, p.Field); got != "" {
		t.Errorf("answered check still says %q", got)
	}
}
