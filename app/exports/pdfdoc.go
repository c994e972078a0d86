package exports

import (
	"fmt"
	"strings"
	"time"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/i18n"
)

// doc is the house style's document (app/pdfdoc, shared with the board report) with the
// pieces only the coordinator's documents draw: key-figure tiles and tables whose columns are
// sized relative to each other.
type doc struct {
	*pdfdoc.Doc
	loc *i18n.Localizer
	// lead is a heading (and intro) waiting for the table after it: drawn with the table so
	// that it is kept with the table's header and first two rows.
	lead *tableLead
}

type tableLead struct {
	title, intro string
	size         float64
	color        pdfdoc.RGB
}

// headTable sets a heading and an intro paragraph ("" for none) for the next table: table
// prints them on the page where the table's header and first two rows fit, never alone at a
// page's foot.
func (d *doc) headTable(title, intro string, size float64, color pdfdoc.RGB) {
	d.lead = &tableLead{title: title, intro: intro, size: size, color: color}
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
// document information with the program's version and the document's language.
func (d *doc) bytes(title, author, subject, appVersion string, created time.Time) ([]byte, error) {
	return d.Finish(pdfdoc.Meta{Title: title, Author: author, Subject: subject,
		Creator: strings.TrimSpace(d.loc.T("app.name") + " " + appVersion),
		Lang:    d.loc.Lang().Tag().String(), Created: created})
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
	// A board's name is never cut between letters: the board column's cells are names.
	boardCol := d.loc.T("overview.col.board")
	prows := make([]pdfdoc.Row, len(rows))
	for i, r := range rows {
		pr := pdfdoc.Row{Total: r.total, Cells: make([]pdfdoc.Cell, len(r.cells)), Fill: make([]pdfdoc.RGB, len(r.cells))}
		for j, c := range r.cells {
			name := j < len(cols) && cols[j].title == boardCol
			pr.Cells[j] = pdfdoc.Cell{{Text: c.text, Bold: c.bold || r.total, Color: c.color, Name: name}}
			pr.Fill[j] = c.fill
		}
		prows[i] = pr
	}
	if l := d.lead; l != nil {
		d.lead = nil
		need := d.TableNeed(pcols, prows)
		if l.intro != "" {
			d.SetFont(false, l.size)
			need += float64(len(d.Wrap(l.intro, pdfdoc.ContentW)))*l.size*1.4 + l.size*0.5
		}
		d.SubHeading(l.title, need)
		if l.intro != "" {
			d.Paragraph(l.intro, l.size, false, l.color)
		}
	}
	d.Table(pcols, prows)
}
