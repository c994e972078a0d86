package overview

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// followUpTab is last year's follow-up per board: how far the activities came, the biennial
// checks and the coordinator's note.
type followUpTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
}

func (t *followUpTab) build() fyne.CanvasObject {
	loc := t.v.loc
	cols := []column{{loc.T("overview.col.board"), 265, false}, {loc.T("overview.col.activities_short"), 90, true}}
	for _, st := range domain.ActivityStatuses {
		cols = append(cols, column{loc.T("activity.status." + string(st)), 110, true})
	}
	cols = append(cols, column{loc.T("overview.col.share_done"), 160, true})
	for i := range 3 {
		cols = append(cols, column{loc.T("overview.col.check" + strconv.Itoa(i)), 220, false})
	}
	cols = append(cols, column{loc.T("overview.col.note"), 300, false})
	t.summary = wrapped("")
	t.table = newSortTable(loc, cols, t.v.showRows)
	t.table.onText = t.v.showCell
	return container.NewBorder(t.summary, nil, nil, nil, t.table.object())
}

func (t *followUpTab) show() {
	o, loc := t.v.o, t.v.loc
	t.summary.SetText(loc.Tf("overview.followup.intro", "Year", o.Year-1))
	row := func(r ov.FollowUpRow, board, name string) []tcell {
		out := []tcell{{text: name, bold: true}}
		if board != "" {
			out[0].action = func() { t.v.editNote(board) }
		}
		if !r.Has {
			for range 6 {
				out = append(out, text("–"))
			}
		} else {
			out = append(out, link(num(loc, int64(r.Total), ""), loc.Tf("overview.drill.followup", "Board", name, "Year", r.Year),
				func() ov.Rows { return o.FollowUpRows(board, "") }))
			for _, st := range domain.ActivityStatuses {
				st := st
				out = append(out, link(num(loc, int64(r.Counts[st]), ""), loc.Tf("overview.drill.followup_status", "Board", name, "Year", r.Year,
					"Status", loc.T("activity.status."+string(st))), func() ov.Rows { return o.FollowUpRows(board, st) }))
			}
			share := r.Share(domain.ActivityDone)
			out = append(out, tcell{text: loc.Tf("report.percent", "N", r.Percent(domain.ActivityDone)), num: share})
		}
		if board == "" {
			return append(out, text(""), text(""), text(""), text(""))
		}
		for i := range 3 {
			s := ""
			switch {
			case r.Has:
				s = loc.T("check.result." + string(r.Checks[i].Result))
			case i == 0:
				s = r.GapText(loc) // why the follow-up is missing
			}
			if a := r.Note.Checks[i]; a != domain.CheckUnanswered {
				s += " · " + loc.Tf("overview.assessed", "Result", loc.T("check.result."+string(a)))
			}
			out = append(out, tcell{text: s, warn: !r.Has || r.Checks[i].Result == domain.CheckNo || r.Note.Checks[i] == domain.CheckNo})
		}
		note := r.Note.Text
		if note == "" {
			note = loc.T("overview.note.add")
		}
		return append(out, tcell{text: note, action: func() { t.v.editNote(board) }})
	}
	var rows [][]tcell
	for _, r := range o.FollowUp.Rows {
		rows = append(rows, row(r, r.Board, r.Board))
	}
	t.table.setRows(rows, row(o.FollowUp.Total, "", loc.T("overview.total")))
}
