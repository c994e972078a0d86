package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"handlingsplan/i18n"
)

// Issue 13, item 4: what the app writes is private to the user on Unix (0600 files, 0700
// folders) whatever the umask, and a secret file that others may read gets a warning that
// says how to fix it, as ssh does.
func TestFilesPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	old := setUmask(0o022)
	defer setUmask(old)
	isolateHome(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "plan.db")
	pass := writeCLIFile(t, filepath.Join(dir, "pass.txt"), "en lång och säker lösenfras\n")
	id := filepath.Join(dir, "id.p12")
	steps := [][]string{
		{"demo", "--db", db, "--year", "2026"},
		{"identity", "new", "--name", "Åsa Öberg", "--email", "asa@exempelby.se", "--board", "Socialnämnden", "--out", id, "--passphrase-file", pass},
		{"export", "--db", db, "--board", "Socialnämnden", "--year", "2027", "--identity", id, "--passphrase-file", pass, "--out", filepath.Join(dir, "plan.pdf")},
		{"report", "--db", db, "--year", "2027", "--out", filepath.Join(dir, "ks.pdf")},
		{"report", "--db", db, "--year", "2027", "--out", filepath.Join(dir, "ks.xlsx")},
		{"report", "--db", db, "--year", "2027", "--out", filepath.Join(dir, "tabeller.csv")},
		{"handout", "--db", db, "--year", "2027", "--board", "Socialnämnden", "--out", filepath.Join(dir, "bilder.pdf")},
	}
	for _, args := range steps {
		if code, _, errOut := execCLI(args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	want := map[string]os.FileMode{
		"plan.db": 0o600, "plan.db-wal": 0o600, "plan.db-shm": 0o600, "id.p12": 0o600,
		"plan.pdf": 0o600, "ks.pdf": 0o600, "ks.xlsx": 0o600, "tabeller": 0o700, "bilder.pdf": 0o600,
	}
	for name, mode := range want {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			if strings.HasSuffix(name, "-wal") || strings.HasSuffix(name, "-shm") {
				continue // removed when the last connection closed
			}
			t.Errorf("%s: %v", name, err)
			continue
		}
		if fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %04o, want %04o", name, fi.Mode().Perm(), mode)
		}
	}
	csvs, _ := filepath.Glob(filepath.Join(dir, "tabeller", "*.csv"))
	for _, f := range csvs {
		if fi, _ := os.Stat(f); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %04o", filepath.Base(f), fi.Mode().Perm())
		}
	}

	// Secrets readable by others: a warning naming the file and the chmod; the command works.
	sv := i18n.New(i18n.Swedish)
	if code, _, errOut := execCLI("identity", "show", "--identity", id, "--passphrase-file", pass); code != 0 || strings.Contains(errOut, "chmod") {
		t.Errorf("private files: exit %d, stderr %q", code, errOut)
	}
	os.Chmod(pass, 0o644)
	os.Chmod(id, 0o640)
	code, _, errOut := execCLI("identity", "show", "--identity", id, "--passphrase-file", pass)
	for _, w := range []string{sv.Tf("cli.secret_exposed", "Path", id, "Mode", "0640"), sv.Tf("cli.secret_exposed", "Path", pass, "Mode", "0644")} {
		if !strings.Contains(errOut, w) {
			t.Errorf("exit %d, stderr %q: no warning %q", code, errOut, w)
		}
	}
	if code != 0 {
		t.Errorf("the warning stopped the command: exit %d", code)
	}
}
