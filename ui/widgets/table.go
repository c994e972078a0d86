package widgets

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Table is the app's one table: a virtualised list of data rows under a header of columns,
// one widget per visible row, so hundreds of rows scroll as fast as ten. The wizard's steps,
// the register, the coordinator's lists and the overview all use it. Rows are addressed by
// their data index (their place in the caller's data), whatever the sort or filter.
//
// A tap on a sortable column's title sorts by it, again the other way; the title can also be
// reached with Tab and sorted with Space or Enter. A mark column (an error or warning icon per
// row), cells that are links (Column.Tap), rows that stay last (totals) and a filter on the
// rows' text are there for the tables that need them.
type Table struct {
	cfg  TableConfig
	cols []Column

	order   []int // view row → data index
	counted int   // count() at the last Reorder
	sortCol int   // -1: data order
	desc    bool
	query   string // lower case; "" shows every row

	box     *fyne.Container // header and rows; its content is made again when the columns change
	list    *KeyList
	header  *fyne.Container
	heads   []*headCell
	layout  *ColumnsLayout
	quiet   bool // selecting from code: do not call OnSelect
	current int  // data index of the selected row, -1 when none

	// With Wrap: the width the rows were fitted to, each view row's height, and a label that
	// measures wrapped text (heights cached per text and width).
	width   float32
	heights []float32
	measure *widget.Label
	cache   map[measureKey]float32
}

type measureKey struct {
	text  string
	width float32
	bold  bool
}

// TableConfig says what a Table shows and what it does.
type TableConfig struct {
	Columns []Column
	Count   func() int // the number of data rows
	// Mark gives row i's mark icon (nil for none); with no Mark there is no mark column.
	Mark func(i int) fyne.Resource
	// OnSelect is called with the data index of the row the user chooses; with none, rows
	// are not selected (a tap on a link cell still runs its action).
	OnSelect func(i int)
	// OnKey sees the keys typed while the table has the focus first, as KeyList.
	OnKey func(ev *fyne.KeyEvent) bool
	// Pinned is how many of the last data rows stay last, unsorted and never filtered away
	// (a total row).
	Pinned int
	// Scroll lets columns that do not fit at their narrowest scroll sideways; without it they
	// are squeezed further and cut with an ellipsis.
	Scroll bool
	// Lines draws lines between the columns and the header on its own background, as a grid
	// of figures wants.
	Lines bool
	// Wrap makes cells and titles wrap at word boundaries instead of being cut with an
	// ellipsis: each row is as tall as its tallest cell, and no column is narrower than its
	// longest word (so no word is broken). Not with Scroll.
	Wrap bool
}

// NewTable makes a table of c.Count() rows in data order.
func NewTable(c TableConfig) *Table {
	t := &Table{cfg: c, cols: c.Columns, sortCol: -1, current: -1}
	if c.Scroll {
		t.cfg.Wrap = false
	}
	t.box = container.New(&tableLayout{t: t})
	t.build()
	return t
}

// build makes the header and the rows for the current columns.
func (t *Table) build() {
	t.layout = &ColumnsLayout{Columns: t.cols, NoIcon: t.cfg.Mark == nil, Soft: !t.cfg.Scroll, Lines: t.cfg.Lines, Wrap: t.cfg.Wrap}
	t.width, t.heights = 0, nil
	var objs []fyne.CanvasObject
	if t.cfg.Mark != nil {
		objs = append(objs, widget.NewIcon(nil))
	}
	t.heads = nil
	for c := range t.cols {
		var sort func()
		if t.cols[c].Less != nil {
			sort = func() { t.SortBy(c) }
		}
		h := newHeadCell(t.cols[c].Title, t.cols[c].Align, sort, t.cfg.OnKey, t.cfg.Wrap)
		t.heads = append(t.heads, h)
		objs = append(objs, h)
	}
	t.header = container.New(t.layout, append(objs, t.lines()...)...)
	t.list = NewKeyList(t.cfg.OnKey, func() int { return len(t.order) }, t.createRow, t.updateRow)
	t.list.OnSelected = t.onSelected
	var head fyne.CanvasObject = t.header
	if t.cfg.Lines {
		head = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)), t.header)
	}
	var obj fyne.CanvasObject = container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, t.list)
	if t.cfg.Scroll {
		obj = container.NewHScroll(obj)
	}
	t.box.Objects = []fyne.CanvasObject{obj}
	t.box.Refresh()
	t.Reorder()
}

func (t *Table) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(t.order) {
		return
	}
	if t.cfg.OnSelect == nil {
		t.list.Unselect(id)
		return
	}
	t.current = t.order[id]
	if !t.quiet {
		t.cfg.OnSelect(t.current)
	}
}

// Object is the header over the scrolling rows, to put in a window.
func (t *Table) Object() fyne.CanvasObject { return t.box }

// Count is the number of data rows.
func (t *Table) Count() int { return t.cfg.Count() }

// Order is the data index of every view row, top to bottom, as of the last Reorder.
func (t *Table) Order() []int { return append([]int(nil), t.order...) }

// Shown is the number of rows the filter lets through, the pinned rows not counted.
func (t *Table) Shown() int { return len(t.order) - t.pinned() }

// Selected is the data index of the selected row, -1 when none.
func (t *Table) Selected() int { return t.current }

// Head is the header cell of column c: tapping it sorts by that column.
func (t *Table) Head(c int) fyne.Tappable { return t.heads[c] }

// Columns are the table's columns.
func (t *Table) Columns() []Column { return t.cols }

// SetColumns replaces the columns (tables whose columns follow the data) and shows the rows
// again; the sort is kept when its column still is there.
func (t *Table) SetColumns(cols []Column) {
	t.cols = cols
	if t.sortCol >= len(cols) {
		t.sortCol, t.desc = -1, false
	}
	t.build()
}

func (t *Table) createRow() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	if t.cfg.Mark != nil {
		objs = append(objs, widget.NewIcon(nil))
	}
	for _, c := range t.cols {
		var l *widget.Label
		if c.Tap != nil {
			tc := &tapCell{}
			tc.ExtendBaseWidget(tc)
			objs, l = append(objs, tc), &tc.Label
		} else {
			l = widget.NewLabel("")
			objs = append(objs, l)
		}
		l.Truncation = fyne.TextTruncateEllipsis
		if t.cfg.Wrap {
			l.Truncation = fyne.TextTruncateOff
			l.Wrapping = fyne.TextWrapWord
		}
		l.Alignment = c.Align
	}
	return container.New(t.layout, append(objs, t.lines()...)...)
}

// lines are the lines between the columns of a row (none without Lines).
func (t *Table) lines() []fyne.CanvasObject {
	if !t.cfg.Lines {
		return nil
	}
	var out []fyne.CanvasObject
	for range len(t.cols) - 1 {
		out = append(out, widget.NewSeparator())
	}
	return out
}

func (t *Table) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(t.order) {
		return
	}
	i := t.order[id]
	if i >= t.cfg.Count() {
		return // the rows changed and Reorder has not run yet
	}
	objs := o.(*fyne.Container).Objects
	if t.cfg.Mark != nil {
		// Only what changed is set: shaping text is what a refresh costs.
		if ic, icon := objs[0].(*widget.Icon), t.cfg.Mark(i); ic.Resource != icon {
			ic.SetResource(icon)
		}
		objs = objs[1:]
	}
	for n, col := range t.cols {
		if n >= len(objs) {
			break
		}
		var l *widget.Label
		switch x := objs[n].(type) {
		case *tapCell:
			l = &x.Label
			x.onTap = t.cellTap(col, id, i)
		case *widget.Label:
			l = x
		}
		var st CellStyle
		if col.Style != nil {
			st = col.Style(i)
		}
		text := col.Text(i)
		if l.Text != text || l.Importance != st.Importance || l.TextStyle.Bold != st.Bold {
			l.Importance, l.TextStyle.Bold, l.Text = st.Importance, st.Bold, text
			l.Refresh()
		}
	}
}

// cellTap is what a tap on the cell of column col in view row v (data row i) does.
func (t *Table) cellTap(col Column, v widget.ListItemID, i int) func() {
	return func() {
		if act := col.Tap(i); act != nil {
			act()
			return
		}
		t.list.Select(v)
	}
}

// TapCell does what a tap on the cell of view row v, column c does (tests).
func (t *Table) TapCell(v, c int) {
	if v < 0 || v >= len(t.order) || c < 0 || c >= len(t.cols) {
		return
	}
	if col := t.cols[c]; col.Tap != nil {
		t.cellTap(col, v, t.order[v])()
		return
	}
	t.list.Select(v)
}

func (t *Table) pinned() int { return min(t.cfg.Pinned, t.counted) }

// SetPinned changes how many of the last data rows stay last (a total row comes and goes with
// the data); call Reorder after.
func (t *Table) SetPinned(n int) { t.cfg.Pinned = n }

// Reorder rebuilds the view order from the data (after rows were added or removed, or the
// sort or the filter changed) and redraws the rows. The caller selects again with SelectData.
func (t *Table) Reorder() {
	n := t.cfg.Count()
	t.counted = n
	pinned := t.pinned()
	t.order = t.order[:0]
	for i := 0; i < n-pinned; i++ {
		if t.matches(i) {
			t.order = append(t.order, i)
		}
	}
	if t.sortCol >= 0 && t.sortCol < len(t.cols) && t.cols[t.sortCol].Less != nil {
		less := t.cols[t.sortCol].Less
		sort.SliceStable(t.order, func(a, b int) bool {
			if t.desc {
				return less(t.order[b], t.order[a])
			}
			return less(t.order[a], t.order[b])
		})
	}
	for i := n - pinned; i < n; i++ {
		t.order = append(t.order, i)
	}
	for c, h := range t.heads {
		h.setSort(c == t.sortCol, t.desc)
	}
	t.fitRows()
	t.list.Refresh()
}

// matches reports whether data row i has the filter's text in one of its cells.
func (t *Table) matches(i int) bool {
	if t.query == "" {
		return true
	}
	for _, c := range t.cols {
		if c.Text != nil && strings.Contains(strings.ToLower(c.Text(i)), t.query) {
			return true
		}
	}
	return false
}

// SetFilter shows only the rows with query in one of their cells (case ignored; "" shows
// every row) and returns how many that is, the pinned rows not counted.
func (t *Table) SetFilter(query string) int {
	t.query = strings.ToLower(strings.TrimSpace(query))
	cur := t.current
	t.Reorder()
	if cur >= 0 {
		t.SelectData(cur)
	}
	return t.Shown()
}

// Refresh redraws the visible rows without re-sorting (after values changed in place); when
// the number of rows changed it orders them again.
func (t *Table) Refresh() {
	if t.cfg.Count() != t.counted {
		t.Reorder()
		return
	}
	t.fitRows()
	t.list.Refresh()
}

// ScrollToBottom scrolls to the last row.
func (t *Table) ScrollToBottom() { t.list.ScrollToBottom() }

// SortBy sorts by column c; a second call for the same column reverses the order. A column
// without Less does not sort. The selected row stays selected.
func (t *Table) SortBy(c int) {
	if c < 0 || c >= len(t.cols) || t.cols[c].Less == nil {
		return
	}
	if t.sortCol == c {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = c, false
	}
	cur := t.current
	t.Reorder()
	t.SelectData(cur)
}

// SelectData selects data row i (-1: none) without calling OnSelect, and scrolls to it.
func (t *Table) SelectData(i int) {
	if t.cfg.Count() != t.counted {
		t.Reorder()
	}
	t.quiet = true
	defer func() { t.quiet = false }()
	if i < 0 || t.cfg.OnSelect == nil {
		t.list.UnselectAll()
		t.current = -1
		return
	}
	for v, d := range t.order {
		if d == i {
			t.list.Select(v)
			t.list.ScrollTo(v)
			t.current = i
			return
		}
	}
	t.list.UnselectAll()
	t.current = -1
}

// Choose selects data row i as the user would: OnSelect is called.
func (t *Table) Choose(i int) {
	for v, d := range t.order {
		if d == i {
			t.list.Select(v)
			t.list.ScrollTo(v)
			return
		}
	}
}

// RefreshData redraws the row of data index i.
func (t *Table) RefreshData(i int) {
	for v, d := range t.order {
		if d == i {
			t.list.RefreshItem(v)
			return
		}
	}
}

// tapCell is a cell that is a link (Column.Tap): a label that takes the tap itself.
type tapCell struct {
	widget.Label
	onTap func()
}

// Tapped runs the cell's action.
func (c *tapCell) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}
