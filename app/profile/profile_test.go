package profile

import (
	"bytes"
	"crypto/x509"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var now = time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)

func newDB(t testing.TB, name string) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), name), name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return now })
	def, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(def); err != nil {
		t.Fatal(err)
	}
	return s
}

var coordID = func() *identity.Identity {
	id, err := identity.New(identity.Subject{Name: "Åsa Öberg", Title: "Informationssäkerhetssamordnare", Email: "asa@example.se", Kommun: "Gislaved"},
		now.AddDate(0, -1, 0), 2*365*24*time.Hour)
	if err != nil {
		panic(err)
	}
	return id
}()

// coordinatorVersion saves an edited profile as the coordinator's next version and exports it.
func coordinatorVersion(t testing.TB, coord *data.Store, edit func(p *domain.Profile)) ([]byte, domain.Profile) {
	t.Helper()
	p, err := coord.Profile()
	if err != nil {
		t.Fatal(err)
	}
	edit(&p)
	if p, err = SaveVersion(coord, p); err != nil {
		t.Fatal(err)
	}
	b, exported, err := Export(coord, coordID, now)
	if err != nil {
		t.Fatal(err)
	}
	if exported.Version != p.Version {
		t.Fatalf("exported version %d, saved %d", exported.Version, p.Version)
	}
	return b, p
}

// The coordinator exports a version; an official's database (a second one) takes it after the
// fingerprint is approved, shows what changes, and uses it for new plans while a plan made
// before keeps its own profile.
func TestExportImportSecondDatabase(t *testing.T) {
	coord, official := newDB(t, "coord.db"), newDB(t, "official.db")
	board, _ := official.AddBoard("Socialnämnden")
	oldPlan, err := official.AddPlan(domain.Plan{BoardID: board, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}

	file, v1 := coordinatorVersion(t, coord, func(p *domain.Profile) {
		p.Kommun = "Gislaveds kommun"
		p.HoursPerFTE = 1650
		p.Checklist = append(p.Checklist, domain.Requirement{ID: "cyber_law", Section: "Lagkrav", Title: "Cybersäkerhetslagen",
			Text: "Nämnden känner till vad cybersäkerhetslagen kräver av dess verksamhet.", Goal: 2})
	})
	if v1.Version != 1 {
		t.Fatalf("first saved version is %d", v1.Version)
	}
	if !bytes.Contains(file, []byte(`"format": "handlingsplan-profile"`)) || !bytes.Contains(file, []byte(`"signer": "Åsa Öberg"`)) {
		t.Fatalf("file:\n%.300s", file)
	}

	// Not yet trusted: the check shows the signer and the changes; importing without approval
	// changes nothing.
	c, err := Check(official, file, now)
	if err != nil {
		t.Fatal(err)
	}
	if c.Trusted || c.Signer.Subject.CommonName != "Åsa Öberg" || c.Fingerprint != identity.Fingerprint(coordID.Cert) || len(c.Changes) != 3 {
		t.Fatalf("check: trusted %v signer %s changes %d", c.Trusted, c.Signer.Subject.CommonName, len(c.Changes))
	}
	sv := i18n.New(i18n.Swedish)
	var lines []string
	for _, ch := range c.Changes {
		lines = append(lines, ch.Text(sv))
	}
	if got := strings.Join(lines, "\n"); !strings.Contains(got, "Timmar per årsarbetare: 1700 blir 1650") || !strings.Contains(got, "Nytt krav ”Cybersäkerhetslagen”") {
		t.Errorf("changes:\n%s", got)
	}
	_, err = Import(official, file, now, "")
	if ReasonOf(err) != ReasonUntrusted || !strings.Contains(Text(sv, err, c), identity.GroupedFingerprint(coordID.Cert)) {
		t.Fatalf("import without approval: %v / %q", err, Text(sv, err, c))
	}
	if p, _ := official.Profile(); p.Version != 0 {
		t.Fatal("an unapproved profile came into use")
	}

	r, err := Import(official, file, now, identity.GroupedFingerprint(coordID.Cert))
	if err != nil || r.ID == 0 {
		t.Fatalf("import: %+v %v", r, err)
	}
	cur, _ := official.Profile()
	if !domain.SameProfile(cur, v1) {
		t.Fatalf("in use: %+v", cur)
	}
	newPlan, err := official.AddPlan(domain.Plan{BoardID: board, Year: 2027})
	if err != nil {
		t.Fatal(err)
	}
	nd, _ := official.PlanData(newPlan)
	od, _ := official.PlanData(oldPlan)
	if nd.Profile == nil || nd.Profile.Version != 1 || len(domain.Checklist(nd, domain.Profile{})) != len(v1.Checklist) {
		t.Fatalf("the new plan is not made under version 1: %+v", nd.Profile)
	}
	if od.Profile == nil || od.Profile.Version != 0 || od.Profile.HoursPerFTE != 1700 {
		t.Fatalf("the old plan lost its profile: %+v", od.Profile)
	}
	// The old plan validates under its own profile: the new requirement is not asked of it.
	for _, p := range domain.ValidatePlan(od, cur) {
		if p.Entity == "checklist" && p.Field == "cyber_law" {
			t.Fatal("the old plan is judged under the new profile")
		}
	}
	signers, _ := official.ProfileSigners()
	if len(signers) != 1 || signers[0].Source != data.SignerApproved {
		t.Fatalf("signers %+v", signers)
	}

	// The same file again: in use already, nothing changes. A second version from the same
	// signer needs no approval.
	if r, err := Import(official, file, now, ""); err != nil || !r.InUse || r.ID != 0 {
		t.Fatalf("again: %+v %v", r, err)
	}
	file2, _ := coordinatorVersion(t, coord, func(p *domain.Profile) { p.Deadline = "11-15" })
	if r, err := Import(official, file2, now, ""); err != nil || r.Profile.Version != 2 {
		t.Fatalf("version 2: %+v %v", r, err)
	}
	// Version 1 now is older: refused.
	if _, err := Import(official, file, now, ""); ReasonOf(err) != ReasonOlder {
		t.Fatalf("older version: %v", err)
	}
	if vs, _ := official.ProfileVersions(); len(vs) != 3 {
		t.Fatalf("versions kept: %d", len(vs))
	}
}

// A tampered file is refused, whatever was changed, and nothing is taken into use.
func TestTamperedProfileRefused(t *testing.T) {
	coord, official := newDB(t, "coord.db"), newDB(t, "official.db")
	file, _ := coordinatorVersion(t, coord, func(p *domain.Profile) { p.Kommun = "Gislaveds kommun" })
	fp := identity.Fingerprint(coordID.Cert)
	tests := []struct {
		name   string
		edit   func(b []byte) []byte
		reason Reason
	}{
		{"hours changed", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"hours_per_fte":1700`), []byte(`"hours_per_fte":1800`), 1)
		}, ReasonBadSignature},
		{"goal text changed", func(b []byte) []byte {
			return bytes.Replace(b, []byte("ingångna avtal är kända och följs"), []byte("ingångna avtal är kända"), 1)
		}, ReasonBadSignature},
		{"re-indented", func(b []byte) []byte { return bytes.Replace(b, []byte(`{"kommun"`), []byte("{\n  \"kommun\""), 1) }, ReasonBadSignature},
		{"signature cut", func(b []byte) []byte {
			i := bytes.Index(b, []byte(`"signature": "`)) + 30
			return append(append([]byte{}, b[:i]...), b[i+20:]...)
		}, ReasonBadSignature},
		{"not a profile", func(b []byte) []byte { return bytes.Replace(b, []byte(Format), []byte("something-else"), 1) }, ReasonNotProfile},
		{"not JSON", func(b []byte) []byte { return b[:len(b)/2] }, ReasonNotProfile},
		{"newer file schema", func(b []byte) []byte { return bytes.Replace(b, []byte(`"schema": 1`), []byte(`"schema": 2`), 1) }, ReasonNewer},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := tc.edit(bytes.Clone(file))
			if bytes.Equal(bad, file) {
				t.Fatal("the edit changed nothing")
			}
			_, err := Import(official, bad, now, fp)
			if ReasonOf(err) != tc.reason {
				t.Fatalf("reason %q (%v), want %q", ReasonOf(err), err, tc.reason)
			}
			for _, l := range i18n.Langs {
				if txt := Text(i18n.New(l), err, Checked{}); strings.Contains(txt, "⟦") {
					t.Errorf("%s: %q", l, txt)
				}
			}
		})
	}
	if p, _ := official.Profile(); p.Version != 0 {
		t.Fatal("a refused file came into use")
	}
	if s, _ := official.ProfileSigners(); len(s) != 0 {
		t.Fatal("a refused file's signer was recorded")
	}
	// The untouched file still imports.
	if _, err := Import(official, file, now, fp); err != nil {
		t.Fatal(err)
	}
}

// An expired certificate, and a version number in use with other content, are refused.
func TestProfileRefusals(t *testing.T) {
	coord, official := newDB(t, "coord.db"), newDB(t, "official.db")
	file, _ := coordinatorVersion(t, coord, func(p *domain.Profile) { p.Kommun = "A" })
	if _, err := Import(official, file, now.AddDate(3, 0, 0), identity.Fingerprint(coordID.Cert)); ReasonOf(err) != ReasonCertInvalid {
		t.Fatalf("expired certificate: %v", err)
	}
	if _, err := Sign(domain.Profile{}, coordID, now); err == nil {
		t.Fatal("an invalid profile was signed")
	}
	if _, err := Sign(mustProfile(t, coord), coordID, now.AddDate(3, 0, 0)); err == nil {
		t.Fatal("signed with an expired certificate")
	}
	if _, err := Import(official, file, now, identity.Fingerprint(coordID.Cert)); err != nil {
		t.Fatal(err)
	}
	// Another coordinator database makes a different version 1.
	other := newDB(t, "other.db")
	clash, _ := coordinatorVersion(t, other, func(p *domain.Profile) { p.Kommun = "B" })
	if _, err := Import(official, clash, now, ""); ReasonOf(err) != ReasonSameVersion {
		t.Fatalf("same version, other content: %v", err)
	}
	// A board's default profile cannot be exported.
	if _, _, err := Export(newDB(t, "fresh.db"), coordID, now); err != ErrNoVersion {
		t.Fatalf("export of version 0: %v", err)
	}
}

func mustProfile(t *testing.T, s *data.Store) domain.Profile {
	p, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The kommun signing CA may sign a profile itself, and a database that takes the CA's profiles
// takes those of a certificate it issued.
func TestProfileSignedUnderCA(t *testing.T) {
	ca, err := identity.NewCA("Gislaveds kommun signerings-CA", "Gislaved", now.AddDate(0, -1, 0), 5*365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := identity.New(identity.Subject{Name: "Samordnare", Email: "s@example.se", Kommun: "Gislaved"}, now.AddDate(0, -1, 0), 365*24*time.Hour)
	req, _ := identity.Request(leaf)
	csr, _ := identity.ParseRequest(req)
	cert, err := identity.Issue(ca, csr, "Kommunstyrelsen", now, 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := identity.Accept(leaf, identity.CertPEM(append([]*x509.Certificate{cert}, ca.Cert)...)); err != nil {
		t.Fatal(err)
	}
	coord, official := newDB(t, "coord.db"), newDB(t, "official.db")
	if err := official.AddProfileSigner(data.ProfileSigner{Fingerprint: identity.Fingerprint(ca.Cert), Subject: "CA", Cert: identity.CertDER(ca.Cert), Source: data.SignerPreset}); err != nil {
		t.Fatal(err)
	}
	p, err := SaveVersion(coord, mustProfile(t, coord))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []*identity.Identity{leaf, ca} {
		b, err := Sign(p, id, now)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Check(official, b, now)
		if err != nil || !c.Trusted {
			t.Fatalf("signed by %s: trusted %v, %v", id.Cert.Subject.CommonName, c.Trusted, err)
		}
	}
	// A self-issued certificate is not vouched for by the CA.
	b, _ := Sign(p, coordID, now)
	if c, err := Check(official, b, now); err != nil || c.Trusted {
		t.Fatalf("self-issued: trusted %v %v", c.Trusted, err)
	}
}

// IT's preset: the coordinator's certificate and a profile file; at start a newer preset file
// comes into use, an older one changes nothing, a broken one is an error.
func TestApplyPreset(t *testing.T) {
	coord, official := newDB(t, "coord.db"), newDB(t, "official.db")
	v1, _ := coordinatorVersion(t, coord, func(p *domain.Profile) { p.Kommun = "Gislaveds kommun" })
	used, err := ApplyPreset(official, Preset{File: v1}, now)
	if err != nil || !used {
		t.Fatalf("first start: %v %v", used, err)
	}
	signers, _ := official.ProfileSigners()
	if len(signers) != 1 || signers[0].Source != data.SignerPreset {
		t.Fatalf("signers %+v", signers)
	}
	if used, err := ApplyPreset(official, Preset{File: v1}, now); err != nil || used {
		t.Fatalf("second start: %v %v", used, err)
	}
	v2, _ := coordinatorVersion(t, coord, func(p *domain.Profile) { p.HoursPerFTE = 1600 })
	if _, err := Import(official, v2, now, ""); err != nil {
		t.Fatal(err)
	}
	if used, err := ApplyPreset(official, Preset{File: v1}, now); err != nil || used {
		t.Fatalf("older preset: %v %v", used, err)
	}
	if p, _ := official.Profile(); p.Version != 2 {
		t.Fatalf("an older preset replaced version %d", p.Version)
	}
	if _, err := ApplyPreset(official, Preset{File: bytes.Replace(v1, []byte("Gislaveds"), []byte("Gislövs"), 1)}, now); ReasonOf(err) != ReasonBadSignature {
		t.Fatalf("tampered preset: %v", err)
	}
	// With the coordinator's certificate preset, a file from someone else is not trusted.
	third := newDB(t, "third.db")
	stranger, _ := identity.New(identity.Subject{Name: "Okänd", Email: "x@example.se"}, now.AddDate(0, -1, 0), 365*24*time.Hour)
	p, _ := SaveVersion(newDB(t, "x.db"), mustProfile(t, coord))
	strange, _ := Sign(p, stranger, now)
	_, err = ApplyPreset(third, Preset{File: strange, Signers: identity.CertPEM(coordID.Cert)}, now)
	if ReasonOf(err) != ReasonUntrusted {
		t.Fatalf("stranger's preset file: %v", err)
	}
}
