package pdfsign

import (
	"testing"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdftest"
)

func TestSignTextIsSafe(t *testing.T) {
	tests := []string{"Åsa (t.f.)", "č", "Ŝ\\", "\u2028", "😀", "a\r\nb", "ok åäö"}
	for _, in := range tests {
		out := signText(in)
		if isASCII(in) {
			if out != in {
				t.Errorf("%q: ASCII changed to %q", in, out)
			}
			continue
		}
		// What pdfsign writes: UTF-16BE of out; no byte of it may break a literal string
		// except the backslashes we put there as escapes.
		for i, r := range out {
			if r > 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
				t.Errorf("%q: rune %U at %d is not a plain BMP character", in, r, i)
			}
			hi, lo := byte(r>>8), byte(r)
			if (unsafeInLiteral(hi) && hi != '\\') || unsafeInLiteral(lo) {
				t.Errorf("%q: rune %U writes an unsafe byte", in, r)
			}
		}
		// As a PDF reader sees the literal string pdfsign writes.
		lit := append(append([]byte("(\xFE\xFF"), utf16BE(out)...), ')')
		f, err := pdfread.Open(pdftest.Build(map[int]string{1: "<</Type/Catalog>>", 2: string(lit)}, ""))
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.Object(2)
		if s, ok := v.(pdfread.String); !ok || err != nil || s.Text() != in || s.End-s.Start != len(lit) {
			t.Errorf("%q: reads back as %#v (%v)", in, v, err)
		}
	}
}

func utf16BE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}
