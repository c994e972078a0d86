// Package ui is the Fyne desktop interface: the main window, the start screen and the views
// it opens. It calls app/ and data/ and holds no domain rules of its own.
package ui

import (
	"errors"
	"strconv"
	"time"

	"handlingsplan/app/settings"
	"handlingsplan/ui/bridge"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"

	"handlingsplan/app/storemsg"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/fynelang"
	"handlingsplan/ui/wizard"
)

// defaultSaveDelay is how long typing pauses before the wizard saves it (it also saves on
// focus loss, step change, Ctrl+S and close).
const defaultSaveDelay = 700 * time.Millisecond

// View is a screen the shell can show instead of the start screen (the wizard, or an area
// such as the coordinator's overview). Flush saves whatever is still being typed; the shell
// calls it before the window closes or another view is shown.
type View interface {
	Build() fyne.CanvasObject
	Flush() error
}

// Area is a further part of the app reachable from the start screen's header, e.g. the
// coordinator's import and overview. Build makes its view; it goes back with sh.ShowStart().
type Area struct {
	TitleKey string // i18n key of the button text
	Icon     fyne.Resource
	// Role, when set, shows the area only in that role (settings: official or coordinator).
	Role  string
	Build func(sh *Shell) View
}

// Config is what the feature views need from outside the window: where the identity and the
// signing CA are kept, the program version printed in reports; for the About dialog the
// program's licence, the third-party licences and the preset file IT set ("" when none).
type Config struct {
	ConfigDir    string
	AppVersion   string
	Licence      string
	ThirdParty   string
	PresetSource string
}

// Shell is the main window and what every view shares: the store, the language, the profile.
type Shell struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	loc   *i18n.Localizer
	// demoYear is the year the "load demo kommun" button generates for (the current year).
	demoYear int
	// loadDemo writes the demo kommun; main passes app/demo's generator (kept out of ui's imports
	// so ui tests can swap it).
	loadDemo  func(s *data.Store, year int) error
	now       func() time.Time
	saveDelay time.Duration
	areas     []Area

	cfg           Config
	presentTick   time.Duration
	bg            bridge.Work // background work (demo loading), so tests can wait for it
	loadCoordDemo func(s *data.Store, year int) error

	start *startView
	wiz   *wizard.Wizard // the open wizard, nil on the start screen
	view  View           // the open area view, nil otherwise
	// parked is the wizard left for a view opened from it (the register, the checklist): going
	// back to its plan shows it again with its undo history, not a new wizard without one.
	parked *wizard.Wizard

	// OnExport and OnPresent are the seams for the export (Ctrl+E) and presentation (F5)
	// features: when set (through Options, before the wizard is built) the wizard shows their
	// buttons and the keys call them with the open plan's id. Nil: no button, the key does nothing.
	OnExport  func(planID int64)
	OnPresent func(planID int64)
	// OnSystem opens the register editor at a system (the review's register problems jump there).
	OnSystem func(systemID int64)
	// OnChecklist opens a plan's checklist at a requirement (the review's checklist warnings).
	OnChecklist func(planID int64, requirement string)
}

// Options are what main hands the shell.
type Options struct {
	DemoYear int
	LoadDemo func(s *data.Store, year int) error
	// LoadCoordinatorDemo, when set, offers the coordinator's demo database on the empty start
	// screen (every board's plan signed and imported).
	LoadCoordinatorDemo func(s *data.Store, year int) error
	Config              Config
	// OnExport, OnPresent and OnSystem: see Shell.
	OnExport  func(planID int64)
	OnPresent func(planID int64)
	OnSystem  func(systemID int64)
	// OnChecklist: see Shell.
	OnChecklist func(planID int64, requirement string)
	// Areas are extra buttons on the start screen's header (the coordinator area).
	Areas []Area
	// SaveDelay is how long typing pauses before it is saved: 0 means the default, a negative
	// value saves only on focus loss, step change, Ctrl+S and close (tests: no timers).
	SaveDelay time.Duration
	// PresentTick is how often a presentation redraws its clock: 0 every second, negative never
	// (tests: the ticker's goroutine would race with the test driver).
	PresentTick time.Duration
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
}

// New builds the main window on a (real or test) Fyne app. When the user closed the app
// while in the wizard, it opens the wizard again at the same plan, step and row.
func New(a fyne.App, store *data.Store, opt Options) *Shell {
	lang, _ := i18n.Parse(store.Setting(settings.Lang, string(i18n.Default)))
	s := &Shell{app: a, store: store, demoYear: opt.DemoYear, loadDemo: opt.LoadDemo, now: opt.Now, areas: opt.Areas,
		OnExport: opt.OnExport, OnPresent: opt.OnPresent, OnSystem: opt.OnSystem, OnChecklist: opt.OnChecklist, saveDelay: opt.SaveDelay,
		cfg: opt.Config, loadCoordDemo: opt.LoadCoordinatorDemo, presentTick: opt.PresentTick}
	if s.now == nil {
		s.now = time.Now
	}
	switch {
	case s.saveDelay == 0:
		s.saveDelay = defaultSaveDelay
	case s.saveDelay < 0:
		s.saveDelay = 0
	}
	s.setLang(lang)
	s.applyTheme()
	s.win = a.NewWindow(s.loc.T("app.tagline"))
	s.restoreWindowSize()
	s.win.SetCloseIntercept(s.onCloseWindow)
	s.addShortcuts()
	if id, err := strconv.ParseInt(store.Setting(settings.OpenPlan, ""), 10, 64); err == nil && id > 0 {
		s.OpenPlan(id)
	} else {
		s.ShowStart()
	}
	return s
}

// Role is the user's role: settings.RoleOfficial (default) or settings.RoleCoordinator.
func (s *Shell) Role() string { return s.store.Setting(settings.Role, settings.RoleOfficial) }

// Window is the main window.
func (s *Shell) Window() fyne.Window { return s.win }

// Store is the open database.
func (s *Shell) Store() *data.Store { return s.store }

// Localizer is the user's language.
func (s *Shell) Localizer() *i18n.Localizer { return s.loc }

// Wizard is the open wizard (nil on the start screen).
func (s *Shell) Wizard() *wizard.Wizard { return s.wiz }

// Run shows the window and runs the app until it is closed.
func (s *Shell) Run() { s.win.ShowAndRun() }

func (s *Shell) setLang(l i18n.Lang) {
	s.loc = i18n.New(l)
	fynelang.Apply(l)
}

// onLanguage switches the language, remembers it and rebuilds what is shown.
func (s *Shell) onLanguage(l i18n.Lang) {
	if l == s.loc.Lang() {
		return
	}
	if err := s.store.SetSetting(settings.Lang, string(l)); err != nil {
		s.showError(err)
	}
	s.setLang(l)
	s.win.SetTitle(s.loc.T("app.tagline"))
	s.ShowStart()
}

// flushView saves what the open view still holds; false when that failed (the user was told).
func (s *Shell) flushView() bool {
	switch {
	case s.wiz != nil:
		return s.wiz.Flush() == nil
	case s.view != nil:
		if err := s.view.Flush(); err != nil {
			s.showError(err)
			return false
		}
	}
	return true
}

// ShowStart shows the start screen (after saving what the open view holds).
func (s *Shell) ShowStart() {
	if !s.flushView() {
		return
	}
	s.wiz, s.view, s.parked = nil, nil, nil
	if err := s.store.SetSetting(settings.OpenPlan, ""); err != nil {
		fyne.LogError("forget open plan", err)
	}
	s.start = newStartView(s)
	s.win.SetContent(s.start.build())
}

// Show shows an area's view instead of the start screen.
func (s *Shell) Show(v View) {
	if !s.flushView() {
		return
	}
	if s.wiz != nil {
		s.parked = s.wiz
	}
	s.wiz, s.view = nil, v
	s.win.SetContent(v.Build())
}

// OpenPlan opens plan id in the wizard at the step the user left it, and remembers it so a
// restart comes back here.
func (s *Shell) OpenPlan(id int64) {
	if !s.flushView() {
		return
	}
	if w := s.parked; w != nil && w.PlanID() == id {
		// Back from the register or the checklist: the same wizard, its history kept, showing
		// what was changed there.
		s.parked = nil
		if err := w.Resume(); err == nil {
			s.showWizard(w)
			return
		}
	}
	s.parked = nil
	opt := wizard.Options{SaveDelay: s.saveDelay, OnClose: s.ShowStart}
	if s.OnExport != nil {
		opt.OnExport = func(planID int64) { s.OnExport(planID) }
	}
	if s.OnPresent != nil {
		opt.OnPresent = func(planID int64) { s.OnPresent(planID) }
	}
	if s.OnSystem != nil {
		opt.OnSystem = func(systemID int64) { s.OnSystem(systemID) }
	}
	if s.OnChecklist != nil {
		opt.OnChecklist = func(planID int64, req string) { s.OnChecklist(planID, req) }
	}
	w, err := wizard.New(s.win, s.store, s.loc, id, opt)
	if err != nil {
		fyne.LogError("open plan", err)
		s.wiz = nil
		s.ShowStart()
		if !errors.Is(err, data.ErrNotFound) {
			s.showError(err)
		}
		return
	}
	s.showWizard(w)
}

// showWizard shows w and remembers its plan so a restart comes back to it.
func (s *Shell) showWizard(w *wizard.Wizard) {
	if err := s.store.SetSetting(settings.OpenPlan, strconv.FormatInt(w.PlanID(), 10)); err != nil {
		fyne.LogError("remember open plan", err)
	}
	s.wiz, s.view = w, nil
	s.win.SetContent(w.Build())
}

// onCloseWindow saves what is being typed before the window goes; if that fails the window
// stays open (the user has been told why), so nothing typed is lost silently.
func (s *Shell) onCloseWindow() {
	if !s.flushView() {
		return
	}
	s.rememberWindowSize()
	s.win.Close()
}

// addShortcuts registers the app's keys on the window. They fire when the focused widget does
// not take them (the wizard's own inputs pass them on); the wizard does the work.
func (s *Shell) addShortcuts() {
	c := s.win.Canvas()
	ctrl := fyne.KeyModifierShortcutDefault
	for _, sc := range []fyne.Shortcut{
		&fyne.ShortcutUndo{}, &fyne.ShortcutRedo{},
		&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl},
		&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl},
		&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift},
		&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl},
	} {
		c.AddShortcut(sc, s.onShortcut)
	}
	c.SetOnTypedKey(s.onKey)
}

func (s *Shell) onShortcut(sc fyne.Shortcut) {
	if s.wiz != nil {
		s.wiz.HandleShortcut(sc)
		return
	}
	// Views with their own keys (the register: undo, new row, save) get them too.
	if h, ok := s.view.(interface{ HandleShortcut(fyne.Shortcut) bool }); ok {
		h.HandleShortcut(sc)
	}
}

func (s *Shell) onKey(ev *fyne.KeyEvent) {
	if s.wiz != nil {
		s.wiz.HandleKey(ev)
	}
}

// showError shows a translated sentence for err, never a raw error chain.
func (s *Shell) showError(err error) {
	dialog.ShowError(errors.New(s.errorText(err)), s.win)
}

// errorText turns an error into one sentence in the user's language.
func (s *Shell) errorText(err error) string {
	var p *domain.Problem
	switch {
	case errors.As(err, &p):
		return p.Text(s.loc)
	case storemsg.Known(err):
		t, _ := storemsg.Text(s.loc, err) // the database is read-only, damaged, busy or full
		return t
	}
	fyne.LogError("ui", err)
	return s.loc.T("err.save_failed")
}
