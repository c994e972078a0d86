package identity

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"slices"
	"time"
)

// The round trip with the coordinator: the official sends Request's PEM, the coordinator checks
// it with ParseRequest and answers with CertPEM(Issue(...), ca.Cert), the official calls Accept.

var (
	ErrNotRequest     = errors.New("identity: not a certificate request")
	ErrNotCA          = errors.New("identity: not a certificate authority")
	ErrUnsupportedKey = errors.New("identity: key too weak or of an unsupported kind")
	ErrKeyMismatch    = errors.New("identity: certificate is not for this key")
	ErrNotIssuer      = errors.New("identity: certificate not issued by the enclosed CA")
	ErrNotForSigning  = errors.New("identity: certificate may not sign documents")
	// ErrNoBoard: neither the coordinator nor the request names the board a certificate from
	// the signing CA is for; the importer takes a CA-issued certificate as vouching for its board.
	ErrNoBoard = errors.New("identity: the certificate names no board")
)

const pemRequest = "CERTIFICATE REQUEST"

// Request is a PEM certificate signing request, signed by id.Key, carrying the subject of
// id's certificate (name, title, board, kommun) and its e-mail address.
func Request(id *Identity) ([]byte, error) {
	tmpl := &x509.CertificateRequest{
		RawSubject:     id.Cert.RawSubject,
		EmailAddresses: id.Cert.EmailAddresses,
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, tmpl, id.Key)
	if err != nil {
		return nil, fmt.Errorf("certificate request for %q: %w", id.Cert.Subject.CommonName, err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemRequest, Bytes: der}), nil
}

// ParseRequest reads a PEM certificate request (DER is accepted too) and checks that it is
// signed by the key it carries.
func ParseRequest(pemBytes []byte) (*x509.CertificateRequest, error) {
	der := pemBytes
	if block, _ := pem.Decode(pemBytes); block != nil {
		if block.Type != pemRequest && block.Type != "NEW "+pemRequest {
			return nil, fmt.Errorf("parse certificate request: %w: PEM block %q", ErrNotRequest, block.Type)
		}
		der = block.Bytes
	}
	req, err := x509.ParseCertificateRequest(der)
	if err != nil {
		return nil, fmt.Errorf("parse certificate request: %w: %v", ErrNotRequest, err)
	}
	if err := req.CheckSignature(); err != nil {
		return nil, fmt.Errorf("certificate request for %q: %w: %v", req.Subject.CommonName, ErrNotRequest, err)
	}
	return req, nil
}

// Issue makes a signing certificate for the requester, signed by the CA. board is the board
// the coordinator vouches for (it replaces the requested one unless empty); a certificate that
// would name no board is refused with ErrNoBoard. O is the CA's kommun. The certificate never
// outlives the CA.
func Issue(ca *Identity, req *x509.CertificateRequest, board string, now time.Time, validity time.Duration) (*x509.Certificate, error) {
	name := req.Subject.CommonName
	if !ca.Cert.IsCA || ca.Cert.KeyUsage&x509.KeyUsageCertSign == 0 {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, ErrNotCA)
	}
	if !samePublicKey(ca.Key, ca.Cert) {
		return nil, fmt.Errorf("issue certificate for %q: CA %w", name, ErrKeyMismatch)
	}
	if err := req.CheckSignature(); err != nil {
		return nil, fmt.Errorf("issue certificate for %q: %w: %v", name, ErrNotRequest, err)
	}
	if err := checkKeyStrength(req.PublicKey); err != nil {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, err)
	}
	s := SubjectOf(&x509.Certificate{Subject: req.Subject, EmailAddresses: req.EmailAddresses})
	if board != "" {
		s.Board = board
	}
	s.Kommun = ""
	if len(ca.Cert.Subject.Organization) > 0 {
		s.Kommun = ca.Cert.Subject.Organization[0]
	}
	s = trimSubject(s)
	if err := checkSubject(s, validity); err != nil {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, err)
	}
	if s.Board == "" {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, ErrNoBoard)
	}
	notBefore, notAfter := now.Add(-backdate), now.Add(validity)
	if notBefore.Before(ca.Cert.NotBefore) {
		notBefore = ca.Cert.NotBefore
	}
	if notAfter.After(ca.Cert.NotAfter) {
		notAfter = ca.Cert.NotAfter
	}
	if !notAfter.After(now) {
		return nil, fmt.Errorf("issue certificate for %q: CA expired %s", name, ca.Cert.NotAfter.Format(time.DateOnly))
	}
	tmpl, err := leafTemplate(s, req.PublicKey, notBefore, notAfter)
	if err != nil {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, err)
	}
	dp, err := crlDistributionPoint(ca.Cert)
	if err != nil {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, err)
	}
	tmpl.ExtraExtensions = append(tmpl.ExtraExtensions, dp)
	// x509.CreateCertificate takes the AuthorityKeyId from ca.Cert.SubjectKeyId.
	c, err := create(tmpl, ca.Cert, req.PublicKey, ca.Key)
	if err != nil {
		return nil, fmt.Errorf("issue certificate for %q: %w", name, err)
	}
	return c, nil
}

var oidCRLDistributionPoints = asn1.ObjectIdentifier{2, 5, 29, 31}

// crlDistributionPoint names the CA's directory entry as where revocation lists come from: true
// (the CA may sign CRLs) and never fetched over a network. It is there because poppler's
// pdfsig up to 22.x reads NSS's last error even when the chain verified, and with no CRL
// distribution point in the leaf that is "extension not found": "Unknown issue with Certificate".
func crlDistributionPoint(ca *x509.Certificate) (pkix.Extension, error) {
	// DistributionPoint{ distributionPoint [0] { fullName [0] { directoryName [4] Name } } }
	dirName, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 4, IsCompound: true, Bytes: ca.RawSubject})
	if err != nil {
		return pkix.Extension{}, fmt.Errorf("CRL distribution point: %w", err)
	}
	fullName, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: dirName})
	if err != nil {
		return pkix.Extension{}, fmt.Errorf("CRL distribution point: %w", err)
	}
	type distributionPoint struct{ Name asn1.RawValue }
	val, err := asn1.Marshal([]distributionPoint{{asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: fullName}}})
	if err != nil {
		return pkix.Extension{}, fmt.Errorf("CRL distribution point: %w", err)
	}
	return pkix.Extension{Id: oidCRLDistributionPoints, Value: val}, nil
}

// Accept takes the coordinator's answer (PEM or DER): the certificate carrying id's public key
// becomes id.Cert, the others (the CA) id.Chain. id is unchanged when an error is returned.
func Accept(id *Identity, certPEM []byte) error {
	certs, err := ParseCerts(certPEM)
	if err != nil {
		return fmt.Errorf("accept certificate: %w", err)
	}
	i := slices.IndexFunc(certs, func(c *x509.Certificate) bool { return samePublicKey(id.Key, c) })
	if i < 0 {
		return fmt.Errorf("accept certificate for %q: %w", id.Cert.Subject.CommonName, ErrKeyMismatch)
	}
	leaf := certs[i]
	chain := slices.Delete(slices.Clone(certs), i, i+1)
	if !canSign(leaf) {
		return fmt.Errorf("accept certificate %q: %w", leaf.Subject.CommonName, ErrNotForSigning)
	}
	if len(chain) > 0 && !slices.ContainsFunc(chain, func(ca *x509.Certificate) bool { return leaf.CheckSignatureFrom(ca) == nil }) {
		return fmt.Errorf("accept certificate %q: %w", leaf.Subject.CommonName, ErrNotIssuer)
	}
	id.Cert, id.Chain = leaf, chain
	return nil
}

// canSign reports whether c may sign documents: pdfsign's verifier and NSS want the
// e-mail protection or client authentication purpose and, when key usage is set, a signing usage.
func canSign(c *x509.Certificate) bool {
	if c.KeyUsage != 0 && c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return false
	}
	if len(c.ExtKeyUsage) == 0 {
		return true // no restriction
	}
	return slices.ContainsFunc(c.ExtKeyUsage, func(u x509.ExtKeyUsage) bool {
		return u == x509.ExtKeyUsageEmailProtection || u == x509.ExtKeyUsageClientAuth || u == x509.ExtKeyUsageAny
	})
}

func checkKeyStrength(pub any) error {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k.N.BitLen() < rsaBits {
			return fmt.Errorf("%w: RSA %d bits", ErrUnsupportedKey, k.N.BitLen())
		}
	case *ecdsa.PublicKey:
		if k.Curve.Params().BitSize < 256 {
			return fmt.Errorf("%w: ECDSA %d bits", ErrUnsupportedKey, k.Curve.Params().BitSize)
		}
	default:
		// pdfsign and NSS are only known to handle RSA and ECDSA signers.
		return fmt.Errorf("%w: %T", ErrUnsupportedKey, pub)
	}
	return nil
}
