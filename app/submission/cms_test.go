package submission

import (
	"bytes"
	"crypto/x509"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdfsign"
)

// signatureOf reads the one signature of a sealed file.
func signatureOf(t *testing.T, data []byte) pdfsign.Signature {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	sigs, err := f.Signatures()
	if err != nil || len(sigs) != 1 {
		t.Fatalf("%d signatures, %v", len(sigs), err)
	}
	sig, err := pdfsign.FromDict(data, sigs[0])
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

// inCertificate changes, in the hex /Contents of data, the certificate with subject CN cn:
// every occurrence of from in its DER becomes to (same length), nothing else; with a "last:"
// prefix on from, only the last occurrence (the subject, after the issuer); with "first:",
// only the first (the serial number comes before the names). The signed
// bytes stay as they were: /Contents is the gap of the byte range.
func inCertificate(t *testing.T, data []byte, cn, from, to string) []byte {
	t.Helper()
	sig := signatureOf(t, data)
	p7, err := pkcs7.Parse(sig.Contents)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p7.Certificates {
		if c.Subject.CommonName != cn {
			continue
		}
		certHex := []byte(hex.EncodeToString(c.Raw))
		at := bytes.Index(bytes.ToLower(data[sig.A:sig.B]), certHex)
		if at < 0 {
			t.Fatalf("certificate %q not found in /Contents", cn)
		}
		at += sig.A
		changed := bytes.ReplaceAll(c.Raw, []byte(from), []byte(to))
		if f, ok := strings.CutPrefix(from, "last:"); ok {
			changed = bytes.Clone(c.Raw)
			if i := bytes.LastIndex(changed, []byte(f)); i >= 0 {
				copy(changed[i:], to)
			}
		}
		if f, ok := strings.CutPrefix(from, "first:"); ok {
			changed = bytes.Clone(c.Raw)
			if i := bytes.Index(changed, []byte(f)); i >= 0 {
				copy(changed[i:], to)
			}
		}
		if bytes.Equal(changed, c.Raw) {
			t.Fatalf("%q not in certificate %q", from, cn)
		}
		out := bytes.Clone(data)
		copy(out[at:], hex.EncodeToString(changed))
		return out
	}
	t.Fatalf("no certificate %q in the signature", cn)
	return nil
}

// Issue 13, item 3: a change inside a certificate embedded in the signature is tampering.
// The certificates are outside the signed bytes and outside the CMS signature: before, a
// signer's name changed in its certificate (same key) verified as "signature correct, unknown
// signer <the new name>", and a trusted CA's certificate changed in the file went unnoticed.
func TestVerifyCertificateChangedInSignature(t *testing.T) {
	fx := newFixture(t)
	self := newSigner(t, "Bo Ek", nil, nil)
	selfSealed, err := Seal(onePagePDF(t), samplePayload(), self.key, self.chain, testSignInfo)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		data  []byte
		trust Trust
	}{
		{"CA-issued signer renamed", inCertificate(t, fx.sealed, "Åsa Öberg", "Åsa Öberg", "Åsa Öbert"), fx.trust},
		{"CA-issued signer renamed, no trust", inCertificate(t, fx.sealed, "Åsa Öberg", "Åsa Öberg", "Åsa Öbert"), Trust{}},
		{"CA-issued signer's board changed", inCertificate(t, fx.sealed, "Åsa Öberg", "Socialnämnden", "Socialnämndeb"), fx.trust},
		{"CA certificate renamed in the file", inCertificate(t, fx.sealed, "Exempelby signerings-CA", "Exempelby kommun", "Exempelby kommuN"), fx.trust},
		{"self-signed signer renamed", inCertificate(t, selfSealed, "Bo Ek", "Bo Ek", "Bo Ey"), Trust{}},
		{"self-signed signer's subject renamed, issuer kept", inCertificate(t, selfSealed, "Bo Ek", "last:Bo Ek", "Bo Ey"), Trust{}},
		{"self-signed signer renamed, approved before", inCertificate(t, selfSealed, "Bo Ek", "Bo Ek", "Bo Ey"), Trust{Signers: []*x509.Certificate{self.cert()}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Verify(tc.data, tc.trust, time.Now())
			if r.Verdict != Rejected || r.Reason != ReasonTampered {
				t.Errorf("got %s %s (%s), want rejected tampered", r.Verdict, r.Reason, r.Detail)
			}
		})
	}
	// The files themselves are fine.
	if r := Verify(fx.sealed, fx.trust, time.Now()); r.Verdict != Valid {
		t.Errorf("fixture: %s %s", r.Verdict, r.Detail)
	}
	if r := Verify(selfSealed, Trust{}, time.Now()); r.Verdict != UnknownSigner {
		t.Errorf("self-signed fixture: %s %s", r.Verdict, r.Detail)
	}
}
