package profile

import (
	"handlingsplan/ui/fynelang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
	appprofile "handlingsplan/app/profile"
	"handlingsplan/ui/widgets"
)

// checkDialog shows a checked profile file before it is taken into use: the version, who
// signed it (with the fingerprint to compare by phone when the signer is new) and every change.
type checkDialog struct {
	dlg     *dialog.CustomDialog
	use     *widget.Button // "Använd profilen" or "Godkänn och använd"
	cancel  *widget.Button
	changes []string
	signer  *widget.Label
}

func newCheckDialog(p *Panel, name string, b []byte, c appprofile.Checked) *checkDialog {
	loc := p.loc
	d := &checkDialog{}
	head := widgets.Wrapped(loc.Tf("profile.ui.check_head", "File", name, "Version", c.Profile.Version, "Kommun", c.Profile.Kommun,
		"Current", c.Current.Version))
	d.signer = widgets.Wrapped(loc.Tf("profile.ui.check_signer", "Signer", c.Signer.Subject.CommonName, "Fingerprint", identity.GroupedFingerprint(c.Signer)))
	var warn fyne.CanvasObject = widget.NewLabel("")
	useText := loc.T("profile.ui.use")
	approve := ""
	if !c.Trusted {
		w := widgets.Wrapped(loc.T("profile.ui.check_new_signer"))
		w.Importance = widget.WarningImportance
		warn = w
		useText = loc.T("profile.ui.approve_use")
		approve = c.Fingerprint
	}
	list := container.NewVBox()
	switch {
	case c.InUse:
		list.Add(widgets.Wrapped(loc.Tf("profile.cli.in_use", "Version", c.Profile.Version)))
	case len(c.Changes) == 0:
		list.Add(widgets.Wrapped(loc.T("profile.ui.no_changes")))
	}
	for _, ch := range c.Changes {
		t := ch.Text(loc)
		d.changes = append(d.changes, t)
		l := widgets.Wrapped("• " + t)
		list.Add(l)
	}
	changes := container.NewVScroll(list)
	changes.SetMinSize(fyne.NewSize(640, 220))
	note := widgets.Wrapped(loc.T("profile.ui.check_note"))
	note.SizeName = theme.SizeNameCaptionText
	d.use = widget.NewButtonWithIcon(useText, theme.ConfirmIcon(), func() {
		d.dlg.Hide()
		p.check = nil
		p.use(b, approve)
	})
	d.use.Importance = widget.HighImportance
	d.cancel = widget.NewButton(loc.T("register.cancel"), func() {
		d.dlg.Hide()
		p.check = nil
	})
	body := container.NewBorder(container.NewVBox(head, d.signer, warn, widget.NewLabelWithStyle(loc.T("profile.ui.changes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		note, nil, nil, changes)
	d.dlg = dialog.NewCustomWithoutButtons(loc.T("profile.ui.import_title"), body, p.env.Window)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.use})
	d.dlg.Resize(fyne.NewSize(760, 520))
	d.dlg.Show()
	fynelang.DialogKeys(p.env.Window, fynelang.Press(d.use), fynelang.Press(d.cancel))
	return d
}
