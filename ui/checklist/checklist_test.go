package checklist

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/demo"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func testNow() time.Time { return time.Date(2026, 10, 15, 9, 0, 0, 0, time.UTC) }

func demoStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	return s
}

func openView(t *testing.T, s *data.Store, board string, year int, lang i18n.Lang) (*View, fyne.Window, domain.Plan) {
	t.Helper()
	b, err := s.BoardByName(board)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PlanFor(b.ID, year)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	v := New(Env{Window: win, Store: s, Loc: i18n.New(lang), SaveDelay: -1, Now: testNow}, p.ID)
	win.SetContent(v.Build())
	win.Resize(fyne.NewSize(1366, 768))
	return v, win, p
}

func entry(t *testing.T, s *data.Store, plan int64, req string) domain.ChecklistEntry {
	t.Helper()
	es, err := s.Checklist(plan)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Requirement == req {
			return e
		}
	}
	return domain.ChecklistEntry{Requirement: req}
}

// A board assesses a requirement: the status, date, responsible and comment are saved; "not
// met" shows the review's warning and "Lägg till åtgärd"; the button puts an activity into the
// next plan and the card then names it; undo takes the assessment back.
func TestAssessAndAddActivity(t *testing.T) {
	test.NewTempApp(t)
	s := demoStore(t)
	v, _, plan := openView(t, s, "Socialnämnden", 2027, i18n.Swedish)
	if len(v.cards) < 10 {
		t.Fatalf("%d requirement cards", len(v.cards))
	}
	c := v.cards["internet_use"]
	before := entry(t, s, plan.ID, "internet_use")
	c.status.SetSelectedIndex(2) // ej uppfyllt
	if e := entry(t, s, plan.ID, "internet_use"); e.Status != domain.ChecklistNotMet {
		t.Fatalf("stored %+v", e)
	}
	typed := func(e interface{ SetText(string) }, text string) { e.SetText(text) }
	typed(c.responsible, "IT-chef")
	typed(c.comment, "Rutinen för distansarbete saknas.")
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 9, 20, 0, 0, 0, 0, time.UTC)
	c.date.SetDate(&when)
	if e := entry(t, s, plan.ID, "internet_use"); e.Responsible != "IT-chef" || e.Comment != "Rutinen för distansarbete saknas." || !e.Date.Equal(when) {
		t.Fatalf("stored %+v", e)
	}
	if !c.warning.Visible() || !strings.Contains(c.warning.Text, "inte uppfyllt och ingen åtgärd") || c.addBtn == nil {
		t.Fatalf("warning %q (shown %v), button %v", c.warning.Text, c.warning.Visible(), c.addBtn)
	}
	if !strings.Contains(v.summary.Text, "inte bedömda") {
		t.Errorf("summary %q", v.summary.Text)
	}

	test.Tap(c.addBtn)
	acts, _ := s.Activities(plan.ID)
	var made *domain.Activity
	for i := range acts {
		if acts[i].Addresses == "req:internet_use" {
			made = &acts[i]
		}
	}
	if made == nil || made.Title != "Uppfyll kravet: Regler för Internet kända" || made.Responsible != "IT-chef" || !strings.Contains(made.Description, "Rutinen för distansarbete saknas.") {
		t.Fatalf("activity %+v", made)
	}
	c = v.cards["internet_use"] // the view reloaded
	if c.addBtn != nil || c.warning.Visible() {
		t.Errorf("after adding: button %v, warning %q", c.addBtn, c.warning.Text)
	}
	if got := labels(c.work); !strings.Contains(got, "Åtgärd finns i planen för 2027: ”Uppfyll kravet: Regler för Internet kända”") {
		t.Errorf("work line %q", got)
	}

	// Undo (Ctrl+Z in an input) takes back the last change of the assessment, the date.
	c.comment.TypedShortcut(&fyne.ShortcutUndo{})
	if e := entry(t, s, plan.ID, "internet_use"); !e.Date.Equal(before.Date) || e.Status != domain.ChecklistNotMet {
		t.Fatalf("after undo %+v", e)
	}
	v.Redo()
	if e := entry(t, s, plan.ID, "internet_use"); !e.Date.Equal(when) {
		t.Fatalf("after redo %+v", e)
	}
}

// Another year's checklist; a signed plan says what an edit does; English.
func TestYearsAndLanguage(t *testing.T) {
	test.NewTempApp(t)
	s := demoStore(t)
	v, _, _ := openView(t, s, "Tekniska nämnden", 2027, i18n.English)
	if !strings.Contains(v.title.Text, "general requirements · Tekniska nämnden · 2027") || v.note.Visible() {
		t.Fatalf("title %q note %v", v.title.Text, v.note.Visible())
	}
	v.yearSel.SetSelected("2026")
	if v.plan.Year != 2026 || !v.note.Visible() || !strings.Contains(v.note.Text, "signed") {
		t.Fatalf("2026: plan %d, note %q", v.plan.Year, v.note.Text)
	}
	// Every requirement of the demo's 2026 plan is assessed.
	if !strings.Contains(v.summary.Text, "0 are not assessed") {
		t.Errorf("summary %q", v.summary.Text)
	}
}

func labels(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
