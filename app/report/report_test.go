package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"

	"handlingsplan/app/pdftest"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var printed = time.Date(2026, 11, 15, 9, 30, 0, 0, time.UTC)

func render(t testing.TB, d domain.PlanData, lang i18n.Lang, sig *Signature) []byte {
	t.Helper()
	out, err := Render(d, i18n.New(lang), Options{
		Kommun: "Exempelkommun", AppVersion: "1.4.2", Profile: testProfile(t), Signature: sig, Now: printed,
	})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("output is not a PDF: %q", out[:min(len(out), 16)])
	}
	return out
}

// writePDF stores b in the test's temp dir; with REPORT_OUT set (for looking at the pages)
// also there.
func writePDF(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("REPORT_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed", name)
	}
	return p
}

func pdfText(t *testing.T, path string, layout bool) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command(tool(t, "pdftotext"), append(args, path, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	// Numbers are grouped with no-break spaces; compare with plain ones.
	return strings.ReplaceAll(string(out), "\u00a0", " ")
}

var pageRE = regexp.MustCompile(`/Type\s*/Page\b`)

func pageCount(b []byte) int { return len(pageRE.FindAll(b, -1)) }

func TestRenderedTextIsExact(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.Swedish, []string{
			"Handlingsplan för informationssäkerhet", "Vård- och omsorgsnämnden", "Exempelkommun",
			"Sammanfattning", "Mål och åtgärder", "Åtgärder", "Tidsplan", "Resurser per kvartal",
			"Information och utbildning", "Uppföljning och avrapportering", "Uppföljning av planen för 2026",
			"Bilaga: Förteckning över informationssystem", "Signatur", "Innehåll",
			"Åsa Öberg, förvaltningschef", "René Lindström", "Kommunjurist Émilie",
			"Översyn av behörigheter i Treserva", "5. Krisövning: bortfall av verksamhetssystem", "Synnerligen allvarlig",
			"Sida 2 av ", "Ej besvarad", "Delvis", "Genomförd", "Struken", "Försenad", "(pågår)", "E-utbildning", "Arbetsplatsträff",
			"Fördjupad", "120 000 kr", "kv. 3", "Signerad av Åsa Öberg 2026-11-20",
			"3F2A 9C11 07BE 44D0", "Kan innehålla sekretessbelagda uppgifter", "Beslutade åtgärder är genomförda",
		}},
		{i18n.English, []string{
			"Information security action plan", "Vård- och omsorgsnämnden", "Summary", "Goals and activities",
			"Activities", "Timeline", "Resources by quarter", "Information and training", "Follow-up and reporting",
			"Follow-up of the 2026 plan", "Annex: Register of information systems", "Signature", "Contents",
			"Åsa Öberg, förvaltningschef", "Kommunjurist Émilie", "Page 2 of ", "SEK 120,000", "Q3",
			"Not answered", "Partly", "Dropped", "E-learning", "May contain confidential details",
		}},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			b := render(t, demoPlan(2027), tc.lang, testSignature)
			text := pdfText(t, writePDF(t, "demo-"+string(tc.lang)+".pdf", b), false)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("extracted text lacks %q", w)
				}
			}
			if strings.Contains(text, "⟦") {
				t.Errorf("a message key is missing: %s", text[strings.Index(text, "⟦"):][:40])
			}
		})
	}
}

func TestPDFIsValid(t *testing.T) {
	qpdf := tool(t, "qpdf")
	tests := []struct {
		name string
		data domain.PlanData
		sig  *Signature
	}{
		{"demo", demoPlan(2027), testSignature},
		{"unsigned", demoPlan(2027), nil},
		{"empty", emptyPlan(2027), nil},
		{"hours-only", hoursOnlyPlan(2027), nil},
		{"stress", stressPlan(2027, 200), testSignature},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writePDF(t, tc.name+".pdf", render(t, tc.data, i18n.Swedish, tc.sig))
			out, err := exec.Command(qpdf, "--check", p).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
			if strings.Contains(strings.ToLower(string(out)), "warning") {
				t.Errorf("qpdf --check warns:\n%s", out)
			}
		})
	}
}

func TestPageCountGrows(t *testing.T) {
	empty := pageCount(render(t, emptyPlan(2027), i18n.Swedish, nil))
	demo := pageCount(render(t, demoPlan(2027), i18n.Swedish, nil))
	stress := pageCount(render(t, stressPlan(2027, 200), i18n.Swedish, nil))
	t.Logf("pages: empty %d, demo %d, 200 activities %d", empty, demo, stress)
	if !(empty < demo && demo+10 < stress) {
		t.Fatalf("page counts empty %d, demo %d, stress %d do not grow with the plan", empty, demo, stress)
	}
}

// Every page number in the footer must name the real total.
func TestPageNumbers(t *testing.T) {
	b := render(t, stressPlan(2027, 200), i18n.Swedish, nil)
	n := pageCount(b)
	text := pdfText(t, writePDF(t, "stress.pdf", b), false)
	for p := 2; p <= n; p++ {
		if want := fmt.Sprintf("Sida %d av %d", p, n); !strings.Contains(text, want) {
			t.Errorf("no %q", want)
		}
	}
	if strings.Contains(text, fmt.Sprintf("Sida %d av", n+1)) {
		t.Errorf("a page number beyond the last page")
	}
}

// The long description wraps at word boundaries: in the laid-out text every one of its
// words appears whole.
func TestNoWordSplitAcrossLines(t *testing.T) {
	for _, lang := range i18n.Langs {
		b := render(t, demoPlan(2027), lang, nil)
		text := pdfText(t, writePDF(t, "words-"+string(lang)+".pdf", b), true)
		trim := func(s string) string {
			return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		}
		tokens := map[string]bool{}
		for _, f := range strings.Fields(text) {
			tokens[trim(f)] = true
		}
		for _, w := range strings.Fields(longDescription) {
			if w = trim(w); w != "" && !tokens[w] {
				t.Errorf("%s: %q is not whole in the laid-out text", lang, w)
			}
		}
	}
}

// Every report carries its title, author, the program with its version and its language
// (the catalog's /Lang), as pdfinfo and qpdf read them, and an outline entry per section.
func TestDocumentInfoOutlineAndLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang              i18n.Lang
		title, keyword    string
		outline, langCode string
		text              string
	}{
		{i18n.Swedish, "Handlingsplan för informationssäkerhet 2027 – Vård- och omsorgsnämnden", "informationssäkerhet", "Tidsplan", "sv", "Åtgärder"},
		{i18n.English, "Information security action plan 2027 – Vård- och omsorgsnämnden", "information security", "Timeline", "en", "Activities"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			b := render(t, demoPlan(2027), tc.lang, testSignature)
			// Outline titles are UTF-16 hex strings.
			if !bytes.Contains(b, []byte(utf16Hex("6\u2002"+tc.outline))) {
				t.Errorf("no outline entry %q", tc.outline)
			}
			pdftest.Check(t, b, pdftest.Want{Title: tc.title, Author: "Vård- och omsorgsnämnden", Creator: "Handlingsplan 1.4.2",
				Lang: tc.langCode, Text: []string{tc.title[:strings.Index(tc.title, " 2027")], tc.text, "Vård- och omsorgsnämnden"}})
			out, err := exec.Command(tool(t, "pdfinfo"), writePDF(t, "info-"+string(tc.lang)+".pdf", b)).CombinedOutput()
			if err != nil {
				t.Fatalf("pdfinfo: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), tc.keyword) || !strings.Contains(string(out), "A4") {
				t.Errorf("pdfinfo lacks keywords %q or A4:\n%s", tc.keyword, out)
			}
		})
	}
}

// utf16Hex is s as gopdf writes a text string, without the closing ">".
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

func TestEmptyPlanSaysSo(t *testing.T) {
	b := render(t, emptyPlan(2027), i18n.Swedish, nil)
	text := pdfText(t, writePDF(t, "empty.pdf", b), false)
	for _, want := range []string{
		"Planen har inga åtgärder ännu.", "Det finns ingen plan för 2026 att följa upp.",
		"Förteckningen innehåller inga system eller kanaler.", "Ej signerad – utkast", "0 av 8",
		"Ingen åtgärd i planen bidrar till målet.", "Överförmyndarnämnden",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("empty plan report lacks %q", want)
		}
	}
}

// Text the font cannot show is replaced, not dropped, and does not stop the report.
func TestMissingGlyphs(t *testing.T) {
	d := demoPlan(2027)
	d.Activities[1].Title = "Lås 🔒 skärmen"
	b := render(t, d, i18n.Swedish, nil)
	text := pdfText(t, writePDF(t, "glyphs.pdf", b), false)
	if !strings.Contains(text, "2. Lås ? skärmen") {
		t.Error("missing glyph is not shown as ?")
	}
}

// Renders share nothing: run several at once under -race.
func TestConcurrentRenders(t *testing.T) {
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := i18n.Langs[i%2]
			out, err := Render(demoPlan(2027), i18n.New(lang), Options{Profile: testProfile(t), Now: printed})
			if err != nil {
				t.Error(err)
			}
			results[i] = out
		}()
	}
	wg.Wait()
	if !bytes.Equal(results[0], results[2]) {
		t.Error("two renders of the same plan differ")
	}
}

func TestRenderNeedsLocalizer(t *testing.T) {
	if _, err := Render(demoPlan(2027), nil, Options{}); err == nil {
		t.Fatal("Render without a localizer succeeded")
	}
}

func BenchmarkRender(b *testing.B) {
	for _, bc := range []struct {
		name string
		data domain.PlanData
	}{
		{"demo-12", demoPlan(2027)},
		{"activities-200", stressPlan(2027, 200)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			loc := i18n.New(i18n.Swedish)
			opt := Options{Kommun: "Exempelkommun", AppVersion: "1.4.2", Profile: testProfile(b), Signature: testSignature, Now: printed}
			for b.Loop() {
				if _, err := Render(bc.data, loc, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// No line of the board's report ends in a hyphen the plan or the messages do not have
// ("Säkerhetssamo-" / "rdnare"): a word too wide for its cell prints smaller instead.
func TestNoInventedHyphens(t *testing.T) {
	for _, lang := range i18n.Langs {
		d := demoPlan(2027)
		// Long single words in narrow cells: the responsible and the system columns.
		d.Activities[0].Responsible = "Informationssäkerhetssamordnare"
		d.Activities[1].Title = "Dokumenthanteringsplanerevidering"
		if len(d.Systems) > 0 {
			d.Systems[0].Name = "Ärendehanteringssystemsmodulen"
		}
		b := render(t, d, lang, nil)
		writePDF(t, "hyphens-"+string(lang)+".pdf", b)
		text := pdftest.Text(t, b)
		if bad := pdftest.InventedHyphens(text, pdftest.Corpus(lang, d)); len(bad) > 0 {
			t.Errorf("%s: invented hyphens: %q", lang, bad)
		}
	}
}
