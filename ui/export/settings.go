package export

import (
	"crypto/x509"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appexport "handlingsplan/app/export"
	"handlingsplan/app/identity"
)

// expiryWarning is how long before its end a certificate's validity is shown as a warning.
const expiryWarning = 60 * 24 * time.Hour

// Settings is the identity panel of the settings page: who the identity names, how long it is
// valid, its fingerprint for reading aloud, and what can be done with it.
func Settings(env Env) fyne.CanvasObject { return newSettings(env).box }

type settingsPanel struct {
	*ui
	box *fyne.Container

	// What is shown, kept for tests.
	fields                              map[string]*widget.Label
	create, importBtn, unlockBtn        *widget.Button
	exportCert, request, accept, copyFP *widget.Button
	replace, remove                     *widget.Button
	status                              *widget.Label
	setupDlg                            *setupDialog
	createForm                          *createForm
	importForm                          *importForm
	passDlg                             *passphraseDialog
	confirmDlg                          *confirmDialog
}

func newSettings(env Env) *settingsPanel {
	p := &settingsPanel{ui: newUI(env), box: container.NewVBox()}
	p.refresh()
	return p
}

// refresh rebuilds the panel from the identity on disk.
func (p *settingsPanel) refresh() {
	p.fields = map[string]*widget.Label{}
	p.status = hint()
	p.box.Objects = []fyne.CanvasObject{p.content(), p.status}
	p.box.Refresh()
}

func (p *settingsPanel) content() fyne.CanvasObject {
	loc := p.loc()
	title := widget.NewLabelWithStyle(loc.T("export.ui.identity_heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	p.replace = widget.NewButtonWithIcon(loc.T("export.ui.replace"), theme.ViewRefreshIcon(), p.onReplace)
	p.remove = widget.NewButtonWithIcon(loc.T("export.ui.remove"), theme.DeleteIcon(), p.onRemove)
	p.remove.Importance = widget.DangerImportance

	if !hasIdentity(p.env.ConfigDir) {
		p.create = widget.NewButton(loc.T("export.ui.setup_create"), func() { p.showSetupForm(true, identity.Subject{}) })
		p.create.Importance = widget.HighImportance
		p.importBtn = widget.NewButton(loc.T("export.ui.setup_import"), func() { p.showSetupForm(false, identity.Subject{}) })
		return container.NewVBox(title, wrapLabel(loc.T("export.ui.no_identity")), container.NewHBox(p.create, p.importBtn))
	}
	certs, err := storedCert(p.env.ConfigDir)
	if errors.Is(err, errNoCert) {
		p.unlockBtn = widget.NewButton(loc.T("export.ui.unlock"), func() {
			p.passDlg = p.askPassphrase(loc.T("export.ui.unlock"), loc.T("export.ui.unlock_intro"), func(*identity.Identity, string) { p.refresh() })
		})
		return container.NewVBox(title, wrapLabel(loc.T("export.ui.locked")), container.NewHBox(p.unlockBtn, p.replace, p.remove))
	}
	if err != nil {
		fyne.LogError("identity certificate", err)
		return container.NewVBox(title, wrapLabel(loc.T("export.ui.cert_unreadable")), container.NewHBox(p.replace, p.remove))
	}
	leaf, chain := certs[0], certs[1:]
	s := identity.SubjectOf(leaf)
	form := widget.NewForm()
	add := func(key, value string, style fyne.TextStyle) *widget.Label {
		// Not wrapped: a wrapping label in a form is laid out one word wide.
		l := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, style)
		p.fields[key] = l
		form.Append(loc.T(key), l)
		return l
	}
	for _, f := range []struct{ key, value string }{
		{"export.id.name", s.Name}, {"export.id.title", s.Title}, {"export.id.board", s.Board},
		{"export.id.kommun", s.Kommun}, {"export.id.email", s.Email},
	} {
		if f.value != "" {
			add(f.key, f.value, fyne.TextStyle{})
		}
	}
	valid := add("export.id.valid", p.validityText(leaf), fyne.TextStyle{})
	switch now := p.now(); {
	case now.After(leaf.NotAfter) || now.Before(leaf.NotBefore):
		valid.Importance = widget.DangerImportance
	case leaf.NotAfter.Sub(now) < expiryWarning:
		valid.Importance = widget.WarningImportance
	}
	add("export.id.issuer", appexport.IssuerText(loc, leaf), fyne.TextStyle{})
	fp := identity.GroupedFingerprint(leaf)
	add("export.id.fingerprint", fp, fyne.TextStyle{Monospace: true})

	p.copyFP = widget.NewButtonWithIcon(loc.T("export.ui.copy_fingerprint"), theme.ContentCopyIcon(), func() {
		if a := fyne.CurrentApp(); a != nil {
			a.Clipboard().SetContent(fp)
			setHint(p.status, loc.T("export.ui.copied"), widget.MediumImportance)
		}
	})
	p.exportCert = widget.NewButtonWithIcon(loc.T("export.ui.export_cert"), theme.DocumentSaveIcon(), func() { p.onExportCert(leaf, chain) })
	p.request = widget.NewButton(loc.T("export.ui.request"), p.onRequest)
	p.accept = widget.NewButton(loc.T("export.ui.accept"), p.onAccept)
	help := wrapLabel(loc.T("export.ui.identity_help"))
	help.Importance = widget.LowImportance
	return container.NewVBox(title, form, help,
		container.NewHBox(p.copyFP, p.exportCert),
		container.NewHBox(p.request, p.accept),
		container.NewHBox(p.replace, p.remove))
}

func (p *settingsPanel) validityText(c *x509.Certificate) string {
	loc := p.loc()
	text := loc.Tf("export.id.valid_range", "From", loc.Date(c.NotBefore.Local()), "To", loc.Date(c.NotAfter.Local()))
	now := p.now()
	switch {
	case now.After(c.NotAfter):
		text += " · " + loc.T("export.ui.expired")
	case now.Before(c.NotBefore):
		text += " · " + loc.T("export.ui.not_yet_valid")
	case c.NotAfter.Sub(now) < expiryWarning:
		text += " · " + loc.Tf("export.ui.expires_in", "Count", int(c.NotAfter.Sub(now).Hours()/24))
	}
	return text
}

// showSetupForm opens the create or import form directly (the panel has its own two buttons).
func (p *settingsPanel) showSetupForm(create bool, defaults identity.Subject) {
	done := func(*identity.Identity) {
		p.refresh()
		setHint(p.status, p.loc().T("export.ui.identity_saved"), widget.SuccessImportance)
	}
	if defaults.Kommun == "" {
		if prof, err := p.env.Store.Profile(); err == nil {
			defaults.Kommun = prof.Kommun
		}
	}
	if create {
		p.createForm = p.showCreate(defaults, done)
	} else {
		p.importForm = p.showImport(done)
	}
}

func (p *settingsPanel) onExportCert(leaf *x509.Certificate, chain []*x509.Certificate) {
	loc := p.loc()
	name := identity.SubjectOf(leaf).Name + ".cer"
	p.saveFile(name, func(path string) []byte { return appexport.CertFileBytes(path, leaf, chain) }, func(path string, err error) {
		if err != nil {
			fyne.LogError("save certificate", err)
			setHint(p.status, loc.T("export.ui.save_failed"), widget.DangerImportance)
			return
		}
		setHint(p.status, loc.Tf("export.cli.cert_saved", "Path", path), widget.SuccessImportance)
	})
}

func (p *settingsPanel) onRequest() {
	loc := p.loc()
	p.passDlg = p.askPassphrase(loc.T("export.ui.request"), loc.T("export.ui.request_intro"), func(id *identity.Identity, _ string) {
		req, err := identity.Request(id)
		if err != nil {
			setHint(p.status, p.identityErrorText(err), widget.DangerImportance)
			return
		}
		name := loc.Tf("export.ui.request_file", "Name", id.Cert.Subject.CommonName)
		p.saveFile(name, func(string) []byte { return req }, func(path string, err error) {
			if err != nil {
				fyne.LogError("save certificate request", err)
				setHint(p.status, loc.T("export.ui.save_failed"), widget.DangerImportance)
				return
			}
			setHint(p.status, loc.Tf("export.cli.request_saved", "Path", path), widget.SuccessImportance)
		})
	})
}

// onAccept reads the coordinator's answer to a request and puts the issued certificate into
// the identity; that needs the key, so the passphrase.
func (p *settingsPanel) onAccept() {
	loc := p.loc()
	p.openFile([]string{".pem", ".cer", ".crt", ".der"}, func(_ string, answer []byte) {
		p.passDlg = p.askPassphrase(loc.T("export.ui.accept"), loc.T("export.ui.accept_intro"), func(id *identity.Identity, pass string) {
			if err := identity.Accept(id, answer); err != nil {
				setHint(p.status, p.identityErrorText(err), widget.DangerImportance)
				return
			}
			if err := saveIdentity(p.env.ConfigDir, id, pass); err != nil {
				setHint(p.status, p.identityErrorText(err), widget.DangerImportance)
				return
			}
			p.refresh()
			setHint(p.status, loc.Tf("export.ui.accepted", "Issuer", appexport.IssuerText(loc, id.Cert)), widget.SuccessImportance)
		})
	})
}

func (p *settingsPanel) onReplace() {
	loc := p.loc()
	p.confirmDlg = p.confirm(loc.T("export.ui.replace_title"), loc.T("export.ui.replace_text"), loc.T("export.ui.replace_go"), false,
		func() {
			var defaults identity.Subject
			if certs, err := storedCert(p.env.ConfigDir); err == nil {
				defaults = identity.SubjectOf(certs[0])
			}
			p.setupDlg = p.setup(defaults, func(*identity.Identity) {
				p.refresh()
				setHint(p.status, loc.T("export.ui.identity_saved"), widget.SuccessImportance)
			})
		})
}

func (p *settingsPanel) onRemove() {
	loc := p.loc()
	p.confirmDlg = p.confirm(loc.T("export.ui.remove_title"), loc.T("export.ui.remove_text"), loc.T("export.ui.remove_go"), true,
		func() {
			if err := removeIdentity(p.env.ConfigDir); err != nil {
				fyne.LogError("remove identity", err)
				setHint(p.status, loc.T("export.ui.remove_failed"), widget.DangerImportance)
				return
			}
			p.refresh()
			setHint(p.status, loc.T("export.ui.removed"), widget.MediumImportance)
		})
}
