package exports

import (
	"fmt"
	"math"
	"time"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/i18n"
)

// doc is the house style's document (app/pdfdoc, shared with the board report) with the
// pieces only the coordinator's documents draw: key-figure tiles, bar charts and tables whose
// columns are sized relative to each other.
type doc struct {
	*pdfdoc.Doc
	loc *i18n.Localizer
}

// Colours beyond the house palette: an accent and a green and amber for follow-up bars.
const (
	colAccent     pdfdoc.RGB = 0x2e5c8a
	colAccentSoft pdfdoc.RGB = 0x9dbfe6
	colGood       pdfdoc.RGB = 0x2e7d32
	colAmber      pdfdoc.RGB = 0xb26a00
)

func newDoc(loc *i18n.Localizer) (*doc, error) {
	d, err := pdfdoc.New(loc)
	if err != nil {
		return nil, fmt.Errorf("new document: %w", err)
	}
	return &doc{Doc: d, loc: loc}, nil
}

// bytes finishes the document: footers with page numbers, the table of contents, the
// document information.
func (d *doc) bytes(title, author, subject string, created time.Time) ([]byte, error) {
	d.SetInfo(title, author, subject, d.loc.T("app.name"), d.loc.T("app.name"), created)
	return d.Finish()
}

// tiles prints key figures in boxes, four to a row.
func (d *doc) tiles(ts [][2]string) {
	const perRow, gap, h = 4, 8.0, 50.0
	w := (pdfdoc.ContentW - gap*(perRow-1)) / perRow
	for i, t := range ts {
		col := i % perRow
		if col == 0 {
			if i > 0 {
				d.Y += h + gap
			}
			d.Ensure(h)
		}
		x := pdfdoc.MarginL + float64(col)*(w+gap)
		d.FillRect(x, d.Y, w, h, pdfdoc.ColShade)
		d.FillRect(x, d.Y, w, 2, colAccent)
		d.SetFont(true, 13)
		d.Text(x+8, d.Y+10, d.Fit(t[1], w-16), pdfdoc.ColHeading)
		d.SetFont(false, 7.5)
		for k, l := range d.Wrap(t[0], w-16) {
			if k == 2 {
				break
			}
			d.Text(x+8, d.Y+29+float64(k)*9, l, pdfdoc.ColMuted)
		}
	}
	if len(ts) > 0 {
		d.Y += h + 12
	}
}

// ---- tables ----

type column struct {
	title string
	width float64 // relative; scaled so the columns fill the content width
	align pdfdoc.Align
}

// cell is one table cell: text with an optional emphasis and fill.
type cell struct {
	text  string
	bold  bool
	color pdfdoc.RGB // 0: body text
	fill  pdfdoc.RGB // 0: none
}

func txt(s string) cell { return cell{text: s} }

type row struct {
	cells []cell
	total bool // a summing row: a rule above, bold
}

// table draws rows in the house table (header repeated on every page, rows never split),
// with the relative column widths scaled to the content width.
func (d *doc) table(cols []column, rows []row) {
	sum := 0.0
	for _, c := range cols {
		sum += c.width
	}
	pcols := make([]pdfdoc.Column, len(cols))
	for i, c := range cols {
		pcols[i] = pdfdoc.Column{Title: c.title, Width: c.width / sum * pdfdoc.ContentW, Align: c.align}
	}
	prows := make([]pdfdoc.Row, len(rows))
	for i, r := range rows {
		pr := pdfdoc.Row{Total: r.total, Cells: make([]pdfdoc.Cell, len(r.cells)), Fill: make([]pdfdoc.RGB, len(r.cells))}
		for j, c := range r.cells {
			pr.Cells[j] = pdfdoc.Cell{{Text: c.text, Bold: c.bold || r.total, Color: c.color}}
			pr.Fill[j] = c.fill
		}
		prows[i] = pr
	}
	d.Table(pcols, prows)
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
	return math.Min(legendH+float64(groups)*(float64(n)*barH+gap)+18, pdfdoc.ContentBottom-pdfdoc.ContentTop-40)
}

// bars draws a horizontal bar chart: one group per label with one bar per series.
func (d *doc) bars(labels []string, series [][]int64, names []string, colors []pdfdoc.RGB, format func(int64) string) {
	const labelW, barH, gap, legendH = 150.0, 8.0, 7.0, 16.0
	d.Ensure(barsHeight(len(labels), len(series)))
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
	x0, x1 := pdfdoc.MarginL+labelW, pdfdoc.ContentRight-40
	scale := func(v int64) float64 { return x0 + (x1-x0)*float64(v)/axisMax }
	// legend
	lx := x0
	d.SetFont(false, 7.5)
	for i, n := range names {
		d.FillRect(lx, d.Y+2, 8, 8, colors[i])
		d.Text(lx+11, d.Y+1, n, pdfdoc.ColText)
		lx += 11 + d.Width(n) + 14
	}
	d.Y += legendH
	for gi, l := range labels {
		gh := float64(len(series)) * barH
		if d.Y+gh+gap > pdfdoc.ContentBottom {
			d.NewPage()
		}
		d.SetFont(false, 7.5)
		d.Text(pdfdoc.MarginL, d.Y+gh/2-4.5, d.Fit(l, labelW-8), pdfdoc.ColText)
		for si, s := range series {
			y := d.Y + float64(si)*barH
			d.FillRect(x0, y+1, scale(s[gi])-x0, barH-2, colors[si])
			d.SetFont(false, 6.5)
			d.Text(scale(s[gi])+3, y+0.5, format(s[gi]), pdfdoc.ColMuted)
		}
		d.Y += gh + gap
	}
	d.Line(x0, d.Y-gap/2, x1, d.Y-gap/2, pdfdoc.ColRule, 0.4)
	d.SetFont(false, 6.5)
	for v := 0.0; v <= axisMax+step/2; v += step {
		x := x0 + (x1-x0)*v/axisMax
		d.Line(x, d.Y-gap/2, x, d.Y-gap/2+3, pdfdoc.ColRule, 0.4)
		d.TextCenter(x, d.Y, format(int64(v)), pdfdoc.ColMuted)
	}
	d.Y += 16
}
