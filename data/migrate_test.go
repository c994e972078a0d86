package data

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// migrationSet is the binary's migrations plus extra ones, for testing upgrades.
func migrationSet(t *testing.T, extra map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	names, err := migrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		src, err := fs.ReadFile(migrationFS, n)
		if err != nil {
			t.Fatal(err)
		}
		m[n] = &fstest.MapFile{Data: src}
	}
	for n, src := range extra {
		m["migrations/"+n] = &fstest.MapFile{Data: []byte(src)}
	}
	return m
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	base := SchemaVersion()
	// Named after the last file, so it sorts last even while a number is missing from the set.
	names, err := migrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	last, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(names[len(names)-1], "migrations/"), "_", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	next := fmt.Sprintf("%04d_test.sql", last+1)
	upgrade := migrationSet(t, map[string]string{
		next: "CREATE TABLE upgrade_runs(n INTEGER); INSERT INTO upgrade_runs VALUES(1);",
	})
	broken := migrationSet(t, map[string]string{
		next: "CREATE TABLE half_done(n INTEGER); INSERT INTO no_such_table VALUES(1);",
	})
	count := func(s *Store, table string) int {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// From empty with this binary's migrations.
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBoard("Kulturnämnden"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// A failing migration changes nothing: the version and the schema stay as they were.
	_, err = open(path, testWho, HolderCommand, broken)
	if err == nil || !strings.Contains(err.Error(), next) {
		t.Fatalf("broken migration: err = %v, want one naming %s", err, next)
	}
	s, err = Open(path, testWho)
	if err != nil {
		t.Fatalf("open after failed migration: %v", err)
	}
	if got := pragma[int](t, s.db, "user_version"); got != base {
		t.Errorf("user_version after failed migration = %d, want %d", got, base)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").Scan(&n)
	if n != 0 {
		t.Error("half of the failed migration was kept")
	}
	s.Close()

	// An upgrade runs only the new migration, once.
	for round := 0; round < 3; round++ {
		s, err := open(path, testWho, HolderCommand, upgrade)
		if err != nil {
			t.Fatalf("upgrade round %d: %v", round, err)
		}
		if got := pragma[int](t, s.db, "user_version"); got != base+1 {
			t.Errorf("round %d: user_version = %d, want %d", round, got, base+1)
		}
		if got := count(s, "upgrade_runs"); got != 1 {
			t.Errorf("round %d: new migration ran %d times", round, got)
		}
		if got := count(s, "boards"); got != 1 {
			t.Errorf("round %d: %d boards, want the 1 from before the upgrade", round, got)
		}
		s.Close()
	}

	// The binary that does not know the new migration now refuses the file.
	_, err = Open(path, testWho)
	var ne *NewerError
	if !errors.As(err, &ne) || ne.Have != base+1 || ne.Want != base {
		t.Errorf("old binary after upgrade: err = %v, want NewerError{%d, %d}", err, base+1, base)
	}
}

// A crash right after the first migration committed leaves the schema in the WAL and an
// unmarked header in the main file: the next start must find its own database there.
func TestOpenAfterCrashWithMigrationInWAL(t *testing.T) {
	src := t.TempDir()
	live := filepath.Join(src, "hp.db")
	db, err := sql.Open("sqlite3", "file:"+live+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	stmts := []string{"PRAGMA wal_autocheckpoint = 0"}
	names, _ := migrations(migrationFS)
	for _, n := range names {
		src, err := fs.ReadFile(migrationFS, n)
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(src))
	}
	stmts = append(stmts, fmt.Sprintf("PRAGMA user_version = %d", len(names)), fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		"INSERT INTO boards(name) VALUES('Valnämnden')")
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	// Copy the files as a crash leaves them, while the connection still holds the WAL.
	dir := t.TempDir()
	path := filepath.Join(dir, "hp.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(live + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	head, _ := os.ReadFile(path)
	if len(head) < 100 || binary.BigEndian.Uint32(head[68:72]) != 0 {
		t.Fatalf("setup: the main file is already marked; this test needs the mark only in the WAL")
	}

	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.BoardByName("Valnämnden"); err != nil {
		t.Error(err)
	}
	if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}
