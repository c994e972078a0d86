package present

import (
	"slices"
	"strings"
)

// column of a table.
type column struct {
	title string
	w     float64
	align Align
	min   float64 // least width (see columns); 0: none
	fixed bool    // columns has set w to min
}

// cell is one table cell: its text (wrapped to the column) and style, and optionally a second
// part in muted regular type under it.
type cell struct {
	text  string
	bold  bool
	color Color // ColText when 0
	sub   string
}

// styledLine is one wrapped line of a cell.
type styledLine struct {
	text  string
	bold  bool
	color Color
}

func (c cell) lines(w float64) []styledLine {
	col := c.color
	if col == 0 {
		col = ColText
	}
	var out []styledLine
	for _, l := range wrap(c.text, SizeBody, c.bold, w) {
		out = append(out, styledLine{l, c.bold, col})
	}
	for _, l := range wrap(c.sub, SizeBody, false, w) {
		out = append(out, styledLine{l, false, ColMuted})
	}
	return out
}

func txt(s string) cell { return cell{text: s} }

// tableRow is a row of cells; fill shades the whole row (0: none). With spanLast, the last of
// fewer cells than columns runs over the columns after it (a sentence instead of figures).
type tableRow struct {
	cells    []cell
	fill     Color
	spanLast bool
	// keepNext keeps the row on the slide of the row after it (a name over its figures);
	// plainBelow leaves out the rule between them.
	keepNext, plainBelow bool
}

// height is the row's height in the table's columns with padding pad.
func (r tableRow) height(cols []column, pad, minH float64) float64 {
	ws := r.widths(cols)
	n := 1
	for i := range cols {
		if i < len(r.cells) {
			n = max(n, len(r.cells[i].lines(ws[i])))
		}
	}
	return max(float64(n)*lineH+2*pad, minH)
}

// widths are the widths of the row's cells in the table's columns.
func (r tableRow) widths(cols []column) []float64 {
	ws := make([]float64, len(cols))
	x := marginX
	for i, c := range cols {
		ws[i] = c.w
		if r.spanLast && i == len(r.cells)-1 && i < len(cols)-1 {
			ws[i] = marginX + contentW - x
		}
		x += c.w + colGap
	}
	return ws
}

// table is a table that continues on further slides when it does not fit.
type table struct {
	kind  Kind
	title string
	intro string // a line above the table, on its first page
	cols  []column
	rows  []tableRow
	empty string // shown instead of the table when it has no rows
	// minRowH is the least height of a row (the timeline's bars need room).
	minRowH float64
	// pageBG draws the background of a page once its rows are known (grid, today line).
	pageBG func(p *page, top, bottom float64)
	// rowExtra draws more into a row (a bar) after its cells.
	rowExtra func(p *page, row int, y, h float64)
	// header draws a custom header instead of the column titles; it returns its height.
	header func(p *page, y float64) float64
	// plain leaves out the rules between rows (for lists).
	plain bool
	// pad is the space above and below a row's text; 0 means rowPad. The timeline's rows are
	// tighter so that a slide holds more of them at the same text size.
	pad float64
}

const colGap = 16.0

// layoutTable turns t into pages. Every cell is wrapped to its column at body size; a row
// taller than a whole slide is split between slides at a line boundary.
func (b *builder) layoutTable(t table) []*page {
	pad := t.pad
	if pad == 0 {
		pad = rowPad
	}
	var pages []*page
	newPage := func() (*page, float64) {
		p := &page{kind: t.kind, title: t.title}
		y := contentTop
		if t.intro != "" && len(pages) == 0 {
			y = p.lines(marginX, y, contentW, wrap(t.intro, SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft) + 6
		}
		return p, y
	}
	drawHeader := func(p *page, y float64) float64 {
		if t.header != nil {
			return y + t.header(p, y)
		}
		h := 0.0
		x := marginX
		cellsLines := make([][]string, len(t.cols))
		for i, c := range t.cols {
			cellsLines[i] = wrap(c.title, SizeBody, true, c.w)
			h = max(h, float64(len(cellsLines[i]))*lineH)
		}
		h += 2 * rowPad
		p.bgRect(marginX, y, contentW, h, ColHeaderFill)
		for i, c := range t.cols {
			p.lines(x, y+rowPad, c.w, cellsLines[i], SizeBody, true, ColHeading, c.align)
			x += c.w + colGap
		}
		return y + h
	}

	p, y := newPage()
	if len(t.rows) == 0 {
		if t.empty != "" {
			p.lines(marginX, y+lineH, contentW, wrap(t.empty, SizeBody, false, contentW), SizeBody, false, ColText, AlignLeft)
		}
		return []*page{p}
	}
	y = drawHeader(p, y)
	tableTop := y
	finish := func(p *page, bottom float64) {
		if t.pageBG != nil {
			// The page's background goes beneath the rows' shading and rules drawn so far.
			n := len(p.bg)
			t.pageBG(p, tableTop, bottom)
			p.bg = append(slices.Clone(p.bg[n:]), p.bg[:n]...)
		}
		pages = append(pages, p)
	}

	for ri, r := range t.rows {
		if r.keepNext && ri+1 < len(t.rows) && y > tableTop {
			both := r.height(t.cols, pad, t.minRowH) + t.rows[ri+1].height(t.cols, pad, t.minRowH)
			if y+both > contentBottom {
				finish(p, y)
				p, y = newPage()
				y = drawHeader(p, y)
				tableTop = y
			}
		}
		lines := make([][]styledLine, len(t.cols))
		ws := r.widths(t.cols)
		n := 0
		for i := range t.cols {
			if i < len(r.cells) {
				lines[i] = r.cells[i].lines(ws[i])
			}
			n = max(n, len(lines[i]))
		}
		n = max(n, 1)
		from := 0
		for from < n {
			avail := int((contentBottom - y - 2*pad) / lineH)
			rowH := float64(n-from)*lineH + 2*pad
			rowH = max(rowH, t.minRowH)
			fitsWhole := y+rowH <= contentBottom
			if !fitsWhole && (y > tableTop || avail < 1) {
				// Start the row on a new slide unless this slide holds nothing but the header.
				finish(p, y)
				p, y = newPage()
				y = drawHeader(p, y)
				tableTop = y
				continue
			}
			take := n - from
			if !fitsWhole {
				take = avail
				rowH = float64(take)*lineH + 2*pad
			}
			if r.fill != 0 {
				p.bgRect(marginX, y, contentW, rowH, r.fill)
			}
			x := marginX
			for i, c := range t.cols {
				if from < len(lines[i]) {
					align := c.align
					if ws[i] != c.w {
						align = AlignLeft // a spanning sentence reads from the left
					}
					ly := y + pad
					for _, l := range lines[i][from:min(len(lines[i]), from+take)] {
						p.text(x, ly, ws[i], l.text, SizeBody, l.bold, l.color, align)
						ly += lineH
					}
				}
				x += c.w + colGap
			}
			if t.rowExtra != nil && from == 0 {
				t.rowExtra(p, ri, y, rowH)
			}
			y += rowH
			if !t.plain && !r.plainBelow {
				p.bgLine(marginX, y, marginX+contentW, y, 0.75, ColRuleLight)
			}
			from += take
		}
	}
	finish(p, y)
	return pages
}

// columns scales column widths given as parts so that they and the gaps fill the content width.
// A column with a least width (min) gets it first and the others share the rest.
func columns(cols ...column) []column {
	avail := contentW - colGap*float64(len(cols)-1)
	share := func() {
		total, fixed := 0.0, 0.0
		for _, c := range cols {
			if c.fixed {
				fixed += c.w
			} else {
				total += c.w
			}
		}
		for i := range cols {
			if !cols[i].fixed {
				cols[i].w = cols[i].w / total * (avail - fixed)
			}
		}
	}
	share()
	for i := range cols {
		if cols[i].min > cols[i].w {
			cols[i].w, cols[i].fixed = cols[i].min, true
			share()
		}
	}
	return cols
}

// named is the row rw whose first cell is a name (a board's), in a table whose first column is
// first: as it is when the name's widest word fits the column, else as a line of the name across
// the table over its figures, kept together. Slides never cut a name nor shrink it.
func named(first column, rw tableRow) []tableRow {
	name := rw.cells[0]
	if nameWidth([]string{name.text}) <= first.w {
		return []tableRow{rw}
	}
	rw.cells[0] = cell{}
	return []tableRow{{cells: []cell{name}, spanLast: true, keepNext: true, plainBelow: true}, rw}
}

// nameWidth is the least width of a column of names (boards' names): the widest word of any of
// them at body size, so that no name is cut inside a word (slides do not shrink text).
func nameWidth(names []string) float64 {
	w := 0.0
	for _, n := range names {
		for _, word := range strings.Fields(n) {
			w = max(w, measure(word, SizeBody, false))
		}
	}
	return w + 2
}

// numCol is a column just wide enough for its widest value and the longest word of its title
// (titles wrap at spaces, never inside a word).
func numCol(title string, align Align, values ...string) column {
	w := 0.0
	for _, word := range strings.Fields(title) {
		w = max(w, measure(word, SizeBody, true))
	}
	for _, v := range values {
		w = max(w, measure(v, SizeBody, true))
	}
	return column{title: title, w: w + 2, align: align}
}

// fillFirst gives the first column the width the others leave.
func fillFirst(first column, rest ...column) []column {
	w := contentW - colGap*float64(len(rest))
	for _, c := range rest {
		w -= c.w
	}
	first.w = w
	return append([]column{first}, rest...)
}
