package present

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/assets"
)

// HandoutOptions are what the handout prints besides the deck.
type HandoutOptions struct {
	AppVersion string // in the document properties ("Handlingsplan 0.1.0")
	AppName    string // the program's name for the document properties
}

const (
	pdfFontRegular = "dejavu"
	pdfFontBold    = "dejavu-bold"
)

// Handout prints the deck as a PDF for the meeting papers: one 16:9 page per slide, the same
// items in the same places, with fonts embedded so the text can be searched and copied.
func Handout(d *Deck, opt HandoutOptions) ([]byte, error) {
	if d == nil || len(d.Slides) == 0 {
		return nil, errors.New("handout: empty deck")
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: SlideW, H: SlideH}, Unit: gopdf.UnitPT})
	if err := pdf.AddTTFFontData(pdfFontRegular, assets.FontRegular); err != nil {
		return nil, fmt.Errorf("handout %q: load font: %w", d.Title, err)
	}
	if err := pdf.AddTTFFontData(pdfFontBold, assets.FontBold); err != nil {
		return nil, fmt.Errorf("handout %q: load bold font: %w", d.Title, err)
	}

	w := &pdfWriter{pdf: pdf}
	for i, s := range d.Slides {
		pdf.AddPage()
		if i == 0 || s.Kind != d.Slides[i-1].Kind {
			// A bookmark per section, so the meeting papers can be browsed like the talk.
			pdf.AddOutline(s.Title)
		}
		for _, it := range s.Items {
			w.item(it)
		}
		for _, it := range d.Footer(i) {
			w.item(it)
		}
		if w.err != nil {
			return nil, fmt.Errorf("handout %q: slide %d: %w", d.Title, i+1, w.err)
		}
	}
	raw, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("handout %q: %w", d.Title, err)
	}
	made := d.Made
	if made.IsZero() {
		made = time.Now()
	}
	out, err := pdfdoc.WithMeta(raw, pdfdoc.Meta{Title: d.Title, Author: d.Author, Lang: d.Lang.Tag().String(), Created: made,
		Creator: strings.TrimSpace(opt.AppName + " " + opt.AppVersion)})
	if err != nil {
		return nil, fmt.Errorf("handout %q: %w", d.Title, err)
	}
	return out, nil
}

// pdfWriter draws items; the first error sticks, like bufio.Writer.
type pdfWriter struct {
	pdf    *gopdf.GoPdf
	err    error
	font   string
	size   float64
	hasFnt bool
}

func (w *pdfWriter) item(it Item) {
	if w.err != nil {
		return
	}
	r, g, b := it.Color.RGB()
	switch it.Kind {
	case ItemRect:
		w.pdf.SetFillColor(r, g, b)
		w.pdf.RectFromUpperLeftWithStyle(it.X, it.Y, it.W, it.H, "F")
	case ItemLine:
		w.pdf.SetStrokeColor(r, g, b)
		w.pdf.SetLineWidth(it.Stroke)
		w.pdf.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
	case ItemText:
		if it.Text == "" {
			return
		}
		family := pdfFontRegular
		if it.Bold {
			family = pdfFontBold
		}
		if !w.hasFnt || w.font != family || w.size != it.Size {
			if err := w.pdf.SetFont(family, "", it.Size); err != nil {
				w.err = fmt.Errorf("set font %s %.1f: %w", family, it.Size, err)
				return
			}
			w.font, w.size, w.hasFnt = family, it.Size, true
		}
		x := it.X
		if it.Align != AlignLeft {
			tw, err := w.pdf.MeasureTextWidth(it.Text)
			if err != nil {
				w.err = fmt.Errorf("measure %q: %w", it.Text, err)
				return
			}
			if it.Align == AlignRight {
				x = it.X + it.W - tw
			} else {
				x = it.X + (it.W-tw)/2
			}
		}
		// The same vertical place as on screen: the line box centred on the font's height.
		baseline := it.Y + (it.H-fontHeight(it.Bold)*it.Size)/2 + fontAscent(it.Bold)*it.Size
		w.pdf.SetTextColor(r, g, b)
		w.pdf.SetXY(x, baseline)
		if err := w.pdf.Text(it.Text); err != nil {
			w.err = fmt.Errorf("text %q: %w", it.Text, err)
		}
	}
}
