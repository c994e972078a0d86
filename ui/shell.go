// Package ui is the Fyne desktop interface: the main window, the start screen and the views
// it opens. It calls app/ and data/ and holds no domain rules of its own.
package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"handlingsplan/app"
	"handlingsplan/data"
	"handlingsplan/i18n"
	"handlingsplan/ui/fynelang"
)

// Settings keys the shell remembers between runs.
const (
	settingLang  = "lang"
	settingBoard = "last_board"
)

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
	loadDemo func(s *data.Store, year int) error
	start    *startView
}

// Options are what main hands the shell.
type Options struct {
	DemoYear int
	LoadDemo func(s *data.Store, year int) error
}

// New builds the main window on a (real or test) Fyne app.
func New(a fyne.App, store *data.Store, opt Options) *Shell {
	lang, _ := i18n.Parse(store.Setting(settingLang, string(i18n.Default)))
	s := &Shell{app: a, store: store, demoYear: opt.DemoYear, loadDemo: opt.LoadDemo}
	s.setLang(lang)
	s.win = a.NewWindow(s.loc.T("app.tagline"))
	s.win.Resize(fyne.NewSize(1180, 760))
	s.showStart()
	return s
}

// Window is the main window.
func (s *Shell) Window() fyne.Window { return s.win }

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
	if err := s.store.SetSetting(settingLang, string(l)); err != nil {
		s.showError(err)
	}
	s.setLang(l)
	s.win.SetTitle(s.loc.T("app.tagline"))
	s.showStart()
}

func (s *Shell) showStart() {
	s.start = newStartView(s)
	s.win.SetContent(s.start.build())
}

// showError shows a translated sentence for err, never a raw error chain.
func (s *Shell) showError(err error) {
	dialog.ShowError(errors.New(s.errorText(err)), s.win)
}

// errorText turns an error into one sentence in the user's language.
func (s *Shell) errorText(err error) string {
	var p *app.Problem
	switch {
	case errors.As(err, &p):
		return p.Text(s.loc)
	case data.IsDiskFull(err):
		return s.loc.T("err.disk_full")
	}
	fyne.LogError("ui", err)
	return s.loc.T("err.save_failed")
}
