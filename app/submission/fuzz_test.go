package submission

import (
	"bytes"
	"crypto/x509"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signintech/gopdf"

	"handlingsplan/app/pdftest"
	"handlingsplan/domain"
)

var updateSeeds = flag.Bool("update-fuzz-seeds", false, "write the seeds missing in testdata/fuzz/FuzzVerify")

// fuzzNow is inside the validity of the seed certificates (2025–2045).
var fuzzNow = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

const seedDir = "testdata/fuzz/FuzzVerify"

// seedWant is what each committed seed verifies to at fuzzNow with an empty trust list.
var seedWant = map[string]struct {
	verdict Verdict
	reason  Reason
}{
	"sealed-self":      {UnknownSigner, ""},
	"sealed-ca":        {UnknownSigner, ""},
	"signed-twice":     {Rejected, ReasonSeveralSignatures},
	"unsigned":         {Rejected, ReasonNoSignature},
	"sealed-appended":  {Rejected, ReasonAppended},
	"sealed-no-schema": {Rejected, ReasonPayloadInvalid},
	// The reviewer's name tree listing one node 4000 times (2000 names in it).
	"name-tree-amplified": {Rejected, ReasonPayloadInvalid},
	// A large array behind a /ByteRange, in small.
	"array-with-byterange": {Rejected, ReasonBadSignature},
}

func FuzzVerify(f *testing.F) {
	f.Add([]byte("%PDF-1.7\n%%EOF\n"))
	f.Add(attachmentPDF(AttachmentName, "", `{"schema":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Result
		// Bounded by the work done, not by the time a loaded machine takes (see verifyBounded).
		if alloc := pdftest.Allocated(func() { r = Verify(data, Trust{}, fuzzNow) }); alloc > maxVerifyAlloc {
			t.Fatalf("Verify allocated %d MB on %d bytes", alloc>>20, len(data))
		}
		checkResult(t, r)
		if r.Signer != nil && r.Verdict == UnknownSigner {
			// Approving the signer must make exactly this file valid.
			r2 := Verify(data, Trust{Signers: []*x509.Certificate{r.Signer}}, fuzzNow)
			checkResult(t, r2)
			if r2.Verdict != Valid || !bytes.Equal(r2.PayloadJSON, r.PayloadJSON) {
				t.Fatalf("approved signer gives %s %s (%s)", r2.Verdict, r2.Reason, r2.Detail)
			}
		}
	})
}

// checkResult checks the invariants every Result keeps.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	if strings.HasPrefix(r.Detail, "panic") {
		t.Fatal(r.Detail)
	}
	if (r.Verdict == Rejected) != (r.Reason != "") {
		t.Fatalf("verdict %q with reason %q", r.Verdict, r.Reason)
	}
	switch r.Verdict {
	case Valid, UnknownSigner:
		if r.Payload == nil || r.Signer == nil || r.Payload.Validate() != nil || len(r.Fingerprint) != 64 {
			t.Fatalf("%s without a valid payload or signer", r.Verdict)
		}
	case Rejected:
		if r.Payload != nil {
			t.Fatal("rejected with a payload")
		}
	default:
		t.Fatalf("unknown verdict %q", r.Verdict)
	}
}

// The committed seeds still verify as they did when they were made.
func TestFuzzSeeds(t *testing.T) {
	if *updateSeeds {
		writeSeeds(t)
	}
	for name, want := range seedWant {
		t.Run(name, func(t *testing.T) {
			data := readSeed(t, filepath.Join(seedDir, name))
			r := Verify(data, Trust{}, fuzzNow)
			if r.Verdict != want.verdict || r.Reason != want.reason {
				t.Errorf("%s %s (%s), want %s %s", r.Verdict, r.Reason, r.Detail, want.verdict, want.reason)
			}
		})
	}
}

func readSeed(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (make the seeds with go test -run TestFuzzSeeds -update-fuzz-seeds)", err)
	}
	rest, ok := strings.CutPrefix(string(b), "go test fuzz v1\n[]byte(")
	rest, ok2 := strings.CutSuffix(rest, ")\n")
	if !ok || !ok2 {
		t.Fatalf("%s is not a fuzz corpus file", path)
	}
	s, err := strconv.Unquote(rest)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(s)
}

// tinyPDF is a one-page PDF without fonts, to keep the seeds small for the fuzzer.
func tinyPDF(t *testing.T) []byte {
	t.Helper()
	gp := gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	gp.SetInfo(gopdf.PdfInfo{Title: "Fröet", Author: "Test"})
	gp.AddPage()
	gp.Line(50, 50, 300, 300)
	var b bytes.Buffer
	if _, err := gp.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tinyPayload() Payload {
	return Payload{
		Schema: SchemaVersion, AppVersion: "1.0.0", Kommun: "Exempelby kommun", Board: "Kulturnämnden",
		Year: 2027, Version: 1, CreatedAt: time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC),
		Goals: []domain.Goal{{Number: 1, Text: "all personal har kunskap om gällande regler"}}, HoursPerFTE: 1700,
		Plan: domain.PlanData{
			Plan:       domain.Plan{Board: "Kulturnämnden", Year: 2027, Status: domain.PlanReady, Version: 1},
			Activities: []domain.Activity{{Position: 1, Title: "Utbildning", Goals: []int{1}, Priority: domain.PriorityHigh, InternalHours: 8}},
		},
	}
}

func writeSeeds(t *testing.T) {
	validity := func(c *x509.Certificate) {
		c.NotBefore = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		c.NotAfter = time.Date(2045, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	self := newSigner(t, "Frö Självsignerad", nil, validity)
	ca := newCA(t, "Frö-CA")
	issued := newSigner(t, "Frö Utfärdad", &ca, validity)
	pdf := tinyPDF(t)
	payload := mustJSON(t, tinyPayload())
	sealWith := func(id identity, js []byte) []byte {
		out, _, err := seal(pdf, js, time.Now(), id.key, id.chain, SignInfo{Name: "Frö (test)", Reason: "Inlämning"})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	sealedSelf := sealWith(self, payload)
	twice, err := signPDF(sealedSelf, self.key, self.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	unsigned, err := attach(pdf, payload, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	seeds := map[string][]byte{
		"sealed-self":      sealedSelf,
		"sealed-ca":        sealWith(issued, payload),
		"signed-twice":     twice,
		"unsigned":         unsigned,
		"sealed-appended":  appendUpdate(t, sealedSelf, 1, "<</Type/Catalog>>"),
		"sealed-no-schema": sealWith(self, []byte(`{"board": "Kulturnämnden"}`)),
	}
	amplified, err := signPDF(amplifiedTree(4000, 2000, AttachmentName), self.key, self.chain, SignInfo{Name: "Frö (test)"})
	if err != nil {
		t.Fatal(err)
	}
	seeds["name-tree-amplified"] = amplified
	seeds["array-with-byterange"] = bigArray(8 << 10)
	if err := os.MkdirAll(seedDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range seeds {
		path := filepath.Join(seedDir, name)
		if _, err := os.Stat(path); err == nil {
			continue // seeds are made once; delete one to make it again
		}
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
