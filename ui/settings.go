package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appprofile "handlingsplan/app/profile"
	"handlingsplan/app/settings"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/export"
	profileui "handlingsplan/ui/profile"
)

// settingsView lets the user choose language, theme, role and the presentation clock, and
// manage the signer identity.
type settingsView struct {
	sh       *Shell
	lang     *widget.Select
	theme    *widget.RadioGroup
	role     *widget.RadioGroup
	clock    *widget.Check
	kommun   *widget.Entry
	themeIDs []string
	backup   *backupSection
}

func newSettingsView(sh *Shell) *settingsView { return &settingsView{sh: sh} }

func (v *settingsView) Flush() error { return nil }

func (v *settingsView) Build() fyne.CanvasObject {
	sh, loc := v.sh, v.sh.loc
	back := widget.NewButtonWithIcon(loc.T("settings.back"), theme.NavigateBackIcon(), sh.ShowStart)
	title := widget.NewLabelWithStyle(loc.T("settings.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText

	v.lang = widget.NewSelect([]string{loc.T("lang.sv"), loc.T("lang.en")}, nil)
	if loc.Lang() == i18n.English {
		v.lang.SetSelected(loc.T("lang.en"))
	} else {
		v.lang.SetSelected(loc.T("lang.sv"))
	}
	v.lang.OnChanged = v.onLanguage

	v.themeIDs = []string{themeSystem, themeLight, themeDark}
	v.theme = widget.NewRadioGroup([]string{loc.T("settings.theme.system"), loc.T("settings.theme.light"), loc.T("settings.theme.dark")}, nil)
	v.theme.Horizontal = true
	cur := sh.store.Setting(settings.Theme, themeSystem)
	for i, id := range v.themeIDs {
		if id == cur {
			v.theme.SetSelected(v.theme.Options[i])
		}
	}
	v.theme.OnChanged = v.onTheme

	v.role = widget.NewRadioGroup([]string{loc.T("settings.role.official"), loc.T("settings.role.coordinator")}, nil)
	if sh.Role() == settings.RoleCoordinator {
		v.role.SetSelected(v.role.Options[1])
	} else {
		v.role.SetSelected(v.role.Options[0])
	}
	v.role.OnChanged = v.onRole
	roleHelp := widget.NewLabel(loc.T("settings.role.help"))
	roleHelp.Wrapping = fyne.TextWrapWord

	v.clock = widget.NewCheck(loc.T("settings.clock"), v.onClock)
	v.clock.SetChecked(sh.store.Setting(settings.Clock, "") == "1")

	v.kommun = widget.NewEntry()
	if prof, err := sh.store.Profile(); err == nil {
		v.kommun.SetText(prof.Kommun)
	}
	v.kommun.OnSubmitted = func(string) { v.onKommun() }
	saveKommun := widget.NewButtonWithIcon(loc.T("settings.save"), theme.DocumentSaveIcon(), v.onKommun)
	kommunHelp := widget.NewLabel(loc.T("settings.kommun.help"))
	kommunHelp.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(loc.T("settings.kommun"), container.NewVBox(container.NewBorder(nil, nil, nil, saveKommun, v.kommun), kommunHelp)),
		widget.NewFormItem(loc.T("start.language"), v.lang),
		widget.NewFormItem(loc.T("settings.theme"), v.theme),
		widget.NewFormItem(loc.T("settings.role"), container.NewVBox(v.role, roleHelp)),
		widget.NewFormItem(loc.T("settings.presentation"), v.clock),
	)
	if prof, err := sh.store.Profile(); err == nil && prof.Version > 0 && sh.Role() != settings.RoleCoordinator {
		// A board's kommun name comes with the kommun's profile; a rename here would be a version
		// of its own that the next profile from the coordinator could not follow.
		v.kommun.Disable()
		saveKommun.Disable()
		kommunHelp.SetText(loc.Tf("settings.kommun.from_profile", "Version", prof.Version))
	}
	body := container.NewVBox(form, widget.NewSeparator())
	body.Add(profileui.NewPanel(profileui.Env{Window: sh.win, Store: sh.store, Loc: loc, ConfigDir: sh.cfg.ConfigDir,
		Coordinator: sh.Role() == settings.RoleCoordinator, Now: sh.now,
		OpenEditor: func() { sh.openProfileEditor() }}).Object())
	body.Add(widget.NewSeparator())
	if sh.cfg.ConfigDir != "" {
		body.Add(export.Settings(sh.exportEnv()))
		body.Add(widget.NewSeparator())
	}
	v.backup = newBackupSection(sh)
	body.Add(v.backup.build())
	about := widget.NewButtonWithIcon(loc.T("about.title"), theme.InfoIcon(), func() { sh.showAbout() })
	return container.NewBorder(container.NewVBox(container.NewHBox(back, title, layout.NewSpacer(), about), widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewPadded(body)))
}

func (v *settingsView) onLanguage(s string) {
	l := i18n.Swedish
	if s == v.sh.loc.T("lang.en") {
		l = i18n.English
	}
	if l == v.sh.loc.Lang() {
		return
	}
	v.sh.onLanguage(l)
	v.sh.Show(newSettingsView(v.sh))
}

func (v *settingsView) onTheme(s string) {
	for i, o := range v.theme.Options {
		if o == s {
			if err := v.sh.store.SetSetting(settings.Theme, v.themeIDs[i]); err != nil {
				v.sh.showError(err)
				return
			}
		}
	}
	v.sh.applyTheme()
}

func (v *settingsView) onRole(s string) {
	role := settings.RoleOfficial
	if s == v.role.Options[1] {
		role = settings.RoleCoordinator
	}
	if err := v.sh.store.SetSetting(settings.Role, role); err != nil {
		v.sh.showError(err)
		return
	}
	v.sh.Show(newSettingsView(v.sh)) // the profile section differs by role
}

func (v *settingsView) onClock(on bool) {
	val := ""
	if on {
		val = "1"
	}
	if err := v.sh.store.SetSetting(settings.Clock, val); err != nil {
		v.sh.showError(err)
	}
}

// onKommun saves the kommun's name in the policy profile (printed on reports and submissions).
func (v *settingsView) onKommun() {
	name := strings.TrimSpace(v.kommun.Text)
	if name == "" {
		v.sh.showError(&domain.Problem{Key: "err.required", Args: []any{"Field", "field.kommun"}})
		return
	}
	prof, err := v.sh.store.Profile()
	if err == nil && prof.Kommun != name {
		prof.Kommun = name
		if v.sh.Role() == settings.RoleCoordinator {
			_, err = appprofile.SaveVersion(v.sh.store, prof) // the coordinator's profile: a new version
		} else {
			err = v.sh.store.SaveProfile(prof)
		}
	}
	if err != nil {
		v.sh.showError(err)
		return
	}
	dialog.ShowInformation(v.sh.loc.T("settings.kommun"), v.sh.loc.Tf("settings.kommun.saved", "Name", name), v.sh.win)
}
