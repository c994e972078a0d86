package overview

import (
	"errors"
	"handlingsplan/ui/fynelang"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// checkResults are the answers the coordinator can give each check, "not assessed" first.
var checkResults = []domain.CheckResult{domain.CheckUnanswered, domain.CheckYes, domain.CheckPartly, domain.CheckNo}

// noteEditor is the coordinator's note on one board's biennial follow-up.
type noteEditor struct {
	v      *View
	board  string
	checks [3]*widget.Select
	text   *widget.Entry
	dlg    dialog.Dialog
}

// editNote opens the note on board: the board's own answers, the coordinator's assessment of
// each check, free notes, and the protocol PDF.
func (v *View) editNote(board string) *noteEditor {
	loc := v.loc
	f, ok := v.o.FollowUpOf(board)
	if !ok {
		return nil
	}
	e := &noteEditor{v: v, board: board}
	names := make([]string, len(checkResults))
	for i, r := range checkResults {
		names[i] = loc.T("check.result." + string(r))
	}
	form := container.NewVBox()
	if !f.Has {
		form.Add(wrapped(loc.Tf("exports.protocol.no_followup", "Reason", f.GapText(loc))))
	}
	for i := range 3 {
		e.checks[i] = widget.NewSelect(names, nil)
		e.checks[i].SetSelected(loc.T("check.result." + string(f.Note.Checks[i])))
		answer := loc.T("check.result.")
		if f.Has {
			answer = loc.T("check.result." + string(f.Checks[i].Result))
			if t := f.Checks[i].Text; t != "" {
				answer += " – " + t
			}
		}
		form.Add(widget.NewLabelWithStyle(strconv.Itoa(i+1)+". "+loc.T("check."+strconv.Itoa(i)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		form.Add(wrapped(loc.T("exports.protocol.board_answer") + ": " + answer))
		form.Add(container.NewBorder(nil, nil, widget.NewLabel(loc.T("exports.protocol.assessment")), nil, e.checks[i]))
	}
	e.text = widget.NewMultiLineEntry()
	e.text.Wrapping = fyne.TextWrapWord
	e.text.SetText(f.Note.Text)
	e.text.SetMinRowsVisible(4)
	form.Add(widget.NewLabelWithStyle(loc.T("overview.col.note"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	form.Add(e.text)
	protocol := widget.NewButton(loc.T("overview.note.protocol"), func() {
		if e.save() {
			v.startExport(exportKind{name: "overview.file.protocol", ext: ".pdf", opt: exports.Options{Protocol: true, Board: board}})
		}
	})
	e.dlg = dialog.NewCustomConfirm(loc.Tf("overview.note.title", "Board", board, "Year", f.Year), loc.T("overview.note.save"), loc.T("overview.sign.cancel"),
		container.NewBorder(nil, protocol, nil, nil, container.NewVScroll(form)), func(ok bool) {
			if ok {
				e.save()
			}
		}, v.env.Window)
	e.dlg.Resize(fyne.NewSize(720, 620))
	e.dlg.Show()
	fynelang.ConfirmKeys(v.env.Window, e.dlg)
	return e
}

// save stores the note and shows the overview again; false when it could not be saved.
func (e *noteEditor) save() bool {
	loc := e.v.loc
	var checks [3]domain.CheckResult
	for i, s := range e.checks {
		for _, r := range checkResults {
			if loc.T("check.result."+string(r)) == s.Selected {
				checks[i] = r
			}
		}
	}
	n, _ := e.v.o.FollowUpOf(e.board)
	n.Note.Checks, n.Note.Text = checks, e.text.Text
	n.Note.Board, n.Note.Year = e.board, e.v.o.Year
	if err := ov.SaveNote(e.v.env.Store, n.Note); err != nil {
		fyne.LogError("overview note", err)
		fynelang.ShowError(errors.New(loc.T("err.save_failed")), e.v.env.Window)
		return false
	}
	e.v.reload()
	return true
}
