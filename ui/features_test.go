package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/demo"
	"handlingsplan/app/settings"
	"handlingsplan/data"
	"handlingsplan/ui/register"
	"handlingsplan/ui/wizard"
)

// capture saves the window as a PNG when HP_SHOTS names a folder (to look at by hand).
func capture(t *testing.T, sh *Shell, name string) {
	dir := os.Getenv("HP_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, sh.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// findButton finds a button by its text anywhere in the window.
func findButton(t *testing.T, sh *Shell, text string) *widget.Button {
	t.Helper()
	b := lookupButton(sh, text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	return b
}

func lookupButton(sh *Shell, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(sh.win.Content())
	return found
}

// The coordinator's demo opens in the coordinator role; its areas (import, overview, settings)
// open from the start screen and lead back; the role switch hides them again.
func TestCoordinatorAreasAndRole(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, filepath.Join(dir, "hp.db"))
	defer s.Close()
	opt := Options{
		LoadCoordinatorDemo: func(s *data.Store, year int) error {
			if err := coorddemo.CoordinatorDemo(s, year, t.TempDir()); err != nil {
				return err
			}
			return s.SetSetting(settings.Role, settings.RoleCoordinator)
		},
		Config: Config{ConfigDir: filepath.Join(dir, "config"), AppVersion: "test"},
	}
	opt.SaveDelay = -1
	opt.PresentTick = -1
	opt.DemoYear = 2026
	opt.Now = func() time.Time { return autumn }
	sh := NewApp(test.NewTempApp(t), s, opt)
	sh.win.Resize(fyne.NewSize(1280, 800))
	if sh.start.coordDemoBtn == nil {
		t.Fatal("the empty start screen offers no coordinator demo")
	}
	test.Tap(sh.start.coordDemoBtn)
	sh.bg.Wait()
	if sh.Role() != settings.RoleCoordinator {
		t.Fatalf("role after the coordinator demo: %q", sh.Role())
	}
	capture(t, sh, "start-coordinator")
	if got := sh.start.latestStatus(sh.start.boards[0]); !strings.Contains(got, "inlämnad v") {
		t.Errorf("coordinator's board list says %q, want the received version", got)
	}
	if len(sh.start.receivedRows(sh.start.boards[0])) == 0 {
		t.Error("the selected board shows no received plans")
	}

	test.Tap(findButton(t, sh, "Kommunöversikt"))
	if _, ok := sh.view.(*overviewArea); !ok {
		t.Fatalf("overview not shown: %T", sh.view)
	}
	capture(t, sh, "overview")
	test.Tap(findButton(t, sh, "Presentera (F5)"))
	if !sh.win.FullScreen() {
		t.Fatal("the overview's presentation did not go full screen")
	}
	capture(t, sh, "overview-slides")
	sh.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sh.win.FullScreen() {
		t.Fatal("Escape did not leave the presentation")
	}
	test.Tap(findButton(t, sh, "Tillbaka"))
	if sh.view != nil || sh.start == nil {
		t.Fatal("back did not lead to the start screen")
	}

	test.Tap(findButton(t, sh, "Inläsning"))
	if sh.view == nil {
		t.Fatal("import area not shown")
	}
	capture(t, sh, "import")
	sh.ShowStart()

	test.Tap(findButton(t, sh, "Inställningar"))
	sv, ok := sh.view.(*settingsView)
	if !ok {
		t.Fatalf("settings not shown: %T", sh.view)
	}
	capture(t, sh, "settings")
	sv.role.SetSelected(sv.role.Options[0])
	if sh.Role() != settings.RoleOfficial {
		t.Fatalf("role not saved: %q", sh.Role())
	}
	sv.kommun.SetText("Gislaveds kommun")
	sv.onKommun()
	if prof, _ := s.Profile(); prof.Kommun != "Gislaveds kommun" {
		t.Errorf("kommun not saved: %q", prof.Kommun)
	}
	sv.theme.SetSelected(sv.theme.Options[1])
	if got := s.Setting(settings.Theme, ""); got != themeLight {
		t.Fatalf("theme setting %q", got)
	}
	sh.ShowStart()
	if lookupButton(sh, "Kommunöversikt") != nil || lookupButton(sh, "Inläsning") != nil {
		t.Fatal("the official's start screen still offers the coordinator's areas")
	}
}

// The register opens from the start screen and from the wizard's review (OnSystem), and its
// way back leads to where the user came from.
func TestRegisterFromStartAndWizard(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	opt := Options{SaveDelay: -1, PresentTick: -1, DemoYear: 2026, Now: func() time.Time { return autumn }}
	opt.LoadDemo = func(s *data.Store, year int) error { return demo.Generate(s, demo.Options{Year: year}) }
	sh := NewApp(test.NewTempApp(t), s, opt)
	sh.win.Resize(fyne.NewSize(1280, 800))
	test.Tap(sh.start.demoBtn)
	sh.bg.Wait()
	test.Tap(sh.start.registerBtn)
	if _, ok := sh.view.(*register.View); !ok {
		t.Fatalf("register not shown: %T", sh.view)
	}
	capture(t, sh, "register")
	sh.ShowStart()

	plans, err := s.Plans(0)
	if err != nil {
		t.Fatal(err)
	}
	p := plans[0]
	systems, err := s.Systems(p.BoardID, 0)
	if err != nil || len(systems) == 0 {
		t.Fatalf("demo register: %v %v", systems, err)
	}
	sh.OpenPlan(p.ID)
	sh.OnSystem(systems[0].ID)
	rv, ok := sh.view.(*register.View)
	if !ok {
		t.Fatalf("OnSystem did not open the register: %T", sh.view)
	}
	if got := rv.Selected(); got != systems[0].ID {
		t.Fatalf("register selected %d, want %d", got, systems[0].ID)
	}
	test.Tap(findButton(t, sh, sh.loc.T("register.back")))
	if sh.Wizard() == nil || sh.Wizard().PlanID() != p.ID {
		t.Fatal("back from the register did not return to the plan")
	}
}

// "Lägg till nämnd": typing starts in the name field and Return adds the board.
func TestAddBoardWithReturn(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	sh := newShell(t, s, Options{})
	test.Tap(sh.start.addBtn)
	focused := sh.win.Canvas().Focused()
	if focused == nil {
		t.Fatal("the add-board dialog does not focus its name field")
	}
	test.Type(focused, "Socialnämnden")
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	boards, err := s.Boards()
	if err != nil || len(boards) != 1 || boards[0].Name != "Socialnämnden" {
		t.Fatalf("boards after adding: %v %v", boards, err)
	}
}

// The export's "Gå till granskningen" opens the plan at the review step.
func TestOpenReviewFromExport(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "hp.db"))
	defer s.Close()
	opt := Options{SaveDelay: -1, PresentTick: -1, DemoYear: 2026, Now: func() time.Time { return autumn }}
	opt.LoadDemo = func(s *data.Store, year int) error { return demo.Generate(s, demo.Options{Year: year}) }
	sh := NewApp(test.NewTempApp(t), s, opt)
	test.Tap(sh.start.demoBtn)
	sh.bg.Wait()
	plans, err := s.Plans(0)
	if err != nil {
		t.Fatal(err)
	}
	if sh.exportEnv().OnReview == nil {
		t.Fatal("the export flow has no way to the review")
	}
	sh.exportEnv().OnReview(plans[0].ID)
	if w := sh.Wizard(); w == nil || w.PlanID() != plans[0].ID || w.Step() != wizard.StepReview {
		t.Fatalf("not at the review of plan %d: %v", plans[0].ID, w)
	}
}
