package cli

import (
	"bytes"
	"database/sql"
	"errors"
	"flag"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pos  []string
		db   string
		yes  bool
		err  bool
	}{
		{"flags first", []string{"--db", "a.db", "f1", "f2"}, []string{"f1", "f2"}, "a.db", false, false},
		{"flags last", []string{"f1", "f2", "--db", "a.db"}, []string{"f1", "f2"}, "a.db", false, false},
		{"flags between", []string{"f1", "--db=a.db", "f2", "-yes"}, []string{"f1", "f2"}, "a.db", true, false},
		{"no positional", []string{"--yes", "--db", "a.db"}, nil, "a.db", true, false},
		{"nothing", nil, nil, "", false, false},
		{"dashes end the flags", []string{"f1", "--", "--db", "x"}, []string{"f1", "--db", "x"}, "", false, false},
		{"dashes first", []string{"--", "-f1"}, []string{"-f1"}, "", false, false},
		{"dashes as a flag's value", []string{"--db", "--", "f1", "--yes"}, []string{"f1"}, "--", true, false},
		{"dashes after a bool flag", []string{"--yes", "--", "--db"}, []string{"--db"}, "", true, false},
		{"a single dash is a file", []string{"-", "--db", "a.db"}, []string{"-"}, "a.db", false, false},
		{"unknown flag after a file", []string{"f1", "--bogus"}, nil, "", false, true},
		{"flag without its value", []string{"f1", "--db"}, nil, "", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFlags("test", io.Discard)
			db := fs.String("db", "", "")
			yes := fs.Bool("yes", false, "")
			pos, err := parseArgs(fs, tc.args)
			if (err != nil) != tc.err {
				t.Fatalf("err = %v", err)
			}
			if tc.err {
				return
			}
			if !slices.Equal(pos, tc.pos) || *db != tc.db || *yes != tc.yes {
				t.Errorf("got %q db=%q yes=%v, want %q db=%q yes=%v", pos, *db, *yes, tc.pos, tc.db, tc.yes)
			}
		})
	}
	// Repeatable flags keep every value across the positional arguments.
	fs := newFlags("test", io.Discard)
	var trust []string
	fs.Func("trust", "", func(s string) error { trust = append(trust, s); return nil })
	pos, err := parseArgs(fs, []string{"--trust", "a.pem", "p1.pdf", "--trust", "b.pem", "p2.pdf"})
	if err != nil || !slices.Equal(pos, []string{"p1.pdf", "p2.pdf"}) || !slices.Equal(trust, []string{"a.pem", "b.pem"}) {
		t.Errorf("repeatable: %q %q %v", pos, trust, err)
	}
	if _, err := parseArgs(newFlags("test", io.Discard), []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

// isolateHome points the default database (the config directory) into a temporary folder, so
// that a command that ignores --db writes there, where the test can see it, and never into $HOME.
func isolateHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("AppData", filepath.Join(home, "AppData"))
	def, err := data.DefaultPath()
	if err != nil || !strings.HasPrefix(def, home) {
		t.Fatalf("default database %q (%v) is not under %s", def, err, home)
	}
	return def
}

// Every command takes its flags before or after its file arguments, with the same effect.
func TestFlagsAfterArguments(t *testing.T) {
	defaultDB := isolateHome(t)
	stranger, err := identity.New(identity.Subject{Name: "Bo Ek", Board: "Kulturnämnden"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	fp := identity.Fingerprint(stranger.Cert)
	orders := []struct {
		name    string
		arrange func(pos []string, flags ...string) []string
	}{
		{"flags first", func(pos []string, flags ...string) []string { return append(flags, pos...) }},
		{"flags last", func(pos []string, flags ...string) []string { return append(pos, flags...) }},
	}
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			dir := t.TempDir()
			p := func(name string) string { return filepath.Join(dir, name) }
			pass := writeCLIFile(t, p("pass.txt"), "Blåbär på ängen i höst\n")
			db, boards := p("samordnare.db"), p("nämnder.db")
			if err := os.WriteFile(p("kultur.pdf"), sealForCLI(t, "Kulturnämnden", 1, stranger), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p("bo.pem"), identity.CertPEM(stranger.Cert), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := func(words ...string) func(pos []string, flags ...string) []string {
				return func(pos []string, flags ...string) []string { return append(words, o.arrange(pos, flags...)...) }
			}
			steps := []struct {
				name string
				args []string
				code int
				out  string
			}{
				{"ca new", cmd("ca", "new")(nil, "--db", db, "--name", "Exempelby kommun signerings-CA", "--out", p("ca.p12"), "--cert-out", p("ca.pem"), "--passphrase-file", pass), 0, "är skapat"},
				{"identity new", cmd("identity", "new")(nil, "--name", "Åsa Öberg", "--email", "asa@example.se", "--board", "Socialnämnden", "--out", p("id.p12"), "--passphrase-file", pass), 0, "Åsa Öberg"},
				{"identity request", cmd("identity", "request")(nil, "--identity", p("id.p12"), "--passphrase-file", pass, "--out", p("req.pem")), 0, p("req.pem")},
				{"ca issue", cmd("ca", "issue")([]string{p("req.pem")}, "--db", db, "--ca", p("ca.p12"), "--passphrase-file", pass, "--out", p("ans.pem")), 0, "Åsa Öberg (Socialnämnden)"},
				{"identity accept", cmd("identity", "accept")([]string{p("ans.pem")}, "--identity", p("id.p12"), "--passphrase-file", pass), 0, "Exempelby kommun signerings-CA"},
				{"identity show", cmd("identity", "show")(nil, "--identity", p("id.p12"), "--passphrase-file", pass, "--lang", "en"), 0, "Issued by: Exempelby kommun signerings-CA"},
				{"demo", cmd("demo")(nil, "--db", boards, "--year", "2026"), 0, boards},
				{"export", cmd("export")(nil, "--db", boards, "--board", "Socialnämnden", "--year", "2027", "--identity", p("id.p12"), "--passphrase-file", pass, "--out", p("plan.pdf")), 0, "version 1"},
				{"verify", cmd("verify")([]string{p("plan.pdf")}, "--trust", p("ca.pem"), "--lang", "en"), 0, ": Valid."},
				{"import", cmd("import")([]string{p("plan.pdf")}, "--db", db), 0, "plan.pdf: Inläst."},
				{"import unknown signer", cmd("import")([]string{p("kultur.pdf")}, "--db", db), 1, "kultur.pdf: Väntar på godkännande."},
				{"trust approve", cmd("trust", "approve")([]string{fp}, "--db", db), 0, "Godkänd undertecknare: Bo Ek"},
				{"trust remove", cmd("trust", "remove")([]string{fp}, "--db", db), 0, "Borttagen ur listan över betrodda: Bo Ek"},
				{"trust add", cmd("trust", "add")([]string{p("bo.pem")}, "--db", db, "--lang", "en"), 0, "Bo Ek"},
				{"trust list", cmd("trust", "list")(nil, "--db", db), 0, "Bo Ek"},
				{"handout", cmd("handout")(nil, "--db", boards, "--year", "2027", "--board", "Socialnämnden", "--out", p("bilder.pdf")), 0, p("bilder.pdf")},
			}
			for _, st := range steps {
				var out, errOut bytes.Buffer
				code := Run(st.args, &out, &errOut)
				if code != st.code || !strings.Contains(out.String(), st.out) {
					t.Fatalf("%s %q: exit %d (want %d), stdout lacks %q:\n%s%s", st.name, st.args, code, st.code, st.out, out.String(), errOut.String())
				}
			}
			if _, err := os.Stat(defaultDB); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a command used the default database %s", defaultDB)
			}
		})
	}
}

// A stray argument is still a usage error, wherever it stands, for commands that take none.
func TestStrayArgument(t *testing.T) {
	isolateHome(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	for _, args := range [][]string{
		{"demo", "--db", db, "extra"},
		{"demo", "extra", "--db", db},
		{"export", "extra", "--db", db, "--board", "B", "--year", "2027", "--identity", "i.p12", "--passphrase-file", "p", "--out", "o.pdf"},
		{"identity", "show", "--identity", "i.p12", "extra", "--passphrase-file", "p"},
		{"identity", "accept", "a.pem", "b.pem", "--identity", "i.p12", "--passphrase-file", "p"},
		{"trust", "list", "extra", "--db", db},
		{"trust", "remove", "aa", "bb", "--db", db},
		{"ca", "issue", "req.pem", "extra", "--passphrase-file", "p"},
		{"handout", "extra", "--db", db, "--year", "2027", "--out", "o.pdf"},
	} {
		var out, errOut bytes.Buffer
		if code := Run(args, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "Användning: handlingsplan") {
			t.Errorf("%q: exit %d\n%s", args, code, errOut.String())
		}
		if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%q created %s", args, db)
		}
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"help", []string{"help"}, 0, []string{"Användning: handlingsplan [--db FIL]", "Kommandon:", "  handout --db FIL", "  version  skriver ut"}, nil},
		{"help in English", []string{"help", "--lang", "en"}, 0, []string{"Usage: handlingsplan [--db FILE]", "Commands:", "  import [--db FILE]"}, nil},
		{"unknown command", []string{"hjälp"}, 2, nil, []string{"Kommandot ”hjälp” finns inte.", "Användning: handlingsplan"}},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		if code := Run(tc.args, &out, &errOut); code != tc.code {
			t.Errorf("%s: exit %d", tc.name, code)
		}
		for _, w := range tc.stdout {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: stdout lacks %q:\n%s", tc.name, w, out.String())
			}
		}
		for _, w := range tc.stderr {
			if !strings.Contains(errOut.String(), w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tc.name, w, errOut.String())
			}
		}
		if strings.Contains(out.String()+errOut.String(), "usage:") {
			t.Errorf("%s: untranslated usage", tc.name)
		}
	}
	// Every command has its line in both languages (the keys are not literals the i18n test sees).
	for name, c := range commands() {
		for _, l := range i18n.Langs {
			loc := i18n.New(l)
			if !loc.Has(c.help) || !strings.HasPrefix(loc.T(c.help), name) {
				t.Errorf("%s: help %q in %s is %q", name, c.help, l, loc.T(c.help))
			}
		}
	}
}

func TestAuditName(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name string
		u    *user.User
		err  error
		env  map[string]string
		want string
	}{
		{"the OS user", &user.User{Username: "anna"}, nil, map[string]string{"USER": "bo"}, "anna"},
		{"USER when the lookup fails", nil, errors.New("no passwd entry"), map[string]string{"USER": "bo"}, "bo"},
		{"USERNAME on Windows", nil, errors.New("lookup"), map[string]string{"USERNAME": "cecilia"}, "cecilia"},
		{"the user id, not a word in one language", nil, errors.New("lookup"), nil, "uid 1000"},
	}
	for _, tc := range tests {
		if got := auditName(tc.u, tc.err, env(tc.env), 1000); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDemoOnDatabaseWithBoards(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plan.db")
	if code, _, errOut := execCLI("demo", "--db", db, "--year", "2026"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	for _, l := range i18n.Langs {
		code, _, errOut := execCLI("demo", "--db", db, "--year", "2027", "--lang", string(l))
		want := i18n.New(l).Tf("cli.demo_not_empty", "Path", db) + "\n"
		if code != 1 || errOut != want {
			t.Errorf("%s: exit %d, stderr %q, want %q", l, code, errOut, want)
		}
	}
}

// rawExec changes a closed database behind the store's back, to make it fail in a chosen way.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	s, err := data.Open(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range stmts {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// The error of a database that cannot be opened is one sentence (the desktop app shows it in a
// window); the technical cause is a separate line of the log, marked as such.
func TestOpenStoreError(t *testing.T) {
	dir := t.TempDir()
	noProfile := filepath.Join(dir, "utan-profil.db")
	rawExec(t, noProfile, "CREATE TRIGGER no_profile BEFORE INSERT ON profile BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
	folder := filepath.Join(dir, "en-mapp.db")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	sv := i18n.New(i18n.Swedish)
	for _, path := range []string{noProfile, folder} {
		s, err := openStore(path, sv, nil)
		if err == nil {
			s.Close()
			t.Fatalf("%s opened", path)
		}
		want := sv.Tf("err.db_open", "Path", path)
		if err.Error() != want {
			t.Errorf("%s: error %q, want the sentence %q", path, err, want)
		}
		var log bytes.Buffer
		printError(&log, sv, err)
		lines := strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n")
		if len(lines) != 2 || lines[0] != want || !strings.HasPrefix(lines[1], "  Teknisk orsak (för IT-stöd): ") {
			t.Errorf("%s: log %q", path, lines)
		}
	}
	// A cause the sentence names (here: another command has the database) is not repeated.
	s, err := openStore(filepath.Join(dir, "ok.db"), sv, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = openStore(filepath.Join(dir, "ok.db"), sv, nil)
	var log bytes.Buffer
	printError(&log, sv, err)
	if !errors.Is(err, data.ErrLocked) || log.String() != sv.Tf("err.db_locked_command", "Path", filepath.Join(dir, "ok.db"))+"\n" {
		t.Errorf("locked: %v\n%s", err, log.String())
	}
}

// A failure the command explains in a sentence prints the technical cause only on a marked line.
func TestNoBareErrorChains(t *testing.T) {
	dir := t.TempDir()
	noTrust := filepath.Join(dir, "samordnare.db")
	rawExec(t, noTrust, "ALTER TABLE trust RENAME TO trust_gone")
	noProfile := filepath.Join(dir, "utan-profil.db")
	rawExec(t, noProfile, "CREATE TRIGGER no_profile BEFORE INSERT ON profile BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
	pdf := writeCLIFile(t, filepath.Join(dir, "plan.pdf"), "%PDF-1.7\n")
	sv := i18n.New(i18n.Swedish)
	tests := []struct {
		name  string
		args  []string
		first string
	}{
		// A table gone is a damaged database, named when it is opened (issue 13), not an
		// import that fails on it.
		{"trust table gone", []string{"import", "--db", noTrust, pdf}, sv.Tf("err.db_damaged", "Path", noTrust)},
		{"profile not seeded", []string{"trust", "list", "--db", noProfile}, sv.Tf("err.db_open", "Path", noProfile)},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		if code := Run(tc.args, &out, &errOut); code != 1 {
			t.Errorf("%s: exit %d", tc.name, code)
		}
		lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
		if len(lines) != 2 || lines[0] != tc.first || !strings.HasPrefix(lines[1], "  Teknisk orsak (för IT-stöd): ") {
			t.Errorf("%s: stderr %q", tc.name, lines)
		}
	}
}

func TestReadPassphrase(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          string
		err           error
	}{
		{"line feed", "en lång fras\nnästa rad", "en lång fras", nil},
		{"carriage return and line feed", "en lång fras\r\n", "en lång fras", nil},
		{"no line end", "en lång fras", "en lång fras", nil},
		{"spaces are part of it", " fras med mellanslag \n", " fras med mellanslag ", nil},
		{"empty first line", "\nfras på rad två\n", "", errEmptyPassphrase},
		{"empty file", "", "", errEmptyPassphrase},
	}
	for i, tc := range tests {
		path := writeCLIFile(t, filepath.Join(dir, string(rune('a'+i))+".txt"), tc.content)
		got, err := readPassphrase(path)
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("%s: %q, %v", tc.name, got, err)
		}
	}
	if _, err := readPassphrase(filepath.Join(dir, "saknas.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// The identity's and the signing CA's passphrase files are read and explained the same way.
func TestPassphraseMessagesAgree(t *testing.T) {
	isolateHome(t)
	dir := t.TempDir()
	empty := writeCLIFile(t, filepath.Join(dir, "tom.txt"), "\r\n")
	missing := filepath.Join(dir, "saknas.txt")
	sv := i18n.New(i18n.Swedish)
	for _, c := range []struct {
		file, want string
	}{
		{empty, sv.Tf("export.cli.passphrase_empty", "Path", empty)},
		{missing, sv.Tf("export.cli.passphrase_unreadable", "Path", missing)},
	} {
		for _, args := range [][]string{
			{"identity", "new", "--name", "Åsa", "--email", "a@example.se", "--out", filepath.Join(dir, "id.p12"), "--passphrase-file", c.file},
			{"identity", "show", "--identity", filepath.Join(dir, "id.p12"), "--passphrase-file", c.file},
			{"ca", "new", "--db", filepath.Join(dir, "x.db"), "--name", "CA", "--out", filepath.Join(dir, "ca.p12"), "--passphrase-file", c.file},
			{"ca", "issue", filepath.Join(dir, "req.pem"), "--ca", filepath.Join(dir, "ca.p12"), "--passphrase-file", c.file},
		} {
			if args[1] == "issue" {
				writeCLIFile(t, args[2], "begäran")
			}
			var out, errOut bytes.Buffer
			if code := Run(args, &out, &errOut); code != 1 || !strings.HasSuffix(errOut.String(), c.want+"\n") {
				t.Errorf("%q: exit %d, stderr %q, want %q", args, code, errOut.String(), c.want)
			}
		}
	}
}
