package coordinator

import (
	"handlingsplan/ui/fynelang"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/importer"
	"handlingsplan/data"
)

// conflictView shows the submissions of a board and year that disagree side by side: who
// signed each and when, the plan identity each carries, and what differs in the plan (with the
// totals), and lets the coordinator choose which one is current. The comparison itself is
// app/importer's (the CLI prints the same rows).
type conflictView struct {
	v     *View
	cmp   importer.Comparison
	rows  []shownRow
	after func() // called on the UI goroutine once a choice is stored

	table  *fitTable
	detail *widget.Label
	dlg    dialog.Dialog
}

// shownRow is a line of the comparison table: a row of values, or a heading (bold, no values)
// above the fields of one activity, training, follow-up point or system.
type shownRow struct {
	importer.DiffRow
	heading bool
}

// showConflict opens the comparison of the open conflict of board and year; after is called
// once the coordinator has chosen.
func (v *View) showConflict(board string, year int, after func()) {
	loc := v.loc
	groups, err := v.im.OpenConflicts()
	if err != nil {
		v.showError(err)
		return
	}
	var group *data.ConflictGroup
	for i := range groups {
		if groups[i].Board == board && groups[i].Year == year {
			group = &groups[i]
		}
	}
	if group == nil {
		fynelang.ShowInformation(loc.T("coordinator.conflict.title_none"), loc.T("coordinator.conflict.none"), v.env.Window)
		return
	}
	cmp, err := v.im.CompareGroup(loc, *group)
	if err != nil {
		v.showError(err)
		return
	}
	cv := &conflictView{v: v, cmp: cmp, after: after}
	v.conflict = cv
	cv.dlg = dialog.NewCustomWithoutButtons(loc.Tf("coordinator.conflict.title", "Board", board, "Year", year), cv.build(), v.env.Window)
	size := v.env.Window.Canvas().Size()
	cv.dlg.Resize(fyne.NewSize(min(1240, size.Width-60), min(660, size.Height-60)))
	cv.dlg.Show()
	// Enter chooses nothing: which submission counts is chosen with its own button.
	fynelang.DialogKeys(v.env.Window, nil, cv.dlg.Hide)
}

// build lays out the explanation, the side-by-side table, the full text of the selected row
// and one button per submission to choose it.
func (cv *conflictView) build() fyne.CanvasObject {
	loc := cv.v.loc
	cv.rows = nil
	for _, r := range cv.headRows() {
		cv.rows = append(cv.rows, shownRow{DiffRow: r})
	}
	cv.rows = append(cv.rows, shownRow{DiffRow: importer.DiffRow{Label: loc.T("coordinator.conflict.differs")}, heading: true})
	group := ""
	for _, r := range cv.cmp.Rows {
		if r.Group != "" && r.Group != group {
			cv.rows = append(cv.rows, shownRow{DiffRow: importer.DiffRow{Label: r.Group}, heading: true})
		}
		group = r.Group
		cv.rows = append(cv.rows, shownRow{DiffRow: r})
	}

	headers := []string{loc.T("coordinator.conflict.col.what")}
	widths := []float32{440}
	for i, s := range cv.cmp.Sides {
		key := "coordinator.conflict.col.side"
		if s.Submission.Current {
			key = "coordinator.conflict.col.side_current"
		}
		headers = append(headers, loc.Tf(key, "N", i+1))
		widths = append(widths, 360)
	}
	cv.table = textTable(headers, widths, func() int { return len(cv.rows) }, cv.cell, cv.onSelect,
		func(row int) bool { return row < len(cv.rows) && cv.rows[row].heading })
	cv.detail = wrapped(loc.T("coordinator.conflict.select_row"))

	buttons := container.NewHBox()
	for i, s := range cv.cmp.Sides {
		b := widget.NewButtonWithIcon(loc.Tf("coordinator.conflict.choose", "N", i+1, "Version", s.Submission.Version), theme.ConfirmIcon(),
			func() { cv.onChoose(i) })
		b.Importance = widget.HighImportance
		buttons.Add(b)
	}
	buttons.Add(widget.NewButtonWithIcon(loc.T("coordinator.conflict.close"), theme.CancelIcon(), func() { cv.dlg.Hide() }))
	intro := wrapped(loc.Tf("coordinator.conflict.intro", "Board", cv.cmp.Board, "Year", cv.cmp.Year, "Count", len(cv.cmp.Sides)))
	bottom := container.NewVBox(widget.NewSeparator(), cv.detail, buttons)
	return container.NewBorder(intro, bottom, nil, nil, cv.table.Object())
}

// headRows are about the files: version, signer and signing time, import, plan identity, file
// (which one is current is in the column header).
func (cv *conflictView) headRows() []importer.DiffRow {
	loc := cv.v.loc
	row := func(key string, value func(s data.Submission) string) importer.DiffRow {
		r := importer.DiffRow{Label: loc.T(key)}
		for _, side := range cv.cmp.Sides {
			r.Values = append(r.Values, value(side.Submission))
		}
		return r
	}
	return []importer.DiffRow{
		row("coordinator.conflict.row.version", func(s data.Submission) string { return strconv.Itoa(s.Version) }),
		row("coordinator.conflict.row.signed", func(s data.Submission) string {
			if s.SignedAt.IsZero() {
				return s.SignerName
			}
			return loc.Tf("coordinator.conflict.signed_by", "Who", s.SignerName, "Date", loc.DateTime(s.SignedAt.Local()))
		}),
		row("coordinator.conflict.row.imported", func(s data.Submission) string {
			return loc.Tf("coordinator.conflict.imported_by", "Date", loc.DateTime(s.ImportedAt.Local()), "Who", s.ImportedBy)
		}),
		row("coordinator.conflict.row.uuid", func(s data.Submission) string {
			if s.PlanUUID == "" {
				return loc.T("coordinator.conflict.no_uuid")
			}
			return s.PlanUUID
		}),
		row("coordinator.conflict.row.file", func(s data.Submission) string { return s.FileName }),
	}
}

func (cv *conflictView) cell(row, col int) string {
	r := cv.rows[row]
	if col == 0 {
		if r.Field != "" {
			return "      " + r.Field // under its heading
		}
		return r.Label
	}
	if col-1 < len(r.Values) {
		return r.Values[col-1]
	}
	return ""
}

// onSelect shows a row in full: long texts are cut in the table.
func (cv *conflictView) onSelect(row int) {
	if row < 0 || row >= len(cv.rows) {
		return
	}
	r := cv.rows[row]
	if r.heading {
		cv.detail.SetText(r.Label)
		return
	}
	parts := make([]string, len(r.Values))
	for i, v := range r.Values {
		parts[i] = cv.v.loc.Tf("coordinator.conflict.side_value", "N", i+1, "Value", v)
	}
	cv.detail.SetText(r.Label + "\n" + strings.Join(parts, "\n"))
}

// onChoose asks before it makes side i current: the choice is audited and changes what the
// overview and the reports count.
func (cv *conflictView) onChoose(i int) {
	loc := cv.v.loc
	s := cv.cmp.Sides[i].Submission
	msg := loc.Tf("coordinator.conflict.confirm", "N", i+1, "Version", s.Version, "File", s.FileName, "Signer", s.SignerName,
		"Board", s.Board, "Year", s.Year)
	d := dialog.NewCustomConfirm(loc.T("coordinator.conflict.confirm_title"), loc.T("coordinator.conflict.confirm_ok"), loc.T("coordinator.cancel"),
		wrapped(msg), func(ok bool) {
			if !ok {
				return
			}
			var out data.ChooseOutcome
			cv.v.background(func() error {
				var err error
				out, err = cv.v.im.Choose(s.ID)
				return err
			}, func(err error) {
				if err != nil {
					cv.v.showError(err)
					return
				}
				cv.dlg.Hide()
				fynelang.ShowInformation(loc.T("coordinator.conflict.chosen_title"), importer.ChosenText(loc, out), cv.v.env.Window)
				if cv.after != nil {
					cv.after()
				}
				cv.v.refresh()
			})
		}, cv.v.env.Window)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}
