package register

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// A user adds a system to the demo board's register and fills it in: a name (empty and taken
// names refused), the owner, the levels, a date picked in the calendar, the security plan;
// warnings appear and clear on the way, undo and redo take changes back and forth.
func TestAddAndFillSystem(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, win := open(t, s, board, i18n.Swedish)
	before := len(v.rows)
	if before == 0 {
		t.Fatal("the demo board has an empty register: the test proves nothing")
	}
	if v.Selected() != v.rows[v.table.Order()[0]].ID {
		t.Errorf("selected %d at start, want the first row", v.Selected())
	}

	// Ctrl+N, typed inside an input: a new row, selected, with a free name, the cursor in it.
	v.form.description.TypedShortcut(ctrl(fyne.KeyN))
	if len(v.rows) != before+1 {
		t.Fatalf("%d rows after Ctrl+N, want %d", len(v.rows), before+1)
	}
	id := v.Selected()
	x, ok := stored(t, s, board, id)
	if !ok || x.Name != "Nytt system" || x.Confidentiality != -1 || x.SecurityPlan != domain.SecurityPlanNone {
		t.Fatalf("new system stored as %+v (%v)", x, ok)
	}
	if win.Canvas().Focused() != v.form.name {
		t.Errorf("focus on %T after Ctrl+N, want the name", win.Canvas().Focused())
	}
	if got := errorShown(v, "owner"); got != "Fyll i informationsägare." {
		t.Errorf("new system without owner: %q under the owner", got)
	}
	if l := v.form.f.errs["owner"]; l.Position().Y < v.form.owner.Position().Y+v.form.owner.Size().Height {
		t.Errorf("the sentence is drawn over the owner input (y %v, input ends at %v)", l.Position().Y,
			v.form.owner.Position().Y+v.form.owner.Size().Height)
	}
	if v.mark(v.index(id)) != v.ic.err {
		t.Error("the new row is not marked as having an error")
	}
	// A second new system gets the next free name.
	v.NewRow()
	second := v.Selected()
	if x, _ := stored(t, s, board, second); x.Name != "Nytt system 2" {
		t.Errorf("second new system named %q", x.Name)
	}
	v.Undo()
	if _, ok := stored(t, s, board, second); ok || v.Selected() == second {
		t.Fatal("undo did not take the second new system away")
	}
	v.show(id)

	// The name: typed and saved with Ctrl+S; emptied and taken names are refused, not saved.
	typeInto(v.form.name, "Elevhälsans enkäter")
	v.form.name.TypedShortcut(ctrl(fyne.KeyS))
	if x, _ := stored(t, s, board, id); x.Name != "Elevhälsans enkäter" {
		t.Errorf("after Ctrl+S the name is %q", x.Name)
	}
	if !strings.Contains(v.status.Text, "Sparat") {
		t.Errorf("no save confirmation: %q", v.status.Text)
	}
	for _, tc := range []struct{ typed, want string }{
		{"", "Fyll i namn."},
		{"Skolplattform", "Det finns redan ett system med det namnet i förteckningen."},
	} {
		typeInto(v.form.name, tc.typed)
		if got := errorShown(v, "name"); got != tc.want {
			t.Errorf("name %q: %q under the field, want %q", tc.typed, got, tc.want)
		}
		if err := v.Flush(); err != nil {
			t.Fatalf("flush after name %q: %v", tc.typed, err)
		}
		if x, _ := stored(t, s, board, id); x.Name != "Elevhälsans enkäter" {
			t.Errorf("name %q was saved: %q", tc.typed, x.Name)
		}
	}
	typeInto(v.form.name, "Elevhälsans enkäter")
	if got := errorShown(v, "name"); got != "" {
		t.Errorf("a good name still shows %q", got)
	}

	// The owner: the error goes as soon as something is typed.
	typeInto(v.form.owner, "Verksamhetschef elevhälsa")
	if got := errorShown(v, "owner"); got != "" {
		t.Errorf("owner typed, still %q", got)
	}
	v.form.owner.OnSubmitted(v.form.owner.Text) // Enter
	if x, _ := stored(t, s, board, id); x.Owner != "Verksamhetschef elevhälsa" {
		t.Errorf("owner stored as %q", x.Owner)
	}
	// A system below the basnivå is worth a look (the policy's "ska"); ticking it clears that.
	if got := errorShown(v, "baseline_met"); !strings.Contains(got, "basnivån") || v.mark(v.index(id)) != v.ic.warn {
		t.Errorf("below the basnivå: %q, mark %v", got, v.mark(v.index(id)))
	}
	test.Tap(v.form.baseline)
	if v.mark(v.index(id)) != v.ic.warn || v.form.work.buttons[domain.RuleNotClassified] == nil || len(v.form.work.buttons) != 1 {
		t.Errorf("an unclassified row: mark %v, to-do %v; want a warning and one thing to do (classify)", v.mark(v.index(id)), v.form.work.buttons)
	}

	// Levels: K 3 makes the highest level 3 Allvarlig and asks for a risk analysis and a
	// deepened plan.
	v.form.levels[0].SetSelectedIndex(4)
	v.form.levels[3].SetSelectedIndex(2)
	x, _ = stored(t, s, board, id)
	if x.Confidentiality != 3 || x.Traceability != 1 || x.Integrity != -1 {
		t.Fatalf("levels stored K%d R%d S%d", x.Confidentiality, x.Integrity, x.Traceability)
	}
	if v.form.highest.Text != "3 Allvarlig" {
		t.Errorf("highest level shown as %q", v.form.highest.Text)
	}
	if row := shownRow(v, id); row[2] != "3" || row[3] != "–" || row[6] != "3 Allvarlig" {
		t.Errorf("table row %q", row)
	}
	if got := errorShown(v, "risk_analysis_at"); !strings.Contains(got, "nivå 3") || !strings.Contains(got, "riskanalys") {
		t.Errorf("no risk analysis warning: %q", got)
	}
	if got := errorShown(v, "security_plan"); !strings.Contains(got, "fördjupad") {
		t.Errorf("no deepened plan warning: %q", got)
	}
	if v.form.f.errs["risk_analysis_at"].Importance != widget.WarningImportance || v.mark(v.index(id)) != v.ic.warn {
		t.Error("a warning is shown as an error")
	}

	// A date picked in the calendar clears the risk analysis warning.
	test.Tap(v.form.riskAt.ActionItem.(*widget.Button))
	pop := win.Canvas().Overlays().Top()
	if pop == nil {
		t.Fatal("the calendar did not open")
	}
	test.Tap(button(pop, "15"))
	now := time.Now()
	want := time.Date(now.Year(), now.Month(), 15, 0, 0, 0, 0, time.UTC)
	if x, _ := stored(t, s, board, id); !x.RiskAnalysisAt.Equal(want) {
		t.Errorf("risk analysis stored as %v, want %v", x.RiskAnalysisAt, want)
	}
	if got := errorShown(v, "risk_analysis_at"); got != "" {
		t.Errorf("risk analysis warning stays: %q", got)
	}

	// The deepened plan clears the last warning; undo brings it back, redo takes it away.
	v.form.secPlan.SetSelectedIndex(2)
	if x, _ := stored(t, s, board, id); x.SecurityPlan != domain.SecurityPlanDeepened {
		t.Errorf("security plan stored as %q", x.SecurityPlan)
	}
	if got := errorShown(v, "security_plan"); got != "" {
		t.Errorf("deepened plan: warning %q", got)
	}
	if _, ok := v.form.work.buttons[domain.RuleNoDeepenedPlan]; ok {
		t.Error("deepened plan: still on the to-do strip")
	}
	v.form.owner.TypedShortcut(&fyne.ShortcutUndo{})
	if x, _ := stored(t, s, board, id); x.SecurityPlan != domain.SecurityPlanNone {
		t.Errorf("after undo the security plan is %q", x.SecurityPlan)
	}
	if v.form.secPlan.SelectedIndex() != 0 || errorShown(v, "security_plan") == "" {
		t.Errorf("after undo the form shows plan %d, warning %q", v.form.secPlan.SelectedIndex(), errorShown(v, "security_plan"))
	}
	if win.Canvas().Focused() != v.form.secPlan {
		t.Errorf("undo put the focus on %T, want the security plan", win.Canvas().Focused())
	}
	v.form.owner.TypedShortcut(ctrlShift(fyne.KeyZ))
	if x, _ := stored(t, s, board, id); x.SecurityPlan != domain.SecurityPlanDeepened {
		t.Errorf("after redo the security plan is %q", x.SecurityPlan)
	}

	// The classification done in every aspect, with its date: nothing left to do.
	v.form.levels[1].SetSelectedIndex(2)
	v.form.levels[2].SetSelectedIndex(2)
	if got := errorShown(v, "classified_at"); !strings.Contains(got, "inget datum") {
		t.Errorf("undated classification: %q", got)
	}
	cl := time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	v.form.classifiedAt.SetDate(&cl)
	if x, _ := stored(t, s, board, id); x.ClassifiedAt != time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC) {
		t.Errorf("classified at %v", x.ClassifiedAt)
	}
	if v.mark(v.index(id)) != nil || len(v.form.work.buttons) != 0 {
		t.Errorf("a complete row: mark %v, to do %v", v.mark(v.index(id)), v.form.work.buttons)
	}

	// Sensitive: ticked, saved, shown in the table.
	v.form.sensitive.SetChecked(true)
	if x, _ := stored(t, s, board, id); !x.Sensitive {
		t.Error("sensitive not stored")
	}
	if row := shownRow(v, id); row[len(row)-1] != "✓" {
		t.Errorf("sensitive not shown in the table: %q", row)
	}
	if !strings.Contains(v.info.Text, "system") {
		t.Errorf("count line %q", v.info.Text)
	}
}

// systemValue is f's value in row x.
func systemValue(f domain.Field, x *domain.System) any {
	v, _ := f.Value(x)
	return v
}

// Every field the form edits reaches the store in the type SetField wants, and undo puts the
// old value back.
func TestEveryFieldSavedAndUndone(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, _ := open(t, s, board, i18n.Swedish)
	x := byName(t, v, "Schemaläggningssystem")
	day := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	val := func(v any) func(domain.System) any { return func(domain.System) any { return v } }
	flip := func(get func(domain.System) bool) func(domain.System) any {
		return func(x domain.System) any { return !get(x) }
	}
	tests := []struct {
		field domain.Field
		value func(before domain.System) any
		got   func(domain.System) any
	}{
		{domain.FieldSystemName, val("Schemasystem"), func(x domain.System) any { return x.Name }},
		{domain.FieldSystemDescription, val("Scheman"), func(x domain.System) any { return x.Description }},
		{domain.FieldSystemOwner, val("Rektor"), func(x domain.System) any { return x.Owner }},
		{domain.FieldSystemConfidentiality, val(int64(4)), func(x domain.System) any { return int64(x.Confidentiality) }},
		{domain.FieldSystemIntegrity, val(int64(0)), func(x domain.System) any { return int64(x.Integrity) }},
		{domain.FieldSystemAvailability, val(int64(-1)), func(x domain.System) any { return int64(x.Availability) }},
		{domain.FieldSystemTraceability, val(int64(3)), func(x domain.System) any { return int64(x.Traceability) }},
		{domain.FieldSystemBaselineMet, flip(func(x domain.System) bool { return x.BaselineMet }), func(x domain.System) any { return x.BaselineMet }},
		{domain.FieldSystemSecurityPlan, func(x domain.System) any {
			if x.SecurityPlan == domain.SecurityPlanDeepened {
				return "none"
			}
			return "deepened"
		}, func(x domain.System) any { return string(x.SecurityPlan) }},
		{domain.FieldSystemSecurityPlanAt, val(day), func(x domain.System) any { return x.SecurityPlanAt }},
		{domain.FieldSystemRiskAnalysisAt, val(day.AddDate(0, 1, 0)), func(x domain.System) any { return x.RiskAnalysisAt }},
		{domain.FieldSystemContinuityAt, val(day.AddDate(0, 2, 0)), func(x domain.System) any { return x.ContinuityAt }},
		{domain.FieldSystemRecoveryAt, val(day.AddDate(0, 3, 0)), func(x domain.System) any { return x.RecoveryAt }},
		{domain.FieldSystemSensitive, flip(func(x domain.System) bool { return x.Sensitive }), func(x domain.System) any { return x.Sensitive }},
	}
	for _, tc := range tests {
		t.Run(tc.field.Name(), func(t *testing.T) {
			before, _ := stored(t, s, board, x.ID)
			value := tc.value(before)
			if same(tc.got(before), value) {
				t.Fatalf("the demo row already has %v: the test proves nothing", value)
			}
			v.change(edit{id: x.ID, field: tc.field, value: value}, true)
			after, _ := stored(t, s, board, x.ID)
			if !same(tc.got(after), value) {
				t.Fatalf("stored %v, want %v", tc.got(after), value)
			}
			v.Undo()
			undone, _ := stored(t, s, board, x.ID)
			if !same(tc.got(undone), tc.got(before)) {
				t.Errorf("after undo %v, want %v", tc.got(undone), tc.got(before))
			}
			if i := v.index(x.ID); i < 0 || !same(systemValue(tc.field, &v.rows[i]), tc.got(before)) {
				t.Errorf("after undo the view holds another value than the store")
			}
		})
	}
}

// Deleting asks first (and says the system's links to activities go), undo puts the system
// back with its id, its fields and its links in the plans being written, redo deletes again.
func TestDeleteAndUndo(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, win := open(t, s, board, i18n.Swedish)
	x := byName(t, v, "Elevdokumentation")
	ls := v.links(x.ID)
	drafts := 0
	for _, l := range ls {
		if l.plan.Status == domain.PlanDraft {
			drafts++
		}
	}
	if drafts == 0 {
		t.Fatal("Elevdokumentation has no links in a draft plan: the test proves nothing about links")
	}
	v.Focus(x.ID)
	test.Tap(button(win.Content(), "Ta bort"))
	if v.confirm == nil {
		t.Fatal("delete did not ask")
	}
	v.confirm.Dismiss()
	if _, ok := stored(t, s, board, x.ID); !ok {
		t.Fatal("cancel deleted the system")
	}
	v.onDelete()
	if v.confirm == nil {
		t.Fatal("delete did not ask the second time")
	}
	texts := ""
	for _, o := range test.LaidOutObjects(win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			texts += l.Text + "\n"
		}
	}
	if !strings.Contains(texts, "Elevdokumentation") || !strings.Contains(texts, "åtgärder") {
		t.Errorf("the question does not name the system and its links:\n%s", texts)
	}
	v.confirm.Confirm()
	if _, ok := stored(t, s, board, x.ID); ok {
		t.Fatal("the system is still stored after delete")
	}
	if v.index(x.ID) >= 0 || v.Selected() == x.ID || v.Selected() == 0 {
		t.Errorf("after delete the view selects %d", v.Selected())
	}
	if len(v.links(x.ID)) != 0 {
		t.Error("links to the deleted system remain")
	}

	v.HandleShortcut(&fyne.ShortcutUndo{})
	back, ok := stored(t, s, board, x.ID)
	if !ok || back != x {
		t.Fatalf("undo gave back %+v (%v), want %+v", back, ok, x)
	}
	if v.Selected() != x.ID {
		t.Errorf("after undo the view selects %d, want the restored system", v.Selected())
	}
	relinked := 0
	for _, l := range v.links(x.ID) {
		if l.plan.Status == domain.PlanDraft {
			relinked++
		}
	}
	if relinked != drafts {
		t.Errorf("undo restored %d of %d links in the draft plan", relinked, drafts)
	}

	v.HandleShortcut(ctrl(fyne.KeyY))
	if _, ok := stored(t, s, board, x.ID); ok {
		t.Fatal("redo did not delete again")
	}
	v.HandleShortcut(&fyne.ShortcutUndo{})
	if _, ok := stored(t, s, board, x.ID); !ok {
		t.Fatal("the second undo did not bring it back")
	}
}

// Focus selects the system and puts the cursor in its first field with a problem. Called
// before Build it selects the system when the view is built (the cursor can only be placed
// once the view is in a window).
func TestFocus(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, win := open(t, s, board, i18n.Swedish)
	// Elevhälsans journalsystem is level 4: without a deepened plan and a risk analysis it has
	// two warnings.
	x := byName(t, v, "Elevhälsans journalsystem")
	if _, err := s.SetField(domain.FieldSystemRiskAnalysisAt, x.ID, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldSystemSecurityPlan, x.ID, "base"); err != nil {
		t.Fatal(err)
	}
	ok := byName(t, v, "Schemaläggningssystem")
	for _, id := range []int64{x.ID, ok.ID} {
		if _, err := s.SetField(domain.FieldSystemClassifiedAt, id, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name  string
		id    int64
		early bool // Focus before Build
		want  func(v *View) fyne.Focusable
	}{
		// The security plan comes before the risk analysis in the form.
		{"problem field", x.ID, false, func(v *View) fyne.Focusable { return v.form.secPlan }},
		{"no problem", ok.ID, false, func(v *View) fyne.Focusable { return v.form.name }},
		{"before build", x.ID, true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, focusWin := v, win
			if tc.early {
				focusWin = test.NewTempWindow(t, nil)
				w = New(Env{Window: focusWin, Store: s, Loc: i18n.New(i18n.Swedish), SaveDelay: -1, Now: testNow}, board)
				w.Focus(tc.id)
				focusWin.SetContent(w.Build())
			} else {
				w.reload(w.selID)
				w.Focus(tc.id)
			}
			if w.Selected() != tc.id || w.table.Selected() != w.index(tc.id) {
				t.Fatalf("selected %d (table row %d), want %d", w.Selected(), w.table.Selected(), tc.id)
			}
			if tc.want == nil {
				return
			}
			if got := focusWin.Canvas().Focused(); got != tc.want(w) {
				t.Errorf("focus on %T", got)
			}
		})
	}
}

// What is typed but not yet saved is saved by Flush (the shell calls it before leaving), and a
// register opened again shows what was saved.
func TestFlushAndReopen(t *testing.T) {
	test.NewTempApp(t)
	s, path := demoStore(t)
	board := boardID(t, s)
	v, _ := open(t, s, board, i18n.Swedish)
	x := byName(t, v, "Barnomsorgssystem")
	v.Focus(x.ID)
	typeInto(v.form.description, "Köer och placeringar.\nAvgifter.")
	if got, _ := stored(t, s, board, x.ID); got.Description == "Köer och placeringar.\nAvgifter." {
		t.Fatal("typing was saved before Flush: the test proves nothing")
	}
	typeInto(v.form.owner, "Förvaltningschef")
	v.form.levels[2].SetSelectedIndex(5)
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	got, _ := stored(t, s, board, x.ID)
	if got.Description != "Köer och placeringar.\nAvgifter." || got.Owner != "Förvaltningschef" || got.Availability != 4 {
		t.Fatalf("after Flush: %+v", got)
	}

	// The database closed and opened again, as after a restart.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := data.Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	again, _ := open(t, s2, board, i18n.Swedish)
	again.Focus(x.ID)
	f := again.form
	if f.description.Text != got.Description || f.owner.Text != "Förvaltningschef" || f.name.Text != x.Name {
		t.Errorf("reopened form shows %q, %q, %q", f.name.Text, f.owner.Text, f.description.Text)
	}
	if f.levels[2].Selected != "4 Synnerligen allvarlig" || f.highest.Text != "4 Synnerligen allvarlig" {
		t.Errorf("reopened availability %q, highest %q", f.levels[2].Selected, f.highest.Text)
	}
	if d := f.riskAt.Date; (d == nil) != got.RiskAnalysisAt.IsZero() || d != nil && !dateOnly(*d).Equal(got.RiskAnalysisAt) {
		t.Errorf("reopened risk analysis date %v, stored %v", d, got.RiskAnalysisAt)
	}
}

// The columns sort on a tap of their title, a second tap reverses; the selection stays.
func TestSortColumns(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	v, _ := open(t, s, boardID(t, s), i18n.Swedish)
	sel := v.Selected()
	names := func() []string {
		var out []string
		for _, i := range v.table.Order() {
			out = append(out, v.rows[i].Name)
		}
		return out
	}
	maxOf := func() []int {
		var out []int
		for _, i := range v.table.Order() {
			out = append(out, v.rows[i].MaxLevel())
		}
		return out
	}
	v.table.Head(6).Tapped(nil) // Högst
	if got := maxOf(); !slices.IsSorted(got) || got[0] == got[len(got)-1] {
		t.Errorf("sorted by highest level: %v", got)
	}
	v.table.Head(6).Tapped(nil)
	if got := maxOf(); !slices.IsSortedFunc(got, func(a, b int) int { return b - a }) {
		t.Errorf("reversed: %v", got)
	}
	if v.Selected() != sel || v.table.Selected() != v.index(sel) {
		t.Error("sorting lost the selection")
	}
	v.table.Head(0).Tapped(nil)
	got := names()
	if !slices.IsSortedFunc(got, v.loc.Compare) {
		t.Errorf("sorted by name: %q", got)
	}
}
