package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

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
		if got := pragma[int](t, c, "busy_timeout"); got != int(busyNoteAfter/time.Millisecond) {
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
	if want := []string{"plan 100%#1.db"}; strings.Join(names, "|") != strings.Join(want, "|") {
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
