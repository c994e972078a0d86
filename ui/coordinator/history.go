package coordinator

import (
	"handlingsplan/ui/fynelang"
	"os"
	"runtime"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appexport "handlingsplan/app/export"
	"handlingsplan/app/submission"
	"handlingsplan/data"
)

// historyView is the history tab: per board and year every version received, who signed it
// and when, which one is current, and whether its signer is still trusted. The PDF as received
// can be saved again or re-verified.
type historyView struct {
	v *View

	groups  []subGroup
	subs    []data.Submission // versions of the selected group, newest first
	selG    int
	selS    int
	list    *widget.List
	table   *fitTable
	saveBtn *widget.Button
	checkBt *widget.Button
	compare *widget.Button // shown while the selected plan has an open conflict
	empty   *widget.Label
	pick    *widget.Label     // "choose a plan in the list", while none is chosen
	detail  fyne.CanvasObject // the version table and its buttons, once a plan is chosen
}

// subGroup is one board's submissions for one year.
type subGroup struct {
	board     string
	year      int
	versions  []data.Submission // newest first
	current   int               // current version number
	untrusted bool              // the current version's signer is no longer trusted
	conflict  bool              // submissions of it disagree and the coordinator has not chosen yet
}

// Version table columns.
const (
	hcolVersion = iota
	hcolCurrent
	hcolTrust
	hcolSigner
	hcolSigned
	hcolImported
	hcolImportedBy
	hcolFile
)

func (h *historyView) build() fyne.CanvasObject {
	loc := h.v.loc
	h.selG, h.selS = -1, -1
	h.list = widget.NewList(
		func() int { return len(h.groups) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(h.groups) {
				o.(*widget.Label).SetText(h.groupText(h.groups[i]))
			}
		})
	h.list.OnSelected = func(i widget.ListItemID) { h.selectGroup(i) }
	widths := []float32{70, 90, 150, 160, 120, 150, 120, 180}
	h.table = textTable(
		[]string{loc.T("coordinator.col.version"), loc.T("coordinator.col.current"), loc.T("coordinator.col.trust"),
			loc.T("coordinator.col.signer"), loc.T("coordinator.col.signed"), loc.T("coordinator.col.imported"),
			loc.T("coordinator.col.imported_by"), loc.T("coordinator.col.file")},
		widths,
		func() int { return len(h.subs) },
		h.cell, func(row int) {
			h.selS = row
			h.saveBtn.Enable()
			h.checkBt.Enable()
		}, nil)
	h.table.sortable(loc)
	h.saveBtn = widget.NewButtonWithIcon(loc.T("coordinator.history.save_pdf"), theme.DocumentSaveIcon(), h.onSavePDF)
	h.checkBt = widget.NewButtonWithIcon(loc.T("coordinator.history.recheck"), theme.SearchIcon(), h.onRecheck)
	h.saveBtn.Disable()
	h.checkBt.Disable()
	h.compare = widget.NewButtonWithIcon(loc.T("coordinator.conflict.compare"), theme.VisibilityIcon(), h.onCompare)
	h.compare.Importance = widget.HighImportance
	h.compare.Hide()
	h.empty = wrapped(loc.T("coordinator.history.empty"))
	h.reload()
	h.pick = widget.NewLabel(loc.T("coordinator.history.pick"))
	h.pick.Importance = widget.LowImportance
	h.detail = container.NewBorder(nil, container.NewHBox(h.compare, h.saveBtn, h.checkBt), nil, nil, h.table.Object())
	right := container.NewStack(h.detail, container.NewCenter(h.pick))
	h.showPick()
	left := container.NewBorder(bold(loc.T("coordinator.history.boards")), nil, nil, nil, h.list)
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	return container.NewBorder(h.empty, nil, nil, nil, split)
}

func (h *historyView) groupText(g subGroup) string {
	loc := h.v.loc
	text := strconv.Itoa(g.year) + " · " + g.board + " · " + loc.Tf("coordinator.version_n", "Version", g.current)
	if g.untrusted {
		text += " · " + loc.T("coordinator.history.untrusted_short")
	}
	if g.conflict {
		text += " · " + loc.T("coordinator.history.conflict_short")
	}
	return text
}

// reload reads the submissions again, keeping the selected board and year.
func (h *historyView) reload() {
	if h.list == nil {
		return
	}
	subs, err := h.v.env.Store.Submissions("", 0)
	if err != nil {
		h.v.showError(err)
		return
	}
	var keep subGroup
	if h.selG >= 0 && h.selG < len(h.groups) {
		keep = h.groups[h.selG]
	}
	index := map[string]int{}
	h.groups = h.groups[:0]
	for _, s := range subs {
		key := s.Board + "\x00" + strconv.Itoa(s.Year)
		i, ok := index[key]
		if !ok {
			i = len(h.groups)
			index[key] = i
			h.groups = append(h.groups, subGroup{board: s.Board, year: s.Year})
		}
		g := &h.groups[i]
		g.versions = append(g.versions, s)
		if s.Current {
			g.current = s.Version
			g.untrusted = !s.Trusted
		}
		g.conflict = g.conflict || s.ConflictOpen
	}
	loc := h.v.loc
	sort.SliceStable(h.groups, func(i, j int) bool {
		if h.groups[i].year != h.groups[j].year {
			return h.groups[i].year > h.groups[j].year
		}
		return loc.Compare(h.groups[i].board, h.groups[j].board) < 0
	})
	if len(h.groups) == 0 {
		h.empty.Show()
	} else {
		h.empty.Hide()
	}
	h.list.Refresh()
	h.selG = -1
	for i, g := range h.groups {
		if g.board == keep.board && g.year == keep.year {
			h.list.Select(i) // no callback when it was selected already
			h.selectGroup(i)
			return
		}
	}
	h.list.UnselectAll()
	h.subs = nil
	h.table.Refresh()
	h.showPick()
}

// showPick shows the versions of the chosen plan, or, before one is chosen, a hint instead
// of an empty pane.
func (h *historyView) showPick() {
	if h.detail == nil {
		return
	}
	if h.selG < 0 {
		h.detail.Hide()
		h.pick.Hidden = len(h.groups) == 0 // the note above says there is nothing yet
		h.pick.Refresh()
	} else {
		h.pick.Hide()
		h.detail.Show()
	}
}

func (h *historyView) selectGroup(i int) {
	if i < 0 || i >= len(h.groups) {
		return
	}
	h.selG, h.selS = i, -1
	h.subs = h.groups[i].versions
	h.table.SelectData(-1)
	h.table.Refresh()
	h.saveBtn.Disable()
	h.checkBt.Disable()
	h.compare.Hidden = !h.groups[i].conflict
	h.compare.Refresh()
	h.showPick()
}

// onCompare opens the comparison of the selected plan's conflict.
func (h *historyView) onCompare() {
	if h.selG < 0 || h.selG >= len(h.groups) {
		return
	}
	g := h.groups[h.selG]
	h.v.showConflict(g.board, g.year, nil)
}

func (h *historyView) cell(row, col int) string {
	s := h.subs[row]
	loc := h.v.loc
	switch col {
	case hcolVersion:
		return strconv.Itoa(s.Version)
	case hcolCurrent:
		if s.Current {
			return loc.T("coordinator.history.current")
		}
		if s.ConflictOpen {
			return loc.T("coordinator.history.conflict")
		}
		return ""
	case hcolSigner:
		return s.SignerName
	case hcolSigned:
		if s.SignedAt.IsZero() {
			return ""
		}
		return loc.Date(s.SignedAt.Local())
	case hcolImported:
		return loc.DateTime(s.ImportedAt.Local())
	case hcolImportedBy:
		return s.ImportedBy
	case hcolFile:
		return s.FileName
	case hcolTrust:
		if s.Trusted {
			return loc.T("coordinator.history.trusted")
		}
		return loc.T("coordinator.history.untrusted")
	}
	return ""
}

func (h *historyView) selected() (data.Submission, bool) {
	if h.selS < 0 || h.selS >= len(h.subs) {
		return data.Submission{}, false
	}
	return h.subs[h.selS], true
}

// onSavePDF saves a copy of the PDF exactly as it was received.
func (h *historyView) onSavePDF() {
	s, ok := h.selected()
	if !ok {
		return
	}
	pdf, err := h.v.env.Store.SubmissionPDF(s.ID)
	if err != nil {
		h.v.showError(err)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			h.v.showError(err)
			return
		}
		if w == nil {
			return
		}
		_, werr := w.Write(pdf)
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr == nil && runtime.GOOS != "windows" {
			// The dialog creates the file readable by all; a plan is private until shared.
			werr = os.Chmod(w.URI().Path(), appexport.FileMode)
		}
		if werr != nil {
			h.v.showError(werr)
		}
	}, h.v.env.Window)
	d.SetFileName(s.FileName)
	fynelang.ShowFileDialog(d, h.v.env.Window)
}

// onRecheck verifies the kept PDF again and says, in plain words, what it found.
func (h *historyView) onRecheck() {
	s, ok := h.selected()
	if !ok {
		return
	}
	loc := h.v.loc
	var res submission.Result
	h.v.background(func() error {
		var err error
		res, err = h.v.im.Recheck(s.ID)
		return err
	}, func(err error) {
		if err != nil {
			h.v.showError(err)
			return
		}
		fynelang.ShowInformation(submission.VerdictText(loc, res.Verdict), submission.ReasonText(loc, res), h.v.env.Window)
	})
}
