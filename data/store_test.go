package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mattn/go-sqlite3"

	"handlingsplan/domain"
)

const testWho = "Anna Andersson"

// newStore opens a fresh database in a temporary directory, closed when the test ends.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "hp.db"), testWho)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// pragma reads one PRAGMA on any connection of the pool.
func pragma[T any](t *testing.T, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name string) T {
	t.Helper()
	var v T
	if err := q.QueryRowContext(context.Background(), "PRAGMA "+name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func TestOpenCreatesSchema(t *testing.T) {
	// A folder that does not exist yet, as on a first start.
	path := filepath.Join(t.TempDir(), "config", "handlingsplan", "hp.db")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if SchemaVersion() < 1 {
		t.Fatalf("SchemaVersion() = %d, want at least 1", SchemaVersion())
	}
	if got := pragma[int](t, s.db, "user_version"); got != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", got, SchemaVersion())
	}
	if got := pragma[int64](t, s.db, "application_id"); got != applicationID {
		t.Errorf("application_id = %#x, want %#x", got, applicationID)
	}
	var tables []string
	rows, err := s.db.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	for _, want := range []string{"activities", "activity_goals", "activity_systems", "audit_log", "boards", "checkpoints",
		"class_levels", "goals", "import_log", "plans", "profile", "settings", "submissions", "systems", "trainings", "trust"} {
		if !contains(tables, want) {
			t.Errorf("table %s missing; have %v", want, tables)
		}
	}
	if s.Path() != path || s.Who() != testWho {
		t.Errorf("Path, Who = %q, %q", s.Path(), s.Who())
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Every connection of the pool must have the DSN's settings: foreign keys are per connection,
// and a pool connection without them would let orphans in.
func TestEveryConnectionHasSettings(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	const n = 5
	conns := make([]*sql.Conn, n)
	for i := range conns {
		c, err := s.db.Conn(ctx) // held at once, so each is a different connection
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		if got := pragma[int](t, c, "foreign_keys"); got != 1 {
			t.Errorf("conn %d: foreign_keys = %d", i, got)
		}
		if got := pragma[string](t, c, "journal_mode"); got != "wal" {
			t.Errorf("conn %d: journal_mode = %q", i, got)
		}
		if got := pragma[int](t, c, "busy_timeout"); got != 5000 {
			t.Errorf("conn %d: busy_timeout = %d", i, got)
		}
		if got := pragma[int](t, c, "synchronous"); got != 2 { // FULL
			t.Errorf("conn %d: synchronous = %d", i, got)
		}
		_, err := c.ExecContext(ctx, "INSERT INTO activities(plan_id) VALUES(4711)")
		if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
			t.Errorf("conn %d: orphan activity: err = %v, want a FOREIGN KEY failure", i, err)
		}
	}
	for _, c := range conns {
		c.Close()
	}

	// And under concurrent use, where the pool opens connections as it needs them.
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				var fk int
				var mode string
				tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
				if err != nil {
					errs <- err
					return
				}
				err = tx.QueryRow("PRAGMA foreign_keys").Scan(&fk)
				if err == nil {
					err = tx.QueryRow("PRAGMA journal_mode").Scan(&mode)
				}
				tx.Rollback()
				if err != nil {
					errs <- err
				} else if fk != 1 || mode != "wal" {
					errs <- fmt.Errorf("foreign_keys = %d, journal_mode = %s", fk, mode)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st := s.db.Stats(); st.OpenConnections < 2 {
		t.Logf("pool opened only %d connection(s)", st.OpenConnections)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	board, err := s.AddBoard("Socialnämnden")
	if err != nil {
		t.Fatal(err)
	}
	planID, err := s.AddPlan(domain.Plan{BoardID: board, Year: 2027, Responsible: "Förvaltningschef"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddActivity(planID, domain.Activity{Title: "Klassa verksamhetssystem", Goals: []int{1, 2}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting("lang", "en"); err != nil {
		t.Fatal(err)
	}
	before, err := s.PlanData(planID)
	if err != nil {
		t.Fatal(err)
	}
	audit, _ := s.Audit("", 0)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s left after Close", filepath.Base(f))
		}
	}

	for round := 0; round < 2; round++ {
		s, err = Open(path, "Bo Berg")
		if err != nil {
			t.Fatalf("reopen %d: %v", round, err)
		}
		after, err := s.PlanData(planID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(before, after) {
			t.Errorf("reopen %d: plan data changed", round)
		}
		if got := s.Setting("lang", "sv"); got != "en" {
			t.Errorf("reopen %d: setting lang = %q", round, got)
		}
		if got := pragma[int](t, s.db, "user_version"); got != SchemaVersion() {
			t.Errorf("reopen %d: user_version = %d", round, got)
		}
		audit2, _ := s.Audit("", 0)
		if len(audit2) != len(audit) {
			t.Errorf("reopen %d: audit log has %d entries, had %d", round, len(audit2), len(audit))
		}
		s.Close()
	}
}

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
	_, err = open(path, testWho, broken)
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
		s, err := open(path, testWho, upgrade)
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

// snapshot hashes every file in dir by name, to prove a refused file was not touched.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".lock") {
			continue // the instance lock is ours, made before the file is looked at
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

func sameFiles(t *testing.T, before, after map[string][32]byte) {
	t.Helper()
	for name, h := range after {
		if hb, ok := before[name]; !ok {
			t.Errorf("file %s was created", name)
		} else if hb != h {
			t.Errorf("file %s was changed", name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("file %s was removed", name)
		}
	}
}

// rawDB opens path with plain SQLite, as another program would.
func rawDB(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func ourDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBoard("Miljönämnden"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestNewerRefusedUntouched(t *testing.T) {
	for _, ahead := range []int{1, 2, 1000} {
		t.Run(fmt.Sprint(ahead), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "hp.db")
			ourDatabase(t, path)
			rawDB(t, path, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+ahead))
			before := snapshot(t, dir)
			if len(before) != 1 {
				t.Fatalf("setup left %d files, want only the database", len(before))
			}

			s, err := Open(path, testWho)
			if err == nil {
				s.Close()
				t.Fatal("a newer database was opened")
			}
			if !errors.Is(err, ErrNewer) {
				t.Errorf("errors.Is(%v, ErrNewer) = false", err)
			}
			var ne *NewerError
			if !errors.As(err, &ne) {
				t.Fatalf("errors.As(%v, *NewerError) = false", err)
			}
			if ne.Have != SchemaVersion()+ahead || ne.Want != SchemaVersion() {
				t.Errorf("NewerError = %+v, want Have %d Want %d", *ne, SchemaVersion()+ahead, SchemaVersion())
			}
			sameFiles(t, before, snapshot(t, dir))

			// Refusal does not keep the lock: a second try says the same.
			if _, err := Open(path, testWho); !errors.Is(err, ErrNewer) {
				t.Errorf("second open: %v", err)
			}
		})
	}
}

func TestForeignRefusedUntouched(t *testing.T) {
	random := make([]byte, 16384)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"random bytes", func(t *testing.T, path string) { os.WriteFile(path, random, 0o600) }},
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte("Handlingsplan för informationssäkerhet 2027\n"), 200), 0o600)
		}},
		{"short text", func(t *testing.T, path string) { os.WriteFile(path, []byte("hej\n"), 0o600) }},
		{"SQLite header only", func(t *testing.T, path string) { os.WriteFile(path, []byte(sqliteMagic), 0o600) }},
		{"other program, application_id", func(t *testing.T, path string) {
			rawDB(t, path, "PRAGMA application_id = 0x12345678", "PRAGMA user_version = 3",
				"CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO customers(name) VALUES('Kalle')")
		}},
		{"other program, unmarked with tables", func(t *testing.T, path string) {
			rawDB(t, path, "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT)", "INSERT INTO settings VALUES('a', 'b')")
		}},
		{"other program, only user_version", func(t *testing.T, path string) {
			rawDB(t, path, "PRAGMA user_version = 1", "CREATE TABLE notes(t TEXT)")
		}},
		{"other program, application_id in WAL mode", func(t *testing.T, path string) {
			rawDB(t, path, "PRAGMA journal_mode = WAL", "PRAGMA application_id = 7", "CREATE TABLE notes(t TEXT)")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "hp.db")
			tc.make(t, path)
			before := snapshot(t, dir)
			if len(before) != 1 {
				t.Fatalf("setup left %d files", len(before))
			}
			s, err := Open(path, testWho)
			if err == nil {
				s.Close()
				t.Fatal("a foreign file was opened")
			}
			if !errors.Is(err, ErrForeign) {
				t.Errorf("err = %v, want ErrForeign", err)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
}

func TestUnmarkedEmptyAccepted(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"0-byte file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"empty SQLite database", func(t *testing.T, path string) {
			rawDB(t, path, "PRAGMA page_size = 8192", "VACUUM")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hp.db")
			tc.make(t, path)
			s, err := Open(path, testWho)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := pragma[int](t, s.db, "user_version"); got != SchemaVersion() {
				t.Errorf("user_version = %d", got)
			}
			if _, err := s.AddBoard("Byggnadsnämnden"); err != nil {
				t.Error(err)
			}
		})
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

func TestPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a#b?c%20d e&f=g")
	path := filepath.Join(dir, "plan 100%#1.db")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBoard("Överförmyndarnämnden"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if want := []string{"plan 100%#1.db", "plan 100%#1.db.lock"}; strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("files = %q, want %q", names, want)
	}
	s, err = Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.BoardByName("Överförmyndarnämnden"); err != nil {
		t.Error(err)
	}
}

func TestLockedInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	s1, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		s2, err := Open(path, "Bo Berg")
		if err == nil {
			s2.Close()
			t.Fatal("second Open of an open database succeeded")
		}
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("err = %v, want ErrLocked", err)
		}
	}
	// The first store is unharmed.
	if _, err := s1.AddBoard("Kommunstyrelsen"); err != nil {
		t.Fatal(err)
	}
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, "Bo Berg")
	if err != nil {
		t.Fatalf("open after Close: %v", err)
	}
	defer s2.Close()
	if _, err := s2.BoardByName("Kommunstyrelsen"); err != nil {
		t.Error(err)
	}
}

func TestSettings(t *testing.T) {
	s := newStore(t)
	tests := []struct{ key, value string }{
		{"lang", "en"},
		{"lang", "sv"}, // overwrite
		{"last_board", "Socialnämnden"},
		{"empty", ""},
		{"quote", `it's "quoted"; DROP TABLE settings; --`},
		{"multi\nline", "rad 1\nrad 2"},
	}
	for _, tc := range tests {
		if err := s.SetSetting(tc.key, tc.value); err != nil {
			t.Fatalf("SetSetting(%q): %v", tc.key, err)
		}
		if got := s.Setting(tc.key, "default"); got != tc.value {
			t.Errorf("Setting(%q) = %q, want %q", tc.key, got, tc.value)
		}
	}
	if got := s.Setting("never_set", "standard"); got != "standard" {
		t.Errorf("unset setting = %q, want the default", got)
	}
	path := s.Path()
	s.Close()
	s2, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := s2.Setting("lang", ""); got != "sv" {
		t.Errorf("after reopen lang = %q, want sv", got)
	}
	if got := s2.Setting("multi\nline", ""); got != "rad 1\nrad 2" {
		t.Errorf("after reopen multi-line = %q", got)
	}
}

func TestIsDiskFull(t *testing.T) {
	s := newStore(t)
	// A real constraint failure from the store, wrapped as callers see it.
	s.AddBoard("Dubblett")
	_, errDup := s.AddBoard("Dubblett")
	_, errRaw := s.db.Exec("INSERT INTO boards(name) VALUES('')")
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"plain", errors.New("database or disk is full"), false},
		{"not found", fmt.Errorf("plan 3: %w", ErrNotFound), false},
		{"problem", errDup, false},
		{"sqlite constraint", errRaw, false},
		{"sqlite busy", sqlite3.Error{Code: sqlite3.ErrBusy}, false},
		{"sqlite full", sqlite3.Error{Code: sqlite3.ErrFull}, true},
		{"wrapped full", fmt.Errorf("save: %w", fmt.Errorf("tx: %w", sqlite3.Error{Code: sqlite3.ErrFull})), true},
		{"sqlite I/O error, no space", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, true},
		{"sqlite I/O error, other", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.EIO}, false},
		{"file write, no space", fmt.Errorf("export: %w", &os.PathError{Op: "write", Path: "plan.pdf", Err: syscall.ENOSPC}), true},
		{"file write, other", &os.PathError{Op: "write", Path: "plan.pdf", Err: syscall.EACCES}, false},
	}
	for _, tc := range tests {
		if got := IsDiskFull(tc.err); got != tc.want {
			t.Errorf("%s: IsDiskFull(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

// A full disk, made real with max_page_count, reaches the caller recognisable through the
// store's wrapping, and the failed write leaves nothing behind.
func TestDiskFullFromStore(t *testing.T) {
	s := newStore(t)
	board, _ := s.AddBoard("Tekniska nämnden")
	planID, err := s.AddPlan(domain.Plan{BoardID: board, Year: 2027})
	if err != nil {
		t.Fatal(err)
	}
	s.db.SetMaxOpenConns(1) // max_page_count is per connection
	pages := pragma[int](t, s.db, "page_count")
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("Lång beskrivning. ", 50000)
	_, err = s.AddActivity(planID, domain.Activity{Title: "Stor", Description: big})
	if !IsDiskFull(err) {
		t.Fatalf("AddActivity on a full disk: err = %v, IsDiskFull false", err)
	}
	if err := s.SetSetting("note", big); !IsDiskFull(err) {
		t.Errorf("SetSetting on a full disk: err = %v, IsDiskFull false", err)
	}
	acts, err := s.Activities(planID)
	if err != nil || len(acts) != 0 {
		t.Errorf("after the failed write: %d activities, %v", len(acts), err)
	}
}

// SetWho and SetClock may be called from the UI while another goroutine writes.
func TestWhoWhileWriting(t *testing.T) {
	s := newStore(t)
	fixed := time.Date(2026, 10, 1, 9, 30, 0, 0, time.UTC)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 50; i++ {
			s.SetWho(fmt.Sprintf("user %d", i%3))
			s.SetClock(func() time.Time { return fixed })
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			if _, err := s.AddBoard(fmt.Sprintf("Nämnd %d", i)); err != nil {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	s.SetWho("Cecilia")
	id, err := s.AddBoard("Sist")
	if err != nil {
		t.Fatal(err)
	}
	es, _ := s.Audit("board", id)
	if len(es) != 1 || es[0].Who != "Cecilia" || !es[0].At.Equal(fixed) {
		t.Errorf("audit = %+v, want one entry by Cecilia at %v", es, fixed)
	}
}
