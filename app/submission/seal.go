package submission

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/app/pdfread"
	"handlingsplan/app/pdfsign"
)

// SignInfo is what the signature dictionary says about the signing, as PDF readers show it.
// Any Unicode text is allowed. A zero Time means now.
type SignInfo = pdfsign.Info

// Seal attaches p as submission.json to pdf (pdfdoc.Attach) and signs the whole file
// (pdfsign.Sign) with signer and its certificate chain, leaf first. The result is checked with
// Verify before it is returned, so a sealed file is always one Verify accepts from this signer.
func Seal(pdf []byte, p Payload, signer crypto.Signer, chain []*x509.Certificate, info SignInfo) ([]byte, error) {
	if p.Schema == 0 {
		p.Schema = SchemaVersion
	}
	if p.Schema != SchemaVersion {
		return nil, fmt.Errorf("seal: payload schema %d, this version writes %d", p.Schema, SchemaVersion)
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("seal %s %d: %w", p.Board, p.Year, err)
	}
	payload, err := MarshalPayload(p)
	if err != nil {
		return nil, fmt.Errorf("seal %s %d: %w", p.Board, p.Year, err)
	}
	out, r, err := seal(pdf, payload, p.CreatedAt, signer, chain, info)
	if err != nil {
		return nil, fmt.Errorf("seal %s %d: %w", p.Board, p.Year, err)
	}
	if r.Verdict != Valid {
		return nil, fmt.Errorf("seal %s %d: sealed file does not verify: %s: %s", p.Board, p.Year, r.Reason, r.Detail)
	}
	return out, nil
}

// MarshalPayload is the exact JSON Seal embeds: indented so that a person opening the
// attachment can read it, UTF-8 without HTML escaping.
func MarshalPayload(p Payload) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("encode payload: %w", err)
	}
	return b.Bytes(), nil
}

// seal attaches payload bytes as they are and signs. It checks the file's structure and
// signature but leaves the payload to the caller (tests use it to make files Seal refuses to
// make). The Result is Verify's, with the signer as the only trusted one.
func seal(pdfData, payload []byte, modTime time.Time, signer crypto.Signer, chain []*x509.Certificate, info SignInfo) ([]byte, Result, error) {
	if len(chain) == 0 || chain[0] == nil {
		return nil, Result{}, errors.New("no signer certificate")
	}
	leaf := chain[0]
	if signer == nil {
		return nil, Result{}, errors.New("no signing key")
	}
	if pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool }); !ok || !pub.Equal(leaf.PublicKey) {
		return nil, Result{}, fmt.Errorf("signing key does not match certificate %q", leaf.Subject.CommonName)
	}
	now := time.Now()
	if err := checkLeaf(leaf, now); err != nil {
		return nil, Result{}, fmt.Errorf("certificate %q: %w", leaf.Subject.CommonName, err)
	}
	for _, c := range chain[1:] {
		if now.Before(c.NotBefore) || now.After(c.NotAfter) {
			return nil, Result{}, fmt.Errorf("issuer certificate %q is not valid now", c.Subject.CommonName)
		}
	}
	if info.Time.IsZero() {
		info.Time = now
	}
	if modTime.IsZero() {
		modTime = info.Time
	}
	attached, err := attach(pdfData, payload, modTime)
	if err != nil {
		return nil, Result{}, err
	}
	signed, err := pdfsign.Sign(attached, signer, chain, info)
	if err != nil {
		return nil, Result{}, err
	}
	// Verify what we made, against the signer itself: this catches any way the libraries could
	// produce a file that the coordinator's import would refuse.
	r := Verify(signed, Trust{Signers: []*x509.Certificate{leaf}}, now)
	if r.Verdict == Rejected && r.Reason != ReasonPayloadInvalid && r.Reason != ReasonSchemaNewer {
		return nil, r, fmt.Errorf("sealed file does not verify: %s: %s", r.Reason, r.Detail)
	}
	if !bytes.Equal(r.PayloadJSON, payload) {
		return nil, r, errors.New("sealed file does not return the payload unchanged")
	}
	return signed, r, nil
}

// attach embeds payload as submission.json in the report, as an incremental update. A signed
// file is refused: its signature forbids changes.
func attach(pdfData, payload []byte, modTime time.Time) ([]byte, error) {
	f, err := pdfread.Open(pdfData)
	if err != nil {
		return nil, fmt.Errorf("read report PDF: %w", err)
	}
	if sigs, err := f.Signatures(); err != nil {
		return nil, fmt.Errorf("read report PDF: %w", err)
	} else if len(sigs) > 0 {
		return nil, errors.New("report PDF is already signed")
	}
	out, err := pdfdoc.Attach(pdfData, pdfdoc.EmbeddedFile{Name: AttachmentName, MIME: "application/json", Data: payload, ModTime: modTime})
	if err != nil {
		return nil, fmt.Errorf("attach to report PDF: %w", err)
	}
	return out, nil
}
