// Package present is presentation mode: it shows a slide deck (app/present) full screen for a
// board meeting and drives it from the keyboard, a presentation clicker or the mouse.
//
// Keys, as presentation programs have them: Right, Down, PageDown, Space, Enter next; Left, Up,
// PageUp, Backspace previous; Home, End; a slide number then Enter jumps there; F5 back to
// the first slide and Shift+F5 to the start of the current section; B or . blanks the screen
// black and W or , white; C shows or hides the clock; Escape leaves.
package present

import (
	"image/color"
	"strconv"
	"time"

	"handlingsplan/ui/bridge"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	model "handlingsplan/app/present"
	"handlingsplan/i18n"
)

// Env is what a presentation needs from the shell.
type Env struct {
	// Window is taken over for the presentation and goes full screen on the monitor it is on;
	// its content, menu and key handlers come back when the presentation ends.
	Window fyne.Window
	Loc    *i18n.Localizer
	// Clock shows the time in the footer from the start (the user's setting; C toggles it).
	Clock bool
	// Now is the clock's time source; nil means time.Now.
	Now func() time.Time
	// Tick is how often the clock is redrawn: 0 means every second, a negative value never
	// (tests redraw it themselves).
	Tick time.Duration
	// OnClose is called after the presentation has ended, with the index of the last slide shown.
	OnClose func(last int)
}

// Blank is what covers the slides while the presenter has blanked the screen.
type Blank uint8

const (
	NotBlank Blank = iota
	BlackScreen
	WhiteScreen
)

// Show is a running presentation.
type Show struct {
	env  Env
	deck *model.Deck

	cur    int
	blank  Blank
	digits string // a slide number being typed
	shift  bool
	clock  bool
	ended  bool

	root      *fyne.Container
	slide     *fyne.Container
	layout    *slideLayout
	cover     *canvas.Rectangle
	clockText *canvas.Text
	stopClock func() // stops the clock's ticks; nil when it does not run

	saved struct {
		content    fyne.CanvasObject
		fullScreen bool
		padded     bool
		menu       *fyne.MainMenu
		typedKey   func(*fyne.KeyEvent)
		typedRune  func(rune)
		keyDown    func(*fyne.KeyEvent)
		keyUp      func(*fyne.KeyEvent)
	}
}

// Start shows deck full screen in env.Window, from the first slide of section from (the first
// slide of the deck when from is "" or not in it). Call it on the Fyne main goroutine, for
// example from the shell's F5 handler. The deck is a snapshot: later edits do not reach it.
// A deck without slides shows nothing and gives nil (FromPlan and FromOverview always make a
// title slide).
func Start(env Env, deck *model.Deck, from model.Kind) *Show {
	if deck == nil || len(deck.Slides) == 0 {
		return nil
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	s := &Show{env: env, deck: deck, clock: env.Clock}
	if from != "" {
		s.cur = deck.First(from)
	}
	s.build()

	w := env.Window
	c := w.Canvas()
	s.saved.content = w.Content()
	s.saved.fullScreen = w.FullScreen()
	s.saved.padded = w.Padded()
	s.saved.menu = w.MainMenu()
	s.saved.typedKey = c.OnTypedKey()
	s.saved.typedRune = c.OnTypedRune()
	c.SetOnTypedKey(s.typedKey)
	c.SetOnTypedRune(s.typedRune)
	if dc, ok := c.(desktop.Canvas); ok {
		s.saved.keyDown, s.saved.keyUp = dc.OnKeyDown(), dc.OnKeyUp()
		dc.SetOnKeyDown(s.keyDown)
		dc.SetOnKeyUp(s.keyUp)
	}
	if s.saved.menu != nil {
		w.SetMainMenu(nil)
	}
	w.SetPadded(false) // the slide reaches the screen's edges
	w.SetContent(s.root)
	c.Unfocus() // canvas key handlers only hear keys while no widget has focus
	w.SetFullScreen(true)
	s.show(s.cur)
	s.startClock()
	return s
}

// Current is the index of the slide shown.
func (s *Show) Current() int { return s.cur }

// Blanked tells whether the screen is blanked, and how.
func (s *Show) Blanked() Blank { return s.blank }

// Running is false once the presentation has ended.
func (s *Show) Running() bool { return !s.ended }

// Stop ends the presentation and gives the window back as it was.
func (s *Show) Stop() {
	if s.ended {
		return
	}
	s.ended = true
	if s.stopClock != nil {
		s.stopClock()
	}
	w := s.env.Window
	c := w.Canvas()
	c.SetOnTypedKey(s.saved.typedKey)
	c.SetOnTypedRune(s.saved.typedRune)
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(s.saved.keyDown)
		dc.SetOnKeyUp(s.saved.keyUp)
	}
	w.SetFullScreen(s.saved.fullScreen)
	w.SetPadded(s.saved.padded)
	w.SetContent(s.saved.content)
	if s.saved.menu != nil {
		w.SetMainMenu(s.saved.menu)
	}
	if s.env.OnClose != nil {
		s.env.OnClose(s.cur)
	}
}

func (s *Show) build() {
	black := canvas.NewRectangle(rgb(0x000000))
	s.layout = &slideLayout{}
	s.slide = container.New(s.layout)
	// The cover is always shown and clear while the screen is not blanked. The desktop driver
	// learns which canvas an object is on only by painting it, and skips hidden objects: a
	// cover hidden from the start was never painted, so showing it and refreshing it asked no
	// canvas to redraw, and the screen stayed as it was (issue 10, item 7).
	s.cover = canvas.NewRectangle(color.Transparent)
	s.root = container.NewStack(black, s.slide, newClickArea(s.next, s.prev), s.cover)
}

// show draws slide i with its footer, the clock and a slide number being typed.
func (s *Show) show(i int) {
	s.cur = max(0, min(i, len(s.deck.Slides)-1))
	sl := s.deck.Slides[s.cur]
	items := make([]model.Item, 0, len(sl.Items)+8)
	items = append(items, sl.Items...)
	items = append(items, s.deck.Footer(s.cur)...)
	cx, cy, cw, ch := model.FooterCentre()
	clockAt := len(items)
	items = append(items, model.Item{Kind: model.ItemText, X: cx, Y: cy, W: cw, H: ch, Text: s.clockString(), Size: model.SizeFooter, Color: model.ColMuted, Align: model.AlignCenter, Role: model.RoleFooter})
	if s.digits != "" {
		label := s.env.Loc.Tf("present.goto", "Number", s.digits)
		w := 300.0
		items = append(items,
			model.Item{Kind: model.ItemRect, X: (model.SlideW - w) / 2, Y: 420, W: w, H: 60, Color: model.ColHeading},
			model.Item{Kind: model.ItemText, X: (model.SlideW - w) / 2, Y: 420, W: w, H: 60, Text: label, Size: model.SizeBody, Bold: true, Color: model.ColBackground, Align: model.AlignCenter})
	}
	objs := make([]fyne.CanvasObject, len(items))
	for j, it := range items {
		objs[j] = newObject(it)
	}
	s.clockText = objs[clockAt].(*canvas.Text)
	s.layout.items = items
	s.slide.Objects = objs
	s.slide.Refresh()
}

func (s *Show) clockString() string {
	if !s.clock {
		return ""
	}
	return s.env.Now().Format("15:04")
}

// updateClock redraws the clock's time (on the Fyne goroutine).
func (s *Show) updateClock() {
	if s.ended || s.clockText == nil {
		return
	}
	if t := s.clockString(); t != s.clockText.Text {
		s.clockText.Text = t
		s.clockText.Refresh()
	}
}

func (s *Show) startClock() {
	if s.env.Tick < 0 {
		return
	}
	every := s.env.Tick
	if every == 0 {
		every = time.Second
	}
	s.stopClock = bridge.Every(every, s.updateClock)
}

func (s *Show) setBlank(b Blank) {
	if s.blank == b {
		b = NotBlank
	}
	s.blank = b
	switch b {
	case BlackScreen:
		s.cover.FillColor = rgb(0x000000)
	case WhiteScreen:
		s.cover.FillColor = rgb(0xffffff)
	default:
		s.cover.FillColor = color.Transparent
	}
	s.cover.Refresh()
}

// move goes to slide i. While the screen is blanked a move only brings the slide back, so a
// presenter who blanked the screen sees where they are before going on.
func (s *Show) move(i int) {
	if s.blank != NotBlank {
		s.setBlank(NotBlank)
		return
	}
	s.digits = ""
	s.show(i)
}

func (s *Show) next() { s.move(s.cur + 1) }
func (s *Show) prev() { s.move(s.cur - 1) }

func (s *Show) typedKey(ev *fyne.KeyEvent) {
	if s.ended {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		s.Stop()
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		s.next()
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.digits == "" {
			s.next()
			return
		}
		n, _ := strconv.Atoi(s.digits)
		s.digits = ""
		s.move(n - 1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp:
		s.prev()
	case fyne.KeyBackspace:
		if s.digits != "" {
			s.digits = s.digits[:len(s.digits)-1]
			s.show(s.cur)
			return
		}
		s.prev()
	case fyne.KeyHome:
		s.move(0)
	case fyne.KeyEnd:
		s.move(len(s.deck.Slides) - 1)
	case fyne.KeyF5:
		if s.shift {
			s.move(s.deck.SectionStart(s.cur))
		} else {
			s.move(0)
		}
	}
}

// typedRune handles the keys that are characters: digits, the blanking keys and the clock.
// They come as runes so that they work on every keyboard layout and on the number pad.
func (s *Show) typedRune(r rune) {
	if s.ended {
		return
	}
	switch r {
	case 'b', 'B', '.':
		s.setBlank(BlackScreen)
	case 'w', 'W', ',':
		s.setBlank(WhiteScreen)
	case 'c', 'C':
		s.clock = !s.clock
		s.updateClock()
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if len(s.digits) < 4 {
			s.digits += string(r)
			s.show(s.cur)
		}
	}
}

func (s *Show) keyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		s.shift = true
	}
}

func (s *Show) keyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		s.shift = false
	}
}

// clickArea turns a click into the next slide and a right click into the previous one.
type clickArea struct {
	widget.BaseWidget
	next, prev func()
}

func newClickArea(next, prev func()) *clickArea {
	c := &clickArea{next: next, prev: prev}
	c.ExtendBaseWidget(c)
	return c
}

func (c *clickArea) Tapped(*fyne.PointEvent)          { c.next() }
func (c *clickArea) TappedSecondary(*fyne.PointEvent) { c.prev() }

func (c *clickArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// HandleKeys makes F5 in the canvas call start(false) and Shift+F5 start(true) (from the
// current section), while no widget has focus: Fyne gives plain and Shift-only keys to the
// focused widget, never to shortcuts. The handlers the canvas had still get every key; restore
// puts them back.
func HandleKeys(c fyne.Canvas, start func(fromSection bool)) (restore func()) {
	prevKey := c.OnTypedKey()
	shift := false
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF5 {
			from := shift
			// The presentation takes the keys over, so this handler never hears Shift go up.
			shift = false
			start(from)
			return
		}
		if prevKey != nil {
			prevKey(ev)
		}
	})
	dc, ok := c.(desktop.Canvas)
	var prevDown, prevUp func(*fyne.KeyEvent)
	if ok {
		prevDown, prevUp = dc.OnKeyDown(), dc.OnKeyUp()
		dc.SetOnKeyDown(func(ev *fyne.KeyEvent) {
			if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
				shift = true
			}
			if prevDown != nil {
				prevDown(ev)
			}
		})
		dc.SetOnKeyUp(func(ev *fyne.KeyEvent) {
			if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
				shift = false
			}
			if prevUp != nil {
				prevUp(ev)
			}
		})
	}
	return func() {
		c.SetOnTypedKey(prevKey)
		if ok {
			dc.SetOnKeyDown(prevDown)
			dc.SetOnKeyUp(prevUp)
		}
	}
}
