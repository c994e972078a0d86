package register

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of the register table.
type column struct {
	title  string
	weight float32 // share of the width left after every column has its minimum
	min    float32 // minimum width, in multiples of the theme's text size
	align  fyne.TextAlign
	text   func(i int) string // the cell of data row i
	less   func(a, b int) bool
}

// table is a virtualised list of the register's rows under a header of sortable columns (the
// wizard's row table, trimmed): one widget per visible row, so a register of hundreds of
// channels scrolls as fast as one of ten. The first cell of a row marks its problems.
type table struct {
	cols  []column
	count func() int
	mark  func(i int) fyne.Resource
	// onSelect is called with the data index of the row the user picks.
	onSelect func(i int)

	order   []int // view row → data index
	sortCol int   // -1: data order
	desc    bool

	list    *widget.List
	heads   []*headCell
	layout  *columnsLayout
	quiet   bool // selecting from code: do not call onSelect
	current int  // data index of the selected row, -1 when none
}

func newTable(cols []column, count func() int, mark func(int) fyne.Resource, onSelect func(int)) *table {
	t := &table{cols: cols, count: count, mark: mark, onSelect: onSelect, sortCol: -1, current: -1}
	t.layout = &columnsLayout{cols: cols}
	t.list = widget.NewList(func() int { return len(t.order) }, t.createRow, t.updateRow)
	t.list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(t.order) {
			return
		}
		t.current = t.order[id]
		if !t.quiet && t.onSelect != nil {
			t.onSelect(t.current)
		}
	}
	return t
}

func (t *table) object() fyne.CanvasObject {
	header := container.New(t.layout, widget.NewIcon(nil))
	for c := range t.cols {
		h := newHeadCell(t.cols[c].title, t.cols[c].align, func() { t.sortBy(c) })
		t.heads = append(t.heads, h)
		header.Add(h)
	}
	t.reorder()
	return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, t.list)
}

func (t *table) createRow() fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewIcon(nil)}
	for _, c := range t.cols {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.Alignment = c.align
		objs = append(objs, l)
	}
	return container.New(t.layout, objs...)
}

func (t *table) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
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
// sort changed).
func (t *table) reorder() {
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

// sortBy sorts by column c; a second tap on the same column reverses the order. The selected
// row stays selected.
func (t *table) sortBy(c int) {
	if t.sortCol == c {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = c, false
	}
	cur := t.current
	t.reorder()
	t.selectData(cur)
}

// selectData selects data row i (-1: none) without calling onSelect, and scrolls to it.
func (t *table) selectData(i int) {
	t.quiet = true
	defer func() { t.quiet = false }()
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
func (t *table) refreshData(i int) {
	for v, d := range t.order {
		if d == i {
			t.list.RefreshItem(v)
			return
		}
	}
}

// columnsLayout places a row's mark icon and cells: every column gets its minimum width, the
// rest is shared by weight; when the window is too narrow the columns shrink together (cells
// truncate with an ellipsis). The header and every row use the same one, so they line up.
type columnsLayout struct{ cols []column }

func (l *columnsLayout) widths(width float32) []float32 {
	text := theme.TextSize()
	out := make([]float32, len(l.cols)+1)
	out[0] = theme.IconInlineSize() + theme.Padding()
	free := width - out[0]
	var weights float32
	for i, c := range l.cols {
		out[i+1] = c.min * text
		free -= out[i+1]
		weights += c.weight
	}
	switch {
	case free > 0 && weights > 0:
		for i, c := range l.cols {
			out[i+1] += free * c.weight / weights
		}
	case free < 0 && width > 0:
		f := max((width-out[0])/(width-out[0]-free), 0)
		for i := range l.cols {
			out[i+1] *= f
		}
	}
	return out
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := l.widths(size.Width)
	x := float32(0)
	for i, o := range objs {
		if i >= len(ws) {
			break
		}
		h := o.MinSize().Height
		if i == 0 {
			h = theme.IconInlineSize()
		}
		o.Resize(fyne.NewSize(ws[i], h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += ws[i]
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	// The table may be squeezed (cells truncate) rather than widen the window.
	return fyne.NewSize(16*theme.TextSize(), h)
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
