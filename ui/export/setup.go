package export

import (
	"errors"
	"handlingsplan/ui/fynelang"
	"strings"
	"time"

	"handlingsplan/ui/bridge"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	appexport "handlingsplan/app/export"
	"handlingsplan/app/identity"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// identityYears is how long a self-issued identity made in the app is valid.
const identityYears = 3

// ui is what every dialog of the package needs; flows and the settings panel embed it.
type ui struct {
	env Env
	// wg counts background work (key generation, the export) so tests can wait for it.
	wg *bridge.Work
	// Seams for the platform's file dialogs, replaced in tests.
	chooseFolder func(start string, done func(dir string))
	openFile     func(exts []string, done func(name string, data []byte))
	saveFile     func(name string, data func(path string) []byte, done func(path string, err error))
	openURL      func(dir string) error
	now          func() time.Time
}

func newUI(env Env) *ui {
	u := &ui{env: env, wg: &bridge.Work{}, now: time.Now}
	u.chooseFolder = u.fyneChooseFolder
	u.openFile = u.fyneOpenFile
	u.saveFile = u.fyneSaveFile
	u.openURL = openFolder
	return u
}

func (u *ui) loc() *i18n.Localizer { return u.env.Loc }

// background runs work off the UI goroutine and then, back on it, done.
func (u *ui) background(work func(), done func()) {
	u.wg.Go(work, done)
}

// message shows a plain sentence with one button.
func (u *ui) message(title, text string) {
	l := wrapLabel(text)
	d := dialog.NewCustom(title, u.loc().T("export.ui.close"), l, u.env.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	fynelang.DialogKeys(u.env.Window, d.Hide, d.Hide)
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// confirmDialog asks before something that cannot be undone; its buttons are kept for tests.
type confirmDialog struct {
	dlg    *dialog.CustomDialog
	yes    *widget.Button
	cancel *widget.Button
}

// confirm shows text with a cancel button and a button named yes that runs onYes.
func (u *ui) confirm(title, text, yes string, danger bool, onYes func()) *confirmDialog {
	c := &confirmDialog{}
	c.yes = widget.NewButton(yes, func() {
		c.dlg.Hide()
		onYes()
	})
	c.yes.Importance = widget.HighImportance
	if danger {
		c.yes.Importance = widget.DangerImportance
	}
	c.cancel = widget.NewButton(u.loc().T("export.ui.cancel"), func() { c.dlg.Hide() })
	c.dlg = dialog.NewCustomWithoutButtons(title, wrapLabel(text), u.env.Window)
	c.dlg.SetButtons([]fyne.CanvasObject{c.cancel, c.yes})
	c.dlg.Resize(fyne.NewSize(520, 0))
	c.dlg.Show()
	// Escape cancels; Enter says yes only when yes is not dangerous (an overwrite is chosen
	// with its own button).
	var enter func()
	if !danger {
		enter = fynelang.Press(c.yes)
	}
	fynelang.DialogKeys(u.env.Window, enter, fynelang.Press(c.cancel))
	return c
}

// hint is a small status line under a field: empty until there is something to say.
func hint() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// submitWith lets Return in an entry press btn, but only while btn is enabled (the form valid).
func submitWith(btn *widget.Button) func(string) {
	return func(string) {
		if !btn.Disabled() && btn.OnTapped != nil {
			btn.OnTapped()
		}
	}
}

func setHint(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
}

// passphrasePair is the "passphrase twice" part of creating or importing an identity, with
// the live strength hint and the mismatch hint.
type passphrasePair struct {
	loc      *i18n.Localizer
	pass     *widget.Entry
	repeat   *widget.Entry
	strength *widget.Label
	mismatch *widget.Label
	changed  func()
}

func newPassphrasePair(loc *i18n.Localizer, changed func()) *passphrasePair {
	p := &passphrasePair{loc: loc, pass: widget.NewPasswordEntry(), repeat: widget.NewPasswordEntry(), strength: hint(), mismatch: hint(), changed: changed}
	p.pass.OnChanged = func(string) { p.update() }
	p.repeat.OnChanged = func(string) { p.update() }
	return p
}

func (p *passphrasePair) update() {
	switch s := identity.PassphraseStrength(p.pass.Text); {
	case p.pass.Text == "":
		setHint(p.strength, p.loc.T("export.ui.passphrase_help"), widget.LowImportance)
	case s == identity.Weak:
		setHint(p.strength, p.loc.T(s.MessageKey()), widget.DangerImportance)
	case s == identity.Fair:
		setHint(p.strength, p.loc.T(s.MessageKey()), widget.WarningImportance)
	default:
		setHint(p.strength, p.loc.T(s.MessageKey()), widget.SuccessImportance)
	}
	if p.repeat.Text != "" && p.repeat.Text != p.pass.Text {
		setHint(p.mismatch, p.loc.T("export.ui.passphrase_mismatch"), widget.DangerImportance)
	} else {
		setHint(p.mismatch, "", widget.MediumImportance)
	}
	if p.changed != nil {
		p.changed()
	}
}

// ok reports whether the passphrase is strong enough and typed the same twice.
func (p *passphrasePair) ok() bool {
	return identity.PassphraseStrength(p.pass.Text) != identity.Weak && p.pass.Text == p.repeat.Text
}

func (p *passphrasePair) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: p.loc.T("export.ui.passphrase"), Widget: container.NewVBox(p.pass, p.strength)},
		{Text: p.loc.T("export.ui.passphrase_repeat"), Widget: container.NewVBox(p.repeat, p.mismatch)},
	}
}

// setupDialog asks for a new identity: made here, or imported from a PKCS#12 file.
type setupDialog struct {
	u    *ui
	dlg  *dialog.CustomDialog
	done func(*identity.Identity)

	create, importBtn, cancel *widget.Button
	createForm                *createForm
	importForm                *importForm
}

// setup shows the choice between creating and importing an identity. defaults fill the
// form (the plan's responsible and board); done gets the identity, unlocked, once it is saved.
func (u *ui) setup(defaults identity.Subject, done func(*identity.Identity)) *setupDialog {
	loc := u.loc()
	s := &setupDialog{u: u, done: done}
	intro := wrapLabel(loc.T("export.ui.setup_intro"))
	s.create = widget.NewButton(loc.T("export.ui.setup_create"), func() {
		s.dlg.Hide()
		s.createForm = u.showCreate(defaults, done)
	})
	s.create.Importance = widget.HighImportance
	s.importBtn = widget.NewButton(loc.T("export.ui.setup_import"), func() {
		s.dlg.Hide()
		s.importForm = u.showImport(done)
	})
	s.cancel = widget.NewButton(loc.T("export.ui.cancel"), func() { s.dlg.Hide() })
	content := container.NewVBox(intro, s.create, wrapLabel(loc.T("export.ui.setup_create_help")), s.importBtn, wrapLabel(loc.T("export.ui.setup_import_help")))
	s.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.setup_title"), content, u.env.Window)
	s.dlg.SetButtons([]fyne.CanvasObject{s.cancel})
	s.dlg.Resize(fyne.NewSize(560, 0))
	s.dlg.Show()
	return s
}

// createForm makes a self-issued identity.
type createForm struct {
	dlg                *dialog.CustomDialog
	name, title, email *widget.Entry
	board              *widgets.SuggestEntry
	pass               *passphrasePair
	status             *widget.Label
	createBtn, cancel  *widget.Button
}

func (u *ui) showCreate(defaults identity.Subject, done func(*identity.Identity)) *createForm {
	loc := u.loc()
	f := &createForm{name: widget.NewEntry(), title: widget.NewEntry(), email: widget.NewEntry(), status: hint()}
	var boards []string
	if bs, err := u.env.Store.Boards(); err == nil {
		for _, b := range bs {
			boards = append(boards, b.Name)
		}
		loc.Sort(boards)
	}
	// One Tab stop, and what is typed reaches the field (Fyne's arrow is a second stop).
	f.board = widgets.NewSuggestEntry(widgets.Keys{}, boards)
	f.name.SetText(defaults.Name)
	f.title.SetText(defaults.Title)
	f.board.SetText(defaults.Board)
	f.email.SetText(defaults.Email)
	f.email.SetPlaceHolder(loc.T("export.ui.email_placeholder"))
	f.createBtn = widget.NewButton(loc.T("export.ui.create"), nil)
	f.createBtn.Importance = widget.HighImportance
	valid := func() {
		if strings.TrimSpace(f.name.Text) != "" && strings.TrimSpace(f.email.Text) != "" && f.pass.ok() {
			f.createBtn.Enable()
		} else {
			f.createBtn.Disable()
		}
	}
	f.pass = newPassphrasePair(loc, valid)
	f.name.OnChanged = func(string) { valid() }
	f.email.OnChanged = func(string) { valid() }
	f.pass.pass.OnSubmitted = submitWith(f.createBtn)
	f.pass.repeat.OnSubmitted = submitWith(f.createBtn)
	f.cancel = widget.NewButton(loc.T("export.ui.cancel"), func() { f.dlg.Hide() })
	f.createBtn.OnTapped = func() {
		subject := identity.Subject{Name: f.name.Text, Title: f.title.Text, Board: f.board.Text, Email: f.email.Text, Kommun: defaults.Kommun}
		pass := f.pass.pass.Text
		f.createBtn.Disable()
		f.cancel.Disable()
		setHint(f.status, loc.T("export.ui.creating"), widget.MediumImportance)
		var id *identity.Identity
		var err error
		u.background(func() {
			id, err = identity.New(subject, u.now(), identityYears*365*24*time.Hour)
			if err == nil {
				err = saveIdentity(u.env.ConfigDir, id, pass)
			}
		}, func() {
			f.cancel.Enable()
			if err != nil {
				setHint(f.status, u.identityErrorText(err), widget.DangerImportance)
				valid()
				return
			}
			f.dlg.Hide()
			done(id)
		})
	}
	form := widget.NewForm(
		widget.NewFormItem(loc.T("export.id.name"), f.name),
		widget.NewFormItem(loc.T("export.id.title"), f.title),
		widget.NewFormItem(loc.T("export.id.board"), f.board),
		widget.NewFormItem(loc.T("export.id.email"), f.email),
	)
	for _, it := range f.pass.items() {
		form.AppendItem(it)
	}
	f.pass.update()
	content := container.NewVBox(wrapLabel(loc.T("export.ui.create_intro")), form, f.status)
	f.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.create_title"), content, u.env.Window)
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancel, f.createBtn})
	f.dlg.Resize(fyne.NewSize(600, 0))
	f.dlg.Show()
	// Without focus the first keystrokes go to the window behind the dialog and are lost.
	u.env.Window.Canvas().Focus(f.name)
	return f
}

// importForm reads an identity from a PKCS#12 file (an organisation's PKI hands these out)
// and saves it encrypted with a passphrase the user chooses.
type importForm struct {
	dlg               *dialog.CustomDialog
	file              *widget.Label
	choose            *widget.Button
	filePass          *widget.Entry
	pass              *passphrasePair
	status            *widget.Label
	importBtn, cancel *widget.Button
	data              []byte
}

func (u *ui) showImport(done func(*identity.Identity)) *importForm {
	loc := u.loc()
	f := &importForm{file: widget.NewLabel(loc.T("export.ui.no_file")), filePass: widget.NewPasswordEntry(), status: hint()}
	f.importBtn = widget.NewButton(loc.T("export.ui.import"), nil)
	f.importBtn.Importance = widget.HighImportance
	valid := func() {
		if f.data != nil && f.filePass.Text != "" && f.pass.ok() {
			f.importBtn.Enable()
		} else {
			f.importBtn.Disable()
		}
	}
	f.pass = newPassphrasePair(loc, valid)
	f.filePass.OnChanged = func(string) { valid() }
	f.filePass.OnSubmitted = submitWith(f.importBtn)
	f.pass.pass.OnSubmitted = submitWith(f.importBtn)
	f.pass.repeat.OnSubmitted = submitWith(f.importBtn)
	f.choose = widget.NewButton(loc.T("export.ui.choose_file"), func() {
		u.openFile([]string{".p12", ".pfx"}, func(name string, data []byte) {
			f.data = data
			f.file.SetText(name)
			setHint(f.status, "", widget.MediumImportance)
			valid()
		})
	})
	f.cancel = widget.NewButton(loc.T("export.ui.cancel"), func() { f.dlg.Hide() })
	f.importBtn.OnTapped = func() {
		id, err := identity.Decode(f.data, f.filePass.Text)
		if err == nil && u.now().After(id.Cert.NotAfter) {
			err = appexport.ErrCertExpired
		}
		if err == nil {
			err = saveIdentity(u.env.ConfigDir, id, f.pass.pass.Text)
		}
		if err != nil {
			setHint(f.status, u.identityErrorText(err), widget.DangerImportance)
			if errors.Is(err, identity.ErrWrongPassphrase) {
				f.filePass.SetText("")
				u.env.Window.Canvas().Focus(f.filePass)
			}
			return
		}
		f.dlg.Hide()
		done(id)
	}
	form := widget.NewForm(
		widget.NewFormItem(loc.T("export.ui.file"), container.NewBorder(nil, nil, nil, f.choose, f.file)),
		widget.NewFormItem(loc.T("export.ui.file_passphrase"), f.filePass),
	)
	for _, it := range f.pass.items() {
		form.AppendItem(it)
	}
	f.pass.update()
	content := container.NewVBox(wrapLabel(loc.T("export.ui.import_intro")), form, f.status)
	f.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.import_title"), content, u.env.Window)
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancel, f.importBtn})
	f.dlg.Resize(fyne.NewSize(600, 0))
	f.dlg.Show()
	u.env.Window.Canvas().Focus(f.filePass)
	return f
}

// identityErrorText is the sentence for an identity that could not be made, opened or saved.
func (u *ui) identityErrorText(err error) string {
	if errors.Is(err, appexport.ErrCertExpired) {
		return u.loc().T("export.err.cert_expired")
	}
	if k := identity.MessageKey(err); k != "identity.err.other" {
		return u.loc().T(k)
	}
	fyne.LogError("identity", err)
	return u.loc().T("export.ui.identity_failed")
}

// passphraseDialog asks for the identity's passphrase and tries it; a wrong one gets a clear
// sentence and another try.
type passphraseDialog struct {
	dlg        *dialog.CustomDialog
	pass       *widget.Entry
	status     *widget.Label
	ok, cancel *widget.Button
}

func (u *ui) askPassphrase(title, intro string, done func(id *identity.Identity, pass string)) *passphraseDialog {
	loc := u.loc()
	p := &passphraseDialog{pass: widget.NewPasswordEntry(), status: hint()}
	p.ok = widget.NewButton(loc.T("export.ui.ok"), func() {
		id, err := unlock(u.env.ConfigDir, p.pass.Text)
		if err != nil {
			setHint(p.status, u.identityErrorText(err), widget.DangerImportance)
			p.pass.SetText("")
			u.env.Window.Canvas().Focus(p.pass)
			return
		}
		p.dlg.Hide()
		done(id, p.pass.Text)
	})
	p.ok.Importance = widget.HighImportance
	p.pass.OnSubmitted = func(string) { p.ok.OnTapped() }
	p.cancel = widget.NewButton(loc.T("export.ui.cancel"), func() { p.dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem(loc.T("export.ui.passphrase"), p.pass))
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(wrapLabel(intro), form, p.status), u.env.Window)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.ok})
	p.dlg.Resize(fyne.NewSize(520, 0))
	p.dlg.Show()
	u.env.Window.Canvas().Focus(p.pass)
	return p
}
