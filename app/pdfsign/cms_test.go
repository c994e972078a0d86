package pdfsign

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"
)

// detached signs prefix+suffix with a CMS made by pkcs7 as edit says, and lays it out as a
// PDF signature does: prefix <hex> suffix, the hex being the byte range's gap.
func detached(t *testing.T, key *ecdsa.PrivateKey, cert *x509.Certificate, edit func(sd *pkcs7.SignedData) error) ([]byte, Signature) {
	t.Helper()
	prefix, suffix := []byte("%PDF-1.7 signed part one "), []byte(" signed part two %%EOF")
	sd, err := pkcs7.NewSignedData(append(append([]byte{}, prefix...), suffix...))
	if err != nil {
		t.Fatal(err)
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	if err := edit(sd); err != nil {
		t.Fatal(err)
	}
	sd.Detach()
	der, err := sd.Finish()
	if err != nil {
		t.Fatal(err)
	}
	gap := "<" + hex.EncodeToString(der) + "0000>"
	data := append(append(append([]byte{}, prefix...), gap...), suffix...)
	sig, err := At(data, [4]int{0, len(prefix), len(prefix) + len(gap), len(suffix)})
	if err != nil {
		t.Fatal(err)
	}
	return data, sig
}

func essV2(cert *x509.Certificate, hash []byte, serial *big.Int) pkcs7.Attribute {
	if hash == nil {
		h := sha256.Sum256(cert.Raw)
		hash = h[:]
	}
	type issuerSerial struct {
		Issuer []asn1.RawValue
		Serial *big.Int
	}
	type certID struct {
		CertHash     []byte
		IssuerSerial issuerSerial `asn1:"optional"`
	}
	id := certID{CertHash: hash}
	if serial != nil {
		id.IssuerSerial = issuerSerial{Issuer: []asn1.RawValue{{Class: asn1.ClassContextSpecific, Tag: 4, IsCompound: true, Bytes: cert.RawIssuer}}, Serial: serial}
	}
	return pkcs7.Attribute{Type: oidSigningCertificateV2, Value: struct{ Certs []certID }{[]certID{id}}}
}

// Every signed attribute the verdict relies on is judged (issue 13, item 3): the signer's
// certificate must be the one the signed attributes name, by hash and by issuer and serial.
func TestCheckSignedAttributes(t *testing.T) {
	now := time.Now()
	key, cert := signer(t, "Åsa Öberg", now.Add(-time.Hour))
	_, other := signer(t, "Eva Evil", now.Add(-time.Hour))
	with := func(attrs ...pkcs7.Attribute) func(sd *pkcs7.SignedData) error {
		return func(sd *pkcs7.SignedData) error {
			return sd.AddSigner(cert, key, pkcs7.SignerInfoConfig{ExtraSignedAttributes: attrs})
		}
	}
	tests := []struct {
		name string
		edit func(sd *pkcs7.SignedData) error
		want error // nil: accepted
	}{
		{"signing-certificate-v2 names the signer", with(essV2(cert, nil, nil)), nil},
		{"with issuer and serial", with(essV2(cert, nil, cert.SerialNumber)), nil},
		{"no signing-certificate attribute", with(), ErrBadSignature},
		{"another certificate's hash", with(essV2(other, nil, nil)), ErrTampered},
		{"wrong serial", with(essV2(cert, nil, big.NewInt(7))), ErrTampered},
		{"signing-certificate-v2 twice", with(essV2(cert, nil, nil), essV2(cert, nil, nil)), ErrBadSignature},
		{"signing time twice", with(essV2(cert, nil, nil), pkcs7.Attribute{Type: pkcs7.OIDAttributeSigningTime, Value: now.UTC()}), ErrBadSignature},
		{"content type not data", func(sd *pkcs7.SignedData) error {
			sd.SetContentType(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2})
			return with(essV2(cert, nil, nil))(sd)
		}, ErrBadSignature},
		{"no signed attributes", func(sd *pkcs7.SignedData) error {
			return sd.SignWithoutAttr(cert, key, pkcs7.SignerInfoConfig{})
		}, ErrBadSignature},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, sig := detached(t, key, cert, tc.edit)
			_, err := sig.Check(data)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Check: %v, want %v", err, tc.want)
			}
		})
	}
}

// A certificate in the signature whose issuer is there too must carry the issuer's valid
// signature; a self-signed one its own.
func TestCheckCertificates(t *testing.T) {
	now := time.Now()
	_, a := signer(t, "A", now)
	_, b := signer(t, "B", now)
	changed := func(c *x509.Certificate) *x509.Certificate {
		d := *c
		d.Signature = append([]byte{}, c.Signature...)
		d.Signature[len(d.Signature)-1] ^= 1
		return &d
	}
	for i, tc := range []struct {
		certs []*x509.Certificate
		want  error
	}{
		{[]*x509.Certificate{a, b}, nil},
		{[]*x509.Certificate{changed(a)}, ErrTampered},
		{[]*x509.Certificate{b, changed(a)}, ErrTampered},
	} {
		if err := checkCertificates(tc.certs); tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%d: %v, want %v", i, err, tc.want)
		}
	}
}
