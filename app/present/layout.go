package present

import (
	"slices"
	"strings"

	"handlingsplan/i18n"
)

// page is a slide being laid out. Background items (shading, grid lines) are kept apart so they
// can be added after the rows and still be drawn beneath them.
type page struct {
	kind  Kind
	title string
	right []Item // drawn at the right of the heading, e.g. the timeline's "today"
	bg    []Item
	fg    []Item
}

func (p *page) text(x, y, w float64, s string, size float64, bold bool, c Color, a Align) {
	if s == "" {
		return
	}
	h := size * 1.2
	p.fg = append(p.fg, Item{Kind: ItemText, X: x, Y: y, W: w, H: h, Text: s, Size: size, Bold: bold, Color: c, Align: a, Role: roleFor(size)})
}

func roleFor(size float64) Role {
	switch {
	case size >= SizeBigMin && size != SizeTitle && size != SizeDeckTitle:
		return RoleBig
	case size >= SizeTitle:
		return RoleTitle
	}
	return RoleBody
}

// lines draws wrapped lines from y down and returns the y below them.
func (p *page) lines(x, y, w float64, ls []string, size float64, bold bool, c Color, a Align) float64 {
	for _, l := range ls {
		p.text(x, y, w, l, size, bold, c, a)
		y += size * 1.2
	}
	return y
}

func (p *page) rect(x, y, w, h float64, c Color) {
	p.fg = append(p.fg, Item{Kind: ItemRect, X: x, Y: y, W: w, H: h, Color: c})
}

func (p *page) bgRect(x, y, w, h float64, c Color) {
	p.bg = append(p.bg, Item{Kind: ItemRect, X: x, Y: y, W: w, H: h, Color: c})
}

func (p *page) line(x1, y1, x2, y2, stroke float64, c Color) {
	p.fg = append(p.fg, Item{Kind: ItemLine, X: x1, Y: y1, W: x2 - x1, H: y2 - y1, Stroke: stroke, Color: c})
}

func (p *page) bgLine(x1, y1, x2, y2, stroke float64, c Color) {
	p.bg = append(p.bg, Item{Kind: ItemLine, X: x1, Y: y1, W: x2 - x1, H: y2 - y1, Stroke: stroke, Color: c})
}

// builder collects the slides of a deck.
type builder struct {
	loc    *i18n.Localizer
	slides []Slide
}

// section adds the pages of one section; a section of several pages gets "(2 av 3)" in its
// headings.
func (b *builder) section(pages []*page) {
	for i, p := range pages {
		title := p.title
		if len(pages) > 1 {
			title = b.loc.Tf("present.continued", "Title", p.title, "Part", i+1, "Parts", len(pages))
		}
		items := make([]Item, 0, len(p.bg)+len(p.fg)+len(p.right)+3)
		items = append(items, Item{Kind: ItemRect, X: 0, Y: 0, W: SlideW, H: SlideH, Color: ColBackground})
		items = append(items, p.bg...)
		rightW := 0.0
		for _, r := range p.right {
			if r.Kind == ItemText {
				rightW = max(rightW, r.W)
			}
		}
		if rightW > 0 {
			rightW += 24
		}
		title = fitText(title, SizeTitle, true, contentW-rightW)
		items = append(items,
			Item{Kind: ItemText, X: marginX, Y: titleY, W: contentW - rightW, H: titleH, Text: title, Size: SizeTitle, Bold: true, Color: ColHeading, Role: RoleTitle},
			Item{Kind: ItemRect, X: marginX, Y: titleRuleY - 1.5, W: contentW, H: 3, Color: ColHeading},
		)
		items = append(items, p.right...)
		items = append(items, p.fg...)
		b.slides = append(b.slides, Slide{Kind: p.kind, Title: title, Part: i + 1, Parts: len(pages), Items: items})
	}
}

// column of a table.
type column struct {
	title string
	w     float64
	align Align
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
			if !t.plain {
				p.bgLine(marginX, y, marginX+contentW, y, 0.75, ColRuleLight)
			}
			from += take
		}
	}
	finish(p, y)
	return pages
}

// columns scales column widths given as parts so that they and the gaps fill the content width.
func columns(cols ...column) []column {
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	avail := contentW - colGap*float64(len(cols)-1)
	for i := range cols {
		cols[i].w = cols[i].w / total * avail
	}
	return cols
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

// barRow is one labelled bar of a horizontal bar chart.
type barRow struct {
	label string
	value int64
	text  string // the value as shown next to the bar
	color Color
}

// bars draws a horizontal bar chart at y within x..x+w: label, bar, value. Every bar carries its
// label and value in text, so no colour has to be read. It returns the y below the chart.
func bars(p *page, x, y, w float64, rows []barRow) float64 {
	labelW := 0.0
	valueW := 0.0
	var maxV int64
	for _, r := range rows {
		labelW = max(labelW, measure(r.label, SizeBody, false))
		valueW = max(valueW, measure(r.text, SizeBody, true))
		maxV = max(maxV, r.value)
	}
	labelW = min(labelW, w*0.6)
	barX := x + labelW + colGap
	barMax := w - labelW - colGap - valueW - colGap
	rowH := lineH + 2*rowPad
	for _, r := range rows {
		p.text(x, y+rowPad, labelW, fitText(r.label, SizeBody, false, labelW), SizeBody, false, ColText, AlignLeft)
		bw := 0.0
		if maxV > 0 && r.value > 0 {
			bw = max(4, barMax*float64(r.value)/float64(maxV))
		}
		if bw > 0 {
			p.rect(barX, y+8, bw, rowH-16, r.color)
		} else {
			p.line(barX, y+8, barX, y+rowH-8, 2, r.color)
		}
		p.text(barX+bw+colGap, y+rowPad, valueW+4, r.text, SizeBody, true, ColText, AlignLeft)
		y += rowH
	}
	return y
}

// tile is a big number with its label, for the summary.
type tile struct {
	value string
	label string
	note  string // a smaller line under the label (may be "")
}

// tiles draws up to four tiles in a 2 × 2 grid filling the content area.
func tiles(p *page, ts []tile) {
	const gap = 24.0
	cols := 2
	w := (contentW - gap) / 2
	rows := (len(ts) + cols - 1) / cols
	h := (contentBottom - contentTop - gap*float64(rows-1)) / float64(rows)
	for i, t := range ts {
		x := marginX + float64(i%cols)*(w+gap)
		y := contentTop + float64(i/cols)*(h+gap)
		p.bgRect(x, y, w, h, ColShade)
		p.bgRect(x, y, 6, h, ColAccent)
		inner := w - 48
		size := fitSize(t.value, true, inner, SizeBig, SizeBigMin)
		// The number gives way to a label or note that wraps, down to SizeBigMin.
		text := float64(len(wrap(t.label, SizeBody, false, inner))+len(wrap(t.note, SizeBody, false, inner))) * lineH
		for size > SizeBigMin && 12+size*1.2+text > h-8 {
			size -= 2
		}
		if 12+size*1.2+text > h-8 {
			// The note is the least of the tile: it goes before anything overflows.
			t.note = ""
		}
		ty := y + 12
		p.text(x+28, ty, inner, t.value, size, true, ColHeading, AlignLeft)
		ty += size * 1.2
		ty = p.lines(x+28, ty, inner, wrap(t.label, SizeBody, false, inner), SizeBody, false, ColText, AlignLeft)
		if t.note != "" {
			p.lines(x+28, ty, inner, wrap(t.note, SizeBody, false, inner), SizeBody, false, ColMuted, AlignLeft)
		}
	}
}
