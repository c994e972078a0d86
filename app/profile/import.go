package profile

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// Checked is what Check found of a profile file against a database: the signed profile, whether
// this database takes its signer's profiles, and what it would change.
type Checked struct {
	Signed
	// Trusted: the signer is one of the database's profile signers (or chains to a CA that is).
	Trusted bool
	// Current is the profile in use now; Changes what the file changes of it.
	Current domain.Profile
	Changes []domain.ProfileChange
	// InUse: the file is the version in use already (same number, same content): nothing to do.
	InUse bool
}

// Check verifies a profile file (Verify) and compares it with what the database has: the
// signer must be trusted or new (Trusted false: the user compares the fingerprint and approves),
// and the version newer than the one in use. A refused file is an *Error with its reason.
func Check(store *data.Store, b []byte, now time.Time) (Checked, error) {
	s, err := Verify(b, now)
	if err != nil {
		return Checked{}, err
	}
	c := Checked{Signed: s}
	if c.Current, err = store.Profile(); err != nil {
		return Checked{}, fmt.Errorf("check profile: %w", err)
	}
	if c.Trusted, err = trusted(store, s, now); err != nil {
		return Checked{}, err
	}
	in, cur := s.Profile.Version, c.Current.Version
	switch {
	case in == cur && domain.SameProfile(s.Profile, c.Current):
		c.InUse = true
	case in == cur:
		return c, refuse(ReasonSameVersion, "version %d is in use with other content", in)
	case in < cur:
		return c, refuse(ReasonOlder, "version %d is older than version %d in use", in, cur)
	}
	c.Changes = domain.DiffProfiles(c.Current, s.Profile)
	return c, nil
}

// trusted reports whether the database takes profiles signed by s's signer: its certificate is
// a profile signer, or chains (through the certificates in the signature) to a CA certificate
// that is one.
func trusted(store *data.Store, s Signed, now time.Time) (bool, error) {
	signers, err := store.ProfileSigners()
	if err != nil {
		return false, fmt.Errorf("check profile: %w", err)
	}
	roots := x509.NewCertPool()
	anyCA := false
	for _, sg := range signers {
		if sg.Fingerprint == s.Fingerprint {
			return true, nil
		}
		if c, err := x509.ParseCertificate(sg.Cert); err == nil && identity.IsCA(c) {
			roots.AddCert(c)
			anyCA = true
		}
	}
	if !anyCA {
		return false, nil
	}
	inter := x509.NewCertPool()
	for _, c := range s.Chain {
		if !c.Equal(s.Signer) {
			inter.AddCert(c)
		}
	}
	_, err = s.Signer.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	return err == nil, nil
}

// Result is what Import did.
type Result struct {
	Checked
	// ID is the stored profile version now in use (0 when nothing changed).
	ID int64
}

// Import takes a profile file into use for new plans: Check, then, when the signer is trusted or
// approve is its fingerprint (the user compared it with the coordinator's, by phone), it records
// the signer and stores the version as the one in use. An untrusted signer without approval is
// an *Error with ReasonUntrusted, and nothing changes. Plans made before keep their profile.
func Import(store *data.Store, b []byte, now time.Time, approve string) (Result, error) {
	return importAs(store, b, now, approve, data.ProfileImport, data.SignerApproved)
}

func importAs(store *data.Store, b []byte, now time.Time, approve string, source data.ProfileSource, signerSource string) (Result, error) {
	c, err := Check(store, b, now)
	r := Result{Checked: c}
	if err != nil {
		return r, err
	}
	if !c.Trusted {
		if normFingerprint(approve) != c.Fingerprint {
			return r, refuse(ReasonUntrusted, "signer %s (%s) is not a profile signer of this database", c.Signer.Subject.CommonName, c.Fingerprint)
		}
		if err := store.AddProfileSigner(data.ProfileSigner{Fingerprint: c.Fingerprint, Subject: c.Signer.Subject.CommonName,
			Cert: identity.CertDER(c.Signer), Source: signerSource}); err != nil {
			return r, fmt.Errorf("import profile: %w", err)
		}
		r.Trusted = true
	}
	if c.InUse {
		return r, nil
	}
	r.ID, err = store.UseProfile(c.Profile, data.ProfileMeta{Source: source, SignerName: c.Signer.Subject.CommonName, SignerFingerprint: c.Fingerprint})
	if err != nil {
		return r, fmt.Errorf("import profile version %d: %w", c.Profile.Version, err)
	}
	return r, nil
}

// Export signs the profile in use with id, as the coordinator sends it, and records id's
// certificate as a profile signer of this database (so the file imports here too). A profile
// still at version 0 (the program's default or a board's own) cannot be sent: the coordinator
// saves a version first.
func Export(store *data.Store, id *identity.Identity, now time.Time) ([]byte, domain.Profile, error) {
	p, err := store.Profile()
	if err != nil {
		return nil, p, fmt.Errorf("export profile: %w", err)
	}
	if p.Version < 1 {
		return nil, p, ErrNoVersion
	}
	b, err := Sign(p, id, now)
	if err != nil {
		return nil, p, err
	}
	if err := store.AddProfileSigner(data.ProfileSigner{Fingerprint: identity.Fingerprint(id.Cert), Subject: id.Cert.Subject.CommonName,
		Cert: identity.CertDER(id.Cert), Source: data.SignerOwn}); err != nil {
		return nil, p, fmt.Errorf("export profile: %w", err)
	}
	return b, p, nil
}

// ErrNoVersion means the profile in use has no kommun version yet (0): save one first.
var ErrNoVersion = errors.New("the profile in use has no version yet")

// SaveVersion stores an edited profile as the kommun's next version (one above the newest of
// the database) and takes it into use for new plans: what the coordinator's editor does.
func SaveVersion(store *data.Store, p domain.Profile) (domain.Profile, error) {
	vs, err := store.ProfileVersions()
	if err != nil {
		return p, fmt.Errorf("save profile: %w", err)
	}
	next := 1
	for _, v := range vs {
		if v.Source != data.ProfileSubmission {
			next = max(next, v.Version+1)
		}
	}
	p.Version = next
	if ps := domain.ValidateProfile(p); len(ps) > 0 {
		return p, &ps[0]
	}
	if _, err := store.UseProfile(p, data.ProfileMeta{Source: data.ProfileLocal}); err != nil {
		return p, err
	}
	return p, nil
}

// normFingerprint is a fingerprint as people copy it ("AB12 CD34 …", "ab:12:…") in lowercase
// hex without separators; "" when it has anything else.
func normFingerprint(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'f':
			b.WriteRune(r)
		case r == ' ' || r == ':' || r == '-' || r == '\t':
		default:
			return ""
		}
	}
	return b.String()
}
