package overview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
)

// submissionsTab lists every board with what it has sent for the year: status, versions, signer,
// dates and what to look at.
type submissionsTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
}

func (t *submissionsTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.summary = wrapped("")
	t.table = newSortTable(loc, []column{
		{loc.T("overview.col.board"), 265, false},
		{loc.T("overview.col.status"), 170, false},
		{loc.T("overview.col.versions"), 140, true},
		{loc.T("overview.col.signed_by"), 190, false},
		{loc.T("overview.col.signed"), 110, false},
		{loc.T("overview.col.imported"), 110, false},
		{loc.T("overview.col.profile_version"), 110, true},
		{loc.T("overview.col.problems"), 320, false},
	}, t.v.showRows)
	t.table.onText = t.v.showCell
	return container.NewBorder(t.summary, nil, nil, nil, t.table.object())
}

func (t *submissionsTab) show() {
	o, loc := t.v.o, t.v.loc
	missing := o.Missing()
	s := loc.Tf("overview.sub.summary", "Received", len(o.Plans), "Count", len(o.Boards), "Year", o.Year)
	if len(missing) > 0 {
		s += " " + loc.Tf("overview.sub.missing", "Boards", strings.Join(missing, ", "), "Count", len(missing))
	}
	t.summary.SetText(s)
	var rows [][]tcell
	for _, r := range o.Submissions {
		r := r
		versions := link(num(loc, int64(len(r.Versions)), ""), loc.Tf("overview.drill.versions", "Board", r.Board, "Year", o.Year),
			func() ov.Rows { return o.VersionRows(r.Board) })
		row := []tcell{{text: r.Board, bold: true, warn: !r.Received}, statusCell(loc, r), versions,
			text(r.Current.SignerName), text(loc.Date(r.Current.SignedAt)), text(loc.Date(r.Current.ImportedAt)), profileCell(loc, r)}
		if len(r.Problems) > 0 {
			var lines []string
			for _, p := range r.Problems {
				lines = append(lines, p.Text(loc))
			}
			title := loc.Tf("overview.drill.problems", "Board", r.Board)
			row = append(row, tcell{text: loc.Tf("overview.problems_count", "Count", len(lines)) + ": " + lines[0], warn: true,
				action: func() { t.v.showText(title, lines) }})
		} else {
			row = append(row, text(""))
		}
		rows = append(rows, row)
	}
	t.table.setRows(rows, nil)
}
