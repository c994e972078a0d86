package coordinator

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/ui/widgets"
)

// minColumn is the narrowest a wide column is squeezed to when a table does not fit;
// columns declared narrower (year, version) keep their width. Headers are cut with an
// ellipsis, so they set no floor of their own.
const minColumn float32 = 90

// fitted is t in a container that fits its columns to the width: the last column (the
// longest text: an explanation, a file name) takes what is left, or the wide columns give way.
// Cut text is shown in full elsewhere (the row's detail).
func fitted(t *widget.Table, widths []float32) fyne.CanvasObject {
	cols := make([]widgets.FitColumn, len(widths))
	for i, w := range widths {
		cols[i] = widgets.FitColumn{Width: w, Floor: min(w, minColumn)}
	}
	return widgets.Fitted(t, func() []widgets.FitColumn { return cols })
}

// textTable is a read-only table of text with a header row: one label per visible cell
// (widget.Table is virtualised), long text cut with an ellipsis. The full text of a row is
// shown elsewhere when the row is selected.
func textTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < rows() {
				o.(*widget.Label).SetText(cell(id.Row, id.Col))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}
