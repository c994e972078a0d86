package overview

import (
	"cmp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// Narrowest a column is squeezed to when the table does not fit (pixels at the default text
// size): text columns keep a few words, figure columns a short number, the first column (the
// board) its name mostly.
const (
	minTextColumn    float32 = 90
	minNumericColumn float32 = 56
	minFirstColumn   float32 = 170
)

// column of an overview table: its title, its width in pixels at the default text size, and
// whether it holds figures (right-aligned, sorted by value).
type column struct {
	title   string
	width   float32
	numeric bool
}

// tcell is one cell: its text, the value numeric columns sort by, and, for a figure, the rows
// behind it.
type tcell struct {
	text  string
	num   float64
	warn  bool // stands out: a missing plan, an empty goal cell, a gap
	bold  bool
	drill func() (string, ov.Rows) // title and rows behind the figure; nil when not a link
	// action, when set, runs on a tap instead of a drill-down (e.g. edit a note).
	action func()
}

func text(s string) tcell { return tcell{text: s} }

// sortTable is an overview table: the app's one table (widgets.Table) fed with rows of cells,
// sorted by any column (tap the header; again for the other way) in the language's collation
// or by value, filtered on the text of its rows, and opening the rows behind a figure when it
// is tapped. A total row stays last and is never filtered away.
type sortTable struct {
	loc     *i18n.Localizer
	cols    []column
	rows    [][]tcell
	total   []tcell // nil when there is none
	onDrill func(title string, rows ov.Rows)
	// onText shows the full text of a cell in the last column, which may be cut short.
	onText func(title, text string)

	table  *widgets.Table
	filter *widget.Entry
	count  *widget.Label
}

func newSortTable(loc *i18n.Localizer, cols []column, onDrill func(string, ov.Rows)) *sortTable {
	t := &sortTable{loc: loc, cols: cols, onDrill: onDrill}
	t.table = widgets.NewTable(widgets.TableConfig{Columns: t.columns(), Count: t.len, Scroll: true, Lines: true})
	t.filter = widget.NewEntry()
	t.filter.SetPlaceHolder(loc.T("overview.filter"))
	t.filter.ActionItem = widget.NewIcon(theme.SearchIcon())
	t.filter.OnChanged = func(string) { t.apply() }
	t.count = widget.NewLabel("")
	return t
}

// object is the table with its filter field above it.
func (t *sortTable) object() fyne.CanvasObject {
	return container.NewBorder(container.NewBorder(nil, nil, nil, t.count, t.filter), nil, nil, nil, t.table.Object())
}

// columns are the table's columns: the declared widths, the least each may be squeezed to
// (its title stays whole) and what a tap on a cell does.
func (t *sortTable) columns() []widgets.Column {
	out := make([]widgets.Column, len(t.cols))
	// The sort arrow and the title's padding beside the title's width.
	extra := theme.IconInlineSize() + 2*theme.InnerPadding()
	for ci, c := range t.cols {
		floor := minTextColumn
		switch {
		case ci == 0:
			floor = minFirstColumn
		case c.numeric:
			floor = minNumericColumn
		}
		floor = max(floor, fyne.MeasureText(c.title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width+extra)
		col := widgets.Column{Title: c.title, Width: widgets.Px(c.width), Min: widgets.Px(min(c.width, floor)), Numeric: c.numeric,
			Text:  func(i int) string { return t.cell(i, ci).text },
			Style: func(i int) widgets.CellStyle { return t.style(i, ci) },
			Tap:   func(i int) func() { return t.tap(i, ci) }}
		if c.numeric {
			col.Align = fyne.TextAlignTrailing
			col.Less = func(a, b int) bool { return cmp.Less(t.cell(a, ci).num, t.cell(b, ci).num) }
		} else {
			col.Less = func(a, b int) bool { return t.loc.Compare(t.cell(a, ci).text, t.cell(b, ci).text) < 0 }
		}
		out[ci] = col
	}
	return out
}

// setCols replaces the columns (tables whose columns follow the data).
func (t *sortTable) setCols(cols []column) {
	t.cols = cols
	t.table.SetColumns(t.columns())
}

// setRows replaces the rows and keeps the sort and the filter.
func (t *sortTable) setRows(rows [][]tcell, total []tcell) {
	t.rows, t.total = rows, total
	pinned := 0
	if total != nil {
		pinned = 1
	}
	t.table.SetPinned(pinned)
	t.apply()
}

// apply filters the rows and shows how many the filter lets through.
func (t *sortTable) apply() {
	shown := t.table.SetFilter(t.filter.Text)
	if t.filter.Text != "" {
		t.count.SetText(t.loc.Tf("overview.filter_count", "Shown", shown, "Count", len(t.rows)))
	} else {
		t.count.SetText("")
	}
}

// sortBy sorts by column col, as a tap on its title does.
func (t *sortTable) sortBy(col int) { t.table.SortBy(col) }

// len is the number of data rows: the rows, then the total.
func (t *sortTable) len() int {
	if t.total != nil {
		return len(t.rows) + 1
	}
	return len(t.rows)
}

func (t *sortTable) row(i int) []tcell {
	if i < len(t.rows) {
		return t.rows[i]
	}
	return t.total
}

func (t *sortTable) cell(i, c int) tcell {
	if r := t.row(i); c < len(r) {
		return r[c]
	}
	return tcell{}
}

func (t *sortTable) style(i, c int) widgets.CellStyle {
	x := t.cell(i, c)
	st := widgets.CellStyle{Bold: x.bold || i >= len(t.rows)}
	switch {
	case x.warn:
		st.Importance = widget.DangerImportance
	case x.drill != nil || x.action != nil:
		st.Importance = widget.HighImportance // a link: tap to see the rows behind it
	}
	return st
}

// tap is what a tap on data row i's cell of column c does: its action, the rows behind its
// figure, or the full text of the last column; nil when none.
func (t *sortTable) tap(i, c int) func() {
	x := t.cell(i, c)
	switch {
	case x.action != nil:
		return x.action
	case x.drill != nil && t.onDrill != nil:
		return func() {
			title, rows := x.drill()
			t.onDrill(title, rows)
		}
	case c == len(t.cols)-1 && x.text != "" && t.onText != nil:
		return func() { t.onText(t.cols[c].title, x.text) }
	}
	return nil
}

// tapCell taps the cell of view row v (as shown, top to bottom), column c.
func (t *sortTable) tapCell(v, c int) { t.table.TapCell(v, c) }

// shown is the number of rows the filter lets through, the total not counted.
func (t *sortTable) shown() int { return t.table.Shown() }
