package cli

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// layoutPages is a PDF's text as pdftotext -layout lays it out, page by page.
func layoutPages(t *testing.T, path string) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.ReplaceAll(string(out), "\u00a0", " "), "\f")
}

var gap = regexp.MustCompile(`\s{2,}`)

// cells splits a laid-out line into its cells (columns are two or more spaces apart).
func cells(line string) []string { return gap.Split(strings.TrimSpace(line), -1) }

// rowCells finds the table row of name (or of its first line when the name wraps) in lines.
func rowCells(lines []string, name string) []string {
	for _, l := range lines {
		c := cells(l)
		if first := strings.TrimSuffix(c[0], "-"); c[0] == name || len(first) >= 6 && strings.HasPrefix(name, first) {
			return c
		}
	}
	return nil
}

// Issue 10, item 3: the slides and the report at the same meeting say the same of the
// register. The handout's register slide and its table per board count what the report for
// kommunstyrelsen counts (level 3–4 systems without a risk analysis), for the kommun and for
// every board. Made through the command line, as a coordinator would.
func TestSlidesAndReportAgreeOnTheRegister(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "coordinator.db")
	var out, errOut bytes.Buffer
	if code := runDemo([]string{"--db", db, "--year", "2026", "--coordinator"}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut.String())
	}
	report, handout := filepath.Join(dir, "ks.pdf"), filepath.Join(dir, "slides.pdf")
	if code := runReport([]string{"--db", db, "--year", "2026", "--out", report}, &out, &errOut); code != 0 {
		t.Fatalf("report: %d %s", code, errOut.String())
	}
	if code := runHandout([]string{"--db", db, "--year", "2026", "--out", handout}, &out, &errOut); code != 0 {
		t.Fatalf("handout: %d %s", code, errOut.String())
	}

	// The report: the register table, its total row and a row per board.
	var reg []string
	inReg := false
	for _, p := range layoutPages(t, report) {
		for _, l := range strings.Split(p, "\n") {
			switch strings.TrimSpace(l) {
			case "8 Förteckning över informationssystem":
				inReg = true
			}
			if inReg {
				reg = append(reg, l)
			}
		}
	}
	total := rowCells(reg, "Hela kommunen")
	if len(total) < 10 {
		t.Fatalf("no total row in the report's register: %q", total)
	}
	reportNoRisk := total[8] // board, systems, six levels, then without risk analysis

	// The handout: the register slide's figure and its table per board.
	slideNoRisk := ""
	var byBoard []string
	for _, p := range layoutPages(t, handout) {
		lines := strings.Split(p, "\n")
		switch {
		case strings.HasPrefix(lines[0], "Förteckning över informationssystem"):
			for i, l := range lines {
				if strings.Contains(l, "utan aktuell riskanalys") && i > 0 {
					c := cells(lines[i-1])
					slideNoRisk = c[len(c)-1] // the figure stands above its label
				}
			}
		case strings.HasPrefix(lines[0], "Förteckningarna per nämnd"):
			byBoard = append(byBoard, lines...)
		}
	}
	if slideNoRisk != reportNoRisk {
		t.Errorf("systems without a risk analysis: the slide says %s, the report %s", slideNoRisk, reportNoRisk)
	}
	boards := []string{"Barn- och utbildningsnämnden", "Bygg- och miljönämnden", "Fastighets- och servicenämnden", "Kommunstyrelsen",
		"Kultur- och fritidsnämnden", "Räddningsnämnden", "Socialnämnden", "Tekniska nämnden"}
	for _, b := range boards {
		r, s := rowCells(reg, b), rowCells(byBoard, b)
		if len(r) < 10 || len(s) < 3 {
			t.Errorf("%s: no row (report %q, slides %q)", b, r, s)
			continue
		}
		if r[8] != s[2] || r[1] != s[1] {
			t.Errorf("%s: the slides say %s systems, %s without a risk analysis; the report %s and %s", b, s[1], s[2], r[1], r[8])
		}
	}
}
