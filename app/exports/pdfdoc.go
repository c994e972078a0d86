package exports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"handlingsplan/assets"
	"handlingsplan/i18n"
)

// doc draws an A4 document in the house style of the board report (app/report): DejaVu Sans
// Condensed, dark blue headings, grey rules, light shading, the same page geometry, header and
// footer. The report's drawing code is internal to its package, so the consolidated report
// and the protocol have this small engine of their own with the same measures.
//
// Drawing errors are sticky, like bufio.Writer: the first is kept and ends the drawing.
type doc struct {
	pdf    *gopdf.GoPdf
	loc    *i18n.Localizer
	header string // left part of every page header but the first
	right  string // right part
	footer string // left part of every footer
	page   int
	y      float64
	font   fontKey
	fontOK bool
	widths map[fontKey]map[string]float64
	toc    []tocEntry
	tocY   float64
	sect   int
	err    error
}

type fontKey struct {
	bold bool
	size float64
}

type tocEntry struct {
	title string
	page  int
}

// Page geometry in points (A4 portrait, 20 mm side margins), as the board report.
const (
	pageW         = 595.28
	pageH         = 841.89
	marginL       = 56.7
	marginR       = 56.7
	contentW      = pageW - marginL - marginR
	contentRight  = pageW - marginR
	headerY       = 34.0
	headerRuleY   = 48.0
	contentTop    = 66.0
	footerRuleY   = pageH - 46
	footerY       = pageH - 40
	contentBottom = footerRuleY - 12
)

const (
	fontRegular = "DejaVuSansCondensed"
	fontBold    = "DejaVuSansCondensed-Bold"
)

// rgb is a colour as 0xRRGGBB.
type rgb uint32

func (c rgb) parts() (uint8, uint8, uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// The house style's palette (app/report), with a green and amber for follow-up bars.
const (
	colText       rgb = 0x1f1f1f
	colMuted      rgb = 0x5f6368
	colHeading    rgb = 0x17365d
	colRule       rgb = 0xa6adb4
	colRuleLight  rgb = 0xd5d9de
	colHeaderFill rgb = 0xdde5ef
	colShade      rgb = 0xf3f5f8
	colWarn       rgb = 0x9b1c1c
	colWarnFill   rgb = 0xfbeeee
	colAccent     rgb = 0x2e5c8a
	colAccentSoft rgb = 0x9dbfe6
	colGood       rgb = 0x2e7d32
	colAmber      rgb = 0xb26a00
)

func newDoc(loc *i18n.Localizer) (*doc, error) {
	d := &doc{pdf: &gopdf.GoPdf{}, loc: loc, widths: map[fontKey]map[string]float64{}}
	d.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	if err := d.pdf.AddTTFFontDataWithOption(fontRegular, assets.FontRegular, opt); err != nil {
		return nil, fmt.Errorf("load font: %w", err)
	}
	if err := d.pdf.AddTTFFontDataWithOption(fontBold, assets.FontBold, opt); err != nil {
		return nil, fmt.Errorf("load bold font: %w", err)
	}
	return d, nil
}

func (d *doc) fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// bytes finishes the document: footers with page numbers, the table of contents, the
// document information.
func (d *doc) bytes(title, author, subject string, created time.Time) ([]byte, error) {
	d.finishPages()
	if d.err != nil {
		return nil, d.err
	}
	d.pdf.SetInfo(gopdf.PdfInfo{Title: title, Author: author, Subject: subject, Creator: d.loc.T("app.name"),
		Producer: d.loc.T("app.name"), CreationDate: created})
	return d.pdf.GetBytesPdfReturnErr()
}

func (d *doc) newPage() {
	d.pdf.AddPage()
	d.page++
	d.y = contentTop
	if d.page > 1 {
		d.setFont(false, 8)
		d.text(marginL, headerY, d.fit(d.header, contentW*0.68), colMuted)
		d.textRight(contentRight, headerY, d.fit(d.right, contentW*0.3), colMuted)
		d.line(marginL, headerRuleY, contentRight, headerRuleY, colRule, 0.5)
	}
}

func (d *doc) ensure(h float64) {
	if d.page == 0 || d.y+h > contentBottom {
		d.newPage()
	}
}

func (d *doc) finishPages() {
	if d.err != nil || d.page == 0 {
		return
	}
	for p := 2; p <= d.page; p++ {
		d.fail(d.pdf.SetPage(p))
		if d.err != nil {
			return
		}
		d.line(marginL, footerRuleY, contentRight, footerRuleY, colRule, 0.5)
		d.setFont(false, 8)
		d.text(marginL, footerY, d.fit(d.footer, contentW*0.7), colMuted)
		d.textRight(contentRight, footerY, d.loc.Tf("report.page", "Page", p, "Pages", d.page), colMuted)
	}
	d.fail(d.pdf.SetPage(1))
	d.drawTOC()
}

// ---- text ----

func (d *doc) setFont(bold bool, size float64) {
	k := fontKey{bold, size}
	if d.fontOK && d.font == k {
		return
	}
	family := fontRegular
	if bold {
		family = fontBold
	}
	if err := d.pdf.SetFont(family, "", size); err != nil {
		d.fail(fmt.Errorf("set font %s %.1f: %w", family, size, err))
		return
	}
	d.font, d.fontOK = k, true
}

func (d *doc) width(s string) float64 {
	m := d.widths[d.font]
	if m == nil {
		m = map[string]float64{}
		d.widths[d.font] = m
	}
	if w, ok := m[s]; ok {
		return w
	}
	w, err := d.pdf.MeasureTextWidth(s)
	if err != nil {
		d.fail(fmt.Errorf("measure %q: %w", s, err))
		return 0
	}
	m[s] = w
	return w
}

func (d *doc) text(x, y float64, s string, c rgb) {
	s = strings.ReplaceAll(s, "\u00ad", "") // soft hyphens print only where a word breaks
	if s == "" || d.err != nil {
		return
	}
	d.pdf.SetTextColor(c.parts())
	d.pdf.SetXY(x, y)
	d.fail(d.pdf.Cell(nil, s))
}

func (d *doc) textRight(right, y float64, s string, c rgb) { d.text(right-d.width(s), y, s, c) }

func (d *doc) textCenter(center, y float64, s string, c rgb) { d.text(center-d.width(s)/2, y, s, c) }

// fit shortens s with an ellipsis to at most w points in the current font.
func (d *doc) fit(s string, w float64) string {
	if d.width(s) <= w {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.width(strings.TrimRight(string(runes[:mid]), " ")+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// wrap breaks s into lines at most w wide: between words, and inside a word longer than a
// line after a hyphen or slash, else between letters.
func (d *doc) wrap(s string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := ""
		for _, word := range words {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if d.width(cand) <= w {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for d.width(word) > w {
				head, tail := d.breakWord(word, w)
				lines = append(lines, head)
				word = tail
			}
			line = word
		}
		lines = append(lines, line)
	}
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func (d *doc) breakWord(word string, w float64) (string, string) {
	runes := []rune(word)
	best := 0
	for i := 1; i < len(runes); i++ {
		if (runes[i-1] == '-' || runes[i-1] == '/') && d.width(string(runes[:i])) <= w {
			best = i
		}
	}
	if best > 0 {
		return string(runes[:best]), string(runes[best:])
	}
	fits := 1
	for i := 2; i < len(runes); i++ {
		if d.width(string(runes[:i])+"-") > w {
			break
		}
		fits = i
	}
	if fits >= len(runes) {
		return word, ""
	}
	return string(runes[:fits]) + "-", string(runes[fits:])
}

// ---- shapes ----

func (d *doc) fillRect(x, y, w, h float64, c rgb) {
	if d.err != nil || w <= 0 || h <= 0 {
		return
	}
	d.pdf.SetFillColor(c.parts())
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

func (d *doc) strokeRect(x, y, w, h float64, c rgb, lw float64) {
	if d.err != nil {
		return
	}
	d.pdf.SetLineWidth(lw)
	d.pdf.SetStrokeColor(c.parts())
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

func (d *doc) line(x1, y1, x2, y2 float64, c rgb, lw float64) {
	if d.err != nil {
		return
	}
	d.pdf.SetLineWidth(lw)
	d.pdf.SetStrokeColor(c.parts())
	d.pdf.Line(x1, y1, x2, y2)
}

// ---- blocks ----

// section starts a numbered section on a new page (or below the last when newPage is false),
// with an outline entry and a line in the contents.
func (d *doc) section(title string, newPage bool, need float64) {
	d.sect++
	title = strconv.Itoa(d.sect) + "\u2002" + title
	if newPage || d.page == 0 {
		d.newPage()
	} else {
		d.y += 14
		d.ensure(30 + need)
	}
	d.toc = append(d.toc, tocEntry{title: title, page: d.page})
	d.pdf.SetY(d.y)
	d.pdf.AddOutlineWithPosition(title)
	d.setFont(true, 15)
	for _, l := range d.wrap(title, contentW) {
		d.text(marginL, d.y, l, colHeading)
		d.y += 19
	}
	d.y += 6
}

func (d *doc) subHeading(title string, need float64) {
	d.y += 8
	d.ensure(20 + need)
	d.setFont(true, 11)
	for _, l := range d.wrap(title, contentW) {
		d.text(marginL, d.y, l, colHeading)
		d.y += 14
	}
	d.y += 4
}

func (d *doc) paragraph(s string, size float64, bold bool, c rgb) {
	d.setFont(bold, size)
	lh := size * 1.4
	for _, l := range d.wrap(s, contentW) {
		d.ensure(lh)
		d.setFont(bold, size)
		d.text(marginL, d.y, l, c)
		d.y += lh
	}
	d.y += size * 0.5
}

// notice is a framed message with a coloured bar; the text says what it is, the colour only
// underlines it.
func (d *doc) notice(title, body string, bar, fill rgb) {
	const size, pad = 9.0, 8.0
	lh := size * 1.4
	d.setFont(false, size)
	lines := d.wrap(body, contentW-2*pad-4)
	h := 2*pad + lh*float64(len(lines)+1) + 2
	d.ensure(h)
	d.fillRect(marginL, d.y, contentW, h, fill)
	d.fillRect(marginL, d.y, 4, h, bar)
	y := d.y + pad
	d.setFont(true, size)
	d.text(marginL+4+pad, y, title, bar)
	y += lh + 2
	d.setFont(false, size)
	for _, l := range lines {
		d.text(marginL+4+pad, y, l, colText)
		y += lh
	}
	d.y += h + 10
}

// keyValues prints label–value pairs in two columns.
func (d *doc) keyValues(pairs [][2]string, keyW, size float64) {
	lh := size * 1.45
	for _, p := range pairs {
		d.setFont(false, size)
		lines := d.wrap(p[1], contentW-keyW)
		d.setFont(true, size)
		keys := d.wrap(p[0], keyW-8)
		n := max(len(lines), len(keys))
		d.ensure(float64(n)*lh + 4)
		for i, l := range keys {
			d.text(marginL, d.y+float64(i)*lh, l, colMuted)
		}
		d.setFont(false, size)
		for i, l := range lines {
			d.text(marginL+keyW, d.y+float64(i)*lh, l, colText)
		}
		d.y += float64(n)*lh + 4
	}
}

// tiles prints key figures in boxes, four to a row.
func (d *doc) tiles(ts [][2]string) {
	const perRow, gap, h = 4, 8.0, 50.0
	w := (contentW - gap*(perRow-1)) / perRow
	for i, t := range ts {
		col := i % perRow
		if col == 0 {
			if i > 0 {
				d.y += h + gap
			}
			d.ensure(h)
		}
		x := marginL + float64(col)*(w+gap)
		d.fillRect(x, d.y, w, h, colShade)
		d.fillRect(x, d.y, w, 2, colAccent)
		d.setFont(true, 13)
		d.text(x+8, d.y+10, d.fit(t[1], w-16), colHeading)
		d.setFont(false, 7.5)
		for k, l := range d.wrap(t[0], w-16) {
			if k == 2 {
				break
			}
			d.text(x+8, d.y+29+float64(k)*9, l, colMuted)
		}
	}
	if len(ts) > 0 {
		d.y += h + 12
	}
}

func (d *doc) drawTOC() {
	if d.err != nil || len(d.toc) == 0 || d.tocY == 0 {
		return
	}
	y := d.tocY
	d.setFont(true, 11)
	d.text(marginL, y, d.loc.T("report.toc"), colHeading)
	y += 18
	for _, e := range d.toc {
		d.setFont(false, 9.5)
		num := strconv.Itoa(e.page)
		title := d.fit(e.title, contentW-40)
		d.text(marginL, y, title, colText)
		d.textRight(contentRight, y, num, colText)
		x0 := marginL + d.width(title) + 6
		x1 := contentRight - d.width(num) - 6
		for x := x0; x < x1; x += 4 {
			d.fillRect(x, y+7.5, 0.8, 0.8, colRule)
		}
		y += 14.5
	}
}

// ---- tables ----

type align int

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

type column struct {
	title string
	width float64 // relative; scaled so the columns fill the content width
	align align
}

// cell is one table cell: text with an optional emphasis and fill.
type cell struct {
	text  string
	bold  bool
	color rgb // 0: body text
	fill  rgb // 0: none
}

func txt(s string) cell { return cell{text: s} }

type row struct {
	cells []cell
	total bool // a summing row: a rule above, bold
}

const (
	tableSize = 7.5
	tableLH   = tableSize * 1.32
	tablePad  = 3.5
)

// table draws rows under a header that repeats on every page. Rows never split.
func (d *doc) table(cols []column, rows []row) {
	sum := 0.0
	for _, c := range cols {
		sum += c.width
	}
	ws := make([]float64, len(cols))
	for i, c := range cols {
		ws[i] = c.width / sum * contentW
	}
	layout := func(c cell, w float64, bold bool) []string {
		d.setFont(bold || c.bold, tableSize)
		return d.wrap(c.text, w-2*tablePad)
	}
	// A header word never breaks: a column too narrow for its longest word gets a smaller font.
	headers := make([][]string, len(cols))
	hsize := make([]float64, len(cols))
	headerN := 1
	for i, c := range cols {
		hsize[i] = tableSize
		for _, w := range strings.Fields(c.title) {
			d.setFont(true, tableSize)
			if ww := d.width(w); ww > ws[i]-2*tablePad {
				hsize[i] = math.Min(hsize[i], math.Max(5.5, 0.95*tableSize*(ws[i]-2*tablePad)/ww))
			}
		}
		d.setFont(true, hsize[i])
		headers[i] = d.wrap(c.title, ws[i]-2*tablePad)
		headerN = max(headerN, len(headers[i]))
	}
	headerH := float64(headerN)*tableLH + 2*tablePad
	drawHeader := func() {
		d.fillRect(marginL, d.y, contentW, headerH, colHeaderFill)
		x := marginL
		for i, c := range cols {
			d.setFont(true, hsize[i])
			for k, l := range headers[i] {
				d.cellText(x, ws[i], d.y+tablePad+float64(k)*tableLH, l, c.align, colHeading)
			}
			x += ws[i]
		}
		d.y += headerH
		d.line(marginL, d.y, contentRight, d.y, colRule, 0.6)
	}
	first := headerH + tableLH + 2*tablePad
	if d.page == 0 || d.y+first > contentBottom {
		d.newPage()
	}
	drawHeader()
	for ri, r := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for i := range cols {
			var c cell
			if i < len(r.cells) {
				c = r.cells[i]
			}
			lines[i] = layout(c, ws[i], r.total)
			n = max(n, len(lines[i]))
		}
		h := float64(n)*tableLH + 2*tablePad
		if d.y+h > contentBottom {
			d.newPage()
			drawHeader()
		}
		if r.total {
			d.line(marginL, d.y, contentRight, d.y, colHeading, 0.8)
		} else if ri%2 == 1 {
			d.fillRect(marginL, d.y, contentW, h, colShade)
		}
		x := marginL
		for i, c := range cols {
			var cl cell
			if i < len(r.cells) {
				cl = r.cells[i]
			}
			if cl.fill != 0 {
				d.fillRect(x+0.5, d.y+0.5, ws[i]-1, h-1, cl.fill)
			}
			col := cl.color
			if col == 0 {
				col = colText
			}
			d.setFont(cl.bold || r.total, tableSize)
			for k, l := range lines[i] {
				d.cellText(x, ws[i], d.y+tablePad+float64(k)*tableLH, l, c.align, col)
			}
			x += ws[i]
		}
		d.y += h
		d.line(marginL, d.y, contentRight, d.y, colRuleLight, 0.4)
	}
	d.y += 8
}

func (d *doc) cellText(x, w, y float64, s string, a align, c rgb) {
	switch a {
	case alignRight:
		d.textRight(x+w-tablePad, y, s, c)
	case alignCenter:
		d.textCenter(x+w/2, y, s, c)
	default:
		d.text(x+tablePad, y, s, c)
	}
}

// ---- charts ----

// niceStep is a round axis step so that about n steps cover maxV.
func niceStep(maxV float64, n int) float64 {
	if maxV <= 0 {
		return 1
	}
	raw := maxV / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

// barsHeight is the height bars needs for groups of n bars each.
func barsHeight(groups, n int) float64 {
	const barH, gap, legendH = 8.0, 7.0, 16.0
	return math.Min(legendH+float64(groups)*(float64(n)*barH+gap)+18, contentBottom-contentTop-40)
}

// bars draws a horizontal bar chart: one group per label with one bar per series.
func (d *doc) bars(labels []string, series [][]int64, names []string, colors []rgb, format func(int64) string) {
	const labelW, barH, gap, legendH = 150.0, 8.0, 7.0, 16.0
	d.ensure(barsHeight(len(labels), len(series)))
	var top int64
	for _, s := range series {
		for _, v := range s {
			top = max(top, v)
		}
	}
	step := niceStep(float64(top), 4)
	axisMax := step * math.Ceil(float64(top)/step)
	if axisMax == 0 {
		axisMax = 1
	}
	x0, x1 := marginL+labelW, contentRight-40
	scale := func(v int64) float64 { return x0 + (x1-x0)*float64(v)/axisMax }
	// legend
	lx := x0
	d.setFont(false, 7.5)
	for i, n := range names {
		d.fillRect(lx, d.y+2, 8, 8, colors[i])
		d.text(lx+11, d.y+1, n, colText)
		lx += 11 + d.width(n) + 14
	}
	d.y += legendH
	for gi, l := range labels {
		gh := float64(len(series)) * barH
		if d.y+gh+gap > contentBottom {
			d.newPage()
		}
		d.setFont(false, 7.5)
		d.text(marginL, d.y+gh/2-4.5, d.fit(l, labelW-8), colText)
		for si, s := range series {
			y := d.y + float64(si)*barH
			d.fillRect(x0, y+1, scale(s[gi])-x0, barH-2, colors[si])
			d.setFont(false, 6.5)
			d.text(scale(s[gi])+3, y+0.5, format(s[gi]), colMuted)
		}
		d.y += gh + gap
	}
	d.line(x0, d.y-gap/2, x1, d.y-gap/2, colRule, 0.4)
	d.setFont(false, 6.5)
	for v := 0.0; v <= axisMax+step/2; v += step {
		x := x0 + (x1-x0)*v/axisMax
		d.line(x, d.y-gap/2, x, d.y-gap/2+3, colRule, 0.4)
		d.textCenter(x, d.y, format(int64(v)), colMuted)
	}
	d.y += 16
}
