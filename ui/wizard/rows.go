package wizard

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a rowTable.
type column struct {
	title  string
	weight float32 // share of the width left after every column has its minimum
	min    float32 // minimum width, in multiples of the theme's text size
	align  fyne.TextAlign
	text   func(i int) string // the cell of data row i
	less   func(a, b int) bool
}

// rowTable is a virtualised list of data rows with a header of sortable columns: one widget per
// visible row, so a plan of hundreds of activities scrolls as fast as one of ten. The first
// cell of a row is a mark: an error or warning icon when the row has problems.
type rowTable struct {
	cols  []column
	count func() int
	mark  func(i int) fyne.Resource
	// onSelect is called with the data index of the row the user picks.
	onSelect func(i int)

	order   []int // view row → data index
	sortCol int   // -1: data order
	desc    bool

	list    *rowList
	header  *fyne.Container
	heads   []*headCell
	layout  *columnsLayout
	quiet   bool // selecting from code: do not call onSelect
	current int  // data index of the selected row, -1 when none
}

func newRowTable(k keyHandler, cols []column, count func() int, mark func(int) fyne.Resource, onSelect func(int)) *rowTable {
	t := &rowTable{cols: cols, count: count, mark: mark, onSelect: onSelect, sortCol: -1, current: -1}
	t.layout = &columnsLayout{cols: cols, soft: true}
	t.header = container.New(t.layout, widget.NewIcon(nil))
	for c := range cols {
		b := newHeadCell(cols[c].title, cols[c].align, func() { t.sortBy(c) })
		t.heads = append(t.heads, b)
		t.header.Add(b)
	}
	t.list = newRowList(k, func() int { return len(t.order) }, t.createRow, t.updateRow)
	t.list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(t.order) {
			return
		}
		t.current = t.order[id]
		if !t.quiet && t.onSelect != nil {
			t.onSelect(t.current)
		}
	}
	t.reorder()
	return t
}

func (t *rowTable) object() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(t.header, widget.NewSeparator()), nil, nil, nil, t.list)
}

func (t *rowTable) createRow() fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewIcon(nil)}
	for _, c := range t.cols {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.Alignment = c.align
		objs = append(objs, l)
	}
	return container.New(t.layout, objs...)
}

func (t *rowTable) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
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
		if l := c.Objects[n+1].(*widget.Label); l.Text != col.text(i) {
			l.SetText(col.text(i))
		}
	}
}

// reorder rebuilds the view order from the data (after rows were added or removed, or the
// sort changed) and keeps the selected row selected.
func (t *rowTable) reorder() {
	n := t.count()
	t.order = make([]int, n)
	for i := range t.order {
		t.order[i] = i
	}
	if t.sortCol >= 0 && t.cols[t.sortCol].less != nil {
		less := t.cols[t.sortCol].less
		sort.SliceStable(t.order, func(a, b int) bool {
			if t.desc {
				return less(t.order[b], t.order[a])
			}
			return less(t.order[a], t.order[b])
		})
	}
	for c, b := range t.heads {
		switch {
		case c != t.sortCol:
			b.icon.Hide()
		case t.desc:
			b.icon.SetResource(theme.MoveDownIcon())
			b.icon.Show()
		default:
			b.icon.SetResource(theme.MoveUpIcon())
			b.icon.Show()
		}
	}
	t.list.Refresh()
}

// sortBy sorts by column c; a second tap on the same column reverses the order.
func (t *rowTable) sortBy(c int) {
	if t.sortCol == c {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = c, false
	}
	cur := t.current
	t.reorder()
	t.selectData(cur)
}

// selectData selects data row i (-1: none) without calling onSelect and scrolls to it.
func (t *rowTable) selectData(i int) {
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

// refreshData redraws the row of data index i.
func (t *rowTable) refreshData(i int) {
	for v, d := range t.order {
		if d == i {
			t.list.RefreshItem(v)
			return
		}
	}
}

// columnsLayout places a row's mark icon and cells: every column gets its minimum width (at
// least its title's), the rest is shared by weight. The header and every row use the same one,
// so they line up. With noIcon there is no mark column.
type columnsLayout struct {
	cols   []column
	noIcon bool
	// soft columns shrink below their minimum (cells truncate with an ellipsis) rather than
	// make the window wider than the screen, e.g. at a large Fyne scale.
	soft bool
}

func (l *columnsLayout) widths(width float32) []float32 {
	text := theme.TextSize()
	out := make([]float32, len(l.cols)+1)
	if !l.noIcon {
		out[0] = theme.IconInlineSize() + theme.Padding()
	}
	free := width - out[0]
	var weights float32
	for i, c := range l.cols {
		w := c.min * text
		out[i+1] = w
		free -= w
		weights += c.weight
	}
	switch {
	case free > 0 && weights > 0:
		for i, c := range l.cols {
			out[i+1] += free * c.weight / weights
		}
	case free < 0 && l.soft && width > 0:
		f := (width - out[0]) / (width - out[0] - free)
		for i := range l.cols {
			out[i+1] *= max(f, 0)
		}
	}
	return out
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := l.widths(size.Width)
	if l.noIcon {
		ws = ws[1:]
	}
	x := float32(0)
	for i, o := range objs {
		if i >= len(ws) {
			break
		}
		h := o.MinSize().Height
		if i == 0 && !l.noIcon {
			h = theme.IconInlineSize()
		}
		o.Resize(fyne.NewSize(ws[i], h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += ws[i]
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, x := range l.widths(0) {
		w += x
	}
	if l.soft {
		w = min(w, 16*theme.TextSize())
	}
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// rowList is a widget.List that passes PageUp/PageDown/F5 on (it would swallow them).
type rowList struct {
	widget.List
	keys keyHandler
}

func newRowList(k keyHandler, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *rowList {
	l := &rowList{keys: k}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *rowList) TypedKey(ev *fyne.KeyEvent) {
	if l.keys != nil && l.keys.handleKey(ev) {
		return
	}
	l.List.TypedKey(ev)
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
