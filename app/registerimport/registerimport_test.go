package registerimport

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func readFile(t testing.TB, name string) (Table, []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Read(name, b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tb, b
}

// excelizeFile writes the Swedish register as excelize (an independent XLSX writer) does, with
// real date cells (a number with a date format), a boolean cell and a number stored as text.
func excelizeFile(t testing.TB) []byte {
	t.Helper()
	src, _ := readFile(t, "register-excel-sv.csv")
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	put := func(col, row int, v any) {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
		if _, ok := v.(time.Time); ok {
			f.SetCellStyle(sheet, cell, cell, dateStyle)
		}
	}
	for i, h := range src.Header {
		put(i+1, 1, h)
	}
	for r, row := range src.Rows {
		for c, v := range row {
			var val any = v
			if d, err := time.Parse("2006-01-02", v); err == nil {
				val = d
			} else if v == "Ja" && c == 8 && r == 0 {
				val = true // a real boolean cell
			}
			if v != "" {
				put(c+1, src.Lines[r], val)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The same register in every form a kommun has it: CSV with semicolons and a byte-order mark as
// Excel writes it, Excel's Windows-1252 CSV, CSV with commas, and XLSX from LibreOffice and
// from excelize. Every form reads to the same table.
func TestReadFormats(t *testing.T) {
	want, _ := readFile(t, "register-excel-sv.csv")
	if want.Format != "csv;" || len(want.Header) != 12 || want.Header[1] != "Informationsägare" || len(want.Rows) != 9 || want.Lines[0] != 2 || want.Lines[8] != 10 {
		t.Fatalf("Excel CSV: %s, header %q, %d rows, lines %v", want.Format, want.Header, len(want.Rows), want.Lines)
	}
	if want.Rows[1][2] != "Journal; hemsjukvård" {
		t.Errorf("quoted separator: %q", want.Rows[1][2])
	}
	ansi, _ := readFile(t, "register-ansi.csv")
	comma, _ := readFile(t, "register-comma.csv")
	if !reflect.DeepEqual(ansi.Rows, want.Rows) || !reflect.DeepEqual(ansi.Header, want.Header) {
		t.Errorf("Windows-1252 CSV reads differently:\n%q", ansi.Rows[0])
	}
	if comma.Format != "csv," || comma.Rows[1][2] != "Journal, hemsjukvård" || comma.Rows[3][0] != "Diariet" {
		t.Errorf("comma CSV: %s %q", comma.Format, comma.Rows[1])
	}
	lo, _ := readFile(t, "register-libreoffice.xlsx")
	ex, err := Read("fran-excelize.xlsx", excelizeFile(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, x := range map[string]Table{"LibreOffice": lo, "excelize": ex} {
		if x.Format != "xlsx" || !reflect.DeepEqual(x.Header, want.Header) || !reflect.DeepEqual(x.Lines, want.Lines) {
			t.Errorf("%s: %s header %q lines %v", name, x.Format, x.Header, x.Lines)
		}
		if x.Rows[0][0] != "Procapita" || x.Rows[1][2] != "Journal; hemsjukvård" || x.Rows[3][0] != "Diariet" {
			t.Errorf("%s: rows %q", name, x.Rows[:2])
		}
		// Dates are day numbers in an XLSX; the plan reads them as the same days.
		p, err := Prepare(x, Guess(x.Header), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if s := p.Rows[0].System; s.ClassifiedAt != day(2026, 3, 1) || s.RiskAnalysisAt != day(2026, 2, 15) || !s.BaselineMet {
			t.Errorf("%s: first row %+v", name, s)
		}
	}
	for _, bad := range [][]byte{nil, []byte("\n\n"), []byte("PK\x03\x04 not a zip")} {
		if _, err := Read("x.csv", bad); err == nil {
			t.Errorf("%q read", bad)
		}
	}
}

// The headers a Swedish register has are recognised; --map overrides and refuses what does
// not fit.
func TestMapping(t *testing.T) {
	tb, _ := readFile(t, "register-excel-sv.csv")
	m := Guess(tb.Header)
	want := Mapping{"name", "owner", "description", "confidentiality", "integrity", "availability", "traceability",
		"classified_at", "baseline_met", "security_plan", "risk_analysis_at", "sensitive"}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("guessed %q", m)
	}
	m2, err := ParseMap("Beskrivning=, Informationsägare=description", tb.Header)
	if err != nil || m2[2] != Ignore || m2[1] != "description" || m2[0] != "name" {
		t.Fatalf("map: %q %v", m2, err)
	}
	for _, spec := range []string{"Saknas=name", "Namn=colour", "Namn", "Namn="} {
		if _, err := ParseMap(spec, tb.Header); err == nil {
			t.Errorf("%q accepted", spec)
		}
	}
	other := Guess([]string{"System eller kanal", "Ägare", "Konfidentialitet", "RIKTIGHET", "Tillgänglighet", "Spårbarhet", "Senaste riskanalys"})
	if other[0] != "name" || other[1] != "owner" || other[3] != "integrity" || other[6] != "risk_analysis_at" {
		t.Errorf("other headers: %q", other)
	}
}

// Mixed good and bad rows: the dry run names each bad row with its reason, in the user's words.
func TestPrepareMixedRows(t *testing.T) {
	prof, _ := domain.DefaultProfile()
	tb, _ := readFile(t, "register-excel-sv.csv")
	p, err := Prepare(tb, Guess(tb.Header), prof.Scale, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.New != 4 || p.Refused != 5 || p.Changed != 0 {
		t.Fatalf("new %d refused %d changed %d", p.New, p.Refused, p.Changed)
	}
	sv := i18n.New(i18n.Swedish)
	var lines []string
	for _, r := range p.Rows {
		for _, e := range r.Errors {
			lines = append(lines, ErrorText(sv, r, e, tb.Header[Guess(tb.Header).Column(e.Field)]))
		}
	}
	got := strings.Join(lines, "\n")
	wantLines := []string{
		"Rad 6, Namn: namnet saknas.",
		"Rad 7, K: ”5” är ingen nivå.",
		"Rad 8, Namn: samma namn som på rad 2; varje system ska finnas en gång.",
		"Rad 9, Klassad: ”31/12/2025” är inget datum.",
		"Rad 10, Basnivå: ”kanske” är varken ja eller nej.",
	}
	for _, w := range wantLines {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	lc := p.Rows[1].System
	if lc.Confidentiality != 3 || lc.Owner != "Medicinskt ansvarig sjuksköterska" || lc.SecurityPlan != domain.SecurityPlanBase || lc.BaselineMet || !lc.Sensitive {
		t.Errorf("Lifecare %+v", lc)
	}
	if d := p.Rows[3].System; d.Confidentiality != 3 || d.Owner != "" || d.SecurityPlan != domain.SecurityPlanNone {
		t.Errorf("Diariet %+v (level by name, no owner)", d)
	}
}

func store(t testing.TB) (*data.Store, int64) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	b, err := s.AddBoard("Socialnämnden")
	if err != nil {
		t.Fatal(err)
	}
	return s, b
}

// A dry run changes nothing; the import puts the good rows in, in one go; importing the same
// file again adds and changes nothing; a changed cell changes that field only.
func TestImportIdempotent(t *testing.T) {
	for _, name := range []string{"register-excel-sv.csv", "register-libreoffice.xlsx"} {
		t.Run(name, func(t *testing.T) {
			s, board := store(t)
			if _, err := s.AddSystem(board, domain.System{Name: "Lifecare", Owner: "Gammal ägare", Confidentiality: 1, Integrity: 1, Availability: 1,
				Traceability: 1, Description: "Finns sedan förut"}); err != nil {
				t.Fatal(err)
			}
			_, b := readFile(t, name)
			before, _ := s.Audit("", 0)
			_, m, plan, err := Load(s, board, name, b, nil)
			if err != nil {
				t.Fatal(err)
			}
			if after, _ := s.Audit("", 0); len(after) != len(before) {
				t.Fatal("the dry run wrote")
			}
			if plan.New != 3 || plan.Changed != 1 || plan.Refused != 5 || len(m) != 12 {
				t.Fatalf("plan new %d changed %d refused %d", plan.New, plan.Changed, plan.Refused)
			}
			sum, err := Apply(s, board, plan)
			if err != nil {
				t.Fatal(err)
			}
			if sum != (Summary{Added: 3, Changed: 1, Refused: 5}) {
				t.Fatalf("summary %+v", sum)
			}
			reg, _ := s.Systems(board, 0)
			if len(reg) != 4 {
				t.Fatalf("register has %d systems", len(reg))
			}
			for _, x := range reg {
				if x.Name == "Lifecare" && (x.Owner != "Medicinskt ansvarig sjuksköterska" || x.Description != "Journal; hemsjukvård" || x.Confidentiality != 3 || x.ClassifiedAt != day(2025, 1, 10)) {
					t.Errorf("Lifecare after import %+v", x)
				}
				if x.Name == "Procapita" && (x.Confidentiality != 4 || x.ClassifiedAt != day(2026, 3, 1) || x.SecurityPlan != domain.SecurityPlanDeepened) {
					t.Errorf("Procapita %+v", x)
				}
			}
			// Again: nothing new, nothing changed.
			_, _, again, err := Load(s, board, name, b, nil)
			if err != nil {
				t.Fatal(err)
			}
			if again.New != 0 || again.Changed != 0 || again.Unchanged != 4 {
				t.Fatalf("re-import: new %d changed %d unchanged %d", again.New, again.Changed, again.Unchanged)
			}
			mid, _ := s.Audit("", 0)
			if sum, err := Apply(s, board, again); err != nil || sum.Added != 0 || sum.Changed != 0 {
				t.Fatalf("re-import: %+v %v", sum, err)
			}
			if end, _ := s.Audit("", 0); len(end) != len(mid) {
				t.Fatal("re-import wrote to the audit log")
			}
			if reg2, _ := s.Systems(board, 0); len(reg2) != 4 {
				t.Fatalf("re-import made duplicates: %d", len(reg2))
			}
		})
	}
}

// A failure half-way leaves nothing: the import is one transaction.
func TestImportAllOrNothing(t *testing.T) {
	s, board := store(t)
	tb, _ := readFile(t, "register-excel-sv.csv")
	plan, err := PrepareFor(s, board, tb, Guess(tb.Header))
	if err != nil {
		t.Fatal(err)
	}
	// A row that the database refuses (a system id of another board) after good ones.
	other, _ := s.AddBoard("Tekniska nämnden")
	foreign, _ := s.AddSystem(other, domain.System{Name: "SCADA"})
	bad := plan
	bad.Rows = append(append([]Row(nil), plan.Rows...), Row{State: RowChanged, System: domain.System{ID: foreign, Name: "SCADA", Owner: "x"}, Changes: []Field{"owner"}})
	if _, err := Apply(s, board, bad); err == nil {
		t.Fatal("a refused write did not fail the import")
	}
	if reg, _ := s.Systems(board, 0); len(reg) != 0 {
		t.Fatalf("half an import stayed: %d systems", len(reg))
	}
}

func TestParseValues(t *testing.T) {
	prof, _ := domain.DefaultProfile()
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{{"0", 0, true}, {"4", 4, true}, {"3 Allvarlig", 3, true}, {"synnerligen allvarlig", 4, true}, {"–", -1, true}, {"ej klassad", -1, true},
		{"5", 0, false}, {"-1", -1, true}, {"3 Betydande", 0, false}, {"hög", 0, false}, {"?", 0, false}} {
		if got, ok := parseLevel(tc.in, prof.Scale); ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("level %q: %d %v", tc.in, got, ok)
		}
	}
	for _, tc := range []struct {
		in     string
		serial serialDates
		want   time.Time
		ok     bool
	}{{"2025-03-01", serialNone, day(2025, 3, 1), true}, {"2025-3-1", serialNone, day(2025, 3, 1), true},
		{"2025-03-01 00:00:00", serialNone, day(2025, 3, 1), true}, {"20250301", serialNone, day(2025, 3, 1), true},
		{"45717", serial1900, day(2025, 3, 1), true}, {"45717.5", serial1900, day(2025, 3, 1), true},
		{"44255", serial1904, day(2025, 3, 1), true}, {"45717", serialNone, time.Time{}, false},
		{"1/3/2025", serialNone, time.Time{}, false}, {"2025-02-30", serialNone, time.Time{}, false}} {
		if got, ok := parseDate(tc.in, tc.serial); ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("date %q (%d): %v %v", tc.in, tc.serial, got, ok)
		}
	}
}
