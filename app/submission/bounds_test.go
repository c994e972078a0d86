package submission

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdftest"
	"handlingsplan/assets"
)

// amplifiedTree is a PDF whose EmbeddedFiles name tree lists one node kids times; the node
// holds names entries called key. Walking the tree naively visits the node kids times and,
// when key is the attachment's name, keeps kids×names matches (the reviewer's 488 kB file
// with 4000 kids and 20,000 names ran out of memory).
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

// bigArray is an unsigned PDF of about size bytes that is one array of small integers, with a
// /ByteRange so that Verify looks at its objects.
func bigArray(size int) []byte {
	body := bytes.Repeat([]byte("7 "), size/2)
	return buildPDF(map[int]string{
		1: "<</Type/Catalog/Pages 2 0 R>>",
		2: "<</Type/Pages/Kids[]/Count 0>>",
		3: "[" + string(body) + "]",
		4: "<</ByteRange[0 1 2 3]/Contents<00>>>",
	}, "")
}

// verifyBounded runs Verify and fails when it allocates more than a submission ever needs:
// the work, counted so that a loaded machine cannot make the test fail (BenchmarkVerify times
// it).
func verifyBounded(t *testing.T, data []byte, trust Trust) Result {
	t.Helper()
	var r Result
	if alloc := pdftest.Allocated(func() { r = Verify(data, trust, time.Now()) }); alloc > maxVerifyAlloc {
		t.Errorf("Verify allocated %d MB on %d bytes", alloc>>20, len(data))
	}
	return r
}

// maxVerifyAlloc bounds the heap one Verify may allocate, whatever the file (at most
// MaxFileSize) holds: the reader's value budget and the payload limit keep it there.
const maxVerifyAlloc = 100 << 20

func TestVerifyBoundsHostileFiles(t *testing.T) {
	signer := newSigner(t, "Mallory", nil, nil)
	sign := func(data []byte) []byte {
		out, err := signPDF(data, signer.key, signer.chain, SignInfo{})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name string
		data []byte
		want Reason
	}{
		// The reviewer's files: 4000 kids naming one node of 2000 or 20,000 names.
		{"node listed 4000 times, 2000 other names", sign(amplifiedTree(4000, 2000, "x")), ReasonPayloadInvalid},
		{"node listed 4000 times, 20000 other names", sign(amplifiedTree(4000, 20000, "x")), ReasonPayloadInvalid},
		{"node listed 4000 times, 20000 names submission.json", sign(amplifiedTree(4000, 20000, AttachmentName)), ReasonPayloadInvalid},
		{"one node with 100000 names", sign(amplifiedTree(1, 100_000, "x")), ReasonPayloadInvalid},
		{"array just under the size limit", bigArray(MaxFileSize - 1<<10), ReasonUnreadable},
		{"unsigned array of 60 MB", bigArray(60 << 20), ReasonTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := verifyBounded(t, tc.data, Trust{Signers: signer.chain})
			if r.Verdict != Rejected || r.Reason != tc.want {
				t.Errorf("%s %s (%s), want rejected %s", r.Verdict, r.Reason, r.Detail, tc.want)
			}
		})
	}
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
		{"two matches in one node", amplifiedTree(1, 2, AttachmentName), "2 attachments"},
		{"too many names", amplifiedTree(1, pdfread.MaxTreeEntries, "x"), "name tree too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := pdfread.Open(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Attachment(AttachmentName, MaxPayloadSize); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	// One node with one match is still found.
	f, err := pdfread.Open(amplifiedTree(1, 1, AttachmentName))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := f.Attachment(AttachmentName, MaxPayloadSize); err != nil || string(got) != "{}" {
		t.Errorf("single entry: %q, %v", got, err)
	}
}

// A file without any /ByteRange is answered without parsing its objects.
func TestVerifyUnsignedSkipsObjects(t *testing.T) {
	data := bytes.ReplaceAll(bigArray(MaxFileSize-1<<10), []byte("/ByteRange"), []byte("/NoRange__"))
	r := verifyBounded(t, data, Trust{})
	if r.Verdict != Rejected || r.Reason != ReasonNoSignature {
		t.Fatalf("%s %s (%s)", r.Verdict, r.Reason, r.Detail)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Verify(data, Trust{}, time.Now())
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("an unsigned file allocated %d kB", alloc>>10)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "liten.pdf")
	if err := os.WriteFile(small, []byte("%PDF-1.7"), 0o600); err != nil {
		t.Fatal(err)
	}
	large := filepath.Join(dir, "stor.pdf")
	f, err := os.Create(large)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: the size says too large without writing 20 MB.
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name string
		path string
		want error
	}{
		{"regular file", small, nil},
		{"too large", large, ErrTooLarge},
		{"folder", dir, ErrNotRegular},
		{"missing", filepath.Join(dir, "saknas.pdf"), os.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ReadFile(tc.path)
			if !errors.Is(err, tc.want) || (tc.want == nil && string(b) != "%PDF-1.7") {
				t.Errorf("ReadFile: %q, %v, want %v", b, err, tc.want)
			}
		})
	}
}

// The test reports are made with the app's embedded font: no test may need a font installed
// on the machine, where it would be skipped on a fresh one (packaging/deps.sh installs none).
func TestFixturesNeedNoSystemFont(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("/usr/share/"+"fonts")) {
			t.Errorf("%s uses a system font", name)
		}
	}
	if len(makePDF(t, 1)) == 0 || len(assets.FontRegular) == 0 {
		t.Error("no test PDF")
	}
}
