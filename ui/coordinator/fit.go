package coordinator

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// minColumn is the narrowest a wide column is squeezed to when a table does not fit;
// columns declared narrower (year, version) keep their width.
const minColumn float32 = 90

// fitWidths spreads avail over columns declared with widths: when there is room the last
// column (the longest text: an explanation, a file name) takes what is left; when there is
// not, the wide columns give way in proportion, each down to minColumn.
func fitWidths(widths []float32, avail float32) []float32 {
	out := append([]float32(nil), widths...)
	if len(out) == 0 {
		return out
	}
	var sum, slack float32
	for _, w := range out {
		sum += w
		if w > minColumn {
			slack += w - minColumn
		}
	}
	if sum <= avail {
		out[len(out)-1] += avail - sum
		return out
	}
	if slack <= 0 {
		return out
	}
	take := min(sum-avail, slack)
	for i, w := range out {
		if w > minColumn {
			out[i] = w - take*(w-minColumn)/slack
		}
	}
	return out
}

// fitLayout sizes a table's columns to the width it is given, so that a table at the usual
// window size (1280×800) needs no sideways scrolling; cut text is shown in full elsewhere
// (the row's detail).
type fitLayout struct {
	table   *widget.Table
	widths  []float32
	applied []float32
}

// fitted is the table in a container that fits its columns to the width.
func fitted(t *widget.Table, widths []float32) fyne.CanvasObject {
	return container.New(&fitLayout{table: t, widths: widths}, t)
}

func (l *fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// The table puts padding between columns and at the edge.
	avail := size.Width - float32(len(l.widths)+1)*max(theme.Padding(), theme.SeparatorThicknessSize())
	got := fitWidths(l.widths, avail)
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
