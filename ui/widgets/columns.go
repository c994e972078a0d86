package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Column is one column of a Table (all fields) or of a ColumnsLayout (only Weight and Min).
type Column struct {
	Title  string
	Weight float32 // share of the width left after every column has its minimum
	Min    float32 // minimum width, in multiples of the theme's text size
	Align  fyne.TextAlign
	Text   func(i int) string  // the cell of data row i
	Less   func(a, b int) bool // sort order of data rows a and b; nil: the column does not sort
}

// ColumnsLayout places a row's mark icon and cells: every column gets its minimum width, the
// rest is shared by weight. A header and its rows use the same one, so they line up.
type ColumnsLayout struct {
	Columns []Column
	// NoIcon leaves out the mark column: the objects are the cells only.
	NoIcon bool
	// Soft columns shrink below their minimum (cells truncate with an ellipsis) rather than
	// make the window wider than the screen, e.g. at a large Fyne scale.
	Soft bool
}

// widths are the widths of the mark column and of every column at a total width.
func (l *ColumnsLayout) widths(width float32) []float32 {
	text := theme.TextSize()
	out := make([]float32, len(l.Columns)+1)
	if !l.NoIcon {
		out[0] = theme.IconInlineSize() + theme.Padding()
	}
	free := width - out[0]
	var weights float32
	for i, c := range l.Columns {
		w := c.Min * text
		out[i+1] = w
		free -= w
		weights += c.Weight
	}
	switch {
	case free > 0 && weights > 0:
		for i, c := range l.Columns {
			out[i+1] += free * c.Weight / weights
		}
	case free < 0 && l.Soft && width > 0:
		f := (width - out[0]) / (width - out[0] - free)
		for i := range l.Columns {
			out[i+1] *= max(f, 0)
		}
	}
	return out
}

// Layout places the mark icon (unless NoIcon) and the cells side by side, centred vertically.
func (l *ColumnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := l.widths(size.Width)
	if l.NoIcon {
		ws = ws[1:]
	}
	x := float32(0)
	for i, o := range objs {
		if i >= len(ws) {
			break
		}
		h := o.MinSize().Height
		if i == 0 && !l.NoIcon {
			h = theme.IconInlineSize()
		}
		o.Resize(fyne.NewSize(ws[i], h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += ws[i]
	}
}

// MinSize is the sum of the minimum widths (at most 16 text sizes when Soft) by the tallest
// object's height.
func (l *ColumnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, x := range l.widths(0) {
		w += x
	}
	if l.Soft {
		w = min(w, 16*theme.TextSize())
	}
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}
