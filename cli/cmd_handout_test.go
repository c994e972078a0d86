package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandoutCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plan.db")
	var out, errOut bytes.Buffer
	if code := runDemo([]string{"--db", db, "--year", "2026"}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut.String())
	}
	// The municipal overview is made from received plans: the coordinator's demo.
	cdb := filepath.Join(dir, "coordinator.db")
	if code := runDemo([]string{"--db", cdb, "--year", "2026", "--coordinator"}, &out, &errOut); code != 0 {
		t.Fatalf("coordinator demo: %d %s", code, errOut.String())
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string
		stderr   string
		pdf      string
		pdfTexts []string
	}{
		{"one board's plan", []string{"--db", db, "--year", "2027", "--board", "Socialnämnden", "--out", filepath.Join(dir, "soc.pdf")}, 0,
			"bilder) är sparad i", "", "soc.pdf", []string{"Handlingsplan för informationssäkerhet 2027", "Socialnämnden", "Förslag till beslut", "Täckning av målen"}},
		{"the municipal overview in English", []string{"--db", cdb, "--year", "2026", "--out", filepath.Join(dir, "ks.pdf"), "--lang", "en"}, 0,
			"slides) is saved in", "", "ks.pdf", []string{"Information security in the boards 2026", "Överförmyndarnämnden", "Proposed decisions"}},
		{"a received board plan", []string{"--db", cdb, "--year", "2026", "--board", "Socialnämnden", "--out", filepath.Join(dir, "recv.pdf")}, 0,
			"bilder) är sparad i", "", "recv.pdf", []string{"Socialnämnden", "Uppföljning av 2025", "Förslag till beslut"}},
		{"the overview of a board's own database", []string{"--db", db, "--year", "2026", "--out", filepath.Join(dir, "own.pdf")}, 1,
			"", "Inga inlämnade planer för 2026 är inlästa.", "", nil},
		{"an unknown board", []string{"--db", db, "--year", "2027", "--board", "Valnämnden", "--out", filepath.Join(dir, "x.pdf")}, 1,
			"", "Det finns ingen nämnd som heter ”Valnämnden”.", "", nil},
		{"a year without plans", []string{"--db", cdb, "--year", "2031", "--out", filepath.Join(dir, "y.pdf")}, 1,
			"", "Inga inlämnade planer för 2031 är inlästa.", "", nil},
		{"a board without a plan that year", []string{"--db", db, "--year", "2031", "--board", "Socialnämnden", "--out", filepath.Join(dir, "z.pdf")}, 1,
			"", "Socialnämnden har ingen plan för 2031.", "", nil},
		{"no output file", []string{"--db", db, "--year", "2027"}, 2, "", "Användning: handlingsplan handout", "", nil},
		{"a year out of range", []string{"--db", db, "--year", "1999", "--out", filepath.Join(dir, "w.pdf")}, 2, "", "Året måste vara", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runHandout(tc.args, &out, &errOut)
			if code != tc.code || !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errOut.String(), tc.stderr) {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
			}
			if tc.pdf == "" {
				return
			}
			path := filepath.Join(dir, tc.pdf)
			b, err := os.ReadFile(path)
			if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Fatalf("no PDF at %s: %v", path, err)
			}
			pdftotext, err := exec.LookPath("pdftotext")
			if err != nil {
				t.Skip("pdftotext is not installed")
			}
			text, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(string(text)), " ")
			for _, w := range tc.pdfTexts {
				if !strings.Contains(flat, w) {
					t.Errorf("no %q in the handout", w)
				}
			}
		})
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".handout-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
