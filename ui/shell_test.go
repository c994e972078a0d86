package ui

import (
	"handlingsplan/app/settings"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/demo"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/ui/wizard"
)

var autumn = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)

func openStore(t *testing.T, path string) *data.Store {
	t.Helper()
	s, err := data.Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	return s
}

func newShell(t *testing.T, s *data.Store, opt Options) *Shell {
	t.Helper()
	opt.SaveDelay = -1 // no timers in tests: typing is saved on focus loss, step change and close
	opt.Now = func() time.Time { return autumn }
	opt.DemoYear = 2026
	opt.LoadDemo = func(s *data.Store, year int) error { return demo.Generate(s, demo.Options{Year: year}) }
	sh := New(test.NewTempApp(t), s, opt)
	sh.win.Resize(fyne.NewSize(1280, 800))
	return sh
}

// From the start screen: the demo, "new plan for 2028", the carry-over dialog, the wizard;
// the window closes while a title is being typed; a restart opens the same plan at the same step
// with the text saved.
func TestNewPlanCloseAndResume(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	s := openStore(t, path)
	sh := newShell(t, s, Options{})
	if sh.start.demoBtn == nil {
		t.Fatal("an empty database shows no demo button")
	}
	test.Tap(sh.start.demoBtn)
	sh.bg.Wait()
	if len(sh.start.boards) != 9 || sh.start.newBtn == nil {
		t.Fatalf("after the demo: %d boards, new-plan button %v", len(sh.start.boards), sh.start.newBtn)
	}
	if got := sh.start.newBtn.Text; got != "Ny plan för 2028" {
		t.Errorf("new plan button %q", got)
	}
	if b := sh.start.openBtns[2027]; b == nil || b.Text != "Fortsätt" {
		t.Errorf("draft 2027: button %v", b)
	}
	if b := sh.start.openBtns[2026]; b == nil || b.Text != "Öppna" {
		t.Errorf("signed 2026: button %v", b)
	}
	test.Tap(sh.start.newBtn)
	if sh.start.newPlan == nil {
		t.Fatal("no carry-over dialog")
	}
	sh.start.newPlan.Create()
	w := sh.Wizard()
	if w == nil || w.Data().Plan.Year != 2028 {
		t.Fatalf("wizard not open on the new plan: %v", w)
	}
	planID := w.PlanID()
	w.GoTo(wizard.StepActivities)
	w.NewRow()
	// Typing, not yet saved (it would be when typing pauses or the focus leaves).
	title, ok := sh.win.Canvas().Focused().(interface{ TypedRune(rune) })
	if !ok {
		t.Fatalf("focus on %T after Ctrl+N", sh.win.Canvas().Focused())
	}
	for _, r := range "Skrivet precis före stängning" {
		title.TypedRune(r)
	}
	sh.onCloseWindow()
	s.Close()

	s2 := openStore(t, path)
	defer s2.Close()
	d, err := s2.PlanData(planID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range d.Activities {
		found = found || a.Title == "Skrivet precis före stängning"
	}
	if !found {
		t.Fatal("the title typed before closing was lost")
	}
	sh2 := newShell(t, s2, Options{})
	w2 := sh2.Wizard()
	if w2 == nil || w2.PlanID() != planID || w2.Step() != wizard.StepActivities {
		t.Fatalf("restart did not resume plan %d at step %d: %v", planID, wizard.StepActivities, w2)
	}
	// Back to the start page: a restart now shows the start screen.
	sh2.ShowStart()
	if s2.Setting(settings.OpenPlan, "") != "" {
		t.Error("the open plan is still remembered after going to the start page")
	}
}

// The window's keys reach the wizard; Ctrl+E and F5 call the export and presentation seams with
// the open plan, and do nothing when those are not set.
func TestShortcutsAndSeams(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	var exported, presented int64
	sh := newShell(t, s, Options{
		OnExport:  func(id int64) { exported = id },
		OnPresent: func(id int64) { presented = id },
	})
	test.Tap(sh.start.openBtns[2027])
	w := sh.Wizard()
	if w == nil {
		t.Fatal("Fortsätt did not open the wizard")
	}
	c := sh.win.Canvas()
	short := func(sc fyne.Shortcut) { c.(fyne.Shortcutable).TypedShortcut(sc) }
	key := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	ctrl := fyne.KeyModifierShortcutDefault

	key(fyne.KeyPageDown)
	key(fyne.KeyPageDown)
	key(fyne.KeyPageDown)
	if w.Step() != wizard.StepActivities {
		t.Fatalf("PageDown three times: step %d", w.Step())
	}
	key(fyne.KeyPageUp)
	if w.Step() != wizard.StepGoals {
		t.Fatalf("PageUp: step %d", w.Step())
	}
	key(fyne.KeyPageDown)
	n := len(w.Data().Activities)
	short(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if len(w.Data().Activities) != n+1 {
		t.Fatal("Ctrl+N added no activity")
	}
	c.Unfocus()
	short(&fyne.ShortcutUndo{})
	if len(w.Data().Activities) != n {
		t.Fatal("Ctrl+Z did not take the new activity back")
	}
	short(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift})
	if len(w.Data().Activities) != n+1 {
		t.Fatal("Ctrl+Shift+Z did not redo")
	}
	short(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl})
	key(fyne.KeyF5)
	if exported != w.PlanID() || presented != w.PlanID() {
		t.Errorf("seams called with %d, %d; want %d", exported, presented, w.PlanID())
	}
	if button(sh.win.Content(), "Signera och spara") == nil || button(sh.win.Content(), "Presentera") == nil {
		t.Error("no Export/Present buttons although the seams are set")
	}
	short(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl})

	// Without seams: no buttons, the keys do nothing (and nothing breaks).
	sh.ShowStart()
	sh.OnExport, sh.OnPresent = nil, nil
	test.Tap(sh.start.openBtns[2027])
	if button(sh.win.Content(), "Exportera") != nil {
		t.Error("Export button without an export function")
	}
	exported = 0
	short(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl})
	key(fyne.KeyF5)
	if exported != 0 {
		t.Error("Ctrl+E called a cleared seam")
	}
}

// The language switch and the coordinator-area seam keep working on the start screen.
func TestLanguageAndAreas(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	if _, err := s.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	shown := false
	sh := newShell(t, s, Options{Areas: []Area{{TitleKey: "start.boards", Build: func(sh *Shell) View {
		shown = true
		return testView{}
	}}}})
	if got := sh.start.newBtn.Text; got != "Ny plan för 2027" {
		t.Errorf("a board without plans: %q", got)
	}
	sh.start.langSel.SetSelected(sh.loc.T("lang.en"))
	if sh.loc.Lang() != "en" || !strings.Contains(sh.start.newBtn.Text, "New plan for 2027") {
		t.Errorf("after switching to English: %q", sh.start.newBtn.Text)
	}
	test.Tap(button(sh.win.Content(), "Boards"))
	if !shown || sh.view == nil {
		t.Error("the area button did not show the area")
	}
	// A board without plans: the new plan is created at once and opens at step 1.
	sh.ShowStart()
	test.Tap(sh.start.newBtn)
	if w := sh.Wizard(); w == nil || w.Step() != wizard.StepPlan || w.Data().Plan.Year != 2027 {
		t.Fatalf("new first plan: %v", w)
	}
}

type testView struct{}

func (testView) Build() fyne.CanvasObject { return widget.NewLabel("area") }
func (testView) Flush() error             { return nil }

func button(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text && x.Visible() {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := button(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := button(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}
