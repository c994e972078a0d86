package profile

import (
	"fmt"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/data"
)

// Preset is what IT set for every user's profile (see app/preset): the coordinator's signed
// profile file, and the certificates whose profiles the app takes (the coordinator's, or the
// kommun signing CA's). Both are optional.
type Preset struct {
	File    []byte // a signed profile file (.hpprofile), nil when none
	Signers []byte // PEM or DER certificates, nil when none
}

// ApplyPreset brings the database in line with IT's preset at start: the preset's certificates
// become profile signers, and a preset profile file newer than the one in use is taken into use.
// IT placed the file where only IT writes, so its signer is taken as a profile signer too when
// no certificate is preset; the signature must still hold. A preset file older than (or the same
// as) the one in use changes nothing: the user may have imported a newer one since. It returns
// whether a new version came into use.
func ApplyPreset(store *data.Store, p Preset, now time.Time) (bool, error) {
	if len(p.Signers) > 0 {
		certs, err := identity.ParseCerts(p.Signers)
		if err != nil {
			return false, fmt.Errorf("preset profile signers: %w", err)
		}
		for _, c := range certs {
			if err := store.AddProfileSigner(data.ProfileSigner{Fingerprint: identity.Fingerprint(c), Subject: c.Subject.CommonName,
				Cert: identity.CertDER(c), Source: data.SignerPreset}); err != nil {
				return false, err
			}
		}
	}
	if len(p.File) == 0 {
		return false, nil
	}
	s, err := Verify(p.File, now)
	if err != nil {
		return false, fmt.Errorf("preset profile: %w", err)
	}
	approve := ""
	if len(p.Signers) == 0 {
		approve = s.Fingerprint
	}
	r, err := importAs(store, p.File, now, approve, data.ProfilePreset, data.SignerPreset)
	switch ReasonOf(err) {
	case ReasonOlder, ReasonSameVersion:
		return false, nil
	case "":
		if err != nil {
			return false, err
		}
		return r.ID != 0, nil
	}
	return false, fmt.Errorf("preset profile: %w", err)
}
