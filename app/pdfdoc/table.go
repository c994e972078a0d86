package pdfdoc

import (
	"math"
	"strings"
)

// Align is a column's horizontal alignment.
type Align int

// Alignments of a column.
const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

// Column is one table column.
type Column struct {
	Title string
	Width float64 // points; the widths of a table add up to ContentW
	Align Align
}

// Span is one piece of a cell: a paragraph that wraps, or (when Value is set) a label with a
// value printed right-aligned on the same line.
type Span struct {
	Text  string
	Value string
	Bold  bool
	Color RGB  // 0 means the body text colour
	Hang  bool // a numbered item ("3. Title"): wrapped lines align after the number
	// Name marks a name (a board's): its words are never cut, the font shrinks as far as
	// NameMinSize instead of TableMinSize.
	Name bool
}

// Cell is the content of one table cell.
type Cell []Span

// Plain is a cell of one paragraph of body text.
func Plain(s string) Cell { return Cell{{Text: s}} }

// Row is one table row.
type Row struct {
	Cells []Cell
	Fill  []RGB // Fill[i], when not 0, fills cell i
	Total bool  // a summing row: a rule above, no shading
}

// Table measures, in points.
const (
	TableSize = 7.5
	TableLH   = TableSize * 1.32
	TablePad  = 3.5
	// A word that does not fit its column shrinks the font of its span down to TableMinSize
	// (a name down to NameMinSize) before WrapText has to cut it between letters.
	TableMinSize = 5.5
	NameMinSize  = 4.5
)

type tableLine struct {
	text, value string
	bold        bool
	color       RGB
	indent      float64
	size        float64
}

// layoutCell turns a cell into the lines it prints in a column of width w. A span with a word
// wider than the column gets a smaller font rather than a word cut in two.
func (d *Doc) layoutCell(c Cell, w, cellSize float64) []tableLine {
	inner := w - 2*TablePad
	var out []tableLine
	for _, s := range c {
		col := s.Color
		if col == 0 {
			col = ColText
		}
		floor := TableMinSize
		if s.Name {
			floor = NameMinSize
		}
		size := FitSize(s.Text, inner, cellSize, min(floor, cellSize), func(p string, z float64) float64 {
			d.SetFont(s.Bold, z)
			return d.Width(p)
		})
		d.SetFont(s.Bold, size)
		if s.Value != "" {
			if d.Width(s.Text)+d.Width(s.Value)+4 <= inner {
				out = append(out, tableLine{text: s.Text, value: s.Value, bold: s.Bold, color: col, size: size})
				continue
			}
			for _, l := range d.Wrap(s.Text, inner) {
				out = append(out, tableLine{text: l, bold: s.Bold, color: col, size: size})
			}
			out = append(out, tableLine{value: s.Value, bold: s.Bold, color: col, size: size})
			continue
		}
		indent := 0.0
		if num, _, ok := strings.Cut(s.Text, ". "); ok && s.Hang {
			indent = d.Width(num + ". ")
		}
		for i, l := range d.Wrap(s.Text, inner-indent) {
			tl := tableLine{text: l, bold: s.Bold, color: col, size: size}
			if i > 0 {
				tl.indent = indent
			}
			out = append(out, tl)
		}
	}
	if len(out) == 0 {
		out = append(out, tableLine{size: cellSize})
	}
	return out
}

// headerSize is the font size of a column's title: a title word never breaks between
// letters, so a column too narrow for the longest piece between the places where the word may
// break (a soft hyphen, a hyphen or a slash) gets a smaller font.
func (d *Doc) headerSize(c Column) float64 {
	size := TableSize
	d.SetFont(true, TableSize)
	for _, w := range unbreakable(c.Title) {
		if ww := d.Width(w); ww > c.Width-2*TablePad {
			size = math.Min(size, math.Max(5.5, 0.95*TableSize*(c.Width-2*TablePad)/ww))
		}
	}
	return size
}

// tableLayout is a table's header and rows laid out in their columns.
type tableLayout struct {
	headers [][]tableLine
	headerN int
	headerH float64
	rows    [][][]tableLine
}

func (d *Doc) layoutTable(cols []Column, rows []Row) tableLayout {
	t := tableLayout{headers: make([][]tableLine, len(cols)), headerN: 1, rows: make([][][]tableLine, len(rows))}
	for i, c := range cols {
		t.headers[i] = d.layoutCell(Cell{{Text: c.Title, Bold: true, Color: ColHeading}}, c.Width, d.headerSize(c))
		t.headerN = max(t.headerN, len(t.headers[i]))
	}
	t.headerH = float64(t.headerN)*TableLH + 2*TablePad
	for i, rw := range rows {
		t.rows[i] = make([][]tableLine, len(cols))
		for j := range cols {
			var c Cell
			if j < len(rw.Cells) {
				c = rw.Cells[j]
			}
			t.rows[i][j] = d.layoutCell(c, cols[j].Width, TableSize)
		}
	}
	return t
}

// rowH is the height of row i.
func (t tableLayout) rowH(i int) float64 { return float64(lineCount(t.rows[i]))*TableLH + 2*TablePad }

// lead is the height of the header and the first rows a table never leaves alone: two, or all
// of a table of three rows or fewer (any break in it would leave one row alone), as much of
// them as a fresh page holds.
func (t tableLayout) lead() float64 {
	h := t.headerH
	k := 2
	if len(t.rows) <= 3 {
		k = len(t.rows)
	}
	for i := range k {
		h += t.rowH(i)
	}
	return min(h, ContentBottom-ContentTop)
}

// TableNeed is the height a table's header and first two rows take: what a heading or intro
// right before the table must keep with it so that it is not left alone at a page's foot.
func (d *Doc) TableNeed(cols []Column, rows []Row) float64 {
	return d.layoutTable(cols, rows).lead() + 1
}

// Table draws rows under a header that repeats on every page the table reaches. A row that
// fits on a page is never split; a row taller than a whole page is split between lines. No
// page holds a table's first row alone at its foot or its last row alone at its top: the table
// starts on a new page unless its header and two rows fit, and the row before the last moves
// to the next page with the last when only the last would go there.
func (d *Doc) Table(cols []Column, rows []Row) {
	t := d.layoutTable(cols, rows)
	headers, headerN, headerH, layouts := t.headers, t.headerN, t.headerH, t.rows

	drawHeader := func() {
		d.FillRect(MarginL, d.Y, ContentW, headerH, ColHeaderFill)
		d.drawLines(cols, headers, 0, headerN, d.Y)
		d.Y += headerH
		d.Line(MarginL, d.Y, ContentRight, d.Y, ColRule, 0.6)
	}

	need := t.lead()
	if need >= ContentBottom-ContentTop {
		need = headerH + 3*TableLH + 2*TablePad // a row taller than a page splits: three lines suffice
	}
	if d.page == 0 || d.Y+need > ContentBottom {
		d.NewPage()
	}
	drawHeader()
	pageRoom := ContentBottom - ContentTop - headerH // what one row can have on a fresh page
	onPage := 0                                      // rows begun on this page

	for i, rw := range rows {
		n := lineCount(layouts[i])
		// The last two rows go on together when the last would otherwise stand alone at the top
		// of a page, as long as two rows stay behind on this one.
		if last := len(rows) - 1; i == last-1 && onPage >= 2 {
			both := t.rowH(i) + t.rowH(last)
			if d.Y+t.rowH(i) <= ContentBottom && d.Y+both > ContentBottom && both <= pageRoom {
				d.NewPage()
				drawHeader()
				onPage = 0
			}
		}
		onPage++
		for from := 0; from < n; {
			left := n - from
			h := float64(left)*TableLH + 2*TablePad
			take := left
			if d.Y+h > ContentBottom {
				fitting := int((ContentBottom - d.Y - 2*TablePad) / TableLH)
				if h <= pageRoom || fitting < 3 {
					d.NewPage()
					drawHeader()
					onPage = 1
					continue
				}
				take = fitting
				h = float64(take)*TableLH + 2*TablePad
			}
			if rw.Total {
				d.Line(MarginL, d.Y, ContentRight, d.Y, ColHeading, 0.8)
			} else if i%2 == 1 {
				d.FillRect(MarginL, d.Y, ContentW, h, ColShade)
			}
			x := MarginL
			for j, c := range cols {
				if j < len(rw.Fill) && rw.Fill[j] != 0 {
					d.FillRect(x+0.5, d.Y+0.5, c.Width-1, h-1, rw.Fill[j])
				}
				x += c.Width
			}
			d.drawLines(cols, layouts[i], from, from+take, d.Y)
			d.Y += h
			d.Line(MarginL, d.Y, ContentRight, d.Y, ColRuleLight, 0.4)
			from += take
			if from < n {
				d.NewPage()
				drawHeader()
			}
		}
	}
	d.Y += 8
}

// lineCount is the number of lines of a row's tallest cell.
func lineCount(cells [][]tableLine) int {
	n := 1
	for _, l := range cells {
		n = max(n, len(l))
	}
	return n
}

// drawLines prints lines [from, to) of every column's layout in a row whose top is y.
func (d *Doc) drawLines(cols []Column, cells [][]tableLine, from, to int, y float64) {
	x := MarginL
	for j, c := range cols {
		lines := cells[j]
		for k := from; k < to && k < len(lines); k++ {
			l := lines[k]
			ly := y + TablePad + float64(k-from)*TableLH
			d.SetFont(l.bold, l.size)
			switch {
			case l.text == "":
			case c.Align == AlignRight:
				d.TextRight(x+c.Width-TablePad, ly, l.text, l.color)
			case c.Align == AlignCenter:
				d.TextCenter(x+c.Width/2, ly, l.text, l.color)
			default:
				d.Text(x+TablePad+l.indent, ly, l.text, l.color)
			}
			if l.value != "" {
				d.TextRight(x+c.Width-TablePad, ly, l.value, l.color)
			}
		}
		x += c.Width
	}
}

// unbreakable cuts s into the pieces WrapText never breaks without adding a hyphen: at spaces,
// at soft hyphens (the piece before one prints with a hyphen) and after hyphens and slashes.
func unbreakable(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func(tail string) {
		if cur.Len() > 0 {
			out = append(out, cur.String()+tail)
		}
		cur.Reset()
	}
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r':
			flush("")
		case '\u00ad':
			flush("-")
		case '-', '/':
			cur.WriteRune(r)
			flush("")
		default:
			cur.WriteRune(r)
		}
	}
	flush("")
	return out
}
