package submission

import (
	"bytes"
	"compress/zlib"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/signintech/gopdf"

	"handlingsplan/app/pdfsign"
	"handlingsplan/app/pdftest"
	"handlingsplan/assets"
	"handlingsplan/domain"
)

// reportLines is Swedish text for the test report, with letters that must survive extraction.
var reportLines = []string{
	"Handlingsplan för informationssäkerhet 2027",
	"Socialnämnden – åtgärder, tidsplan och resurser",
	"Förvaltningschefen ansvarar för uppföljning under hösten.",
	"Mål 4: krishanteringsförmågan upprätthålls.",
}

// makePDF makes a report-like PDF of n pages with gopdf, document info included.
func makePDF(tb testing.TB, pages int) []byte {
	tb.Helper()
	gp := gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	gp.SetInfo(gopdf.PdfInfo{
		Title:   "Handlingsplan 2027 – Socialnämnden",
		Author:  "Åsa Öberg",
		Subject: "Informationssäkerhet",
		Creator: "Handlingsplan test",
	})
	// The app's embedded font: the tests need nothing installed.
	if err := gp.AddTTFFontData("dejavu", assets.FontRegular); err != nil {
		tb.Fatal(err)
	}
	if err := gp.SetFont("dejavu", "", 12); err != nil {
		tb.Fatal(err)
	}
	for p := 0; p < pages; p++ {
		gp.AddPage()
		y := 60.0
		for i := 0; y < 780; i++ {
			gp.SetXY(50, y)
			line := reportLines[i%len(reportLines)]
			if i == 0 {
				line = fmt.Sprintf("%s (sida %d)", reportLines[0], p+1)
			}
			if err := gp.Cell(nil, line); err != nil {
				tb.Fatal(err)
			}
			y += 18
		}
	}
	var b bytes.Buffer
	if _, err := gp.WriteTo(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// identity is a key with its certificate chain, leaf first.
type identity struct {
	key   *rsa.PrivateKey
	chain []*x509.Certificate
}

func (id identity) cert() *x509.Certificate { return id.chain[0] }

var (
	keyMu    sync.Mutex
	keyCache = map[string]*rsa.PrivateKey{}
)

// testKey returns an RSA-2048 key per name, made once per test binary (they are slow to make).
func testKey(tb testing.TB, name string) *rsa.PrivateKey {
	tb.Helper()
	keyMu.Lock()
	defer keyMu.Unlock()
	if k, ok := keyCache[name]; ok {
		return k
	}
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	keyCache[name] = k
	return k
}

var serial int64 = 100

func nextSerial() *big.Int {
	keyMu.Lock()
	defer keyMu.Unlock()
	serial++
	return big.NewInt(serial)
}

// newCA makes a self-signed CA valid around now.
func newCA(tb testing.TB, cn string) identity {
	tb.Helper()
	key := testKey(tb, "ca:"+cn)
	tmpl := &x509.Certificate{
		SerialNumber:          nextSerial(),
		Subject:               pkix.Name{CommonName: cn, Organization: []string{"Exempelby kommun"}},
		NotBefore:             time.Now().Add(-24 * time.Hour),
		NotAfter:              time.Now().Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return identity{key: key, chain: []*x509.Certificate{c}}
}

// newSigner makes a signer certificate for cn, issued by issuer (nil: self-issued), with e-mail
// protection and digital signature; edit may change the template.
func newSigner(tb testing.TB, cn string, issuer *identity, edit func(*x509.Certificate)) identity {
	tb.Helper()
	key := testKey(tb, "leaf:"+cn)
	tmpl := &x509.Certificate{
		SerialNumber: nextSerial(),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Socialnämnden"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(2 * 365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
	}
	if edit != nil {
		edit(tmpl)
	}
	parent, parentKey := tmpl, key
	var rest []*x509.Certificate
	if issuer != nil {
		parent, parentKey, rest = issuer.cert(), issuer.key, issuer.chain
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return identity{key: key, chain: append([]*x509.Certificate{c}, rest...)}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var policyGoals = []domain.Goal{
	{Number: 1, Text: "all personal har kunskap om gällande informationssäkerhetsregler"},
	{Number: 2, Text: "informationsförsörjningen är säker, effektiv och bidrar till ökat skydd och stöd för medarbetare, samverkande partners och tredje man"},
	{Number: 3, Text: "ingångna avtal är kända och följs"},
	{Number: 4, Text: "krishanteringsförmågan upprätthålls"},
	{Number: 5, Text: "alla investeringar både i form av information och teknisk utrustning har skydd i tillräcklig grad"},
	{Number: 6, Text: "det finns tillgång till en gemensam, säker och väl definierad infrastruktur för extern och intern datakommunikation"},
	{Number: 7, Text: "hotbilden för varje enskilt informationssystem som är av vikt för vår verksamhet analyseras fortlöpande"},
	{Number: 8, Text: "händelser i informationssystemen som kan leda till negativa konsekvenser förebyggs"},
}

// samplePayload is a realistic submission of Socialnämnden for 2027 with last year's follow-up.
func samplePayload() Payload {
	prev := domain.PlanData{
		Plan: domain.Plan{Board: "Socialnämnden", Year: 2026, Status: domain.PlanClosed, Version: 2,
			Responsible: "Åsa Öberg", Checks: [3]domain.Check{{Result: domain.CheckYes, Text: "Alla åtgärder är klara."},
				{Result: domain.CheckPartly, Text: "Mål 7 följdes upp i december."}, {Result: domain.CheckYes}},
			UpdatedAt: time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)},
		Activities: []domain.Activity{{Position: 1, Title: "Utbilda chefer i KLASSA", Goals: []int{1}, Priority: domain.PriorityHigh,
			Start: day(2026, 2, 1), End: day(2026, 5, 31), InternalHours: 40, Status: domain.ActivityDone, PercentDone: 100,
			ActualHours: 38, FollowUpComment: "Genomförd enligt plan."}},
	}
	return Payload{
		Schema:      SchemaVersion,
		AppVersion:  "1.0.0",
		Kommun:      "Exempelby kommun",
		Board:       "Socialnämnden",
		Year:        2027,
		Version:     3,
		CreatedAt:   time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC),
		Goals:       slices.Clone(policyGoals),
		HoursPerFTE: 1700,
		Sensitive:   true,
		Plan: domain.PlanData{
			Plan: domain.Plan{Board: "Socialnämnden", Year: 2027, Status: domain.PlanReady, Version: 3,
				Responsible: "Åsa Öberg", Contact: "asa.oberg@exempelby.se", DecisionDate: day(2026, 12, 10),
				DecisionParagraph: "§ 142", UpdatedAt: time.Date(2026, 11, 20, 14, 0, 0, 0, time.UTC)},
			Activities: []domain.Activity{
				{Position: 1, Title: "Riskanalys av verksamhetssystemet", Description: "Workshop med förvaltningens nyckelpersoner; resultat i <risk>-registret & åtgärdslista.",
					Goals: []int{7, 8}, Priority: domain.PriorityHigh, Responsible: "IT-samordnare", Start: day(2027, 2, 1), End: day(2027, 4, 30),
					InternalHours: 120, ExternalHours: 40, OperatingCost: 85000, Status: domain.ActivityNotStarted},
				{Position: 2, Title: "Kontinuitetsplan för äldreomsorgen", Goals: []int{4}, Priority: domain.PriorityMedium,
					Start: day(2027, 3, 1), End: day(2027, 10, 31), InternalHours: 200, Investment: 250000},
			},
			Trainings: []domain.Training{{Position: 1, Title: "Grundkurs informationssäkerhet", TargetGroup: "Alla medarbetare",
				Format: domain.FormatELearning, Dates: []time.Time{day(2027, 3, 15), day(2027, 9, 13)}, ExpectedParticipants: 450,
				Evaluation: "Kunskapstest i kursen"}},
			Checkpoints: []domain.Checkpoint{{Position: 1, Date: day(2027, 6, 15), Method: "Avstämning i ledningsgruppen", ReportTo: "Socialnämnden"}},
			Systems: []domain.System{{Name: "Treserva", Description: "Verksamhetssystem för socialtjänsten", Owner: "Förvaltningschef",
				Confidentiality: 4, Integrity: 3, Availability: 3, Traceability: 3, BaselineMet: true,
				SecurityPlan: domain.SecurityPlanDeepened, SecurityPlanAt: day(2026, 5, 1), Sensitive: true},
				{Name: "Intranät", Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1, SecurityPlan: domain.SecurityPlanNone}},
			Previous: &prev,
		},
	}
}

var (
	plainOnce sync.Once
	plainPDF  []byte
)

// onePagePDF is a cached small report (making one is not free under -race).
func onePagePDF(tb testing.TB) []byte {
	tb.Helper()
	plainOnce.Do(func() { plainPDF = makePDF(tb, 1) })
	if plainPDF == nil {
		tb.Fatal("no test PDF")
	}
	return bytes.Clone(plainPDF)
}

var testSignInfo = SignInfo{
	Name:        "Åsa Öberg-Čapek (t.f.) \\ Ärende",
	Reason:      "Inlämning av handlingsplan 2027 (Socialnämnden)",
	Location:    "Exempelby",
	ContactInfo: "asa.oberg@exempelby.se",
}

var buildPDF = pdftest.Build

func zlibBytes(data []byte) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.String()
}

// attachmentPDF is a minimal PDF with one embedded file named name holding stream body.
func attachmentPDF(name, streamDict, data string) []byte {
	return buildPDF(map[int]string{
		1: "<</Type/Catalog/Names 2 0 R>>",
		2: fmt.Sprintf("<</EmbeddedFiles<</Names[(%s) 3 0 R]>>>>", name),
		3: "<</Type/Filespec/EF<</F 4 0 R>>>>",
		4: fmt.Sprintf("<<%s/Length %d>>\nstream\n%s\nendstream", streamDict, len(data), data),
	}, "")
}

// signPDF signs data as Seal does, without attaching anything first.
func signPDF(data []byte, key *rsa.PrivateKey, chain []*x509.Certificate, info SignInfo) ([]byte, error) {
	return pdfsign.Sign(data, key, chain, info)
}
