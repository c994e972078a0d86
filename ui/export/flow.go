// Package export is the desktop side of signing and exporting a plan: the export flow (identity
// setup on first use, warnings, passphrase, where to save, progress, result) and the identity
// panel of the settings page. The work itself is app/export's Export, as on the command line.
package export

import (
	"crypto/x509"
	"errors"
	"handlingsplan/ui/fynelang"
	"os"
	"path/filepath"
	"strings"

	"handlingsplan/ui/bridge"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appexport "handlingsplan/app/export"
	"handlingsplan/app/identity"
	"handlingsplan/app/settings"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// Env is what the flow and the settings panel need from the app shell.
type Env struct {
	Window     fyne.Window
	Store      *data.Store
	Loc        *i18n.Localizer
	ConfigDir  string // where the identity is kept (identity.DefaultPath)
	AppVersion string
	OnDone     func() // called after a plan was signed and saved (the shell refreshes its views)
	// OnReview, when set, opens the plan's review step; the "cannot be signed yet" dialog then
	// offers a button to go there instead of only closing.
	OnReview func(planID int64)
}

// Run exports one plan: it checks the plan, sets up an identity when there is none, warns about
// sensitive register details, asks for the passphrase and where to save, and signs and saves.
func Run(env Env, planID int64) { newFlow(env, planID).start() }

type flow struct {
	*ui
	planID int64
	pf     appexport.Preflight
	id     *identity.Identity // set once unlocked (or just created)

	// The dialogs shown, kept for tests.
	blocked   *blockedDialog
	setupDlg  *setupDialog
	sensitive *sensitiveDialog
	sign      *signDialog
	progress  *progressDialog
	done      *doneDialog
	err       string // the last error sentence shown
}

func newFlow(env Env, planID int64) *flow { return &flow{ui: newUI(env), planID: planID} }

func (f *flow) start() {
	pf, err := appexport.Check(f.env.Store, f.planID)
	if err != nil {
		f.showError(err)
		return
	}
	f.pf = pf
	if pf.Blocking() {
		f.blocked = f.showBlocked(pf.Problems)
		return
	}
	if !hasIdentity(f.env.ConfigDir) {
		// The plan's responsible is often a role ("Förvaltningschef, …"), not a name: the name is left to the user.
		defaults := identity.Subject{Board: pf.Data.Plan.Board, Kommun: pf.Profile.Kommun}
		f.setupDlg = f.setup(defaults, func(id *identity.Identity) {
			f.id = id
			f.afterIdentity()
		})
		return
	}
	f.afterIdentity()
}

func (f *flow) afterIdentity() {
	if f.pf.Sensitive {
		f.sensitive = f.confirmSensitive(f.askSign)
		return
	}
	f.askSign()
}

func (f *flow) showError(err error) {
	f.err = appexport.ErrorText(f.loc(), err)
	fyne.LogError("export", err)
	f.message(f.loc().T("export.ui.failed_title"), f.err)
}

// blockedDialog lists what must be fixed before the plan can be signed.
type blockedDialog struct {
	dlg    *dialog.CustomDialog
	lines  []string
	review *widget.Button // nil when the shell gave no Env.OnReview
	close  *widget.Button
}

func (f *flow) showBlocked(ps domain.Problems) *blockedDialog {
	loc := f.loc()
	b := &blockedDialog{}
	for _, p := range ps {
		if p.Severity == domain.Blocking {
			b.lines = append(b.lines, appexport.ProblemLine(loc, f.pf.Data, p))
		}
	}
	// One wrapping label in a scroll, not a label per line: a large plan can have many problems.
	list := container.NewVScroll(wrapLabel("• " + strings.Join(b.lines, "\n• ")))
	intro := wrapLabel(loc.Tf("export.ui.blocked_intro", "Count", len(b.lines)))
	b.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.blocked_title"), container.NewBorder(intro, nil, nil, nil, list), f.env.Window)
	b.close = widget.NewButton(loc.T("export.ui.close"), func() { b.dlg.Hide() })
	buttons := []fyne.CanvasObject{b.close}
	if f.env.OnReview != nil {
		b.review = widget.NewButton(loc.T("export.ui.go_to_review"), func() {
			b.dlg.Hide()
			f.env.OnReview(f.planID)
		})
		b.review.Importance = widget.HighImportance
		buttons = append(buttons, b.review)
	}
	b.dlg.SetButtons(buttons)
	b.dlg.Resize(fyne.NewSize(640, 420))
	b.dlg.Show()
	fynelang.DialogKeys(f.env.Window, fynelang.Press(b.review), b.dlg.Hide)
	return b
}

// sensitiveDialog reminds of the policy: confidential information must not be e-mailed. The
// user confirms another channel before going on.
type sensitiveDialog struct {
	dlg          *dialog.CustomDialog
	confirm      *widget.Check
	next, cancel *widget.Button
}

func (f *flow) confirmSensitive(next func()) *sensitiveDialog {
	loc := f.loc()
	s := &sensitiveDialog{}
	s.next = widget.NewButton(loc.T("export.ui.continue"), func() {
		s.dlg.Hide()
		next()
	})
	s.next.Importance = widget.HighImportance
	s.next.Disable()
	s.confirm = widget.NewCheck(loc.T("export.ui.sensitive_confirm"), func(on bool) {
		if on {
			s.next.Enable()
		} else {
			s.next.Disable()
		}
	})
	s.cancel = widget.NewButton(loc.T("export.ui.cancel"), func() { s.dlg.Hide() })
	policy := widget.NewLabelWithStyle(loc.T("export.ui.sensitive_policy"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	policy.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, policy),
		wrapLabel(loc.T("export.ui.sensitive_text")),
		s.confirm,
	)
	s.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.sensitive_title"), content, f.env.Window)
	s.dlg.SetButtons([]fyne.CanvasObject{s.cancel, s.next})
	defer fynelang.DialogKeys(f.env.Window, fynelang.Press(s.next), fynelang.Press(s.cancel))
	s.dlg.Resize(fyne.NewSize(600, 0))
	s.dlg.Show()
	return s
}

// signDialog asks for the passphrase and where to save, in one step. It is not Fyne's save
// dialog: that one empties an existing file before the caller writes, and a failed export must
// leave an earlier submission intact.
type signDialog struct {
	dlg          *dialog.CustomDialog
	signer       *widget.Label
	pass         *widget.Entry
	folder       *widget.Label
	chooseFolder *widget.Button
	name         *widget.Entry
	status       *widget.Label
	sign, cancel *widget.Button
	overwrite    *confirmDialog
}

func (f *flow) askSign() {
	loc := f.loc()
	d := f.pf.Data.Plan
	s := &signDialog{pass: widget.NewPasswordEntry(), name: widget.NewEntry(), status: hint()}
	f.sign = s
	s.signer = widget.NewLabel(f.signerText())
	s.folder = widget.NewLabel(f.defaultFolder())
	s.folder.Truncation = fyne.TextTruncateEllipsis
	s.chooseFolder = widget.NewButton(loc.T("export.ui.choose_folder"), func() {
		f.chooseFolder(s.folder.Text, func(dir string) { s.folder.SetText(dir) })
	})
	s.name.SetText(appexport.FileName(loc, d.Board, d.Year, f.pf.Version))
	s.sign = widget.NewButton(loc.T("export.ui.sign"), f.onSign)
	s.sign.Importance = widget.HighImportance
	s.pass.OnSubmitted = func(string) { f.onSign() }
	s.name.OnSubmitted = func(string) { f.onSign() }
	s.cancel = widget.NewButton(loc.T("export.ui.cancel"), func() { s.dlg.Hide() })

	form := widget.NewForm(widget.NewFormItem(loc.T("export.ui.signer"), s.signer))
	if f.id == nil {
		form.AppendItem(widget.NewFormItem(loc.T("export.ui.passphrase"), s.pass))
	}
	form.AppendItem(widget.NewFormItem(loc.T("export.ui.folder"), container.NewBorder(nil, nil, nil, s.chooseFolder, s.folder)))
	form.AppendItem(widget.NewFormItem(loc.T("export.ui.file_name"), s.name))
	intro := wrapLabel(loc.Tf("export.ui.sign_intro", "Board", d.Board, "Year", d.Year, "Version", f.pf.Version))
	s.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.sign_title"), container.NewVBox(intro, form, s.status), f.env.Window)
	s.dlg.SetButtons([]fyne.CanvasObject{s.cancel, s.sign})
	defer fynelang.DialogKeys(f.env.Window, fynelang.Press(s.sign), fynelang.Press(s.cancel))
	s.dlg.Resize(fyne.NewSize(640, 0))
	s.dlg.Show()
	if f.id == nil {
		f.env.Window.Canvas().Focus(s.pass)
	} else {
		f.env.Window.Canvas().Focus(s.name)
	}
}

// signerText names the identity that will sign, from its certificate file.
func (f *flow) signerText() string {
	var c []*x509.Certificate
	if f.id != nil {
		c = append(c, f.id.Cert)
	} else if certs, err := storedCert(f.env.ConfigDir); err == nil {
		c = certs
	}
	if len(c) == 0 {
		return f.loc().T("export.ui.signer_unknown")
	}
	s := identity.SubjectOf(c[0])
	if s.Title != "" {
		return s.Name + ", " + s.Title
	}
	return s.Name
}

func (f *flow) defaultFolder() string {
	if dir := f.env.Store.Setting(settings.ExportFolder, ""); isDir(dir) {
		return dir
	}
	return documentsDir()
}

func (f *flow) onSign() {
	loc := f.loc()
	s := f.sign
	name := strings.TrimSpace(s.name.Text)
	switch {
	case name == "" || strings.ContainsAny(name, `/\`):
		setHint(s.status, loc.T("export.ui.bad_file_name"), widget.DangerImportance)
		return
	case !isDir(s.folder.Text):
		setHint(s.status, loc.Tf("export.ui.no_folder", "Folder", s.folder.Text), widget.DangerImportance)
		return
	}
	if !strings.EqualFold(filepath.Ext(name), ".pdf") {
		name += ".pdf"
	}
	if f.id == nil {
		id, err := unlock(f.env.ConfigDir, s.pass.Text)
		if err != nil {
			setHint(s.status, f.identityErrorText(err), widget.DangerImportance)
			s.pass.SetText("")
			f.env.Window.Canvas().Focus(s.pass)
			return
		}
		f.id = id
	}
	path := filepath.Join(s.folder.Text, name)
	if _, err := os.Stat(path); err == nil {
		s.overwrite = f.confirm(loc.T("export.ui.overwrite_title"), loc.Tf("export.ui.overwrite_text", "File", name), loc.T("export.ui.overwrite"), false,
			func() { f.run(path) })
		return
	}
	f.run(path)
}

// progressDialog shows what the export is doing.
type progressDialog struct {
	dlg  *dialog.CustomDialog
	bar  *widget.ProgressBar
	step *widget.Label
}

// run signs and saves in the background; the window stays responsive and shows progress.
func (f *flow) run(path string) {
	loc := f.loc()
	f.sign.dlg.Hide()
	p := &progressDialog{bar: widget.NewProgressBar(), step: widget.NewLabel(loc.T("export.step.check"))}
	f.progress = p
	p.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.progress_title"), container.NewVBox(p.step, p.bar), f.env.Window)
	p.dlg.Resize(fyne.NewSize(480, 0))
	p.dlg.Show()
	id := f.id
	var res appexport.Result
	var err error
	f.background(func() {
		res, err = appexport.Export(f.env.Store, f.planID, id, appexport.Options{
			Loc:        loc,
			AppVersion: f.env.AppVersion,
			Out:        path,
			Progress: func(step string, frac float64) {
				bridge.Do(func() {
					p.step.SetText(step)
					p.bar.SetValue(frac)
				})
			},
		})
	}, func() {
		p.dlg.Hide()
		var we *appexport.WriteError
		switch {
		case errors.Is(err, appexport.ErrBlocking):
			// The plan changed since the check (another window): show what is wrong now.
			f.blocked = f.showBlocked(res.Problems)
		case errors.As(err, &we):
			// Let the user pick another folder or name and try again.
			f.err = appexport.ErrorText(loc, err)
			setHint(f.sign.status, f.err, widget.DangerImportance)
			f.sign.dlg.Show()
		case err != nil:
			f.showError(err)
		default:
			if serr := f.env.Store.SetSetting(settings.ExportFolder, filepath.Dir(path)); serr != nil {
				fyne.LogError("remember export folder", serr)
			}
			f.done = f.showDone(res, path)
			if f.env.OnDone != nil {
				f.env.OnDone()
			}
		}
	})
}

// doneDialog says where the file is and offers to open its folder.
type doneDialog struct {
	dlg               *dialog.CustomDialog
	text              *widget.Label
	openFolder, close *widget.Button
}

func (f *flow) showDone(res appexport.Result, path string) *doneDialog {
	loc := f.loc()
	d := &doneDialog{}
	lines := []string{
		loc.Tf("export.ui.saved", "Path", path),
		loc.Tf("export.ui.saved_version", "Board", res.Board, "Year", res.Year, "Version", res.Version),
	}
	if res.Sensitive {
		lines = append(lines, loc.T("export.ui.saved_sensitive"))
	} else {
		lines = append(lines, loc.T("export.ui.saved_send"))
	}
	d.text = wrapLabel(strings.Join(lines, "\n\n"))
	d.openFolder = widget.NewButtonWithIcon(loc.T("export.ui.open_folder"), theme.FolderOpenIcon(), func() {
		if err := f.openURL(filepath.Dir(path)); err != nil {
			fyne.LogError("open folder", err)
			f.message(loc.T("export.ui.open_folder"), loc.Tf("export.ui.open_folder_failed", "Folder", filepath.Dir(path)))
		}
	})
	d.close = widget.NewButton(loc.T("export.ui.close"), func() { d.dlg.Hide() })
	d.close.Importance = widget.HighImportance
	d.dlg = dialog.NewCustomWithoutButtons(loc.T("export.ui.done_title"), d.text, f.env.Window)
	d.dlg.SetButtons([]fyne.CanvasObject{d.openFolder, d.close})
	d.dlg.Resize(fyne.NewSize(600, 0))
	d.dlg.Show()
	fynelang.DialogKeys(f.env.Window, fynelang.Press(d.close), fynelang.Press(d.close))
	return d
}
