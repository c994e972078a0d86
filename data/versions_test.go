package data

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handlingsplan/domain"
)

// The versions migration gives every own plan of an existing database its own identity, leaves
// the plans rebuilt from submissions without one (the files carried none), and keeps the hash
// an earlier export stored so that it never matches a new one.
func TestMigrationVersions(t *testing.T) {
	names, err := migrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	n := slices.IndexFunc(names, func(s string) bool { return strings.HasSuffix(s, "_versions.sql") })
	if n < 0 {
		t.Fatal("no versions migration")
	}
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(path, testWho, HolderCommand, migrationsUpTo(t, n))
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := old.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec("INSERT INTO boards(id, name) VALUES(1, 'Socialnämnden'), (2, 'Miljönämnden')")
	for i, y := range []int{2026, 2027} {
		for b := 1; b <= 2; b++ {
			exec("INSERT INTO plans(id, board_id, year, status, version, updated_at) VALUES(?, ?, ?, 'signed', ?, '2026-11-02T09:00:00Z')",
				10*b+i, b, y, i+1)
		}
	}
	exec("INSERT INTO settings(key, value) VALUES('export.signed_content.11', 'abc123'), ('language', 'sv')")
	exec(`INSERT INTO submissions(id, board_name, year, version, imported_at, sha256, current, payload, pdf)
		VALUES(5, 'Socialnämnden', 2027, 2, '2026-11-02T09:00:00Z', 'ff', 1, x'7b7d', x'25')`)
	exec("INSERT INTO plans(id, board_id, year, status, version, submission_id, updated_at) VALUES(99, 1, 2027, 'signed', 2, 5, '2026-11-02T09:00:00Z')")
	old.Close()

	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	own, err := s.Plans(0)
	if err != nil || len(own) != 4 {
		t.Fatalf("own plans %d %v", len(own), err)
	}
	seen := map[string]bool{}
	for _, p := range own {
		if len(p.UUID) != 36 || p.UUID[14] != '4' || !strings.ContainsRune("89ab", rune(p.UUID[19])) || p.UUID != strings.ToLower(p.UUID) || seen[p.UUID] {
			t.Errorf("plan %d identity %q", p.ID, p.UUID)
		}
		seen[p.UUID] = true
	}
	if p, err := s.Plan(99); err != nil || p.UUID != "" {
		t.Errorf("received plan identity %q %v", p.UUID, err)
	}
	if last, err := s.LastIssued(11); err != nil || last != (IssuedVersion{2, "legacy:abc123", true}) {
		t.Errorf("migrated record %+v %v", last, err)
	}
	if s.Setting("export.signed_content.11", "gone") != "gone" || s.Setting("language", "") != "sv" {
		t.Error("settings after the migration")
	}
	if x, err := s.Submission(5); err != nil || x.ContentHash != "" || x.PlanUUID != "" || x.ConflictOpen || x.ConflictWith != 0 {
		t.Errorf("old submission %+v %v", x, err)
	}
	// A new plan gets its own identity, unique among the board's own plans.
	id, err := s.AddPlan(domain.Plan{BoardID: 1, Year: 2028})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(id); len(p.UUID) != 36 || seen[p.UUID] {
		t.Errorf("new plan identity %q", p.UUID)
	}
}
