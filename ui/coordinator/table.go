package coordinator

import (
	"handlingsplan/ui/widgets"
)

// minColumn is the narrowest (in pixels at the default text size) a wide column is squeezed to
// when a table does not fit; columns declared narrower (year, version) keep their width.
// Headers are cut with an ellipsis, so they set no floor of their own.
const minColumn float32 = 90

// textTable is a read-only table of text (the app's one table, widgets.Table): headers, the
// widths of the columns in pixels at the default text size (the last column, the longest text:
// an explanation, a file name, takes what is left, or the wide columns give way), rows() rows
// and cell(row, col) their text, cut with an ellipsis (the full text of a row is shown
// elsewhere when it is chosen). onSelect gets the row the user chooses; bold (may be nil) says
// which rows are headings.
func textTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string, onSelect func(row int), bold func(row int) bool) *widgets.Table {
	cols := make([]widgets.Column, len(headers))
	for c, h := range headers {
		cols[c] = widgets.Column{Title: h, Width: widgets.Px(widths[c]), Min: widgets.Px(min(widths[c], minColumn)),
			Text: func(row int) string { return cell(row, c) }}
		if bold != nil {
			cols[c].Style = func(row int) widgets.CellStyle { return widgets.CellStyle{Bold: bold(row)} }
		}
	}
	return widgets.NewTable(widgets.TableConfig{Columns: cols, Count: rows, OnSelect: onSelect, Scroll: true, Lines: true})
}
