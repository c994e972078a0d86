package exports

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/i18n"
)

// A heading (and its intro) before a table is never left at a page's foot: wherever the page
// ends, it is on the page of the table's first two rows.
func TestHeadingKeepsWithTwoRows(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	loc := i18n.New(i18n.Swedish)
	cols := []column{{"Nämnd", 3, pdfdoc.AlignLeft}, {"Antal", 1, pdfdoc.AlignRight}}
	rows := []row{{cells: []cell{txt("Rad-A"), txt("1")}}, {cells: []cell{txt("Rad-B\nandra raden"), txt("2")}}, {cells: []cell{txt("Rad-C"), txt("3")}}, {cells: []cell{txt("Rad-D"), txt("4")}}}
	for _, intro := range []string{"", "En inledning till tabellen som tar en rad."} {
		for y := pdfdoc.ContentBottom - 150; y <= pdfdoc.ContentBottom; y += 5 {
			d, err := newDoc(loc)
			if err != nil {
				t.Fatal(err)
			}
			d.NewPage()
			d.Paragraph("Inledning", 9, false, pdfdoc.ColText) // a page with nothing drawn has no content to number
			d.Y = y
			d.headTable("Rubriken", intro, 9, pdfdoc.ColMuted)
			d.table(cols, rows)
			b, err := d.bytes("t", "a", "s", "1", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "t.pdf")
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(bin, "-enc", "UTF-8", p, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, page := range strings.Split(string(out), "\f") {
				if strings.Contains(page, "Rubriken") && !(strings.Contains(page, "Rad-A") && strings.Contains(page, "Rad-B")) {
					t.Errorf("from y %.0f (intro %v): the heading is on a page without the first two rows:\n%s", y, intro != "", page)
				}
			}
		}
	}
}
