package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"handlingsplan/app/settings"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

func boards(t *testing.T, s *data.Store) []string {
	t.Helper()
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range bs {
		out = append(out, b.Name)
	}
	return out
}

// Settings → Säkerhetskopia: a backup to a folder with spaces and Swedish letters, more work,
// then a restore of the backup, confirmed: the start screen shows the backup's boards, in the
// backup's language, and the replaced database is kept beside the open one.
func TestSettingsBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, filepath.Join(dir, "hp.db"))
	defer s.Close()
	if _, err := s.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	sh := newShell(t, s, Options{Config: Config{ConfigDir: filepath.Join(dir, "config"), AppVersion: "test"}})
	v := newSettingsView(sh)
	sh.Show(v)
	if v.backup == nil || v.backup.saveBtn.Text != "Säkerhetskopiera…" || v.backup.restBtn.Text != "Återställ från säkerhetskopia…" {
		t.Fatalf("settings show no backup section: %+v", v.backup)
	}
	folder := filepath.Join(dir, "Mina säkerhetskopior", "Åsa Öberg")
	os.MkdirAll(folder, 0o700)
	file := filepath.Join(folder, "handlingsplan 2026-10-01.db")
	v.backup.saveTo(file)
	if v.backup.lastErr != "" || v.backup.lastInfo != sh.loc.Tf("backup.saved", "Path", file) {
		t.Fatalf("backup: info %q, error %q", v.backup.lastInfo, v.backup.lastErr)
	}
	if got := s.Setting(settings.BackupFolder, ""); got != folder {
		t.Errorf("remembered folder %q", got)
	}

	// Later: another board, and English; the restore brings back the backup's Swedish and one board.
	if _, err := s.AddBoard("Kulturnämnden"); err != nil {
		t.Fatal(err)
	}
	sh.onLanguage(i18n.English)
	v = newSettingsView(sh)
	sh.Show(v)
	v.backup.confirmRestore(file)
	if v.backup.confirm == nil {
		t.Fatalf("no confirmation; error %q", v.backup.lastErr)
	}
	if !strings.Contains(v.backup.lastInfo, "(boards: 1, plans: 0)") {
		t.Errorf("the question does not say what the backup holds: %q", v.backup.lastInfo)
	}
	if got := boards(t, s); len(got) != 2 {
		t.Fatalf("asking changed the database: %v", got)
	}
	v.backup.confirm.Confirm()
	if got := boards(t, s); len(got) != 1 || got[0] != "Socialnämnden" {
		t.Fatalf("after restore: %v", got)
	}
	if sh.loc.Lang() != i18n.Swedish || sh.start == nil || sh.view != nil {
		t.Errorf("after restore: language %s, start screen %v, view %T", sh.loc.Lang(), sh.start != nil, sh.view)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "hp-before-restore-*.db"))
	if len(kept) != 1 || !strings.Contains(v.backup.lastInfo, kept[0]) {
		t.Errorf("kept %v; message %q", kept, v.backup.lastInfo)
	}
	if info, err := data.CheckBackup(kept[0]); err != nil || info.Boards != 2 {
		t.Errorf("the kept database: %+v %v", info, err)
	}
}

// A file that is no backup: its reason, no question, nothing changed.
func TestRestoreRefusedInUI(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, filepath.Join(dir, "hp.db"))
	defer s.Close()
	s.AddBoard("Socialnämnden")
	sh := newShell(t, s, Options{})
	b := newBackupSection(sh)
	sh.win.SetContent(b.build())
	notes := filepath.Join(dir, "anteckningar.db")
	os.WriteFile(notes, []byte("inte en databas"), 0o600)
	b.confirmRestore(notes)
	if b.confirm != nil || b.lastErr != sh.loc.Tf("backup.err.foreign", "Path", notes) {
		t.Errorf("confirm %v, error %q", b.confirm, b.lastErr)
	}
	if got := boards(t, s); len(got) != 1 {
		t.Errorf("boards %v", got)
	}
	// A backup into a folder that does not exist: a sentence, not an error chain.
	b.saveTo(filepath.Join(dir, "finns inte", "b.db"))
	if !strings.HasPrefix(b.lastErr, "Säkerhetskopian kunde inte sparas i ") {
		t.Errorf("error %q", b.lastErr)
	}
}

// The About dialog: version, licence, third-party licences, where the data is, how to back up.
func TestAbout(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, filepath.Join(dir, "hp.db"))
	defer s.Close()
	third := "Third-party software in Handlingsplan\nGenerated …\n\n" +
		"Go standard library    BSD-3-Clause\nfyne.io/fyne/v2  v2.7.1  BSD-3-Clause\n" +
		"Handlingsplan (embedded third-party files)  Bitstream-Vera\n\n=====\nGo standard library: LICENSE\n=====\n\nCopyright 2009\n"
	sh := newShell(t, s, Options{Config: Config{ConfigDir: filepath.Join(dir, "config"), AppVersion: "1.2.0",
		Licence: "MIT License\n\nCopyright (c) 2026", ThirdParty: third, PresetSource: "/etc/handlingsplan/handlingsplan.ini"}})
	v := newSettingsView(sh)
	sh.Show(v)
	capture(t, sh, "settings")
	test.Tap(findButton(t, sh, "Om Handlingsplan"))
	a := sh.showAbout()
	all := strings.Join(a.lines, "\n")
	for _, want := range []string{
		"Version 1.2.0",
		"Fri programvara under MIT-licensen.",
		"Programmet innehåller 2 komponenter av andra",
		"Databasen: " + s.Path(),
		"Signeringsidentiteten: " + filepath.Join(dir, "config", "identity.p12"),
		"Förinställt av IT i /etc/handlingsplan/handlingsplan.ini",
		"Gör en säkerhetskopia",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("About lacks %q:\n%s", want, all)
		}
	}
	capture(t, sh, "about")
	a.showText("Licenser", third)
	if a.text == nil {
		t.Fatal("no licence text dialog")
	}
	capture(t, sh, "about-licences")
}

func TestCountComponents(t *testing.T) {
	b, err := os.ReadFile("../packaging/third-party-licenses.txt")
	if err != nil {
		t.Fatal(err)
	}
	if n := countComponents(string(b)); n < 20 || n > 80 {
		t.Errorf("the shipped licence file lists %d components", n)
	}
	if n := countComponents(""); n != 0 {
		t.Errorf("empty: %d", n)
	}
}

// The backup question: folder and file name; a file of that name is replaced only after asking;
// the open database itself is never the target (Fyne's save dialog would have emptied it).
func TestBackupSaveForm(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, filepath.Join(dir, "hp.db"))
	defer s.Close()
	s.AddBoard("Socialnämnden")
	sh := newShell(t, s, Options{})
	b := newBackupSection(sh)
	sh.win.SetContent(b.build())
	test.Tap(b.saveBtn)
	f := b.saveDlg
	if f == nil || f.name.Text != "handlingsplan-2026-10-01.db" || f.folder == "" {
		t.Fatalf("save form %+v", f)
	}
	folder := filepath.Join(dir, "Säkerhetskopior för Åsa")
	os.MkdirAll(folder, 0o700)
	f.setFolder(folder)
	f.name.SetText("min kopia")
	f.dlg.Confirm()
	want := filepath.Join(folder, "min kopia.db")
	if _, err := data.CheckBackup(want); err != nil || b.lastErr != "" {
		t.Fatalf("backup %s: %v %q", want, err, b.lastErr)
	}
	// The same name again: asked first, replaced after yes.
	s.AddBoard("Kulturnämnden")
	test.Tap(b.saveBtn)
	f = b.saveDlg
	if f.folder != folder {
		t.Errorf("the form starts in %q, want the last backup's folder", f.folder)
	}
	f.name.SetText("min kopia.db")
	f.dlg.Confirm()
	if f.overwrite == nil {
		t.Fatal("an existing file was replaced without asking")
	}
	if info, _ := data.CheckBackup(want); info.Boards != 1 {
		t.Fatal("the file was replaced before the answer")
	}
	f.overwrite.Confirm()
	if info, _ := data.CheckBackup(want); info.Boards != 2 {
		t.Errorf("after yes the file holds %d boards, want 2", info.Boards)
	}
	// The open database as the target: refused, and the database is whole.
	test.Tap(b.saveBtn)
	f = b.saveDlg
	f.setFolder(dir)
	f.name.SetText("hp.db")
	f.dlg.Confirm()
	f.overwrite.Confirm()
	if !strings.HasPrefix(b.lastErr, "Säkerhetskopian kunde inte sparas") {
		t.Errorf("error %q", b.lastErr)
	}
	if got := boards(t, s); len(got) != 2 {
		t.Errorf("the open database after the refused backup: %v", got)
	}
	if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
		t.Errorf("integrity %q %v", res, err)
	}
	// A path instead of a name.
	b.lastErr = ""
	test.Tap(b.saveBtn)
	b.saveDlg.name.SetText("../ut.db")
	b.saveDlg.dlg.Confirm()
	if b.lastErr != sh.loc.T("backup.err.name") {
		t.Errorf("error %q", b.lastErr)
	}
}

func TestValidName(t *testing.T) {
	for in, want := range map[string]string{
		"kopia": "kopia.db", " kopia.db ": "kopia.db", "kopia.sqlite": "kopia.sqlite",
		"": "", "a/b": "", `a\b`: "", "C:x": "", "..": "",
	} {
		if got := validName(in); got != want {
			t.Errorf("validName(%q) = %q, want %q", in, got, want)
		}
	}
}
