package overview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Narrowest a column is squeezed to when the table does not fit: text columns keep a few
// words, figure columns a short number, the first column (the board) its name mostly.
const (
	minTextColumn    float32 = 90
	minNumericColumn float32 = 56
	minFirstColumn   float32 = 170
)

// fitWidths spreads avail over columns declared with widths: when there is room the last
// column takes what is left (it holds the longest text); when there is not, text columns give
// way first, then figure columns, each down to its floor (never above its declared width).
// numeric tells the figure columns.
func fitWidths(widths, floors []float32, numeric []bool, avail float32) []float32 {
	out := append([]float32(nil), widths...)
	if len(out) == 0 {
		return out
	}
	var sum float32
	for _, w := range out {
		sum += w
	}
	if sum <= avail {
		out[len(out)-1] += avail - sum
		return out
	}
	excess := sum - avail
	for _, pass := range []bool{false, true} { // text columns first, then figures
		var slack float32
		for i, w := range out {
			if numeric[i] == pass && w > floors[i] {
				slack += w - floors[i]
			}
		}
		if slack <= 0 {
			continue
		}
		take := min(excess, slack)
		for i, w := range out {
			if numeric[i] == pass && w > floors[i] {
				out[i] = w - take*(w-floors[i])/slack
			}
		}
		excess -= take
		if excess <= 0 {
			break
		}
	}
	return out
}

// fitLayout sizes a table's columns to the width it is given, so that a table at the usual
// window size (1280×800) needs no sideways scrolling.
type fitLayout struct {
	table   *widget.Table
	widths  func() (widths, floors []float32, numeric []bool)
	applied []float32
}

func (l *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths, floors, numeric := l.widths()
	// The table puts padding between columns and at the edge.
	avail := size.Width - float32(len(widths)+1)*max(theme.Padding(), theme.SeparatorThicknessSize())
	got := fitWidths(widths, floors, numeric, avail)
	if !equalWidths(got, l.applied) {
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

func (l *fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func equalWidths(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
