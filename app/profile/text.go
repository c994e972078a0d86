package profile

import (
	"errors"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
)

// Text is the sentence for a refusal of Verify, Check, Import or Export, in the user's
// language; c is what Check found (for the signer and the versions), zero when nothing.
func Text(loc *i18n.Localizer, err error, c Checked) string {
	if errors.Is(err, ErrNoVersion) {
		return loc.T("profile.err.no_version")
	}
	if errors.Is(err, ErrCertNotValid) {
		return loc.T("profile.err.sign_cert")
	}
	r := ReasonOf(err)
	if r == "" {
		return loc.T("profile.err.failed")
	}
	args := []any{"Version", c.Profile.Version, "Current", c.Current.Version}
	if c.Signer != nil {
		args = append(args, "Signer", c.Signer.Subject.CommonName, "Fingerprint", identity.GroupedFingerprint(c.Signer))
	}
	return loc.Tf("profile.err."+string(r), args...)
}
