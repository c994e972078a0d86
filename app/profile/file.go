// Package profile is the kommun's one policy profile as a file: the coordinator signs a version
// (Sign) and sends it to the boards; an official's app checks a received file (Verify), shows
// what changes and takes it into use for new plans (Check, Import), or IT presets it (Preset).
//
// The file (.hpprofile, or .json) is UTF-8 JSON:
//
//	{
//	 "format": "handlingsplan-profile",
//	 "schema": 1,
//	 "signer": "Åsa Öberg",
//	 "profile": {…the profile's canonical JSON, domain.MarshalProfile…},
//	 "signature": "…base64 of a detached CMS SignedData over exactly those bytes…"
//	}
//
// The signature is CMS (PKCS #7) SignedData, SHA-256, with the signer's certificate chain, over
// the bytes of the "profile" member as they stand in the file, which must be the canonical JSON
// of the profile they decode to (so there is one way to write a profile, and nothing in the
// file but what is signed decides anything). "signer" is for people reading the file; the
// certificate in the signature is what counts. The layout is documented in
// docs/profile-format.md.
package profile

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/digitorus/pkcs7"

	"handlingsplan/app/identity"
	"handlingsplan/domain"
)

// Format names the file kind in its "format" member.
const Format = "handlingsplan-profile"

// FileSchema is the file layout this build writes and the newest it reads.
const FileSchema = 1

// MaxFileSize bounds what Verify reads: a profile is a few kilobytes.
const MaxFileSize = 1 << 20

// Errors of Sign.
var (
	ErrCertNotValid = errors.New("signer certificate not valid now")
	ErrInvalid      = errors.New("profile not valid")
)

// envelope is the file's outer JSON.
type envelope struct {
	Format    string          `json:"format"`
	Schema    int             `json:"schema"`
	Signer    string          `json:"signer"`
	Profile   json.RawMessage `json:"profile"`
	Signature string          `json:"signature"`
}

// Sign makes the signed profile file of p with the identity id (the coordinator's own, or the
// kommun signing CA's). p must be valid; the certificate must be valid at now.
func Sign(p domain.Profile, id *identity.Identity, now time.Time) ([]byte, error) {
	if ps := domain.ValidateProfile(p); len(ps) > 0 {
		return nil, fmt.Errorf("sign profile version %d: %w: %v", p.Version, ErrInvalid, ps[0].Error())
	}
	if id == nil || id.Cert == nil || id.Key == nil {
		return nil, errors.New("sign profile: no identity")
	}
	if now.Before(id.Cert.NotBefore) || now.After(id.Cert.NotAfter) {
		return nil, fmt.Errorf("sign profile as %q (valid %s to %s): %w", id.Cert.Subject.CommonName,
			id.Cert.NotBefore.Format(time.DateOnly), id.Cert.NotAfter.Format(time.DateOnly), ErrCertNotValid)
	}
	body, err := domain.MarshalProfile(p)
	if err != nil {
		return nil, err
	}
	sd, err := pkcs7.NewSignedData(body)
	if err != nil {
		return nil, fmt.Errorf("sign profile: %w", err)
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	if err := sd.AddSignerChain(id.Cert, id.Key, id.Chain, pkcs7.SignerInfoConfig{}); err != nil {
		return nil, fmt.Errorf("sign profile as %q: %w", id.Cert.Subject.CommonName, err)
	}
	sd.Detach()
	der, err := sd.Finish()
	if err != nil {
		return nil, fmt.Errorf("sign profile: %w", err)
	}
	// Written by hand: an encoder would re-indent the signed bytes of "profile".
	var b bytes.Buffer
	str := func(s string) string {
		var x bytes.Buffer
		enc := json.NewEncoder(&x)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		return strings.TrimSuffix(x.String(), "\n")
	}
	fmt.Fprintf(&b, "{\n \"format\": %s,\n \"schema\": %d,\n \"signer\": %s,\n \"profile\": ", str(Format), FileSchema, str(id.Cert.Subject.CommonName))
	b.Write(body)
	fmt.Fprintf(&b, ",\n \"signature\": %s\n}\n", str(base64.StdEncoding.EncodeToString(der)))
	return b.Bytes(), nil
}

// Reason says why a file is refused or not taken into use.
type Reason string

const (
	ReasonTooLarge     Reason = "too_large"     // over MaxFileSize
	ReasonNotProfile   Reason = "not_profile"   // not a profile file at all
	ReasonNewer        Reason = "newer"         // made by a newer version of the program
	ReasonBadSignature Reason = "bad_signature" // no valid signature over the profile: changed after signing
	ReasonInvalid      Reason = "invalid"       // the signed profile breaks the profile's rules
	ReasonCertInvalid  Reason = "cert_invalid"  // the signer's certificate is expired, not yet valid or unfit
	ReasonUntrusted    Reason = "untrusted"     // signed by someone this database does not take profiles from
	ReasonOlder        Reason = "older"         // an older version than the one in use
	ReasonSameVersion  Reason = "same_version"  // the version in use, with other content
)

// Signed is a profile file whose signature holds.
type Signed struct {
	Profile     domain.Profile
	Body        []byte // the signed canonical JSON
	Signer      *x509.Certificate
	Chain       []*x509.Certificate // the certificates in the signature
	Fingerprint string              // lowercase hex SHA-256 of the signer's certificate
	SignedAt    time.Time           // the signing time the signature claims (zero when none)
}

// Error is a refused file: the reason, and the technical detail for a log.
type Error struct {
	Reason Reason
	Detail string
}

func (e *Error) Error() string { return fmt.Sprintf("profile file: %s: %s", e.Reason, e.Detail) }

func refuse(r Reason, format string, args ...any) error {
	return &Error{Reason: r, Detail: fmt.Sprintf(format, args...)}
}

// ReasonOf is the reason of a refusal from Verify, Check or Import ("" for other errors).
func ReasonOf(err error) Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// Verify checks a profile file on its own: its layout, that the signature covers the profile
// bytes and holds, that they are the canonical JSON of a valid profile, and that the signer's
// certificate is fit to sign and valid at now. Whether this database takes the signer's
// profiles, and whether the version is newer, is Check's.
func Verify(b []byte, now time.Time) (Signed, error) {
	if len(b) > MaxFileSize {
		return Signed{}, refuse(ReasonTooLarge, "%d bytes", len(b))
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var env envelope
	if err := json.Unmarshal(b, &env); err != nil {
		return Signed{}, refuse(ReasonNotProfile, "not JSON: %v", err)
	}
	if env.Format != Format {
		return Signed{}, refuse(ReasonNotProfile, "format %q", env.Format)
	}
	if env.Schema > FileSchema {
		return Signed{}, refuse(ReasonNewer, "file schema %d, this version reads %d", env.Schema, FileSchema)
	}
	if env.Schema < 1 || len(env.Profile) == 0 {
		return Signed{}, refuse(ReasonNotProfile, "schema %d, %d bytes of profile", env.Schema, len(env.Profile))
	}
	der, err := base64.StdEncoding.DecodeString(env.Signature)
	if err != nil || len(der) == 0 {
		return Signed{}, refuse(ReasonBadSignature, "signature is not base64: %v", err)
	}
	p7, err := pkcs7.Parse(der)
	if err != nil {
		return Signed{}, refuse(ReasonBadSignature, "parse CMS: %v", err)
	}
	if len(p7.Signers) != 1 || p7.GetOnlySigner() == nil {
		return Signed{}, refuse(ReasonBadSignature, "CMS has %d signers or no signer certificate", len(p7.Signers))
	}
	if alg := p7.Signers[0].DigestAlgorithm.Algorithm; !slices.ContainsFunc(digests, alg.Equal) {
		return Signed{}, refuse(ReasonBadSignature, "digest algorithm %v not accepted", alg)
	}
	if len(p7.Content) != 0 {
		return Signed{}, refuse(ReasonBadSignature, "the signature carries content of its own")
	}
	body := []byte(env.Profile)
	p7.Content = body
	if err := p7.Verify(); err != nil {
		return Signed{}, refuse(ReasonBadSignature, "verify CMS: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var prof domain.Profile
	if err := dec.Decode(&prof); err != nil {
		// Signed, but with fields this version does not know: a newer program wrote it.
		return Signed{}, refuse(ReasonNewer, "profile: %v", err)
	}
	if canon, err := domain.MarshalProfile(prof); err != nil || !bytes.Equal(canon, body) {
		return Signed{}, refuse(ReasonNotProfile, "the signed profile is not in canonical form")
	}
	if ps := domain.ValidateProfile(prof); len(ps) > 0 {
		return Signed{}, refuse(ReasonInvalid, "%v", ps[0].Error())
	}
	leaf := p7.GetOnlySigner()
	if err := checkSigner(leaf, now); err != nil {
		return Signed{}, refuse(ReasonCertInvalid, "%s: %v", leaf.Subject.CommonName, err)
	}
	s := Signed{Profile: prof, Body: body, Signer: leaf, Chain: p7.Certificates, Fingerprint: identity.Fingerprint(leaf)}
	var st time.Time
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &st) == nil {
		s.SignedAt = st
	}
	return s, nil
}

var digests = []asn1.ObjectIdentifier{pkcs7.OIDDigestAlgorithmSHA256, pkcs7.OIDDigestAlgorithmSHA384, pkcs7.OIDDigestAlgorithmSHA512}

// checkSigner: valid at now and meant for signing. The kommun signing CA may sign a profile
// itself (its certificate signs certificates and, here, profiles); any other certificate needs
// the digital-signature key usage when it states key usages.
func checkSigner(c *x509.Certificate, now time.Time) error {
	if now.Before(c.NotBefore) {
		return fmt.Errorf("not valid before %s", c.NotBefore.Format(time.DateOnly))
	}
	if now.After(c.NotAfter) {
		return fmt.Errorf("expired %s", c.NotAfter.Format(time.DateOnly))
	}
	if c.IsCA {
		return nil
	}
	if c.KeyUsage != 0 && c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return errors.New("key usage does not allow signing")
	}
	return nil
}
