package present

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"handlingsplan/assets"
)

// Text is measured with the typeface both the view and the handout draw with, from its advance
// widths without kerning: kerning only narrows DejaVu's text, so a line measured to fit does fit.

// denseRunes covers Latin, punctuation and the signs the app prints; rarer runes are looked up
// one by one.
const denseRunes = 0x2500

type faceMetrics struct {
	font   *sfnt.Font
	upem   float64
	adv    []float32 // advance in em by rune, for runes below denseRunes
	ascent float64   // in em
	height float64   // ascent + descent in em
}

type metricsSet struct {
	regular, bold *faceMetrics
}

// metrics parses the embedded fonts once; the tables are read-only afterwards.
var metrics = sync.OnceValue(func() metricsSet {
	return metricsSet{regular: loadFace(assets.FontRegular), bold: loadFace(assets.FontBold)}
})

func loadFace(data []byte) *faceMetrics {
	f, err := sfnt.Parse(data)
	if err != nil {
		// The fonts are embedded in the binary; a broken one is a build error, seen in every test.
		panic("present: parse embedded font: " + err.Error())
	}
	m := &faceMetrics{font: f, upem: float64(f.UnitsPerEm()), adv: make([]float32, denseRunes)}
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	fm, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err == nil {
		m.ascent = float64(fm.Ascent) / 64 / m.upem
		m.height = float64(fm.Ascent+fm.Descent) / 64 / m.upem
	}
	fallback := m.lookup(&buf, 'M')
	for r := rune(0); r < denseRunes; r++ {
		if a := m.lookup(&buf, r); a > 0 || unicode.IsControl(r) || unicode.Is(unicode.Mn, r) {
			m.adv[r] = float32(a)
		} else {
			m.adv[r] = float32(fallback)
		}
	}
	return m
}

func (m *faceMetrics) lookup(buf *sfnt.Buffer, r rune) float64 {
	gi, err := m.font.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		return 0
	}
	a, err := m.font.GlyphAdvance(buf, gi, fixed.Int26_6(m.font.UnitsPerEm())<<6, font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(a) / 64 / m.upem
}

func face(bold bool) *faceMetrics {
	if bold {
		return metrics().bold
	}
	return metrics().regular
}

// measure is the width of s in points at size.
func measure(s string, size float64, bold bool) float64 {
	m := face(bold)
	var em float64
	var buf *sfnt.Buffer
	for _, r := range s {
		if r >= 0 && r < denseRunes {
			em += float64(m.adv[r])
			continue
		}
		if buf == nil {
			buf = &sfnt.Buffer{}
		}
		a := m.lookup(buf, r)
		if a == 0 {
			a = float64(m.adv['M'])
		}
		em += a
	}
	return em * size
}

// fontAscent is the font's ascent in em: where the baseline lies below the top of a text.
func fontAscent(bold bool) float64 { return face(bold).ascent }

// fontHeight is the font's ascent plus descent in em: the height Fyne gives a line of text.
func fontHeight(bold bool) float64 { return face(bold).height }

// wrap breaks s into lines no wider than w at size. Words break at spaces (a no-break space
// keeps "1 234 kr" together); a word wider than a line breaks after a hyphen or slash it has,
// else between letters without an added hyphen (see breakWord). Newlines in s start new lines.
// An empty s gives no lines.
func wrap(s string, size float64, bold bool, w float64) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		// Only spaces and tabs break: strings.Fields would break at a no-break space too.
		words := strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' })
		line, lineW := "", 0.0
		space := measure(" ", size, bold)
		for _, word := range words {
			ww := measure(word, size, bold)
			switch {
			case line == "" && ww <= w:
				line, lineW = word, ww
			case line != "" && lineW+space+ww <= w:
				line += " " + word
				lineW += space + ww
			default:
				if line != "" {
					out = append(out, line)
					line, lineW = "", 0
				}
				for ww > w {
					head, tail := breakWord(word, size, bold, w)
					out = append(out, head)
					word = tail
					ww = measure(word, size, bold)
				}
				line, lineW = word, ww
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// breakWord splits a word that is wider than w: after its last hyphen or slash that leaves a
// head that fits; else after as many letters as fit (at least one), without a hyphen, because
// a hyphen at an arbitrary letter ("dokumenthanteringspl-an") reads as a misspelling. Slides do
// not shrink a word instead: no text on a slide is smaller than SizeBody (projector rule).
func breakWord(word string, size float64, bold bool, w float64) (head, tail string) {
	runes := []rune(word)
	for i := len(runes) - 1; i > 0; i-- {
		if (runes[i-1] == '-' || runes[i-1] == '/') && measure(string(runes[:i]), size, bold) <= w {
			return string(runes[:i]), string(runes[i:])
		}
	}
	n := 1
	for n+1 < len(runes) && measure(string(runes[:n+1]), size, bold) <= w {
		n++
	}
	if tail := len(runes) - n; tail < 3 && n-(3-tail) >= 3 {
		n -= 3 - tail // never leave a lone letter or two on the next line
	}
	return string(runes[:n]), string(runes[n:])
}

// fitText shortens s with an ellipsis until it fits in w.
func fitText(s string, size float64, bold bool, w float64) string {
	if measure(s, size, bold) <= w {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		t := strings.TrimRight(string(runes[:n]), " ") + "…"
		if measure(t, size, bold) <= w {
			return t
		}
	}
	return "…"
}

// fitSize is the largest size from max down to min at which s fits in w (min when none does).
func fitSize(s string, bold bool, w, max, min float64) float64 {
	size := max
	for size > min && measure(s, size, bold) > w {
		size -= 2
	}
	if size < min {
		size = min
	}
	return size
}

func itoa(n int) string { return strconv.Itoa(n) }
