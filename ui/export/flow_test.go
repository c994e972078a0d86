package export

import (
	"bytes"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/demo"
	"handlingsplan/app/identity"
	"handlingsplan/app/settings"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

const passphrase = "en lång och säker lösenfras"

// testID is made once: an RSA key takes a while under -race.
var testID = sync.OnceValues(func() (*identity.Identity, error) {
	return identity.New(identity.Subject{Name: "Åsa Öberg", Title: "Förvaltningschef", Board: "Socialnämnden", Email: "asa@example.se"},
		time.Now(), 365*24*time.Hour)
})

type fixture struct {
	env     Env
	store   *data.Store
	win     fyne.Window
	config  string
	out     string // the folder submissions are saved in
	planID  int64
	done    int // OnDone calls
	opened  []string
	saved   map[string][]byte // files "saved" through the save seam
	toOpen  []byte            // what the open-file seam answers
	openExt []string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	fx := &fixture{config: t.TempDir(), out: t.TempDir(), saved: map[string][]byte{}}
	s, err := data.Open(filepath.Join(t.TempDir(), "plan.db"), "tester")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(settings.ExportFolder, fx.out); err != nil {
		t.Fatal(err)
	}
	b, err := s.BoardByName("Socialnämnden")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PlanFor(b.ID, 2027)
	if err != nil {
		t.Fatal(err)
	}
	fx.store, fx.planID = s, p.ID
	fx.win = a.NewWindow("test")
	fx.win.Resize(fyne.NewSize(1100, 800))
	fx.env = Env{Window: fx.win, Store: s, Loc: i18n.New(i18n.Swedish), ConfigDir: fx.config, AppVersion: "9.9.9", OnDone: func() { fx.done++ }}
	return fx
}

// seams replaces the platform dialogs with the fixture's answers.
func (fx *fixture) seams(u *ui) {
	u.chooseFolder = func(string, func(string)) {}
	u.openURL = func(dir string) error {
		fx.opened = append(fx.opened, dir)
		return nil
	}
	u.saveFile = func(name string, data func(string) []byte, done func(string, error)) {
		path := filepath.Join(fx.out, name)
		fx.saved[name] = data(path)
		done(path, nil)
	}
	u.openFile = func(exts []string, done func(string, []byte)) {
		fx.openExt = exts
		done("answer", fx.toOpen)
	}
}

func (fx *fixture) flow() *flow {
	f := newFlow(fx.env, fx.planID)
	fx.seams(f.ui)
	return f
}

func (fx *fixture) saveTestIdentity(t *testing.T) *identity.Identity {
	t.Helper()
	id, err := testID()
	if err != nil {
		t.Fatal(err)
	}
	if err := saveIdentity(fx.config, id, passphrase); err != nil {
		t.Fatal(err)
	}
	return id
}

func tr(key string) string { return i18n.New(i18n.Swedish).T(key) }

func TestFirstExportCreatesIdentity(t *testing.T) {
	fx := newFixture(t)
	f := fx.flow()
	f.start()
	if f.setupDlg == nil {
		t.Fatal("no identity: the setup dialog should come first")
	}
	test.Tap(f.setupDlg.create)
	c := f.setupDlg.createForm
	if c == nil {
		t.Fatal("create form not shown")
	}
	if c.name.Text != "" || c.board.Text != "Socialnämnden" {
		t.Errorf("form starts with %q / %q, want no name and the plan's board", c.name.Text, c.board.Text)
	}
	if got := fx.win.Canvas().Focused(); got != c.name {
		t.Errorf("focus is on %T, want the name field so typing goes into the form", got)
	}
	// Return on an invalid form does nothing.
	c.pass.repeat.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.status.Text != "" {
		t.Errorf("Return on an empty form started creating: %q", c.status.Text)
	}
	steps := []struct {
		name, email, pass, repeat string
		strength, mismatch        string
		enabled                   bool
	}{
		{"Åsa Öberg", "", "", "", tr("export.ui.passphrase_help"), "", false},
		{"Åsa Öberg", "asa@example.se", "kort", "", tr("identity.strength.weak"), "", false},
		{"Åsa Öberg", "asa@example.se", passphrase, "en lång", tr("identity.strength.strong"), tr("export.ui.passphrase_mismatch"), false},
		{"Åsa Öberg", "asa@example.se", passphrase, passphrase, tr("identity.strength.strong"), "", true},
		{"", "asa@example.se", passphrase, passphrase, tr("identity.strength.strong"), "", false},
		{"Åsa Öberg", "asa@example.se", passphrase, passphrase, tr("identity.strength.strong"), "", true},
	}
	for i, st := range steps {
		c.name.SetText(st.name)
		c.email.SetText(st.email)
		c.pass.pass.SetText(st.pass)
		c.pass.repeat.SetText(st.repeat)
		if c.pass.strength.Text != st.strength || c.pass.mismatch.Text != st.mismatch || c.createBtn.Disabled() == st.enabled {
			t.Errorf("step %d: strength %q, mismatch %q, create enabled %v; want %q, %q, %v", i,
				c.pass.strength.Text, c.pass.mismatch.Text, !c.createBtn.Disabled(), st.strength, st.mismatch, st.enabled)
		}
	}
	c.title.SetText("Förvaltningschef")
	// Return in the last field submits the valid form. The handler is called directly: the
	// entry's own redraw after TypedKey would race with the background work in the test driver.
	c.pass.repeat.OnSubmitted(c.pass.repeat.Text)
	f.wg.Wait()
	if c.status.Importance == widget.DangerImportance {
		t.Fatalf("create failed: %s", c.status.Text)
	}
	st, err := os.Stat(identity.DefaultPath(fx.config))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("identity file: %v %v", err, st)
	}
	if _, err := unlock(fx.config, passphrase); err != nil {
		t.Fatalf("the saved identity does not open with the passphrase: %v", err)
	}

	// Socialnämnden's register has sensitive systems: the policy warning comes next.
	s := f.sensitive
	if s == nil {
		t.Fatal("no warning about sensitive register details")
	}
	if !s.next.Disabled() {
		t.Error("continue is possible before the user confirms")
	}
	test.Tap(s.confirm)
	if s.next.Disabled() {
		t.Fatal("continue still disabled after confirming")
	}
	test.Tap(s.next)

	// The identity was just made: no passphrase is asked again.
	sg := f.sign
	if sg == nil {
		t.Fatal("no sign dialog")
	}
	if want := "Handlingsplan 2027 Socialnämnden v1.pdf"; sg.name.Text != want || sg.folder.Text != fx.out {
		t.Errorf("save as %q in %q, want %q in %q", sg.name.Text, sg.folder.Text, want, fx.out)
	}
	if !strings.HasPrefix(sg.signer.Text, "Åsa Öberg, Förvaltningschef") {
		t.Errorf("signer %q", sg.signer.Text)
	}
	test.Tap(sg.sign)
	f.wg.Wait()
	if f.done == nil {
		t.Fatalf("no result dialog; error %q", f.err)
	}
	path := filepath.Join(fx.out, "Handlingsplan 2027 Socialnämnden v1.pdf")
	if !strings.Contains(f.done.text.Text, "Sparat: "+path) || !strings.Contains(f.done.text.Text, "e-post") {
		t.Errorf("result text %q", f.done.text.Text)
	}
	if fx.done != 1 {
		t.Errorf("OnDone called %d times", fx.done)
	}
	if f.progress.bar.Value != 1 {
		t.Errorf("progress ended at %v", f.progress.bar.Value)
	}
	test.Tap(f.done.openFolder)
	if len(fx.opened) != 1 || fx.opened[0] != fx.out {
		t.Errorf("opened %v, want the folder %s", fx.opened, fx.out)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	certs, err := storedCert(fx.config)
	if err != nil {
		t.Fatal(err)
	}
	r := submission.Verify(pdf, submission.Trust{Signers: []*x509.Certificate{certs[0]}}, time.Now())
	if r.Verdict != submission.Valid || r.Payload.Version != 1 || r.Signer.Subject.CommonName != "Åsa Öberg" {
		t.Errorf("verify: %s %s, version %v", r.Verdict, r.Reason, r.Payload)
	}
	if p, _ := fx.store.Plan(fx.planID); p.Status != domain.PlanSigned || p.Version != 1 {
		t.Errorf("plan %s v%d after export", p.Status, p.Version)
	}
}

func TestExportWrongPassphraseThenRight(t *testing.T) {
	fx := newFixture(t)
	fx.saveTestIdentity(t)
	f := fx.flow()
	f.start()
	if f.setupDlg != nil {
		t.Fatal("asked to set up an identity although one exists")
	}
	test.Tap(f.sensitive.confirm)
	test.Tap(f.sensitive.next)
	sg := f.sign
	if sg.signer.Text != "Åsa Öberg, Förvaltningschef" {
		t.Errorf("signer %q, from the certificate file", sg.signer.Text)
	}
	test.Type(sg.pass, "fel lösenfras")
	test.Tap(sg.sign)
	f.wg.Wait()
	if sg.status.Text != tr("identity.err.wrong_passphrase") || sg.pass.Text != "" || f.progress != nil {
		t.Fatalf("after a wrong passphrase: status %q, entry %q, export started %v", sg.status.Text, sg.pass.Text, f.progress != nil)
	}
	test.Type(sg.pass, passphrase)
	test.Tap(sg.sign)
	f.wg.Wait()
	if f.done == nil {
		t.Fatalf("no result after the right passphrase; error %q", f.err)
	}
}

func TestExportOverwriteAndUnwritableFolder(t *testing.T) {
	fx := newFixture(t)
	fx.saveTestIdentity(t)
	name := "Handlingsplan 2027 Socialnämnden v1.pdf"
	old := []byte("%PDF-1.7 an earlier file")
	path := filepath.Join(fx.out, name)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	f := fx.flow()
	f.start()
	test.Tap(f.sensitive.confirm)
	test.Tap(f.sensitive.next)
	sg := f.sign

	// A folder that does not exist is caught before anything is signed.
	sg.folder.SetText(filepath.Join(fx.out, "borta"))
	test.Type(sg.pass, passphrase)
	test.Tap(sg.sign)
	if !strings.Contains(sg.status.Text, "borta finns inte") || f.progress != nil {
		t.Fatalf("missing folder: status %q", sg.status.Text)
	}

	// The existing file is kept unless the user says replace.
	sg.folder.SetText(fx.out)
	test.Tap(sg.sign)
	if sg.overwrite == nil {
		t.Fatal("no question before replacing an existing file")
	}
	test.Tap(sg.overwrite.cancel)
	f.wg.Wait()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) || f.progress != nil {
		t.Fatal("the file was replaced although the user cancelled")
	}
	test.Tap(sg.sign)
	test.Tap(sg.overwrite.yes)
	f.wg.Wait()
	if f.done == nil {
		t.Fatalf("no result; error %q", f.err)
	}
	if got, _ := os.ReadFile(path); bytes.Equal(got, old) || !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Error("the file was not replaced by the signed plan")
	}
}

func TestExportBlockedPlan(t *testing.T) {
	fx := newFixture(t)
	b, _ := fx.store.BoardByName("Socialnämnden")
	pid, err := fx.store.AddPlan(domain.Plan{BoardID: b.ID, Year: 2028})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		hasReview bool
	}{
		{"without review hook", false},
		{"with review hook", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := fx.env
			var reviewed []int64
			if tc.hasReview {
				env.OnReview = func(id int64) { reviewed = append(reviewed, id) }
			}
			f := newFlow(env, pid)
			fx.seams(f.ui)
			f.start()
			if f.blocked == nil {
				t.Fatal("a plan with blocking problems was not stopped")
			}
			if f.setupDlg != nil || f.sign != nil {
				t.Error("the flow went on past the problems")
			}
			all := strings.Join(f.blocked.lines, "\n")
			for _, want := range []string{"Planen: Fyll i ansvarig.", "Planen: Planen har inga åtgärder."} {
				if !strings.Contains(all, want) {
					t.Errorf("problem list lacks %q:\n%s", want, all)
				}
			}
			if (f.blocked.review != nil) != tc.hasReview {
				t.Fatalf("review button shown %v, want %v", f.blocked.review != nil, tc.hasReview)
			}
			if !tc.hasReview {
				test.Tap(f.blocked.close)
				return
			}
			if f.blocked.review.Text != tr("export.ui.go_to_review") {
				t.Errorf("review button says %q", f.blocked.review.Text)
			}
			test.Tap(f.blocked.review)
			if len(reviewed) != 1 || reviewed[0] != pid {
				t.Errorf("OnReview got %v, want [%d]", reviewed, pid)
			}
			if fx.win.Canvas().Overlays().Top() != nil {
				t.Error("the dialog stayed open after going to the review")
			}
		})
	}
}
