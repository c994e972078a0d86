package importer

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
)

// A file from a signer the coordinator removed from the trust list, or from a signer whose
// CA was removed, waits for approval like any unknown signer, and says that the signer (or
// the CA) was removed, and when: the coordinator should not approve it again by mistake.
func TestRemovedSignerSaysWhen(t *testing.T) {
	env := newEnv(t)
	removedAt := time.Date(2026, 11, 3, 14, 0, 0, 0, time.Local)
	env.store.SetClock(func() time.Time { return removedAt })
	asa := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, asa)
	ca, err := env.im.NewSigningCA(t.Context(), filepath.Join(env.dir, "ca.p12"), "Exempelby kommun signerings-CA", "Exempelby kommun", "lång och säker lösenfras", CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	cecilia := issuedID(t, env, ca, "Cecilia Lind", "Miljönämnden")
	if _, _, err := env.im.RemoveTrust(identity.Fingerprint(asa.Cert)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.im.RemoveTrust(identity.Fingerprint(ca.Cert)); err != nil {
		t.Fatal(err)
	}
	sv := i18n.New(i18n.Swedish)
	date := sv.Date(removedAt)

	r, _ := env.im.ImportData("social.pdf", sealed(t, "Socialnämnden", 2027, 1, asa))
	if r.Verdict != UnknownSigner || r.Removed == nil || !r.Removed.At.Equal(removedAt) {
		t.Fatalf("removed signer: %s, removed %+v", verdictOf(r), r.Removed)
	}
	if text := r.Text(sv); !strings.Contains(text, "togs bort") || !strings.Contains(text, date) || !strings.Contains(text, "Åsa Öberg") {
		t.Errorf("removed signer: %q, want it to say she was removed on %s", text, date)
	}

	r, _ = env.im.ImportData("miljo.pdf", sealed(t, "Miljönämnden", 2027, 1, cecilia))
	if r.Verdict != UnknownSigner || r.Removed == nil || r.Removed.Fingerprint != identity.Fingerprint(ca.Cert) {
		t.Fatalf("signer of a removed CA: %s, removed %+v", verdictOf(r), r.Removed)
	}
	if text := r.Text(sv); !strings.Contains(text, "certifikatutfärdaren") || !strings.Contains(text, date) {
		t.Errorf("signer of a removed CA: %q", text)
	}

	// Never on the list: the usual sentence, no removal.
	dan := signerID(t, "Dan Berg", "Kulturnämnden")
	r, _ = env.im.ImportData("kultur.pdf", sealed(t, "Kulturnämnden", 2027, 1, dan))
	if r.Verdict != UnknownSigner || r.Removed != nil || strings.Contains(r.Text(sv), "togs bort") {
		t.Errorf("never trusted: %s, removed %+v, %q", verdictOf(r), r.Removed, r.Text(sv))
	}
}
