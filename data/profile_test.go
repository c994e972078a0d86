package data

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"handlingsplan/domain"
)

func defaultProfile(t *testing.T) domain.Profile {
	t.Helper()
	p, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Every saved profile is a version; the same content is one version; a plan records the version
// in use when it was made and keeps it when a newer one comes into use.
func TestProfileVersions(t *testing.T) {
	s := newStore(t)
	def := defaultProfile(t)
	if err := s.EnsureProfile(def); err != nil {
		t.Fatal(err)
	}
	first, err := s.CurrentProfileID()
	if err != nil || first == 0 {
		t.Fatalf("current %d %v", first, err)
	}
	b, _ := s.AddBoard("Socialnämnden")
	old, err := s.AddPlan(domain.Plan{BoardID: b, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}

	v2 := def
	v2.Version, v2.Kommun = 2, "Gislaved"
	v2.Goals = append([]domain.Goal(nil), def.Goals[:7]...)
	if err := s.SaveProfile(v2); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProfile(v2); err != nil { // the same content again: no new version
		t.Fatal(err)
	}
	vs, err := s.ProfileVersions()
	if err != nil || len(vs) != 2 || !vs[0].Current || vs[0].Version != 2 || vs[0].Kommun != "Gislaved" || vs[1].Current {
		t.Fatalf("versions %+v %v", vs, err)
	}
	cur, _ := s.Profile()
	if !domain.SameProfile(cur, v2) {
		t.Fatalf("current profile is not the saved one: %+v", cur)
	}
	newer, err := s.AddPlan(domain.Plan{BoardID: b, Year: 2027})
	if err != nil {
		t.Fatal(err)
	}
	od, _ := s.PlanData(old)
	nd, _ := s.PlanData(newer)
	if od.Profile == nil || len(od.Profile.Goals) != 8 || od.Plan.ProfileID != first {
		t.Fatalf("the old plan lost its profile: %+v", od.Profile)
	}
	if nd.Profile == nil || nd.Profile.Version != 2 || len(nd.Profile.Goals) != 7 {
		t.Fatalf("the new plan is not made under the new profile: %+v", nd.Profile)
	}
	// The legacy tables follow the profile in use.
	var goals int
	s.db.QueryRow("SELECT count(*) FROM goals").Scan(&goals)
	if goals != 7 {
		t.Errorf("goals table has %d rows", goals)
	}
	// A profile the database refuses changes nothing.
	bad := v2
	bad.Version, bad.HoursPerFTE = 3, 5
	var p *domain.Problem
	if err := s.SaveProfile(bad); !errors.As(err, &p) || p.Field != "hours_per_fte" {
		t.Fatalf("bad profile: %v", err)
	}
	if vs2, _ := s.ProfileVersions(); len(vs2) != 2 {
		t.Fatalf("a refused profile was stored: %d versions", len(vs2))
	}
	// A received submission's profile is stored but not taken into use.
	sub := def
	sub.Version, sub.Kommun = 1, "Grannkommun"
	id, err := s.StoreProfile(sub, ProfileMeta{Source: ProfileSubmission})
	if err != nil || id == 0 {
		t.Fatal(err)
	}
	if c, _ := s.CurrentProfileID(); c == id {
		t.Fatal("a submission's profile came into use")
	}
	if back, _ := s.ProfileByID(id); back.Kommun != "Grannkommun" {
		t.Fatalf("stored submission profile %+v", back)
	}
}

// A database made before profiles had versions: on first start its profile becomes the first
// version, with the default's checklist, rule goals and deadline added, and its plans record it.
func TestProfileUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	before := fstest.MapFS{}
	names, _ := migrations(migrationFS)
	for _, n := range names {
		if strings.Contains(n, "0008_") {
			continue
		}
		src, _ := fs.ReadFile(migrationFS, n)
		before[n] = &fstest.MapFile{Data: src}
	}
	s, err := open(path, testWho, HolderCommand, before)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"INSERT INTO profile(id, kommun, policy_name, hours_per_fte) VALUES(1, 'Gamla kommunen', 'Policy', 1650)",
		"INSERT INTO goals(number, text) VALUES(1, 'ett'), (2, 'två'), (7, 'sju')",
		"INSERT INTO class_levels(level, name) VALUES(0, 'Noll'), (4, 'Fyra')",
		"INSERT INTO boards(id, name) VALUES(1, 'Tekniska nämnden')",
		"INSERT INTO plans(board_id, year, updated_at, uuid) VALUES(1, 2026, '2026-01-01T00:00:00Z', 'u1'), (1, 2027, '2026-10-01T00:00:00Z', 'u2')",
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()

	s, err = Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	def := defaultProfile(t)
	if err := s.EnsureProfile(def); err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	if p.Kommun != "Gamla kommunen" || p.HoursPerFTE != 1650 || len(p.Goals) != 3 || len(p.Scale) != 2 || p.Version != 0 {
		t.Fatalf("upgraded profile %+v", p)
	}
	if len(p.Checklist) != len(def.Checklist) || p.Deadline != def.Deadline || len(p.RuleGoals) == 0 {
		t.Fatalf("upgrade did not add the checklist: %d requirements, deadline %q", len(p.Checklist), p.Deadline)
	}
	plans, _ := s.Plans(1)
	cur, _ := s.CurrentProfileID()
	for _, pl := range plans {
		if pl.ProfileID != cur {
			t.Errorf("plan %d records profile %d, want %d", pl.Year, pl.ProfileID, cur)
		}
	}
	vs, _ := s.ProfileVersions()
	if len(vs) != 1 || vs[0].Source != ProfileUpgrade {
		t.Fatalf("versions %+v", vs)
	}
	// A second start changes nothing.
	if err := s.EnsureProfile(def); err != nil {
		t.Fatal(err)
	}
	if vs, _ := s.ProfileVersions(); len(vs) != 1 {
		t.Fatalf("second start made %d versions", len(vs))
	}
}

func TestProfileSigners(t *testing.T) {
	s := newStore(t)
	sg := ProfileSigner{Fingerprint: "ab12", Subject: "Samordnaren", Cert: []byte{1, 2, 3}, Source: SignerApproved}
	if err := s.AddProfileSigner(sg); err != nil {
		t.Fatal(err)
	}
	sg.Source = SignerPreset
	if err := s.AddProfileSigner(sg); err != nil { // again: keeps its first source
		t.Fatal(err)
	}
	list, err := s.ProfileSigners()
	if err != nil || len(list) != 1 || list[0].Source != SignerApproved || list[0].Subject != "Samordnaren" || list[0].AddedBy != testWho {
		t.Fatalf("signers %+v %v", list, err)
	}
	if err := s.RemoveProfileSigner("ab12"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveProfileSigner("ab12"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing twice: %v", err)
	}
}
