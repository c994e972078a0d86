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
	"handlingsplan/app/identity"
	"handlingsplan/app/overview"
	"handlingsplan/domain"
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
	want := []string{"Inlämningar", "Åtgärder", "Resurser", "Målmatris", "Utbildningar", "Uppföljning", "Förteckning", "Generella krav"}
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

type icsProp struct {
	name   string
	params map[string]string
	value  string
}

type icsComp struct {
	name     string
	props    []icsProp
	children []*icsComp
}

func (c *icsComp) all(name string) []icsProp {
	var out []icsProp
	for _, p := range c.props {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

var propName = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

// parseICS is a strict RFC 5545 reader for what the export writes: CRLF everywhere, physical
// lines of at most 75 octets folded with a space, valid UTF-8 in every physical line, balanced
// BEGIN/END, known escapes only.
func parseICS(t *testing.T, data []byte) *icsComp {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("does not end in CRLF")
	}
	if strings.Count(s, "\n") != strings.Count(s, "\r\n") || strings.Count(s, "\r") != strings.Count(s, "\r\n") {
		t.Fatal("bare CR or LF")
	}
	phys := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var logical []string
	for i, l := range phys {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				t.Fatal("continuation line first")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	root := &icsComp{}
	stack := []*icsComp{root}
	for _, l := range logical {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon: %q", l)
		}
		parts := strings.Split(head, ";")
		p := icsProp{name: parts[0], params: map[string]string{}, value: value}
		if !propName.MatchString(p.name) {
			t.Fatalf("bad name %q", p.name)
		}
		for _, kv := range parts[1:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || !propName.MatchString(k) {
				t.Fatalf("bad parameter %q", kv)
			}
			p.params[k] = v
		}
		top := stack[len(stack)-1]
		switch p.name {
		case "BEGIN":
			c := &icsComp{name: value}
			top.children = append(top.children, c)
			stack = append(stack, c)
		case "END":
			if top.name != value || len(stack) == 1 {
				t.Fatalf("END:%s closes %s", value, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 1 {
				t.Fatalf("property outside a component: %q", l)
			}
			top.props = append(top.props, p)
		}
	}
	if len(stack) != 1 || len(root.children) != 1 || root.children[0].name != "VCALENDAR" {
		t.Fatalf("not one balanced VCALENDAR")
	}
	return root.children[0]
}

// unescape decodes a TEXT value, failing on an unescaped , or ; (the export writes single values).
func unescape(t *testing.T, v string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v):
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				t.Errorf("unknown escape \\%c in %q", v[i], v)
			}
		case c == '\\':
			t.Errorf("trailing backslash in %q", v)
		case c == ',' || c == ';':
			t.Errorf("unescaped %c in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func one(t *testing.T, c *icsComp, name string) icsProp {
	t.Helper()
	ps := c.all(name)
	if len(ps) != 1 {
		t.Fatalf("%s has %d %s", c.name, len(ps), name)
	}
	return ps[0]
}

func checkCalendar(t *testing.T, data []byte) []*icsComp {
	t.Helper()
	cal := parseICS(t, data)
	if one(t, cal, "VERSION").value != "2.0" || one(t, cal, "PRODID").value == "" {
		t.Error("VERSION or PRODID")
	}
	uids := map[string]bool{}
	stamp := regexp.MustCompile(`^\d{8}T\d{6}Z$`)
	day := regexp.MustCompile(`^\d{8}$`)
	for _, ev := range cal.children {
		if ev.name != "VEVENT" {
			t.Fatalf("component %s", ev.name)
		}
		uid := one(t, ev, "UID").value
		if uid == "" || uids[uid] {
			t.Errorf("UID %q empty or repeated", uid)
		}
		uids[uid] = true
		if v := one(t, ev, "DTSTAMP").value; !stamp.MatchString(v) {
			t.Errorf("DTSTAMP %q", v)
		}
		start, end := one(t, ev, "DTSTART"), one(t, ev, "DTEND")
		if start.params["VALUE"] != "DATE" || end.params["VALUE"] != "DATE" || !day.MatchString(start.value) || !day.MatchString(end.value) {
			t.Errorf("not an all-day event: %+v %+v", start, end)
		}
		s, _ := time.Parse("20060102", start.value)
		e, _ := time.Parse("20060102", end.value)
		if !e.Equal(s.AddDate(0, 0, 1)) {
			t.Errorf("DTEND %s is not the day after DTSTART %s", end.value, start.value)
		}
		unescape(t, one(t, ev, "SUMMARY").value)
		unescape(t, one(t, ev, "DESCRIPTION").value)
	}
	return cal.children
}

func TestCalendarDemo(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	events := checkCalendar(t, exports.Calendar(o, "1.0", now))
	// One event per training date, counted from the plans themselves.
	type key struct{ board, title, date string }
	want := map[key]int{}
	n := 0
	for _, d := range o.Plans {
		for _, tr := range d.Trainings {
			for _, day := range tr.Dates {
				want[key{d.Plan.Board, tr.Title, day.Format("20060102")}]++
				n++
			}
		}
	}
	if len(events) != n || n == 0 {
		t.Fatalf("%d events, %d training dates", len(events), n)
	}
	for _, ev := range events {
		summary := unescape(t, one(t, ev, "SUMMARY").value)
		title, _, _ := strings.Cut(summary, " (tillfälle")
		k := key{unescape(t, one(t, ev, "CATEGORIES").value), title, one(t, ev, "DTSTART").value}
		if want[k] != 1 {
			t.Errorf("event %+v matches %d training dates", k, want[k])
		}
		want[k]--
	}
	// The same overview exported again keeps the UIDs, so a calendar updates instead of doubling.
	again := checkCalendar(t, exports.Calendar(o, "1.0", now.Add(time.Hour)))
	for i := range events {
		if one(t, events[i], "UID").value != one(t, again[i], "UID").value {
			t.Fatal("UIDs change between exports")
		}
	}
}

// Text that needs escaping and folding comes back unchanged.
func TestCalendarEscaping(t *testing.T) {
	title := "Kurs, del 1; \"grund\" \\ C:\\temp\nny rad – och en lång titel som måste vikas flera gånger: åäö ÅÄÖ € 😀 " + strings.Repeat("é", 40)
	board := "Nämnd; med, tecken\\"
	prof, _ := domain.DefaultProfile()
	d := domain.PlanData{Plan: domain.Plan{ID: 1, Board: board, Year: 2027},
		Trainings: []domain.Training{{ID: 1, Position: 1, Title: title, TargetGroup: "Alla, verkligen alla", Format: domain.FormatWorkshop,
			Dates:                []time.Time{time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC), time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)},
			ExpectedParticipants: 12, Evaluation: "Enkät; kort"}}}
	o := overview.Build(overview.Input{Year: 2027, Profile: prof, Plans: []domain.PlanData{d}, Now: now})
	events := checkCalendar(t, exports.Calendar(o, "1.0", now))
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	if got := unescape(t, one(t, events[0], "SUMMARY").value); got != title+" (tillfälle 1 av 2)" {
		t.Errorf("summary %q", got)
	}
	desc := unescape(t, one(t, events[1], "DESCRIPTION").value)
	for _, w := range []string{"Nämnd: " + board, "Målgrupp: Alla, verkligen alla", "Utvärdering: Enkät; kort", "\n"} {
		if !strings.Contains(desc, w) {
			t.Errorf("description lacks %q: %q", w, desc)
		}
	}
	if got := one(t, events[1], "DTSTART").value; got != "20271231" || one(t, events[1], "DTEND").value != "20280101" {
		t.Errorf("last event %s", got)
	}
}

// ---- PDF ----

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
		{"csv folder", "tabeller.csv", exports.Options{}, "tabeller", 8, nil},
		{"csv zip", "tabeller.zip", exports.Options{Comma: true}, "tabeller.zip", 8, func(t *testing.T, b []byte) { zipNames(t, b, 8, ".csv") }},
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
