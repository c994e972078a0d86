package overview

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
)

// resourcesTab is the resources per board and quarter in the chosen measure, against last year,
// as a table and a bar chart.
type resourcesTab struct {
	v      *View
	metric ov.Metric
	sel    *widget.Select
	table  *sortTable
	chart  *barChart
	note   *widget.Label // why last year's total covers other boards than this year's
}

func (t *resourcesTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.metric = ov.MetricKronor
	var names []string
	for _, m := range ov.Metrics {
		names = append(names, loc.T(m.Key()))
	}
	t.sel = widget.NewSelect(names, func(s string) {
		for _, m := range ov.Metrics {
			if loc.T(m.Key()) == s && m != t.metric {
				t.metric = m
				t.show()
			}
		}
	})
	t.sel.SetSelected(loc.T(t.metric.Key()))
	cols := []column{{loc.T("overview.col.board"), 230, false}, {loc.T("overview.col.activities_short"), 90, true}}
	for q := 1; q <= 4; q++ {
		cols = append(cols, column{loc.Quarter(q), 125, true})
	}
	cols = append(cols, column{loc.T("overview.col.year_total"), 165, true}, column{loc.T("overview.col.last_year"), 165, true},
		column{loc.T("overview.col.change"), 140, true})
	t.table = newSortTable(loc, cols, t.v.showRows)
	t.table.onText = t.v.showCell
	t.chart = newBarChart()
	t.note = wrapped("")
	top := container.NewBorder(container.NewHBox(widget.NewLabel(loc.T("overview.metric")), container.NewGridWrap(fyne.NewSize(200, t.sel.MinSize().Height), t.sel)),
		t.note, nil, nil, t.table.object())
	split := container.NewVSplit(top, t.chart)
	split.Offset = 0.55
	return split
}

// format shows a figure of the chosen metric; a year's hours with their full-time equivalents.
func (t *resourcesTab) format(n int64) string {
	loc := t.v.loc
	if t.metric.Hours() {
		return loc.Tf("overview.hours_fte", "Hours", loc.Number(n), "FTE", loc.FTE(n, t.v.o.Profile.HoursPerFTE))
	}
	return loc.Kronor(n)
}

// short shows a figure of the chosen metric without full-time equivalents (quarters).
func (t *resourcesTab) short(n int64) string {
	if t.metric.Hours() {
		return t.v.loc.Tf("unit.hours", "N", t.v.loc.Number(n))
	}
	return t.v.loc.Kronor(n)
}

func (t *resourcesTab) show() {
	o, loc, m := t.v.o, t.v.loc, t.metric
	metric := loc.T(m.Key())
	cell := func(n int64) tcell { return num(loc, n, t.format(n)) }
	row := func(r ov.ResourceRow, board, name string, change int64, hasChange bool) []tcell {
		if !r.Received && board != "" {
			// Not sent: this year's cells say so rather than show zeros.
			out := []tcell{{text: name, bold: true, warn: true}, text("–")}
			for range 4 {
				out = append(out, text("–"))
			}
			out = append(out, tcell{text: loc.T("overview.sub.not_received"), warn: true})
			if r.LastSource == ov.LastNone {
				return append(out, text("–"), text("–"))
			}
			return append(out, link(cell(m.Of(r.Last)), loc.Tf("overview.drill.last", "Board", name, "Year", o.Year-1, "Metric", metric),
				func() ov.Rows { return o.LastYearRows(board) }), text("–"))
		}
		out := []tcell{{text: name, bold: true},
			link(num(loc, int64(r.Activities), ""), loc.Tf("overview.drill.activities", "Board", name, "Year", o.Year),
				func() ov.Rows { return o.ResourceRows(board, 0) })}
		for q := range 4 {
			out = append(out, link(num(loc, m.Of(r.Quarters[q]), t.short(m.Of(r.Quarters[q]))), loc.Tf("overview.drill.quarter", "Board", name, "Quarter", loc.Quarter(q+1), "Year", o.Year, "Metric", metric),
				func() ov.Rows { return o.ResourceRows(board, q+1) }))
		}
		out = append(out, link(cell(m.Of(r.Year)), loc.Tf("overview.drill.year", "Board", name, "Year", o.Year, "Metric", metric),
			func() ov.Rows { return o.ResourceRows(board, 0) }))
		if r.LastSource == ov.LastNone {
			return append(out, text("–"), text("–"))
		}
		out = append(out, link(cell(m.Of(r.Last)), loc.Tf("overview.drill.last", "Board", name, "Year", o.Year-1, "Metric", metric),
			func() ov.Rows { return o.LastYearRows(board) }))
		c := tcell{text: "–"}
		if hasChange {
			arrow := "→ "
			switch {
			case change > 0:
				arrow = "▲ +"
			case change < 0:
				arrow = "▼ "
			}
			c = tcell{text: arrow + t.format(change), num: float64(change)}
		}
		return append(out, c)
	}
	var rows [][]tcell
	for _, r := range o.Resources.Rows {
		d, ok := r.Change(m)
		rows = append(rows, row(r, r.Board, r.Board, d, ok))
	}
	// The chart's series are the KS report's (ChartSeries): boards that sent this year's
	// plan, and no bar where the table shows "–" for last year.
	labels, nowN, lastN := o.Resources.ChartSeries(m)
	now, last := barValues(nowN), barValues(lastN)
	d, ok := o.Resources.TotalChange(m)
	t.table.setRows(rows, row(o.Resources.Total, "", loc.T("overview.total"), d, ok))
	t.note.SetText(exports.LastOnlyNote(loc, o))
	t.chart.set(labels, [][]barValue{now, last}, []string{strconv.Itoa(o.Year), strconv.Itoa(o.Year - 1)}, t.format,
		loc.Tf("overview.chart.title", "Metric", metric, "Year", o.Year, "Last", o.Year-1))
}

// barValues turns a chart series into bars, a NoValue into no bar.
func barValues(ns []int64) []barValue {
	out := make([]barValue, len(ns))
	for i, n := range ns {
		if n != ov.NoValue {
			out[i] = known(n)
		}
	}
	return out
}
