package submission

import (
	"bytes"
	"compress/zlib"
	"crypto/x509"
	"encoding/asn1"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdfsign"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// fixture is one sealed submission and what made it.
type fixture struct {
	ca, signer identity
	trust      Trust
	plain      []byte // the report before sealing
	sealed     []byte
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	ca := newCA(t, "Exempelby signerings-CA")
	signer := newSigner(t, "Åsa Öberg", &ca, nil)
	plain := onePagePDF(t)
	sealed, err := Seal(plain, samplePayload(), signer.key, signer.chain, testSignInfo)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{ca: ca, signer: signer, trust: Trust{Roots: []*x509.Certificate{ca.cert()}}, plain: plain, sealed: sealed}
}

// streamOf returns the object number and stream of the first live stream matching want.
func streamOf(t *testing.T, data []byte, want func(f *pdfread.File, d pdfread.Dict) bool) (int, *pdfread.Stream) {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range f.Objects() {
		v, err := f.Object(n)
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := v.(*pdfread.Stream); ok && want(f, s.Dict) {
			return n, s
		}
	}
	t.Fatal("stream not found")
	return 0, nil
}

func isEmbeddedFile(_ *pdfread.File, d pdfread.Dict) bool {
	return d["Type"] == pdfread.Name("EmbeddedFile")
}

// isPageContent: the content stream of the first page.
func pageContent(t *testing.T, data []byte) *pdfread.Stream {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range f.Objects() {
		d, err := f.DictOf(pdfread.Ref{Num: n})
		if err != nil {
			t.Fatal(err)
		}
		if d["Type"] == pdfread.Name("Page") {
			v, err := f.Resolve(d["Contents"])
			if err != nil {
				t.Fatal(err)
			}
			if s, ok := v.(*pdfread.Stream); ok {
				return s
			}
		}
	}
	t.Fatal("no page content")
	return nil
}

func flipByte(data []byte, at int) []byte {
	out := bytes.Clone(data)
	out[at] ^= 0x01
	return out
}

// changeHexDigit replaces the hex digit at `at` by another hex digit (flipping a bit could make
// it a non-hex character, a different failure, depending on the random signature bytes).
func changeHexDigit(data []byte, at int) []byte {
	out := bytes.Clone(data)
	if out[at] == '0' {
		out[at] = '1'
	} else {
		out[at] = '0'
	}
	return out
}

// lastStartXref is the offset the last startxref names.
func lastStartXref(t *testing.T, data []byte) int {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	return f.StartXref()
}

// appendUpdate appends a hand-made incremental update that replaces object num with body.
func appendUpdate(t *testing.T, data []byte, num int, body string) []byte {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	root := f.Trailer()["Root"].(pdfread.Ref)
	size, _ := f.Trailer()["Size"].(int64)
	var b bytes.Buffer
	b.Write(data)
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n \ntrailer\n<</Size %d/Root %d %d R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n",
		num, off, size, root.Num, root.Gen, lastStartXref(t, data), xref)
	return b.Bytes()
}

func deflate(t *testing.T, level int, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := zlib.NewWriterLevel(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// replacePayloadInPlace swaps the attachment stream for another submission.json of the same
// compressed length (padded after the zlib end), keeping every offset: an editor's attack.
func replacePayloadInPlace(t *testing.T, data []byte) []byte {
	t.Helper()
	_, s := streamOf(t, data, isEmbeddedFile)
	p := samplePayload()
	p.Plan.Activities[0].OperatingCost = 8500 // a smaller cost for the coordinator's roll-up
	js, err := MarshalPayload(p)
	if err != nil {
		t.Fatal(err)
	}
	for level := 9; level >= 1; level-- {
		z := deflate(t, level, js)
		if len(z) <= s.End-s.Start {
			out := bytes.Clone(data)
			copy(out[s.Start:s.End], append(z, make([]byte, s.End-s.Start-len(z))...))
			return out
		}
	}
	t.Fatal("replacement payload does not fit")
	return nil
}

// rewriteWithPdfcpu reads the sealed file with pdfcpu, swaps the attachment and writes a
// whole new file, as a PDF tool would.
func rewriteWithPdfcpu(t *testing.T, data []byte) []byte {
	t.Helper()
	disableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.WriteXRefStream, conf.WriteObjectStream = false, false
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(data), conf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ctx.RemoveAttachments([]string{AttachmentName}); err != nil {
		t.Fatal(err)
	}
	p := samplePayload()
	p.Version = 4
	js, _ := MarshalPayload(p)
	if err := ctx.AddAttachment(model.Attachment{Reader: bytes.NewReader(js), ID: AttachmentName, FileName: AttachmentName}, false); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// annotateIncrementally lets pdfcpu add a note as a real incremental update.
func annotateIncrementally(t *testing.T, data []byte) []byte {
	t.Helper()
	disableConfigDir()
	path := filepath.Join(t.TempDir(), "annotated.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ann := model.NewTextAnnotation(*types.NewRectangle(50, 50, 80, 80), 0, "Kostnaden är ändrad", "note1", "",
		model.AnnNoView, nil, "Granskare", nil, nil, "", "", 0, 0, 0, true, "Comment")
	if err := api.AddAnnotationsAsIncrement(f, []string{"1"}, ann, model.NewDefaultConfiguration()); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, data) || len(out) == len(data) {
		t.Fatal("pdfcpu did not append an update")
	}
	return out
}

func TestVerifyRejects(t *testing.T) {
	fx := newFixture(t)
	s := fx.sealed
	f, err := pdfread.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	sigs, _ := f.Signatures()
	sig, err := pdfsign.FromDict(s, sigs[0])
	if err != nil {
		t.Fatal(err)
	}
	attachNum, attachStream := streamOf(t, s, isEmbeddedFile)
	content := pageContent(t, s)
	firstXref := bytes.Index(s, []byte("\nxref\n")) + len("\nxref\n0 1\n0000000")
	lastTrailer := bytes.LastIndex(s, []byte("/ID"))
	nameAt := bytes.Index(s, []byte("/Name (")) + len("/Name (") + 4
	byteRangeAt := bytes.Index(s, []byte("/ByteRange [")) + len("/ByteRange [0 ")

	// Files made differently from the fixture.
	withoutPayload, err := signPDF(fx.plain, fx.signer.key, fx.signer.chain, SignInfo{Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	attached, err := attach(fx.plain, mustJSON(t, samplePayload()), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	twice, err := signPDF(s, fx.signer.key, fx.signer.chain, SignInfo{Name: "Andra"})
	if err != nil {
		t.Fatal(err)
	}
	zeroed := bytes.Clone(s)
	copy(zeroed[sig.A+1:sig.B-1], bytes.Repeat([]byte("0"), sig.B-sig.A-2))
	newer := sealRaw(t, fx, []byte(fmt.Sprintf(`{"schema": %d, "board": "Socialnämnden", "something_new": [1, 2]}`, SchemaVersion+1)))
	notJSON := sealRaw(t, fx, []byte(`{"schema": 1, "board": `))
	badSchema := sealRaw(t, fx, mustJSON(t, func() Payload { p := samplePayload(); p.Plan.Activities[0].Goals = []int{9}; return p }()))
	noSchema := sealRaw(t, fx, []byte(`{"board": "Socialnämnden"}`))
	serverOnly := newSigner(t, "Webbserver", &fx.ca, func(c *x509.Certificate) { c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth} })
	serverSigned, err := signPDF(attached, serverOnly.key, serverOnly.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	oldCA := expiredCA(t)
	underOldCA := newSigner(t, "Under gammal CA", &oldCA, nil)
	underOldCASigned, err := signPDF(attached, underOldCA.key, underOldCA.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	fx.trust.Roots = append(fx.trust.Roots, oldCA.cert())
	caSigned, err := signPDF(attached, selfCA(t).key, selfCA(t).chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}

	tests := []struct {
		name string
		data []byte
		now  time.Time
		want Reason
	}{
		{"empty", nil, time.Time{}, ReasonEmpty},
		{"random bytes", random, time.Time{}, ReasonNotPDF},
		{"random bytes after a header", append([]byte("%PDF-1.7\n"), random...), time.Time{}, ReasonTruncated},
		{"header and end only", []byte("%PDF-1.7\n%%EOF\n"), time.Time{}, ReasonUnreadable},
		{"too large", append([]byte("%PDF-"), make([]byte, MaxFileSize)...), time.Time{}, ReasonTooLarge},
		{"header version changed", flipByte(s, 7), time.Time{}, ReasonTampered},
		{"page content changed", flipByte(s, content.Start+5), time.Time{}, ReasonTampered},
		{"attachment stream changed", flipByte(s, attachStream.Start+10), time.Time{}, ReasonTampered},
		{"xref entry changed", flipByte(s, firstXref+3), time.Time{}, ReasonTampered},
		{"trailer ID changed", flipByte(s, lastTrailer+6), time.Time{}, ReasonTampered},
		{"signer name changed", flipByte(s, nameAt), time.Time{}, ReasonTampered},
		{"byte range changed", flipByte(s, byteRangeAt), time.Time{}, ReasonTampered},
		{"last byte changed", flipByte(s, len(s)-3), time.Time{}, ReasonTampered},
		{"payload replaced in place", replacePayloadInPlace(t, s), time.Time{}, ReasonTampered},
		{"rewritten by pdfcpu with another payload", rewriteWithPdfcpu(t, s), time.Time{}, ReasonTampered},
		// Byte 300 of the CMS lies in the signer's certificate, which the signature does not
		// cover: the signing-certificate attribute does (issue 13).
		{"certificate in the signature changed", changeHexDigit(s, sig.A+600), time.Time{}, ReasonTampered},
		{"signature value changed", changeHexDigit(s, sig.A+1+2*derLen(t, sig.Contents)-20), time.Time{}, ReasonBadSignature},
		{"signature zeroed", zeroed, time.Time{}, ReasonBadSignature},
		{"signature padding changed", changeHexDigit(s, sig.B-2), time.Time{}, ReasonTampered},
		{"byte after the signature in the padding", changeHexDigit(s, sig.A+1+2*derLen(t, sig.Contents)), time.Time{}, ReasonTampered},
		{"junk appended", append(bytes.Clone(s), "hej då"...), time.Time{}, ReasonAppended},
		{"newline appended", append(bytes.Clone(s), '\n', '\n'), time.Time{}, ReasonAppended},
		{"hand-made update replacing the payload", appendUpdate(t, s, attachNum,
			"<</Type/EmbeddedFile/Length 13>>\nstream\n{\"schema\": 1}\nendstream"), time.Time{}, ReasonAppended},
		{"pdfcpu incremental annotation", annotateIncrementally(t, s), time.Time{}, ReasonAppended},
		{"signed twice", twice, time.Time{}, ReasonSeveralSignatures},
		{"truncated to half", s[:len(s)/2], time.Time{}, ReasonTruncated},
		{"last 10 bytes missing", s[:len(s)-10], time.Time{}, ReasonTruncated},
		{"cut inside the signature dictionary", s[:sig.B+50], time.Time{}, ReasonTruncated},
		{"cut back to the unsigned revision", s[:bytes.Index(s, []byte("%%EOF"))+6], time.Time{}, ReasonNoSignature},
		{"plain report", fx.plain, time.Time{}, ReasonNoSignature},
		{"attached but not signed", attached, time.Time{}, ReasonNoSignature},
		{"signed without payload", withoutPayload, time.Time{}, ReasonNoPayload},
		{"newer schema", newer, time.Time{}, ReasonSchemaNewer},
		{"payload not JSON", notJSON, time.Time{}, ReasonPayloadInvalid},
		{"payload without schema", noSchema, time.Time{}, ReasonPayloadInvalid},
		{"payload breaks the schema", badSchema, time.Time{}, ReasonPayloadInvalid},
		{"certificate expired by now", s, time.Now().Add(3 * 365 * 24 * time.Hour), ReasonCertInvalid},
		{"certificate not yet valid", s, time.Now().Add(-48 * time.Hour), ReasonCertInvalid},
		{"certificate not for signing", serverSigned, time.Time{}, ReasonCertInvalid},
		{"trusted CA expired", underOldCASigned, time.Time{}, ReasonCertInvalid},
		{"signed with a CA certificate", caSigned, time.Time{}, ReasonCertInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now := tc.now
			if now.IsZero() {
				now = time.Now()
			}
			r := Verify(tc.data, fx.trust, now)
			if r.Verdict != Rejected || r.Reason != tc.want {
				t.Fatalf("got %s %s (%s), want rejected %s", r.Verdict, r.Reason, r.Detail, tc.want)
			}
			if r.Payload != nil {
				t.Error("rejected result carries a payload")
			}
			if strings.HasPrefix(r.Detail, "panic") {
				t.Error(r.Detail)
			}
			// Rejected for the same reason with no trust at all: trust is checked last.
			if tc.want != ReasonCertInvalid {
				if r2 := Verify(tc.data, Trust{}, now); r2.Reason != tc.want {
					t.Errorf("with empty trust: %s (%s)", r2.Reason, r2.Detail)
				}
			}
		})
	}
}

// sealRaw seals arbitrary payload bytes, which Seal would refuse.
func sealRaw(t *testing.T, fx fixture, payload []byte) []byte {
	t.Helper()
	out, _, err := seal(fx.plain, payload, time.Now(), fx.signer.key, fx.signer.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mustJSON(t *testing.T, p Payload) []byte {
	t.Helper()
	b, err := MarshalPayload(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Fields this version does not know are ignored within the same schema.
func TestVerifyToleratesUnknownFields(t *testing.T) {
	fx := newFixture(t)
	var m map[string]any
	if err := json.Unmarshal(mustJSON(t, samplePayload()), &m); err != nil {
		t.Fatal(err)
	}
	m["added_later"] = map[string]any{"x": 1}
	m["plan"].(map[string]any)["extra"] = "ny"
	js, _ := json.Marshal(m)
	r := Verify(sealRaw(t, fx, js), fx.trust, time.Now())
	if r.Verdict != Valid {
		t.Fatalf("%s %s (%s)", r.Verdict, r.Reason, r.Detail)
	}
	if r.Payload.Board != "Socialnämnden" || len(r.Payload.Plan.Activities) != 2 || !bytes.Equal(r.PayloadJSON, js) {
		t.Errorf("payload %+v", r.Payload)
	}
}

// A trusted intermediate CA in the signature chains to the root.
func TestVerifyIntermediateCA(t *testing.T) {
	root := newCA(t, "Exempelby rot-CA")
	inter := newSigner(t, "Exempelby mellan-CA", &root, func(c *x509.Certificate) {
		c.IsCA, c.BasicConstraintsValid = true, true
		c.KeyUsage = x509.KeyUsageCertSign
		c.ExtKeyUsage = nil
	})
	leaf := newSigner(t, "Dan Berg", &inter, nil)
	sealed, err := Seal(onePagePDF(t), samplePayload(), leaf.key, leaf.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	r := Verify(sealed, Trust{Roots: []*x509.Certificate{root.cert()}}, time.Now())
	if r.Verdict != Valid || len(r.Chain) != 3 {
		t.Fatalf("%s %s (%s), chain %d", r.Verdict, r.Reason, r.Detail, len(r.Chain))
	}
	// Trusting only the intermediate also works; trusting another root does not.
	if r := Verify(sealed, Trust{Roots: []*x509.Certificate{inter.cert()}}, time.Now()); r.Verdict != Valid {
		t.Errorf("intermediate as root: %s %s", r.Verdict, r.Detail)
	}
	other := newCA(t, "Annan kommun CA")
	if r := Verify(sealed, Trust{Roots: []*x509.Certificate{other.cert()}}, time.Now()); r.Verdict != UnknownSigner {
		t.Errorf("other root: %s %s", r.Verdict, r.Detail)
	}
}

// The input is read, not kept: changing it afterwards does not change the result.
func TestVerifyCopiesPayload(t *testing.T) {
	fx := newFixture(t)
	data := bytes.Clone(fx.sealed)
	r := Verify(data, fx.trust, time.Now())
	want := bytes.Clone(r.PayloadJSON)
	for i := range data {
		data[i] = 0
	}
	if !bytes.Equal(r.PayloadJSON, want) {
		t.Error("PayloadJSON aliases the input")
	}
}

// derLen is the length of the DER signature at the start of contents (the rest is padding).
func derLen(t *testing.T, contents []byte) int {
	t.Helper()
	var v asn1.RawValue
	rest, err := asn1.Unmarshal(contents, &v)
	if err != nil {
		t.Fatal(err)
	}
	return len(contents) - len(rest)
}

// selfCA is a self-signed certificate with CA:TRUE and neither key usage nor extended key
// usage, as `openssl req -x509` makes one: it could sign submissions, and issue certificates.
func selfCA(t *testing.T) identity {
	t.Helper()
	return newSigner(t, "Eva Evil", nil, func(c *x509.Certificate) {
		c.IsCA, c.BasicConstraintsValid = true, true
		c.KeyUsage, c.ExtKeyUsage = 0, nil
	})
}

// A CA certificate never signs a submission, even when it is on the trust list as an approved
// signer or as a CA: approving it must not let the certificates it issues in.
func TestVerifyRefusesCASigner(t *testing.T) {
	evil := selfCA(t)
	attached, err := attach(onePagePDF(t), mustJSON(t, samplePayload()), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	signed, err := signPDF(attached, evil.key, evil.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	for name, trust := range map[string]Trust{
		"unknown":           {},
		"approved signer":   {Signers: []*x509.Certificate{evil.cert()}},
		"on the list as CA": {Roots: []*x509.Certificate{evil.cert()}},
	} {
		if r := Verify(signed, trust, time.Now()); r.Verdict != Rejected || r.Reason != ReasonCertInvalid {
			t.Errorf("%s: %s %s (%s)", name, r.Verdict, r.Reason, r.Detail)
		}
	}
	if _, err := Seal(onePagePDF(t), samplePayload(), evil.key, evil.chain, SignInfo{}); err == nil {
		t.Error("Seal signed with a CA certificate")
	}
}
