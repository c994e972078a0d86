package coordinator

import (
	"bytes"
	"crypto/x509"
	"database/sql"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/signintech/gopdf"

	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
	"handlingsplan/app/submission"
	"handlingsplan/assets"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var (
	idMu  sync.Mutex
	idMap = map[string]*identity.Identity{}
)

func testID(t *testing.T, name, board string) *identity.Identity {
	t.Helper()
	idMu.Lock()
	defer idMu.Unlock()
	if id, ok := idMap[name]; ok {
		return id
	}
	id, err := identity.New(identity.Subject{Name: name, Title: "Förvaltningschef", Board: board, Email: "kansli@exempelby.se"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	idMap[name] = id
	return id
}

var noConfigDir = sync.OnceFunc(api.DisableConfigDir)

// sealed is a small real submission of board for year, version v, signed by id.
func sealed(t *testing.T, board string, year, v int, id *identity.Identity) []byte {
	t.Helper()
	return sealedHours(t, board, year, v, id, 20)
}

// sealedHours is sealed with the plan's one activity taking hours internal hours.
func sealedHours(t *testing.T, board string, year, v int, id *identity.Identity, hours int64) []byte {
	t.Helper()
	noConfigDir()
	gp := gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := gp.AddTTFFontData("dejavu", assets.FontRegular); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont("dejavu", "", 12); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.Cell(nil, fmt.Sprintf("Handlingsplan %d – %s", year, board)); err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if _, err := gp.WriteTo(&pdf); err != nil {
		t.Fatal(err)
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	p := submission.Payload{
		Schema: submission.SchemaVersion, AppVersion: "test", Kommun: prof.Kommun, Board: board, Year: year, Version: v,
		CreatedAt: time.Now().UTC(), Goals: prof.Goals, HoursPerFTE: prof.HoursPerFTE,
		Plan: domain.PlanData{
			Plan:       domain.Plan{Board: board, Year: year, Status: domain.PlanSigned, Responsible: "Förvaltningschef"},
			Activities: []domain.Activity{{Position: 1, Title: "Behörighetsöversyn", Goals: []int{1}, InternalHours: hours}},
		},
	}
	out, err := submission.Seal(pdf.Bytes(), p, id.Key, append([]*x509.Certificate{id.Cert}, id.Chain...),
		submission.SignInfo{Name: id.Cert.Subject.CommonName, Reason: "Handlingsplan"})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type fixture struct {
	v     *View
	w     fyne.Window
	store *data.Store
	db    string
	cfg   string
}

func newFixture(t *testing.T, lang i18n.Lang) *fixture {
	t.Helper()
	test.NewTempApp(t)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "samordnare.db")
	s, err := data.Open(dbPath, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	cfg := filepath.Join(dir, "config")
	v := New(Env{Window: w, Store: s, Loc: i18n.New(lang), ConfigDir: cfg})
	w.SetContent(v.Build())
	w.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(func() { v.Flush() })
	return &fixture{v: v, w: w, store: s, db: dbPath, cfg: cfg}
}

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// shot saves what the window shows as PNG under $HP_SHOTS (when set), to look at by eye.
func shot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("HP_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// overlayTexts are the texts of every label in the topmost dialog.
func overlayTexts(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// tapOverlayButton taps the button with text in the topmost dialog.
func tapOverlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if btn, ok := o.(*widget.Button); ok && btn.Text == text {
			test.Tap(btn)
			return
		}
	}
	t.Fatalf("no button %q in the dialog", text)
}

func verdicts(rs []importer.Result) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.Name()+"="+string(r.Verdict))
	}
	return strings.Join(s, " ")
}

func TestImportFolderShowsVerdictRows(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	stranger := testID(t, "Bo Ek", "Kulturnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	good := sealed(t, "Socialnämnden", 2027, 1, official)
	bad := bytes.Clone(good)
	bad[len(bad)/3] ^= 1
	dir := writeFiles(t, map[string][]byte{
		"1-social.pdf":   good,
		"2-kultur.pdf":   sealed(t, "Kulturnämnden", 2027, 1, stranger),
		"3-andrad.pdf":   bad,
		"4-miljo-v2.pdf": sealed(t, "Miljönämnden", 2027, 2, official),
		"anteckning.txt": []byte("inte med"),
	})
	f.v.imp.start([]string{dir})
	f.v.wait()
	iv := f.v.imp
	// Åsa's certificate is trusted for Socialnämnden only: her Miljönämnden plan waits.
	if got := verdicts(iv.results); got != "1-social.pdf=accepted_new 2-kultur.pdf=unknown_signer 3-andrad.pdf=rejected 4-miljo-v2.pdf=unknown_signer" {
		t.Fatalf("verdicts: %s", got)
	}
	rows, cols := iv.table.Count(), len(iv.table.Columns())
	if rows != 4 || cols != 6 {
		t.Errorf("table %d×%d", rows, cols)
	}
	wantCells := [][]string{
		{"1-social.pdf", "Inläst", "Socialnämnden", "2027", "1"},
		{"2-kultur.pdf", "Väntar på godkännande", "Kulturnämnden", "2027", "1"},
		{"3-andrad.pdf", "Avvisad", "", "", ""},
	}
	for r, row := range wantCells {
		for c, want := range row {
			if got := iv.cell(r, c); got != want {
				t.Errorf("cell %d,%d = %q, want %q", r, c, got, want)
			}
		}
	}
	if got := iv.cell(2, colReason); !strings.Contains(got, "ändrats efter att den undertecknades") {
		t.Errorf("plain-language reason: %q", got)
	}
	if iv.bar.Value != 4 || iv.bar.Max != 4 || !iv.filesBtn.Disabled() == false || !iv.cancelBtn.Disabled() {
		t.Errorf("progress %v/%v, buttons files %v cancel %v", iv.bar.Value, iv.bar.Max, iv.filesBtn.Disabled(), iv.cancelBtn.Disabled())
	}
	if !strings.Contains(iv.status.Text, "4 filer: 1 inläst, 2 väntar på godkännande, 1 avvisad.") || !strings.Contains(iv.status.Text, "granska undertecknaren") {
		t.Errorf("status %q", iv.status.Text)
	}
	// Selecting the damaged file explains it in full; there is nothing to approve.
	iv.table.Choose(2)
	if !strings.HasPrefix(iv.detail.Text, "3-andrad.pdf: Avvisad. Filen har ändrats") || iv.approveBtn.Visible() {
		t.Errorf("detail %q, approve visible %v", iv.detail.Text, iv.approveBtn.Visible())
	}
	iv.table.Choose(1)
	if !iv.approveBtn.Visible() {
		t.Error("no approve button for the unknown signer")
	}
	shot(t, f.w, "import-verdicts")
	// The other tabs learned about it: history has the board, the trust tab the waiting files.
	if len(f.v.hist.groups) != 1 || len(f.v.trust.pending) != 2 {
		t.Errorf("history %d groups, %d pending", len(f.v.hist.groups), len(f.v.trust.pending))
	}
	if got := iv.cell(3, colReason); !strings.Contains(got, "godkänd för att lämna in för Socialnämnden") {
		t.Errorf("other board's reason: %q", got)
	}
	// Approving her for Miljönämnden says what she is approved for and that the board is new.
	iv.table.Choose(3)
	test.Tap(iv.approveBtn)
	texts := overlayTexts(t, f.w)
	for _, want := range []string{"inte godkänd för den nämnd", "Socialnämnden\nMiljönämnden\n", "Miljönämnden finns inte bland era nämnder ännu"} {
		if !strings.Contains(texts, want) {
			t.Errorf("approve dialog lacks %q:\n%s", want, texts)
		}
	}
	shot(t, f.w, "approve-other-board")
	tapOverlayButton(t, f.w, "Godkänn och läs in")
	f.v.wait()
	if len(f.v.hist.groups) != 2 || len(f.v.trust.pending) != 1 || len(f.v.trust.items) != 1 || f.v.trust.cell(0, 1) != "Åsa Öberg (Miljönämnden, Socialnämnden)" {
		t.Errorf("after approval: history %d groups, %d pending, %d trusted", len(f.v.hist.groups), len(f.v.trust.pending), len(f.v.trust.items))
	}
}

func TestDropOnWindowImports(t *testing.T) {
	f := newFixture(t, i18n.English)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string][]byte{"a.pdf": sealed(t, "Socialnämnden", 2027, 1, official), "b.pdf": sealed(t, "Socialnämnden", 2027, 2, official)})
	f.v.tabs.SelectIndex(2)
	// A dropped folder and one file from it again: the file comes once as a duplicate.
	f.v.imp.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(dir), storage.NewFileURI(filepath.Join(dir, "a.pdf")), nil})
	f.v.wait()
	if got := verdicts(f.v.imp.results); got != "a.pdf=accepted_new b.pdf=accepted_newer" {
		t.Errorf("verdicts: %s", got)
	}
	if f.v.tabs.SelectedIndex() != 0 {
		t.Error("dropping did not show the import tab")
	}
	if !strings.Contains(f.v.imp.cell(1, colVerdict), "Imported, new version") {
		t.Errorf("English verdict %q", f.v.imp.cell(1, colVerdict))
	}
	f.v.imp.onDropped(fyne.NewPos(0, 0), []fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), "empty"))})
	f.v.wait()
	if got := verdicts(f.v.imp.results); !strings.Contains(got, "empty=rejected") {
		t.Errorf("missing path: %s", got)
	}
}

func TestCancelButton(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for i := 1; i <= 8; i++ {
		files[fmt.Sprintf("%d.pdf", i)] = sealed(t, "Socialnämnden", 2027, i, official)
	}
	dir := writeFiles(t, files)
	// Hold the database's write lock so the import waits on its first file while we cancel.
	raw, err := sql.Open("sqlite3", "file:"+f.db+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	f.v.imp.start([]string{dir})
	if f.v.imp.filesBtn.Disabled() != true || f.v.imp.cancelBtn.Disabled() {
		t.Error("buttons not switched while running")
	}
	f.v.imp.onCancel()
	time.Sleep(50 * time.Millisecond)
	if _, err := conn.ExecContext(t.Context(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	f.v.wait()
	iv := f.v.imp
	if len(iv.results) >= 8 || !strings.Contains(iv.status.Text, "Inläsningen avbröts") {
		t.Errorf("%d results, status %q", len(iv.results), iv.status.Text)
	}
	subs, _ := f.store.Submissions("", 0)
	if len(subs) != len(iv.results) {
		t.Errorf("%d stored for %d results", len(subs), len(iv.results))
	}
	if iv.filesBtn.Disabled() || !iv.cancelBtn.Disabled() {
		t.Error("buttons not restored")
	}
}

// Leaving the area while an import runs stops it after the current file and drops the late
// results; the database keeps exactly what was stored.
func TestFlushStopsRunningImport(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for i := 1; i <= 5; i++ {
		files[fmt.Sprintf("%d.pdf", i)] = sealed(t, "Socialnämnden", 2027, i, official)
	}
	dir := writeFiles(t, files)
	raw, err := sql.Open("sqlite3", "file:"+f.db+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	f.v.imp.start([]string{dir})
	go func() {
		time.Sleep(100 * time.Millisecond)
		conn.ExecContext(t.Context(), "ROLLBACK")
	}()
	if err := f.v.Flush(); err != nil {
		t.Fatal(err)
	}
	f.v.wait()
	subs, _ := f.store.Submissions("", 0)
	if len(subs) >= 5 {
		t.Errorf("import not stopped: %d stored", len(subs))
	}
	if f.v.imp.running {
		t.Error("still marked running")
	}
}
