package importer

import (
	"bytes"
	"crypto/x509"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/signintech/gopdf"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/assets"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// Test fixtures: real submissions made the way the board's app makes them (a gopdf PDF, the
// payload attached and signed by submission.Seal with an identity), and hand-made damage.

var disablePdfcpuConfig = sync.OnceFunc(api.DisableConfigDir)

func testProfile(tb testing.TB) domain.Profile {
	tb.Helper()
	p, err := domain.DefaultProfile()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

var (
	idMu    sync.Mutex
	idCache = map[string]*identity.Identity{}
)

// signerID returns a self-issued identity per name, made once per test binary (RSA keys are slow).
func signerID(tb testing.TB, name, board string) *identity.Identity {
	tb.Helper()
	idMu.Lock()
	defer idMu.Unlock()
	key := name + "|" + board
	if id, ok := idCache[key]; ok {
		return id
	}
	id, err := identity.New(identity.Subject{Name: name, Board: board, Title: "Förvaltningschef", Kommun: "Exempelby kommun"},
		time.Now(), 5*365*24*time.Hour)
	if err != nil {
		tb.Fatal(err)
	}
	idCache[key] = id
	return id
}

// smallPDF is a one-page report stand-in with Swedish text, made with gopdf like the real one.
func smallPDF(tb testing.TB, title string) []byte {
	tb.Helper()
	gp := gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := gp.AddTTFFontData("dejavu", assets.FontRegular); err != nil {
		tb.Fatal(err)
	}
	if err := gp.SetFont("dejavu", "", 12); err != nil {
		tb.Fatal(err)
	}
	gp.AddPage()
	gp.SetXY(50, 60)
	if err := gp.Cell(nil, title); err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := gp.WriteTo(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// smallPlan is a valid plan of board for year with a register and one activity per goal given.
func smallPlan(board string, year int, title string) domain.PlanData {
	return domain.PlanData{
		Plan: domain.Plan{Board: board, Year: year, Status: domain.PlanSigned, Responsible: "Förvaltningschef"},
		Activities: []domain.Activity{
			{Position: 1, Title: title, Description: "Genomgång av behörigheter", Goals: []int{1, 7}, Priority: domain.PriorityHigh,
				Start: time.Date(year, 2, 1, 0, 0, 0, 0, time.UTC), End: time.Date(year, 4, 30, 0, 0, 0, 0, time.UTC),
				InternalHours: 40, OperatingCost: 25000, SystemIDs: []int64{5}},
			{Position: 2, Title: "Utbildning i informationssäkerhet", Goals: []int{1}, ExternalHours: 8},
		},
		Trainings:   []domain.Training{{Position: 1, Title: "E-utbildning", Format: domain.FormatELearning, ExpectedParticipants: 120}},
		Checkpoints: []domain.Checkpoint{{Position: 1, Date: time.Date(year, 10, 15, 0, 0, 0, 0, time.UTC), Method: "Avstämning", ReportTo: "Nämnden"}},
		Systems:     []domain.System{{ID: 5, Name: "Ärendesystem", Owner: "Förvaltningschef", Confidentiality: 3, Integrity: 2, Availability: 2, Traceability: 3}},
	}
}

func payloadFor(tb testing.TB, d domain.PlanData, version int) submission.Payload {
	tb.Helper()
	prof := testProfile(tb)
	return submission.Payload{
		Schema: submission.SchemaVersion, AppVersion: "0.1.0-test", Kommun: prof.Kommun,
		Board: d.Plan.Board, Year: d.Plan.Year, Version: version, CreatedAt: time.Now().UTC().Truncate(time.Second),
		Goals: prof.Goals, HoursPerFTE: prof.HoursPerFTE, Plan: d, Sensitive: sensitive(d),
	}
}

func sensitive(d domain.PlanData) bool {
	for _, s := range d.Systems {
		if s.Sensitive {
			return true
		}
	}
	return d.Previous != nil && sensitive(*d.Previous)
}

// seal signs payload p on pdf with id, as the board's export does.
func seal(tb testing.TB, pdfBytes []byte, p submission.Payload, id *identity.Identity) []byte {
	tb.Helper()
	return sealAt(tb, pdfBytes, p, id, time.Time{})
}

// sealAt is seal with the signing time at (now when zero).
func sealAt(tb testing.TB, pdfBytes []byte, p submission.Payload, id *identity.Identity, at time.Time) []byte {
	tb.Helper()
	disablePdfcpuConfig()
	chain := append([]*x509.Certificate{id.Cert}, id.Chain...)
	out, err := submission.Seal(pdfBytes, p, id.Key, chain, submission.SignInfo{
		Name: id.Cert.Subject.CommonName, Reason: fmt.Sprintf("Handlingsplan för informationssäkerhet %d", p.Year), Location: "Exempelby", Time: at})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// sealed makes a submission of board, year, version signed by id.
func sealed(tb testing.TB, board string, year, version int, id *identity.Identity) []byte {
	tb.Helper()
	return sealedAt(tb, board, year, version, id, time.Time{})
}

// sealedAt is sealed with the signing time at (now when zero).
func sealedAt(tb testing.TB, board string, year, version int, id *identity.Identity, at time.Time) []byte {
	tb.Helper()
	d := smallPlan(board, year, fmt.Sprintf("Behörighetsöversyn v%d", version))
	return sealAt(tb, smallPDF(tb, fmt.Sprintf("Handlingsplan %d – %s, version %d", year, board, version)), payloadFor(tb, d, version), id, at)
}

// craft attaches raw payload bytes (anything, also what Seal refuses to write) to pdf and signs
// it with pdfsign directly, as a hostile or future program could.
func craft(tb testing.TB, pdfBytes, payload []byte, id *identity.Identity) []byte {
	tb.Helper()
	disablePdfcpuConfig()
	conf := model.NewDefaultConfiguration()
	conf.WriteXRefStream = false
	conf.WriteObjectStream = false
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(pdfBytes), conf)
	if err != nil {
		tb.Fatal(err)
	}
	mt := time.Now().UTC()
	if err := ctx.AddAttachment(model.Attachment{Reader: bytes.NewReader(payload), ID: submission.AttachmentName,
		FileName: submission.AttachmentName, ModTime: &mt}, false); err != nil {
		tb.Fatal(err)
	}
	var attached bytes.Buffer
	if err := api.WriteContext(ctx, &attached); err != nil {
		tb.Fatal(err)
	}
	return signAgain(tb, attached.Bytes(), id)
}

// signAgain adds a signature (an incremental update) to b with pdfsign.
func signAgain(tb testing.TB, b []byte, id *identity.Identity) []byte {
	tb.Helper()
	rdr, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	chain := append([]*x509.Certificate{id.Cert}, id.Chain...)
	err = sign.Sign(bytes.NewReader(b), &out, rdr, int64(len(b)), sign.SignData{
		Signature: sign.SignDataSignature{Info: sign.SignDataSignatureInfo{Name: "Test", Reason: "Test", Date: time.Now()},
			CertType: sign.ApprovalSignature},
		Signer: id.Key, DigestAlgorithm: 5, Certificate: id.Cert, CertificateChains: [][]*x509.Certificate{chain},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

var startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
var rootRE = regexp.MustCompile(`/Root\s+(\d+\s+\d+\s+R)`)
var sizeRE = regexp.MustCompile(`/Size\s+(\d+)`)

// appendUpdate adds a well-formed incremental update after the signature: a new document
// information dictionary, xref section and trailer, as a PDF editor saving the file would.
func appendUpdate(tb testing.TB, b []byte) []byte {
	tb.Helper()
	m := startxrefRE.FindSubmatch(b)
	roots := rootRE.FindAllSubmatch(b, -1)
	sizes := sizeRE.FindAllSubmatch(b, -1)
	if m == nil || len(roots) == 0 || len(sizes) == 0 {
		tb.Fatal("cannot find trailer to update")
	}
	size, _ := strconv.Atoi(string(sizes[len(sizes)-1][1]))
	out := bytes.Clone(b)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	objAt := len(out)
	out = fmt.Appendf(out, "%d 0 obj\n<< /Title (Ändrad efter underskrift) /Producer (Redigerare) >>\nendobj\n", size)
	xrefAt := len(out)
	out = fmt.Appendf(out, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n", size, objAt)
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		size+1, roots[len(roots)-1][1], size, m[1], xrefAt)
	return out
}

// stripSignature cuts a sealed file back to the revision before pdfsign's signature update:
// the attached but unsigned PDF.
func stripSignature(tb testing.TB, b []byte) []byte {
	tb.Helper()
	i := bytes.Index(b, []byte("%%EOF"))
	if i < 0 || i+5 >= len(b)-10 {
		tb.Fatal("no earlier revision")
	}
	end := i + len("%%EOF")
	for end < len(b) && (b[end] == '\n' || b[end] == '\r') {
		end++
	}
	return bytes.Clone(b[:end])
}

// testEnv is a fresh coordinator database and an importer on it.
type testEnv struct {
	store *data.Store
	im    *Importer
	path  string
	dir   string
}

func newEnv(tb testing.TB) *testEnv {
	tb.Helper()
	dir := tb.TempDir()
	path := filepath.Join(dir, "samordnare.db")
	s, err := data.Open(path, "samordnare")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.EnsureProfile(testProfile(tb)); err != nil {
		tb.Fatal(err)
	}
	return &testEnv{store: s, im: New(s), path: path, dir: dir}
}

// trustSigner approves id's certificate directly.
func (e *testEnv) trustSigner(tb testing.TB, id *identity.Identity) {
	tb.Helper()
	if _, err := e.im.AddCertificates(tb.Context(), identity.CertPEM(id.Cert)); err != nil {
		tb.Fatal(err)
	}
}

// write puts files into a new folder and returns it.
func writeDir(tb testing.TB, files map[string][]byte) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// rawDB opens a second connection to the store's file (to inject faults and count rows).
func (e *testEnv) rawDB(tb testing.TB) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.path+"?_busy_timeout=5000")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func count(tb testing.TB, db *sql.DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// snapshot is what an import may change, for comparing before and after.
func snapshot(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var b bytes.Buffer
	for _, tbl := range []string{"submissions", "plans", "activities", "systems", "trainings", "checkpoints", "trust", "boards"} {
		fmt.Fprintf(&b, "%s=%d ", tbl, count(tb, db, "SELECT count(*) FROM "+tbl))
	}
	rows, err := db.Query("SELECT board_name, year, version, current, trusted FROM submissions ORDER BY id")
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var board string
		var y, v int
		var cur, tr bool
		if err := rows.Scan(&board, &y, &v, &cur, &tr); err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(&b, "[%s %d v%d cur=%v trusted=%v]", board, y, v, cur, tr)
	}
	fmt.Fprintf(&b, " pending=%d", count(tb, db, "SELECT count(*) FROM import_log WHERE pending_pdf IS NOT NULL"))
	return b.String()
}
