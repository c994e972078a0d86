// Package pdfdoc is the house style of the app's printed documents: an A4 gopdf document with
// the embedded DejaVu Sans Condensed fonts, the palette, the page geometry, a header and a
// "Sida x av N" footer, numbered headings with outline entries and a table of contents,
// word-wrapped text and tables that repeat their header on every page.
//
// The board report (app/report) and the coordinator's documents (app/exports) draw with it,
// so all of them look alike. Every PDF the app writes, the slide handout too, gets its document
// information and language from WithMeta; Attach embeds the submission's payload.
package pdfdoc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"

	"handlingsplan/assets"
	"handlingsplan/i18n"
)

// Page geometry in points (A4 portrait, 20 mm side margins).
const (
	PageW         = 595.28
	PageH         = 841.89
	MarginL       = 56.7
	MarginR       = 56.7
	ContentW      = PageW - MarginL - MarginR
	ContentRight  = PageW - MarginR
	HeaderY       = 34.0 // header text top
	HeaderRuleY   = 48.0
	ContentTop    = 66.0
	FooterRuleY   = PageH - 46
	FooterY       = PageH - 40 // footer text top
	ContentBottom = FooterRuleY - 12
)

// Font families registered with gopdf.
const (
	FontRegular = "DejaVuSansCondensed"
	FontBold    = "DejaVuSansCondensed-Bold"
)

// RGB is a colour as 0xRRGGBB, so the palette can be constants.
type RGB uint32

// Parts returns the red, green and blue bytes.
func (c RGB) Parts() (uint8, uint8, uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// The house style: black text, dark blue headings, grey rules, light shading.
const (
	ColText       RGB = 0x1f1f1f
	ColMuted      RGB = 0x5f6368
	ColHeading    RGB = 0x17365d
	ColRule       RGB = 0xa6adb4
	ColRuleLight  RGB = 0xd5d9de
	ColHeaderFill RGB = 0xdde5ef
	ColShade      RGB = 0xf3f5f8
	ColWarn       RGB = 0x9b1c1c
	ColWarnFill   RGB = 0xfbeeee
	ColWhite      RGB = 0xffffff
)

type fontKey struct {
	bold bool
	size float64
}

type tocEntry struct {
	title string
	page  int
}

// Doc is one document being drawn. Drawing errors are sticky: the first one is kept (Err) and
// ends the drawing, like bufio.Writer, so layout code reads as layout.
//
// Y is the top of the next thing to draw on the current page; callers advance it.
type Doc struct {
	PDF *gopdf.GoPdf
	Y   float64

	// HeaderLeft and HeaderRight are printed at the top of every page but the first,
	// FooterLeft at the bottom left of those pages (the page number goes right).
	HeaderLeft, HeaderRight, FooterLeft string
	// TOCY, when set, is where Finish draws the table of contents on page 1.
	TOCY float64

	loc     *i18n.Localizer
	page    int
	font    fontKey
	fontOK  bool
	widths  map[fontKey]map[string]float64
	toc     []tocEntry
	section int
	err     error
}

// New starts an A4 document with the house fonts; loc translates the page numbers and the
// contents heading.
func New(loc *i18n.Localizer) (*Doc, error) {
	d := &Doc{PDF: &gopdf.GoPdf{}, loc: loc, widths: map[fontKey]map[string]float64{}}
	d.PDF.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// A character the font lacks (an emoji, say) prints as "?" rather than vanishing.
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	if err := d.PDF.AddTTFFontDataWithOption(FontRegular, assets.FontRegular, opt); err != nil {
		return nil, fmt.Errorf("load font: %w", err)
	}
	if err := d.PDF.AddTTFFontDataWithOption(FontBold, assets.FontBold, opt); err != nil {
		return nil, fmt.Errorf("load bold font: %w", err)
	}
	return d, nil
}

// Err is the first drawing error.
func (d *Doc) Err() error { return d.err }

// Fail keeps err unless an earlier error is kept already.
func (d *Doc) Fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// Page is the current page number, 1-based; 0 before the first page.
func (d *Doc) Page() int { return d.page }

// Sections is the number of numbered sections so far.
func (d *Doc) Sections() int { return d.section }

// NewPage starts a page; every page but the first gets the header.
func (d *Doc) NewPage() {
	d.PDF.AddPage()
	d.page++
	d.Y = ContentTop
	if d.page > 1 {
		d.SetFont(false, 8)
		// The right part (what the document is) is short; the left part gives way to it.
		right := d.Fit(d.HeaderRight, ContentW*0.5)
		d.Text(MarginL, HeaderY, d.Fit(d.HeaderLeft, min(ContentW*0.7, ContentW-d.Width(right)-12)), ColMuted)
		d.TextRight(ContentRight, HeaderY, right, ColMuted)
		d.Line(MarginL, HeaderRuleY, ContentRight, HeaderRuleY, ColRule, 0.5)
	}
}

// Ensure starts a new page unless h more points fit on this one.
func (d *Doc) Ensure(h float64) {
	if d.page == 0 || d.Y+h > ContentBottom {
		d.NewPage()
	}
}

// Finish writes what is known only at the end (the footers with "page x of n", the page
// numbers of the contents) and returns the PDF with the document information m.
func (d *Doc) Finish(m Meta) ([]byte, error) {
	d.finishPages()
	if d.err != nil {
		return nil, d.err
	}
	raw, err := d.PDF.GetBytesPdfReturnErr()
	if err != nil {
		return nil, err
	}
	return WithMeta(raw, m)
}

func (d *Doc) finishPages() {
	if d.err != nil || d.page == 0 {
		return
	}
	for p := 2; p <= d.page; p++ {
		d.Fail(d.PDF.SetPage(p))
		if d.err != nil {
			return
		}
		d.Line(MarginL, FooterRuleY, ContentRight, FooterRuleY, ColRule, 0.5)
		d.SetFont(false, 8)
		d.Text(MarginL, FooterY, d.Fit(d.FooterLeft, ContentW*0.7), ColMuted)
		d.TextRight(ContentRight, FooterY, d.loc.Tf("report.page", "Page", p, "Pages", d.page), ColMuted)
	}
	d.Fail(d.PDF.SetPage(1))
	d.drawTOC()
}

// drawTOC fills the contents once every section's page is known.
func (d *Doc) drawTOC() {
	if d.err != nil || len(d.toc) == 0 || d.TOCY == 0 {
		return
	}
	y := d.TOCY
	d.SetFont(true, 11)
	d.Text(MarginL, y, d.loc.T("report.toc"), ColHeading)
	y += 18
	for _, e := range d.toc {
		d.SetFont(false, 9.5)
		num := strconv.Itoa(e.page)
		title := d.Fit(e.title, ContentW-40)
		d.Text(MarginL, y, title, ColText)
		d.TextRight(ContentRight, y, num, ColText)
		// dotted leader between title and page number
		x0 := MarginL + d.Width(title) + 6
		x1 := ContentRight - d.Width(num) - 6
		for x := x0; x < x1; x += 4 {
			d.FillRect(x, y+7.5, 0.8, 0.8, ColRule)
		}
		y += 14.5
	}
}

// ---- text ----

// SetFont selects the regular or bold house font at size points.
func (d *Doc) SetFont(bold bool, size float64) {
	k := fontKey{bold, size}
	if d.fontOK && d.font == k {
		return
	}
	family := FontRegular
	if bold {
		family = FontBold
	}
	if err := d.PDF.SetFont(family, "", size); err != nil {
		d.Fail(fmt.Errorf("set font %s %.1f: %w", family, size, err))
		return
	}
	d.font, d.fontOK = k, true
}

// Width measures s in the current font; words repeat a lot, so widths are cached per font.
func (d *Doc) Width(s string) float64 {
	m := d.widths[d.font]
	if m == nil {
		m = map[string]float64{}
		d.widths[d.font] = m
	}
	if w, ok := m[s]; ok {
		return w
	}
	w, err := d.PDF.MeasureTextWidth(s)
	if err != nil {
		d.Fail(fmt.Errorf("measure %q: %w", s, err))
		return 0
	}
	m[s] = w
	return w
}

// Text draws s with its top-left corner at x, y.
func (d *Doc) Text(x, y float64, s string, c RGB) {
	s = visible(s)
	if s == "" || d.err != nil {
		return
	}
	d.PDF.SetTextColor(c.Parts())
	d.PDF.SetXY(x, y)
	d.Fail(d.PDF.Cell(nil, s))
}

// TextRight draws s ending at right.
func (d *Doc) TextRight(right, y float64, s string, c RGB) { d.Text(right-d.Width(s), y, s, c) }

// TextCenter draws s centred on center.
func (d *Doc) TextCenter(center, y float64, s string, c RGB) { d.Text(center-d.Width(s)/2, y, s, c) }

// Fit shortens s with an ellipsis so that it is at most w wide in the current font.
func (d *Doc) Fit(s string, w float64) string {
	if d.Width(s) <= w {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits, by bisection
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.Width(strings.TrimRight(string(runes[:mid]), " ")+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// Wrap breaks s into lines no wider than w in the current font (see WrapText).
func (d *Doc) Wrap(s string, w float64) []string { return WrapText(s, w, d.Width) }

// ---- shapes ----

// FillRect fills a rectangle given by its top-left corner.
func (d *Doc) FillRect(x, y, w, h float64, c RGB) {
	if d.err != nil || w <= 0 || h <= 0 {
		return
	}
	d.PDF.SetFillColor(c.Parts())
	d.PDF.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// StrokeRect outlines a rectangle given by its top-left corner.
func (d *Doc) StrokeRect(x, y, w, h float64, c RGB, lw float64) {
	if d.err != nil {
		return
	}
	d.PDF.SetLineWidth(lw)
	d.PDF.SetStrokeColor(c.Parts())
	d.PDF.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// Line draws a line lw points wide.
func (d *Doc) Line(x1, y1, x2, y2 float64, c RGB, lw float64) {
	if d.err != nil {
		return
	}
	d.PDF.SetLineWidth(lw)
	d.PDF.SetStrokeColor(c.Parts())
	d.PDF.Line(x1, y1, x2, y2)
}

// ---- blocks ----

// Section starts a section, on a new page when asked or when fewer than need points are left
// below the heading, and adds it to the outline and the contents. Numbered sections get the
// next number, so that a meeting can refer to them.
func (d *Doc) Section(title string, numbered, newPage bool, need float64) {
	if numbered {
		d.section++
		title = strconv.Itoa(d.section) + "\u2002" + title
	}
	if newPage || d.page == 0 {
		d.NewPage()
	} else {
		d.Y += 14
		d.Ensure(30 + need)
	}
	d.toc = append(d.toc, tocEntry{title: title, page: d.page})
	d.PDF.SetY(d.Y)
	d.PDF.AddOutlineWithPosition(title)
	d.SetFont(true, 15)
	for _, l := range d.Wrap(title, ContentW) {
		d.Text(MarginL, d.Y, l, ColHeading)
		d.Y += 19
	}
	d.Y += 6
}

// SubHeading prints a heading inside a section, kept with need points of what follows.
func (d *Doc) SubHeading(title string, need float64) {
	d.Y += 8
	d.Ensure(20 + need)
	d.SetFont(true, 11)
	for _, l := range d.Wrap(title, ContentW) {
		d.Text(MarginL, d.Y, l, ColHeading)
		d.Y += 14
	}
	d.Y += 4
}

// Paragraph prints wrapped body text, breaking pages between lines.
func (d *Doc) Paragraph(s string, size float64, bold bool, c RGB) {
	d.SetFont(bold, size)
	lh := size * 1.4
	for _, l := range d.Wrap(s, ContentW) {
		d.Ensure(lh)
		d.SetFont(bold, size)
		d.Text(MarginL, d.Y, l, c)
		d.Y += lh
	}
	d.Y += size * 0.5
}

// Notice prints a framed message with a coloured bar, e.g. a confidentiality warning. The
// text says what it is; the colour only underlines it.
func (d *Doc) Notice(title, body string, bar, fill RGB) {
	const size, pad = 9.0, 8.0
	lh := size * 1.4
	d.SetFont(false, size)
	lines := d.Wrap(body, ContentW-2*pad-4)
	h := 2*pad + lh*float64(len(lines)+1) + 2
	d.Ensure(h)
	d.FillRect(MarginL, d.Y, ContentW, h, fill)
	d.FillRect(MarginL, d.Y, 4, h, bar)
	y := d.Y + pad
	d.SetFont(true, size)
	d.Text(MarginL+4+pad, y, title, bar)
	y += lh + 2
	d.SetFont(false, size)
	for _, l := range lines {
		d.Text(MarginL+4+pad, y, l, ColText)
		y += lh
	}
	d.Y += h + 10
}

// KeyValues prints label–value pairs in two columns, the value wrapping under itself.
func (d *Doc) KeyValues(pairs [][2]string, keyW, size float64) {
	lh := size * 1.45
	for _, p := range pairs {
		d.SetFont(false, size)
		lines := d.Wrap(p[1], ContentW-keyW)
		d.SetFont(true, size)
		keys := d.Wrap(p[0], keyW-8)
		n := max(len(lines), len(keys))
		d.Ensure(float64(n)*lh + 4)
		for i, l := range keys {
			d.Text(MarginL, d.Y+float64(i)*lh, l, ColMuted)
		}
		d.SetFont(false, size)
		for i, l := range lines {
			d.Text(MarginL+keyW, d.Y+float64(i)*lh, l, ColText)
		}
		d.Y += float64(n)*lh + 4
	}
}
