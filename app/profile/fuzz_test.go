package profile

import (
	"bytes"
	"testing"
	"time"

	"handlingsplan/domain"
)

// FuzzVerify: whatever a profile file holds, Verify neither panics nor accepts anything but a
// valid profile whose signed bytes are its canonical JSON (seed corpus in testdata/fuzz/
// FuzzVerify: a signed file and broken ones).
func FuzzVerify(f *testing.F) {
	at := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Verify(b, at)
		if err != nil {
			if ReasonOf(err) == "" {
				t.Fatalf("a refusal without a reason: %v", err)
			}
			return
		}
		canon, err := domain.MarshalProfile(s.Profile)
		if err != nil || !bytes.Equal(canon, s.Body) {
			t.Fatal("accepted bytes that are not the profile's canonical JSON")
		}
		if ps := domain.ValidateProfile(s.Profile); len(ps) > 0 {
			t.Fatalf("accepted an invalid profile: %v", ps)
		}
		if s.Signer == nil || s.Fingerprint == "" {
			t.Fatal("accepted without a signer")
		}
	})
}
