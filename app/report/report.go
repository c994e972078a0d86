// Package report renders one board's yearly information-security action plan as the
// human-readable PDF of a submission (DESIGN.md §5, part 1): cover, summary, goal coverage,
// activities, timeline, resources by quarter, training schedule, follow-up plan, last year's
// follow-up, the register annex and a signature page.
//
// The output is a plain gopdf PDF with embedded fonts; attaching the payload and signing are
// done afterwards by the submission package.
package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/signintech/gopdf"

	"handlingsplan/app"
	"handlingsplan/assets"
	"handlingsplan/i18n"
)

// Signature describes who signed the plan, for the signature page.
type Signature struct {
	Name        string
	Title       string
	Email       string
	Fingerprint string // certificate fingerprint, already grouped for reading aloud
	Issuer      string
	SignedAt    time.Time
}

// Options are the parts of the report that do not come from the plan itself.
type Options struct {
	Kommun     string // printed on the cover and in the header; Profile.Kommun when empty
	AppVersion string
	Profile    app.Profile // goals, scale names and hours per full-time equivalent
	Signature  *Signature  // nil for an unsigned draft print
	Now        time.Time   // the print date on the cover; time.Now() when zero
}

// Page geometry in points (A4 portrait, 20 mm side margins).
const (
	pageW         = 595.28
	pageH         = 841.89
	marginL       = 56.7
	marginR       = 56.7
	contentW      = pageW - marginL - marginR
	contentRight  = pageW - marginR
	headerY       = 34.0 // header text top
	headerRuleY   = 48.0
	contentTop    = 66.0
	footerRuleY   = pageH - 46
	footerY       = pageH - 40 // footer text top
	contentBottom = footerRuleY - 12
)

// Font families registered with gopdf.
const (
	fontRegular = "DejaVuSansCondensed"
	fontBold    = "DejaVuSansCondensed-Bold"
)

// rgb is a colour as 0xRRGGBB, so the palette can be constants.
type rgb uint32

func (c rgb) parts() (uint8, uint8, uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// The house style: black text, dark blue headings, grey rules, light shading.
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
	colWhite      rgb = 0xffffff
)

// Render draws the report of plan d in the localizer's language.
func Render(d app.PlanData, loc *i18n.Localizer, opt Options) ([]byte, error) {
	if loc == nil {
		return nil, errors.New("render report: no localizer")
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Kommun == "" {
		opt.Kommun = opt.Profile.Kommun
	}
	r := &renderer{
		pdf:    &gopdf.GoPdf{},
		loc:    loc,
		opt:    opt,
		d:      d,
		widths: map[fontKey]map[string]float64{},
	}
	r.acts = inPlanOrder(d.Activities, func(a app.Activity) int { return a.Position })
	r.trainings = inPlanOrder(d.Trainings, func(t app.Training) int { return t.Position })
	r.checkpoints = inPlanOrder(d.Checkpoints, func(c app.Checkpoint) int { return c.Position })

	r.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// A character the font lacks (an emoji, say) prints as "?" rather than vanishing.
	fontOpt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	if err := r.pdf.AddTTFFontDataWithOption(fontRegular, assets.FontRegular, fontOpt); err != nil {
		return nil, fmt.Errorf("render report: load font: %w", err)
	}
	if err := r.pdf.AddTTFFontDataWithOption(fontBold, assets.FontBold, fontOpt); err != nil {
		return nil, fmt.Errorf("render report: load bold font: %w", err)
	}

	r.cover()
	r.summary()
	r.goals()
	r.activities()
	r.timeline()
	r.resources()
	r.trainingSchedule()
	r.followUpPlan()
	r.previous()
	r.register()
	r.signature()
	r.finishPages()
	if r.err != nil {
		return nil, fmt.Errorf("render report for %s %d: %w", d.Plan.Board, d.Plan.Year, r.err)
	}

	raw, err := r.pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("render report for %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	out, err := finishPDF(raw, r.docInfo())
	if err != nil {
		return nil, fmt.Errorf("render report for %s %d: %w", d.Plan.Board, d.Plan.Year, err)
	}
	return out, nil
}

// inPlanOrder returns a copy of rows sorted by their plan position; equal positions keep
// the order they came in.
func inPlanOrder[T any](rows []T, pos func(T) int) []T {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(pos(a), pos(b)) })
	return out
}

type fontKey struct {
	bold bool
	size float64
}

type tocEntry struct {
	title string
	page  int
}

// renderer carries one rendering. Drawing errors are sticky: the first one is kept in err
// and ends the rendering, like bufio.Writer, so the section code reads as layout.
type renderer struct {
	pdf         *gopdf.GoPdf
	loc         *i18n.Localizer
	opt         Options
	d           app.PlanData
	acts        []app.Activity
	trainings   []app.Training
	checkpoints []app.Checkpoint

	page    int     // current page number, 1-based
	y       float64 // top of the next thing to draw on the current page
	font    fontKey
	fontOK  bool
	widths  map[fontKey]map[string]float64
	toc     []tocEntry
	section int     // number of the last numbered section
	tocY    float64 // where the cover's table of contents goes
	err     error
}

func (r *renderer) fail(err error) {
	if err != nil && r.err == nil {
		r.err = err
	}
}

// ---- pages, header and footer ----

func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.page++
	r.y = contentTop
	if r.page > 1 {
		r.pageHeader()
	}
}

// ensure starts a new page unless h more points fit on this one.
func (r *renderer) ensure(h float64) {
	if r.y+h > contentBottom {
		r.newPage()
	}
}

func (r *renderer) headerLeft() string {
	parts := []string{}
	for _, s := range []string{r.opt.Kommun, r.d.Plan.Board} {
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

func (r *renderer) pageHeader() {
	r.setFont(false, 8)
	r.text(marginL, headerY, r.fit(r.headerLeft(), contentW*0.7), colMuted)
	r.textRight(contentRight, headerY, r.loc.Tf("report.header.plan", "Year", r.d.Plan.Year), colMuted)
	r.line(marginL, headerRuleY, contentRight, headerRuleY, colRule, 0.5)
}

// finishPages writes what is known only at the end: "page x of n" in every footer and the
// page numbers of the cover's table of contents.
func (r *renderer) finishPages() {
	if r.err != nil {
		return
	}
	n := r.page
	version := r.loc.Tf("report.footer.version", "Version", r.d.Plan.Version, "Status", r.planStatus())
	for p := 2; p <= n; p++ {
		r.fail(r.pdf.SetPage(p))
		if r.err != nil {
			return
		}
		r.line(marginL, footerRuleY, contentRight, footerRuleY, colRule, 0.5)
		r.setFont(false, 8)
		r.text(marginL, footerY, version, colMuted)
		r.textRight(contentRight, footerY, r.loc.Tf("report.page", "Page", p, "Pages", n), colMuted)
	}
	r.fail(r.pdf.SetPage(1))
	r.drawTOC()
}

// ---- text ----

func (r *renderer) setFont(bold bool, size float64) {
	k := fontKey{bold, size}
	if r.fontOK && r.font == k {
		return
	}
	family := fontRegular
	if bold {
		family = fontBold
	}
	if err := r.pdf.SetFont(family, "", size); err != nil {
		r.fail(fmt.Errorf("set font %s %.1f: %w", family, size, err))
		return
	}
	r.font, r.fontOK = k, true
}

// width measures s in the current font; words repeat a lot, so widths are cached per font.
func (r *renderer) width(s string) float64 {
	m := r.widths[r.font]
	if m == nil {
		m = map[string]float64{}
		r.widths[r.font] = m
	}
	if w, ok := m[s]; ok {
		return w
	}
	w, err := r.pdf.MeasureTextWidth(s)
	if err != nil {
		r.fail(fmt.Errorf("measure %q: %w", s, err))
		return 0
	}
	m[s] = w
	return w
}

// text draws s with its top-left corner at x, y.
func (r *renderer) text(x, y float64, s string, c rgb) {
	if s == "" || r.err != nil {
		return
	}
	r.pdf.SetTextColor(c.parts())
	r.pdf.SetXY(x, y)
	r.fail(r.pdf.Cell(nil, s))
}

func (r *renderer) textRight(right, y float64, s string, c rgb) {
	r.text(right-r.width(s), y, s, c)
}

func (r *renderer) textCenter(center, y float64, s string, c rgb) {
	r.text(center-r.width(s)/2, y, s, c)
}

// fit shortens s with an ellipsis so that it is at most w wide in the current font.
func (r *renderer) fit(s string, w float64) string {
	if r.width(s) <= w {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits, by bisection
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.width(strings.TrimRight(string(runes[:mid]), " ")+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// wrap breaks s into lines no wider than w in the current font. Lines break between words
// (at spaces; a no-break space holds a number together). A word wider than a whole line is
// broken at a soft hyphen (U+00AD, which labels may carry), after a hyphen or slash, or, as
// a last resort, between letters with a hyphen added. Newlines start new lines.
func (r *renderer) wrap(s string, w float64) []string {
	return wrapText(s, w, r.width)
}

const softHyphen = "\u00ad"

// visible drops soft hyphens, which print only where a line breaks.
func visible(s string) string { return strings.ReplaceAll(s, softHyphen, "") }

func wrapText(s string, w float64, width func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		words := strings.FieldsFunc(para, func(c rune) bool { return c == ' ' || c == '\t' })
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		space := width(" ")
		line, lineW := "", 0.0
		for _, word := range words {
			ww := width(visible(word))
			switch {
			case line == "" && ww <= w:
				line, lineW = visible(word), ww
			case line != "" && lineW+space+ww <= w:
				line, lineW = line+" "+visible(word), lineW+space+ww
			default:
				if line != "" {
					lines = append(lines, line)
				}
				for ww > w { // a single word longer than the line
					head, tail := breakWord(word, w, width)
					lines = append(lines, head)
					word = tail
					ww = width(visible(word))
				}
				line, lineW = visible(word), ww
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	// Trailing empty lines (from a final newline) would only add height.
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// breakWord splits an over-long word at the last soft hyphen, hyphen or slash that leaves
// a head no wider than w; failing that, after as many letters as fit (at least one, so
// wrapping always ends), with a hyphen when it cuts between two letters.
func breakWord(word string, w float64, width func(string) float64) (head, tail string) {
	runes := []rune(word)
	if len(runes) < 2 {
		return visible(word), ""
	}
	best := 0
	for i := 1; i < len(runes); i++ {
		var h string
		switch runes[i-1] {
		case '\u00ad':
			h = visible(string(runes[:i])) + "-"
		case '-', '/':
			h = visible(string(runes[:i]))
		default:
			continue
		}
		if width(h) <= w {
			best, head = i, h
		}
	}
	if best > 0 {
		return head, string(runes[best:])
	}
	fits := 1
	for i := 2; i < len(runes); i++ {
		if width(visible(string(runes[:i]))+"-") > w {
			break
		}
		fits = i
	}
	if tail := len(runes) - fits; tail < 3 && fits-(3-tail) >= 3 {
		fits -= 3 - tail // never leave a lone letter or two on the next line
	}
	head = visible(string(runes[:fits]))
	if unicode.IsLetter(runes[fits-1]) && unicode.IsLetter(runes[fits]) {
		head += "-"
	}
	return head, string(runes[fits:])
}

// ---- shapes ----

func (r *renderer) fillRect(x, y, w, h float64, c rgb) {
	if r.err != nil || w <= 0 || h <= 0 {
		return
	}
	r.pdf.SetFillColor(c.parts())
	r.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

func (r *renderer) strokeRect(x, y, w, h float64, c rgb, lw float64) {
	if r.err != nil {
		return
	}
	r.pdf.SetLineWidth(lw)
	r.pdf.SetStrokeColor(c.parts())
	r.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

func (r *renderer) line(x1, y1, x2, y2 float64, c rgb, lw float64) {
	if r.err != nil {
		return
	}
	r.pdf.SetLineWidth(lw)
	r.pdf.SetStrokeColor(c.parts())
	r.pdf.Line(x1, y1, x2, y2)
}

// ---- blocks ----

// sectionHeading starts a section, on a new page when asked or when fewer than need points
// are left below the heading, and adds it to the outline and the contents. The plan's
// sections are numbered so that a meeting can refer to them; the annex and the signature
// page are not.
func (r *renderer) sectionHeading(title string, numbered, newPage bool, need float64) {
	if numbered {
		r.section++
		title = strconv.Itoa(r.section) + "\u2002" + title
	}
	if newPage || r.page == 0 {
		r.newPage()
	} else {
		r.y += 14
		r.ensure(30 + need)
	}
	r.toc = append(r.toc, tocEntry{title: title, page: r.page})
	r.pdf.SetY(r.y)
	r.pdf.AddOutlineWithPosition(title)
	r.setFont(true, 15)
	for _, l := range r.wrap(title, contentW) {
		r.text(marginL, r.y, l, colHeading)
		r.y += 19
	}
	r.y += 6
}

func (r *renderer) subHeading(title string, need float64) {
	r.y += 8
	r.ensure(20 + need)
	r.setFont(true, 11)
	for _, l := range r.wrap(title, contentW) {
		r.text(marginL, r.y, l, colHeading)
		r.y += 14
	}
	r.y += 4
}

// paragraph prints wrapped body text, breaking pages between lines.
func (r *renderer) paragraph(s string, size float64, bold bool, c rgb) {
	r.setFont(bold, size)
	lh := size * 1.4
	for _, l := range r.wrap(s, contentW) {
		r.ensure(lh)
		r.setFont(bold, size)
		r.text(marginL, r.y, l, c)
		r.y += lh
	}
	r.y += size * 0.5
}

// notice prints a framed message with a coloured bar, e.g. the annex's confidentiality
// warning. The text says what it is; the colour only underlines it.
func (r *renderer) notice(title, body string, bar, fill rgb) {
	const size, pad = 9.0, 8.0
	lh := size * 1.4
	r.setFont(false, size)
	lines := r.wrap(body, contentW-2*pad-4)
	h := 2*pad + lh*float64(len(lines)+1) + 2
	r.ensure(h)
	r.fillRect(marginL, r.y, contentW, h, fill)
	r.fillRect(marginL, r.y, 4, h, bar)
	y := r.y + pad
	r.setFont(true, size)
	r.text(marginL+4+pad, y, title, bar)
	y += lh + 2
	r.setFont(false, size)
	for _, l := range lines {
		r.text(marginL+4+pad, y, l, colText)
		y += lh
	}
	r.y += h + 10
}

// ---- shared formatting ----

func (r *renderer) planStatus() string {
	return r.keyOr("status."+string(r.d.Plan.Status), string(r.d.Plan.Status))
}

// keyOr translates key when it exists; unknown enum values from a newer version print as
// they are instead of as a missing-key marker.
func (r *renderer) keyOr(key, fallback string) string {
	if r.loc.Has(key) {
		return r.loc.T(key)
	}
	return fallback
}

func (r *renderer) priority(p app.Priority) string {
	return r.keyOr("priority."+strconv.Itoa(int(p)), "")
}

func (r *renderer) hours(n int64) string {
	return r.loc.Tf("unit.hours", "N", r.loc.Number(n))
}

func (r *renderer) fte(hours int64) string {
	return r.loc.Tf("unit.fte", "N", r.loc.FTE(hours, r.opt.Profile.HoursPerFTE))
}

func (r *renderer) period(start, end time.Time) string {
	s, e := r.loc.Date(start), r.loc.Date(end)
	switch {
	case s == "" && e == "":
		return "–"
	case e == "" || s == e:
		return s
	case s == "":
		return "– " + e
	}
	return s + "\n– " + e
}

// sentenceCase capitalises the first letter: the policy's goals are written to follow
// "att:" and start in lower case.
func sentenceCase(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

// appName is the app's name with its version, e.g. "Handlingsplan 1.4.2".
func (r *renderer) appName() string {
	return strings.TrimSpace(r.loc.T("app.name") + " " + r.opt.AppVersion)
}

func (r *renderer) docInfo() docInfo {
	p := r.d.Plan
	author := p.Board // the board owns the plan
	if author == "" {
		author = r.opt.Kommun
	}
	return docInfo{
		Title:    r.loc.Tf("report.doc.title", "Year", p.Year, "Board", p.Board),
		Author:   author,
		Subject:  r.loc.Tf("report.doc.subject", "Year", p.Year, "Board", p.Board, "Kommun", r.opt.Kommun),
		Keywords: r.loc.Tf("report.doc.keywords", "Year", p.Year, "Board", p.Board, "Kommun", r.opt.Kommun),
		Creator:  r.appName(),
		Producer: "gopdf",
		Created:  r.opt.Now,
		Lang:     r.loc.Lang().Tag().String(),
	}
}
