package overview

import (
	"cmp"
	"slices"

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
	// Widest a text column other than the first grows to fit its longest cell; a longer
	// text is cut and shown whole on a tap (sortTable.tap).
	maxTextColumn float32 = 420
	// Narrowest such a column is squeezed to before the table scrolls sideways.
	squeezedTextColumn float32 = 200
	// A column whose longest text is at most this wide holds short values, kept whole.
	shortTextColumn float32 = 160
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

	// need is the width each column's longest cell takes, in pixels at the default text
	// size: a board's name and a figure are never cut, other text up to maxTextColumn.
	need []float32

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
	// The sort arrow and the title's padding beside the title's width: a title is never cut.
	extra := theme.IconInlineSize() + 2*theme.InnerPadding()
	for ci, c := range t.cols {
		title := fyne.MeasureText(c.title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + extra
		title *= defaultTextSize / theme.TextSize()
		var need float32
		if ci < len(t.need) {
			need = t.need[ci]
		}
		width, floor := c.width, max(title, minTextColumn)
		switch {
		case ci == 0:
			// The row's name, whole: what the row is about.
			width = max(width, need, title)
			floor = max(minFirstColumn, need, title)
		case c.numeric:
			width = max(width, need, title)
			floor = max(minNumericColumn, need, title)
		case ci == len(t.cols)-1:
			// The last column takes the room left; its text is read whole on a tap.
			width = max(width, title)
		case need <= shortTextColumn:
			// Short values (a date, a status, a yes) are never cut.
			width = max(width, need, title)
			floor = max(floor, need)
		default:
			width = max(width, min(need, maxTextColumn), title)
			floor = max(floor, min(need, squeezedTextColumn))
		}
		col := widgets.Column{Title: c.title, Width: widgets.Px(width), Min: widgets.Px(min(width, floor)), Numeric: c.numeric,
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

// defaultTextSize is Fyne's default text size, which the columns' pixel widths assume.
const defaultTextSize float32 = 14

// measure finds each column's widest cell; when that changes the columns are laid out again.
func (t *sortTable) measure() {
	need := make([]float32, len(t.cols))
	pad := 2*theme.InnerPadding() + 2
	for i := range t.len() {
		for ci := range t.cols {
			x := t.cell(i, ci)
			if x.text == "" {
				continue
			}
			w := fyne.MeasureText(x.text, defaultTextSize, fyne.TextStyle{Bold: x.bold || i >= len(t.rows)}).Width + pad
			need[ci] = max(need[ci], w)
		}
	}
	if slices.Equal(need, t.need) {
		return
	}
	t.need = need
	t.table.SetColumns(t.columns())
}

// setCols replaces the columns (tables whose columns follow the data).
func (t *sortTable) setCols(cols []column) {
	t.cols = cols
	t.need = nil
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
	t.measure()
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
// figure, or the full text of a text column that may be cut (any but the first, which is
// always whole); nil when none.
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
	case c > 0 && c < len(t.cols) && !t.cols[c].numeric && x.text != "" && t.onText != nil:
		return func() { t.onText(t.cols[c].title, x.text) }
	}
	return nil
}

// tapCell taps the cell of view row v (as shown, top to bottom), column c.
func (t *sortTable) tapCell(v, c int) { t.table.TapCell(v, c) }

// shown is the number of rows the filter lets through, the total not counted.
func (t *sortTable) shown() int { return t.table.Shown() }
