package pdfdoc

import (
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
		{"long word at a hyphen", "Barn-och-utbildningsnämnden", 12, []string{"Barn-och-", "utbildnings-", "nämnden"}},
		{"soft hyphen", "Informations\u00adägare", 14, []string{"Informations-", "ägare"}},
		{"soft hyphen unused when it fits", "Informations\u00adägare", 20, []string{"Informationsägare"}},
		{"hard break adds a hyphen", "säkerhetssamordnare", 8, []string{"säkerhe-", "tssamor-", "dnare"}},
		{"no lone letters after a hard break", "abcdefghij", 9, []string{"abcdefg-", "hij"}},
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
