package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestMessageFilesLoad(t *testing.T) {
	if err := LoadError(); err != nil {
		t.Fatal(err)
	}
}

// Every key must exist in both languages, and no text may be empty.
func TestKeysInBothLanguages(t *testing.T) {
	sv, en := map[string]bool{}, map[string]bool{}
	for _, k := range Keys(Swedish) {
		sv[k] = true
	}
	for _, k := range Keys(English) {
		en[k] = true
	}
	if len(sv) == 0 {
		t.Fatal("no Swedish messages")
	}
	for k := range sv {
		if !en[k] {
			t.Errorf("key %q is missing in English", k)
		}
	}
	for k := range en {
		if !sv[k] {
			t.Errorf("key %q is missing in Swedish", k)
		}
	}
	for _, l := range Langs {
		loc := New(l)
		for _, k := range Keys(l) {
			if s := loc.T(k); strings.TrimSpace(s) == "" || strings.HasPrefix(s, "⟦") {
				t.Errorf("%s: key %q translates to %q", l, k, s)
			}
		}
	}
}

// Every literal key the code passes to T/Tf (anywhere in the module) must exist.
func TestCodeUsesKnownKeys(t *testing.T) {
	known := map[string]bool{}
	for _, k := range Keys(Swedish) {
		known[k] = true
	}
	root := ".."
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return nil // a file being edited elsewhere; the compiler reports it
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "Tf") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			checked++
			if !known[key] {
				t.Errorf("%s: unknown message key %q", fset.Position(lit.Pos()), key)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("found no T/Tf calls: the scan is broken")
	}
}

func TestMissingKeyIsVisible(t *testing.T) {
	if got := New(Swedish).T("no.such.key"); got != "⟦no.such.key⟧" {
		t.Fatalf("got %q", got)
	}
}

func TestTemplateData(t *testing.T) {
	tests := []struct {
		lang Lang
		want string
	}{
		{Swedish, "Året måste vara mellan 2000 och 2100."},
		{English, "The year must be between 2000 and 2100."},
	}
	for _, tc := range tests {
		if got := New(tc.lang).Tf("err.year_range", "Min", 2000, "Max", 2100); got != tc.want {
			t.Errorf("%s: got %q want %q", tc.lang, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"sv", Swedish, true}, {"sv_SE.UTF-8", Swedish, true}, {"en-GB", English, true},
		{"EN", English, true}, {"C", Swedish, false}, {"", Swedish, false}, {"de", Swedish, false},
	}
	for _, tc := range tests {
		got, ok := Parse(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %v,%v want %v,%v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNumberAndKronor(t *testing.T) {
	sv, en := New(Swedish), New(English)
	tests := []struct {
		loc  *Localizer
		fn   func(int64) string
		n    int64
		want string
	}{
		{sv, sv.Kronor, 1234567, "1\u00a0234\u00a0567\u00a0kr"},
		{sv, sv.Kronor, 0, "0\u00a0kr"},
		{sv, sv.Kronor, 999, "999\u00a0kr"},
		{sv, sv.Kronor, 1000, "1\u00a0000\u00a0kr"},
		{sv, sv.Kronor, -4500, "−4\u00a0500\u00a0kr"},
		{en, en.Kronor, 1234567, "SEK\u00a01,234,567"},
		{en, en.Number, 12345, "12,345"},
		{sv, sv.Number, 100000, "100\u00a0000"},
	}
	for _, tc := range tests {
		if got := tc.fn(tc.n); got != tc.want {
			t.Errorf("%s %d: got %q want %q", tc.loc.Lang(), tc.n, got, tc.want)
		}
	}
}

func TestDecimalAndFTE(t *testing.T) {
	sv, en := New(Swedish), New(English)
	tests := []struct {
		got, want string
	}{
		{sv.Decimal(1.25, 2), "1,25"},
		{en.Decimal(1234.5, 1), "1,234.5"},
		{sv.Decimal(1234.5, 1), "1\u00a0234,5"},
		{sv.FTE(850, 1700), "0,5"},
		{en.FTE(3400, 1700), "2.0"},
		{sv.FTE(10, 0), "0,0"},
		// A value that rounds to zero has no sign; a real negative keeps the minus sign.
		{sv.Decimal(-0.04, 1), "0,0"},
		{en.Decimal(-0.04, 1), "0.0"},
		{sv.Decimal(-0.4, 0), "0"},
		{sv.Decimal(math.Copysign(0, -1), 1), "0,0"},
		{sv.Decimal(-0.05, 2), "−0,05"},
		{sv.Decimal(-0.06, 1), "−0,1"},
		{en.Decimal(-1234.5, 1), "−1,234.5"},
		{sv.Decimal(-0.6, 0), "−1"},
		{sv.FTE(-40, 1700), "0,0"},
		{sv.FTE(-200, 1700), "−0,1"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q want %q", i, tc.got, tc.want)
		}
	}
}

func TestDatesAndWeeks(t *testing.T) {
	sv, en := New(Swedish), New(English)
	d := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		got, want string
	}{
		{sv.Date(d), "2027-03-15"},
		{en.Date(d), "2027-03-15"},
		{sv.Date(time.Time{}), ""},
		{sv.Week(d), "v.\u00a011"},
		{en.Week(d), "w.\u00a011"},
		// 2027-01-01 is a Friday: ISO week 53 of 2026.
		{sv.Week(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)), "v.\u00a053"},
		{sv.Month(time.March), "mars"},
		{en.Month(time.March), "March"},
		{sv.MonthShort(time.October), "okt"},
		{sv.Quarter(2), "kv.\u00a02"},
		{en.Quarter(4), "Q4"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q want %q", i, tc.got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2027-03-15", true}, {"2027-3-5", true}, {"20270315", true}, {" 2027-03-15 ", true},
		{"2027-02-30", false}, {"15/03/2027", false}, {"", false}, {"igår", false},
	}
	for _, tc := range tests {
		if _, ok := ParseDate(tc.in); ok != tc.ok {
			t.Errorf("ParseDate(%q) ok=%v want %v", tc.in, ok, tc.ok)
		}
	}
}

func TestNamesSortSwedishInBothLanguages(t *testing.T) {
	in := []string{"Östra", "Zoonämnden", "Överförmyndarnämnden", "Oskarsnämnden", "Ärendenämnden", "Arbetsmarknadsnämnden"}
	want := []string{"Arbetsmarknadsnämnden", "Oskarsnämnden", "Zoonämnden", "Ärendenämnden", "Östra", "Överförmyndarnämnden"}
	tests := []struct {
		name string
		sort func([]string)
	}{
		{"sv Localizer.Sort", New(Swedish).Sort},
		{"en Localizer.Sort", New(English).Sort},
		{"sv Localizer.Compare", func(s []string) { l := New(Swedish); slices.SortFunc(s, l.Compare) }},
		{"en Localizer.Compare", func(s []string) { l := New(English); slices.SortFunc(s, l.Compare) }},
		{"SortNames", SortNames},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := slices.Clone(in)
			tc.sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

func TestCompareNames(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"Zoonämnden", "Ärendenämnden", -1},
		{"Ärendenämnden", "Överförmyndarnämnden", -1},
		{"Åtgärd", "Ärende", -1},
		{"Oskarsnämnden", "Östra", -1},
		{"arkiv", "Arkiv", 0},
		{"Barn- och utbildningsnämnden", "Zeta", -1},
	}
	for _, tc := range tests {
		if got := CompareNames(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := CompareNames(tc.b, tc.a); got != -tc.want {
			t.Errorf("CompareNames(%q, %q) = %d, want %d", tc.b, tc.a, got, -tc.want)
		}
	}
}
