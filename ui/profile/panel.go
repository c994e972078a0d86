// Package profile is the policy profile in the settings: which version is in use and where it
// came from, importing a signed profile file (the app checks it, shows the signer's fingerprint
// and what changes, and takes it into use for new plans), and for the coordinator the profile
// editor and the signed export.
package profile

import (
	"errors"
	"handlingsplan/ui/fynelang"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
	appprofile "handlingsplan/app/profile"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// Env is what the settings page hands the panel.
type Env struct {
	Window      fyne.Window
	Store       *data.Store
	Loc         *i18n.Localizer
	ConfigDir   string // where the coordinator's identity is (identity.DefaultPath)
	Coordinator bool   // the coordinator edits and exports; everyone imports
	// OpenEditor shows the profile editor (the shell's view); nil hides the button.
	OpenEditor func()
	Now        func() time.Time
	// Files are the file dialogs; nil means Fyne's (tests answer them themselves).
	OpenFile func(done func(name string, b []byte))
	SaveFile func(name string, b []byte, done func(path string, err error))
}

// Panel is the profile section of the settings page.
type Panel struct {
	env Env
	loc *i18n.Localizer
	box *fyne.Container

	info                   *widget.Label
	importBtn              *widget.Button
	editBtn, exportBtn     *widget.Button
	status                 *widget.Label
	check                  *checkDialog // the open import dialog (tests answer it)
	passDlg                *dialog.FormDialog
	pass                   *widget.Entry
	lastExport, lastImport string // what was done last, for tests
}

// NewPanel builds the panel from the profile in use.
func NewPanel(env Env) *Panel {
	p := &Panel{env: env, loc: env.Loc, box: container.NewVBox()}
	p.refresh()
	return p
}

// Object is the panel's widget.
func (p *Panel) Object() fyne.CanvasObject { return p.box }

func (p *Panel) now() time.Time {
	if p.env.Now != nil {
		return p.env.Now()
	}
	return time.Now()
}

// refresh shows the profile in use.
func (p *Panel) refresh() {
	loc := p.loc
	title := widget.NewLabelWithStyle(loc.T("profile.ui.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	p.info = widgets.Wrapped(p.infoText())
	help := widgets.Wrapped(loc.T("profile.ui.help"))
	help.SizeName = theme.SizeNameCaptionText
	p.importBtn = widget.NewButtonWithIcon(loc.T("profile.ui.import"), theme.DownloadIcon(), p.onImport)
	buttons := container.NewHBox(p.importBtn)
	if p.env.Coordinator {
		p.editBtn = widget.NewButtonWithIcon(loc.T("profile.ui.edit"), theme.DocumentCreateIcon(), func() {
			if p.env.OpenEditor != nil {
				p.env.OpenEditor()
			}
		})
		p.exportBtn = widget.NewButtonWithIcon(loc.T("profile.ui.export"), theme.UploadIcon(), p.onExport)
		buttons = container.NewHBox(p.editBtn, p.exportBtn, p.importBtn)
	}
	p.status = widgets.Wrapped("")
	p.box.Objects = []fyne.CanvasObject{title, p.info, help, buttons, p.status}
	p.box.Refresh()
}

// infoText says which profile is in use and where it came from.
func (p *Panel) infoText() string {
	loc := p.loc
	prof, err := p.env.Store.Profile()
	if err != nil {
		return loc.T("profile.err.failed")
	}
	text := loc.Tf("profile.ui.in_use", "Version", prof.Version, "Kommun", prof.Kommun, "Goals", len(prof.Goals), "Requirements", len(prof.Checklist))
	if prof.Version == 0 {
		text = loc.Tf("profile.ui.in_use_default", "Kommun", prof.Kommun, "Goals", len(prof.Goals), "Requirements", len(prof.Checklist))
	}
	vs, err := p.env.Store.ProfileVersions()
	if err == nil {
		for _, v := range vs {
			if v.Current && v.SignerName != "" {
				text += " " + loc.Tf("profile.ui.signed_by", "Signer", v.SignerName, "Date", loc.Date(v.SavedAt.Local()))
			}
		}
	}
	return text
}

func (p *Panel) setStatus(text string, imp widget.Importance) {
	p.status.Importance = imp
	p.status.SetText(text)
}

// onImport asks for a profile file, checks it and shows what it is and what it changes.
func (p *Panel) onImport() {
	open := p.env.OpenFile
	if open == nil {
		open = p.fyneOpen
	}
	open(p.checkFile)
}

// checkFile checks profile file b (named name) and shows the import dialog, or why it is refused.
func (p *Panel) checkFile(name string, b []byte) {
	c, err := appprofile.Check(p.env.Store, b, p.now())
	if err != nil {
		p.refused(err, c)
		return
	}
	p.check = newCheckDialog(p, name, b, c)
}

// refused tells why a file cannot be taken into use.
func (p *Panel) refused(err error, c appprofile.Checked) {
	text := appprofile.Text(p.loc, err, c)
	if appprofile.ReasonOf(err) == "" {
		fyne.LogError("profile import", err)
	}
	p.setStatus(text, widget.DangerImportance)
	fynelang.ShowInformation(p.loc.T("profile.ui.import_title"), text, p.env.Window)
}

// use takes the checked file into use (approve: the fingerprint the user confirmed).
func (p *Panel) use(b []byte, approve string) {
	r, err := appprofile.Import(p.env.Store, b, p.now(), approve)
	if err != nil {
		p.refused(err, r.Checked)
		return
	}
	p.refresh()
	p.lastImport = p.loc.Tf("profile.ui.imported", "Version", r.Profile.Version)
	if r.InUse {
		p.lastImport = p.loc.Tf("profile.cli.in_use", "Version", r.Profile.Version)
	}
	p.setStatus(p.lastImport, widget.SuccessImportance)
}

// onExport signs the profile in use with the coordinator's identity and saves the file.
func (p *Panel) onExport() {
	loc := p.loc
	prof, err := p.env.Store.Profile()
	if err != nil || prof.Version < 1 {
		p.setStatus(loc.T("profile.err.no_version"), widget.DangerImportance)
		fynelang.ShowInformation(loc.T("profile.ui.export"), loc.T("profile.err.no_version"), p.env.Window)
		return
	}
	path := identity.DefaultPath(p.env.ConfigDir)
	if _, err := os.Stat(path); p.env.ConfigDir == "" || err != nil {
		fynelang.ShowInformation(loc.T("profile.ui.export"), loc.T("profile.ui.no_identity"), p.env.Window)
		return
	}
	p.pass = widget.NewPasswordEntry()
	p.passDlg = dialog.NewForm(loc.T("profile.ui.export"), loc.T("profile.ui.sign"), loc.T("register.cancel"),
		[]*widget.FormItem{widget.NewFormItem(loc.T("export.ui.passphrase"), p.pass)}, func(ok bool) {
			if ok {
				p.export(path, p.pass.Text, prof)
			}
		}, p.env.Window)
	p.passDlg.Resize(fyne.NewSize(460, 160))
	p.passDlg.Show()
	fynelang.DialogKeys(p.env.Window, p.passDlg.Submit, p.passDlg.Dismiss)
	p.env.Window.Canvas().Focus(p.pass)
}

func (p *Panel) export(path, pass string, prof domain.Profile) {
	loc := p.loc
	id, err := identity.Load(path, pass)
	if err != nil {
		p.setStatus(loc.T(identity.MessageKey(err)), widget.DangerImportance)
		fynelang.ShowInformation(loc.T("profile.ui.export"), loc.T(identity.MessageKey(err)), p.env.Window)
		return
	}
	b, _, err := appprofile.Export(p.env.Store, id, p.now())
	if err != nil {
		p.refused(err, appprofile.Checked{})
		return
	}
	name := strings.ToLower(strings.ReplaceAll(loc.Tf("profile.ui.file_name", "Version", prof.Version), " ", "-")) + ".hpprofile"
	save := p.env.SaveFile
	if save == nil {
		save = p.fyneSave
	}
	save(name, b, func(where string, err error) {
		if err != nil {
			fyne.LogError("save profile", err)
			p.setStatus(loc.Tf("profile.cli.write_failed", "Path", where), widget.DangerImportance)
			return
		}
		p.lastExport = loc.Tf("profile.ui.exported", "Version", prof.Version, "Path", where, "Fingerprint", identity.GroupedFingerprint(id.Cert))
		p.setStatus(p.lastExport, widget.SuccessImportance)
		fynelang.ShowInformation(loc.T("profile.ui.export"), p.lastExport, p.env.Window)
	})
}

func (p *Panel) fyneOpen(done func(name string, b []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, appprofile.MaxFileSize+1))
		if err != nil {
			fyne.LogError("read "+r.URI().Path(), err)
			p.refused(errors.New("read"), appprofile.Checked{})
			return
		}
		done(r.URI().Name(), b)
	}, p.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".hpprofile", ".json"}))
	fynelang.ShowFileDialog(d, p.env.Window)
}

func (p *Panel) fyneSave(name string, b []byte, done func(path string, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		_, werr := w.Write(b)
		cerr := w.Close()
		if werr == nil {
			werr = cerr
		}
		done(w.URI().Path(), werr)
	}, p.env.Window)
	d.SetFileName(name)
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Join(home, "Documents"))); err == nil {
			d.SetLocation(l)
		}
	}
	fynelang.ShowFileDialog(d, p.env.Window)
}
