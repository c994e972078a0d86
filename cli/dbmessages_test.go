package cli

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Issue 13, item 1: the database is locked as a file, so a second name for it (a hard link,
// a symlink) is refused, and the sentence says whether a window or a command holds it.
func TestLockedUnderAnotherName(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	if code, _, errOut := execCLI("demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	hard := filepath.Join(dir, "hl.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	sv := i18n.New(i18n.Swedish)
	for _, tc := range []struct {
		as  data.Holder
		key string
	}{{data.HolderWindow, "err.db_locked_window"}, {data.HolderCommand, "err.db_locked_command"}} {
		s, err := data.OpenAs(db, "test", tc.as)
		if err != nil {
			t.Fatal(err)
		}
		code, _, errOut := execCLI("report", "--db", hard, "--year", "2027", "--out", filepath.Join(dir, "r.csv"))
		s.Close()
		if want := sv.Tf(tc.key, "Path", hard); code != 1 || strings.TrimSpace(errOut) != want {
			t.Errorf("held by %v: exit %d, stderr %q, want %q", tc.as, code, errOut, want)
		}
	}
}

// Issue 13, item 6: a write that waits for another program's write lock says so, and goes
// on when the program lets go.
func TestWaitingForAnotherProgramIsShown(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	if code, _, errOut := execCLI("demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	// Another program (here another connection, as the sqlite3 shell would be) holds SQLite's
	// write lock for two seconds.
	raw, err := sql.Open("sqlite3", "file:"+db+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	tx, err := raw.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("UPDATE settings SET value = value"); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(2 * time.Second)
		tx.Commit()
	}()
	// A file that is no submission: the import still writes its verdict to the import log.
	pdf := writeCLIFile(t, filepath.Join(dir, "inte-en-plan.pdf"), "%PDF-1.7\n%%EOF\n")
	code, out, errOut := execCLI("import", "--db", db, "--lang", "en", pdf)
	en := i18n.New(i18n.English)
	waiting := strings.TrimSuffix(en.Tf("err.store_waiting", "Program", "X"), "…")
	waiting = waiting[:strings.Index(waiting, "(")]
	if !strings.Contains(errOut, waiting) {
		t.Errorf("exit %d, stderr %q: no note that it waits for another program", code, errOut)
	}
	if strings.Contains(out+errOut, en.T("importer.reason.store_failed")) {
		t.Errorf("the import failed to store its verdict: %s%s", out, errOut)
	}
}

// Issue 13, item 6: numbers out of range are usage errors (exit 2) that say the range.
func TestOutOfRangeIsUsageError(t *testing.T) {
	dir := t.TempDir()
	req := writeCLIFile(t, filepath.Join(dir, "req.pem"), "x")
	pass := writeCLIFile(t, filepath.Join(dir, "pass.txt"), "en lång och säker lösenfras\n")
	sv := i18n.New(i18n.Swedish)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ca issue --days 0", []string{"ca", "issue", "--passphrase-file", pass, "--days", "0", req},
			sv.Tf("cli.flag_range", "Flag", "--days", "Value", 0, "Min", 1, "Max", 3650)},
		{"ca issue --days 100000", []string{"ca", "issue", "--passphrase-file", pass, "--days", "100000", req},
			sv.Tf("cli.flag_range", "Flag", "--days", "Value", 100000, "Min", 1, "Max", 3650)},
		{"ca new --years 31", []string{"ca", "new", "--name", "CA", "--passphrase-file", pass, "--years", "31", "--out", filepath.Join(dir, "ca.p12")},
			sv.Tf("cli.flag_range", "Flag", "--years", "Value", 31, "Min", 1, "Max", 30)},
		{"export --year 99999", []string{"export", "--db", filepath.Join(dir, "x.db"), "--board", "Socialnämnden", "--year", "99999",
			"--identity", filepath.Join(dir, "id.p12"), "--passphrase-file", pass, "--out", filepath.Join(dir, "p.pdf")},
			sv.Tf("err.year_range", "Min", 2000, "Max", 2100)},
	}
	for _, tc := range tests {
		code, _, errOut := execCLI(tc.args...)
		if code != 2 || strings.TrimSpace(errOut) != tc.want {
			t.Errorf("%s: exit %d, stderr %q, want 2 and %q", tc.name, code, errOut, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("export with a bad year created the database")
	}
}
