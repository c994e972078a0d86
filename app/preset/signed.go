package preset

import (
	"bytes"
	"encoding/json"

	"handlingsplan/app/profile"
)

// signedProfile reports whether b is a signed profile file (app/profile), not a plain profile.
func signedProfile(b []byte) bool {
	var head struct {
		Format string `json:"format"`
	}
	return json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &head) == nil && head.Format == profile.Format
}

// SignedProfile is what the preset gives app/profile.ApplyPreset: the signed profile file
// (when profile names one) and the profile signers' certificates (profile_signer). A file that
// cannot be read is an *Error, as for the rest of the preset.
func (p Preset) SignedProfile(read func(string) ([]byte, error)) (profile.Preset, error) {
	var out profile.Preset
	if p.ProfileSigner != "" {
		b, err := read(p.ProfileSigner)
		if err != nil {
			return out, &Error{Path: p.ProfileSigner, Err: err}
		}
		out.Signers = b
	}
	if p.Profile != "" {
		b, err := read(p.Profile)
		if err != nil {
			return out, &Error{Path: p.Profile, Err: err}
		}
		if signedProfile(b) {
			out.File = b
		}
	}
	return out, nil
}
