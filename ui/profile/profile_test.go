package profile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
	appprofile "handlingsplan/app/profile"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var now = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)

func newStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	def, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(def); err != nil {
		t.Fatal(err)
	}
	return s
}

// signedFile is the coordinator's version 1 (the app/profile test file: signed, the default
// profile of "Exempelkommun").
func signedFile(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "app", "profile", "testdata", "profile-v1.hpprofile"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An official imports the coordinator's file from Settings: the dialog names the signer with
// the fingerprint to compare and every change; approving takes it into use.
func TestPanelImport(t *testing.T) {
	test.NewTempApp(t)
	s := newStore(t)
	win := test.NewTempWindow(t, nil)
	file := signedFile(t)
	p := NewPanel(Env{Window: win, Store: s, Loc: i18n.New(i18n.Swedish), Now: func() time.Time { return now },
		OpenFile: func(done func(string, []byte)) { done("profil.hpprofile", file) }})
	win.SetContent(p.Object())
	win.Resize(fyne.NewSize(1000, 700))
	if !strings.Contains(p.info.Text, "standardprofil") {
		t.Errorf("info before: %q", p.info.Text)
	}
	test.Tap(p.importBtn)
	d := p.check
	if d == nil {
		t.Fatalf("no dialog; status %q", p.status.Text)
	}
	c, _ := appprofile.Verify(file, now)
	if !strings.Contains(d.signer.Text, "Åsa Öberg") || !strings.Contains(d.signer.Text, identity.GroupedFingerprint(c.Signer)) {
		t.Errorf("signer line %q", d.signer.Text)
	}
	if d.use.Text != "Fingeravtrycket stämmer: godkänn och använd" {
		t.Errorf("use button %q", d.use.Text)
	}
	// The file is the default profile under version 1 with a yearly deadline of 31 October:
	// that is the one change the dialog lists.
	if len(d.changes) != 1 || !strings.Contains(d.changes[0], "10-31") {
		t.Errorf("changes %q", d.changes)
	}
	test.Tap(d.use)
	prof, _ := s.Profile()
	if prof.Version != 1 || !strings.Contains(p.status.Text, "version 1 används nu") || !strings.Contains(p.info.Text, "Signerad av Åsa Öberg") {
		t.Fatalf("after import: version %d, status %q, info %q", prof.Version, p.status.Text, p.info.Text)
	}
	// A changed copy is refused with a sentence, and nothing changes.
	p.env.OpenFile = func(done func(string, []byte)) {
		done("ändrad.hpprofile", bytes.Replace(file, []byte(`"hours_per_fte":1700`), []byte(`"hours_per_fte":1200`), 1))
	}
	test.Tap(p.importBtn)
	if p.check != nil || !strings.Contains(p.status.Text, "underskrift stämmer inte") {
		t.Fatalf("tampered: dialog %v status %q", p.check != nil, p.status.Text)
	}
	if prof, _ := s.Profile(); prof.HoursPerFTE != 1700 {
		t.Fatal("a tampered file changed the profile")
	}
}

// The coordinator edits the profile (the draft survives a restart), saves it as a version, and
// exports it signed; the file imports into another database.
func TestEditorSaveAndExport(t *testing.T) {
	test.NewTempApp(t)
	s := newStore(t)
	win := test.NewTempWindow(t, nil)
	e := NewEditor(EditorEnv{Window: win, Store: s, Loc: i18n.New(i18n.Swedish)})
	win.SetContent(e.Build())
	win.Resize(fyne.NewSize(1366, 768))
	if !e.saveBtn.Disabled() || e.saveBtn.Text != "Spara som version 1" {
		t.Fatalf("save button %q disabled %v", e.saveBtn.Text, e.saveBtn.Disabled())
	}
	test.Type(e.hours, "x") // "1700x": not a number
	if !e.saveBtn.Disabled() || !strings.Contains(e.problems.Text, "Timmar per årsarbetare") {
		t.Fatalf("bad hours: %q", e.problems.Text)
	}
	e.hours.SetText("1650")
	e.kommun.SetText("Gislaveds kommun")
	e.tabs.SelectIndex(2)
	test.Tap(findButton(t, win, "Lägg till krav"))
	n := len(e.draft.Checklist)
	if n != 14 || e.saveBtn.Disabled() == false {
		t.Fatalf("a new requirement without text must block: %d requirements, save enabled %v", n, !e.saveBtn.Disabled())
	}
	e.draft.Checklist[n-1].Title, e.draft.Checklist[n-1].Text = "Cybersäkerhetslagen", "Nämnden vet vad lagen kräver."
	e.changed(true)

	// A restart: the draft is still there.
	again := NewEditor(EditorEnv{Window: win, Store: s, Loc: i18n.New(i18n.Swedish)})
	if again.draft.HoursPerFTE != 1650 || len(again.draft.Checklist) != 14 {
		t.Fatalf("draft after restart: %d h, %d requirements", again.draft.HoursPerFTE, len(again.draft.Checklist))
	}
	test.Tap(e.saveBtn)
	prof, _ := s.Profile()
	if prof.Version != 1 || prof.HoursPerFTE != 1650 || prof.Kommun != "Gislaveds kommun" || len(prof.Checklist) != 14 {
		t.Fatalf("saved %+v", prof)
	}
	if s.Setting(draftKey, "") != "" || e.saveBtn.Text != "Spara som version 2" || !e.saveBtn.Disabled() {
		t.Fatalf("after save: draft %q, button %q", s.Setting(draftKey, ""), e.saveBtn.Text)
	}

	// Export with the coordinator's identity.
	dir := t.TempDir()
	id, err := identity.New(identity.Subject{Name: "Åsa Öberg", Email: "a@example.se"}, now.Add(-time.Hour), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := identity.Save(identity.DefaultPath(dir), id, "Blåbär på ängen i höst"); err != nil {
		t.Fatal(err)
	}
	var saved []byte
	p := NewPanel(Env{Window: win, Store: s, Loc: i18n.New(i18n.Swedish), ConfigDir: dir, Coordinator: true, Now: func() time.Time { return now },
		SaveFile: func(name string, b []byte, done func(string, error)) { saved = b; done(filepath.Join(dir, name), nil) }})
	win.SetContent(p.Object())
	test.Tap(p.exportBtn)
	if p.passDlg == nil {
		t.Fatalf("no passphrase question; status %q", p.status.Text)
	}
	p.export(identity.DefaultPath(dir), "fel lösenfras", prof)
	if saved != nil || p.status.Text == "" {
		t.Fatal("exported with a wrong passphrase")
	}
	p.export(identity.DefaultPath(dir), "Blåbär på ängen i höst", prof)
	if saved == nil || !strings.Contains(p.lastExport, "version 1 är signerad") {
		t.Fatalf("export: %q", p.lastExport)
	}
	other := newStore(t)
	if _, err := appprofile.Import(other, saved, now, identity.Fingerprint(id.Cert)); err != nil {
		t.Fatal(err)
	}
	if got, _ := other.Profile(); got.Kommun != "Gislaveds kommun" || len(got.Checklist) != 14 {
		t.Fatalf("imported %+v", got)
	}
}

func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
