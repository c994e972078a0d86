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
	rows, cols := iv.table.Length()
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
	iv.table.Select(widget.TableCellID{Row: 2, Col: 0})
	if !strings.HasPrefix(iv.detail.Text, "3-andrad.pdf: Avvisad. Filen har ändrats") || iv.approveBtn.Visible() {
		t.Errorf("detail %q, approve visible %v", iv.detail.Text, iv.approveBtn.Visible())
	}
	iv.table.Select(widget.TableCellID{Row: 1, Col: 0})
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
	iv.table.Select(widget.TableCellID{Row: 3, Col: 0})
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

func TestApproveUnknownSignerDialog(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	stranger := testID(t, "Bo Ek", "Kulturnämnden")
	dir := writeFiles(t, map[string][]byte{"kultur.pdf": sealed(t, "Kulturnämnden", 2027, 1, stranger)})
	f.v.imp.start([]string{dir})
	f.v.wait()
	iv := f.v.imp
	iv.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(iv.approveBtn)
	texts := overlayTexts(t, f.w)
	grouped := identity.GroupedFingerprint(stranger.Cert)
	for _, want := range []string{"Bo Ek", "Kulturnämnden", "kansli@exempelby.se", fingerprintLines(grouped), "kultur.pdf (Kulturnämnden 2027, version 1)", "Ring avsändaren",
		"Kulturnämnden finns inte bland era nämnder ännu"} {
		if !strings.Contains(texts, want) {
			t.Errorf("approve dialog lacks %q:\n%s", want, texts)
		}
	}
	shot(t, f.w, "approve-dialog")
	tapOverlayButton(t, f.w, "Godkänn och läs in")
	f.v.wait()
	if got := verdicts(iv.results); got != "kultur.pdf=accepted_new" {
		t.Errorf("after approval: %s", got)
	}
	if len(f.v.trust.pending) != 0 || len(f.v.trust.items) != 1 || f.v.trust.cell(0, 0) != "Godkänd undertecknare" {
		t.Errorf("trust tab: %d pending, %d items", len(f.v.trust.pending), len(f.v.trust.items))
	}
	if len(f.v.hist.groups) != 1 || f.v.hist.groups[0].current != 1 {
		t.Errorf("history: %+v", f.v.hist.groups)
	}
}

func TestHistoryAndRemoveTrust(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string][]byte{
		"v1.pdf": sealed(t, "Socialnämnden", 2027, 1, official),
		"v3.pdf": sealed(t, "Socialnämnden", 2027, 3, official),
		"v2.pdf": sealed(t, "Socialnämnden", 2027, 2, official),
	})
	f.v.imp.start([]string{filepath.Join(dir, "v1.pdf"), filepath.Join(dir, "v3.pdf"), filepath.Join(dir, "v2.pdf")})
	f.v.wait()
	h := f.v.hist
	f.v.tabs.SelectIndex(1)
	// Before a plan is chosen the right pane says what to do, not nothing.
	if !h.pick.Visible() || h.detail.Visible() || h.pick.Text != "Välj en plan i listan" {
		t.Errorf("no plan chosen: hint shown %v (%q), versions shown %v", h.pick.Visible(), h.pick.Text, h.detail.Visible())
	}
	h.list.Select(0)
	if h.pick.Visible() || !h.detail.Visible() {
		t.Errorf("plan chosen: hint shown %v, versions shown %v", h.pick.Visible(), h.detail.Visible())
	}
	if len(h.subs) != 3 {
		t.Fatalf("%d versions shown", len(h.subs))
	}
	var rows []string
	for r := range h.subs {
		rows = append(rows, h.cell(r, hcolVersion)+":"+h.cell(r, hcolCurrent)+":"+h.cell(r, hcolSigner)+":"+h.cell(r, hcolTrust))
	}
	if got := strings.Join(rows, " | "); got != "3:Gällande:Åsa Öberg:Betrodd | 2::Åsa Öberg:Betrodd | 1::Åsa Öberg:Betrodd" {
		t.Errorf("versions: %s", got)
	}
	if h.groupText(h.groups[0]) != "2027 · Socialnämnden · version 3" {
		t.Errorf("group %q", h.groupText(h.groups[0]))
	}
	shot(t, f.w, "history")

	// Re-check the kept file of version 2.
	h.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(h.checkBt)
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "Underskriften är giltig") {
		t.Errorf("recheck says:\n%s", texts)
	}
	f.w.Canvas().Overlays().Top().Hide()
	f.w.Canvas().Overlays().Remove(f.w.Canvas().Overlays().Top())

	// Remove the signer from the trust list, after the confirmation.
	f.v.tabs.SelectIndex(2)
	tv := f.v.trust
	tv.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(tv.removeBtn)
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "Ingenting som redan är inläst tas bort") {
		t.Errorf("confirmation:\n%s", texts)
	}
	shot(t, f.w, "trust-remove-confirm")
	tapOverlayButton(t, f.w, "Ta bort")
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "3 inlästa inlämningar är markerade") {
		t.Errorf("after removal:\n%s", texts)
	}
	if len(tv.items) != 0 {
		t.Errorf("still listed: %d", len(tv.items))
	}
	if h.cell(0, hcolTrust) != "Inte längre betrodd" || !strings.Contains(h.groupText(h.groups[0]), "inte längre betrodd") {
		t.Errorf("history after removal: %q / %q", h.cell(0, hcolTrust), h.groupText(h.groups[0]))
	}
	if n, _ := f.store.Submissions("", 0); len(n) != 3 {
		t.Errorf("removing trust deleted submissions: %d", len(n))
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

func TestSigningCATab(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	c := f.v.ca
	f.v.tabs.SelectIndex(3)
	if c.createBtn == nil || !strings.Contains(c.name.Text, "signerings-CA") {
		t.Fatalf("no create form (name %q)", c.name.Text)
	}
	shot(t, f.w, "ca-create")
	cases := []struct {
		pass, again string
		err         error
	}{
		{"Blåbär på ängen i höst", "Blåbär på ängen i vår", errPassMismatch},
		{"kort", "kort", errPassWeak},
		{"Blåbär på ängen i höst", "Blåbär på ängen i höst", nil},
	}
	for _, tc := range cases {
		test.Type(c.pass, "")
		c.pass.SetText(tc.pass)
		c.again.SetText(tc.again)
		if err := c.checkCreate(); err != tc.err {
			t.Errorf("%q/%q: %v, want %v", tc.pass, tc.again, err, tc.err)
		}
	}
	if c.hint.Text != i18n.New(i18n.Swedish).T("identity.strength.strong") {
		t.Errorf("strength hint %q", c.hint.Text)
	}
	test.Tap(c.createBtn)
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "är skapat och finns i listan över betrodda") {
		t.Errorf("created:\n%s", texts)
	}
	if c.issueBtn == nil || c.certBtn.Disabled() {
		t.Fatal("no issue button after creating the CA")
	}
	shot(t, f.w, "ca-exists")
	if len(f.v.trust.items) != 1 || f.v.trust.cell(0, 0) != "Kommunens signerings-CA" {
		t.Errorf("trust list: %d", len(f.v.trust.items))
	}

	// An official's request, issued from the tab, accepted by the official's app.
	official, err := identity.New(identity.Subject{Name: "Cecilia Lind", Title: "Förvaltningschef", Board: "Miljönämnden"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	req, err := identity.Request(official)
	if err != nil {
		t.Fatal(err)
	}
	c.showIssue(req)
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "Cecilia Lind") || !strings.Contains(texts, "Förvaltningschef") {
		t.Errorf("issue dialog:\n%s", texts)
	}
	shot(t, f.w, "ca-issue")
	var answer []byte
	c.issue(req, "Miljönämnden", 2, "fel lösenfras", func(a []byte, _ string) { answer = a })
	f.v.wait()
	if answer != nil || !strings.Contains(overlayTexts(t, f.w), "Lösenfrasen stämmer inte") {
		t.Error("issued with a wrong passphrase")
	}
	c.issue(req, "Miljönämnden", 2, "Blåbär på ängen i höst", func(a []byte, name string) {
		answer = a
		if name != "Cecilia Lind" {
			t.Errorf("name %q", name)
		}
	})
	f.v.wait()
	if err := identity.Accept(official, answer); err != nil {
		t.Fatal(err)
	}
	// Her submission is trusted without approval.
	dir := writeFiles(t, map[string][]byte{"miljo.pdf": sealed(t, "Miljönämnden", 2027, 1, official)})
	f.v.imp.start([]string{dir})
	f.v.wait()
	if got := verdicts(f.v.imp.results); got != "miljo.pdf=accepted_new" {
		t.Errorf("CA-issued submission: %s", got)
	}
	if answerName("Cecilia Lind (förv.)") != "cecilia-lind-förv-certifikat.pem" {
		t.Errorf("answer name %q", answerName("Cecilia Lind (förv.)"))
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
