package pdfread

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"strings"
	"testing"

	"handlingsplan/app/pdftest"
)

const (
	attachmentName = "submission.json"
	payloadLimit   = 16 << 20
)

var buildPDF = pdftest.Build

func zlibBytes(data []byte) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.String()
}

// attachmentPDF is a minimal PDF with one embedded file named name holding stream body.
func attachmentPDF(name, streamDict, data string) []byte {
	return buildPDF(map[int]string{
		1: "<</Type/Catalog/Names 2 0 R>>",
		2: fmt.Sprintf("<</EmbeddedFiles<</Names[(%s) 3 0 R]>>>>", name),
		3: "<</Type/Filespec/EF<</F 4 0 R>>>>",
		4: fmt.Sprintf("<<%s/Length %d>>\nstream\n%s\nendstream", streamDict, len(data), data),
	}, "")
}

func TestParseObjects(t *testing.T) {
	data := buildPDF(map[int]string{
		1: "<</Type/Catalog/A [1 -2 +3.5 .5 (lit\\(er\\)al \\101\\t) <48 65 6c6C6f> /N#41me true false null 7 0 R]/D<</X 1>>>>",
		2: "(a\r\nb\\\nc)",
		3: "<FEFF00E5>",
		5: "<</Length 3>>\nstream\nabc\nendstream",
	}, "")
	f, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := f.DictOf(f.trailer["Root"])
	if err != nil {
		t.Fatal(err)
	}
	a := cat["A"].(Array)
	want := []any{int64(1), int64(-2), 3.5, 0.5}
	for i, w := range want {
		if a[i] != w {
			t.Errorf("A[%d] = %#v, want %#v", i, a[i], w)
		}
	}
	if s := a[4].(String); string(s.Bytes) != "lit(er)al A\t" || s.Hex {
		t.Errorf("literal %q", s.Bytes)
	}
	if s := a[5].(String); string(s.Bytes) != "Hello" || !s.Hex || string(data[s.Start:s.End]) != "<48 65 6c6C6f>" {
		t.Errorf("hex %q at %d..%d", s.Bytes, s.Start, s.End)
	}
	if a[6] != Name("NAme") || a[7] != true || a[8] != false || a[9] != nil || a[10] != (Ref{7, 0}) {
		t.Errorf("rest %#v", a[6:])
	}
	if v, _ := f.Object(2); string(v.(String).Bytes) != "a\nbc" {
		t.Errorf("line ends in string: %q", v.(String).Bytes)
	}
	if v, _ := f.Object(3); Text(v.(String).Bytes) != "å" {
		t.Errorf("UTF-16 text %q", Text(v.(String).Bytes))
	}
	if v, _ := f.Object(4); v != nil {
		t.Errorf("free object is %#v", v)
	}
	v, err := f.Object(5)
	if err != nil {
		t.Fatal(err)
	}
	if s := v.(*Stream); string(data[s.Start:s.End]) != "abc" {
		t.Errorf("stream %q", data[s.Start:s.End])
	}
}

// Hostile structures fail quickly with an error, never a crash or a long loop.
// BenchmarkParseHostile times what TestParseHostile bounds by the work done.
func BenchmarkParseHostile(b *testing.B) {
	for _, tc := range hostileCases() {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if f, err := Open(tc.data); err == nil && tc.op != nil {
					tc.op(f)
				}
			}
		})
	}
}

// hostileAllocBound is what reading data may allocate at most: a few times its size for the
// objects, and twice the attachment limit for a stream that decompresses up to it.
func hostileAllocBound(data []byte) uint64 {
	return uint64(16*len(data) + 2*payloadLimit + 4<<20)
}

// hostileCase is a file made to make a reader work too hard, what to do with it and the error
// that must stop it.
type hostileCase struct {
	name string
	data []byte
	op   func(f *File) error
	want string
}

// hostileCases are the files TestParseHostile checks and BenchmarkParseHostile times.
func hostileCases() []hostileCase {
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	loop := buildPDF(map[int]string{1: "<</Type/Catalog>>"}, "")
	// Make the only xref section name itself as /Prev.
	loop = bytes.Replace(loop, []byte("/Root 1 0 R>>"), []byte(fmt.Sprintf("/Root 1 0 R/Prev %d>>", mustStartXref(loop))), 1)
	hugeSection := []byte("%PDF-1.7\nxref\n0 99999999\n0000000000 65535 f \ntrailer\n<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n")
	return []hostileCase{
		{"deep nesting", buildPDF(map[int]string{1: "<</Type/Catalog>>", 2: deep}, ""), objectOp(2), "nesting deeper"},
		{"xref loop", loop, nil, "cross-reference loop"},
		{"huge xref subsection", hugeSection, nil, "xref"},
		{"stream length refers to itself", buildPDF(map[int]string{1: "<</Type/Catalog>>",
			2: "<</Length 2 0 R>>\nstream\nabc\nendstream"}, ""), objectOp(2), "nested too deeply"},
		{"stream longer than the file", buildPDF(map[int]string{1: "<</Type/Catalog>>",
			2: "<</Length 999999>>\nstream\nabc\nendstream"}, ""), objectOp(2), "beyond the file"},
		{"cut short", buildPDF(map[int]string{1: "<</Type/Catalog>>"}, "")[:60], nil, "startxref"},
		{"xref stream", []byte("%PDF-1.7\n1 0 obj\n<</Type/XRef>>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n"), nil, "cross-reference stream"},
		{"name tree with a cycle", buildPDF(map[int]string{1: "<</Type/Catalog/Names 2 0 R>>",
			2: "<</EmbeddedFiles 3 0 R>>", 3: "<</Kids[3 0 R 3 0 R]>>"}, ""), attachmentOp, "reaches object 3 twice"},
		{"payload bomb", attachmentPDF(attachmentName, "/Filter/FlateDecode",
			zlibBytes(make([]byte, 4*payloadLimit))), attachmentOp, "larger than"},
		{"unsupported filter", attachmentPDF(attachmentName, "/Filter/LZWDecode", "x"), attachmentOp, "not supported"},
		{"two attachments with the name", buildPDF(map[int]string{1: "<</Type/Catalog/Names 2 0 R>>",
			2: "<</EmbeddedFiles<</Names[(submission.json) 3 0 R (submission.json) 3 0 R]>>>>", 3: "<<>>"}, ""), attachmentOp, "2 attachments"},
		{"size differs from /Params", attachmentPDF(attachmentName, "/Params<</Size 99>>", "{}"), attachmentOp, "/Params say 99"},
	}
}

func TestParseHostile(t *testing.T) {
	tests := hostileCases()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			// The work is bounded by the input and the limits, not by the numbers in the file:
			// counted as heap allocated, which does not depend on the machine's load (a 2 s
			// bound on the time once failed at 2.02 s under -race). BenchmarkParseHostile times it.
			alloc := pdftest.Allocated(func() {
				var f *File
				f, err = Open(tc.data)
				if err == nil && tc.op != nil {
					err = tc.op(f)
				}
			})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if bound := hostileAllocBound(tc.data); alloc > bound {
				t.Errorf("allocated %d kB on %d bytes, at most %d kB", alloc>>10, len(tc.data), bound>>10)
			}
		})
	}
	t.Run("overlapping objects", func(t *testing.T) {
		// Objects 11..2009 each sit inside the string of the one before: parsed one by one
		// they would read the file about a thousand times over. The budget stops that.
		inner := ""
		for n := 2009; n >= 11; n-- {
			inner = fmt.Sprintf("%d 0 obj (%s) endobj", n, inner)
		}
		data := buildPDF(map[int]string{1: "<</Type/Catalog>>", 10: "(" + inner + ")"}, "")
		f, err := Open(data)
		if err != nil {
			t.Fatal(err)
		}
		for n := 11; n <= 2009; n++ {
			f.objects[n] = xrefEntry{offset: bytes.Index(data, []byte(fmt.Sprintf("(%d 0 obj (", n))) + 1}
		}
		_, err = f.Signatures()
		if err == nil || !strings.Contains(err.Error(), "overlap") {
			t.Fatalf("error %v, want the overlap budget", err)
		}
	})
}

func objectOp(n int) func(*File) error {
	return func(f *File) error { _, err := f.Object(n); return err }
}

func attachmentOp(f *File) error {
	_, err := f.Attachment(attachmentName, payloadLimit)
	return err
}

func mustStartXref(data []byte) int {
	n, err := findStartXref(data)
	if err != nil {
		panic(err)
	}
	return n
}

func TestAttachmentLookup(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		want    string
		wantErr error
	}{
		{"plain", attachmentPDF(attachmentName, "", `{"a":1}`), `{"a":1}`, nil},
		{"flate", attachmentPDF(attachmentName, "/Filter[/FlateDecode]", zlibBytes([]byte(`{"å":1}`))), `{"å":1}`, nil},
		{"UTF-16 key", attachmentPDF("\xFE\xFF\x00s\x00u\x00b\x00m\x00i\x00s\x00s\x00i\x00o\x00n\x00.\x00j\x00s\x00o\x00n", "", "x"), "x", nil},
		{"other name", attachmentPDF("data.json", "", "x"), "", ErrNoAttachment},
		{"no names", buildPDF(map[int]string{1: "<</Type/Catalog>>"}, ""), "", ErrNoAttachment},
		{"in a kid", buildPDF(map[int]string{1: "<</Type/Catalog/Names<</EmbeddedFiles<</Kids[2 0 R]>>>>>>",
			2: "<</Limits[(a)(z)]/Names[(annat) 9 0 R (submission.json) 3 0 R]>>", 3: "<</EF<</F 4 0 R>>>>",
			4: "<</Length 2>>\nstream\nok\nendstream"}, ""), "ok", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Open(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.Attachment(attachmentName, payloadLimit)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Fatalf("error %v, want %v", err, tc.wantErr)
			}
			if string(got) != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
