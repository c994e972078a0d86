package submission

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"handlingsplan/app/pdfread"
)

// The tamper corpus (issue 13): one signed submission and a file for every region of it
// changed, cut, added to or rewritten, foreign PDFs of every cross-reference form, each with
// the verdict it must get. The files are committed under testdata/tamper so that anyone can
// run another verifier (pdfsig, Adobe Reader) on them; `go test -run TestTamperCorpus
// -update-tamper ./app/submission` makes them again (qpdf makes the foreign forms).

var updateTamper = flag.Bool("update-tamper", false, "make testdata/tamper again (needs qpdf)")

const tamperDir = "testdata/tamper"

// tamperCase is one file of the corpus and what it must verify to.
type tamperCase struct {
	File    string  `json:"file"`
	Region  string  `json:"region"`
	Change  string  `json:"change"`
	Verdict Verdict `json:"verdict"`
	Reason  Reason  `json:"reason,omitempty"`
}

type tamperIndex struct {
	// Now is when the files are verified: inside the validity of their certificates.
	Now   time.Time    `json:"now"`
	Cases []tamperCase `json:"cases"`
}

func TestTamperCorpus(t *testing.T) {
	if *updateTamper {
		writeTamperCorpus(t)
	}
	idx, trust := readTamperIndex(t)
	pdfsig, _ := exec.LookPath("pdfsig")
	var stricter, rows []string
	for _, c := range idx.Cases {
		data, err := os.ReadFile(filepath.Join(tamperDir, c.File))
		if err != nil {
			t.Fatal(err)
		}
		r := Verify(data, trust, idx.Now)
		if r.Verdict != c.Verdict || r.Reason != c.Reason {
			t.Errorf("%s (%s: %s): %s %s (%s), want %s %s", c.File, c.Region, c.Change, r.Verdict, r.Reason, r.Detail, c.Verdict, c.Reason)
		}
		if pdfsig == "" {
			continue
		}
		ps := pdfsigSays(t, pdfsig, filepath.Join(tamperDir, c.File))
		ours := string(r.Verdict)
		if r.Reason != "" {
			ours += " " + string(r.Reason)
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s |", c.File, c.Region, ours, ps))
		// Never laxer than poppler: what pdfsig finds wrong with a signature, we reject.
		if r.Verdict != Rejected && ps != "valid, whole file" {
			t.Errorf("%s: we say %s, pdfsig says %q", c.File, ours, ps)
		}
		if r.Verdict == Rejected && strings.HasPrefix(ps, "valid") {
			stricter = append(stricter, fmt.Sprintf("%s (%s): pdfsig %q, we %s", c.File, c.Change, ps, ours))
		}
	}
	if pdfsig == "" {
		t.Log("pdfsig is not installed: the comparison with poppler is left out")
		return
	}
	t.Logf("our verdict and pdfsig's, file by file:\n| file | region | ours | pdfsig |\n|---|---|---|---|\n%s", strings.Join(rows, "\n"))
	t.Logf("%d files where we are stricter than pdfsig:\n  %s", len(stricter), strings.Join(stricter, "\n  "))
}

var (
	pdfsigValid   = regexp.MustCompile(`Signature Validation: (.*)`)
	pdfsigTotal   = regexp.MustCompile(`Total document signed`)
	pdfsigPartial = regexp.MustCompile(`(?i)not total document signed`)
)

// pdfsigSays sums up what pdfsig reports about a file: "no signature", "valid, whole file",
// "valid, part of the file", or its validation message ("Digest Mismatch." …); several
// signatures are joined with "; ".
func pdfsigSays(t *testing.T, pdfsig, path string) string {
	t.Helper()
	cmd := exec.Command(pdfsig, "-nocert", path)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, _ := cmd.CombinedOutput()
	text := string(out)
	switch {
	case strings.Contains(text, "does not contain any signatures"):
		return "no signature"
	case strings.Contains(text, "Error") && !strings.Contains(text, "Signature #1"):
		return "cannot read the file"
	}
	var says []string
	for _, part := range strings.Split(text, "Signature #")[1:] {
		m := pdfsigValid.FindStringSubmatch(part)
		switch {
		case m == nil:
			says = append(says, "no validation")
		case m[1] != "Signature is Valid.":
			says = append(says, strings.TrimSuffix(m[1], "."))
		case pdfsigPartial.MatchString(part):
			says = append(says, "valid, part of the file")
		case pdfsigTotal.MatchString(part):
			says = append(says, "valid, whole file")
		default:
			says = append(says, "valid")
		}
	}
	if len(says) == 0 {
		return "cannot read the file"
	}
	return strings.Join(says, "; ")
}

func readTamperIndex(t *testing.T) (tamperIndex, Trust) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(tamperDir, "expected.json"))
	if err != nil {
		t.Fatalf("%v (make the corpus with -update-tamper)", err)
	}
	var idx tamperIndex
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	pemBytes, err := os.ReadFile(filepath.Join(tamperDir, "trusted-ca.pem"))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		t.Fatal("trusted-ca.pem: no certificate")
	}
	ca, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Cases) < 40 {
		t.Fatalf("only %d cases in the corpus", len(idx.Cases))
	}
	return idx, Trust{Roots: []*x509.Certificate{ca}}
}

// writeTamperCorpus makes the corpus: the files, expected.json with the verdict each gets now
// (read them before committing: that is the review of the verdicts), and the CA to trust.
func writeTamperCorpus(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Fatal("-update-tamper needs qpdf for the cross-reference streams and linearized files")
	}
	now := time.Now().Truncate(time.Second)
	ca := newCA(t, "Exempelby kommun signerings-CA (tamper corpus)")
	signer := newSigner(t, "Åsa Öberg", &ca, nil)
	evil := newSigner(t, "Eva Evil", nil, nil)
	plain := makePDF(t, 3)
	info := testSignInfo
	info.Time = now
	s, err := Seal(plain, samplePayload(), signer.key, signer.chain, info)
	if err != nil {
		t.Fatal(err)
	}
	sig := signatureOf(t, s)
	attachNum, attachStream := streamOf(t, s, isEmbeddedFile)
	at := func(marker string, skip int) int {
		i := bytes.Index(s, []byte(marker))
		if i < 0 {
			t.Fatalf("%q not in the sealed file", marker)
		}
		return i + len(marker) + skip
	}
	withQpdf := func(in []byte, args ...string) []byte {
		dir := t.TempDir()
		src, dst := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
		os.WriteFile(src, in, 0o600)
		out, err := exec.Command(qpdf, append(append(args, src), dst)...).CombinedOutput()
		if err != nil && !strings.Contains(string(out), "operation succeeded with warnings") {
			t.Fatalf("qpdf %v: %v\n%s", args, err, out)
		}
		b, err := os.ReadFile(dst)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	zeroed := bytes.Clone(s)
	copy(zeroed[sig.A+1:sig.B-1], bytes.Repeat([]byte("0"), sig.B-sig.A-2))
	twice, err := signPDF(s, signer.key, signer.chain, SignInfo{Name: "Åsa Öberg, andra gången", Time: now})
	if err != nil {
		t.Fatal(err)
	}
	// An attacker's own signature over an edited payload: valid, by someone not trusted.
	p := samplePayload()
	p.Plan.Activities[1].Investment = 25000
	resealed, err := Seal(plain, p, evil.key, evil.chain, SignInfo{Name: "Åsa Öberg", Time: now})
	if err != nil {
		t.Fatal(err)
	}
	foreignSigned, err := signPDF(plain, evil.key, evil.chain, SignInfo{Name: "Annan myndighet", Time: now})
	if err != nil {
		t.Fatal(err)
	}
	objStreams := withQpdf(plain, "--object-streams=generate")
	foreignSignedXrefStream, err := signPDF(objStreams, evil.key, evil.chain, SignInfo{Name: "Annan myndighet", Time: now})
	if err != nil {
		t.Fatal(err)
	}

	type gen struct {
		file, region, change string
		data                 []byte
	}
	gens := []gen{
		{"00-original.pdf", "none", "the sealed submission as written", s},
		{"header-version.pdf", "header", "%PDF-1.x version digit changed", flipByte(s, 7)},
	}
	for i, c := range pageContents(t, s) {
		gens = append(gens, gen{fmt.Sprintf("page%d-content.pdf", i+1), fmt.Sprintf("page %d content stream", i+1), "one byte of the compressed content changed", flipByte(s, (c.Start+c.End)/2)})
	}
	gens = append(gens,
		gen{"info-title.pdf", "document information", "one letter of /Title changed", flipByte(s, at("/Title <FEFF", 6))},
		gen{"attachment-stream.pdf", "attachment", "one byte of submission.json's compressed stream changed", flipByte(s, attachStream.Start+10)},
		gen{"attachment-replaced.pdf", "attachment", "submission.json replaced in place by one with a smaller cost, same length", replacePayloadInPlace(t, s)},
		gen{"attachment-name.pdf", "attachment", "the file specification's name changed", flipByte(s, at("/Names [<7375626D", 2))},
		gen{"xref-entry.pdf", "cross-reference table", "one offset digit of the first table changed", flipByte(s, at("\nxref\n", len("0 1\n0000000")))},
		gen{"trailer-id.pdf", "trailer", "one byte of /ID changed", flipByte(s, bytes.LastIndex(s, []byte("/ID"))+6)},
		gen{"trailer-size.pdf", "trailer", "/Size of the last trailer changed", flipByte(s, bytes.LastIndex(s, []byte("/Size "))+6)},
		gen{"startxref.pdf", "trailer", "the last startxref offset changed", flipByte(s, bytes.LastIndex(s, []byte("startxref"))+len("startxref\n"))},
		gen{"sigdict-name.pdf", "signature dictionary", "/Name changed", flipByte(s, at("/Name (", 4))},
		gen{"sigdict-reason.pdf", "signature dictionary", "/Reason changed", flipByte(s, at("/Reason (", 4))},
		gen{"sigdict-date.pdf", "signature dictionary", "/M (signing date) changed", flipByte(s, at("/M (D:", 3))},
		gen{"sigdict-byterange.pdf", "/ByteRange", "second number changed", flipByte(s, at("/ByteRange [0 ", 0))},
		gen{"sigdict-byterange-last.pdf", "/ByteRange", "last number changed", flipByte(s, at("/ByteRange [", 0)+bytes.IndexByte(s[at("/ByteRange [", 0):], ']')-1)},
		gen{"signature-value.pdf", "signature (/Contents)", "one hex digit of the CMS signature value changed", changeHexDigit(s, sig.A+1+2*derLen(t, sig.Contents)-20)},
		gen{"signature-zeroed.pdf", "signature (/Contents)", "the whole signature replaced by zeros", zeroed},
		gen{"signature-padding.pdf", "signature (/Contents)", "a byte of the zero padding after the CMS changed", changeHexDigit(s, sig.B-2)},
		gen{"cert-signer-renamed.pdf", "signature's certificates", "the signer's name in its certificate changed, key kept", inCertificate(t, s, "Åsa Öberg", "Åsa Öberg", "Åsa Öbert")},
		gen{"cert-signer-board.pdf", "signature's certificates", "the board (O=) in the signer's certificate changed", inCertificate(t, s, "Åsa Öberg", "Socialnämnden", "Socialnämndeb")},
		gen{"cert-signer-serial.pdf", "signature's certificates", "the signer certificate's serial number changed", inCertificateSerial(t, s, "Åsa Öberg")},
		gen{"cert-ca-renamed.pdf", "signature's certificates", "the CA certificate's organisation changed", inCertificate(t, s, ca.cert().Subject.CommonName, "Exempelby kommun", "Exempelby kommuN")},
		gen{"appended-junk.pdf", "after the signed part", "text appended", append(bytes.Clone(s), "hej då"...)},
		gen{"appended-newlines.pdf", "after the signed part", "two newlines appended", append(bytes.Clone(s), '\n', '\n')},
		gen{"update-payload.pdf", "after the signed part", "an incremental update (xref table) replacing submission.json", appendUpdate(t, s, attachNum, "<</Type/EmbeddedFile/Length 13>>\nstream\n{\"schema\": 1}\nendstream")},
		gen{"update-xref-stream.pdf", "after the signed part", "an incremental update with a cross-reference stream replacing submission.json", appendXrefStreamUpdate(t, s, attachNum, "<</Type/EmbeddedFile/Length 13>>\nstream\n{\"schema\": 1}\nendstream")},
		gen{"update-annotation.pdf", "after the signed part", "pdfcpu adds a note as an incremental update", annotateIncrementally(t, s)},
		gen{"second-signature.pdf", "after the signed part", "signed a second time", twice},
		gen{"reattached-pdfcpu.pdf", "re-attached payload", "pdfcpu rewrites the file with another submission.json", rewriteWithPdfcpu(t, s)},
		gen{"reattached-resigned.pdf", "re-attached payload", "the report sealed again with an edited payload by another key named Åsa Öberg", resealed},
		gen{"truncated-half.pdf", "truncated", "the second half missing", s[:len(s)/2]},
		gen{"truncated-end.pdf", "truncated", "the last 10 bytes missing", s[:len(s)-10]},
		gen{"truncated-sigdict.pdf", "truncated", "cut inside the signature dictionary", s[:sig.B+50]},
		gen{"truncated-unsigned-revision.pdf", "truncated", "cut back to the revision before signing", s[:bytes.Index(s, []byte("%%EOF"))+6]},
		gen{"rewritten-qpdf.pdf", "rewritten", "qpdf rewrites the signed file (classic tables)", withQpdf(s)},
		gen{"rewritten-qpdf-objstreams.pdf", "rewritten", "qpdf rewrites the signed file with object and xref streams", withQpdf(s, "--object-streams=generate")},
		gen{"rewritten-qpdf-linearized.pdf", "rewritten", "qpdf linearizes the signed file", withQpdf(s, "--linearize")},
		gen{"foreign-classic.pdf", "foreign PDF", "a report, classic xref table, not signed", plain},
		gen{"foreign-xref-stream.pdf", "foreign PDF", "cross-reference stream and object streams, not signed", objStreams},
		gen{"foreign-hybrid.pdf", "foreign PDF", "hybrid: xref table with /XRefStm, not signed", hybrid(t, plain)},
		gen{"foreign-linearized.pdf", "foreign PDF", "linearized, xref tables, not signed", withQpdf(plain, "--linearize")},
		gen{"foreign-linearized-objstreams.pdf", "foreign PDF", "linearized with object streams, not signed", withQpdf(plain, "--linearize", "--object-streams=generate")},
		gen{"foreign-signed-classic.pdf", "foreign PDF", "signed by someone else, classic xref, no submission.json", foreignSigned},
		gen{"foreign-signed-xref-stream.pdf", "foreign PDF", "signed by someone else, cross-reference streams", foreignSignedXrefStream},
		gen{"not-a-pdf-body.pdf", "unreadable", "a PDF header and %%EOF around text", []byte("%PDF-1.7\nDet här är ingen PDF.\n%%EOF\n")},
	)

	if err := os.RemoveAll(tamperDir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(tamperDir, 0o755); err != nil {
		t.Fatal(err)
	}
	trust := Trust{Roots: []*x509.Certificate{ca.cert()}}
	idx := tamperIndex{Now: now.Add(time.Hour).UTC()}
	for _, g := range gens {
		if err := os.WriteFile(filepath.Join(tamperDir, g.file), g.data, 0o644); err != nil {
			t.Fatal(err)
		}
		r := Verify(g.data, trust, idx.Now)
		idx.Cases = append(idx.Cases, tamperCase{File: g.file, Region: g.region, Change: g.change, Verdict: r.Verdict, Reason: r.Reason})
	}
	b, _ := json.MarshalIndent(idx, "", "  ")
	if err := os.WriteFile(filepath.Join(tamperDir, "expected.json"), append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tamperDir, "trusted-ca.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.cert().Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pageContents are the content streams of the pages, in page order.
func pageContents(t *testing.T, data []byte) []*pdfread.Stream {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	var out []*pdfread.Stream
	for _, n := range f.Objects() {
		d, err := f.DictOf(pdfread.Ref{Num: n})
		if err != nil {
			t.Fatal(err)
		}
		if d["Type"] != pdfread.Name("Page") {
			continue
		}
		v, err := f.Resolve(d["Contents"])
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := v.(*pdfread.Stream); ok {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b *pdfread.Stream) int { return a.Start - b.Start })
	return out
}

// inCertificateSerial changes the last byte of the serial number of the certificate cn.
func inCertificateSerial(t *testing.T, data []byte, cn string) []byte {
	t.Helper()
	sig := signatureOf(t, data)
	p7, err := pkcs7.Parse(sig.Contents)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p7.Certificates {
		if c.Subject.CommonName == cn {
			serial := c.SerialNumber.Bytes()
			from := string(serial)
			to := string(append(serial[:len(serial)-1:len(serial)-1], serial[len(serial)-1]^1))
			return inCertificate(t, data, cn, "first:"+from, to)
		}
	}
	t.Fatalf("no certificate %q", cn)
	return nil
}

// appendXrefStreamUpdate appends an incremental update whose cross-reference section is a
// stream, as Acrobat writes them: object num becomes body.
func appendXrefStreamUpdate(t *testing.T, data []byte, num int, body string) []byte {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	root := f.Trailer()["Root"].(pdfread.Ref)
	size := f.Size()
	var b bytes.Buffer
	b.Write(data)
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	xrefAt := b.Len()
	rows := append(xrefStreamRow(off), xrefStreamRow(xrefAt)...)
	fmt.Fprintf(&b, "%d 0 obj\n<</Type/XRef/Size %d/Root %d %d R/Prev %d/W[1 4 2]/Index[%d 1 %d 1]/Length %d>>\nstream\n",
		size, size+1, root.Num, root.Gen, f.StartXref(), num, size, len(rows))
	b.Write(rows)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return b.Bytes()
}

// xrefStreamRow is a cross-reference stream's row (/W[1 4 2]) for an object in use at off.
func xrefStreamRow(off int) []byte {
	return []byte{1, byte(off >> 24), byte(off >> 16), byte(off >> 8), byte(off), 0, 0}
}

// hybrid makes a hybrid-reference file of a classic one: an update adds an object listed only
// in a cross-reference stream that the update's xref table names with /XRefStm.
func hybrid(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	root := f.Trailer()["Root"].(pdfread.Ref)
	size := f.Size()
	var b bytes.Buffer
	b.Write(data)
	objAt := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n(only in the xref stream)\nendobj\n", size)
	stmAt := b.Len()
	row := xrefStreamRow(objAt)
	fmt.Fprintf(&b, "%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]/Index[%d 1]/Length %d>>\nstream\n", size+1, size+2, size, len(row))
	b.Write(row)
	b.WriteString("\nendstream\nendobj\n")
	xrefAt := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n<</Size %d/Root %d %d R/Prev %d/XRefStm %d>>\nstartxref\n%d\n%%%%EOF\n",
		size+1, stmAt, size+2, root.Num, root.Gen, f.StartXref(), stmAt, xrefAt)
	return b.Bytes()
}
