package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"handlingsplan/domain"
)

// A new database, its -wal and -shm, and a folder made for it are private to the user
// (0600 and 0700), whatever the umask: the plans and the register may hold sensitive details.
func TestDatabaseFilesPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	old := setUmask(0o022)
	defer setUmask(old)
	dir := filepath.Join(t.TempDir(), "ny mapp")
	path := filepath.Join(dir, "hp.db")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(name), err)
			continue
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(name), got, want)
		}
	}
}

// A database the user may not write, or in a folder the user may not write, is named
// read-only when it is opened, not with a general failure (and not half-way through a write).
func TestReadOnlyDatabase(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir, path string)
	}{
		{"file read-only", func(t *testing.T, dir, path string) {
			ourDatabase(t, path)
			os.Chmod(path, 0o444)
		}},
		{"folder read-only", func(t *testing.T, dir, path string) {
			ourDatabase(t, path)
			os.Chmod(path, 0o666)
			os.Chmod(dir, 0o555)
		}},
		{"new database in a read-only folder", func(t *testing.T, dir, path string) {
			os.Chmod(dir, 0o555)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := worldDir(t)
			path := filepath.Join(dir, "hp.db")
			tc.setup(t, dir, path)
			defer os.Chmod(dir, 0o755)
			got := openAsOtherUser(t, path)
			if got != "readonly" {
				t.Errorf("open: %s, want readonly", got)
			}
		})
	}
}

// worldDir is a temporary folder any user may enter (t.TempDir's parent is private).
func worldDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "hp-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	t.Cleanup(func() {
		os.Chmod(dir, 0o755)
		os.RemoveAll(dir)
	})
	return dir
}

// openAsOtherUser opens path and says how it went: "ok", "readonly", "damaged" or the error.
// Permissions do not stop root, so as root the test binary runs again as user nobody.
func openAsOtherUser(t *testing.T, path string) string {
	t.Helper()
	if os.Getuid() != 0 {
		return openVerdict(path)
	}
	// A copy of the test binary that nobody may run: the build folder is private.
	bin := filepath.Join(worldDir(t), "data.test")
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(bin, os.O_WRONLY|os.O_CREATE, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	cmd := exec.Command(bin, "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"=verdict", helperDB+"="+path, "HOME=/")
	asNobody(cmd)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child as nobody: %v, %s", err, out)
	}
	return strings.TrimSpace(string(out))
}

func openVerdict(path string) string {
	s, err := Open(path, testWho)
	if err == nil {
		// Open checks what it can; a write must then not fail for these reasons.
		_, err = s.AddBoard("Valnämnden")
		s.Close()
	}
	switch {
	case err == nil:
		return "ok"
	case IsReadOnly(err):
		return "readonly"
	case IsDamaged(err):
		return "damaged"
	}
	return fmt.Sprintf("error: %v", err)
}

// A damaged database is named damaged when it is opened, before a write fails half-way: a
// table, index or column someone removed, or a schema page that cannot be read. What a user
// added (a table, an index, a column) is not damage.
func TestDamagedDatabase(t *testing.T) {
	tests := []struct {
		name, want string
		damage     func(t *testing.T, path string)
	}{
		{"table dropped", "table activities missing", func(t *testing.T, path string) {
			rawDB(t, path, "PRAGMA foreign_keys = off", "DROP TABLE activities")
		}},
		{"index dropped", "index plans_uuid missing", func(t *testing.T, path string) {
			rawDB(t, path, "DROP INDEX plans_uuid")
		}},
		{"column dropped", "table profile: column policy_name missing", func(t *testing.T, path string) {
			rawDB(t, path, "ALTER TABLE profile DROP COLUMN policy_name")
		}},
		{"schema page overwritten", "", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			// Page 1 after the 100-byte header: the root of sqlite_master.
			if _, err := f.WriteAt([]byte(strings.Repeat("\xA5", 3000)), 100); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hp.db")
			ourDatabase(t, path)
			tc.damage(t, path)
			s, err := Open(path, testWho)
			if err == nil {
				s.Close()
				t.Fatal("a damaged database opened")
			}
			if !IsDamaged(err) || !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v, want ErrDamaged", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to name %q", err, tc.want)
			}
		})
	}

	// Added by a user: not damage.
	path := filepath.Join(t.TempDir(), "hp.db")
	ourDatabase(t, path)
	rawDB(t, path, "CREATE TABLE my_notes(t TEXT)", "CREATE INDEX my_idx ON boards(name, id)", "ALTER TABLE boards ADD COLUMN my_col TEXT")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatalf("a database with a user's own additions: %v", err)
	}
	s.Close()
}

// A page damaged where Open does not look is named damaged by the read that finds it.
func TestDamagedPageFoundLater(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hp.db")
	s, err := Open(path, testWho)
	if err != nil {
		t.Fatal(err)
	}
	board, _ := s.AddBoard("Tekniska nämnden")
	planID, _ := s.AddPlan(domain.Plan{BoardID: board, Year: 2027})
	for i := range 400 {
		if _, err := s.AddActivity(planID, domain.Activity{Title: fmt.Sprintf("Åtgärd %d", i), Description: strings.Repeat("x", 500)}); err != nil {
			t.Fatal(err)
		}
	}
	var root int
	s.db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = 'activities'").Scan(&root)
	var pageSize int
	s.db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte(strings.Repeat("\xA5", pageSize)), int64(root-1)*int64(pageSize))
	f.Close()

	s, err = Open(path, testWho)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	_, err = s.Activities(planID)
	if !IsDamaged(err) {
		t.Errorf("reading a damaged table: err = %v, want IsDamaged", err)
	}
}
