package present

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/demo"
	model "handlingsplan/app/present"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

const demoYear = 2026

var (
	planNow  = time.Date(2027, 2, 15, 10, 5, 0, 0, time.UTC)
	slideSz  = fyne.NewSize(1920, 1080)
	clockNow = func() time.Time { return planNow }
)

func profile(t testing.TB) domain.Profile {
	t.Helper()
	p, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func demoPlans(t testing.TB) []domain.PlanData {
	return demo.Plans(demo.Options{Year: demoYear}, profile(t))
}

func demoPlan(t testing.TB, board string, year int) domain.PlanData {
	t.Helper()
	for _, d := range demoPlans(t) {
		if d.Plan.Board == board && d.Plan.Year == year {
			return d
		}
	}
	t.Fatalf("demo has no plan %s %d", board, year)
	return domain.PlanData{}
}

func planDeck(t testing.TB) *model.Deck {
	return model.FromPlan(demoPlan(t, "Socialnämnden", demoYear+1), profile(t), i18n.New(i18n.Swedish), planNow)
}

// shellWindow is a stand-in for the main window: some content and a key handler of its own.
func shellWindow(t testing.TB) (fyne.Window, *widget.Label, *int) {
	test.NewTempApp(t)
	label := widget.NewLabel("skal")
	w := test.NewTempWindow(t, label)
	w.Resize(slideSz)
	keys := 0
	w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { keys++ })
	return w, label, &keys
}

func start(t testing.TB, deck *model.Deck, from model.Kind) (*Show, fyne.Window) {
	w, _, _ := shellWindow(t)
	s := Start(Env{Window: w, Loc: i18n.New(i18n.Swedish), Now: clockNow, Tick: -1}, deck, from)
	return s, w
}

// press sends what the desktop driver sends for one key press: key down, the typed key, the
// typed character if the key makes one, key up. The test canvas has no key-down handlers, so
// those go to the show directly.
func press(s *Show, w fyne.Window, name fyne.KeyName, r rune) {
	ev := &fyne.KeyEvent{Name: name}
	s.keyDown(ev)
	if f := w.Canvas().OnTypedKey(); f != nil {
		f(ev)
	}
	if r != 0 {
		if f := w.Canvas().OnTypedRune(); f != nil {
			f(r)
		}
	}
	s.keyUp(ev)
}

// shown returns the texts of the slide on screen, footer included.
func shown(s *Show) []string {
	var out []string
	for _, o := range s.slide.Objects {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			out = append(out, t.Text)
		}
	}
	return out
}

type keyPress struct {
	name fyne.KeyName
	r    rune
}

var (
	right    = keyPress{fyne.KeyRight, 0}
	space    = keyPress{fyne.KeySpace, ' '}
	enter    = keyPress{fyne.KeyReturn, '\r'}
	bKey     = keyPress{fyne.KeyB, 'b'}
	wKey     = keyPress{fyne.KeyW, 'w'}
	period   = keyPress{fyne.KeyPeriod, '.'}
	comma    = keyPress{fyne.KeyComma, ','}
	backsp   = keyPress{fyne.KeyBackspace, 0}
	digit    = func(r rune) keyPress { return keyPress{fyne.KeyName(string(r)), r} }
	keypad   = func(r rune) keyPress { return keyPress{"KP_" + fyne.KeyName(string(r)), r} }
	namedKey = func(n fyne.KeyName) keyPress { return keyPress{n, 0} }
)

func TestKeys(t *testing.T) {
	deck := planDeck(t)
	last := len(deck.Slides) - 1
	tl := deck.First(model.KindTimeline)
	tests := []struct {
		name  string
		from  int
		keys  []keyPress
		want  int
		blank Blank
	}{
		{"Right", 2, []keyPress{right}, 3, NotBlank},
		{"Down", 2, []keyPress{namedKey(fyne.KeyDown)}, 3, NotBlank},
		{"PageDown (clicker)", 2, []keyPress{namedKey(fyne.KeyPageDown)}, 3, NotBlank},
		{"Space", 2, []keyPress{space}, 3, NotBlank},
		{"Enter", 2, []keyPress{enter}, 3, NotBlank},
		{"keypad Enter", 2, []keyPress{namedKey(fyne.KeyEnter)}, 3, NotBlank},
		{"Left", 2, []keyPress{namedKey(fyne.KeyLeft)}, 1, NotBlank},
		{"Up", 2, []keyPress{namedKey(fyne.KeyUp)}, 1, NotBlank},
		{"PageUp (clicker)", 2, []keyPress{namedKey(fyne.KeyPageUp)}, 1, NotBlank},
		{"Backspace", 2, []keyPress{backsp}, 1, NotBlank},
		{"Home", 5, []keyPress{namedKey(fyne.KeyHome)}, 0, NotBlank},
		{"End", 2, []keyPress{namedKey(fyne.KeyEnd)}, last, NotBlank},
		{"next on the last slide stays", last, []keyPress{right}, last, NotBlank},
		{"previous on the first slide stays", 0, []keyPress{namedKey(fyne.KeyLeft)}, 0, NotBlank},
		{"number then Enter", 0, []keyPress{digit('1'), digit('2'), enter}, 11, NotBlank},
		{"number on the keypad", 0, []keyPress{keypad('4'), namedKey(fyne.KeyEnter)}, 3, NotBlank},
		{"number beyond the end", 0, []keyPress{digit('9'), digit('9'), digit('9'), enter}, last, NotBlank},
		{"number 0 is the first", 4, []keyPress{digit('0'), enter}, 0, NotBlank},
		{"Backspace corrects a number", 0, []keyPress{digit('1'), digit('2'), backsp, enter}, 0, NotBlank},
		{"F5 starts over", 5, []keyPress{namedKey(fyne.KeyF5)}, 0, NotBlank},
		{"B blanks black", 3, []keyPress{bKey}, 3, BlackScreen},
		{". blanks black", 3, []keyPress{period}, 3, BlackScreen},
		{"W blanks white", 3, []keyPress{wKey}, 3, WhiteScreen},
		{", blanks white", 3, []keyPress{comma}, 3, WhiteScreen},
		{"B again brings the slide back", 3, []keyPress{bKey, bKey}, 3, NotBlank},
		{"W on black turns white", 3, []keyPress{bKey, wKey}, 3, WhiteScreen},
		{"a move while blank only unblanks", 3, []keyPress{period, right}, 3, NotBlank},
		{"then the next move moves", 3, []keyPress{comma, right, right}, 4, NotBlank},
		{"in the timeline section", tl + 1, []keyPress{right}, tl + 2, NotBlank},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, w := start(t, deck, "")
			s.show(tc.from)
			for _, k := range tc.keys {
				press(s, w, k.name, k.r)
			}
			if s.Current() != tc.want || s.Blanked() != tc.blank {
				t.Errorf("on slide %d blank %d, want slide %d blank %d", s.Current(), s.Blanked(), tc.want, tc.blank)
			}
			if _, _, _, a := s.cover.FillColor.RGBA(); tc.blank != NotBlank && a == 0 || tc.blank == NotBlank && a != 0 {
				t.Errorf("cover opacity %d with blank %d", a, tc.blank)
			}
			if !s.Running() || !w.FullScreen() {
				t.Error("the presentation ended")
			}
		})
	}
}

func TestShiftF5StartsTheSection(t *testing.T) {
	deck := planDeck(t)
	s, w := start(t, deck, "")
	tl := deck.First(model.KindTimeline)
	// The demo plan's timeline takes two slides; start on the second.
	if deck.Slides[tl+1].Kind != model.KindTimeline {
		t.Fatal("the demo plan's timeline fits on one slide: the test needs two")
	}
	s.show(tl + 1)
	s.keyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(s, w, fyne.KeyF5, 0)
	s.keyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if s.Current() != tl {
		t.Errorf("Shift+F5 went to %d, want the timeline's first slide %d", s.Current(), tl)
	}
	press(s, w, fyne.KeyF5, 0)
	if s.Current() != 0 {
		t.Errorf("F5 after Shift was let go went to %d", s.Current())
	}
}

func TestStartFromSection(t *testing.T) {
	deck := planDeck(t)
	for _, k := range []model.Kind{model.KindTimeline, model.KindRegister, model.KindDecisions} {
		s, w := start(t, deck, k)
		if got := deck.Slides[s.Current()].Kind; got != k || s.Current() != deck.First(k) {
			t.Errorf("Start from %s shows slide %d (%s)", k, s.Current(), got)
		}
		if !w.FullScreen() {
			t.Error("not full screen")
		}
	}
}

func TestEscapeGivesTheWindowBack(t *testing.T) {
	w, label, shellKeys := shellWindow(t)
	last := -1
	s := Start(Env{Window: w, Loc: i18n.New(i18n.Swedish), Now: clockNow, Tick: -1, OnClose: func(i int) { last = i }}, planDeck(t), "")
	if w.Content() == label || !w.FullScreen() || w.Padded() {
		t.Fatal("the presentation is not shown full screen, edge to edge")
	}
	press(s, w, fyne.KeyRight, 0)
	press(s, w, fyne.KeyRight, 0)
	if *shellKeys != 0 {
		t.Errorf("the shell heard %d keys during the presentation", *shellKeys)
	}
	press(s, w, fyne.KeyEscape, 0)
	if s.Running() {
		t.Fatal("Escape did not end the presentation")
	}
	if w.Content() != label || w.FullScreen() || !w.Padded() {
		t.Error("the window did not get its content back, stayed full screen or lost its padding")
	}
	if last != 2 {
		t.Errorf("OnClose got %d, want 2", last)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if *shellKeys != 1 {
		t.Error("the shell's key handler was not given back")
	}
}

func TestClock(t *testing.T) {
	w, _, _ := shellWindow(t)
	s := Start(Env{Window: w, Loc: i18n.New(i18n.Swedish), Now: clockNow, Tick: -1}, planDeck(t), "")
	if slices.Contains(shown(s), "10:05") {
		t.Fatal("the clock shows although it is off")
	}
	press(s, w, fyne.KeyC, 'c')
	if !slices.Contains(shown(s), "10:05") {
		t.Fatalf("C did not show the clock: %q", shown(s))
	}
	press(s, w, fyne.KeyRight, 0)
	if !slices.Contains(shown(s), "10:05") {
		t.Error("the clock went away on the next slide")
	}
	press(s, w, fyne.KeyC, 'C')
	if slices.Contains(shown(s), "10:05") {
		t.Error("C did not hide the clock")
	}

	// The setting shows it from the start, and the tick keeps it going.
	now := planNow
	s = Start(Env{Window: w, Loc: i18n.New(i18n.Swedish), Now: func() time.Time { return now }, Clock: true, Tick: -1}, planDeck(t), "")
	if !slices.Contains(shown(s), "10:05") {
		t.Fatal("Env.Clock did not show the clock")
	}
	now = now.Add(2 * time.Minute)
	s.updateClock()
	if !slices.Contains(shown(s), "10:07") {
		t.Errorf("the clock did not move: %q", shown(s))
	}
}

func TestTypedNumberIsShown(t *testing.T) {
	s, w := start(t, planDeck(t), "")
	press(s, w, "1", '1')
	press(s, w, "2", '2')
	if !slices.Contains(shown(s), "Gå till bild 12") {
		t.Errorf("typed number not shown: %q", shown(s))
	}
	press(s, w, fyne.KeyReturn, '\r')
	if slices.Contains(shown(s), "Gå till bild 12") {
		t.Error("the number stays after Enter")
	}
}

func TestClicks(t *testing.T) {
	s, _ := start(t, planDeck(t), "")
	click := s.root.Objects[2].(*clickArea)
	test.Tap(click)
	test.Tap(click)
	test.TapSecondary(click)
	if s.Current() != 1 {
		t.Errorf("two clicks forward and one back is slide %d", s.Current())
	}
}

func TestStartWithoutSlides(t *testing.T) {
	w, label, _ := shellWindow(t)
	if s := Start(Env{Window: w, Loc: i18n.New(i18n.Swedish), Tick: -1}, &model.Deck{}, ""); s != nil || w.Content() != label {
		t.Error("an empty deck took the window over")
	}
}

func TestHandleKeys(t *testing.T) {
	w, _, shellKeys := shellWindow(t)
	var starts []bool
	restore := HandleKeys(w.Canvas(), func(fromSection bool) { starts = append(starts, fromSection) })
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
	if !slices.Equal(starts, []bool{false}) || *shellKeys != 1 {
		t.Errorf("starts %v, shell keys %d", starts, *shellKeys)
	}
	restore()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if len(starts) != 1 || *shellKeys != 2 {
		t.Error("restore did not put the shell's handler back")
	}
}

// Edits made while a plan is shown, in the database as the wizard makes them, do not reach
// the presentation.
func TestSnapshotStaysFrozenAfterAnEdit(t *testing.T) {
	st, err := data.Open(filepath.Join(t.TempDir(), "plan.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	prof := profile(t)
	if err := st.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	draft := demoPlan(t, "Socialnämnden", demoYear+1)
	draft.Previous = nil
	id, err := st.AddPlanData(draft)
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.PlanData(id)
	if err != nil {
		t.Fatal(err)
	}
	deck := model.FromPlan(d, prof, i18n.New(i18n.Swedish), planNow)
	s, w := start(t, deck, "")
	var before [][]string
	for i := range deck.Slides {
		s.show(i)
		before = append(before, shown(s))
	}

	first := d.Activities[0]
	if _, err := st.SetField(domain.FieldActivityTitle, first.ID, "Ändrad under mötet"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddActivity(id, domain.Activity{Title: "Tillagd under mötet", Goals: []int{1}, Priority: domain.PriorityLow}); err != nil {
		t.Fatal(err)
	}
	d.Activities[1].Title = "Ändrad i minnet" // the shell's copy, edited in place
	after, err := st.PlanData(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Activities) != len(d.Activities)+1 {
		t.Fatalf("the edit did not reach the database: %d activities", len(after.Activities))
	}

	press(s, w, fyne.KeyHome, 0)
	for i := range deck.Slides {
		if s.Current() != i {
			t.Fatalf("on slide %d, want %d", s.Current(), i)
		}
		if got := shown(s); !slices.Equal(got, before[i]) {
			t.Errorf("slide %d changed after the edit:\n%q\nwas\n%q", i+1, got, before[i])
		}
		press(s, w, fyne.KeyRight, 0)
	}
}

// A 200-activity plan goes on over many timeline slides and keeps its text at 28 pt, 56 pixels
// at 1920 × 1080.
func TestLargePlanKeepsItsTextSize(t *testing.T) {
	prof := profile(t)
	deck := model.FromPlan(demo.Large("Socialnämnden", 2027, 200, prof), prof, i18n.New(i18n.Swedish), planNow)
	s, w := start(t, deck, model.KindTimeline)
	timeline := 0
	for i := deck.First(model.KindTimeline); deck.Slides[i].Kind == model.KindTimeline; i++ {
		if s.Current() != i {
			t.Fatalf("PageDown went to slide %d, want %d", s.Current(), i)
		}
		timeline++
		for i, o := range s.slide.Objects {
			txt, ok := o.(*canvas.Text)
			if !ok || txt.Text == "" {
				continue
			}
			min := float32(56)
			if s.layout.items[i].Role == model.RoleFooter {
				min = 32
			}
			if txt.TextSize < min {
				t.Errorf("slide %d: %q at %.0f px, want at least %.0f", s.Current()+1, txt.Text, txt.TextSize, min)
			}
		}
		press(s, w, fyne.KeyPageDown, 0)
	}
	if timeline < 20 {
		t.Errorf("200 activities took %d timeline slides", timeline)
	}
}

// The slide keeps 16:9 in a window of another shape: it is centred and scaled to fit.
func TestLetterbox(t *testing.T) {
	s, w := start(t, planDeck(t), "")
	w.Resize(fyne.NewSize(1920, 1200))
	s.layout.Layout(s.slide.Objects, s.slide.Size())
	bg := s.slide.Objects[0] // the slide's white background
	if bg.Size() != slideSz || bg.Position() != fyne.NewPos(0, 60) {
		t.Errorf("slide at %v size %v in a 1920×1200 window", bg.Position(), bg.Size())
	}
}
