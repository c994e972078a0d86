package report

import (
	"math"
	"strings"
)

type align int

const (
	alignLeft align = iota
	alignRight
)

type column struct {
	title string
	width float64 // points; the widths of a table add up to contentW
	align align
}

// span is one piece of a cell: a paragraph that wraps, or (when value is set) a label with a
// value printed right-aligned on the same line.
type span struct {
	text  string
	value string
	bold  bool
	color rgb  // 0 means the body text colour
	hang  bool // a numbered item ("3. Title"): wrapped lines align after the number
}

type cell []span

// plain is a cell of one paragraph of body text.
func plain(s string) cell { return cell{{text: s}} }

type row struct {
	cells []cell
	total bool // a summing row: bold rule above, no shading
}

type tableLine struct {
	text, value string
	bold        bool
	color       rgb
	indent      float64
}

const (
	tableSize = 7.5
	tableLH   = tableSize * 1.32
	tablePad  = 3.5
)

// layoutCell turns a cell into the lines it prints in a column of width w.
func (r *renderer) layoutCell(c cell, w float64) []tableLine {
	inner := w - 2*tablePad
	var out []tableLine
	for _, s := range c {
		col := s.color
		if col == 0 {
			col = colText
		}
		r.setFont(s.bold, tableSize)
		if s.value != "" {
			tw := r.width(s.text)
			vw := r.width(s.value)
			if tw+vw+4 <= inner {
				out = append(out, tableLine{text: s.text, value: s.value, bold: s.bold, color: col})
				continue
			}
			r.setFont(s.bold, tableSize)
			for _, l := range r.wrap(s.text, inner) {
				out = append(out, tableLine{text: l, bold: s.bold, color: col})
			}
			out = append(out, tableLine{value: s.value, bold: s.bold, color: col})
			continue
		}
		indent := 0.0
		if num, _, ok := strings.Cut(s.text, ". "); ok && s.hang {
			indent = r.width(num + ". ")
		}
		for i, l := range r.wrap(s.text, inner-indent) {
			tl := tableLine{text: l, bold: s.bold, color: col}
			if i > 0 {
				tl.indent = indent
			}
			out = append(out, tl)
		}
	}
	if len(out) == 0 {
		out = append(out, tableLine{})
	}
	return out
}

// table draws rows under a header that repeats on every page the table reaches. A row that
// fits on a page is never split; a row taller than a whole page is split between lines.
func (r *renderer) table(cols []column, rows []row) {
	headers := make([][]tableLine, len(cols))
	headerN := 1
	for i, c := range cols {
		headers[i] = r.layoutCell(cell{{text: c.title, bold: true, color: colHeading}}, c.width)
		headerN = max(headerN, len(headers[i]))
	}
	headerH := float64(headerN)*tableLH + 2*tablePad

	drawHeader := func() {
		r.fillRect(marginL, r.y, contentW, headerH, colHeaderFill)
		r.drawLines(cols, headers, 0, headerN, r.y)
		r.y += headerH
		r.line(marginL, r.y, contentRight, r.y, colRule, 0.6)
	}

	layouts := make([][][]tableLine, len(rows))
	for i, rw := range rows {
		layouts[i] = make([][]tableLine, len(cols))
		for j := range cols {
			var c cell
			if j < len(rw.cells) {
				c = rw.cells[j]
			}
			layouts[i][j] = r.layoutCell(c, cols[j].width)
		}
	}
	lineCount := func(i int) int {
		n := 1
		for _, l := range layouts[i] {
			n = max(n, len(l))
		}
		return n
	}

	firstH := headerH
	if len(rows) > 0 {
		firstH += float64(lineCount(0))*tableLH + 2*tablePad
	}
	if r.y+math.Min(firstH, headerH+40) > contentBottom {
		r.newPage()
	}
	drawHeader()
	pageRoom := contentBottom - contentTop - headerH // what one row can have on a fresh page

	for i, rw := range rows {
		n := lineCount(i)
		for from := 0; from < n; {
			left := n - from
			h := float64(left)*tableLH + 2*tablePad
			take := left
			if r.y+h > contentBottom {
				fitting := int((contentBottom - r.y - 2*tablePad) / tableLH)
				if h <= pageRoom || fitting < 3 {
					r.newPage()
					drawHeader()
					continue
				}
				take = fitting
				h = float64(take)*tableLH + 2*tablePad
			}
			if rw.total {
				r.line(marginL, r.y, contentRight, r.y, colHeading, 0.8)
			} else if i%2 == 1 {
				r.fillRect(marginL, r.y, contentW, h, colShade)
			}
			r.drawLines(cols, layouts[i], from, from+take, r.y)
			r.y += h
			r.line(marginL, r.y, contentRight, r.y, colRuleLight, 0.4)
			from += take
			if from < n {
				r.newPage()
				drawHeader()
			}
		}
	}
	r.y += 8
}

// drawLines prints lines [from, to) of every column's layout in a row whose top is y.
func (r *renderer) drawLines(cols []column, cells [][]tableLine, from, to int, y float64) {
	x := marginL
	for j, c := range cols {
		lines := cells[j]
		for k := from; k < to && k < len(lines); k++ {
			l := lines[k]
			ly := y + tablePad + float64(k-from)*tableLH
			r.setFont(l.bold, tableSize)
			if c.align == alignRight {
				if l.text != "" {
					r.textRight(x+c.width-tablePad, ly, l.text, l.color)
				}
			} else {
				r.text(x+tablePad+l.indent, ly, l.text, l.color)
			}
			if l.value != "" {
				r.textRight(x+c.width-tablePad, ly, l.value, l.color)
			}
		}
		x += c.width
	}
}

// keyValues prints label–value pairs in two columns, the value wrapping under itself.
func (r *renderer) keyValues(pairs [][2]string, keyW float64, size float64) {
	lh := size * 1.45
	for _, p := range pairs {
		r.setFont(false, size)
		lines := r.wrap(p[1], contentW-keyW)
		r.setFont(true, size)
		keyLines := r.wrap(p[0], keyW-8)
		n := max(len(lines), len(keyLines))
		r.ensure(float64(n)*lh + 4)
		for i, l := range keyLines {
			r.text(marginL, r.y+float64(i)*lh, l, colMuted)
		}
		r.setFont(false, size)
		for i, l := range lines {
			r.text(marginL+keyW, r.y+float64(i)*lh, l, colText)
		}
		r.y += float64(n)*lh + 4
	}
}
