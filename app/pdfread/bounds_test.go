package pdfread

import (
	"fmt"
	"strings"
	"testing"

	"handlingsplan/app/pdftest"
)

// amplifiedTree is a PDF whose EmbeddedFiles name tree lists one node kids times; the node
// holds names entries called key. Walking the tree naively visits the node kids times and,
// when key is the attachment's name, keeps kids×names matches (a reviewer's 488 kB file with
// 4000 kids and 20,000 names ran out of memory).
func amplifiedTree(kids, names int, key string) []byte {
	var k, n strings.Builder
	for range kids {
		k.WriteString("7 0 R ")
	}
	for range names {
		fmt.Fprintf(&n, "(%s) 8 0 R ", key)
	}
	return buildPDF(map[int]string{
		1: "<</Type/Catalog/Pages 2 0 R/Names 5 0 R>>",
		2: "<</Type/Pages/Kids[3 0 R]/Count 1>>",
		3: "<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>",
		5: "<</EmbeddedFiles 6 0 R>>",
		6: "<</Kids[" + k.String() + "]>>",
		7: "<</Names[" + n.String() + "]>>",
		8: "<</Type/Filespec/EF<</F 9 0 R>>>>",
		9: "<</Length 2>>\nstream\n{}\nendstream",
	}, "")
}

// A name tree may list the same node object only once, and the walk stops at the second
// entry with the attachment's name.
func TestAttachmentTreeVisitsEachNodeOnce(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"kid listed twice", amplifiedTree(2, 1, "x"), "reaches object 7 twice"},
		{"two matches in one node", amplifiedTree(1, 2, attachmentName), "2 attachments"},
		{"too many names", amplifiedTree(1, MaxTreeEntries, "x"), "name tree too large"},
		{"node listed 4000 times", amplifiedTree(4000, 2000, "x"), "reaches object 7 twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Open(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			alloc := pdftest.Allocated(func() { _, err = f.Attachment(attachmentName, payloadLimit) })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			// Each node once: the walk allocates in proportion to the file, not to kids×names.
			if bound := uint64(32*len(tc.data) + 1<<20); alloc > bound {
				t.Errorf("allocated %d kB on %d bytes, at most %d kB", alloc>>10, len(tc.data), bound>>10)
			}
		})
	}
	// One node with one match is still found.
	f, err := Open(amplifiedTree(1, 1, attachmentName))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := f.Attachment(attachmentName, payloadLimit); err != nil || string(got) != "{}" {
		t.Errorf("single entry: %q, %v", got, err)
	}
}

// The value budget ends the parsing of a file that is one huge array.
func TestValueBudget(t *testing.T) {
	body := strings.Repeat("7 ", MaxValues+10)
	f, err := Open(buildPDF(map[int]string{1: "<</Type/Catalog>>", 2: "[" + body + "]"}, ""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Object(2); err == nil || !strings.Contains(err.Error(), "values") {
		t.Fatalf("error %v, want the value budget", err)
	}
}

func TestByteRanges(t *testing.T) {
	data := []byte("%PDF-1.7\n/ByteRange [0 10 20 30] /ByteRange[0 1 2] /ByteRange /ByteRange [0 1 2 999999] /ByteRange [ 0 5 6 7 ]")
	got := ByteRanges(data, 64)
	if len(got) != 2 || got[0] != [4]int{0, 10, 20, 30} || got[1] != [4]int{0, 5, 6, 7} {
		t.Errorf("ByteRanges = %v", got)
	}
	if got := ByteRanges(data, 1); len(got) != 1 {
		t.Errorf("ByteRanges looked past the first occurrence: %v", got)
	}
	if !HasByteRange(data) || HasByteRange([]byte("/ByteRange [0 1 2]")) || HasByteRange(nil) {
		t.Error("HasByteRange")
	}
}

// FuzzOpen: whatever the bytes, the reader answers with a value or an error, quickly, and
// never panics.
func FuzzOpen(f *testing.F) {
	f.Add(buildPDF(map[int]string{1: "<</Type/Catalog/Names 2 0 R>>", 2: "<</EmbeddedFiles<</Names[(submission.json) 3 0 R]>>>>",
		3: "<</Type/Filespec/EF<</F 4 0 R>>>>", 4: "<</Length 2>>\nstream\n{}\nendstream"}, ""))
	f.Add(amplifiedTree(3, 3, attachmentName))
	f.Add([]byte("%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Root 1 0 R/Prev 9>>\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		alloc := pdftest.Allocated(func() {
			file, err := Open(data)
			if err == nil {
				file.Signatures()
				file.Attachment(attachmentName, 1<<20)
				for _, n := range file.Objects() {
					file.Object(n)
				}
			}
			ByteRanges(data, 64)
			CheckXref(data)
		})
		// The limits bound the work by the input, not by numbers in it (see TestParseHostile).
		if bound := uint64(16*len(data) + 2<<20 + 48<<20); alloc > bound {
			t.Fatalf("allocated %d MB on %d bytes", alloc>>20, len(data))
		}
	})
}
