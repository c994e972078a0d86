package data

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// snapshot hashes every file in dir by name, to prove a refused file was not touched.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
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
