package exports_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/exports"
	"handlingsplan/app/overview"
	"handlingsplan/i18n"
)

// flat is text with its line breaks and runs of spaces made single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// Issue 10, item 6: a finding names the system. Every level 3–4 system with a gap is named in
// its board's "Att titta på", in the workbook's table and in the report for kommunstyrelsen.
func TestFindingsNameTheSystem(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	subs := exports.Tables(o)[0]
	cell := map[string]string{}
	for _, r := range subs.Rows {
		s, _ := r[len(r)-1].(string)
		cell[r[0].(string)] = s
	}
	report, err := exports.Report(o, exports.ReportOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfRawText(t, report))
	n := 0
	for _, s := range o.SystemRows("", overview.Gap).Systems {
		n++
		if !strings.Contains(cell[s.Board], s.System.Name+": ") {
			t.Errorf("%s: the finding on %q does not name it: %q", s.Board, s.System.Name, cell[s.Board])
		}
		if !strings.Contains(text, s.System.Name+": Systemet är klassat") {
			t.Errorf("%s: the report's finding on %q does not name it", s.Board, s.System.Name)
		}
	}
	if n == 0 {
		t.Fatal("the demo has no gaps: the test proves nothing")
	}
}

// Issue 10, item 6: the board that has not sent this year's plan keeps its last year. Its
// follow-up comes from its own followed-up plan of last year, which the protocol cites; no
// submission of this year is invented. Its last year's resources are in the workbook and the
// report, with the reason this year's are missing.
func TestMissingBoardIsMissingNotZero(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	board := coorddemo.MissingBoard
	pdf, err := exports.Protocol(o, board, exports.ReportOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, pdf))
	if strings.Contains(text, fmt.Sprintf("inlämning för %d", demoYear)) || strings.Contains(text, "Ingen uppföljning inlämnad") {
		t.Errorf("the protocol of %s speaks of a submission for %d that does not exist:\n%s", board, demoYear, text)
	}
	if want := fmt.Sprintf("Underlag Plan för %d, version 2", demoYear-1); !strings.Contains(text, want) {
		t.Errorf("the protocol does not cite the followed-up plan (%q):\n%s", want, text)
	}
	if !strings.Contains(text, fmt.Sprintf("Beslutade åtgärder %d och vad som gjorts", demoYear-1)) {
		t.Errorf("the protocol lists no activities of %d", demoYear-1)
	}

	var lastKr int64
	for _, r := range overviewRows(o, board) {
		lastKr += r.Share.Kronor()
	}
	if lastKr == 0 {
		t.Fatalf("%s has no last year in the demo", board)
	}
	res := exports.Tables(o)[2]
	found := false
	for _, r := range res.Rows {
		if r[0] != board {
			continue
		}
		found = true
		line := fmt.Sprint(r...)
		if !strings.Contains(line, strconv.FormatInt(lastKr, 10)) || !strings.Contains(line, fmt.Sprintf("Planen för %d inte inlämnad", demoYear)) || r[1] != nil {
			t.Errorf("workbook row of %s: %v", board, r)
		}
	}
	if !found {
		t.Errorf("the workbook's resources leave out %s", board)
	}
	report, err := exports.Report(o, exports.ReportOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	rt := flat(pdfText(t, report))
	if want := "– – – – – Inte inlämnad " + strings.ReplaceAll(o.Loc().Kronor(lastKr), "\u00a0", " ") + " –"; !strings.Contains(rt, want) {
		t.Errorf("the report's resources lack the row of %s: %q", board, want)
	}
	if !strings.Contains(rt, "Förra årets summa räknar med "+board) {
		t.Error("the report does not say last year's total includes a board without this year's plan")
	}
}

func overviewRows(o *overview.Overview, board string) []overview.ActivityRow {
	return o.LastYearRows(board).Activities
}

// pdfRawText is the PDF's text in reading order (a table cell's lines together).
func pdfRawText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
