package exports_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/exports"
	"handlingsplan/app/identity"
	"handlingsplan/app/overview"
	"handlingsplan/app/pdftest"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// coordinator is a coordinator identity issued by a throwaway CA.
func coordinator(t *testing.T) (*identity.Identity, *identity.Identity) {
	t.Helper()
	ca, err := identity.NewCA("Test-CA", "Demokommun", time.Now(), 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	id, err := identity.New(identity.Subject{Name: "Åsa Öberg (samordnare)", Title: "Informationssäkerhetssamordnare", Email: "asa@example.se"}, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := identity.Request(id)
	parsed, _ := identity.ParseRequest(req)
	cert, err := identity.Issue(ca, parsed, "Kommunstyrelsen", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := identity.Accept(id, identity.CertPEM(cert, ca.Cert)); err != nil {
		t.Fatal(err)
	}
	return id, ca
}

func TestReport(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	pdf, err := exports.Report(o, exports.ReportOptions{AppVersion: "1.0", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, w := range []string{"Informationssäkerhet i nämnderna", "Sammanfattning", "Inlämnade planer", "Måltäckning", "Tidsplan",
		"Information och utbildning", "Uppföljning av planerna för 2026", "Förteckning över informationssystem", "Överförmyndarnämnden",
		"Inte inlämnad", "Hela kommunen", "Möjligheter att samordna", o.Calendar.Events[0].Training.Title} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	// The kommun's total cost is printed as the overview has it.
	if w := strings.ReplaceAll(o.Loc().Kronor(o.Resources.Total.Year.Kronor()), "\u00a0", " "); !strings.Contains(strings.ReplaceAll(text, "\u00a0", " "), w) {
		t.Errorf("report lacks the total %q", w)
	}
	en, err := exports.Report(demoOverview(t, i18n.English), exports.ReportOptions{AppVersion: "1.0", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if et := pdfText(t, en); !strings.Contains(et, "Goal coverage") || !strings.Contains(et, "Whole kommun") {
		t.Error("English report is not in English")
	}
	// Document information and language, as every PDF the app writes has them.
	pdftest.Check(t, pdf, pdftest.Want{Title: o.Loc().Tf("exports.doc.title", "Kommun", o.Profile.Kommun, "Year", o.Year),
		Author: o.Profile.Kommun, Creator: "Handlingsplan 1.0", Lang: "sv", Text: []string{"Måltäckning", "Överförmyndarnämnden"}})
	pdftest.Check(t, en, pdftest.Want{Creator: "Handlingsplan 1.0", Lang: "en", Text: []string{"Goal coverage"}})
}

func TestReportSigned(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	id, ca := coordinator(t)
	pdf, err := exports.Report(o, exports.ReportOptions{AppVersion: "1.0", Now: time.Now(), Signer: id})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pdfText(t, pdf), "Signerad av Åsa Öberg (samordnare)") {
		t.Error("cover does not name the signer")
	}
	pdftest.Check(t, pdf, pdftest.Want{Author: o.Profile.Kommun, Creator: "Handlingsplan 1.0", Lang: "sv", Signed: true})
	if _, err := exec.LookPath("pdfsig"); err != nil {
		t.Skip("pdfsig is not installed")
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "ks.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("pdfsig", f).CombinedOutput()
	if !strings.Contains(string(out), "Signature is Valid") || !strings.Contains(string(out), "Åsa Öberg") {
		t.Errorf("pdfsig:\n%s", out)
	}
	// With the CA in an NSS database pdfsig also trusts the certificate.
	if _, err := exec.LookPath("certutil"); err == nil {
		nss := filepath.Join(dir, "nss")
		os.Mkdir(nss, 0o700)
		caFile := filepath.Join(dir, "ca.pem")
		os.WriteFile(caFile, identity.CertPEM(ca.Cert), 0o644)
		if out, err := exec.Command("certutil", "-N", "-d", "sql:"+nss, "--empty-password").CombinedOutput(); err != nil {
			t.Fatalf("certutil -N: %v %s", err, out)
		}
		if out, err := exec.Command("certutil", "-A", "-d", "sql:"+nss, "-n", "ca", "-t", "CT,C,C", "-a", "-i", caFile).CombinedOutput(); err != nil {
			t.Fatalf("certutil -A: %v %s", err, out)
		}
		out, _ := exec.Command("pdfsig", "-nssdir", "sql:"+nss, f).CombinedOutput()
		if !strings.Contains(string(out), "Certificate is Trusted") {
			t.Errorf("pdfsig with the CA:\n%s", out)
		}
	}
	// An expired identity signs nothing.
	id.Cert.NotAfter = time.Now().Add(-time.Minute)
	if _, err := exports.Report(o, exports.ReportOptions{Now: time.Now(), Signer: id}); !errors.Is(err, exports.ErrCertNotValid) {
		t.Errorf("expired signer: %v", err)
	}
}

func TestProtocol(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	pdf, err := exports.Protocol(o, "Socialnämnden", exports.ReportOptions{AppVersion: "1.0", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	f, _ := o.FollowUpOf("Socialnämnden")
	pdftest.Check(t, pdf, pdftest.Want{Title: o.Loc().Tf("exports.protocol.doc_title", "Year", f.Year, "Board", "Socialnämnden"),
		Author: o.Profile.Kommun, Creator: "Handlingsplan 1.0", Lang: "sv", Text: []string{"Samordnarens bedömning"}})
	for _, w := range []string{"Uppföljning vartannat år", "Socialnämnden", "Beslutade åtgärder är genomförda", "Årliga mål är uppföljda",
		"Regler följs", "Samordnarens bedömning", "Stickprovet på behörigheter", "Informationssäkerhetssamordnare",
		fmt.Sprintf("%d av %d beslutade åtgärder", f.Counts[domain.ActivityDone], f.Total)} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), w) {
			t.Errorf("protocol lacks %q", w)
		}
	}
	// A board whose follow-up is missing: the protocol says why (here: last year's plan is
	// known but nobody followed it up) and cites no submission.
	lone := overview.Build(overview.Input{Year: demoYear, Profile: o.Profile, Boards: []string{"Valnämnden"},
		LastYear: []domain.PlanData{{Plan: domain.Plan{Board: "Valnämnden", Year: demoYear - 1, Status: domain.PlanSigned, Version: 1},
			Activities: []domain.Activity{{Title: "Ej uppföljd", Status: domain.ActivityNotStarted}}}}})
	missing, err := exports.Protocol(lone, "Valnämnden", exports.ReportOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(strings.Fields(pdfText(t, missing)), " "); !strings.Contains(text, fmt.Sprintf("Planen för %d är inte uppföljd", demoYear-1)) ||
		!strings.Contains(text, "Uppföljningen saknas") || strings.Contains(text, "Beslutade åtgärder "+strconv.Itoa(demoYear-1)) {
		t.Errorf("the protocol of a board without follow-up does not say why:\n%s", text)
	}
	if _, err := exports.Protocol(o, "Ingen sådan nämnd", exports.ReportOptions{Now: now}); !errors.Is(err, exports.ErrNoBoard) {
		t.Errorf("unknown board: %v", err)
	}
}

// No line of the KS report ends in a hyphen the source does not have ("Säkerhetssamo-" /
// "rdnare"), and no board's name is broken at a line end.
func TestReportInventsNoHyphens(t *testing.T) {
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			o := demoOverview(t, lang)
			pdf, err := exports.Report(o, exports.ReportOptions{AppVersion: "1.0", Now: now})
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Text(t, pdf)
			if bad := pdftest.InventedHyphens(text, pdftest.Corpus(lang, o.Plans, o.Boards, o.Profile, o.Calendar)); len(bad) > 0 {
				t.Errorf("invented hyphens: %q", bad)
			}
			for _, b := range o.Boards {
				// A name is broken when a line ends inside one of its words and the next line
				// goes on with the rest of that word.
				for i, r := range b {
					if i == 0 || r == ' ' || b[i-1] == ' ' || b[i-1] == '-' {
						continue
					}
					rest, _, _ := strings.Cut(b[i:], " ")
					if strings.Contains(text, b[:i]+"\n"+rest) || strings.Contains(text, b[:i]+"-\n"+rest) {
						t.Errorf("%q is broken after %q", b, b[:i])
					}
				}
			}
		})
	}
}
