package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a Table (all fields) or of a ColumnsLayout (only the widths).
type Column struct {
	Title string
	// Widths, in multiples of the theme's text size. Min is the narrowest the column is
	// squeezed to; Width is what it takes when there is room (0: Min). The room left over is
	// shared by Weight, or taken by the last column when no column has weight.
	Min, Width, Weight float32
	// Numeric columns hold figures: when the table does not fit they give way only after the
	// text columns are at their Min (see FitWidths).
	Numeric bool
	// Optional columns are left out, the last first, when a table that wraps (Wrap) does not
	// fit at its floors: the view shows their value elsewhere (the selected row's form).
	Optional bool
	Align    fyne.TextAlign
	Text     func(i int) string  // the cell of data row i
	Less     func(a, b int) bool // sort order of data rows a and b; nil: the column does not sort
	// Style is how data row i's cell looks (nil: plain).
	Style func(i int) CellStyle
	// Tap, when set, makes the column's cells links: a tap on data row i's cell runs Tap(i)'s
	// action, or chooses the row as a tap elsewhere would when Tap(i) is nil.
	Tap func(i int) func()
}

// defaultTextSize is Fyne's default text size, which widths declared in pixels assume.
const defaultTextSize = 14

// Px is a width given in pixels at Fyne's default text size, as the text-size multiples a
// Column takes (so it grows with the user's text size).
func Px(px float32) float32 { return px / defaultTextSize }

// CellStyle is how one cell looks: its colour (the label's importance) and weight.
type CellStyle struct {
	Importance widget.Importance
	Bold       bool
}

// ColumnsLayout places a row's mark icon and cells: every column gets its width as FitWidths
// spreads it. A header and its rows use the same one, so they line up.
type ColumnsLayout struct {
	Columns []Column
	// NoIcon leaves out the mark column: the objects are the cells only.
	NoIcon bool
	// Soft columns shrink below their minimum (cells truncate with an ellipsis) rather than
	// make the window wider than the screen, e.g. at a large Fyne scale. Without it the
	// minimum width is every column's Min: put the rows in a horizontal scroll.
	Soft bool
	// Lines are the objects after the cells: one per column but the last, each put as a
	// vertical line at the column's right edge (lines between the columns of a grid).
	Lines bool
	// Wrap is for cells that wrap their text: columns are never squeezed below their floor
	// (Floors: the longest word, so no word is broken), and the height asked for is that of the
	// tallest cell at the widths of the last known Width.
	Wrap   bool
	Floors []float32 // per column, in pixels; 0 or missing: the column's Min
	Width  float32   // the width the row was last laid out at (set by the Table)
}

func (l *ColumnsLayout) icon() float32 {
	if l.NoIcon {
		return 0
	}
	return theme.IconInlineSize() + theme.Padding()
}

// fit are the columns' widths for FitWidths, in pixels.
func (l *ColumnsLayout) fit() []FitColumn {
	text := theme.TextSize()
	out := make([]FitColumn, len(l.Columns))
	for i, c := range l.Columns {
		floor := c.Min
		if floor == 0 {
			floor = c.Width
		}
		f := FitColumn{Width: max(c.Width, c.Min) * text, Floor: floor * text, Weight: c.Weight, Numeric: c.Numeric}
		if i < len(l.Floors) && l.Floors[i] > f.Floor {
			f.Floor = l.Floors[i]
			f.Width = max(f.Width, f.Floor)
		}
		out[i] = f
	}
	return out
}

// dropOptional gives optional columns no width, the last first, while the floors do not fit
// in avail.
func (l *ColumnsLayout) dropOptional(fc []FitColumn, avail float32) []FitColumn {
	var sum float32
	for _, c := range fc {
		sum += min(c.Width, c.Floor)
	}
	for i := len(fc) - 1; i >= 0 && sum > avail; i-- {
		if l.Columns[i].Optional {
			sum -= min(fc[i].Width, fc[i].Floor)
			fc[i] = FitColumn{}
		}
	}
	return fc
}

// widths are the widths of the mark column and of every column at a total width.
func (l *ColumnsLayout) widths(width float32) []float32 {
	icon := l.icon()
	avail := width - icon
	fc := l.fit()
	if l.Wrap {
		fc = l.dropOptional(fc, avail)
	}
	cols := FitWidths(fc, avail)
	if l.Soft && !l.Wrap && avail > 0 {
		var sum float32
		for _, w := range cols {
			sum += w
		}
		if sum > avail {
			for i := range cols {
				cols[i] *= avail / sum
			}
		}
	}
	return append([]float32{icon}, cols...)
}

// Layout places the mark icon (unless NoIcon) and the cells side by side, centred vertically.
func (l *ColumnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.Wrap {
		l.Width = size.Width // the next MinSize asks for the height the cells wrap to here
	}
	ws := l.widths(size.Width)
	if l.NoIcon {
		ws = ws[1:]
	}
	x := float32(0)
	var edges []float32
	for i, o := range objs {
		if i >= len(ws) {
			break
		}
		icon := i == 0 && !l.NoIcon
		if l.Wrap && !icon {
			// A column left out (Optional) hides its cells.
			if ws[i] <= 0 {
				o.Hide()
				edges = append(edges, x)
				continue
			}
			o.Show()
			// A wrapped text's height follows its width: set the width first.
			o.Resize(fyne.NewSize(ws[i], o.Size().Height))
		}
		h := o.MinSize().Height
		if icon {
			h = theme.IconInlineSize()
		}
		o.Resize(fyne.NewSize(ws[i], h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += ws[i]
		edges = append(edges, x)
	}
	if !l.Lines || len(objs) <= len(ws) {
		return
	}
	first := 0 // the edge after the first column
	if !l.NoIcon {
		first = 1
	}
	thick := theme.SeparatorThicknessSize()
	for k, o := range objs[len(ws):] {
		if e := first + k; e < len(edges) {
			o.Resize(fyne.NewSize(thick, size.Height))
			o.Move(fyne.NewPos(edges[e]-thick, 0))
		}
	}
}

// MinSize is the sum of the columns' minimum widths (at most 16 text sizes when Soft) by the
// tallest object's height.
func (l *ColumnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := l.icon()
	for i, c := range l.fit() {
		if l.Wrap && l.Columns[i].Optional {
			continue // left out before the table asks for more
		}
		w += min(c.Width, c.Floor)
	}
	if l.Soft && !l.Wrap {
		w = min(w, 16*theme.TextSize())
	}
	var ws []float32
	if l.Wrap && l.Width > 0 {
		ws = l.widths(l.Width)
		if l.NoIcon {
			ws = ws[1:]
		}
	}
	var h float32
	for i, o := range objs {
		if i < len(ws) && !(i == 0 && !l.NoIcon) {
			if ws[i] <= 0 {
				continue
			}
			o.Resize(fyne.NewSize(ws[i], o.Size().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
