package exports_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"handlingsplan/app/exports"
	"handlingsplan/i18n"
)

var now = time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)

// The workbook, read back with excelize, has every table with the same numbers in number and
// date cells, a frozen and filterable header row and set column widths.
func TestWorkbookReadBack(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	data, err := exports.Workbook(o, now)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tables := exports.Tables(o)
	want := []string{"Inlämningar", "Åtgärder", "Resurser", "Målmatris", "Utbildningar", "Uppföljning", "Förteckning", "Generella krav", "Kravområden", "Beslut och lagkrav"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	filters := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = true
		}
	}
	for ti, tb := range tables {
		sheet := want[ti]
		t.Run(sheet, func(t *testing.T) {
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("panes %+v, %v", panes, err)
			}
			if !filters[sheet] {
				t.Errorf("no autofilter")
			}
			for ci, c := range tb.Columns {
				col, _ := excelize.ColumnNumberToName(ci + 1)
				if w, _ := f.GetColWidth(sheet, col); w != c.Width {
					t.Errorf("column %s width %v, want %v", col, w, c.Width)
				}
				if v, _ := f.GetCellValue(sheet, col+"1"); v != c.Title {
					t.Errorf("header %s = %q, want %q", col, v, c.Title)
				}
			}
			rows, _ := f.GetRows(sheet)
			if len(rows) != len(tb.Rows)+1 {
				t.Errorf("%d rows, want %d", len(rows), len(tb.Rows)+1)
			}
			for ri, r := range tb.Rows {
				for ci, v := range r {
					checkCell(t, f, sheet, ci+1, ri+2, v, tb.Columns[ci].Kind)
				}
			}
		})
	}

	// The totals the workbook shows are the overview's.
	total := o.Resources.Total.Year
	last := len(tables[2].Rows) + 1
	for col, want := range map[string]int64{"C": total.InternalHours, "D": total.ExternalHours, "G": total.OperatingCost, "H": total.Investment, "I": total.Kronor()} {
		got, err := f.GetCellValue("Resurser", fmt.Sprintf("%s%d", col, last), excelize.Options{RawCellValue: true})
		if err != nil || got != strconv.FormatInt(want, 10) {
			t.Errorf("resources total %s = %q, overview %d", col, got, want)
		}
	}
	if got, _ := f.GetCellValue("Resurser", fmt.Sprintf("A%d", last)); got != "Hela kommunen" {
		t.Errorf("last resources row is %q", got)
	}
	// Full-time equivalents as the report prints them (rounded, not cut).
	wantFTE := strings.Replace(o.Loc().FTE(total.Hours(), o.Profile.HoursPerFTE), ",", ".", 1)
	if got, _ := f.GetCellValue("Resurser", fmt.Sprintf("F%d", last), excelize.Options{RawCellValue: true}); got != wantFTE {
		t.Errorf("FTE %q, report %q", got, wantFTE)
	}
}

// checkCell checks that the cell holds v as the right kind of cell.
func checkCell(t *testing.T, f *excelize.File, sheet string, col, row int, v any, k exports.Kind) {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(col, row)
	raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := f.GetCellType(sheet, ref)
	number := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
	switch x := v.(type) {
	case nil:
		if raw != "" {
			t.Errorf("%s: %q, want empty", ref, raw)
		}
	case string:
		if raw != x {
			t.Errorf("%s: %q, want %q", ref, raw, x)
		}
	case int64:
		if !number || raw != strconv.FormatInt(x, 10) {
			t.Errorf("%s: %q (type %v), want the number %d", ref, raw, typ, x)
		}
	case float64:
		got, err := strconv.ParseFloat(raw, 64)
		if !number || err != nil || math.Abs(got-x) > 1e-9 {
			t.Errorf("%s: %q (type %v), want the number %v", ref, raw, typ, x)
		}
	case time.Time:
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil || !number {
			t.Errorf("%s: %q (type %v) is not a date cell", ref, raw, typ)
			return
		}
		got, err := excelize.ExcelDateToTime(serial, false)
		if err != nil || !got.Equal(x) {
			t.Errorf("%s: date %v, want %v", ref, got, x)
		}
		shown, _ := f.GetCellValue(sheet, ref)
		if shown != x.Format(time.DateOnly) {
			t.Errorf("%s shows %q, want %s", ref, shown, x.Format(time.DateOnly))
		}
	default:
		t.Errorf("%s: unexpected value %T", ref, v)
	}
	if k == exports.KindKronor || k == exports.KindInt {
		if _, isStr := v.(string); isStr {
			t.Errorf("%s: text in a number column", ref)
		}
	}
}

// LibreOffice, when installed, converts the workbook to CSV without complaint.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	bin := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("libreoffice is not installed")
	}
	o := demoOverview(t, i18n.Swedish)
	data, err := exports.Workbook(o, now)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "oversikt.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "csv", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "oversikt.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// The first sheet: submissions, one line per board plus the header.
	if !bytes.Contains(got, []byte("rmyndarn")) || strings.Count(string(got), "\n") != len(o.Boards)+1 {
		t.Errorf("converted CSV:\n%s", got)
	}
	// Every sheet, in UTF-8 with semicolons (LibreOffice 7.2 and later write one file per sheet).
	cmd = exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to",
		"csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice, all sheets: %v\n%s", err, out)
	}
	res, err := os.ReadFile(filepath.Join(dir, "oversikt-Resurser.csv"))
	if err != nil {
		t.Skipf("this LibreOffice writes only the first sheet: %v", err)
	}
	want := fmt.Sprintf("Hela kommunen;%d;", o.Resources.Total.Activities)
	if !strings.Contains(string(res), want) || !strings.Contains(string(res), strconv.FormatInt(o.Resources.Total.Year.Kronor(), 10)) {
		t.Errorf("resources sheet as LibreOffice reads it:\n%s", res)
	}
}

func TestCSV(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	tables := exports.Tables(o)
	tests := []struct {
		name    string
		comma   bool
		sep     rune
		decimal string
	}{
		{"semicolon", false, ';', ","},
		{"comma", true, ',', "."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, err := exports.CSV(o, tc.comma)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != len(tables) {
				t.Fatalf("%d files for %d tables", len(files), len(tables))
			}
			for i, f := range files {
				if !bytes.HasPrefix(f.Data, []byte("\xef\xbb\xbf")) {
					t.Errorf("%s: no byte order mark", f.Name)
				}
				if !utf8.Valid(f.Data) {
					t.Errorf("%s: not UTF-8", f.Name)
				}
				r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf"))))
				r.Comma = tc.sep
				recs, err := r.ReadAll()
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
				if len(recs) != len(tables[i].Rows)+1 || len(recs[0]) != len(tables[i].Columns) {
					t.Errorf("%s: %d records of %d fields", f.Name, len(recs), len(recs[0]))
				}
				if recs[0][0] != tables[i].Columns[0].Title {
					t.Errorf("%s: header %q", f.Name, recs[0][0])
				}
			}
			// Swedish characters survive, and the resources' FTE uses the chosen decimal sign.
			res := string(files[2].Data)
			for _, w := range []string{"Överförmyndarnämnden", "Räddningsnämnden", "Årsarbetare", "Hela kommunen"} {
				if !strings.Contains(res+string(files[0].Data), w) {
					t.Errorf("%q missing", w)
				}
			}
			fte := regexp.MustCompile(`\d+\` + tc.decimal + `\d`)
			if !fte.MatchString(res) {
				t.Errorf("no decimal with %q in\n%s", tc.decimal, res)
			}
			if !strings.Contains(string(files[0].Data), "\r\n") {
				t.Error("lines do not end in CRLF")
			}
		})
	}
}

// ---- iCalendar ----

// ---- PDF ----

// ---- Write ----

func TestWrite(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	dir := t.TempDir()
	tests := []struct {
		name      string
		out       string
		opt       exports.Options
		wantPath  string
		wantFiles int
		check     func(t *testing.T, b []byte)
	}{
		{"report", "ks.pdf", exports.Options{}, "ks.pdf", 0, func(t *testing.T, b []byte) { hasPrefix(t, b, "%PDF-") }},
		{"workbook", "ks.xlsx", exports.Options{}, "ks.xlsx", 0, func(t *testing.T, b []byte) { hasPrefix(t, b, "PK") }},
		{"calendar", "utb.ICS", exports.Options{}, "utb.ICS", 0, func(t *testing.T, b []byte) { hasPrefix(t, b, "BEGIN:VCALENDAR\r\n") }},
		{"csv folder", "tabeller.csv", exports.Options{}, "tabeller", 10, nil},
		{"csv zip", "tabeller.zip", exports.Options{Comma: true}, "tabeller.zip", 10, func(t *testing.T, b []byte) { zipNames(t, b, 10, ".csv") }},
		{"protocol", "prot.pdf", exports.Options{Protocol: true, Board: "Socialnämnden"}, "prot.pdf", 0, func(t *testing.T, b []byte) { hasPrefix(t, b, "%PDF-") }},
		{"protocols", "prot.zip", exports.Options{Protocol: true}, "prot.zip", 9, func(t *testing.T, b []byte) { zipNames(t, b, 9, ".pdf") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opt.Now, tc.opt.AppVersion = now, "1.0"
			w, err := exports.Write(o, filepath.Join(dir, tc.out), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if w.Path != filepath.Join(dir, tc.wantPath) || len(w.Files) != tc.wantFiles {
				t.Errorf("wrote %s with %d files", w.Path, len(w.Files))
			}
			st, err := os.Stat(w.Path)
			if err != nil {
				t.Fatal(err)
			}
			if st.IsDir() {
				entries, _ := os.ReadDir(w.Path)
				if len(entries) != tc.wantFiles {
					t.Errorf("folder has %d files", len(entries))
				}
				return
			}
			b, _ := os.ReadFile(w.Path)
			tc.check(t, b)
		})
	}
	for _, bad := range []string{"ks.docx", "ks", "ks.csv.txt"} {
		if _, err := exports.Write(o, filepath.Join(dir, bad), exports.Options{}); !errors.Is(err, exports.ErrFormat) {
			t.Errorf("%s: %v", bad, err)
		}
	}
	if _, err := exports.Write(o, filepath.Join(dir, "p.xlsx"), exports.Options{Protocol: true}); !errors.Is(err, exports.ErrFormat) {
		t.Errorf("protocol as xlsx: %v", err)
	}
}

func hasPrefix(t *testing.T, b []byte, p string) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(p)) {
		t.Errorf("file starts %q", b[:min(len(b), 20)])
	}
}

func zipNames(t *testing.T, b []byte, n int, ext string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != n {
		t.Errorf("%d files in the zip, want %d", len(zr.File), n)
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ext) || !utf8.ValidString(f.Name) {
			t.Errorf("zip entry %q", f.Name)
		}
	}
}
