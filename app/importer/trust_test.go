package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
)

func TestApproveUnknownSigner(t *testing.T) {
	env := newEnv(t)
	stranger := signerID(t, "Bo Ek", "Kulturnämnden")
	dir := writeDir(t, map[string][]byte{
		"kultur-2027.pdf": sealed(t, "Kulturnämnden", 2027, 1, stranger),
		"kultur-2028.pdf": sealed(t, "Kulturnämnden", 2028, 1, stranger),
	})
	rs, err := env.im.Import(t.Context(), []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Verdict != UnknownSigner || r.SignerName != "Bo Ek" || r.Board != "Kulturnämnden" {
			t.Fatalf("%+v", r)
		}
	}
	fp := identity.Fingerprint(stranger.Cert)
	// The coordinator reads the first groups aloud, as the dialog shows them.
	grouped := identity.GroupedFingerprint(stranger.Cert)
	ps, err := env.im.FindPending(grouped[:19])
	if err != nil || len(ps.Files) != 2 || identity.Fingerprint(ps.Cert) != fp {
		t.Fatalf("FindPending: %+v %v", ps, err)
	}
	for _, bad := range []struct {
		fp  string
		err error
	}{{"zz12", ErrBadFingerprint}, {"1234", ErrBadFingerprint}, {"00000000", ErrNoPending}} {
		if _, _, err := env.im.Approve(t.Context(), bad.fp); !errors.Is(err, bad.err) {
			t.Errorf("Approve(%q): %v, want %v", bad.fp, err, bad.err)
		}
	}
	entry, imported, err := env.im.Approve(t.Context(), grouped)
	if err != nil {
		t.Fatal(err)
	}
	if entry.Kind != "signer" || entry.Fingerprint != fp || len(imported) != 2 || fmt.Sprint(entry.Boards) != "[Kulturnämnden]" {
		t.Fatalf("approved %+v, imported %+v", entry, imported)
	}
	for _, r := range imported {
		if r.Verdict != AcceptedNew || r.SubmissionID == 0 {
			t.Errorf("%s: %s %s", r.Name(), r.Verdict, r.Detail)
		}
	}
	if p, _ := env.im.Pending(); len(p) != 0 {
		t.Errorf("still pending: %+v", p)
	}
	subs, _ := env.store.Submissions("Kulturnämnden", 0)
	if len(subs) != 2 || !subs[0].Trusted || subs[0].TrustedVia != fp {
		t.Errorf("submissions %+v", subs)
	}
	audit, _ := env.store.Audit("trust", entry.ID)
	if len(audit) != 2 || audit[0].Field != "approved" || audit[0].Who != "samordnare" || audit[1].Field != "board" || audit[1].New != "Kulturnämnden" {
		t.Errorf("audit %+v", audit)
	}
	// From now on the signer's files import directly.
	r, err := env.im.ImportData("kultur-2029.pdf", sealed(t, "Kulturnämnden", 2029, 1, stranger))
	if err != nil || r.Verdict != AcceptedNew {
		t.Errorf("after approval: %s %v", r.Verdict, err)
	}
	if _, _, err := env.im.Approve(t.Context(), fp); !errors.Is(err, ErrNoPending) {
		t.Errorf("approve again: %v", err)
	}
}

func TestDeclinePending(t *testing.T) {
	env := newEnv(t)
	stranger := signerID(t, "Bo Ek", "Kulturnämnden")
	r, err := env.im.ImportData("k.pdf", sealed(t, "Kulturnämnden", 2027, 1, stranger))
	if err != nil || r.Verdict != UnknownSigner {
		t.Fatal(r.Verdict, err)
	}
	if err := env.im.Decline(r.LogID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.im.Approve(t.Context(), r.Fingerprint); !errors.Is(err, ErrNoPending) {
		t.Errorf("approve after decline: %v", err)
	}
}

func TestRemoveTrustMarksSubmissions(t *testing.T) {
	env := newEnv(t)
	ca, err := env.im.NewSigningCA(t.Context(), filepath.Join(env.dir, "ca.p12"), "Exempelby kommun signerings-CA", "Exempelby kommun", "lång och säker lösenfras", CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	alone := signerID(t, "Åsa Öberg", "Socialnämnden")
	both := issuedID(t, env, ca, "Cecilia Lind", "Miljönämnden")
	other := signerID(t, "Dan Berg", "Kulturnämnden")
	for _, id := range []*identity.Identity{alone, other} {
		env.trustSigner(t, id)
	}
	env.trustSigner(t, both) // approved individually too
	files := map[string][]byte{
		"social.pdf": sealed(t, "Socialnämnden", 2027, 1, alone),
		"miljo.pdf":  sealed(t, "Miljönämnden", 2027, 1, both),
		"kultur.pdf": sealed(t, "Kulturnämnden", 2027, 1, other),
	}
	rs, err := env.im.Import(t.Context(), []string{writeDir(t, files)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := Summarize(rs); s[AcceptedNew] != 3 {
		t.Fatalf("%v", s)
	}
	db := env.rawDB(t)
	dataBefore := count(t, db, "SELECT count(*) FROM plans")
	trusted := func() map[string]bool {
		subs, err := env.store.Submissions("", 0)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, s := range subs {
			m[s.Board] = s.Trusted
		}
		return m
	}
	// Removing Åsa's certificate: her plan is marked, the data stays.
	removed, marked, err := env.im.RemoveTrust(identity.GroupedFingerprint(alone.Cert))
	if err != nil || removed.Subject != "Åsa Öberg" || marked != 1 {
		t.Fatalf("remove: %+v %d %v", removed, marked, err)
	}
	// Removing Cecilia's approval: the signing CA still vouches for her.
	if _, marked, err := env.im.RemoveTrust(identity.Fingerprint(both.Cert)); err != nil || marked != 0 {
		t.Fatalf("remove approved CA-issued signer: %d %v", marked, err)
	}
	want := map[string]bool{"Socialnämnden": false, "Miljönämnden": true, "Kulturnämnden": true}
	if got := trusted(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("trusted %v, want %v", got, want)
	}
	// Removing the CA: now Cecilia's plan is marked too.
	if _, marked, err := env.im.RemoveTrust(identity.Fingerprint(ca.Cert)); err != nil || marked != 1 {
		t.Fatalf("remove CA: %d %v", marked, err)
	}
	if n := count(t, db, "SELECT count(*) FROM plans"); n != dataBefore {
		t.Errorf("removing trust deleted plans: %d of %d", n, dataBefore)
	}
	if got := trusted(); got["Miljönämnden"] || got["Socialnämnden"] || !got["Kulturnämnden"] {
		t.Errorf("after removing the CA: %v", got)
	}
	if _, _, err := env.im.RemoveTrust(identity.Fingerprint(ca.Cert)); !errors.Is(err, ErrNotInTrustList) {
		t.Errorf("remove twice: %v", err)
	}
	// Adding Åsa's certificate back restores her plan's trust.
	ch, err := env.im.AddCertificates(t.Context(), identity.CertPEM(alone.Cert))
	if err != nil || len(ch.Added) != 1 || ch.Restored != 1 {
		t.Fatalf("re-add: %+v %v", ch, err)
	}
	if got := trusted(); !got["Socialnämnden"] || got["Miljönämnden"] {
		t.Errorf("after re-adding: %v", got)
	}
	// Removing trust does not delete: the kept PDF is still there, byte for byte.
	subs, _ := env.store.Submissions("Miljönämnden", 2027)
	pdf, err := env.store.SubmissionPDF(subs[0].ID)
	if err != nil || !bytes.Equal(pdf, files["miljo.pdf"]) {
		t.Errorf("kept PDF: %v", err)
	}
}

func TestAddCertificatesKinds(t *testing.T) {
	env := newEnv(t)
	ca, err := identity.NewCA("Organisationens CA", "Exempelby kommun", time.Now(), CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	signer := signerID(t, "Åsa Öberg", "Socialnämnden")
	// A PEM file with both: only the first is added, unless all are asked for.
	ch, err := env.im.AddCertificates(t.Context(), identity.CertPEM(ca.Cert, signer.Cert))
	if err != nil || len(ch.Added) != 1 || ch.Added[0].Kind != "ca" || ch.Skipped != 1 {
		t.Fatalf("%+v %v", ch, err)
	}
	ch, err = env.im.AddAllCertificates(t.Context(), identity.CertPEM(ca.Cert, signer.Cert))
	if err != nil || len(ch.Added) != 1 || ch.Added[0].Kind != "signer" || fmt.Sprint(ch.Added[0].Boards) != "[Socialnämnden]" ||
		len(ch.Present) != 1 || ch.Skipped != 0 {
		t.Fatalf("all: %+v %v", ch, err)
	}
	// The CA alone as DER (.cer).
	ch, err = env.im.AddCertificates(t.Context(), identity.CertDER(ca.Cert))
	if err != nil || len(ch.Added) != 0 || len(ch.Present) != 1 {
		t.Fatalf("again: %+v %v", ch, err)
	}
	if _, err := env.im.AddCertificates(t.Context(), []byte("inget certifikat")); !errors.Is(err, identity.ErrNoCertificate) {
		t.Errorf("garbage: %v", err)
	}
	items, err := env.im.TrustList()
	if err != nil || len(items) != 2 || items[0].Cert == nil || items[0].SigningCA {
		t.Errorf("list %+v %v", items, err)
	}
}

func TestNormalizeFingerprint(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      error
	}{
		{"AB12 CD34 EF56", "ab12cd34ef56", nil},
		{"ab:12:cd:34", "ab12cd34", nil},
		{"  3a7f-09c2  ", "3a7f09c2", nil},
		{"3a7f", "", ErrBadFingerprint},
		{"3a7g09c2", "", ErrBadFingerprint},
		{strings.Repeat("a", 65), "", ErrBadFingerprint},
	} {
		got, err := NormalizeFingerprint(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%q: %q %v", c.in, got, err)
		}
	}
}
