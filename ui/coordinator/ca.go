package coordinator

import (
	"context"
	"crypto/x509"
	"errors"
	"handlingsplan/ui/fynelang"
	"io"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
	"handlingsplan/app/submission"
)

// caView is the signing-CA tab: create the kommun signing CA (passphrase twice, with a strength
// hint), then issue signing certificates from the officials' request files.
type caView struct {
	v   *View
	box *fyne.Container

	// The create form, while shown.
	name, kommun, pass, again *widget.Entry
	hint                      *widget.Label
	createBtn                 *widget.Button
	// issueBtn and certBtn, while the CA exists.
	issueBtn, certBtn *widget.Button
	issueDlg          dialog.Dialog
}

// errPassMismatch: the two passphrases differ. errPassWeak: the passphrase is too weak.
var (
	errPassMismatch = errors.New("passphrases differ")
	errPassWeak     = errors.New("passphrase too weak")
	errNoName       = errors.New("CA name missing")
)

func (c *caView) path() string { return identity.DefaultCAPath(c.v.env.ConfigDir) }

func (c *caView) build() fyne.CanvasObject {
	c.box = container.NewVBox()
	c.reload()
	// No scroll container: wrapped labels need the real width to know their height.
	return container.NewBorder(container.NewPadded(c.box), nil, nil, nil)
}

// reload shows the create form when there is no CA yet, else the CA and what it can do.
func (c *caView) reload() {
	if c.box == nil {
		return
	}
	loc := c.v.loc
	if _, err := os.Stat(c.path()); err != nil {
		c.box.Objects = c.createForm()
		c.box.Refresh()
		return
	}
	objs := []fyne.CanvasObject{bold(loc.T("coordinator.ca.exists")), wrapped(loc.T("coordinator.ca.issue_help"))}
	entry, trusted := c.v.im.SigningCA()
	if trusted {
		form := widget.NewForm(
			widget.NewFormItem(loc.T("coordinator.ca.name"), widget.NewLabel(entry.Subject)),
			widget.NewFormItem(loc.T("coordinator.approve.fingerprint"), widget.NewLabelWithStyle(
				fingerprintLines(submission.FormatFingerprint(entry.Fingerprint)), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})),
		)
		if cert, err := x509.ParseCertificate(entry.Cert); err == nil {
			form.Append(loc.T("coordinator.approve.valid_until"), widget.NewLabel(loc.Date(cert.NotAfter)))
		}
		form.Append(loc.T("coordinator.ca.file"), widget.NewLabel(c.path()))
		objs = append(objs, form)
	} else {
		objs = append(objs, wrapped(loc.T("coordinator.ca.not_trusted")))
	}
	c.issueBtn = widget.NewButtonWithIcon(loc.T("coordinator.ca.issue"), theme.DocumentCreateIcon(), c.onIssue)
	c.issueBtn.Importance = widget.HighImportance
	c.certBtn = widget.NewButtonWithIcon(loc.T("coordinator.ca.save_cert"), theme.DocumentSaveIcon(), c.onSaveCert)
	if !trusted {
		c.certBtn.Disable()
	}
	objs = append(objs, container.NewHBox(c.issueBtn, c.certBtn))
	c.box.Objects = objs
	c.box.Refresh()
}

func (c *caView) createForm() []fyne.CanvasObject {
	loc := c.v.loc
	kommun := ""
	if p, err := c.v.env.Store.Profile(); err == nil {
		kommun = p.Kommun
	}
	c.name = widget.NewEntry()
	c.name.SetText(strings.TrimSpace(loc.Tf("coordinator.ca.default_name", "Kommun", kommun)))
	c.kommun = widget.NewEntry()
	c.kommun.SetText(kommun)
	c.pass = widget.NewPasswordEntry()
	c.again = widget.NewPasswordEntry()
	c.hint = widget.NewLabel("")
	c.hint.Wrapping = fyne.TextWrapWord
	c.pass.OnChanged = func(s string) {
		if s == "" {
			c.hint.SetText("")
			return
		}
		c.hint.SetText(loc.T(identity.PassphraseStrength(s).MessageKey()))
	}
	c.createBtn = widget.NewButtonWithIcon(loc.T("coordinator.ca.create"), theme.ConfirmIcon(), c.onCreate)
	c.createBtn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(loc.T("coordinator.ca.name"), c.name),
		widget.NewFormItem(loc.T("coordinator.ca.kommun"), c.kommun),
		widget.NewFormItem(loc.T("coordinator.ca.passphrase"), c.pass),
		widget.NewFormItem("", c.hint),
		widget.NewFormItem(loc.T("coordinator.ca.passphrase_again"), c.again),
	)
	return []fyne.CanvasObject{bold(loc.T("coordinator.ca.none")), wrapped(loc.T("coordinator.ca.create_help")), form, container.NewHBox(c.createBtn)}
}

// checkCreate is the create form's own validation (passphrase twice, strong enough, a name).
func (c *caView) checkCreate() error {
	switch {
	case strings.TrimSpace(c.name.Text) == "":
		return errNoName
	case c.pass.Text != c.again.Text:
		return errPassMismatch
	case identity.PassphraseStrength(c.pass.Text) == identity.Weak:
		return errPassWeak
	}
	return nil
}

func (c *caView) onCreate() {
	loc := c.v.loc
	if err := c.checkCreate(); err != nil {
		key := map[error]string{errNoName: "coordinator.ca.err_name", errPassMismatch: "coordinator.ca.err_mismatch", errPassWeak: identity.Weak.MessageKey()}[err]
		fynelang.ShowError(errors.New(loc.T(key)), c.v.env.Window)
		return
	}
	name, kommun, pass := strings.TrimSpace(c.name.Text), strings.TrimSpace(c.kommun.Text), c.pass.Text
	c.createBtn.Disable()
	var ca *identity.Identity
	c.v.background(func() error {
		var err error
		ca, err = c.v.im.NewSigningCA(context.Background(), c.path(), name, kommun, pass, importer.CAValidity)
		return err
	}, func(err error) {
		c.createBtn.Enable()
		if err != nil {
			c.v.showError(err)
			return
		}
		c.v.refresh()
		fynelang.ShowInformation(loc.T("coordinator.ca.title"), loc.Tf("coordinator.ca.created", "Name", ca.Cert.Subject.CommonName,
			"Fingerprint", identity.GroupedFingerprint(ca.Cert)), c.v.env.Window)
	})
}

// onSaveCert saves the CA certificate (PEM) for officials' PDF readers and other tools.
func (c *caView) onSaveCert() {
	entry, ok := c.v.im.SigningCA()
	if !ok {
		return
	}
	cert, err := x509.ParseCertificate(entry.Cert)
	if err != nil {
		c.v.showError(err)
		return
	}
	c.saveFile("signerings-ca.pem", identity.CertPEM(cert), nil)
}

// saveFile asks where to save data and writes it; done runs after a successful write.
func (c *caView) saveFile(name string, data []byte, done func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			c.v.showError(err)
			return
		}
		if w == nil {
			return
		}
		_, werr := w.Write(data)
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			c.v.showError(werr)
			return
		}
		if done != nil {
			done()
		}
	}, c.v.env.Window)
	d.SetFileName(name)
	fynelang.ShowFileDialog(d, c.v.env.Window)
}

// onIssue opens an official's certificate request file.
func (c *caView) onIssue() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			c.v.showError(err)
			return
		}
		if r == nil {
			return
		}
		b, err := io.ReadAll(io.LimitReader(r, 1<<20))
		r.Close()
		if err != nil {
			c.v.showError(err)
			return
		}
		c.showIssue(b)
	}, c.v.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pem", ".csr", ".req"}))
	fynelang.ShowFileDialog(d, c.v.env.Window)
}

// issueYears are the validities offered, in years.
var issueYears = []int{1, 2, 3}

// showIssue shows who asks (name, title, e-mail, the board they asked for), lets the
// coordinator set the board and validity, and asks for the CA passphrase.
func (c *caView) showIssue(request []byte) {
	loc := c.v.loc
	subj, err := importer.RequestSubject(request)
	if err != nil {
		c.v.showError(err)
		return
	}
	boards := c.boardNames()
	board := widget.NewSelectEntry(boards)
	board.SetText(subj.Board)
	years := make([]string, len(issueYears))
	for i, y := range issueYears {
		years[i] = loc.Tf("coordinator.ca.years", "Count", y)
	}
	validity := widget.NewSelect(years, nil)
	validity.SetSelectedIndex(1)
	pass := widget.NewPasswordEntry()
	form := widget.NewForm(widget.NewFormItem(loc.T("coordinator.approve.name"), bold(subj.Name)))
	for _, f := range []struct{ key, val string }{{"coordinator.approve.role", subj.Title}, {"coordinator.approve.email", subj.Email}} {
		if f.val != "" {
			form.Append(loc.T(f.key), widget.NewLabel(f.val))
		}
	}
	form.Append(loc.T("coordinator.approve.board"), board)
	form.Append(loc.T("coordinator.ca.validity"), validity)
	form.Append(loc.T("coordinator.ca.passphrase"), pass)
	content := container.NewVBox(wrapped(loc.T("coordinator.ca.issue_check")), form)
	c.issueDlg = dialog.NewCustomConfirm(loc.T("coordinator.ca.issue_title"), loc.T("coordinator.ca.issue_ok"), loc.T("coordinator.cancel"), content,
		func(ok bool) {
			c.issueDlg = nil
			if !ok {
				return
			}
			if strings.TrimSpace(board.Text) == "" {
				fynelang.ShowError(errors.New(loc.T("coordinator.ca.err_board")), c.v.env.Window)
				return
			}
			y := issueYears[max(validity.SelectedIndex(), 0)]
			c.issue(request, board.Text, y, pass.Text, func(answer []byte, name string) {
				c.saveFile(answerName(name), answer, func() {
					fynelang.ShowInformation(loc.T("coordinator.ca.issue_title"), loc.Tf("coordinator.ca.issued", "Name", name), c.v.env.Window)
				})
			})
		}, c.v.env.Window)
	c.issueDlg.Resize(fyne.NewSize(560, 0))
	c.issueDlg.Show()
	fynelang.ConfirmKeys(c.v.env.Window, c.issueDlg)
}

// answerName is the suggested file name of the answer: the official's name, plain letters.
func answerName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', strings.ContainsRune("åäöé", r):
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteRune('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "certifikat"
	}
	return s + "-certifikat.pem"
}

// boardNames are the boards the coordinator knows: own boards and those submissions named.
func (c *caView) boardNames() []string {
	seen := map[string]bool{}
	var out []string
	if bs, err := c.v.env.Store.Boards(); err == nil {
		for _, b := range bs {
			if !seen[b.Name] {
				seen[b.Name] = true
				out = append(out, b.Name)
			}
		}
	}
	c.v.loc.Sort(out)
	return out
}

// issue loads the CA with the passphrase and issues the certificate in the background; then
// done gets the answer file and the official's name.
func (c *caView) issue(request []byte, board string, years int, passphrase string, done func(answer []byte, name string)) {
	var answer []byte
	var name string
	c.v.background(func() error {
		ca, err := identity.Load(c.path(), passphrase)
		if err != nil {
			return err
		}
		var cert *x509.Certificate
		answer, cert, err = c.v.im.Issue(ca, request, board, time.Duration(years)*365*24*time.Hour)
		if err != nil {
			return err
		}
		name = cert.Subject.CommonName
		return nil
	}, func(err error) {
		if err != nil {
			c.v.showError(err)
			return
		}
		done(answer, name)
	})
}
