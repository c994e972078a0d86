package present

import (
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
