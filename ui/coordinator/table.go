package coordinator

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// Column widths, in pixels at the default text size.
const (
	// minColumn is the narrowest a column is squeezed to when a table does not fit; its
	// title and, up to maxColumn, its longest text set a higher floor.
	minColumn float32 = 90
	// maxColumn is the widest a column grows to fit its longest text; a longer text is cut
	// and shown whole in the detail under the table when its row is chosen.
	maxColumn float32 = 660
	// lastColumn is the most the last column (the longest text: an explanation, a file name)
	// asks before the table scrolls sideways; it takes the room left over.
	lastColumn float32 = 300
	// defaultTextSize is Fyne's default text size, which the widths assume.
	defaultTextSize float32 = 14
)

// fitTable is a read-only table of text (the app's one table, widgets.Table) whose columns
// are as wide as their titles and their texts: a name, a date, a fingerprint are never cut;
// when the table is wider than the window it scrolls sideways. Refresh measures again.
type fitTable struct {
	*widgets.Table
	headers []string
	widths  []float32
	rows    func() int
	cell    func(row, col int) string
	bold    func(row int) bool
	need    []float32
	// lastMax is what the last column asks at most (lastColumn, or maxColumn when its
	// text has no detail to be read in, wholeLast).
	lastMax float32
	// compare orders two cells' texts when the table sorts (sortable); nil: it does not.
	compare func(a, b string) int
}

// textTable makes a fitTable: headers, the widths of the columns in pixels at the default
// text size (what a column takes at least when there is room; the last column takes what is
// left), rows() rows and cell(row, col) their text. onSelect gets the row the user chooses;
// bold (may be nil) says which rows are headings.
func textTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string, onSelect func(row int), bold func(row int) bool) *fitTable {
	t := &fitTable{headers: headers, widths: widths, rows: rows, cell: cell, bold: bold, lastMax: lastColumn}
	t.need = t.measure()
	t.Table = widgets.NewTable(widgets.TableConfig{Columns: t.columns(), Count: rows, OnSelect: onSelect, Scroll: true, Lines: true})
	return t
}

// sortable lets the user sort by any column (tap its title, or Tab to it and press Enter or
// Space) in the language's order. Tables of headings and their rows (the comparison) do not.
func (t *fitTable) sortable(loc *i18n.Localizer) {
	t.compare = loc.Compare
	t.SetColumns(t.columns())
}

// wholeLast makes the last column as wide as its longest text (up to maxColumn), for a text
// that is shown nowhere else, such as a fingerprint.
func (t *fitTable) wholeLast() {
	t.lastMax = maxColumn
	t.SetColumns(t.columns())
}

// Refresh shows the rows again, wider columns first when a text needs them.
func (t *fitTable) Refresh() {
	if need := t.measure(); !slices.Equal(need, t.need) {
		t.need = need
		sel := t.Selected()
		t.SetColumns(t.columns())
		if sel >= 0 && sel < t.rows() {
			t.SelectData(sel)
		}
		return
	}
	t.Table.Refresh()
}

// measure is the width each column's longest text and its title take.
func (t *fitTable) measure() []float32 {
	pad := 2*theme.InnerPadding() + 2
	need := make([]float32, len(t.headers))
	for c, h := range t.headers {
		need[c] = fyne.MeasureText(h, defaultTextSize, fyne.TextStyle{Bold: true}).Width + pad + theme.IconInlineSize()
	}
	for r := range t.rows() {
		bold := t.bold != nil && t.bold(r)
		for c := range t.headers {
			if s := t.cell(r, c); s != "" {
				need[c] = max(need[c], fyne.MeasureText(s, defaultTextSize, fyne.TextStyle{Bold: bold}).Width+pad)
			}
		}
	}
	return need
}

func (t *fitTable) columns() []widgets.Column {
	cols := make([]widgets.Column, len(t.headers))
	last := len(t.headers) - 1
	for c, h := range t.headers {
		limit := maxColumn
		if c == last {
			limit = t.lastMax
		}
		floor := max(min(t.need[c], limit), minColumn)
		width := max(t.widths[c], floor)
		cols[c] = widgets.Column{Title: h, Width: widgets.Px(width), Min: widgets.Px(floor),
			Text: func(row int) string { return t.cell(row, c) }}
		if t.compare != nil {
			cols[c].Less = func(a, b int) bool { return t.compare(t.cell(a, c), t.cell(b, c)) < 0 }
		}
		if t.bold != nil {
			cols[c].Style = func(row int) widgets.CellStyle { return widgets.CellStyle{Bold: t.bold(row)} }
		}
	}
	return cols
}
