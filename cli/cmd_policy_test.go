package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/preset"
	"handlingsplan/app/profile"
	"handlingsplan/data"
	"handlingsplan/domain"
)

func profileCmd(args []string, o, e *bytes.Buffer) int  { return runProfile(args, o, e) }
func registerCmd(args []string, o, e *bytes.Buffer) int { return runRegister(args, o, e) }

// The coordinator exports the kommun's profile; an official imports it in a second database:
// refused until the fingerprint is approved, then in use; the same file again is no change; a
// tampered file and an older version are refused with exit 1; usage errors exit 2.
func TestProfileCommands(t *testing.T) {
	dir := t.TempDir()
	coordDB, officialDB := filepath.Join(dir, "samordnare.db"), filepath.Join(dir, "nämnd.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("Blåbär på ängen i höst\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	id, err := identity.New(identity.Subject{Name: "Åsa Öberg", Email: "asa@example.se", Kommun: "Exempelby"}, time.Now().Add(-time.Hour), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	p12 := filepath.Join(dir, "id.p12")
	if err := identity.Save(p12, id, "Blåbär på ängen i höst"); err != nil {
		t.Fatal(err)
	}
	// The coordinator's database with a saved version.
	s, err := openStore(coordDB, cliLocalizer("sv"), nil)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	p.Kommun, p.HoursPerFTE = "Exempelby kommun", 1650
	if _, err := profile.SaveVersion(s, p); err != nil {
		t.Fatal(err)
	}
	s.Close()

	out := filepath.Join(dir, "profil.hpprofile")
	r := callCLI(profileCmd, "export", "--db", coordDB, "--identity", p12, "--passphrase-file", pass, "--out", out)
	if r.code != 0 || !strings.Contains(r.stdout, "version 1 för Exempelby kommun är signerad") || !strings.Contains(r.stdout, identity.GroupedFingerprint(id.Cert)) {
		t.Fatalf("export: %+v", r)
	}
	r = callCLI(profileCmd, "import", "--db", officialDB, out)
	if r.code != 1 || !strings.Contains(r.stderr, "--approve") || !strings.Contains(r.stderr, "Timmar per årsarbetare: 1700 blir 1650") {
		t.Fatalf("import of an unknown signer: %+v", r)
	}
	fp := identity.GroupedFingerprint(id.Cert)
	r = callCLI(profileCmd, "import", "--db", officialDB, "--approve", fp, out)
	if r.code != 0 || !strings.Contains(r.stdout, "version 1 för Exempelby kommun, signerad av Åsa Öberg, används nu") {
		t.Fatalf("import: %+v", r)
	}
	if r := callCLI(profileCmd, "import", "--db", officialDB, out, "--lang", "en"); r.code != 0 || !strings.Contains(r.stdout, "in use already") {
		t.Errorf("again: %+v", r)
	}
	// Tampered.
	b := mustRead(t, out)
	bad := filepath.Join(dir, "ändrad.hpprofile")
	os.WriteFile(bad, bytes.Replace(b, []byte(`"hours_per_fte":1650`), []byte(`"hours_per_fte":1500`), 1), 0o644)
	if r := callCLI(profileCmd, "import", "--db", officialDB, bad); r.code != 1 || !strings.Contains(r.stderr, "underskrift stämmer inte") {
		t.Errorf("tampered: %+v", r)
	}
	// An older version: the official's database gets version 2 first.
	s, _ = openStore(coordDB, cliLocalizer("sv"), nil)
	p, _ = s.Profile()
	p.Deadline = "11-15"
	profile.SaveVersion(s, p)
	s.Close()
	out2 := filepath.Join(dir, "profil-2.json")
	if r := callCLI(profileCmd, "export", "--db", coordDB, "--identity", p12, "--passphrase-file", pass, "--out", out2); r.code != 0 {
		t.Fatalf("export 2: %+v", r)
	}
	if r := callCLI(profileCmd, "import", "--db", officialDB, out2); r.code != 0 {
		t.Fatalf("import 2: %+v", r)
	}
	if r := callCLI(profileCmd, "import", "--db", officialDB, out); r.code != 1 || !strings.Contains(r.stderr, "äldre än version 2") {
		t.Errorf("older: %+v", r)
	}
	// Usage.
	for _, args := range [][]string{{}, {"show"}, {"export", "--db", coordDB}, {"import", "--db", officialDB}, {"import", "--db", officialDB, "a", "b"}} {
		if r := callCLI(profileCmd, args...); r.code != 2 {
			t.Errorf("%q: exit %d", args, r.code)
		}
	}
	// A profile with no version cannot be exported.
	fresh := filepath.Join(dir, "ny.db")
	s, _ = openStore(fresh, cliLocalizer("sv"), nil)
	s.Close()
	if r := callCLI(profileCmd, "export", "--db", fresh, "--identity", p12, "--passphrase-file", pass, "--out", filepath.Join(dir, "x.json")); r.code != 1 || !strings.Contains(r.stderr, "ingen version") {
		t.Errorf("version 0: %+v", r)
	}
}

// register import: mixed good and bad rows (exit 1, every bad row named), a dry run that saves
// nothing, a re-import that changes nothing, --map, and usage errors (exit 2).
func TestRegisterImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nämnd.db")
	s, err := openStore(db, cliLocalizer("sv"), nil)
	if err != nil {
		t.Fatal(err)
	}
	board, _ := s.AddBoard("Socialnämnden")
	s.Close()
	csv := filepath.Join("..", "app", "registerimport", "testdata", "register-excel-sv.csv")
	xlsx := filepath.Join("..", "app", "registerimport", "testdata", "register-libreoffice.xlsx")

	r := callCLI(registerCmd, "import", "--db", db, "--board", "Socialnämnden", "--dry-run", csv)
	if r.code != 1 || !strings.Contains(r.stdout, "Provkörning, inget är sparat: 4 nya") || !strings.Contains(r.stderr, "Rad 7, K: ”5” är ingen nivå") {
		t.Fatalf("dry run: %+v", r)
	}
	if n := systems(t, db, board); n != 0 {
		t.Fatalf("the dry run saved %d systems", n)
	}
	r = callCLI(registerCmd, "import", "--db", db, "--board", "Socialnämnden", csv)
	if r.code != 1 || !strings.Contains(r.stdout, "4 nya, 0 ändrade, 0 oförändrade. 5 rader lästes inte in") || strings.Count(r.stderr, "Rad ") != 5 {
		t.Fatalf("import: %+v", r)
	}
	// The XLSX of the same register: nothing new.
	r = callCLI(registerCmd, "import", "--db", db, "--board", "Socialnämnden", xlsx, "--lang", "en")
	if !strings.Contains(r.stdout, "0 new, 0 changed, 4 unchanged") {
		t.Fatalf("re-import: %+v", r)
	}
	if n := systems(t, db, board); n != 4 {
		t.Fatalf("%d systems after re-import", n)
	}
	// Only good rows, mapped by hand: exit 0.
	good := filepath.Join(dir, "bra.csv")
	os.WriteFile(good, []byte("System;Ägare av informationen;Klassning K\nVästra hamnen-appen;Kommunikationschef;1\n"), 0o644)
	r = callCLI(registerCmd, "import", "--db", db, "--board", "Socialnämnden", "--map", "Ägare av informationen=owner,Klassning K=confidentiality", good)
	if r.code != 0 || !strings.Contains(r.stdout, "1 nya") {
		t.Fatalf("good file: %+v", r)
	}
	for _, args := range [][]string{
		{"import", "--db", db, csv},                        // no board
		{"import", "--db", db, "--board", "Socialnämnden"}, // no file
		{"list", "--db", db},                               // no such subcommand
		{"import", "--db", db, "--board", "Socialnämnden", "--map", "Finns inte=name", csv},
	} {
		if r := callCLI(registerCmd, args...); r.code != 2 {
			t.Errorf("%q: exit %d %s", args, r.code, r.stderr)
		}
	}
	if r := callCLI(registerCmd, "import", "--db", db, "--board", "Okänd nämnd", csv); r.code != 1 || !strings.Contains(r.stderr, "Okänd nämnd") {
		t.Errorf("unknown board: %+v", r)
	}
}

func systems(t *testing.T, db string, board int64) int {
	t.Helper()
	s, err := data.Open(db, "test")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	xs, err := s.Systems(board, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(xs)
}

// IT presets the coordinator's signed profile file: a new database takes it into use with its
// signer; when IT puts a newer version in its place, the next start takes that; a changed file
// stops the program with a sentence, and nothing is taken from it.
func TestSignedProfilePreset(t *testing.T) {
	isolateHome(t)
	dir := t.TempDir()
	id, err := identity.New(identity.Subject{Name: "Åsa Öberg", Email: "asa@example.se"}, time.Now().Add(-time.Hour), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	coord, err := openStore(filepath.Join(dir, "samordnare.db"), cliLocalizer("sv"), nil)
	if err != nil {
		t.Fatal(err)
	}
	version := func(edit func(p *domain.Profile)) []byte {
		p, _ := coord.Profile()
		edit(&p)
		if _, err := profile.SaveVersion(coord, p); err != nil {
			t.Fatal(err)
		}
		b, _, err := profile.Export(coord, id, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	v1 := version(func(p *domain.Profile) { p.Kommun = "Åre kommun" })
	file := filepath.Join(dir, "profil.hpprofile")
	os.WriteFile(file, v1, 0o644)
	pem := filepath.Join(dir, "samordnare.pem")
	os.WriteFile(pem, identity.CertPEM(id.Cert), 0o644)
	ini := filepath.Join(dir, "handlingsplan.ini")
	os.WriteFile(ini, []byte("profile = profil.hpprofile\nprofile_signer = samordnare.pem\n"), 0o644)
	t.Setenv(preset.EnvFile, ini)

	db := filepath.Join(dir, "nämnd.db")
	open := func() (domain.Profile, error) {
		s, err := openStore(db, cliLocalizer("sv"), nil)
		if err != nil {
			return domain.Profile{}, err
		}
		defer s.Close()
		return s.Profile()
	}
	if p, err := open(); err != nil || p.Version != 1 || p.Kommun != "Åre kommun" {
		t.Fatalf("first start: %+v %v", p.Version, err)
	}
	os.WriteFile(file, version(func(p *domain.Profile) { p.HoursPerFTE = 1600 }), 0o644)
	if p, err := open(); err != nil || p.Version != 2 || p.HoursPerFTE != 1600 {
		t.Fatalf("after IT's new version: %d %v", p.Version, err)
	}
	os.WriteFile(file, bytes.Replace(v1, []byte("Åre kommun"), []byte("Åre stad"), 1), 0o644)
	_, err = open()
	var log bytes.Buffer
	printError(&log, cliLocalizer("sv"), err)
	if err == nil || !strings.Contains(log.String(), "bad_signature") {
		t.Fatalf("a changed preset file: %v\n%s", err, log.String())
	}
	coord.Close()
}
