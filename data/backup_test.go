package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
)

func boardCount(t *testing.T, s *Store) int {
	t.Helper()
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	return len(bs)
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// A folder with spaces and Swedish letters, as on a Windows desktop ("Säkerhetskopior för Åsa").
func backupDir(t *testing.T) string {
	t.Helper()
	d := filepath.Join(t.TempDir(), "Säkerhetskopior för Åsa Öberg")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBackupAndRestore(t *testing.T) {
	f := newFixture(t)
	dest := filepath.Join(backupDir(t), "handlingsplan 2026-12-04.db")
	if err := f.s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	// One self-contained file: rollback-journal mode in the header, nothing beside it.
	b, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	if b[18] != 1 || b[19] != 1 {
		t.Errorf("header journal bytes %d %d, want 1 1 (not WAL)", b[18], b[19])
	}
	if id := binary.BigEndian.Uint32(b[68:72]); id != applicationID {
		t.Errorf("application id %x", id)
	}
	ents, _ := os.ReadDir(filepath.Dir(dest))
	if len(ents) != 1 {
		t.Errorf("backup folder holds %d files, want only the backup", len(ents))
	}
	info, err := CheckBackup(dest)
	if err != nil || info.Boards != 1 || info.Plans != 1 || info.SchemaVersion != SchemaVersion() {
		t.Fatalf("CheckBackup = %+v, %v", info, err)
	}

	// Work goes on after the backup; the restore brings back the backup's state and keeps today's.
	if _, err := f.s.AddBoard("Kulturnämnden"); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, dest)
	keep := KeepName(f.s.Path(), "20261204-120000")
	got, err := f.s.Restore(dest, keep)
	if err != nil {
		t.Fatal(err)
	}
	if got.Boards != 1 {
		t.Errorf("restored info %+v", got)
	}
	if n := boardCount(t, f.s); n != 1 {
		t.Errorf("after restore %d boards, want the backup's 1", n)
	}
	p, err := f.s.Plan(f.plan)
	if err != nil || p.Responsible != "Förvaltningschef" {
		t.Errorf("plan after restore: %+v, %v", p, err)
	}
	if kept, err := CheckBackup(keep); err != nil || kept.Boards != 2 {
		t.Errorf("kept file: %+v, %v (want the 2 boards from before the restore)", kept, err)
	}
	if fileHash(t, dest) != before {
		t.Error("restore changed the backup file")
	}
	if _, err := os.Stat(dest + "-wal"); !errors.Is(err, fs.ErrNotExist) {
		t.Error("restore left a -wal beside the backup file")
	}
	// The store still works and still writes.
	if _, err := f.s.AddBoard("Miljönämnden"); err != nil {
		t.Fatal(err)
	}
	if res, err := f.s.IntegrityCheck(); err != nil || res != "ok" {
		t.Errorf("integrity %q %v", res, err)
	}
}

// TestRestoreRefuses: a file that is not a sound backup of ours changes nothing: not the open
// database, not the file, and no file is kept.
func TestRestoreRefuses(t *testing.T) {
	dir := backupDir(t)
	good := filepath.Join(dir, "good.db")
	src := newStore(t)
	if _, err := src.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	if err := src.Backup(good); err != nil {
		t.Fatal(err)
	}
	variant := func(name string, change func(path string)) string {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(good)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		change(p)
		return p
	}
	exec := func(path, stmt string) {
		db, err := sql.Open("sqlite3", dsn(path, nil))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	foreignDB := filepath.Join(dir, "annat program.db")
	exec(foreignDB, "CREATE TABLE notes(x)")
	text := filepath.Join(dir, "anteckning.txt")
	os.WriteFile(text, []byte("inte en databas"), 0o600)
	empty := filepath.Join(dir, "tom.db")
	os.WriteFile(empty, nil, 0o600)
	newer := variant("nyare.db", func(p string) { exec(p, "PRAGMA user_version = 99") })
	corrupt := variant("trasig.db", func(p string) {
		b, _ := os.ReadFile(p)
		pageSize := int(binary.BigEndian.Uint16(b[16:18]))
		for i := 2 * pageSize; i < 2*pageSize+200 && i < len(b); i++ {
			b[i] = 0xA5 // the header of the third page's b-tree
		}
		os.WriteFile(p, b, 0o600)
	})
	cases := []struct {
		name, path string
		want       error
	}{
		{"another program's database", foreignDB, ErrForeign},
		{"a text file", text, ErrForeign},
		{"an empty file", empty, ErrForeign},
		{"a newer version's backup", newer, ErrNewer},
		{"a damaged backup", corrupt, ErrDamaged},
		{"a missing file", filepath.Join(dir, "finns inte.db"), fs.ErrNotExist},
	}
	f := newFixture(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before [32]byte
			if c.want != fs.ErrNotExist {
				before = fileHash(t, c.path)
			}
			if _, err := CheckBackup(c.path); !errors.Is(err, c.want) {
				t.Errorf("CheckBackup: %v, want %v", err, c.want)
			}
			keep := KeepName(f.s.Path(), "x-"+c.name)
			_, err := f.s.Restore(c.path, keep)
			if !errors.Is(err, c.want) {
				t.Errorf("Restore: %v, want %v", err, c.want)
			}
			if c.want != fs.ErrNotExist && !IsBackupRefused(err) {
				t.Errorf("IsBackupRefused(%v) = false", err)
			}
			if n := boardCount(t, f.s); n != 1 {
				t.Errorf("the open database changed: %d boards", n)
			}
			if _, err := os.Stat(keep); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a refused restore kept a file: %v", err)
			}
			if c.want != fs.ErrNotExist {
				if fileHash(t, c.path) != before {
					t.Error("the refused file was changed")
				}
				for _, suf := range []string{"-wal", "-shm", "-journal"} {
					if _, err := os.Stat(c.path + suf); err == nil {
						t.Errorf("left %s beside the refused file", suf)
					}
				}
			}
		})
	}
}

func TestRestoreKeepExists(t *testing.T) {
	f := newFixture(t)
	dest := filepath.Join(t.TempDir(), "b.db")
	if err := f.s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddBoard("Kulturnämnden"); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(t.TempDir(), "keep.db")
	os.WriteFile(keep, []byte("x"), 0o600)
	if _, err := f.s.Restore(dest, keep); err == nil {
		t.Fatal("restore overwrote an existing keep file")
	}
	if n := boardCount(t, f.s); n != 2 {
		t.Errorf("%d boards, want 2 (nothing restored)", n)
	}
	if b, _ := os.ReadFile(keep); string(b) != "x" {
		t.Error("the existing file was replaced")
	}
}

func TestBackupOntoItselfRefused(t *testing.T) {
	s := newStore(t)
	if err := s.Backup(s.Path()); err == nil {
		t.Fatal("backup onto the open database itself was accepted")
	}
	if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
		t.Fatalf("database after refused backup: %q %v", res, err)
	}
}

// An older version's backup is migrated to this program's schema when restored.
func TestRestoreOlderSchema(t *testing.T) {
	all, err := migrations(migrationFS)
	if err != nil || len(all) < 2 {
		t.Fatalf("migrations %v %v", all, err)
	}
	old := fstest.MapFS{}
	for _, n := range all[:len(all)-1] {
		b, _ := fs.ReadFile(migrationFS, n)
		old[n] = &fstest.MapFile{Data: b}
	}
	oldPath := filepath.Join(t.TempDir(), "old.db")
	os1, err := open(oldPath, testWho, HolderCommand, old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os1.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	os1.Close()
	info, err := CheckBackup(oldPath)
	if err != nil || info.SchemaVersion != len(all)-1 {
		t.Fatalf("CheckBackup %+v %v", info, err)
	}
	s := newStore(t)
	if _, err := s.Restore(oldPath, KeepName(s.Path(), "1")); err != nil {
		t.Fatal(err)
	}
	if v := pragma[int](t, s.db, "user_version"); v != len(all) {
		t.Errorf("user_version %d after restore, want %d", v, len(all))
	}
	if n := boardCount(t, s); n != 1 {
		t.Errorf("%d boards", n)
	}
}

// A backup made with another page size is restored too (SQLite cannot change the page size
// of a WAL database, so the copy is rewritten first).
func TestRestoreOtherPageSize(t *testing.T) {
	src := newStore(t)
	if _, err := src.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.db")
	if err := src.Backup(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dsn(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA page_size = 8192; VACUUM"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	if ps := binary.BigEndian.Uint16(b[16:18]); ps != 8192 {
		t.Fatalf("page size %d, the test needs 8192", ps)
	}
	s := newStore(t)
	if _, err := s.Restore(path, KeepName(s.Path(), "1")); err != nil {
		t.Fatal(err)
	}
	if n := boardCount(t, s); n != 1 {
		t.Errorf("%d boards", n)
	}
}

// A backup taken while another goroutine writes is a consistent snapshot.
func TestBackupWhileWriting(t *testing.T) {
	s := newStore(t)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := s.AddBoard(fmt.Sprintf("Nämnd %d", i)); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	dir := t.TempDir()
	for i := 0; i < 3; i++ {
		p := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if err := s.Backup(p); err != nil {
			t.Fatal(err)
		}
		if _, err := CheckBackup(p); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
}

func TestKeepName(t *testing.T) {
	got := KeepName(filepath.Join("dir", "handlingsplan.db"), "20261204-170102")
	if want := filepath.Join("dir", "handlingsplan-before-restore-20261204-170102.db"); got != want {
		t.Errorf("%s, want %s", got, want)
	}
}
