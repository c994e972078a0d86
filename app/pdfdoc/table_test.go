package pdfdoc

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"handlingsplan/i18n"
)

// pagesText renders the finished document and returns the text of every page.
func pagesText(t *testing.T, d *Doc) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	b, err := d.Finish(testMeta)
	if err != nil {
		t.Fatalf("Finish: %v", err)
	}
	p := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// rowLine matches a table line the test wrote.
var rowLine = regexp.MustCompile(`r\d{3}-\d{3}`)

func lines(prefix string, n int) Cell {
	c := Cell{}
	for i := range n {
		c = append(c, Span{Text: fmt.Sprintf("%s-%03d", prefix, i)})
	}
	return c
}

func TestTablePaging(t *testing.T) {
	cols := []Column{{Title: "Rubrik", Width: 200}, {Title: "Värde", Width: ContentW - 200, Align: AlignRight}}
	tests := []struct {
		name      string
		startY    float64 // 0: a fresh document
		rows      int
		lines     int // per row
		wantPages int
	}{
		{"fits on one page", 0, 5, 1, 1},
		{"no header alone at a page end", ContentBottom - 30, 3, 2, 2},
		{"header repeats on every page", 0, 150, 1, 4},
		{"multi-line rows stay whole", 0, 40, 5, 4},
		{"a row taller than a page is split", 0, 1, 90, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := New(i18n.New(i18n.Swedish))
			if err != nil {
				t.Fatal(err)
			}
			d.Paragraph("Inledning", 9, false, ColText)
			if tc.startY > 0 {
				d.Y = tc.startY
			}
			var rows []Row
			for i := range tc.rows {
				rows = append(rows, Row{Cells: []Cell{lines(fmt.Sprintf("r%03d", i), tc.lines), Plain("v")}})
			}
			d.Table(cols, rows)
			if d.Page() != tc.wantPages {
				t.Errorf("table ends on page %d, want %d", d.Page(), tc.wantPages)
			}
			pages := pagesText(t, d)
			if len(pages) != tc.wantPages {
				t.Fatalf("PDF has %d pages, want %d", len(pages), tc.wantPages)
			}
			for p, text := range pages {
				hasRows, hasHeader := rowLine.MatchString(text), strings.Contains(text, "Rubrik")
				if hasRows != hasHeader {
					t.Errorf("page %d: rows %v, header %v; the header goes with the rows", p+1, hasRows, hasHeader)
				}
			}
			// Every line is printed once; a row that fits on a page is on one page.
			for i := range tc.rows {
				on := map[int]bool{}
				for k := range tc.lines {
					l := fmt.Sprintf("r%03d-%03d", i, k)
					found := 0
					for p, text := range pages {
						if c := strings.Count(text, l); c > 0 {
							found += c
							on[p] = true
						}
					}
					if found != 1 {
						t.Fatalf("line %s printed %d times", l, found)
					}
				}
				if tc.lines < 60 && len(on) != 1 {
					t.Errorf("row %d is split over pages %v", i, on)
				}
			}
		})
	}
}

func TestUnbreakable(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Timmar", []string{"Timmar"}},
		{"Utan risk­analys", []string{"Utan", "risk-", "analys"}},
		{"System\u00adsäkerhets\u00adplan", []string{"System-", "säkerhets-", "plan"}},
		{"Barn- och utbildning", []string{"Barn-", "och", "utbildning"}},
		{"kv./år", []string{"kv./", "år"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := unbreakable(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("unbreakable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHeaderSizeShrinksOnlyUnbreakableWords(t *testing.T) {
	d, err := New(i18n.New(i18n.Swedish))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		col    Column
		shrink bool
	}{
		{"wide column", Column{Title: "Systemsäkerhetsplan", Width: 200}, false},
		{"narrow column, one long word", Column{Title: "Systemsäkerhetsplan", Width: 40}, true},
		{"narrow column, soft hyphens", Column{Title: "System\u00adsäkerhets\u00adplan", Width: 48}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := d.headerSize(tc.col)
			if (got < TableSize) != tc.shrink || got < 5.5 {
				t.Errorf("headerSize = %v (table size %v), want shrink %v", got, TableSize, tc.shrink)
			}
		})
	}
}

// A cell whose word does not fit its column gets a smaller font, not a word cut at a letter; a
// board's name shrinks further before it is ever cut.
func TestLayoutCellShrinksLongWords(t *testing.T) {
	d, err := New(i18n.New(i18n.Swedish))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		span      Span
		colW      float64
		lines     int
		smaller   bool    // printed smaller than TableSize
		floorSize float64 // the size may not go below this
	}{
		{"fits", Span{Text: "Säkerhetssamordnare"}, 100, 1, false, TableSize},
		{"shrinks a step", Span{Text: "Säkerhetssamordnare"}, 70, 1, true, TableMinSize},
		{"words wrap first", Span{Text: "Samordnare för informationssäkerhet"}, 100, 2, false, TableSize},
		{"board name shrinks below the table floor", Span{Text: "Överförmyndarnämnden", Bold: true, Name: true}, 66, 1, true, NameMinSize},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ls := d.layoutCell(Cell{tc.span}, tc.colW, TableSize)
			if len(ls) != tc.lines {
				t.Fatalf("lines %+v, want %d", ls, tc.lines)
			}
			for _, l := range ls {
				if (l.size < TableSize) != tc.smaller || l.size < tc.floorSize {
					t.Errorf("line %q size %v: smaller %v, want %v (floor %v)", l.text, l.size, l.size < TableSize, tc.smaller, tc.floorSize)
				}
				d.SetFont(tc.span.Bold, l.size)
				if d.Width(l.text) > tc.colW-2*TablePad {
					t.Errorf("line %q is wider than its column", l.text)
				}
				if strings.HasSuffix(l.text, "-") {
					t.Errorf("line %q ends in an invented hyphen", l.text)
				}
			}
		})
	}
}

// Wherever a table meets a page's foot, no page holds a single row of it: the table starts on
// a new page unless two rows (all of a short table) fit, and the last row never goes over alone.
func TestTableKeepsRowsTogether(t *testing.T) {
	cols := []Column{{Title: "Rubrik", Width: 200}, {Title: "Värde", Width: ContentW - 200, Align: AlignRight}}
	rowRE := regexp.MustCompile(`r(\d{3})-000`)
	for _, n := range []int{2, 3, 4, 5, 9, 47} {
		for _, nl := range []int{1, 3} {
			for startY := ContentBottom - 140; startY <= ContentBottom; startY += 6 {
				name := fmt.Sprintf("%d rows of %d lines from y %.0f", n, nl, startY)
				d, err := New(i18n.New(i18n.Swedish))
				if err != nil {
					t.Fatal(err)
				}
				d.Paragraph("Inledning", 9, false, ColText)
				d.Y = startY
				var rows []Row
				for i := range n {
					rows = append(rows, Row{Cells: []Cell{lines(fmt.Sprintf("r%03d", i), nl), Plain("v")}})
				}
				d.Table(cols, rows)
				var perPage []int
				for _, text := range pagesText(t, d) {
					if c := len(rowRE.FindAllString(text, -1)); c > 0 {
						perPage = append(perPage, c)
					}
				}
				total := 0
				for _, c := range perPage {
					total += c
					if c == 1 {
						t.Errorf("%s: rows per page %v: a row alone on a page", name, perPage)
						break
					}
				}
				if total != n {
					t.Errorf("%s: %d rows printed, want %d", name, total, n)
				}
			}
		}
	}
}
