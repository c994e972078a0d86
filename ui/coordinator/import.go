package coordinator

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"handlingsplan/ui/bridge"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/importer"
	"handlingsplan/data"
)

// importView is the import tab: choose files or a folder (or drop them on the window), watch
// the progress, read one verdict per file, approve unknown signers.
type importView struct {
	v *View

	results []importer.Result
	sel     int // selected row, -1 none

	filesBtn, folderBtn, cancelBtn *widget.Button
	bar                            *widget.ProgressBar
	status                         *widget.Label
	table                          *fitTable
	detail                         *widget.Label
	approveBtn                     *widget.Button
	compareBtn                     *widget.Button
	conflicts                      []data.ConflictGroup // open ones, for the note under the buttons
	conflictNote                   *widget.Label
	conflictBtn                    *widget.Button
	conflictBox                    *fyne.Container
	picker                         dialog.Dialog // the file checklist, while open
	root                           *fyne.Container

	running bool
	cancel  context.CancelFunc
	stopped chan struct{} // closed when the running import's goroutine has returned
}

// Table columns.
const (
	colFile = iota
	colVerdict
	colBoard
	colYear
	colVersion
	colReason
)

func (iv *importView) build() fyne.CanvasObject {
	loc := iv.v.loc
	iv.sel = -1
	iv.filesBtn = widget.NewButtonWithIcon(loc.T("coordinator.import.files"), theme.FileIcon(), iv.onChooseFiles)
	iv.filesBtn.Importance = widget.HighImportance
	iv.folderBtn = widget.NewButtonWithIcon(loc.T("coordinator.import.folder"), theme.FolderOpenIcon(), iv.onChooseFolder)
	iv.cancelBtn = widget.NewButtonWithIcon(loc.T("coordinator.import.cancel"), theme.CancelIcon(), iv.onCancel)
	iv.cancelBtn.Disable()
	iv.bar = widget.NewProgressBar()
	iv.bar.TextFormatter = func() string {
		return loc.Tf("coordinator.import.progress", "Done", int(iv.bar.Value), "Total", int(iv.bar.Max))
	}
	iv.bar.Hide() // until the first import
	iv.status = wrapped(loc.T("coordinator.import.hint"))
	widths := []float32{190, 210, 190, 60, 70, 520}
	iv.table = textTable(
		[]string{loc.T("coordinator.col.file"), loc.T("coordinator.col.verdict"), loc.T("coordinator.col.board"),
			loc.T("coordinator.col.year"), loc.T("coordinator.col.version"), loc.T("coordinator.col.reason")},
		widths,
		func() int { return len(iv.results) },
		iv.cell, iv.onSelect, nil)
	iv.table.sortable(loc)
	iv.detail = wrapped("")
	iv.approveBtn = widget.NewButtonWithIcon(loc.T("coordinator.import.review_signer"), theme.ConfirmIcon(), iv.onApproveSelected)
	iv.approveBtn.Hide()
	iv.compareBtn = widget.NewButtonWithIcon(loc.T("coordinator.conflict.compare"), theme.VisibilityIcon(), iv.onCompareSelected)
	iv.compareBtn.Importance = widget.HighImportance
	iv.compareBtn.Hide()
	iv.conflictNote = wrapped("")
	iv.conflictNote.Importance = widget.WarningImportance
	iv.conflictBtn = widget.NewButtonWithIcon(loc.T("coordinator.conflict.compare"), theme.VisibilityIcon(), iv.onCompareOpen)
	iv.conflictBox = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), iv.conflictBtn, iv.conflictNote)
	iv.conflictBox.Hide()
	top := container.NewVBox(
		container.NewHBox(iv.filesBtn, iv.folderBtn, iv.cancelBtn),
		iv.bar,
		iv.status,
		iv.conflictBox,
	)
	bottom := container.NewVBox(widget.NewSeparator(), iv.detail, container.NewHBox(iv.approveBtn, iv.compareBtn))
	iv.root = container.NewBorder(top, bottom, nil, nil, iv.table.Object())
	return iv.root
}

// relayout lays the tab out again after a part changed its height (the explanation, the
// approve button shown or hidden).
func (iv *importView) relayout() {
	if iv.root != nil {
		iv.root.Refresh()
	}
}

func (iv *importView) cell(row, col int) string {
	r := iv.results[row]
	loc := iv.v.loc
	switch col {
	case colFile:
		return r.Name()
	case colVerdict:
		return importer.VerdictText(loc, r.Verdict)
	case colBoard:
		return r.Board
	case colYear:
		if r.Year == 0 {
			return ""
		}
		return strconv.Itoa(r.Year)
	case colVersion:
		if r.Version == 0 {
			return ""
		}
		return strconv.Itoa(r.Version)
	}
	return r.Text(loc)
}

// onSelect shows the whole explanation of a row and, for an unknown signer, the way to approve.
func (iv *importView) onSelect(row int) {
	if row < 0 || row >= len(iv.results) {
		return
	}
	iv.sel = row
	r := iv.results[row]
	iv.detail.SetText(r.Name() + ": " + importer.VerdictText(iv.v.loc, r.Verdict) + ". " + r.Text(iv.v.loc))
	if r.Verdict == importer.UnknownSigner && !iv.running {
		iv.approveBtn.Show()
	} else {
		iv.approveBtn.Hide()
	}
	if r.Verdict == importer.Conflict && !iv.running {
		iv.compareBtn.Show()
	} else {
		iv.compareBtn.Hide()
	}
	iv.relayout()
}

// reloadConflicts shows, above the verdicts, which boards and years have a conflict the
// coordinator has not chosen in, whenever and however the files came in (GUI or CLI).
func (iv *importView) reloadConflicts() {
	if iv.conflictBox == nil {
		return
	}
	groups, err := iv.v.im.OpenConflicts()
	if err != nil {
		iv.v.showError(err)
		return
	}
	iv.conflicts = groups
	if len(groups) == 0 {
		iv.conflictBox.Hide()
		iv.relayout()
		return
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Board + " " + strconv.Itoa(g.Year)
	}
	iv.conflictNote.SetText(iv.v.loc.Tf("coordinator.import.conflicts_open", "Count", len(groups), "Plans", strings.Join(names, ", ")))
	iv.conflictBox.Show()
	iv.relayout()
}

// onCompareOpen opens the first open conflict (after a choice the note shows the next).
func (iv *importView) onCompareOpen() {
	if len(iv.conflicts) > 0 {
		iv.v.showConflict(iv.conflicts[0].Board, iv.conflicts[0].Year, nil)
	}
}

// onCompareSelected opens the comparison of the selected file's conflict.
func (iv *importView) onCompareSelected() {
	if iv.sel < 0 || iv.sel >= len(iv.results) {
		return
	}
	r := iv.results[iv.sel]
	iv.v.showConflict(r.Board, r.Year, nil)
}

// start imports paths in the background: the window stays responsive, the progress bar moves
// with every file, and Cancel stops before the next file.
func (iv *importView) start(paths []string) {
	loc := iv.v.loc
	if iv.running {
		iv.status.SetText(loc.T("coordinator.import.busy"))
		return
	}
	total := importer.Count(paths)
	if total == 0 {
		iv.status.SetText(loc.T("coordinator.import.no_pdfs"))
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	iv.running, iv.cancel, iv.stopped = true, cancel, make(chan struct{})
	iv.results, iv.sel = nil, -1
	iv.table.SelectData(-1)
	iv.table.Refresh()
	iv.detail.SetText("")
	iv.approveBtn.Hide()
	iv.compareBtn.Hide()
	iv.filesBtn.Disable()
	iv.folderBtn.Disable()
	iv.cancelBtn.Enable()
	iv.bar.Max, iv.bar.Value = float64(total), 0
	iv.bar.Show()
	iv.bar.Refresh()
	iv.status.SetText(loc.Tf("coordinator.import.running", "Count", total))
	iv.relayout()
	stopped := iv.stopped
	var results []importer.Result
	var err error
	iv.v.bg.Go(func() {
		results, err = iv.v.im.Import(ctx, paths, func(p importer.Progress) {
			if p.Result == nil {
				return
			}
			r := *p.Result
			bridge.Do(func() {
				if iv.v.flushed.Load() {
					return
				}
				iv.results = append(iv.results, r)
				iv.bar.Max, iv.bar.Value = float64(p.Total), float64(p.Done)
				iv.bar.Refresh()
				iv.table.Refresh()
				iv.table.ScrollToBottom()
			})
		})
		close(stopped)
	}, func() {
		iv.running = false
		if !iv.v.flushed.Load() {
			iv.finish(results, err)
		}
	})
}

func (iv *importView) finish(results []importer.Result, err error) {
	loc := iv.v.loc
	iv.running = false
	iv.cancel()
	iv.results = results
	iv.table.Refresh()
	iv.filesBtn.Enable()
	iv.folderBtn.Enable()
	iv.cancelBtn.Disable()
	sum := importer.Summarize(results)
	text := sum.Text(loc)
	switch {
	case errors.Is(err, context.Canceled):
		text = loc.T("coordinator.import.cancelled") + " " + text
	case err != nil:
		iv.v.showError(err)
	}
	if sum[importer.UnknownSigner] > 0 {
		text += " " + loc.T("coordinator.import.select_to_approve")
	}
	if sum[importer.Conflict] > 0 {
		text += " " + loc.T("coordinator.import.select_to_compare")
	}
	iv.status.SetText(text)
	iv.relayout()
	iv.v.refresh()
}

func (iv *importView) onCancel() {
	if iv.running && iv.cancel != nil {
		iv.cancelBtn.Disable()
		iv.status.SetText(iv.v.loc.T("coordinator.import.cancelling"))
		iv.cancel()
	}
}

// stop cancels a running import and waits until its goroutine has returned (the file it was
// on is then stored whole or not at all). The goroutine never waits for the UI, so this
// cannot deadlock on the UI goroutine.
func (iv *importView) stop() {
	if !iv.running {
		return
	}
	iv.cancel()
	<-iv.stopped
}

func (iv *importView) onApproveSelected() {
	if iv.sel < 0 || iv.sel >= len(iv.results) {
		return
	}
	r := iv.results[iv.sel]
	iv.v.showApprove(r.Fingerprint, iv.applyApproved)
}

// applyApproved puts the verdicts of files imported after an approval in place of their
// "waiting" rows (same bytes), and adds the others.
func (iv *importView) applyApproved(rs []importer.Result) {
	for _, r := range rs {
		replaced := false
		for i := range iv.results {
			if iv.results[i].SHA256 == r.SHA256 && iv.results[i].Verdict == importer.UnknownSigner {
				iv.results[i] = r
				replaced = true
			}
		}
		if !replaced {
			iv.results = append(iv.results, r)
		}
	}
	iv.table.Refresh()
	if iv.sel >= 0 {
		iv.onSelect(iv.sel)
	}
	iv.status.SetText(importer.Summarize(iv.results).Text(iv.v.loc))
}
