package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handlingsplan/app/preset"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func boardsIn(t *testing.T, db string) int {
	t.Helper()
	s, err := openStore(db, i18n.New(i18n.Swedish), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	return len(bs)
}

func addBoard(t *testing.T, db, name string) {
	t.Helper()
	s, err := openStore(db, i18n.New(i18n.Swedish), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddBoard(name); err != nil {
		t.Fatal(err)
	}
}

func TestBackupRestoreCommands(t *testing.T) {
	isolateHome(t)
	sv := i18n.New(i18n.Swedish)
	dir := filepath.Join(t.TempDir(), "Mina dokument", "Säkerhetskopior")
	os.MkdirAll(dir, 0o700)
	db := filepath.Join(t.TempDir(), "nämnd.db")
	addBoard(t, db, "Socialnämnden")
	out := filepath.Join(dir, "handlingsplan 2026-12-04.db")

	if code, _, stderr := runCLI(t, "backup", "--db", db); code != 2 || !strings.Contains(stderr, sv.T("backup.cli.usage_backup")) {
		t.Errorf("backup without --out: %d %q", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "backup", "--db", db, "--out", out)
	if code != 0 || stdout != sv.Tf("backup.cli.saved", "Path", out, "Boards", 1, "Plans", 0)+"\n" {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}

	addBoard(t, db, "Kulturnämnden")
	code, stdout, _ = runCLI(t, "restore", "--check", out, "--db", db)
	if code != 0 || !strings.Contains(stdout, sv.Tf("backup.cli.checked", "Path", out, "Boards", 1, "Plans", 0)) {
		t.Errorf("restore --check: %d %q", code, stdout)
	}
	if n := boardsIn(t, db); n != 2 {
		t.Fatalf("--check changed the database: %d boards", n)
	}
	code, stdout, stderr = runCLI(t, "restore", "--db", db, out)
	if code != 0 {
		t.Fatalf("restore: %d %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || lines[0] != sv.Tf("backup.cli.restored", "Path", db, "From", out, "Boards", 1, "Plans", 0) {
		t.Errorf("restore output %q", lines)
	}
	if n := boardsIn(t, db); n != 1 {
		t.Errorf("after restore %d boards, want 1", n)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "nämnd-before-restore-*.db"))
	if len(kept) != 1 || !strings.Contains(lines[len(lines)-1], kept[0]) {
		t.Errorf("kept files %v, output %q", kept, lines)
	}
	if n := boardsIn(t, kept[0]); n != 2 {
		t.Errorf("the kept database has %d boards, want 2", n)
	}

	// A file that is no backup: one sentence, no technical chain, nothing changed.
	text := filepath.Join(dir, "anteckningar.txt")
	os.WriteFile(text, []byte("inte en databas"), 0o600)
	code, _, stderr = runCLI(t, "restore", "--db", db, text)
	if code != 1 || stderr != sv.Tf("backup.err.foreign", "Path", text)+"\n" {
		t.Errorf("restore of a text file: %d %q", code, stderr)
	}
	// The desktop app has the database open: the lock's sentence, nothing changed.
	s, err := OpenStore(db, sv)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "restore", "--db", db, out)
	s.Close()
	if code != 1 || stderr != sv.Tf("err.db_locked_window", "Path", db)+"\n" {
		t.Errorf("restore of a locked database: %d %q", code, stderr)
	}
}

// IT's preset: the database goes to the preset folder and a new database starts with the
// kommun's profile; a broken preset stops the program with a sentence and the cause for IT.
func TestPreset(t *testing.T) {
	isolateHome(t)
	dir := t.TempDir()
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	prof.Kommun = "Åre kommun"
	b, _ := json.Marshal(prof)
	profFile := filepath.Join(dir, "kommunens profil.json")
	os.WriteFile(profFile, b, 0o644)
	dataDir := filepath.Join(dir, "Data för Handlingsplan")
	ini := filepath.Join(dir, "handlingsplan.ini")
	os.WriteFile(ini, []byte("# IT\ndata_dir = "+dataDir+"\nprofile = kommunens profil.json\n"), 0o644)
	t.Setenv(preset.EnvFile, ini)

	if got := DefaultDB(); got != filepath.Join(dataDir, "handlingsplan.db") {
		t.Errorf("DefaultDB %q", got)
	}
	if got := DefaultConfigDir(); got != dataDir {
		t.Errorf("DefaultConfigDir %q", got)
	}
	sv := i18n.New(i18n.Swedish)
	s, err := openStore(DefaultDB(), sv, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Profile()
	s.Close()
	if err != nil || p.Kommun != "Åre kommun" {
		t.Errorf("seeded profile %q %v", p.Kommun, err)
	}

	os.WriteFile(ini, []byte("dta_dir = /x\n"), 0o644)
	_, err = openStore(filepath.Join(dir, "x.db"), sv, nil)
	var log bytes.Buffer
	printError(&log, sv, err)
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 2 || lines[0] != sv.Tf("err.preset", "Path", ini) || !strings.Contains(lines[1], "dta_dir") {
		t.Errorf("broken preset: %q", lines)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("a broken preset still created a database")
	}
}
