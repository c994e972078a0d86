package wizard

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The whole autumn: next year's plan is made from the demo board's newest plan (one unfinished
// activity dropped with a reason, one kept as it is, the rest re-dated), then every step is
// walked as a user would: typing, picking dates, adding, duplicating, deleting and undoing rows,
// watching errors appear and clear, and finally marking the plan ready and reopening it.
func TestWalkNewPlanFromDemo(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	loc := i18n.New(i18n.Swedish)
	b := board(t, s, demoBoard)
	prev := planFor(t, s, demoBoard, 2027)

	// The carry-over dialog.
	dwin := test.NewWindow(nil)
	defer dwin.Close()
	dwin.Resize(fyne.NewSize(1280, 800))
	var created int64
	dlg, err := ShowNewPlan(dwin, s, loc, b, day(2026, 10, 1), func(id int64) { created = id })
	if err != nil || dlg == nil {
		t.Fatalf("ShowNewPlan: %v, %v", dlg, err)
	}
	if dlg.Year() != 2028 {
		t.Fatalf("new plan year %d, want 2028", dlg.Year())
	}
	cands := slices.Clone(dlg.Choices())
	if len(cands) < 3 {
		t.Fatalf("only %d unfinished activities in the demo plan", len(cands))
	}
	// Last year's annual goals are left behind here (TestNewPlanCarriesUnmetGoals carries them).
	for i := range dlg.GoalChoices() {
		dlg.SetGoalCarry(i, false)
	}
	dlg.SetChoice(0, domain.CarryDrop, "")
	dlg.Create()
	if created != 0 || !contains(dlg.Error(), cands[0].Activity.Title) {
		t.Fatalf("a drop without a reason was accepted (plan %d, error %q)", created, dlg.Error())
	}
	const reason = "Görs av kommunstyrelsen i stället"
	dlg.SetChoice(0, domain.CarryDrop, reason)
	dlg.SetChoice(1, domain.CarryKeep, "")
	dlg.Create()
	if created == 0 {
		t.Fatalf("no plan created: %q", dlg.Error())
	}
	after := stored(t, s, prev.Plan.ID)
	if a, _ := activity(after, cands[0].Activity.ID); a.Status != domain.ActivityDropped || !contains(a.FollowUpComment, reason) {
		t.Errorf("dropped activity in last year's plan: %+v", a)
	}
	cands = dlg.Choices()
	d := stored(t, s, created)
	if len(d.Activities) != len(cands)-1 || len(d.Trainings) != len(prev.Trainings) || len(d.Checkpoints) != len(prev.Checkpoints) {
		t.Fatalf("new plan has %d activities, %d trainings, %d checkpoints", len(d.Activities), len(d.Trainings), len(d.Checkpoints))
	}
	linked := 0
	for _, a := range d.Activities {
		c := cands[slices.IndexFunc(cands, func(c domain.CarryChoice) bool { return c.Activity.ID == a.CarriedFrom })]
		want := domain.Redate(c.Activity.Start, 1)
		if c.Action == domain.CarryKeep {
			want = c.Activity.Start
		}
		if !a.Start.Equal(want) {
			t.Errorf("%q starts %v, want %v", a.Title, a.Start, want)
		}
		if !slices.Equal(a.SystemIDs, c.Activity.SystemIDs) {
			t.Errorf("%q linked to systems %v, last year %v", a.Title, a.SystemIDs, c.Activity.SystemIDs)
		}
		linked += len(a.SystemIDs)
	}

	if linked == 0 {
		t.Error("no carried activity is linked to the register: the test proves nothing about links")
	}
	w, win := open(t, s, created)
	if w.Step() != StepPlan {
		t.Fatalf("a new plan opens at step %d", w.Step())
	}

	// 1. Plan: a required field, emptied and filled; Ctrl+S and PageDown from inside the input.
	pv := w.view.(*planView)
	typeInto(pv.responsible, "")
	if got := errorShown(pv.f, "responsible"); !contains(got, "ansvarig") {
		t.Errorf("empty responsible: error %q", got)
	}
	if w.stepBtns[StepPlan].Icon != w.ic.err {
		t.Error("step 1 not marked as having an error")
	}
	typeInto(pv.responsible, "Förvaltningschef Eva Ek")
	if got := errorShown(pv.f, "responsible"); got != "" {
		t.Errorf("error stays after typing: %q", got)
	}
	pv.responsible.TypedShortcut(ctrl(fyne.KeyS))
	if got := stored(t, s, created).Plan.Responsible; got != "Förvaltningschef Eva Ek" {
		t.Errorf("after Ctrl+S the store has %q", got)
	}
	if !contains(w.status.Text, "Sparat") {
		t.Errorf("no save confirmation: %q", w.status.Text)
	}
	pv.responsible.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if w.Step() != StepFollowUp {
		t.Fatalf("PageDown went to step %d", w.Step())
	}

	// 2. Follow-up of 2027: status, a percent out of range refused, a biennial check.
	fv := w.view.(*followUpView)
	followed := fv.ref.id
	if followed == 0 {
		t.Fatal("no activity selected in the follow-up")
	}
	fv.status.SetSelectedIndex(0) // genomförd
	typeInto(fv.percent, "150")
	if got := errorShown(fv.f, "percent_done"); !contains(got, "100") {
		t.Errorf("percent 150: error %q", got)
	}
	typeInto(fv.percent, "100")
	if got := errorShown(fv.f, "percent_done"); got != "" {
		t.Errorf("percent 100: error %q", got)
	}
	fv.results[0].SetSelectedIndex(0) // ja
	w.HandleKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	prevNow := stored(t, s, prev.Plan.ID)
	if a, _ := activity(prevNow, followed); a.Status != domain.ActivityDone || a.PercentDone != 100 {
		t.Errorf("follow-up not saved: %+v", a)
	}
	if prevNow.Plan.Checks[0].Result != domain.CheckYes {
		t.Errorf("check not saved: %+v", prevNow.Plan.Checks)
	}

	// 3. Annual goals: Ctrl+N, the errors of an empty goal, then filling it in.
	ng := len(w.d.AnnualGoals)
	w.HandleShortcut(ctrl(fyne.KeyN))
	gv := w.view.(*goalsView)
	if len(w.d.AnnualGoals) != ng+1 || gv.ref.id == 0 {
		t.Fatalf("Ctrl+N: %d annual goals, selected %d", len(w.d.AnnualGoals), gv.ref.id)
	}
	gid := gv.ref.id
	if win.Canvas().Focused() != fyne.Focusable(gv.text) {
		t.Error("the cursor is not in the new annual goal's text")
	}
	for _, f := range []string{"text", "indicator", "target", "activities"} {
		if errorShown(gv.f, f) == "" {
			t.Errorf("empty annual goal: no error under %s", f)
		}
	}
	typeInto(gv.text, "Alla elevsystem är klassade")
	typeInto(gv.indicator, "Andel klassade elevsystem")
	typeInto(gv.target, "100 %")
	tapCheck(gv.goals[6]) // mål 7: hotbilden analyseras
	for _, f := range []string{"text", "indicator", "target", "goals"} {
		if got := errorShown(gv.f, f); got != "" {
			t.Errorf("filled annual goal: error under %s: %q", f, got)
		}
	}
	if errorShown(gv.f, "activities") == "" {
		t.Error("an annual goal without an activity under it does not say so")
	}
	w.HandleKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if g, err := s.AnnualGoal(gid); err != nil || g.Text != "Alla elevsystem är klassade" || g.Target != "100 %" || !slices.Equal(g.Goals, []int{7}) {
		t.Fatalf("stored annual goal %+v %v", g, err)
	}

	// 4. Activities: Ctrl+N, the errors of an empty row, then filling it in.
	n := len(w.d.Activities)
	w.HandleShortcut(ctrl(fyne.KeyN))
	av := w.view.(*activitiesView)
	if len(w.d.Activities) != n+1 || av.ref.id == 0 {
		t.Fatalf("Ctrl+N: %d activities, selected %d", len(w.d.Activities), av.ref.id)
	}
	id := av.ref.id
	if win.Canvas().Focused() != fyne.Focusable(av.title) {
		t.Error("the cursor is not in the new activity's title")
	}
	for _, f := range []string{"title", "description", "responsible", "goals", "start", "end"} {
		if errorShown(av.f, f) == "" {
			t.Errorf("empty new activity: no error under %s", f)
		}
	}
	test.Type(av.title, "Informationsklassning av elevsystemen")
	typeInto(av.description, "Klassa elevsystemen med KLASSA tillsammans med systemförvaltarna.")
	typeInto(av.responsible, "IT-samordnare")
	tapCheck(av.goals[0])
	if errorShown(av.f, "goals") != "" {
		t.Error("goal error stays after ticking goal 1")
	}
	// Pick a start date in the calendar: it opens in the plan's year 2028.
	test.WidgetRenderer(av.start)
	test.Tap(av.start.ActionItem.(*widget.Button))
	if pop := win.Canvas().Overlays().Top(); pop == nil {
		t.Fatal("the calendar did not open")
	} else {
		test.Tap(button(pop, "15"))
	}
	if a, _ := activity(w.d, id); a.Start.Day() != 15 || a.Start.Year() != 2028 {
		t.Fatalf("picked start %v", a.Start)
	}
	// A start typed outside 2028 is a warning.
	typeInto(av.start, typedDate(day(2027, 12, 15)))
	if got := errorShown(av.f, "start"); !contains(got, "2028") {
		t.Errorf("start outside the year: %q", got)
	}
	av.start.SetText(typedDate(day(2028, 3, 1)))
	av.end.SetText(typedDate(day(2028, 2, 1)))
	if got := errorShown(av.f, "end"); !contains(got, "före") {
		t.Errorf("end before start: %q", got)
	}
	av.end.SetText(typedDate(day(2028, 6, 30)))
	for _, f := range []string{"title", "description", "responsible", "goals", "start", "end"} {
		if got := errorShown(av.f, f); got != "" {
			t.Errorf("filled activity: error under %s: %q", f, got)
		}
	}
	win.Canvas().Focus(av.description) // the title loses the focus: saved
	win.Canvas().Focus(av.title)       // and the description
	a, ok := activity(stored(t, s, created), id)
	if !ok || a.Title != "Informationsklassning av elevsystemen" || a.Responsible != "IT-samordnare" ||
		!slices.Equal(a.Goals, []int{1}) || !a.Start.Equal(day(2028, 3, 1)) || !a.End.Equal(day(2028, 6, 30)) || a.Description == "" {
		t.Fatalf("stored activity %+v", a)
	}
	// Under the new annual goal: it serves goal 7 through it, ticked and fixed, and the goal has
	// an activity now.
	if errorShown(av.f, "annual_goal") == "" {
		t.Error("an activity under no annual goal does not say so")
	}
	av.annual.SetSelectedIndex(indexOf(av.annualValues(), gid))
	if a, _ := activity(stored(t, s, created), id); a.AnnualGoalID != gid || !slices.Equal(a.Goals, []int{1}) {
		t.Fatalf("activity under the annual goal: %+v", a)
	}
	if !av.goals[6].Checked || !av.goals[6].Disabled() || av.goals[0].Disabled() {
		t.Error("goal 7 of the annual goal is not shown ticked and fixed")
	}
	if errorShown(av.f, "annual_goal") != "" || len(w.problemsOf("annual_goal", gid)) != 0 {
		t.Errorf("problems remain: %q %v", errorShown(av.f, "annual_goal"), w.problemsOf("annual_goal", gid))
	}

	// Duplicate, delete (asks), undo, redo, undo.
	test.Tap(av.dupBtn)
	av = w.view.(*activitiesView)
	copyID := av.ref.id
	if c, _ := activity(stored(t, s, created), copyID); copyID == id || c.Title != "Informationsklassning av elevsystemen (kopia)" {
		t.Fatalf("duplicate %d: %+v", copyID, c)
	}
	test.Tap(av.delBtn)
	if w.confirm == nil {
		t.Fatal("delete did not ask")
	}
	w.confirm.Confirm()
	if _, ok := activity(stored(t, s, created), copyID); ok {
		t.Fatal("the copy is still stored after delete")
	}
	w.HandleShortcut(&fyne.ShortcutUndo{})
	if _, ok := activity(stored(t, s, created), copyID); !ok {
		t.Fatal("undo did not bring the deleted row back with its id")
	}
	w.HandleShortcut(ctrlShift(fyne.KeyZ))
	if _, ok := activity(stored(t, s, created), copyID); ok {
		t.Fatal("redo did not delete again")
	}
	w.Undo()
	if _, ok := activity(stored(t, s, created), copyID); !ok {
		t.Fatal("second undo")
	}

	// 4. Resources: a negative amount is refused, a good one updates the totals at once.
	w.GoTo(StepResources)
	rv := w.view.(*resourcesView)
	if !rv.focus("activity", id, "internal_hours") {
		t.Fatal("resources: cannot select the new activity")
	}
	before := rv.totals.cells[0][4].Text
	typeInto(rv.amounts["internal_hours"], "-5")
	if got := errorShown(rv.f, "internal_hours"); !contains(got, "negativ") {
		t.Errorf("negative hours: %q", got)
	}
	if rv.totals.cells[0][4].Text != before {
		t.Error("a refused amount changed the totals")
	}
	typeInto(rv.amounts["internal_hours"], "120")
	typeInto(rv.amounts["operating_cost"], "35 000")
	tot := domain.SumResources(w.d.Activities, 2028)
	if got, want := rv.totals.cells[0][4].Text, loc.Number(tot.Year.InternalHours); got != want {
		t.Errorf("year internal hours %q, want %q", got, want)
	}
	if got, want := rv.totals.cells[3][0].Text, loc.Number(tot.Quarters[0].OperatingCost); got != want {
		t.Errorf("Q1 operating cost %q, want %q", got, want)
	}

	// 5. Information and training: a new event with two dates.
	w.GoTo(StepTrainings)
	w.HandleShortcut(ctrl(fyne.KeyN))
	tv := w.view.(*trainingsView)
	test.Type(tv.title, "Introduktion för nyanställda")
	typeInto(tv.target, "Nyanställda")
	typeInto(tv.responsible, "HR")
	typeInto(tv.participants, "40")
	tv.format.SetSelectedIndex(2)
	tv.dates.entries[0].SetText(typedDate(day(2028, 2, 10)))
	test.Tap(tv.dates.addBtn)
	tv.dates.entries[1].SetText(typedDate(day(2028, 9, 7)))
	if got := errorShown(tv.f, "dates"); got != "" {
		t.Errorf("dates error %q", got)
	}

	// 6. Follow-up and reporting: a new checkpoint.
	w.GoTo(StepCheckpoints)
	w.HandleShortcut(ctrl(fyne.KeyN))
	cv := w.view.(*checkpointsView)
	if errorShown(cv.f, "method") == "" {
		t.Error("new checkpoint without method shows no error")
	}
	cv.date.SetText(typedDate(day(2029, 2, 15)))
	cv.reportTo.SetText(loc.T("wizard.checkpoint.to.board"))
	typeInto(cv.method, "Årsrapport om genomförda åtgärder")

	// 7. Review: nothing blocks, mark ready, the plan turns read-only, reopen.
	w.GoTo(StepReview)
	if w.blocking() {
		for _, p := range w.problems {
			if p.Severity == domain.Blocking {
				t.Errorf("blocking: %s (%s %d %s)", p.Text(loc), p.Entity, p.EntityID, p.Field)
			}
		}
		t.FailNow()
	}
	rev := w.view.(*reviewView)
	if rev.markBtn.Disabled() {
		t.Fatal("mark ready disabled with nothing blocking")
	}
	test.Tap(rev.markBtn)
	if got := stored(t, s, created).Plan.Status; got != domain.PlanReady {
		t.Fatalf("status %q after mark ready", got)
	}
	w.GoTo(StepActivities)
	av = w.view.(*activitiesView)
	if !av.title.Disabled() || !av.addBtn.Disabled() || !av.goals[0].Disabled() || !av.start.Disabled() {
		t.Error("a ready plan's inputs are not disabled")
	}
	w.HandleShortcut(ctrl(fyne.KeyN))
	if len(stored(t, s, created).Activities) != len(w.d.Activities) {
		t.Error("Ctrl+N added a row to a ready plan")
	}
	reopen := button(w.banner, loc.T("wizard.reopen"))
	if reopen == nil {
		t.Fatal("no reopen button on a ready plan")
	}
	test.Tap(reopen)
	if got := stored(t, s, created).Plan.Status; got != domain.PlanDraft {
		t.Fatalf("status %q after reopen", got)
	}
	if av = w.view.(*activitiesView); av.title.Disabled() {
		t.Error("inputs still disabled after reopen")
	}
	log, err := s.Audit("plan", created)
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, e := range log {
		if e.Field == "status" {
			statuses = append(statuses, e.Old+"→"+e.New)
		}
	}
	if !slices.Equal(statuses, []string{"draft→ready", "ready→draft"}) {
		t.Errorf("audit of status: %v", statuses)
	}
}

// A board's first plan: created at once (nothing to carry over), no follow-up to do, and the
// plan-wide problems ("no activities") shown on their step until fixed.
func TestFirstPlanWithoutHistory(t *testing.T) {
	test.NewTempApp(t)
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	bid, err := s.AddBoard("Valnämnden")
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	var created int64
	dlg, err := ShowNewPlan(win, s, i18n.New(i18n.Swedish), domain.Board{ID: bid, Name: "Valnämnden"}, day(2026, 9, 1), func(id int64) { created = id })
	if err != nil || dlg != nil || created == 0 {
		t.Fatalf("first plan: dialog %v, err %v, id %d", dlg, err, created)
	}
	w, _ := open(t, s, created)
	if w.d.Plan.Year != 2027 || w.d.Previous != nil {
		t.Fatalf("first plan %+v", w.d.Plan)
	}
	if st := w.states(); st[StepFollowUp] != stateDone || st[StepActivities] != stateBlocking || st[StepTrainings] != stateBlocking {
		t.Errorf("step marks %v", st)
	}
	w.GoTo(StepFollowUp)
	if _, ok := w.view.(*followUpView); !ok || w.stepIssues.Visible() {
		t.Error("follow-up step of a first plan")
	}
	w.GoTo(StepActivities)
	if !w.stepIssues.Visible() || !contains(w.stepIssues.Text, "inga åtgärder") {
		t.Errorf("step issues %q", w.stepIssues.Text)
	}
	w.NewRow()
	if contains(w.stepIssues.Text, "inga åtgärder") {
		t.Errorf("step issue stays after adding an activity: %q", w.stepIssues.Text)
	}
	w.Undo()
	if len(stored(t, s, created).Activities) != 0 || !contains(w.stepIssues.Text, "inga åtgärder") {
		t.Error("undo of the only activity")
	}
}

// Every edit is undoable and redoable through the store, in order, and undo jumps to the step
// where the change was made.
func TestUndoRedoFieldEdits(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepActivities)
	av := w.view.(*activitiesView)
	id := av.ref.id
	old, _ := activity(d, id)
	typeInto(av.title, "Ny rubrik")
	w.GoTo(StepPlan)
	pv := w.view.(*planView)
	typeInto(pv.contact, "Kim Kontakt")
	w.Save()
	if a, _ := activity(stored(t, s, d.Plan.ID), id); a.Title != "Ny rubrik" {
		t.Fatalf("title not saved: %q", a.Title)
	}
	steps := []struct {
		do      func()
		title   string
		contact string
		step    int
	}{
		{w.Undo, "Ny rubrik", d.Plan.Contact, StepPlan},
		{w.Undo, old.Title, d.Plan.Contact, StepActivities},
		{w.Undo, old.Title, d.Plan.Contact, StepActivities}, // nothing left: no change
		{w.Redo, "Ny rubrik", d.Plan.Contact, StepActivities},
		{w.Redo, "Ny rubrik", "Kim Kontakt", StepPlan},
	}
	for i, st := range steps {
		st.do()
		got := stored(t, s, d.Plan.ID)
		a, _ := activity(got, id)
		if a.Title != st.title || got.Plan.Contact != st.contact || w.Step() != st.step {
			t.Errorf("step %d: title %q contact %q at step %d; want %q %q %d", i, a.Title, got.Plan.Contact, w.Step(), st.title, st.contact, st.step)
		}
	}
	// Ctrl+Z typed inside an input undoes the store edit too (what was typed is saved first).
	pv = w.view.(*planView)
	typeInto(pv.contact, "Skrivet och ångrat")
	pv.contact.TypedShortcut(&fyne.ShortcutUndo{})
	if got := stored(t, s, d.Plan.ID).Plan.Contact; got != "Kim Kontakt" {
		t.Errorf("Ctrl+Z in the input: contact %q", got)
	}
	// A new edit clears what could be redone.
	w.GoTo(StepPlan)
	typeInto(w.view.(*planView).dnr, "SN 2027/12")
	w.Flush()
	if w.undo.CanRedo() {
		t.Error("redo still possible after a new edit")
	}
}

// Build the wizard, edit, drop it, build it again from the same database: same data, same step,
// same row.
func TestResumeWhereLeft(t *testing.T) {
	test.NewTempApp(t)
	s, path := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepTrainings)
	tv := w.view.(*trainingsView)
	second := d.Trainings[1].ID
	tv.focus("training", second, "evaluation")
	typeInto(tv.evaluation, "Enkät direkt efter tillfället")
	// The window closes: the shell flushes what is being typed.
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2 := openStore(t, path)
	defer s2.Close()
	w2, _ := open(t, s2, d.Plan.ID)
	if w2.Step() != StepTrainings {
		t.Fatalf("resumed at step %d", w2.Step())
	}
	tv2 := w2.view.(*trainingsView)
	if tv2.ref.id != second {
		t.Errorf("resumed with training %d selected, want %d", tv2.ref.id, second)
	}
	if tv2.evaluation.Text != "Enkät direkt efter tillfället" {
		t.Errorf("resumed evaluation %q", tv2.evaluation.Text)
	}
}

// A plan marked ready is read-only in every step; a closed plan only in its follow-up.
func TestEditableByStatus(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	tests := []struct {
		year     int
		status   domain.PlanStatus
		opensAt  int
		editable []int
	}{
		{2027, domain.PlanDraft, StepPlan, []int{StepPlan, StepFollowUp, StepGoals, StepActivities, StepResources, StepTrainings, StepCheckpoints, StepReview}},
		{2026, domain.PlanSigned, StepPlan, []int{StepPlan, StepFollowUp, StepGoals, StepActivities, StepResources, StepTrainings, StepCheckpoints, StepReview}},
		{2025, domain.PlanClosed, StepFollowUp, []int{StepFollowUp}},
	}
	for _, tt := range tests {
		d := planFor(t, s, demoBoard, tt.year)
		if d.Plan.Status != tt.status {
			t.Fatalf("demo plan %d is %s", tt.year, d.Plan.Status)
		}
		w, _ := open(t, s, d.Plan.ID)
		if w.Step() != tt.opensAt {
			t.Errorf("%s plan opens at step %d", tt.status, w.Step())
		}
		for step := range stepCount {
			if got, want := w.canEdit(step), slices.Contains(tt.editable, step); got != want {
				t.Errorf("%s plan, step %d: editable %v", tt.status, step, got)
			}
		}
	}
	// Ready: every input of the activities step is disabled, and the banner says why.
	d := planFor(t, s, demoBoard, 2027)
	if err := s.SetPlanStatus(d.Plan.ID, domain.PlanReady, 0); err != nil {
		t.Fatal(err)
	}
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepActivities)
	av := w.view.(*activitiesView)
	for _, in := range av.f.inputs {
		if !in.Disabled() {
			t.Errorf("input %T enabled on a ready plan", in)
		}
	}
	if len(w.banner.Objects) == 0 {
		t.Error("no banner on a ready plan")
	}
	// Editing a signed plan's content makes it a draft again (the store does it; the title shows it).
	signed := planFor(t, s, demoBoard, 2026)
	w, _ = open(t, s, signed.Plan.ID)
	typeInto(w.view.(*planView).contact, "Ny kontakt")
	w.Flush()
	if w.d.Plan.Status != domain.PlanDraft || !contains(w.title.Text, "Utkast") {
		t.Errorf("signed plan after an edit: %s, title %q", w.d.Plan.Status, w.title.Text)
	}
}

// Every problem of the review jumps to its step, selects its row and puts the cursor in its field.
func TestReviewJumpsToField(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	target := d.Activities[3]
	if _, err := s.SetField(domain.FieldActivityResponsible, target.ID, ""); err != nil {
		t.Fatal(err)
	}
	w, win := open(t, s, d.Plan.ID)
	w.GoTo(StepReview)
	rv := w.view.(*reviewView)
	i := slices.IndexFunc(w.problems, func(p located) bool { return p.EntityID == target.ID && p.Field == "responsible" })
	if i < 0 {
		t.Fatal("the empty responsible is not in the review list")
	}
	rv.problems.Choose(i)
	if w.Step() != StepActivities {
		t.Fatalf("jumped to step %d", w.Step())
	}
	av := w.view.(*activitiesView)
	if av.ref.id != target.ID || win.Canvas().Focused() != fyne.Focusable(av.responsible) {
		t.Errorf("jumped to row %d, focus %T", av.ref.id, win.Canvas().Focused())
	}
	if !rv.markBtn.Disabled() {
		t.Error("mark ready enabled with a blocking problem")
	}

	// Register problems are listed too; they open the register (outside the wizard) when it can.
	var opened int64
	w.opt.OnSystem = func(id int64) { opened = id }
	w.GoTo(StepReview)
	rv = w.view.(*reviewView)
	i = slices.IndexFunc(w.problems, func(p located) bool { return p.Entity == "system" })
	if i < 0 {
		t.Fatal("the demo register has no problem to list")
	}
	sys := w.problems[i]
	if name := w.rowLabel(sys); !slices.ContainsFunc(w.d.Systems, func(x domain.System) bool { return x.Name == name && x.ID == sys.EntityID }) {
		t.Errorf("register problem labelled %q", name)
	}
	rv.problems.Choose(i)
	if opened != sys.EntityID || w.Step() != StepReview {
		t.Errorf("register problem opened %d (want %d), step %d", opened, sys.EntityID, w.Step())
	}

	// A general requirement not met, with no activity for it, opens the plan's checklist at it.
	if _, err := s.SetChecklist(d.Plan.ID, "records_plan", "status", domain.ChecklistNotMet); err != nil {
		t.Fatal(err)
	}
	var checklistPlan int64
	var requirement string
	w.opt.OnChecklist = func(plan int64, req string) { checklistPlan, requirement = plan, req }
	w.reload()
	w.GoTo(StepReview)
	rv = w.view.(*reviewView)
	i = slices.IndexFunc(w.problems, func(p located) bool { return p.Entity == "checklist" && p.Field == "records_plan" })
	if i < 0 {
		t.Fatalf("the unmet requirement is not in the review list: %v", w.problems)
	}
	rv.problems.Choose(i)
	if checklistPlan != d.Plan.ID || requirement != "records_plan" || w.Step() != StepReview {
		t.Errorf("checklist problem opened plan %d at %q, step %d", checklistPlan, requirement, w.Step())
	}
}

// Tapping a column title sorts by it; tapping again reverses.
func TestSortByColumn(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	w.GoTo(StepActivities)
	av := w.view.(*activitiesView)
	loc := w.loc
	titles := func() []string {
		var out []string
		for _, i := range av.table.Order() {
			out = append(out, w.d.Activities[i].Title)
		}
		return out
	}
	test.Tap(av.table.Head(0))
	asc := titles()
	if !slices.IsSortedFunc(asc, loc.Compare) {
		t.Errorf("not sorted by title: %v", asc)
	}
	test.Tap(av.table.Head(0))
	desc := titles()
	slices.Reverse(desc)
	if !slices.Equal(asc, desc) {
		t.Errorf("second tap does not reverse: %v", desc)
	}
	// The selection follows its row through a sort.
	sel := av.ref.id
	test.Tap(av.table.Head(2))
	if cur := w.d.Activities[av.table.Selected()].ID; cur != sel {
		t.Errorf("selection moved from %d to %d", sel, cur)
	}
}

// Pure helpers.
func TestStepOf(t *testing.T) {
	tests := []struct {
		p    domain.Problem
		want int
	}{
		{domain.Problem{Entity: "plan", Field: "responsible"}, StepPlan},
		{domain.Problem{Entity: "plan", Field: "activities"}, StepActivities},
		{domain.Problem{Entity: "plan", Field: "goals"}, StepActivities},
		{domain.Problem{Entity: "plan", Field: "trainings"}, StepTrainings},
		{domain.Problem{Entity: "plan", Field: "checkpoints"}, StepCheckpoints},
		{domain.Problem{Entity: "activity", Field: "end"}, StepActivities},
		{domain.Problem{Entity: "activity", Field: "investment"}, StepResources},
		{domain.Problem{Entity: "training", Field: "dates"}, StepTrainings},
		{domain.Problem{Entity: "checkpoint", Field: "date"}, StepCheckpoints},
	}
	for _, tt := range tests {
		if got := stepOf(tt.p); got != tt.want {
			t.Errorf("stepOf(%+v) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

func TestSame(t *testing.T) {
	t0 := day(2027, 1, 1)
	tests := []struct {
		a, b any
		want bool
	}{
		{"a", "a", true}, {int64(3), int64(3), true}, {int64(3), "3", true}, {t0, t0.In(time.Local), true},
		{[]time.Time(nil), []time.Time{}, true}, {[]int{1, 2}, []int{1, 2}, true}, {[]int{1}, []int{2}, false},
		{[]int64{4}, []int64{4}, true}, {t0, day(2027, 1, 2), false},
	}
	for _, tt := range tests {
		if got := same(tt.a, tt.b); got != tt.want {
			t.Errorf("same(%v, %v) = %v", tt.a, tt.b, got)
		}
	}
}
