package wizard

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// bannerLabel is the text of the status banner ("" and nil when there is none).
func bannerLabel(w *Wizard) *widget.Label {
	l, _ := find(w.banner, func(c fyne.CanvasObject) bool {
		_, ok := c.(*widget.Label)
		return ok
	}).(*widget.Label)
	return l
}

// Ready and signed are good news: the banner is a success, not a warning; a closed year is
// plain information.
func TestBannerStyle(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	for _, tt := range []struct {
		year   int
		status domain.PlanStatus
		want   widget.Importance
	}{
		{2027, domain.PlanReady, widget.SuccessImportance},
		{2026, domain.PlanSigned, widget.SuccessImportance},
		{2025, domain.PlanClosed, widget.MediumImportance},
	} {
		d := planFor(t, s, demoBoard, tt.year)
		if d.Plan.Status != tt.status {
			if err := s.SetPlanStatus(d.Plan.ID, tt.status, d.Plan.Version); err != nil {
				t.Fatal(err)
			}
		}
		w, _ := open(t, s, d.Plan.ID)
		l := bannerLabel(w)
		if l == nil {
			t.Errorf("%s: no banner", tt.status)
			continue
		}
		if l.Importance != tt.want {
			t.Errorf("%s: banner importance %v, want %v", tt.status, l.Importance, tt.want)
		}
		if warn := find(w.banner, func(c fyne.CanvasObject) bool { ic, ok := c.(*widget.Icon); return ok && ic.Resource == w.ic.warn }); warn != nil {
			t.Errorf("%s: banner shows a warning icon", tt.status)
		}
	}
}

// After "mark ready" every step the user finished is counted, the review among them, whatever
// warnings remain; the follow-up says what it lacks.
func TestMarksAfterMarkReady(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	loc := i18n.New(i18n.Swedish)

	// Give every activity of last year a status, so the follow-up is complete.
	w.GoTo(StepFollowUp)
	for _, a := range w.d.Previous.Activities {
		if followUpLeft(&domain.PlanData{Activities: []domain.Activity{a}}) > 0 {
			w.change(edit{field: domain.FieldActivityStatus, id: a.ID, value: domain.ActivityDone, prev: true}, true)
		}
	}
	if got := w.stepLacks[StepFollowUp]; got.Visible() {
		t.Errorf("follow-up complete but says %q", got.Text)
	}
	w.GoTo(StepReview)
	if w.blocking() {
		t.Fatalf("demo plan has blocking problems: %v", w.problems)
	}
	test.Tap(w.view.(*reviewView).markBtn)
	if w.d.Plan.Status != domain.PlanReady {
		t.Fatalf("status %s after mark ready", w.d.Plan.Status)
	}
	st := w.states()
	for s, want := range [stepCount]stepState{stateDone, stateDone, stateDone, stateDone, stateDone, stateDone, stateDone, stateDone} {
		if st[s] != want {
			t.Errorf("step %d state %d, want done (missing %q)", s+1, st[s], w.missing()[s])
		}
	}
	if got, want := w.progress.Value, float64(stepCount); got != want {
		t.Errorf("progress %v, want %v", got, want)
	}
	if w.stepBtns[StepReview].Icon != w.ic.done {
		t.Error("review step not marked done on a ready plan")
	}

	// Take the follow-up status of one activity away: the step says how many lack a status.
	w.onReopen()
	// (Only a row never followed up has none: the store keeps it as NULL and refuses "".)
	w.d.Previous.Activities[0].Status = ""
	w.afterChange()
	if got, want := w.stepLacks[StepFollowUp].Text, loc.Tf("wizard.missing.followup", "Count", 1); got != want || !w.stepLacks[StepFollowUp].Visible() {
		t.Errorf("follow-up subtitle %q, want %q", got, want)
	}
	if w.stepBtns[StepFollowUp].Icon != w.ic.todo {
		t.Error("incomplete follow-up not marked todo")
	}
}

// The wizard says "Signera och spara" like the start screen, and names the follow-up's year.
func TestWording(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	for _, tt := range []struct {
		lang           i18n.Lang
		export, follow string
	}{
		{i18n.Swedish, "Signera och spara", "2. Uppföljning av årets plan (2026)"},
		{i18n.English, "Sign and save", "2. Follow-up of this year's plan (2026)"},
	} {
		win := test.NewWindow(nil)
		w, err := New(win, s, i18n.New(tt.lang), d.Plan.ID, Options{OnExport: func(int64) {}})
		if err != nil {
			t.Fatal(err)
		}
		content := w.Build()
		win.SetContent(content)
		if button(content, tt.export) == nil {
			t.Errorf("%v: no %q button", tt.lang, tt.export)
		}
		if got := w.stepBtns[StepFollowUp].Text; got != tt.follow {
			t.Errorf("%v: step 2 is %q, want %q", tt.lang, got, tt.follow)
		}
		win.Close()
	}
}

// A date that does not parse says how to write one; a date with a problem shows no tick.
func TestDateFieldMessages(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	loc := i18n.New(i18n.Swedish)
	w.GoTo(StepActivities)
	av := w.view.(*activitiesView)
	before := av.w.d.Activities[av.table.Selected()].End

	av.end.SetText("1/2 2027")
	if got, want := errorShown(av.f, "end"), loc.T("wizard.err.date_format"); got != want {
		t.Errorf("typed 1/2 2027: error %q, want %q", got, want)
	}
	if got := av.w.d.Activities[av.table.Selected()].End; !got.Equal(before) {
		t.Errorf("unparsed text saved the end date: %v", got)
	}

	// The entry's mark (red cross or green tick) follows its last validation state.
	var mark error
	av.end.SetOnValidationChanged(func(err error) { mark = err })
	start := av.w.d.Activities[av.table.Selected()].Start
	av.end.SetText(typedDate(start.AddDate(0, 0, -1)))
	if got := errorShown(av.f, "end"); got == "" || got == loc.T("wizard.err.date_format") {
		t.Errorf("end before start: error %q", got)
	}
	if mark == nil {
		t.Error("end before start: the date field shows a green tick beside its error")
	}

	av.end.SetText(typedDate(start.AddDate(0, 1, 0)))
	if got := errorShown(av.f, "end"); got != "" {
		t.Errorf("good end date: error %q", got)
	}
}

// A review row scrolls the detail form to its field (the responsible sits below the goals).
func TestJumpScrollsToField(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, _ := open(t, s, d.Plan.ID)
	a := w.d.Activities[len(w.d.Activities)-1]
	w.change(edit{field: domain.FieldActivityResponsible, id: a.ID, value: ""}, true)
	w.GoTo(StepReview)
	i := slices.IndexFunc(w.problems, func(p located) bool { return p.EntityID == a.ID && p.Field == "responsible" })
	if i < 0 {
		t.Fatal("the empty responsible is not in the review list")
	}
	w.view.(*reviewView).problems.Choose(i)
	av := w.view.(*activitiesView)
	row := av.f.rows["responsible"]
	off, view := av.f.scroll.Offset.Y, av.f.scroll.Size().Height
	if y := row.Position().Y; y < off || y+row.Size().Height > off+view+theme.Padding() {
		t.Errorf("responsible at %v..%v, scroll shows %v..%v", y, y+row.Size().Height, off, off+view)
	}
	if off == 0 {
		t.Error("the form did not scroll (the responsible is below the fold at 1280×800)")
	}
}
