package coordinator

import (
	"context"
	"fmt"
	"handlingsplan/ui/fynelang"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/importer"
	"handlingsplan/app/submission"
	"handlingsplan/data"
)

// trustView is the trust-list tab: CA certificates and approved signers with who added them
// and when, adding a certificate file, removing one (after a confirmation that says what it
// means), and the files waiting for approval of their signer.
type trustView struct {
	v *View

	items   []importer.TrustItem
	pending []data.ImportLogEntry
	sel     int
	selP    int

	table      *fitTable
	addBtn     *widget.Button
	removeBtn  *widget.Button
	pendTable  *fitTable
	approveBtn *widget.Button
	declineBtn *widget.Button
	pendBox    *fyne.Container
}

func (tv *trustView) build() fyne.CanvasObject {
	loc := tv.v.loc
	tv.sel, tv.selP = -1, -1
	widths := []float32{190, 230, 330, 110, 120, 150}
	tv.table = textTable(
		[]string{loc.T("coordinator.col.kind"), loc.T("coordinator.col.name"), loc.T("coordinator.col.fingerprint"),
			loc.T("coordinator.col.valid_until"), loc.T("coordinator.col.added_by"), loc.T("coordinator.col.added")},
		widths,
		func() int { return len(tv.items) },
		tv.cell, func(row int) {
			tv.sel = row
			tv.removeBtn.Enable()
		}, nil)
	tv.table.sortable(loc)
	tv.addBtn = widget.NewButtonWithIcon(loc.T("coordinator.trust.add"), theme.ContentAddIcon(), tv.onAdd)
	tv.removeBtn = widget.NewButtonWithIcon(loc.T("coordinator.trust.remove"), theme.DeleteIcon(), tv.onRemove)
	tv.removeBtn.Disable()

	pendWidths := []float32{200, 200, 60, 180, 330}
	tv.pendTable = textTable(
		[]string{loc.T("coordinator.col.file"), loc.T("coordinator.col.board"), loc.T("coordinator.col.year"),
			loc.T("coordinator.col.signer"), loc.T("coordinator.col.fingerprint")},
		pendWidths,
		func() int { return len(tv.pending) },
		tv.pendCell, func(row int) {
			tv.selP = row
			tv.approveBtn.Enable()
			tv.declineBtn.Enable()
		}, nil)
	tv.pendTable.wholeLast() // the fingerprint, to compare on the phone with the sender
	tv.pendTable.sortable(loc)
	tv.approveBtn = widget.NewButtonWithIcon(loc.T("coordinator.import.review_signer"), theme.ConfirmIcon(), tv.onApprove)
	tv.declineBtn = widget.NewButtonWithIcon(loc.T("coordinator.trust.decline"), theme.CancelIcon(), tv.onDecline)
	tv.approveBtn.Disable()
	tv.declineBtn.Disable()
	tv.pendBox = container.NewBorder(
		container.NewVBox(widget.NewSeparator(), bold(loc.T("coordinator.trust.pending")), wrapped(loc.T("coordinator.trust.pending_help"))),
		container.NewHBox(tv.approveBtn, tv.declineBtn), nil, nil, tv.pendTable.Object())
	tv.reload()

	top := container.NewVBox(wrapped(loc.T("coordinator.trust.help")), container.NewHBox(tv.addBtn, tv.removeBtn))
	return container.NewVSplit(container.NewBorder(top, nil, nil, nil, tv.table.Object()), tv.pendBox)
}

func (tv *trustView) cell(row, col int) string {
	it := tv.items[row]
	loc := tv.v.loc
	switch col {
	case 0:
		switch {
		case it.SigningCA:
			return loc.T("coordinator.trust.kind_signing_ca")
		case it.Entry.Kind == data.TrustCA:
			return loc.T("coordinator.trust.kind_ca")
		}
		return loc.T("coordinator.trust.kind_signer")
	case 1:
		if len(it.Entry.Boards) > 0 {
			return loc.Tf("coordinator.trust.subject_boards", "Subject", it.Entry.Subject, "Boards", strings.Join(it.Entry.Boards, ", "))
		}
		return it.Entry.Subject
	case 2:
		return submission.FormatFingerprint(it.Entry.Fingerprint)
	case 3:
		if it.Cert == nil {
			return ""
		}
		return loc.Date(it.Cert.NotAfter)
	case 4:
		return it.Entry.AddedBy
	}
	return loc.DateTime(it.Entry.AddedAt.Local())
}

func (tv *trustView) pendCell(row, col int) string {
	p := tv.pending[row]
	switch col {
	case 0:
		return p.FileName
	case 1:
		return p.Board
	case 2:
		if p.Year == 0 {
			return ""
		}
		return strconv.Itoa(p.Year)
	case 3:
		return p.SignerName
	}
	return submission.FormatFingerprint(p.Fingerprint)
}

func (tv *trustView) reload() {
	if tv.table == nil {
		return
	}
	items, err := tv.v.im.TrustList()
	if err != nil {
		tv.v.showError(err)
		return
	}
	pending, err := tv.v.im.Pending()
	if err != nil {
		tv.v.showError(err)
		return
	}
	tv.items, tv.pending = items, pending
	tv.sel, tv.selP = -1, -1
	tv.table.SelectData(-1)
	tv.pendTable.SelectData(-1)
	tv.removeBtn.Disable()
	tv.approveBtn.Disable()
	tv.declineBtn.Disable()
	tv.table.Refresh()
	tv.pendTable.Refresh()
}

// onAdd reads a certificate file (.pem, .cer, .crt) and puts it on the list.
func (tv *trustView) onAdd() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			tv.v.showError(err)
			return
		}
		if r == nil {
			return
		}
		b, err := io.ReadAll(io.LimitReader(r, 1<<20))
		r.Close()
		if err != nil {
			tv.v.showError(err)
			return
		}
		tv.add(b)
	}, tv.v.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pem", ".cer", ".crt", ".der"}))
	fynelang.ShowFileDialog(d, tv.v.env.Window)
}

// add puts the certificates of a file on the trust list and tells what that changed.
func (tv *trustView) add(certFile []byte) {
	loc := tv.v.loc
	var ch importer.TrustChange
	tv.v.background(func() error {
		var err error
		ch, err = tv.v.im.AddCertificates(context.Background(), certFile)
		return err
	}, func(err error) {
		tv.v.refresh()
		if err != nil {
			tv.v.showError(err)
			return
		}
		msg := ""
		for _, e := range ch.Added {
			msg += loc.Tf("coordinator.trust.added", "Subject", e.Subject) + "\n"
		}
		for _, e := range ch.Present {
			msg += loc.Tf("coordinator.trust.already", "Subject", e.Subject) + "\n"
		}
		if ch.Skipped > 0 {
			msg += loc.Tf("coordinator.trust.skipped", "Count", ch.Skipped) + "\n"
		}
		if ch.Restored > 0 {
			msg += loc.Tf("coordinator.trust.restored", "Count", ch.Restored) + "\n"
		}
		if n := importer.Summarize(ch.Imported); n.Total() > 0 {
			msg += loc.Tf("coordinator.trust.imported_waiting", "Count", n[importer.AcceptedNew]+n[importer.AcceptedNewer]+n[importer.Older]+n[importer.Conflict]) + "\n"
			if n[importer.Conflict] > 0 { // kept; the import tab's note offers the comparison
				msg += loc.T("coordinator.import.select_to_compare") + "\n"
			}
			tv.v.imp.applyApproved(ch.Imported)
		}
		fynelang.ShowInformation(loc.T("coordinator.trust.title"), msg, tv.v.env.Window)
	})
}

// onRemove asks first, saying that nothing is deleted but submissions get marked.
func (tv *trustView) onRemove() {
	if tv.sel < 0 || tv.sel >= len(tv.items) {
		return
	}
	loc := tv.v.loc
	e := tv.items[tv.sel].Entry
	msg := wrapped(loc.Tf("coordinator.trust.remove_confirm", "Subject", e.Subject, "Fingerprint", submission.FormatFingerprint(e.Fingerprint)))
	d := dialog.NewCustomConfirm(loc.T("coordinator.trust.remove_title"), loc.T("coordinator.trust.remove_ok"), loc.T("coordinator.cancel"),
		msg, func(ok bool) {
			if ok {
				tv.remove(e.Fingerprint)
			}
		}, tv.v.env.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	fynelang.DialogKeys(tv.v.env.Window, d.Confirm, d.Dismiss)
}

func (tv *trustView) remove(fp string) {
	loc := tv.v.loc
	var removed data.TrustEntry
	var marked int
	tv.v.background(func() error {
		var err error
		removed, marked, err = tv.v.im.RemoveTrust(fp)
		return err
	}, func(err error) {
		tv.v.refresh()
		if err != nil {
			tv.v.showError(err)
			return
		}
		fynelang.ShowInformation(loc.T("coordinator.trust.title"),
			fmt.Sprintf("%s\n%s", loc.Tf("coordinator.trust.removed", "Subject", removed.Subject), loc.Tf("coordinator.trust.marked", "Count", marked)),
			tv.v.env.Window)
	})
}

func (tv *trustView) onApprove() {
	if tv.selP < 0 || tv.selP >= len(tv.pending) {
		return
	}
	tv.v.showApprove(tv.pending[tv.selP].Fingerprint, tv.v.imp.applyApproved)
}

// onDecline drops a waiting file after asking; its line in the import log stays.
func (tv *trustView) onDecline() {
	if tv.selP < 0 || tv.selP >= len(tv.pending) {
		return
	}
	loc := tv.v.loc
	p := tv.pending[tv.selP]
	fynelang.ShowConfirm(loc.T("coordinator.trust.decline_title"), loc.Tf("coordinator.trust.decline_confirm", "File", p.FileName, "Signer", p.SignerName),
		func(ok bool) {
			if !ok {
				return
			}
			if err := tv.v.im.Decline(p.ID); err != nil {
				tv.v.showError(err)
			}
			tv.v.refresh()
		}, tv.v.env.Window)
}
