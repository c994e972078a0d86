package present

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handlingsplan/app/pdftest"
	"handlingsplan/i18n"
)

// tool returns the path of a poppler or qpdf tool, skipping the test where it is not installed.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed", name)
	}
	return p
}

// squash makes text comparable across pdftotext's line breaks and no-break spaces.
func squash(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func TestHandout(t *testing.T) {
	prof := profile(t)
	plan := demoPlan(t, prof, "Socialnämnden", demoYear+1)
	ov := demoOverview(t, prof, demoYear, i18n.English)
	tests := []struct {
		name string
		deck *Deck
		data any // what the deck is made from, for the hyphen check
		want []string
	}{
		{"plan-sv", FromPlan(plan, prof, i18n.New(i18n.Swedish), planNow), plan,
			[]string{"Handlingsplan för informationssäkerhet 2027", "Socialnämnden", "Täckning av målen", "Förslag till beslut", "Förteckning över informationssystem", "åtgärder", "kv. 1"}},
		{"overview-en", FromOverview(ov, overviewNow), []any{ov.Plans, ov.Boards, ov.Calendar},
			[]string{"Information security in the boards 2026", "The boards' plans 2026", "Överförmyndarnämnden", "Proposed decisions"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pdf, err := Handout(tc.deck, HandoutOptions{AppName: "Handlingsplan", AppVersion: "test"})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-32:], []byte("%%EOF")) {
				t.Fatal("not a PDF")
			}
			// Document information and language, like every PDF the app writes.
			pdftest.Check(t, pdf, pdftest.Want{Title: tc.deck.Title, Author: tc.deck.Author, Creator: "Handlingsplan test",
				Lang: string(tc.deck.Lang)})
			path := filepath.Join(t.TempDir(), tc.name+".pdf")
			if err := os.WriteFile(path, pdf, 0o600); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
			info, err := exec.Command(tool(t, "pdfinfo"), path).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(info), "Pages:           "+strconv.Itoa(len(tc.deck.Slides))+"\n") || !strings.Contains(string(info), "960 x 540 pts") {
				t.Errorf("pdfinfo for %d slides:\n%s", len(tc.deck.Slides), info)
			}
			if !strings.Contains(string(info), tc.deck.Title) {
				t.Errorf("the title %q is not in the document properties:\n%s", tc.deck.Title, info)
			}
			text, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			all := squash(string(text))
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("no %q in the handout's text", w)
				}
			}
			// No line ends in a hyphen the deck's source does not have.
			corpus := pdftest.Corpus(tc.deck.Lang, tc.data)
			if bad := pdftest.InventedHyphens(pdftest.Text(t, pdf), corpus); len(bad) > 0 {
				t.Errorf("invented hyphens: %q", bad)
			}
			// Same slides, same order: page i carries slide i's heading and counter.
			pages := strings.Split(string(text), "\f")
			for i, s := range tc.deck.Slides {
				if i >= len(pages) {
					t.Fatalf("only %d pages of text", len(pages))
				}
				page := squash(pages[i])
				if !strings.Contains(page, squash(s.Title)) {
					t.Errorf("page %d lacks its heading %q: %.120s", i+1, s.Title, page)
				}
				counter := squash(tc.deck.Footer(i)[2].Text)
				if !strings.Contains(page, counter) {
					t.Errorf("page %d lacks its counter %q", i+1, counter)
				}
			}
		})
	}
}

func TestHandoutRefusesEmptyDeck(t *testing.T) {
	if _, err := Handout(&Deck{}, HandoutOptions{}); err == nil {
		t.Fatal("an empty deck made a PDF")
	}
}

func BenchmarkHandout(b *testing.B) {
	prof := profile(b)
	d := FromPlan(demoPlan(b, prof, "Socialnämnden", demoYear+1), prof, i18n.New(i18n.Swedish), planNow)
	for b.Loop() {
		if _, err := Handout(d, HandoutOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
