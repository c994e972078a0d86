package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitColumn is one column of a widget.Table fitted to its width by a FitLayout.
type FitColumn struct {
	Width float32 // declared width
	// Floor is the narrowest the column is squeezed to, e.g. its header's width; a floor at
	// or above Width keeps the column at Width.
	Floor float32
	// Numeric columns hold figures: they give way only after the text columns are at their
	// floors, because a cut number misleads where cut text does not.
	Numeric bool
}

// FitWidths spreads avail over cols: when there is room the last column takes what is left
// (it holds the longest text); when there is not, text columns give way first, then figure
// columns, each in proportion to what it has above its floor and never below it.
func FitWidths(cols []FitColumn, avail float32) []float32 {
	out := make([]float32, len(cols))
	if len(out) == 0 {
		return out
	}
	var sum float32
	for i, c := range cols {
		out[i] = c.Width
		sum += c.Width
	}
	if sum <= avail {
		out[len(out)-1] += avail - sum
		return out
	}
	excess := sum - avail
	for _, numeric := range []bool{false, true} { // text columns first, then figures
		var slack float32
		for i, c := range cols {
			if c.Numeric == numeric && out[i] > c.Floor {
				slack += out[i] - c.Floor
			}
		}
		if slack <= 0 {
			continue
		}
		take := min(excess, slack)
		for i, c := range cols {
			if w := out[i]; c.Numeric == numeric && w > c.Floor {
				out[i] = w - take*(w-c.Floor)/slack
			}
		}
		excess -= take
		if excess <= 0 {
			break
		}
	}
	return out
}

// FitLayout sizes a table's columns to the width it is given, so that a table at the usual
// window size (1280×800) needs no sideways scrolling. Its only object is the table.
type FitLayout struct {
	table *widget.Table
	// columns is asked at every layout, so tables whose columns follow the data stay fitted.
	columns func() []FitColumn
	applied []float32
}

// NewFitLayout fits t's columns, as columns gives them, to the width of its container.
func NewFitLayout(t *widget.Table, columns func() []FitColumn) *FitLayout {
	return &FitLayout{table: t, columns: columns}
}

// Fitted is t in a container that fits its columns to the width.
func Fitted(t *widget.Table, columns func() []FitColumn) fyne.CanvasObject {
	return container.New(NewFitLayout(t, columns), t)
}

// Refit fits the columns again at the table's current size, after they have changed.
func (l *FitLayout) Refit() {
	l.applied = nil
	if s := l.table.Size(); s.Width > 0 {
		l.Layout([]fyne.CanvasObject{l.table}, s)
	}
}

// Layout sets the column widths (only when they change: setting them refreshes the table)
// and gives the objects the whole size.
func (l *FitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	cols := l.columns()
	// The table puts padding between columns and at the edge.
	avail := size.Width - float32(len(cols)+1)*max(theme.Padding(), theme.SeparatorThicknessSize())
	got := FitWidths(cols, avail)
	if !slices.Equal(got, l.applied) {
		for i, w := range got {
			l.table.SetColumnWidth(i, w)
		}
		l.applied = got
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the largest of the objects' minimum sizes.
func (l *FitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
