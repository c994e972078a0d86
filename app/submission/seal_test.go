package submission

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdftest"
)

func TestSealVerifyRoundTrip(t *testing.T) {
	ca := newCA(t, "Exempelby signerings-CA")
	issued := newSigner(t, "Åsa Öberg", &ca, nil)
	self := newSigner(t, "Bo Ek", nil, nil)
	other := newSigner(t, "Cecilia Ås", nil, nil)
	tests := []struct {
		name      string
		id        identity
		trust     Trust
		want      Verdict
		wantChain int
	}{
		{"CA-issued, CA trusted", issued, Trust{Roots: []*x509.Certificate{ca.cert()}}, Valid, 2},
		{"CA-issued, empty trust", issued, Trust{}, UnknownSigner, 2},
		{"CA-issued, other signer approved", issued, Trust{Signers: []*x509.Certificate{other.cert()}}, UnknownSigner, 2},
		{"self-issued, approved", self, Trust{Signers: []*x509.Certificate{self.cert()}}, Valid, 1},
		{"self-issued, unrelated CA trusted", self, Trust{Roots: []*x509.Certificate{ca.cert()}}, UnknownSigner, 1},
		{"self-issued, empty trust", self, Trust{}, UnknownSigner, 1},
	}
	p := samplePayload()
	wantJSON, err := MarshalPayload(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := time.Now().Add(-time.Second)
			sealed, err := Seal(onePagePDF(t), p, tc.id.key, tc.id.chain, testSignInfo)
			if err != nil {
				t.Fatal(err)
			}
			r := Verify(sealed, tc.trust, time.Now())
			if r.Verdict != tc.want || r.Reason != "" {
				t.Fatalf("verdict %s %s (%s), want %s", r.Verdict, r.Reason, r.Detail, tc.want)
			}
			if !bytes.Equal(r.PayloadJSON, wantJSON) {
				t.Errorf("payload JSON differs:\n%s\nwant\n%s", r.PayloadJSON, wantJSON)
			}
			if r.Payload == nil || !reflect.DeepEqual(*r.Payload, p) {
				t.Errorf("payload differs:\n%+v\nwant\n%+v", r.Payload, p)
			}
			if !r.Signer.Equal(tc.id.cert()) || r.Fingerprint != Fingerprint(tc.id.cert()) || len(r.Fingerprint) != 64 {
				t.Errorf("signer %v fingerprint %s", r.Signer.Subject, r.Fingerprint)
			}
			if len(r.Chain) != tc.wantChain || !r.Chain[0].Equal(tc.id.cert()) {
				t.Errorf("chain has %d certificates, want %d", len(r.Chain), tc.wantChain)
			}
			if r.SignedAt.Before(before) || r.SignedAt.After(time.Now().Add(time.Second)) {
				t.Errorf("signed at %v", r.SignedAt)
			}
		})
	}
}

// Seal refuses what would make a file the import rejects, and says why.
func TestSealRefuses(t *testing.T) {
	self := newSigner(t, "Bo Ek", nil, nil)
	other := newSigner(t, "Cecilia Ås", nil, nil)
	expired := newSigner(t, "Gammal Nyckel", nil, func(c *x509.Certificate) {
		c.NotBefore, c.NotAfter = time.Now().Add(-48*time.Hour), time.Now().Add(-24*time.Hour)
	})
	serverOnly := newSigner(t, "Webbserver", nil, func(c *x509.Certificate) {
		c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	})
	oldCA := expiredCA(t)
	underOldCA := newSigner(t, "Under gammal CA", &oldCA, nil)
	pdf := onePagePDF(t)
	good := samplePayload()
	noBoard := samplePayload()
	noBoard.Board = ""
	newer := samplePayload()
	newer.Schema = SchemaVersion + 1
	sealed, err := Seal(pdf, good, self.key, self.chain, testSignInfo)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		pdf    []byte
		p      Payload
		id     identity
		key    identity // whose key signs; zero: id's
		errHas string
	}{
		{"invalid payload", pdf, noBoard, self, identity{}, "board is empty"},
		{"newer schema", pdf, newer, self, identity{}, "schema"},
		{"key of another certificate", pdf, good, self, other, "does not match"},
		{"expired certificate", pdf, good, expired, identity{}, "expired"},
		{"certificate not for signing", pdf, good, serverOnly, identity{}, "extended key usage"},
		{"issuer expired", pdf, good, underOldCA, identity{}, "issuer certificate"},
		{"not a PDF", []byte("hej"), good, self, identity{}, "read report PDF"},
		{"already sealed", sealed, good, self, identity{}, "already signed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			key := tc.id.key
			if tc.key.key != nil {
				key = tc.key.key
			}
			_, err := Seal(tc.pdf, tc.p, key, tc.id.chain, SignInfo{Name: "x"})
			if err == nil || !strings.Contains(err.Error(), tc.errHas) {
				t.Fatalf("error %v, want one containing %q", err, tc.errHas)
			}
		})
	}
	if _, err := Seal(pdf, good, self.key, nil, SignInfo{}); err == nil {
		t.Error("sealed without a certificate")
	}
}

// expiredCA is a CA whose certificate ran out yesterday.
func expiredCA(t *testing.T) identity {
	return newSigner(t, "Gammal CA", nil, func(c *x509.Certificate) {
		c.IsCA, c.BasicConstraintsValid = true, true
		c.KeyUsage, c.ExtKeyUsage = x509.KeyUsageCertSign, nil
		c.NotBefore, c.NotAfter = time.Now().Add(-48*time.Hour), time.Now().Add(-24*time.Hour)
	})
}

// The document information survives attaching (gopdf writes it inline in the trailer, which
// the attachment's update makes an object of its own) and signing, and so does the report's
// language; pdfinfo and qpdf read them.
func TestSealKeepsDocumentInfo(t *testing.T) {
	self := newSigner(t, "Bo Ek", nil, nil)
	sealed, err := Seal(onePagePDF(t), samplePayload(), self.key, self.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	got := docInfo(t, sealed)
	want := map[string]string{
		"Title": "Handlingsplan 2027 – Socialnämnden", "Author": "Åsa Öberg",
		"Subject": "Informationssäkerhet", "Creator": "Handlingsplan test",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("document info %v, want %v", got, want)
	}
	pdftest.Check(t, sealed, pdftest.Want{Title: want["Title"], Author: want["Author"], Creator: want["Creator"], Signed: true})

	withMeta, err := pdfdoc.WithMeta(onePagePDF(t), pdfdoc.Meta{Title: "Plan 2027", Author: "Socialnämnden", Creator: "Handlingsplan 9.9",
		Lang: "sv", Created: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	sealed, err = Seal(withMeta, samplePayload(), self.key, self.chain, SignInfo{})
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Check(t, sealed, pdftest.Want{Title: "Plan 2027", Author: "Socialnämnden", Creator: "Handlingsplan 9.9", Lang: "sv",
		Text: []string{reportLines[1]}, Signed: true})
}

// docInfo reads the title, author, subject and creator of the newest revision.
func docInfo(t *testing.T, data []byte) map[string]string {
	t.Helper()
	f, err := pdfread.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.DictOf(f.Trailer()["Info"])
	if err != nil || d == nil {
		t.Fatalf("no Info dictionary (%v)", err)
	}
	out := map[string]string{}
	for _, k := range []pdfread.Name{"Title", "Author", "Subject", "Creator"} {
		if s, ok := d[k].(pdfread.String); ok {
			out[string(k)] = s.Text()
		}
	}
	return out
}

// Names with characters whose UTF-16 holds a parenthesis, backslash or end-of-line byte must
// reach the signature dictionary intact, and the file must stay valid.
func TestSealSignTextSurvives(t *testing.T) {
	self := newSigner(t, "Bo Ek", nil, nil)
	names := []string{
		"Åsa Öberg-Čapek (t.f.) \\ Ärende",
		"Tomáš Novák, č ć Ċ Ĩ ĩ Ŝ",
		"rad ett\nrad två\r\nslut ( utan stängning",
		"Zoë 😀 ⠨⠁ \u2028 \u2029 \u200d",
		"ASCII (only) \\ with\rbreaks",
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			info := SignInfo{Name: name, Reason: "Skäl: " + name, Location: name, ContactInfo: name}
			sealed, err := Seal(onePagePDF(t), samplePayload(), self.key, self.chain, info)
			if err != nil {
				t.Fatal(err)
			}
			f, err := pdfread.Open(sealed)
			if err != nil {
				t.Fatal(err)
			}
			sigs, err := f.Signatures()
			if err != nil || len(sigs) != 1 {
				t.Fatalf("%d signatures, %v", len(sigs), err)
			}
			for key, want := range map[string]string{"Name": info.Name, "Reason": info.Reason, "Location": info.Location, "ContactInfo": info.ContactInfo} {
				s, _ := sigs[0][pdfread.Name(key)].(pdfread.String)
				if got := s.Text(); got != want {
					t.Errorf("/%s = %q, want %q", key, got, want)
				}
			}
		})
	}
}

// ECDSA keys sign as well as RSA ones.
func TestSealECDSA(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: nextSerial(), Subject: pkix.Name{CommonName: "Eva Ek"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	sealed, err := Seal(onePagePDF(t), samplePayload(), key, []*x509.Certificate{cert}, testSignInfo)
	if err != nil {
		t.Fatal(err)
	}
	if r := Verify(sealed, Trust{Signers: []*x509.Certificate{cert}}, time.Now()); r.Verdict != Valid {
		t.Fatalf("%s %s (%s)", r.Verdict, r.Reason, r.Detail)
	}
}

// The example in docs/submission-format.md is a valid payload.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/submission-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no JSON example in the format document")
	}
	p, reason, err := decodePayload([]byte(example))
	if err != nil {
		t.Fatalf("%s: %v", reason, err)
	}
	if p.Board != "Socialnämnden" || p.Plan.Activities[0].SystemIDs[0] != p.Plan.Systems[0].ID {
		t.Errorf("example decodes to %+v", p)
	}
}

// Seal and Verify may run concurrently (the export of several boards, an import of many files).
func TestConcurrent(t *testing.T) {
	self := newSigner(t, "Bo Ek", nil, nil)
	pdf := onePagePDF(t)
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			p := samplePayload()
			sealed, err := Seal(pdf, p, self.key, self.chain, testSignInfo)
			if err == nil {
				if r := Verify(sealed, Trust{Signers: self.chain}, time.Now()); r.Verdict != Valid {
					err = fmt.Errorf("%s %s", r.Reason, r.Detail)
				}
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
