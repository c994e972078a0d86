package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"handlingsplan/i18n"
)

// Every entry of the rewritten cross-reference table points at its object.
func TestFinishPDFOffsets(t *testing.T) {
	b := render(t, demoPlan(2027), i18n.Swedish, nil)
	sx := bytes.LastIndex(b, []byte("startxref"))
	at, err := strconv.Atoi(strings.Fields(string(b[sx+len("startxref"):]))[0])
	if err != nil {
		t.Fatal(err)
	}
	offsets, err := parseXref(b[at:sx])
	if err != nil {
		t.Fatal(err)
	}
	for id := 1; id < len(offsets); id++ {
		if want := fmt.Sprintf("%d 0 obj\n", id); !bytes.HasPrefix(b[offsets[id]:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q", id, b[offsets[id]:offsets[id]+12])
		}
	}
	info := b[offsets[len(offsets)-1]:]
	for _, want := range []string{"/Keywords " + pdfString("informationssäkerhet"), "/CreationDate (D:20261115093000+00'00')"} {
		if !bytes.Contains(info, []byte(strings.TrimSuffix(want, ">"))) {
			t.Errorf("Info object lacks %s", want)
		}
	}
	if !bytes.Contains(b, []byte("/Info "+strconv.Itoa(len(offsets)-1)+" 0 R")) {
		t.Error("trailer does not refer to the Info object")
	}
}

func TestFinishPDFRefusesOtherLayouts(t *testing.T) {
	good := "%PDF-1.7\n1 0 obj\n<<\n  /Type /Catalog\n  /Pages 2 0 R\n>>\nendobj\n\n"
	xref := func(off int) string {
		return fmt.Sprintf("xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<<\n/Size 2\n/Root 1 0 R\n>>\n", off)
	}
	withXref := func(body string, off int) string {
		return body + xref(off) + "startxref\n" + strconv.Itoa(len(body)) + "\n%%EOF\n"
	}
	tests := []struct {
		name string
		in   string
		lang string
		ok   bool
	}{
		{"gopdf layout", withXref(good, 9), "sv", true},
		{"empty", "", "sv", false},
		{"no startxref", good, "sv", false},
		{"xref stream", good + "startxref\n9\n%%EOF\n", "sv", false},
		{"object 1 is not the catalog", withXref(strings.Replace(good, "/Catalog", "/Pages", 1), 9), "sv", false},
		{"wrong offset", withXref(good, 20), "sv", false},
		{"bad language", withXref(good, 9), "sv) /Evil (x", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := finishPDF([]byte(tc.in), docInfo{Title: "Plan", Lang: tc.lang, Created: time.Unix(0, 0)})
			if (err == nil) != tc.ok {
				t.Fatalf("err = %v, want ok %v", err, tc.ok)
			}
			if tc.ok && !bytes.Contains(out, []byte("/Lang ("+tc.lang+")")) {
				t.Errorf("no /Lang in\n%s", out)
			}
		})
	}
}

func TestPDFString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Å", "<FEFF00C5>"},
		{"a(b)", "<FEFF0061002800620029>"},
		{"𝄞", "<FEFFD834DD1E>"}, // outside the BMP: a surrogate pair
	}
	for _, tc := range tests {
		if got := pdfString(tc.in); got != tc.want {
			t.Errorf("pdfString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
