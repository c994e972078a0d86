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

// registerTab is the registers per board: systems per classification level and the gaps.
type registerTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
}

func (t *registerTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.summary = wrapped("")
	t.table = newSortTable(loc, nil, t.v.showRows)
	t.table.onText = t.v.showCell
	return container.NewBorder(t.summary, nil, nil, nil, t.table.object())
}

func (t *registerTab) show() {
	o, loc := t.v.o, t.v.loc
	cols := []column{{loc.T("overview.col.board"), 265, false}, {loc.T("overview.col.systems"), 80, true}}
	for _, l := range ov.Levels {
		title := loc.T("overview.level.none")
		if l >= 0 {
			title = loc.Tf("overview.level", "Level", l)
		}
		cols = append(cols, column{title, 95, true})
	}
	// Wide enough for the titles, which say the level the count is for.
	cols = append(cols, column{loc.T("overview.col.critical"), 90, true}, column{loc.T("overview.col.no_risk"), 215, true},
		column{loc.T("overview.col.no_deepened"), 245, true}, column{loc.T("overview.col.gaps"), 190, true},
		column{loc.T("overview.col.below_base"), 150, true}, column{loc.T("overview.col.flagged"), 180, true})
	t.table.setCols(cols)
	t.summary.SetText(loc.Tf("overview.register.intro", "Scale", scaleText(o.Profile)))
	row := func(r ov.RegisterRow, board, name string) []tcell {
		drill := func(n int, what string, keep ov.Filter) tcell {
			return link(tcell{text: loc.Number(int64(n)), num: float64(n)}, loc.Tf("overview.drill.systems", "Board", name, "What", what),
				func() ov.Rows { return o.SystemRows(board, keep) })
		}
		out := []tcell{{text: name, bold: true}, drill(r.Systems, loc.T("overview.col.systems"), nil)}
		for _, l := range ov.Levels {
			out = append(out, drill(r.ByLevel[l], levelTitle(loc, l), ov.AtLevel(l)))
		}
		gaps := []tcell{
			drill(r.Critical, loc.T("overview.col.critical"), ov.Critical),
			drill(r.NoRiskAnalysis, loc.T("overview.col.no_risk"), ov.NoRiskAnalysis),
			drill(r.NoDeepenedPlan, loc.T("overview.col.no_deepened"), ov.NoDeepenedPlan),
			drill(r.Gaps, loc.T("overview.col.gaps"), ov.Gap),
			drill(r.BelowBaseline, loc.T("overview.col.below_base"), ov.BelowBaseline),
			drill(r.Flagged, loc.T("overview.col.flagged"), ov.Flagged),
		}
		for i := 1; i < len(gaps); i++ {
			gaps[i].warn = gaps[i].num > 0
		}
		return append(out, gaps...)
	}
	var rows [][]tcell
	for _, r := range o.Register.Rows {
		rows = append(rows, row(r, r.Board, r.Board))
	}
	t.table.setRows(rows, row(o.Register.Total, "", loc.T("overview.total")))
}

func levelTitle(loc *i18n.Localizer, l int) string {
	if l < 0 {
		return loc.T("overview.level.none")
	}
	return loc.Tf("overview.level", "Level", l)
}

func scaleText(p domain.Profile) string {
	var parts []string
	for _, c := range p.Scale {
		parts = append(parts, strconv.Itoa(c.Level)+" "+c.Name)
	}
	return strings.Join(parts, ", ")
}
