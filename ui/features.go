package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	model "handlingsplan/app/present"
	"handlingsplan/app/settings"
	"handlingsplan/data"
	"handlingsplan/ui/checklist"
	"handlingsplan/ui/coordinator"
	"handlingsplan/ui/export"
	"handlingsplan/ui/overview"
	"handlingsplan/ui/present"
	profileui "handlingsplan/ui/profile"
	"handlingsplan/ui/register"
	"handlingsplan/ui/wizard"
)

// NewApp is New with every feature wired in: export and signing (Ctrl+E), the presentation
// (F5, Shift+F5), the coordinator's import and overview areas (shown in the coordinator role)
// and the settings page. main uses it; tests of the bare shell may use New.
func NewApp(a fyne.App, store *data.Store, opt Options) *Shell {
	var sh *Shell
	opt.OnExport = func(planID int64) { export.Run(sh.exportEnv(), planID) }
	opt.OnPresent = func(planID int64) { sh.presentPlan(planID, false) }
	opt.OnSystem = func(systemID int64) {
		if sh.wiz != nil {
			sh.openRegister(sh.wiz.Data().Plan.BoardID, systemID)
		}
	}
	opt.OnChecklist = func(planID int64, req string) { sh.openChecklist(planID, req) }
	opt.Areas = append(opt.Areas,
		Area{TitleKey: "area.import", Icon: theme.DownloadIcon(), Role: settings.RoleCoordinator, Build: func(s *Shell) View {
			return coordinator.New(coordinator.Env{Window: s.win, Store: s.store, Loc: s.loc, ConfigDir: s.cfg.ConfigDir, Back: s.ShowStart})
		}},
		Area{TitleKey: "area.overview", Icon: theme.GridIcon(), Role: settings.RoleCoordinator, Build: func(s *Shell) View {
			return newOverviewArea(s)
		}},
		Area{TitleKey: "settings.title", Icon: theme.SettingsIcon(), Build: func(s *Shell) View { return newSettingsView(s) }},
	)
	sh = New(a, store, opt)
	// Plain F5 and Shift+F5 reach only the canvas (no widget focused); the wizard also
	// handles F5 from its own inputs.
	present.HandleKeys(sh.win.Canvas(), sh.presentCurrent)
	return sh
}

// openRegister shows a board's register (focused on systemID when not 0). Back returns to the
// plan the user came from, or to the start screen.
func (s *Shell) openRegister(boardID, systemID int64) {
	back := s.ShowStart
	if s.wiz != nil {
		planID := s.wiz.PlanID()
		back = func() { s.OpenPlan(planID) }
	}
	v := register.New(register.Env{Window: s.win, Store: s.store, Loc: s.loc, Back: back, SaveDelay: s.saveDelay,
		Now: s.now, OpenPlan: s.OpenPlan}, boardID)
	s.Show(v)
	if systemID != 0 {
		v.Focus(systemID)
	}
}

// openChecklist shows a plan's checklist of the policy's general requirements (at requirement
// req when not ""). Back returns to the plan the user came from, or to the start screen.
func (s *Shell) openChecklist(planID int64, req string) {
	back := s.ShowStart
	if s.wiz != nil {
		from := s.wiz.PlanID()
		back = func() { s.OpenPlan(from) }
	}
	v := checklist.New(checklist.Env{Window: s.win, Store: s.store, Loc: s.loc, Back: back, OpenPlan: s.OpenPlan,
		Now: s.now, SaveDelay: s.saveDelay}, planID)
	s.Show(v)
	if req != "" {
		v.Focus(req)
	}
}

// openProfileEditor shows the coordinator's profile editor; Back returns to the settings.
func (s *Shell) openProfileEditor() {
	s.Show(profileui.NewEditor(profileui.EditorEnv{Window: s.win, Store: s.store, Loc: s.loc,
		Back: func() { s.Show(newSettingsView(s)) }}))
}

// exportEnv is what the export flow and the identity settings need.
func (s *Shell) exportEnv() export.Env {
	return export.Env{Window: s.win, Store: s.store, Loc: s.loc, ConfigDir: s.cfg.ConfigDir, AppVersion: s.cfg.AppVersion,
		OnDone: s.refresh, OnReview: s.openReview}
}

// openReview opens a plan at the wizard's review step, where every problem is listed.
func (s *Shell) openReview(planID int64) {
	s.OpenPlan(planID)
	if s.wiz != nil && s.wiz.PlanID() == planID {
		s.wiz.GoTo(wizard.StepReview)
	}
}

// refresh shows what is open again from the database (after an export changed a plan's status).
func (s *Shell) refresh() {
	if s.wiz != nil {
		s.OpenPlan(s.wiz.PlanID())
		return
	}
	if s.view == nil {
		s.ShowStart()
	}
}

// presentCurrent starts a presentation of what is open: the wizard's plan (Shift+F5: from the
// slides of the step the user is on) or the municipal overview's year.
func (s *Shell) presentCurrent(fromSection bool) {
	switch {
	case s.wiz != nil:
		s.presentPlan(s.wiz.PlanID(), fromSection)
	case s.view != nil:
		if oa, ok := s.view.(*overviewArea); ok {
			oa.present()
		}
	}
}

// stepSections maps the wizard's steps to the slides that show the same thing.
var stepSections = []model.Kind{model.KindTitle, model.KindFollowUp, model.KindAnnual, model.KindGoals, model.KindResources,
	model.KindTraining, model.KindDecisions, model.KindTimeline}

func (s *Shell) presentPlan(planID int64, fromSection bool) {
	if s.wiz != nil && s.wiz.Flush() != nil {
		return
	}
	// The deck comes from the function `handlingsplan handout` uses: the handout is this deck.
	deck, err := model.PlanDeck(s.store, planID, s.loc, s.now())
	if err != nil {
		s.showError(err)
		return
	}
	var from model.Kind
	if fromSection && s.wiz != nil && s.wiz.Step() < len(stepSections) {
		from = stepSections[s.wiz.Step()]
	}
	s.startPresentation(deck, from)
}

func (s *Shell) startPresentation(deck *model.Deck, from model.Kind) {
	present.Start(present.Env{Window: s.win, Loc: s.loc, Clock: s.store.Setting(settings.Clock, "") == "1", Now: s.now,
		Tick: s.presentTick}, deck, from)
}

// overviewArea is the municipal overview with a way back and a presentation button.
type overviewArea struct {
	sh *Shell
	v  *overview.View
}

func newOverviewArea(sh *Shell) *overviewArea {
	return &overviewArea{sh: sh, v: overview.New(overview.Env{Window: sh.win, Store: sh.store, Loc: sh.loc,
		ConfigDir: sh.cfg.ConfigDir, AppVersion: sh.cfg.AppVersion, Now: sh.now})}
}

func (a *overviewArea) Build() fyne.CanvasObject {
	loc := a.sh.loc
	back := widget.NewButtonWithIcon(loc.T("settings.back"), theme.NavigateBackIcon(), a.sh.ShowStart)
	title := widget.NewLabelWithStyle(loc.T("area.overview"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	show := widget.NewButtonWithIcon(loc.T("area.present"), theme.MediaPlayIcon(), a.present)
	head := container.NewBorder(nil, nil, container.NewHBox(back, title), show)
	return container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, a.v.Build())
}

func (a *overviewArea) Flush() error { return a.v.Flush() }

// present shows the overview of the year on screen as slides.
func (a *overviewArea) present() {
	sh := a.sh
	// The deck comes from the function `handlingsplan handout` uses: the handout is this deck.
	deck, _, err := model.OverviewDeck(sh.store, a.v.Year(), sh.loc, sh.now())
	if err != nil {
		sh.showError(err)
		return
	}
	sh.startPresentation(deck, "")
}
