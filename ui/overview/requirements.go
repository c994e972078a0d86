package overview

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// ---- the policy's general requirements ----

// requirementsTab shows which boards meet which of the policy's general requirements: per board
// the profile version its plan was made under, the requirements met of those that apply, partly,
// not met, not assessed, and its register's systems with warnings; under it, per requirement,
// the boards that meet it only partly or not at all.
type requirementsTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
	items   *sortTable
}

func (t *requirementsTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.summary = wrapped("")
	t.table = newSortTable(loc, []column{
		{loc.T("overview.col.board"), 265, false},
		{loc.T("overview.col.profile_version"), 110, true},
		{loc.T("overview.col.req_met_of"), 110, true},
		{loc.T("overview.col.req_partly"), 80, true},
		{loc.T("overview.col.req_not_met"), 110, true},
		{loc.T("overview.col.req_na"), 100, true},
		{loc.T("overview.col.req_unanswered"), 100, true},
		{loc.T("overview.col.req_addressed"), 160, true},
		{loc.T("overview.col.flagged"), 180, true},
	}, t.v.showRows)
	t.items = newSortTable(loc, []column{
		{loc.T("report.col.requirement"), 300, false},
		{loc.T("overview.col.req_met_of"), 100, true},
		{loc.T("overview.col.req_not_met_boards"), 420, false},
		{loc.T("overview.col.req_partly_boards"), 420, false},
	}, t.v.showRows)
	t.items.onText = t.v.showCell
	split := container.NewVSplit(t.table.object(), t.items.object())
	split.Offset = 0.5
	return container.NewBorder(t.summary, nil, nil, nil, split)
}

func (t *requirementsTab) show() {
	o, loc := t.v.o, t.v.loc
	req := o.Requirements
	s := req.Total
	t.summary.SetText(loc.Tf("overview.req.summary", "Met", s.Met, "Applicable", s.Applicable(), "Boards", len(req.Rows), "Flagged", o.Register.Total.Flagged))
	warn := func(c tcell) tcell {
		c.warn = c.num > 0
		return c
	}
	row := func(name, board string, sm domain.ChecklistSummary, version int, flagged int) []tcell {
		v := text("–")
		if version >= 0 {
			v = num(loc, int64(version), strconv.Itoa(version))
		}
		met := tcell{text: loc.Tf("overview.req.met_of", "Met", sm.Met, "Applicable", sm.Applicable()), num: float64(sm.Met)}
		flag := link(num(loc, int64(flagged), ""), loc.Tf("overview.drill.systems", "Board", name, "What", loc.T("overview.col.flagged")),
			func() ov.Rows { return o.SystemRows(board, ov.Flagged) })
		return []tcell{{text: name, bold: true}, v, met, num(loc, int64(sm.Partly), ""), warn(num(loc, int64(sm.NotMet), "")),
			num(loc, int64(sm.NotApplicable), ""), warn(num(loc, int64(sm.Unanswered), "")), num(loc, int64(sm.Addressed), ""), warn(flag)}
	}
	var rows [][]tcell
	for _, r := range req.Rows {
		reg, _ := o.RegisterOf(r.Board)
		rows = append(rows, row(r.Board, r.Board, r.ChecklistSummary, r.ProfileVersion, reg.Flagged))
	}
	t.table.setRows(rows, row(loc.T("overview.total"), "", req.Total, -1, o.Register.Total.Flagged))

	var items [][]tcell
	for _, it := range req.Items {
		var partly, not []string
		for _, r := range req.Rows {
			switch r.Status[it.ID] {
			case domain.ChecklistPartly:
				partly = append(partly, r.Board)
			case domain.ChecklistNotMet:
				not = append(not, r.Board)
			}
		}
		loc.Sort(partly)
		loc.Sort(not)
		counts := req.ByItem[it.ID]
		met := counts[domain.ChecklistMet]
		applicable := len(req.Rows) - counts[domain.ChecklistNotApplicable]
		items = append(items, []tcell{{text: it.Title, bold: true},
			{text: loc.Tf("overview.req.met_of", "Met", met, "Applicable", applicable), num: float64(met)},
			{text: strings.Join(not, ", "), warn: len(not) > 0}, text(strings.Join(partly, ", "))})
	}
	t.items.setRows(items, nil)
}

// profileCell is the profile version a board's current submission was made under ("–" when it
// says none, or nothing was received).
func profileCell(loc *i18n.Localizer, r ov.SubmissionRow) tcell {
	if !r.Received || r.Current.ProfileVersion < 0 {
		return text("–")
	}
	return num(loc, int64(r.Current.ProfileVersion), strconv.Itoa(r.Current.ProfileVersion))
}
