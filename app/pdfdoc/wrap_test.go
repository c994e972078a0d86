package pdfdoc

import (
	"handlingsplan/i18n"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// oneUnitPerRune measures text as one unit per character, so widths are easy to reason about.
func oneUnitPerRune(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestWrapText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		w    float64
		want []string
	}{
		{"fits", "kort text", 20, []string{"kort text"}},
		{"breaks between words", "åtgärder för säker hantering", 12, []string{"åtgärder för", "säker", "hantering"}},
		{"exact width", "abc def", 7, []string{"abc def"}},
		{"newline starts a line", "första\nandra", 40, []string{"första", "andra"}},
		{"blank line kept", "a\n\nb", 40, []string{"a", "", "b"}},
		{"trailing newline dropped", "a\n", 40, []string{"a"}},
		{"spaces collapse", "  a   b  ", 40, []string{"a b"}},
		{"no-break space holds", "summa 1\u00a0234\u00a0567\u00a0kr", 12, []string{"summa", "1\u00a0234\u00a0567\u00a0kr"}},
		{"empty", "", 10, []string{""}},
		{"long word at a hyphen", "Barn-och-utbildningsnämnden", 12, []string{"Barn-och-", "utbildningsn", "ämnden"}},
		{"at a slash", "Säkerhetssamordnare/arkivarie", 20, []string{"Säkerhetssamordnare/", "arkivarie"}},
		{"soft hyphen", "Informations\u00adägare", 14, []string{"Informations-", "ägare"}},
		{"soft hyphen unused when it fits", "Informations\u00adägare", 20, []string{"Informationsägare"}},
		{"hard break adds no hyphen", "säkerhetssamordnare", 8, []string{"säkerhet", "ssamordn", "are"}},
		{"no lone letters after a hard break", "abcdefghij", 9, []string{"abcdefg", "hij"}},
		{"single wide rune", "x", 0.5, []string{"x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := WrapText(tc.in, tc.w, oneUnitPerRune)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("WrapText(%q, %v) = %q, want %q", tc.in, tc.w, got, tc.want)
			}
			for _, l := range got {
				if oneUnitPerRune(l) > tc.w && utf8.RuneCountInString(l) > 1 {
					t.Errorf("line %q is wider than %v", l, tc.w)
				}
				if strings.Contains(l, softHyphen) {
					t.Errorf("line %q prints a soft hyphen", l)
				}
			}
		})
	}
}

// With the real font and widths of table columns, a Swedish compound that does not fit gets the
// largest smaller font at which it does (FitSize) and is never cut; only when even the floor is
// too small is it cut, and then without an invented hyphen.
func TestWrapSwedishWordsRealWidths(t *testing.T) {
	d, err := New(i18n.New(i18n.Swedish))
	if err != nil {
		t.Fatal(err)
	}
	width := func(s string, size float64) float64 { d.SetFont(false, size); return d.Width(s) }
	tests := []struct {
		text    string
		w       float64 // the column's inner width in points
		shrinks bool    // the font must get smaller than TableSize
		cut     bool    // a word is too wide even at TableMinSize
	}{
		{"Säkerhetssamordnare", 80, false, false},
		{"Säkerhetssamordnare", 60, true, false},
		{"Ansvarig: informationssäkerhetssamordnare", 90, true, false},
		{"Revidera dokumenthanteringsplan och arkivbeskrivning", 70, true, false},
		{"Barn- och utbildningsnämnden", 72, false, false},
		{"Kultur-/fritidsnämnden och Säkerhetssamordnare/arkivarie", 80, false, false},
		{"Överförmyndarnämnden", 45, true, true},
		{"informationssäkerhetssamordnare", 60, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			size := FitSize(tc.text, tc.w, TableSize, TableMinSize, width)
			if (size < TableSize) != tc.shrinks {
				t.Errorf("FitSize = %v: shrinks %v, want %v", size, size < TableSize, tc.shrinks)
			}
			if size < TableSize && size > TableMinSize {
				// The largest size that fits: half a point more does not.
				d.SetFont(false, size+0.5)
				if lines := WrapText(tc.text, tc.w, d.Width); rejoin(lines) == tc.text && widest(d, lines) <= tc.w {
					t.Errorf("FitSize = %v, but %v fits too", size, size+0.5)
				}
			}
			d.SetFont(false, size)
			lines := WrapText(tc.text, tc.w, d.Width)
			cut := rejoin(lines) != tc.text
			if cut != tc.cut {
				t.Errorf("lines %q: cut %v, want %v", lines, cut, tc.cut)
			}
			if cut && strings.Join(lines, "") != strings.ReplaceAll(tc.text, " ", "") {
				t.Errorf("lines %q do not give back %q: a hyphen was added or a letter lost", lines, tc.text)
			}
			if !cut && widest(d, lines) > tc.w {
				t.Errorf("lines %q are wider than %v", lines, tc.w)
			}
		})
	}
}

func widest(d *Doc, lines []string) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, d.Width(l))
	}
	return w
}

// rejoin puts wrapped lines back together as WrapText broke them between words: with a space,
// or with nothing after a line that ends in a hyphen or slash of the text.
func rejoin(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && !strings.HasSuffix(lines[i-1], "-") && !strings.HasSuffix(lines[i-1], "/") {
			b.WriteString(" ")
		}
		b.WriteString(l)
	}
	return b.String()
}
