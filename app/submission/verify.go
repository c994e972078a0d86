package submission

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/digitorus/pkcs7"
)

// Verify checks a received submission, in the order of DESIGN.md §5: it is a PDF; it has
// exactly one signature whose byte range covers the whole file; the digest matches; the
// certificate chains to trust.Roots or is one of trust.Signers; the payload extracts from the
// signed bytes and validates. Certificates are checked at now.
//
// Every failure is a Result, never a panic or an error. Verify reads only data, bounds its
// work by the size of data, and keeps nothing of it but copies in the Result.
func Verify(data []byte, trust Trust, now time.Time) (res Result) {
	defer func() {
		// Last resort: the parsers below are bounded and checked by FuzzVerify, but a
		// submission must never take the app down.
		if r := recover(); r != nil {
			res = reject(ReasonUnreadable, "panic: %v", r)
		}
	}()
	return verify(data, trust, now)
}

func reject(r Reason, format string, args ...any) Result {
	return Result{Verdict: Rejected, Reason: r, Detail: fmt.Sprintf(format, args...)}
}

func verify(data []byte, trust Trust, now time.Time) Result {
	switch {
	case len(data) == 0:
		return reject(ReasonEmpty, "0 bytes")
	case len(data) > MaxFileSize:
		return reject(ReasonTooLarge, "%d bytes, at most %d", len(data), MaxFileSize)
	case !bytes.HasPrefix(data, []byte("%PDF-")):
		return reject(ReasonNotPDF, "no %%PDF- header")
	}
	if !endsWithEOF(data) {
		return explain(data, ReasonTruncated, "no %%%%EOF at the end")
	}
	f, err := openPDF(data)
	if err != nil {
		return explain(data, ReasonUnreadable, "read structure: %v", err)
	}
	if !hasByteRange(data) {
		// Finding signatures parses every object; a file that has no byte range anywhere has
		// no signature, and is answered without that work.
		return reject(ReasonNoSignature, "no /ByteRange in the file")
	}
	sigs, err := f.signatures()
	if err != nil {
		return explain(data, ReasonUnreadable, "read objects: %v", err)
	}
	switch len(sigs) {
	case 0:
		return explain(data, ReasonNoSignature, "no signature dictionary")
	case 1:
	default:
		return reject(ReasonSeveralSignatures, "%d signature dictionaries", len(sigs))
	}
	sig, reason, err := sigFromDict(data, sigs[0])
	if err != nil {
		return reject(reason, "signature dictionary: %v", err)
	}
	if sig.signedEnd() > len(data) {
		return reject(ReasonTruncated, "byte range ends at %d, file has %d bytes", sig.signedEnd(), len(data))
	}
	p7, res := sig.check(data)
	if res.Reason != "" {
		return res
	}
	leaf := p7.GetOnlySigner()
	res = Result{Signer: leaf, Fingerprint: Fingerprint(leaf), Chain: []*x509.Certificate{leaf}}
	var signingTime time.Time
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &signingTime) == nil {
		res.SignedAt = signingTime
	}
	for _, c := range p7.Certificates {
		if !c.Equal(leaf) {
			res.Chain = append(res.Chain, c)
		}
	}
	if sig.signedEnd() < len(data) {
		return res.rejected(ReasonAppended, "signature covers %d of %d bytes", sig.signedEnd(), len(data))
	}

	trusted, chain, err := checkTrust(leaf, p7.Certificates, trust, now)
	if err != nil {
		return res.rejected(ReasonCertInvalid, "%v", err)
	}
	if chain != nil {
		res.Chain = chain
	}

	raw, err := f.attachment(AttachmentName)
	if errors.Is(err, errNoAttachment) {
		return res.rejected(ReasonNoPayload, "%v", err)
	}
	if err != nil {
		return res.rejected(ReasonPayloadInvalid, "extract %s: %v", AttachmentName, err)
	}
	res.PayloadJSON = raw
	p, reason, err := decodePayload(raw)
	if err != nil {
		return res.rejected(reason, "%v", err)
	}
	res.Payload = p
	res.Verdict = UnknownSigner
	if trusted {
		res.Verdict = Valid
	}
	return res
}

func (r Result) rejected(reason Reason, format string, args ...any) Result {
	r.Verdict, r.Reason, r.Detail = Rejected, reason, fmt.Sprintf(format, args...)
	r.Payload = nil
	return r
}

// Fingerprint is the lowercase hex SHA-256 of the certificate's DER, as Result.Fingerprint.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// endsWithEOF reports whether data ends with %%EOF and at most an end of line or spaces.
func endsWithEOF(data []byte) bool {
	return bytes.HasSuffix(bytes.TrimRight(data, " \t\r\n\x00"), []byte("%%EOF"))
}

// signature is one signature dictionary with a well-formed byte range [0 a b c] whose gap
// [a, b) is exactly its /Contents hex string.
type signature struct {
	a, b, c  int
	contents []byte // decoded, with pdfsign's zero padding
}

func (s signature) signedEnd() int { return s.b + s.c }

// sigFromDict reads the signature of dictionary d. A byte range that does not fit the file
// means the signed bytes were changed (the byte range is signed too).
func sigFromDict(data []byte, d pdfDict) (signature, Reason, error) {
	if subFilter, _ := d["SubFilter"].(pdfName); subFilter != "adbe.pkcs7.detached" && subFilter != "ETSI.CAdES.detached" {
		return signature{}, ReasonBadSignature, fmt.Errorf("/SubFilter %q is not a detached CMS signature", subFilter)
	}
	contents, ok := d["Contents"].(pdfString)
	if !ok || !contents.hex {
		return signature{}, ReasonBadSignature, errors.New("/Contents is not a hex string")
	}
	br, ok := d["ByteRange"].(pdfArray)
	if !ok || len(br) != 4 {
		return signature{}, ReasonTampered, errors.New("/ByteRange is not an array of four numbers")
	}
	var n [4]int
	for i, v := range br {
		x, ok := v.(int64)
		if !ok || x < 0 || x > int64(len(data))*2 {
			return signature{}, ReasonTampered, fmt.Errorf("/ByteRange value %v", v)
		}
		n[i] = int(x)
	}
	if n[0] != 0 || n[1] != contents.start || n[2] != contents.end {
		return signature{}, ReasonTampered, fmt.Errorf("/ByteRange %v does not leave out exactly /Contents at %d..%d", n, contents.start, contents.end)
	}
	s, err := rawSigAt(data, n)
	if err != nil {
		return signature{}, ReasonBadSignature, err
	}
	return s, "", nil
}

// rawSigAt checks byte range n against the bytes: the gap must be "<hex digits>".
func rawSigAt(data []byte, n [4]int) (signature, error) {
	a, b, c := n[1], n[2], n[3]
	if n[0] != 0 || a <= 0 || b <= a+2 || b > len(data) || c < 0 {
		return signature{}, fmt.Errorf("byte range %v out of order", n)
	}
	gap := data[a:b]
	if gap[0] != '<' || gap[len(gap)-1] != '>' || (len(gap)-2)%2 != 0 || len(gap)-2 > maxContents {
		return signature{}, fmt.Errorf("byte range gap %d..%d is not a hex string", a, b)
	}
	contents := make([]byte, (len(gap)-2)/2)
	if _, err := hex.Decode(contents, gap[1:len(gap)-1]); err != nil {
		return signature{}, fmt.Errorf("byte range gap %d..%d: %v", a, b, err)
	}
	return signature{a: a, b: b, c: c, contents: contents}, nil
}

// digestOIDs are the digest algorithms accepted in a signature.
var digestOIDs = []asn1.ObjectIdentifier{pkcs7.OIDDigestAlgorithmSHA256, pkcs7.OIDDigestAlgorithmSHA384, pkcs7.OIDDigestAlgorithmSHA512}

// check verifies the CMS signature over the signed ranges (the part of the file that exists).
// A Result with a Reason is a rejection.
func (s signature) check(data []byte) (*pkcs7.PKCS7, Result) {
	p7, err := pkcs7.Parse(s.contents)
	if err != nil {
		return nil, reject(ReasonBadSignature, "parse CMS: %v", err)
	}
	// /Contents is the DER signature padded with zero bytes. The padding is outside the signed
	// bytes and pkcs7.Parse ignores it: anything but zeros there was put in after signing.
	var der asn1.RawValue
	pad, err := asn1.Unmarshal(s.contents, &der)
	if err != nil {
		return nil, reject(ReasonBadSignature, "CMS is not DER: %v", err)
	}
	if i := slices.IndexFunc(pad, func(b byte) bool { return b != 0 }); i >= 0 {
		return nil, reject(ReasonTampered, "byte %d of the signature's padding is %#x, not zero", len(s.contents)-len(pad)+i, pad[i])
	}
	if len(p7.Signers) != 1 || p7.GetOnlySigner() == nil {
		return nil, reject(ReasonBadSignature, "CMS has %d signers, or no certificate for the signer", len(p7.Signers))
	}
	alg := p7.Signers[0].DigestAlgorithm.Algorithm
	okAlg := false
	for _, o := range digestOIDs {
		okAlg = okAlg || alg.Equal(o)
	}
	if !okAlg {
		return nil, reject(ReasonBadSignature, "digest algorithm %v not accepted", alg)
	}
	end := min(s.signedEnd(), len(data))
	content := make([]byte, 0, s.a+end-s.b)
	content = append(content, data[:s.a]...)
	content = append(content, data[s.b:end]...)
	p7.Content = content
	if err := p7.Verify(); err != nil {
		var mismatch *pkcs7.MessageDigestMismatchError
		if errors.As(err, &mismatch) {
			return nil, reject(ReasonTampered, "digest of the signed bytes differs from the signed digest")
		}
		var st time.Time
		leaf := p7.GetOnlySigner()
		if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &st) == nil && (st.Before(leaf.NotBefore) || st.After(leaf.NotAfter)) {
			return nil, reject(ReasonCertInvalid, "signing time %s outside the certificate's validity", st.Format(time.RFC3339))
		}
		return nil, reject(ReasonBadSignature, "verify CMS: %v", err)
	}
	return p7, Result{}
}

// explain is used when the structure gives no answer: it looks for byte ranges in the raw
// bytes, so a file changed or cut after signing is named as such rather than unreadable.
func explain(data []byte, fallback Reason, format string, args ...any) Result {
	detail := fmt.Sprintf(format, args...)
	truncated, appended := false, false
	for _, s := range scanSignatures(data) {
		if s.signedEnd() > len(data) {
			truncated = true
			continue
		}
		if _, r := s.check(data); r.Reason == ReasonTampered {
			return reject(ReasonTampered, "%s; the signed bytes were changed", detail)
		} else if r.Reason == "" && s.signedEnd() < len(data) {
			appended = true
		}
	}
	switch {
	case appended:
		return reject(ReasonAppended, "%s; bytes were added after the signed part", detail)
	case truncated:
		return reject(ReasonTruncated, "%s; a signature covers more bytes than the file has", detail)
	}
	return reject(fallback, "%s", detail)
}

// hasByteRange reports whether "/ByteRange [" followed by four integers occurs in the raw bytes.
func hasByteRange(data []byte) bool {
	key := []byte("/ByteRange")
	for i := 0; ; {
		j := bytes.Index(data[i:], key)
		if j < 0 {
			return false
		}
		i += j + len(key)
		l := &lexer{data: data, pos: i}
		l.skipSpace()
		if l.peek() != '[' {
			continue
		}
		l.pos++
		ok := true
		for range 4 {
			if _, good := l.readInt(); !good {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
}

// scanSignatures finds "/ByteRange [0 a b c]" in the raw bytes whose gap is a hex string.
func scanSignatures(data []byte) []signature {
	const maxCandidates = 8
	var out []signature
	key := []byte("/ByteRange")
	for i, found := 0, 0; found < 64 && len(out) < maxCandidates; found++ {
		j := bytes.Index(data[i:], key)
		if j < 0 {
			break
		}
		l := &lexer{data: data, pos: i + j + len(key)}
		i += j + len(key)
		l.skipSpace()
		if l.peek() != '[' {
			continue
		}
		l.pos++
		var n [4]int
		ok := true
		for k := range n {
			v, good := l.readInt()
			if !good || v > int64(len(data))*2 {
				ok = false
				break
			}
			n[k] = int(v)
		}
		if !ok {
			continue
		}
		if s, err := rawSigAt(data, n); err == nil {
			out = append(out, s)
		}
	}
	return out
}

// docSigningEKU is id-kp-documentSigning (RFC 9336), which crypto/x509 does not name.
var docSigningEKU = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// checkLeaf checks that a signer certificate is valid at now and meant for signing: not a CA
// certificate, key usage digital signature (or non-repudiation) when present, and an extended
// key usage for e-mail protection, client authentication, document signing or any, when present.
func checkLeaf(c *x509.Certificate, now time.Time) error {
	if c.IsCA {
		// A CA certificate that signs a submission itself could, once approved as a signer,
		// be mistaken for a CA and vouch for certificates it issues.
		return errors.New("a CA certificate may not sign submissions")
	}
	if now.Before(c.NotBefore) {
		return fmt.Errorf("not valid before %s", c.NotBefore.Format(time.DateOnly))
	}
	if now.After(c.NotAfter) {
		return fmt.Errorf("expired %s", c.NotAfter.Format(time.DateOnly))
	}
	if c.KeyUsage != 0 && c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return errors.New("key usage does not allow signing")
	}
	if len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0 {
		return nil
	}
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageAny || u == x509.ExtKeyUsageEmailProtection || u == x509.ExtKeyUsageClientAuth {
			return nil
		}
	}
	if hasDocSigning(c) {
		return nil
	}
	return errors.New("extended key usage does not allow signing documents")
}

func hasDocSigning(c *x509.Certificate) bool {
	for _, o := range c.UnknownExtKeyUsage {
		if o.Equal(docSigningEKU) {
			return true
		}
	}
	return false
}

// checkTrust decides whether leaf is trusted: approved by DER, or chaining to a root through
// the certificates in the signature. An error means the certificate must not be accepted at
// all; (false, nil, nil) means it is merely unknown.
func checkTrust(leaf *x509.Certificate, certs []*x509.Certificate, trust Trust, now time.Time) (bool, []*x509.Certificate, error) {
	if err := checkLeaf(leaf, now); err != nil {
		return false, nil, err
	}
	for _, s := range trust.Signers {
		if s != nil && bytes.Equal(s.Raw, leaf.Raw) {
			return true, []*x509.Certificate{leaf}, nil
		}
	}
	if len(trust.Roots) == 0 {
		return false, nil, nil
	}
	roots, inter := x509.NewCertPool(), x509.NewCertPool()
	for _, c := range trust.Roots {
		if c != nil {
			roots.AddCert(c)
		}
	}
	for _, c := range certs {
		if !c.Equal(leaf) {
			inter.AddCert(c)
		}
	}
	usages := []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection, x509.ExtKeyUsageClientAuth}
	if hasDocSigning(leaf) {
		usages = []x509.ExtKeyUsage{x509.ExtKeyUsageAny} // checkLeaf accepted it; x509 cannot name it
	}
	chains, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: now, KeyUsages: usages})
	if err == nil {
		return true, chains[0], nil
	}
	var unknown x509.UnknownAuthorityError
	if errors.As(err, &unknown) {
		return false, nil, nil
	}
	return false, nil, fmt.Errorf("certificate chain: %w", err)
}

// decodePayload reads submission.json: unknown fields of the same schema are ignored, a newer
// schema is refused before anything else is read.
func decodePayload(raw []byte) (*Payload, Reason, error) {
	var head struct {
		Schema *int `json:"schema"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, ReasonPayloadInvalid, fmt.Errorf("not a JSON object: %w", err)
	}
	if head.Schema == nil {
		return nil, ReasonPayloadInvalid, errors.New("no schema field")
	}
	if *head.Schema > SchemaVersion {
		return nil, ReasonSchemaNewer, fmt.Errorf("schema %d, this version reads up to %d", *head.Schema, SchemaVersion)
	}
	var p Payload
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, ReasonPayloadInvalid, fmt.Errorf("decode: %w", err)
	}
	if err := p.Validate(); err != nil {
		return nil, ReasonPayloadInvalid, err
	}
	return &p, "", nil
}

// errNoAttachment: the PDF has no submission.json.
var errNoAttachment = errors.New("no attachment " + strconv.Quote(AttachmentName))

// signatures returns every signature dictionary (one with /ByteRange and /Contents) in the
// objects of the newest revision, wherever it is nested.
func (f *pdfFile) signatures() ([]pdfDict, error) {
	var out []pdfDict
	for _, n := range f.liveObjects() {
		v, err := f.object(n)
		if err != nil {
			return nil, err
		}
		collectSigs(v, &out)
	}
	return out, nil
}

// collectSigs recurses only as deep as the parser allowed the object to nest.
func collectSigs(v any, out *[]pdfDict) {
	switch x := v.(type) {
	case pdfDict:
		_, br := x["ByteRange"]
		_, ct := x["Contents"]
		if br && ct {
			*out = append(*out, x)
		}
		for _, e := range x {
			collectSigs(e, out)
		}
	case pdfArray:
		for _, e := range x {
			collectSigs(e, out)
		}
	case *pdfStream:
		collectSigs(x.dict, out)
	}
}

// attachment returns the decoded embedded file registered under name in the EmbeddedFiles
// name tree. Exactly one entry must have that name.
func (f *pdfFile) attachment(name string) ([]byte, error) {
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, perr("no catalog")
	}
	names, err := f.dict(root["Names"])
	if err != nil || names == nil {
		return nil, errors.Join(errNoAttachment, err)
	}
	tree, err := f.dict(names["EmbeddedFiles"])
	if err != nil || tree == nil {
		return nil, errors.Join(errNoAttachment, err)
	}
	// A name tree is a tree: every node object is visited once, and the keys, values and kids
	// looked at count against one budget, so a node listed many times (or a shared /Names
	// array) cannot multiply the work. The second match ends the walk.
	var found []any
	seen := map[int]bool{}
	if r, ok := names["EmbeddedFiles"].(pdfRef); ok {
		seen[r.num] = true
	}
	entries := 0
	spend := func(n int) error {
		entries += n
		if entries > maxTreeEntries {
			return perr("embedded files name tree too large")
		}
		return nil
	}
	var walk func(node pdfDict, depth int) error
	walk = func(node pdfDict, depth int) error {
		if depth > maxTreeDepth {
			return perr("embedded files name tree too deep")
		}
		if v, err := f.resolve(node["Names"]); err != nil {
			return err
		} else if arr, ok := v.(pdfArray); ok {
			if err := spend(len(arr)); err != nil {
				return err
			}
			for i := 0; i+1 < len(arr); i += 2 {
				k, err := f.resolve(arr[i])
				if err != nil {
					return err
				}
				if s, ok := k.(pdfString); ok && textString(s.b) == name {
					found = append(found, arr[i+1])
					if len(found) > 1 {
						return perr("%d attachments named %s", len(found), name)
					}
				}
			}
		}
		v, err := f.resolve(node["Kids"])
		if err != nil {
			return err
		}
		kids, _ := v.(pdfArray)
		if err := spend(len(kids)); err != nil {
			return err
		}
		for _, k := range kids {
			if r, ok := k.(pdfRef); ok {
				if seen[r.num] {
					return perr("embedded files name tree reaches object %d twice", r.num)
				}
				seen[r.num] = true
			}
			kd, err := f.dict(k)
			if err != nil {
				return err
			}
			if kd != nil {
				if err := walk(kd, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(tree, 0); err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, errNoAttachment
	}
	spec, err := f.dict(found[0])
	if err != nil || spec == nil {
		return nil, errors.Join(perr("file specification missing"), err)
	}
	ef, err := f.dict(spec["EF"])
	if err != nil || ef == nil {
		return nil, errors.Join(perr("file specification without /EF"), err)
	}
	sv, err := f.resolve(ef["F"])
	if err != nil {
		return nil, err
	}
	stream, ok := sv.(*pdfStream)
	if !ok {
		return nil, perr("/EF /F is not a stream")
	}
	data, err := f.decodeStream(stream, MaxPayloadSize)
	if err != nil {
		return nil, err
	}
	if params, err := f.dict(stream.dict["Params"]); err == nil && params != nil {
		if size, ok := params["Size"].(int64); ok && size != int64(len(data)) {
			return nil, perr("embedded file has %d bytes, its /Params say %d", len(data), size)
		}
	}
	return data, nil
}
