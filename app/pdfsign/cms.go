package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/digitorus/pkcs7"
)

// The verdict of a signature may rely only on bytes the signature covers. In a CMS signature
// the signed attributes are covered, the certificates beside them are not: anyone can change
// a certificate's name and keep its key, and the signature still verifies. So the signed
// attributes must name the signer's certificate (ESS signing-certificate, RFC 5035, which
// Sign writes), and every certificate in the signature must carry a valid signature of its
// issuer when the issuer is there too (its own, for a self-signed one).

// Object identifiers of the signed attributes a signature may carry.
var (
	oidData                   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidContentType            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningTime            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidSigningCertificate     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 12}
	oidSigningCertificateV2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidCMSAlgorithmProtection = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 52}
	oidAdobeRevocation        = asn1.ObjectIdentifier{1, 2, 840, 113583, 1, 1, 8}
	oidSHA256                 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384                 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512                 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
)

// essCertIDv2 is ESSCertIDv2 (RFC 5035); ESSCertID (RFC 2634) is the same without the
// algorithm, which is then SHA-1.
type essCertIDv2 struct {
	HashAlgorithm pkix.AlgorithmIdentifier `asn1:"optional"` // default SHA-256
	CertHash      []byte
	IssuerSerial  issuerSerial `asn1:"optional"`
}

type essCertID struct {
	CertHash     []byte
	IssuerSerial issuerSerial `asn1:"optional"`
}

type issuerSerial struct {
	Issuer []asn1.RawValue // GeneralNames; ours name the issuer as a directoryName
	Serial *big.Int
}

// checkSignedAttributes judges every signed attribute the verdict relies on: there must be
// signed attributes; the content type is data; the message digest, signing time and signer
// certificate are there once, with one value; and the signer certificate they name is leaf.
// Attributes that name nothing the verdict uses (Adobe's revocation archive, algorithm
// protection, others) are signed too and may be there.
func checkSignedAttributes(signerAttrs []attribute, leaf *x509.Certificate) error {
	if len(signerAttrs) == 0 {
		return fmt.Errorf("%w: no signed attributes, so nothing binds the signer's certificate", ErrBadSignature)
	}
	values := map[string][][]byte{}
	for _, a := range signerAttrs {
		k := a.Type.String()
		if _, dup := values[k]; dup {
			return fmt.Errorf("%w: signed attribute %v twice", ErrBadSignature, a.Type)
		}
		vals, err := setValues(a.Value)
		if err != nil {
			return fmt.Errorf("%w: signed attribute %v: %v", ErrBadSignature, a.Type, err)
		}
		values[k] = vals
	}
	one := func(oid asn1.ObjectIdentifier, required bool) ([]byte, error) {
		v, ok := values[oid.String()]
		switch {
		case !ok && required:
			return nil, fmt.Errorf("%w: no signed attribute %v", ErrBadSignature, oid)
		case !ok:
			return nil, nil
		case len(v) != 1:
			return nil, fmt.Errorf("%w: signed attribute %v has %d values", ErrBadSignature, oid, len(v))
		}
		return v[0], nil
	}
	ct, err := one(oidContentType, true)
	if err != nil {
		return err
	}
	var ctOID asn1.ObjectIdentifier
	if rest, err := asn1.Unmarshal(ct, &ctOID); err != nil || len(rest) > 0 || !ctOID.Equal(oidData) {
		return fmt.Errorf("%w: content type %v, not data", ErrBadSignature, ctOID)
	}
	if _, err := one(oidMessageDigest, true); err != nil {
		return err
	}
	if st, err := one(oidSigningTime, false); err != nil {
		return err
	} else if st != nil {
		var t time.Time
		if rest, err := asn1.Unmarshal(st, &t); err != nil || len(rest) > 0 {
			return fmt.Errorf("%w: signing time is not a time", ErrBadSignature)
		}
	}
	for _, oid := range []asn1.ObjectIdentifier{oidCMSAlgorithmProtection, oidAdobeRevocation} {
		if _, err := one(oid, false); err != nil {
			return err
		}
	}
	return checkSigningCertificate(signerAttrs, leaf)
}

// checkSigningCertificate checks that the signed attributes name leaf as the signer's
// certificate (signing-certificate-v2, or the SHA-1 signing-certificate of older signers).
func checkSigningCertificate(attrs []attribute, leaf *x509.Certificate) error {
	var v1, v2 []byte
	for _, a := range attrs {
		var dst *[]byte
		switch {
		case a.Type.Equal(oidSigningCertificateV2):
			dst = &v2
		case a.Type.Equal(oidSigningCertificate):
			dst = &v1
		default:
			continue
		}
		vals, err := setValues(a.Value)
		if err != nil || len(vals) != 1 || *dst != nil {
			return fmt.Errorf("%w: signed attribute %v is not one value once", ErrBadSignature, a.Type)
		}
		*dst = vals[0]
	}
	switch {
	case v2 != nil:
		return checkCertIDv2(v2, leaf)
	case v1 != nil:
		return checkCertIDv1(v1, leaf)
	}
	return fmt.Errorf("%w: no signing-certificate attribute, so nothing binds the signer's certificate", ErrBadSignature)
}

// setValues splits the DER of a SET OF into its elements.
func setValues(set asn1.RawValue) ([][]byte, error) {
	if set.Class != asn1.ClassUniversal || set.Tag != asn1.TagSet || !set.IsCompound {
		return nil, errors.New("not a SET")
	}
	var out [][]byte
	for rest := set.Bytes; len(rest) > 0; {
		var v asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &v); err != nil {
			return nil, err
		}
		out = append(out, v.FullBytes)
	}
	return out, nil
}

// checkCertIDv2 checks SigningCertificateV2: the first ESSCertIDv2 names leaf.
func checkCertIDv2(der []byte, leaf *x509.Certificate) error {
	var sc struct {
		Certs    []asn1.RawValue
		Policies asn1.RawValue `asn1:"optional"`
	}
	if rest, err := asn1.Unmarshal(der, &sc); err != nil || len(rest) > 0 || len(sc.Certs) == 0 {
		return fmt.Errorf("%w: signing-certificate-v2 attribute malformed", ErrBadSignature)
	}
	var id essCertIDv2
	if rest, err := asn1.Unmarshal(sc.Certs[0].FullBytes, &id); err != nil || len(rest) > 0 {
		return fmt.Errorf("%w: signing-certificate-v2 attribute malformed", ErrBadSignature)
	}
	h := crypto.SHA256
	if len(id.HashAlgorithm.Algorithm) > 0 {
		switch alg := id.HashAlgorithm.Algorithm; {
		case alg.Equal(oidSHA256):
		case alg.Equal(oidSHA384):
			h = crypto.SHA384
		case alg.Equal(oidSHA512):
			h = crypto.SHA512
		default:
			return fmt.Errorf("%w: signing-certificate-v2 hash %v not accepted", ErrBadSignature, alg)
		}
	}
	return certIDMatches(h, id.CertHash, id.IssuerSerial, leaf)
}

// checkCertIDv1 checks SigningCertificate: the first ESSCertID names leaf by its SHA-1.
func checkCertIDv1(der []byte, leaf *x509.Certificate) error {
	var sc struct {
		Certs    []asn1.RawValue
		Policies asn1.RawValue `asn1:"optional"`
	}
	if rest, err := asn1.Unmarshal(der, &sc); err != nil || len(rest) > 0 || len(sc.Certs) == 0 {
		return fmt.Errorf("%w: signing-certificate attribute malformed", ErrBadSignature)
	}
	var id essCertID
	if rest, err := asn1.Unmarshal(sc.Certs[0].FullBytes, &id); err != nil || len(rest) > 0 {
		return fmt.Errorf("%w: signing-certificate attribute malformed", ErrBadSignature)
	}
	return certIDMatches(crypto.SHA1, id.CertHash, id.IssuerSerial, leaf)
}

// certIDMatches: the hash is of leaf's DER, and the issuer and serial, when given, are leaf's.
// A mismatch means the certificate in the signature is not the one the signer signed with:
// it was changed or swapped after signing.
func certIDMatches(h crypto.Hash, certHash []byte, is issuerSerial, leaf *x509.Certificate) error {
	d := h.New()
	d.Write(leaf.Raw)
	if !bytes.Equal(d.Sum(nil), certHash) {
		return fmt.Errorf("%w: the signer's certificate in the signature is not the one that was signed (%v hash differs)", ErrTampered, h)
	}
	if is.Serial == nil {
		return nil
	}
	if is.Serial.Cmp(leaf.SerialNumber) != 0 {
		return fmt.Errorf("%w: the signed serial number is not the certificate's", ErrTampered)
	}
	for _, gn := range is.Issuer {
		// directoryName [4] EXPLICIT Name
		if gn.Class == asn1.ClassContextSpecific && gn.Tag == 4 && !bytes.Equal(gn.Bytes, leaf.RawIssuer) {
			return fmt.Errorf("%w: the signed issuer is not the certificate's", ErrTampered)
		}
	}
	return nil
}

// checkCertificates checks the signature of every certificate in the signature whose issuer is
// there too, or that is self-signed: a certificate changed after it was issued fails it.
// Algorithms x509 will not check (SHA-1, unknown ones) are left to the trust decision.
func checkCertificates(certs []*x509.Certificate) error {
	for i, c := range certs {
		named, vouched, unverifiable := false, false, false
		for _, issuer := range certs {
			if !bytes.Equal(issuer.RawSubject, c.RawIssuer) {
				continue
			}
			named = true
			err := issuer.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature)
			var insecure x509.InsecureAlgorithmError
			switch {
			case err == nil:
				vouched = true
			case errors.As(err, &insecure), errors.Is(err, x509.ErrUnsupportedAlgorithm):
				unverifiable = true
			}
		}
		if named && !vouched && !unverifiable {
			return fmt.Errorf("%w: certificate %d (%q) in the signature does not carry a valid signature of its issuer: it was changed", ErrTampered, i+1, c.Subject.CommonName)
		}
	}
	return nil
}

// attribute is a signed attribute as pkcs7 parses it.
type attribute struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

// signedAttributes are the signed attributes of p7's only signer.
func signedAttributes(p7 *pkcs7.PKCS7) []attribute {
	var out []attribute
	for _, a := range p7.Signers[0].AuthenticatedAttributes {
		out = append(out, attribute{a.Type, a.Value})
	}
	return out
}
