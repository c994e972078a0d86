package demo

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// The demo is all or nothing (issue 13, item 2): a failure half-way (here the fifth board
// refused, as a full disk or a kill would stop it) leaves no board, no plan and no audit line
// behind, and the demo can then be made in the same database. Before, it left the first
// boards and a second try was refused with "already has boards".
func TestGenerateAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	raw, err := sql.Open("sqlite3", filepath.Join(dir, "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	count := func(table string) int {
		var n int
		if err := raw.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	auditBefore := count("audit_log")
	if _, err := raw.Exec(`CREATE TRIGGER half_way BEFORE INSERT ON boards WHEN (SELECT count(*) FROM boards) >= 4
		BEGIN SELECT RAISE(ABORT, 'simulated failure half-way'); END`); err != nil {
		t.Fatal(err)
	}
	err = Generate(s, Options{Year: 2026})
	if err == nil {
		t.Fatal("Generate succeeded past the failure")
	}
	for _, table := range []string{"boards", "plans", "activities", "systems"} {
		if n := count(table); n != 0 {
			t.Errorf("after the failure: %d rows in %s, want 0", n, table)
		}
	}
	if n := count("audit_log"); n != auditBefore {
		t.Errorf("after the failure: %d audit lines, want %d", n, auditBefore)
	}

	if _, err := raw.Exec("DROP TRIGGER half_way"); err != nil {
		t.Fatal(err)
	}
	if err := Generate(s, Options{Year: 2026}); err != nil {
		t.Fatalf("second try: %v", err)
	}
	if n := count("boards"); n != len(boards) {
		t.Errorf("second try: %d boards, want %d", n, len(boards))
	}
	// And a third is refused: the demo is never mixed with data.
	if err := Generate(s, Options{Year: 2026}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("third try: %v, want ErrNotEmpty", err)
	}
}
