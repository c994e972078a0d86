package pdfsign

import (
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/digitorus/pkcs7"

	"handlingsplan/app/pdfread"
)

// MaxContents bounds the hex digits of a signature's /Contents (a few kB in practice).
const MaxContents = 256 << 10

// What a signature check can find; Check and FromDict wrap one of them.
var (
	// ErrTampered: the signed bytes, the byte range or the signature's padding were changed.
	ErrTampered = errors.New("signed bytes changed")
	// ErrBadSignature: the signature is malformed, of a kind not accepted, or does not verify.
	ErrBadSignature = errors.New("bad signature")
	// ErrSigningTime: the signing time lies outside the signer certificate's validity.
	ErrSigningTime = errors.New("signing time outside the certificate's validity")
)

// Signature is one signature of a file: a byte range [0 A B C] whose gap [A, B) is its
// /Contents hex string.
type Signature struct {
	A, B, C  int
	Contents []byte // decoded, with the signer's zero padding
}

// SignedEnd is where the signed bytes end: the file's size when the signature covers it all.
func (s Signature) SignedEnd() int { return s.B + s.C }

// FromDict reads the signature of dictionary d in data. A byte range that does not fit the
// file means the signed bytes were changed (the byte range is signed too).
func FromDict(data []byte, d pdfread.Dict) (Signature, error) {
	if subFilter, _ := d["SubFilter"].(pdfread.Name); subFilter != "adbe.pkcs7.detached" && subFilter != "ETSI.CAdES.detached" {
		return Signature{}, fmt.Errorf("%w: /SubFilter %q is not a detached CMS signature", ErrBadSignature, subFilter)
	}
	contents, ok := d["Contents"].(pdfread.String)
	if !ok || !contents.Hex {
		return Signature{}, fmt.Errorf("%w: /Contents is not a hex string", ErrBadSignature)
	}
	br, ok := d["ByteRange"].(pdfread.Array)
	if !ok || len(br) != 4 {
		return Signature{}, fmt.Errorf("%w: /ByteRange is not an array of four numbers", ErrTampered)
	}
	var n [4]int
	for i, v := range br {
		x, ok := v.(int64)
		if !ok || x < 0 || x > int64(len(data))*2 {
			return Signature{}, fmt.Errorf("%w: /ByteRange value %v", ErrTampered, v)
		}
		n[i] = int(x)
	}
	if n[0] != 0 || n[1] != contents.Start || n[2] != contents.End {
		return Signature{}, fmt.Errorf("%w: /ByteRange %v does not leave out exactly /Contents at %d..%d", ErrTampered, n, contents.Start, contents.End)
	}
	return At(data, n)
}

// At checks byte range n against the bytes: the gap must be "<hex digits>".
func At(data []byte, n [4]int) (Signature, error) {
	a, b, c := n[1], n[2], n[3]
	if n[0] != 0 || a <= 0 || b <= a+2 || b > len(data) || c < 0 {
		return Signature{}, fmt.Errorf("%w: byte range %v out of order", ErrBadSignature, n)
	}
	gap := data[a:b]
	if gap[0] != '<' || gap[len(gap)-1] != '>' || (len(gap)-2)%2 != 0 || len(gap)-2 > MaxContents {
		return Signature{}, fmt.Errorf("%w: byte range gap %d..%d is not a hex string", ErrBadSignature, a, b)
	}
	contents := make([]byte, (len(gap)-2)/2)
	if _, err := hex.Decode(contents, gap[1:len(gap)-1]); err != nil {
		return Signature{}, fmt.Errorf("%w: byte range gap %d..%d: %v", ErrBadSignature, a, b, err)
	}
	return Signature{A: a, B: b, C: c, Contents: contents}, nil
}

// Scan finds signatures by their "/ByteRange [0 a b c]" in the raw bytes (at most 8, among
// the first 64 byte ranges), for a file whose structure cannot be read: what a signature covered
// still tells whether the file was cut, changed or added to after signing.
func Scan(data []byte) []Signature {
	const maxCandidates = 8
	var out []Signature
	for _, n := range pdfread.ByteRanges(data, 64) {
		if s, err := At(data, n); err == nil {
			out = append(out, s)
			if len(out) == maxCandidates {
				break
			}
		}
	}
	return out
}

// digestOIDs are the digest algorithms accepted in a signature.
var digestOIDs = []asn1.ObjectIdentifier{pkcs7.OIDDigestAlgorithmSHA256, pkcs7.OIDDigestAlgorithmSHA384, pkcs7.OIDDigestAlgorithmSHA512}

// Check verifies the CMS signature over the signed ranges (the part of them that exists in
// data) and returns it. It checks the digest, the signer's signature, every signed attribute
// the verdict relies on (the signer's certificate must be the one the signed attributes name)
// and the signatures of the certificates in it (see cms.go); not whether the signer is
// trusted: that is the caller's to decide from the certificates.
func (s Signature) Check(data []byte) (*pkcs7.PKCS7, error) {
	p7, err := pkcs7.Parse(s.Contents)
	if err != nil {
		return nil, fmt.Errorf("%w: parse CMS: %v", ErrBadSignature, err)
	}
	// /Contents is the DER signature padded with zero bytes. The padding is outside the signed
	// bytes and pkcs7.Parse ignores it: anything but zeros there was put in after signing.
	var der asn1.RawValue
	pad, err := asn1.Unmarshal(s.Contents, &der)
	if err != nil {
		return nil, fmt.Errorf("%w: CMS is not DER: %v", ErrBadSignature, err)
	}
	if i := slices.IndexFunc(pad, func(b byte) bool { return b != 0 }); i >= 0 {
		return nil, fmt.Errorf("%w: byte %d of the signature's padding is %#x, not zero", ErrTampered, len(s.Contents)-len(pad)+i, pad[i])
	}
	if len(p7.Signers) == 1 && p7.GetOnlySigner() == nil && len(p7.Certificates) > 0 {
		// The signer names its certificate by issuer and serial number; none in the signature
		// has them: a certificate (or the name) was changed after signing.
		return nil, fmt.Errorf("%w: no certificate in the signature has the signer's issuer and serial number", ErrTampered)
	}
	if len(p7.Signers) != 1 || p7.GetOnlySigner() == nil {
		return nil, fmt.Errorf("%w: CMS has %d signers, or no certificate for the signer", ErrBadSignature, len(p7.Signers))
	}
	alg := p7.Signers[0].DigestAlgorithm.Algorithm
	if !slices.ContainsFunc(digestOIDs, alg.Equal) {
		return nil, fmt.Errorf("%w: digest algorithm %v not accepted", ErrBadSignature, alg)
	}
	// The certificate the signed attributes name must be the one in the signature, or the
	// certificate (its name, its key) was changed after signing; checked before the signature
	// value, so that a changed key is named as such, not as a broken signature.
	if err := checkSigningCertificate(signedAttributes(p7), p7.GetOnlySigner()); err != nil {
		return nil, err
	}
	end := min(s.SignedEnd(), len(data))
	content := make([]byte, 0, s.A+end-s.B)
	content = append(content, data[:s.A]...)
	content = append(content, data[s.B:end]...)
	p7.Content = content
	if err := p7.Verify(); err != nil {
		var mismatch *pkcs7.MessageDigestMismatchError
		if errors.As(err, &mismatch) {
			return nil, fmt.Errorf("%w: digest of the signed bytes differs from the signed digest", ErrTampered)
		}
		var st time.Time
		leaf := p7.GetOnlySigner()
		if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &st) == nil && (st.Before(leaf.NotBefore) || st.After(leaf.NotAfter)) {
			return nil, fmt.Errorf("%w (signed %s)", ErrSigningTime, st.Format(time.RFC3339))
		}
		return nil, fmt.Errorf("%w: verify CMS: %v", ErrBadSignature, err)
	}
	// The digest and the signer's signature are right; now what they do not cover.
	if err := checkSignedAttributes(signedAttributes(p7), p7.GetOnlySigner()); err != nil {
		return nil, err
	}
	if err := checkCertificates(p7.Certificates); err != nil {
		return nil, err
	}
	return p7, nil
}
