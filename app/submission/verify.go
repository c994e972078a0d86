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
	"time"

	"github.com/digitorus/pkcs7"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdfsign"
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
		return explain(data, ReasonTruncated, nil, "no %%EOF at the end")
	}
	if !pdfread.HasByteRange(data) {
		// No byte range anywhere in the raw bytes: no signature, whatever the file's
		// cross-reference form (tables, streams, hybrid, linearized). Such a file is not a
		// submission, and is answered so without reading its objects, unless it is not even
		// a PDF one could read.
		if err := pdfread.CheckXref(data); err != nil {
			return reject(ReasonUnreadable, "no /ByteRange, and %v", err)
		}
		return reject(ReasonNoSignature, "no /ByteRange in the file")
	}
	f, err := pdfread.Open(data)
	if err != nil {
		return explain(data, ReasonUnreadable, err, "read structure")
	}
	sigs, err := f.Signatures()
	if err != nil {
		return explain(data, ReasonUnreadable, err, "read objects")
	}
	switch len(sigs) {
	case 0:
		return explain(data, ReasonNoSignature, nil, "no signature dictionary")
	case 1:
	default:
		return reject(ReasonSeveralSignatures, "%d signature dictionaries", len(sigs))
	}
	sig, err := pdfsign.FromDict(data, sigs[0])
	if err != nil {
		return reject(sigReason(err), "signature dictionary: %v", err)
	}
	if sig.SignedEnd() > len(data) {
		return reject(ReasonTruncated, "byte range ends at %d, file has %d bytes", sig.SignedEnd(), len(data))
	}
	p7, err := sig.Check(data)
	if err != nil {
		return reject(sigReason(err), "%v", err)
	}
	leaf := p7.GetOnlySigner()
	res := Result{Signer: leaf, Fingerprint: Fingerprint(leaf), Chain: []*x509.Certificate{leaf}}
	var signingTime time.Time
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &signingTime) == nil {
		res.SignedAt = signingTime
	}
	for _, c := range p7.Certificates {
		if !c.Equal(leaf) {
			res.Chain = append(res.Chain, c)
		}
	}
	if sig.SignedEnd() < len(data) {
		return res.rejected(ReasonAppended, "signature covers %d of %d bytes", sig.SignedEnd(), len(data))
	}

	trusted, chain, err := checkTrust(leaf, p7.Certificates, trust, now)
	if err != nil {
		return res.rejected(ReasonCertInvalid, "%v", err)
	}
	if chain != nil {
		res.Chain = chain
	}

	raw, err := f.Attachment(AttachmentName, MaxPayloadSize)
	if errors.Is(err, pdfread.ErrNoAttachment) {
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

// sigReason is the verdict's reason for an error of the signature check.
func sigReason(err error) Reason {
	switch {
	case errors.Is(err, pdfsign.ErrTampered):
		return ReasonTampered
	case errors.Is(err, pdfsign.ErrSigningTime):
		return ReasonCertInvalid
	}
	return ReasonBadSignature
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

// explain is used when the structure gives no answer: it looks for byte ranges in the raw
// bytes, so a file changed or cut after signing is named as such rather than unreadable, and a
// signed PDF of a structure the app never writes (a cross-reference stream, a hybrid file) is
// named as what it is: not a submission from Handlingsplan, unless what its signature covers
// is one (then the file was added to after signing).
func explain(data []byte, fallback Reason, cause error, what string) Result {
	detail := what
	if cause != nil {
		detail += ": " + cause.Error()
	}
	truncated, appendedToOurs, intact := false, false, false
	found := pdfsign.Scan(data)
	if len(found) == 0 && hasSignatureSizedRange(data) {
		// A byte range whose gap would hold a signature, but no signature is there in these
		// bytes: the file was rewritten (renumbered, recompressed) after it was signed.
		return reject(ReasonTampered, "%s; no /ByteRange fits the file: it was rewritten after signing", detail)
	}
	for _, s := range found {
		if s.SignedEnd() > len(data) {
			truncated = true
			continue
		}
		_, err := s.Check(data)
		switch {
		case errors.Is(err, pdfsign.ErrTampered):
			return reject(ReasonTampered, "%s; the signed bytes were changed", detail)
		case err == nil:
			intact = true
			if s.SignedEnd() < len(data) && isSubmission(data[:s.SignedEnd()]) {
				appendedToOurs = true
			}
		}
	}
	switch {
	case appendedToOurs:
		return reject(ReasonAppended, "%s; bytes were added after the signed part", detail)
	case truncated:
		return reject(ReasonTruncated, "%s; a signature covers more bytes than the file has", detail)
	case intact || errors.Is(cause, pdfread.ErrNotClassic):
		// A valid signature, or a structure the app never writes: a signed PDF from elsewhere.
		return reject(ReasonNoPayload, "%s; a signed PDF that is not a submission", detail)
	}
	return reject(fallback, "%s", detail)
}

// hasSignatureSizedRange reports whether a /ByteRange in the raw bytes leaves a gap large
// enough for a CMS signature with its certificate (more than 512 bytes, as hex).
func hasSignatureSizedRange(data []byte) bool {
	for _, n := range pdfread.ByteRanges(data, 64) {
		if n[0] == 0 && n[1] > 0 && n[2]-n[1] >= 1024 {
			return true
		}
	}
	return false
}

// isSubmission reports whether signed, the part of a file a signature covers, is a submission
// as the app writes it: a classic PDF with submission.json attached.
func isSubmission(signed []byte) bool {
	f, err := pdfread.Open(signed)
	if err != nil {
		return false
	}
	_, err = f.Attachment(AttachmentName, MaxPayloadSize)
	return err == nil
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
