package widgets

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Table is a virtualised list of data rows under a header of sortable columns: one widget per
// visible row, so hundreds of rows scroll as fast as ten. The first cell of a row is a mark,
// e.g. an error or warning icon when the row has problems. Rows are addressed by their data
// index (their place in the caller's slice), whatever the sort.
type Table struct {
	cols  []Column
	count func() int
	mark  func(i int) fyne.Resource
	// onSelect is called with the data index of the row the user picks.
	onSelect func(i int)

	order   []int // view row → data index
	sortCol int   // -1: data order
	desc    bool

	list    *KeyList
	header  *fyne.Container
	heads   []*headCell
	layout  *ColumnsLayout
	quiet   bool // selecting from code: do not call onSelect
	current int  // data index of the selected row, -1 when none
}

// NewTable makes a table of count() rows in data order. mark gives row i's mark icon (nil for
// none; mark itself may be nil); onSelect is called with the data index of the row the user
// picks; onKey (may be nil) sees the keys typed while the list has the focus first, as KeyList.
func NewTable(onKey func(ev *fyne.KeyEvent) bool, cols []Column, count func() int, mark func(i int) fyne.Resource, onSelect func(i int)) *Table {
	t := &Table{cols: cols, count: count, mark: mark, onSelect: onSelect, sortCol: -1, current: -1}
	t.layout = &ColumnsLayout{Columns: cols, Soft: true}
	t.header = container.New(t.layout, widget.NewIcon(nil))
	for c := range cols {
		h := newHeadCell(cols[c].Title, cols[c].Align, func() { t.SortBy(c) })
		t.heads = append(t.heads, h)
		t.header.Add(h)
	}
	t.list = NewKeyList(onKey, func() int { return len(t.order) }, t.createRow, t.updateRow)
	t.list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(t.order) {
			return
		}
		t.current = t.order[id]
		if !t.quiet && t.onSelect != nil {
			t.onSelect(t.current)
		}
	}
	t.Reorder()
	return t
}

// Object is the header over the scrolling rows, to put in a window.
func (t *Table) Object() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(t.header, widget.NewSeparator()), nil, nil, nil, t.list)
}

// Count is the number of data rows.
func (t *Table) Count() int { return t.count() }

// Order is the data index of every view row, top to bottom, as of the last Reorder.
func (t *Table) Order() []int { return append([]int(nil), t.order...) }

// Selected is the data index of the selected row, -1 when none.
func (t *Table) Selected() int { return t.current }

// Head is the header cell of column c: tapping it sorts by that column.
func (t *Table) Head(c int) fyne.Tappable { return t.heads[c] }

func (t *Table) createRow() fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewIcon(nil)}
	for _, c := range t.cols {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.Alignment = c.Align
		objs = append(objs, l)
	}
	return container.New(t.layout, objs...)
}

func (t *Table) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(t.order) {
		return
	}
	i := t.order[id]
	c := o.(*fyne.Container)
	var icon fyne.Resource
	if t.mark != nil {
		icon = t.mark(i)
	}
	// Only what changed is set: shaping text is what a refresh costs.
	if ic := c.Objects[0].(*widget.Icon); ic.Resource != icon {
		ic.SetResource(icon)
	}
	for n, col := range t.cols {
		if l := c.Objects[n+1].(*widget.Label); l.Text != col.Text(i) {
			l.SetText(col.Text(i))
		}
	}
}

// Reorder rebuilds the view order from the data (after rows were added or removed, or the
// sort changed) and redraws the rows. The caller selects again with SelectData.
func (t *Table) Reorder() {
	n := t.count()
	t.order = make([]int, n)
	for i := range t.order {
		t.order[i] = i
	}
	if t.sortCol >= 0 && t.cols[t.sortCol].Less != nil {
		less := t.cols[t.sortCol].Less
		sort.SliceStable(t.order, func(a, b int) bool {
			if t.desc {
				return less(t.order[b], t.order[a])
			}
			return less(t.order[a], t.order[b])
		})
	}
	for c, h := range t.heads {
		switch {
		case c != t.sortCol:
			h.icon.Hide()
		case t.desc:
			h.icon.SetResource(theme.MoveDownIcon())
			h.icon.Show()
		default:
			h.icon.SetResource(theme.MoveUpIcon())
			h.icon.Show()
		}
	}
	t.list.Refresh()
}

// Refresh redraws the visible rows without re-sorting (after values changed in place).
func (t *Table) Refresh() { t.list.Refresh() }

// SortBy sorts by column c; a second call for the same column reverses the order. The
// selected row stays selected.
func (t *Table) SortBy(c int) {
	if t.sortCol == c {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = c, false
	}
	cur := t.current
	t.Reorder()
	t.SelectData(cur)
}

// SelectData selects data row i (-1: none) without calling onSelect, and scrolls to it.
func (t *Table) SelectData(i int) {
	t.quiet = true
	defer func() { t.quiet = false }()
	if i < 0 {
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

// RefreshData redraws the row of data index i.
func (t *Table) RefreshData(i int) {
	for v, d := range t.order {
		if d == i {
			t.list.RefreshItem(v)
			return
		}
	}
}

// headCell is a column title that sorts the table when tapped; it shrinks with an ellipsis
// (a button would not) so narrow windows keep every column.
type headCell struct {
	widget.BaseWidget
	label *widget.Label
	icon  *widget.Icon
	onTap func()
}

func newHeadCell(title string, align fyne.TextAlign, onTap func()) *headCell {
	h := &headCell{label: widget.NewLabelWithStyle(title, align, fyne.TextStyle{Bold: true}), icon: widget.NewIcon(nil), onTap: onTap}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.icon.Hide()
	h.ExtendBaseWidget(h)
	return h
}

func (h *headCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.icon, h.label))
}

// Tapped sorts by this column.
func (h *headCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}
