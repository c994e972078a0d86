package submission

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// SignInfo is what the signature dictionary says about the signing, as PDF readers show it.
// Any Unicode text is allowed. A zero Time means now.
type SignInfo struct {
	Name, Reason, Location, ContactInfo string
	Time                                time.Time
}

// Seal attaches p as submission.json to pdf (pdfcpu) and signs the whole file (pdfsign) with
// signer and its certificate chain, leaf first. The result is checked with Verify before it is
// returned, so a sealed file is always one Verify accepts from this signer.
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
	signed, err := signPDF(attached, signer, chain, info)
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

// disableConfigDir keeps pdfcpu from writing a configuration directory in $HOME. pdfcpu reads
// the setting unguarded, so it is set once rather than on every call.
var disableConfigDir = sync.OnceFunc(api.DisableConfigDir)

// attach adds payload as submission.json with pdfcpu and writes classic xref tables, which
// pdfsign needs to keep the document information.
func attach(pdfData, payload []byte, modTime time.Time) ([]byte, error) {
	disableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.ADDATTACHMENTS
	conf.WriteXRefStream = false
	conf.WriteObjectStream = false
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(pdfData), conf)
	if err != nil {
		return nil, fmt.Errorf("read report PDF: %w", err)
	}
	if len(ctx.Signatures) > 0 {
		return nil, errors.New("report PDF is already signed")
	}
	existing, err := ctx.ListAttachments()
	if err != nil {
		return nil, fmt.Errorf("list attachments: %w", err)
	}
	for _, a := range existing {
		if a.ID == AttachmentName || a.FileName == AttachmentName {
			return nil, fmt.Errorf("report PDF already has an attachment %s", AttachmentName)
		}
	}
	mt := modTime.UTC()
	a := model.Attachment{Reader: bytes.NewReader(payload), ID: AttachmentName, FileName: AttachmentName, ModTime: &mt}
	if err := ctx.AddAttachment(a, false); err != nil {
		return nil, fmt.Errorf("attach %s: %w", AttachmentName, err)
	}
	if ctx.Info == nil {
		// pdfcpu reads only an indirect Info dictionary; gopdf writes it inline in the
		// trailer. Take title, author and the rest from the input and give them back.
		if err := restoreInfo(ctx, docInfo(pdfData)); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("write PDF with attachment: %w", err)
	}
	return out.Bytes(), nil
}

// infoKeys are the document information entries carried over from the report.
var infoKeys = []string{"Title", "Author", "Subject", "Keywords", "Creator"}

// docInfo reads infoKeys from the trailer's Info dictionary, inline or indirect. A PDF this
// reader cannot read (one with cross-reference streams) gives none; pdfcpu then keeps its own.
func docInfo(data []byte) map[string]string {
	f, err := openPDF(data)
	if err != nil {
		return nil
	}
	d, err := f.dict(f.trailer["Info"])
	if err != nil || d == nil {
		return nil
	}
	out := map[string]string{}
	for _, k := range infoKeys {
		v, err := f.resolve(d[pdfName(k)])
		if s, ok := v.(pdfString); ok && err == nil {
			out[k] = textString(s.b)
		}
	}
	return out
}

func restoreInfo(ctx *model.Context, info map[string]string) error {
	if len(info) == 0 {
		return nil
	}
	d := types.NewDict()
	for _, k := range infoKeys {
		if v, ok := info[k]; ok {
			d.Insert(k, utf16Hex(v))
		}
	}
	ir, err := ctx.IndRefForNewObject(d)
	if err != nil {
		return fmt.Errorf("add document info: %w", err)
	}
	ctx.Info = ir
	return nil
}

// utf16Hex is s as a PDF text string: UTF-16BE with byte order mark, hex encoded, which needs
// no escaping whatever s holds.
func utf16Hex(s string) types.HexLiteral {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return types.HexLiteral(hex.EncodeToString(b))
}

// signPDF adds a certification signature (no changes allowed) over the whole file.
func signPDF(data []byte, signer crypto.Signer, chain []*x509.Certificate, info SignInfo) ([]byte, error) {
	rdr, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read PDF for signing: %w", err)
	}
	sd := sign.SignData{
		Signature: sign.SignDataSignature{
			CertType:   sign.CertificationSignature,
			DocMDPPerm: sign.DoNotAllowAnyChangesPerms,
			Info: sign.SignDataSignatureInfo{
				Name:        SignText(info.Name),
				Reason:      SignText(info.Reason),
				Location:    SignText(info.Location),
				ContactInfo: SignText(info.ContactInfo),
				Date:        info.Time,
			},
		},
		Signer:            signer,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       chain[0],
		CertificateChains: [][]*x509.Certificate{chain},
	}
	var out bytes.Buffer
	if err := sign.Sign(bytes.NewReader(data), &out, rdr, int64(len(data)), sd); err != nil {
		return nil, fmt.Errorf("sign PDF: %w", err)
	}
	return out.Bytes(), nil
}
