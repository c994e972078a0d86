package coordinator

import (
	"context"
	"fmt"
	"handlingsplan/ui/fynelang"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
)

// fingerprintLines is the grouped fingerprint in two lines of eight groups, easy to read aloud.
func fingerprintLines(grouped string) string {
	g := strings.Fields(grouped)
	if len(g) <= 8 {
		return grouped
	}
	return strings.Join(g[:8], " ") + "\n" + strings.Join(g[8:], " ")
}

// showApprove shows who signed the files waiting for approval (name, title, board, e-mail and
// the fingerprint to compare on the phone), which boards approving approves the signer for and
// which of them are new, and, when the coordinator approves, puts the signer on the trust list
// (or approves them for more boards) and imports the files. after gets the verdicts of the
// imported files.
func (v *View) showApprove(fp string, after func([]importer.Result)) {
	loc := v.loc
	ps, err := v.im.FindPending(fp)
	if err != nil {
		v.showError(err)
		return
	}
	subj := identity.SubjectOf(ps.Cert)
	fpLabel := widget.NewLabelWithStyle(fingerprintLines(identity.GroupedFingerprint(ps.Cert)), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	form := widget.NewForm(widget.NewFormItem(loc.T("coordinator.approve.name"), bold(subj.Name)))
	for _, f := range []struct{ key, val string }{
		{"coordinator.approve.role", subj.Title},
		{"coordinator.approve.board", subj.Board},
		{"coordinator.approve.email", subj.Email},
		{"coordinator.approve.kommun", subj.Kommun},
	} {
		if f.val != "" {
			form.Append(loc.T(f.key), widget.NewLabel(f.val))
		}
	}
	form.Append(loc.T("coordinator.approve.valid_until"), widget.NewLabel(loc.Date(ps.Cert.NotAfter)))
	form.Append(loc.T("coordinator.approve.fingerprint"), fpLabel)
	files := make([]string, 0, len(ps.Files))
	for _, f := range ps.Files {
		files = append(files, fmt.Sprintf("%s (%s %d, %s)", f.FileName, f.Board, f.Year, loc.Tf("coordinator.version_n", "Version", f.Version)))
	}
	form.Append(loc.T("coordinator.approve.files"), wrapped(strings.Join(files, "\n")))
	if len(ps.Approved) > 0 {
		form.Append(loc.T("coordinator.approve.approved_for"), wrapped(strings.Join(ps.Approved, ", ")))
	}
	if len(ps.Boards) > 0 && ps.CA == "" {
		form.Append(loc.T("coordinator.approve.for_boards"), wrapped(strings.Join(ps.Boards, ", ")))
	}
	if len(ps.NewBoards) > 0 {
		form.Append(loc.T("coordinator.approve.new_boards"),
			wrapped(loc.Tf("coordinator.approve.new_boards_text", "Boards", strings.Join(ps.NewBoards, ", "), "Count", len(ps.NewBoards))))
	}
	intro, how := loc.Tf("coordinator.approve.intro", "Signer", subj.Name), loc.T("coordinator.approve.how")
	switch {
	case ps.CA != "":
		intro, how = loc.Tf("coordinator.approve.intro_new_board", "Signer", subj.Name, "CA", ps.CA), loc.T("coordinator.approve.how_new_board")
	case ps.OnList:
		intro = loc.Tf("coordinator.approve.intro_other_board", "Signer", subj.Name)
	}
	content := container.NewVBox(wrapped(intro), form, wrapped(how))
	d := dialog.NewCustomConfirm(loc.T("coordinator.approve.title"), loc.T("coordinator.approve.ok"), loc.T("coordinator.approve.not_now"),
		content, func(ok bool) {
			if !ok {
				return
			}
			var results []importer.Result
			v.background(func() error {
				var err error
				_, results, err = v.im.Approve(context.Background(), identity.Fingerprint(ps.Cert))
				return err
			}, func(err error) {
				if err != nil {
					v.showError(err)
				}
				if after != nil {
					after(results)
				}
				v.refresh()
			})
		}, v.env.Window)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	fynelang.DialogKeys(v.env.Window, d.Confirm, d.Dismiss)
}
