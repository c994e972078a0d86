package overview

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// Narrowest a column is squeezed to when the table does not fit: text columns keep a few
// words, figure columns a short number, the first column (the board) its name mostly.
const (
	minTextColumn    float32 = 90
	minNumericColumn float32 = 56
	minFirstColumn   float32 = 170
)

// column of a sortable table.
type column struct {
	title   string
	width   float32
	numeric bool // right-aligned, sorted by value
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

// sortTable is a table that sorts by any column (tap the header; again for the other way) in
// the language's collation, filters on the text of its rows, and opens the rows behind a
// figure when it is tapped. A total row stays last and is never filtered away.
type sortTable struct {
	loc     *i18n.Localizer
	cols    []column
	rows    [][]tcell
	total   []tcell // nil when there is none
	shown   []int
	sortCol int // −1: the order rows came in
	desc    bool
	query   string
	onDrill func(title string, rows ov.Rows)

	table  *widget.Table
	fit    *widgets.FitLayout
	filter *widget.Entry
	count  *widget.Label
	// onText shows the full text of a cell in the last column, which may be cut short.
	onText func(title, text string)
}

func newSortTable(loc *i18n.Localizer, cols []column, onDrill func(string, ov.Rows)) *sortTable {
	t := &sortTable{loc: loc, cols: cols, sortCol: -1, onDrill: onDrill}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return t.len(), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { t.update(id, o.(*widget.Label)) },
	)
	t.table.ShowHeaderColumn = false
	t.table.StickyColumnCount = 1
	t.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(t.cols) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		title := t.cols[id.Col].title
		if id.Col == t.sortCol {
			if t.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { t.sortBy(col) }
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		t.tap(id)
	}
	for i, c := range cols {
		t.table.SetColumnWidth(i, c.width)
	}
	t.filter = widget.NewEntry()
	t.filter.SetPlaceHolder(loc.T("overview.filter"))
	t.filter.ActionItem = widget.NewIcon(theme.SearchIcon())
	t.filter.OnChanged = func(s string) {
		t.query = s
		t.apply()
	}
	t.count = widget.NewLabel("")
	return t
}

// object is the table with its filter field above it.
func (t *sortTable) object() fyne.CanvasObject {
	if t.fit == nil {
		t.fit = widgets.NewFitLayout(t.table, t.fitColumns)
	}
	return container.NewBorder(container.NewBorder(nil, nil, nil, t.count, t.filter), nil, nil, nil,
		container.New(t.fit, t.table))
}

// fitColumns are the declared column widths, the least each may be squeezed to (its title
// stays whole: the header buttons do not cut their text) and which columns hold figures.
func (t *sortTable) fitColumns() []widgets.FitColumn {
	cols := make([]widgets.FitColumn, len(t.cols))
	// The title's width, the sort arrow and the button's padding.
	extra := fyne.MeasureText(" ▼", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 4*theme.InnerPadding()
	for i, c := range t.cols {
		floor := minTextColumn
		switch {
		case i == 0:
			floor = minFirstColumn
		case c.numeric:
			floor = minNumericColumn
		}
		floor = max(floor, fyne.MeasureText(c.title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width+extra)
		cols[i] = widgets.FitColumn{Width: c.width, Floor: min(c.width, floor), Numeric: c.numeric}
	}
	return cols
}

// setCols replaces the columns (tables whose columns follow the data) and fits them again.
func (t *sortTable) setCols(cols []column) {
	t.cols = cols
	for i, c := range cols {
		t.table.SetColumnWidth(i, c.width)
	}
	if t.fit != nil {
		t.fit.Refit()
	}
}

// setRows replaces the rows and keeps the sort and the filter.
func (t *sortTable) setRows(rows [][]tcell, total []tcell) {
	t.rows, t.total = rows, total
	t.apply()
}

func (t *sortTable) len() int {
	n := len(t.shown)
	if t.total != nil {
		n++
	}
	return n
}

func (t *sortTable) rowAt(i int) []tcell {
	if i < len(t.shown) {
		return t.rows[t.shown[i]]
	}
	return t.total
}

func (t *sortTable) update(id widget.TableCellID, l *widget.Label) {
	if id.Row < 0 || id.Row >= t.len() || id.Col >= len(t.cols) {
		l.SetText("")
		return
	}
	r := t.rowAt(id.Row)
	var c tcell
	if id.Col < len(r) {
		c = r[id.Col]
	}
	l.Alignment = fyne.TextAlignLeading
	if t.cols[id.Col].numeric {
		l.Alignment = fyne.TextAlignTrailing
	}
	l.TextStyle = fyne.TextStyle{Bold: c.bold || t.total != nil && id.Row == len(t.shown)}
	switch {
	case c.warn:
		l.Importance = widget.DangerImportance
	case c.drill != nil || c.action != nil:
		l.Importance = widget.HighImportance // a link: tap to see the rows behind it
	default:
		l.Importance = widget.MediumImportance
	}
	l.SetText(c.text)
}

func (t *sortTable) tap(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= t.len() {
		return
	}
	r := t.rowAt(id.Row)
	if id.Col < 0 || id.Col >= len(r) {
		return
	}
	c := r[id.Col]
	switch {
	case c.action != nil:
		c.action()
	case c.drill != nil && t.onDrill != nil:
		title, rows := c.drill()
		t.onDrill(title, rows)
	case id.Col == len(t.cols)-1 && c.text != "" && t.onText != nil:
		t.onText(t.cols[id.Col].title, c.text)
	}
}

func (t *sortTable) sortBy(col int) {
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.apply()
}

// apply filters and sorts the rows and redraws.
func (t *sortTable) apply() {
	q := strings.ToLower(strings.TrimSpace(t.query))
	t.shown = t.shown[:0]
	for i, r := range t.rows {
		if q == "" || matches(r, q) {
			t.shown = append(t.shown, i)
		}
	}
	if c := t.sortCol; c >= 0 && c < len(t.cols) {
		numeric := t.cols[c].numeric
		slices.SortStableFunc(t.shown, func(a, b int) int {
			ca, cb := cellAt(t.rows[a], c), cellAt(t.rows[b], c)
			var r int
			if numeric {
				r = cmp.Compare(ca.num, cb.num)
			} else {
				r = t.loc.Compare(ca.text, cb.text)
			}
			if t.desc {
				r = -r
			}
			return r
		})
	}
	if q != "" {
		t.count.SetText(t.loc.Tf("overview.filter_count", "Shown", len(t.shown), "Count", len(t.rows)))
	} else {
		t.count.SetText("")
	}
	t.table.Refresh()
}

func cellAt(r []tcell, c int) tcell {
	if c < len(r) {
		return r[c]
	}
	return tcell{}
}

func matches(r []tcell, q string) bool {
	for _, c := range r {
		if strings.Contains(strings.ToLower(c.text), q) {
			return true
		}
	}
	return false
}
