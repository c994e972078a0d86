package layers

import (
	"strings"
	"testing"
)

// slowInit are modules whose package initialisation costs milliseconds at every start of the
// program (issue 12): go-runewidth's tables (through pdfcpu's form package), excelize's formula
// and number-format tables. Tests may use them as independent readers; the program must not.
var slowInit = []string{"github.com/pdfcpu/pdfcpu", "github.com/mattn/go-runewidth", "github.com/xuri/excelize"}

func TestProgramLinksNoSlowInit(t *testing.T) {
	for _, p := range listPackages(t) {
		if p.path != "handlingsplan" {
			continue
		}
		for _, d := range p.deps {
			for _, m := range slowInit {
				if d == m || strings.HasPrefix(d, m+"/") {
					t.Errorf("the program links %s", d)
				}
			}
		}
		return
	}
	t.Fatal("go list did not list the program")
}

// The PDF signing library is called in one place, app/pdfsign, for every signature the app
// makes.
func TestOneSigner(t *testing.T) {
	const lib = "github.com/digitorus/pdfsign/sign"
	for _, p := range listPackages(t) {
		for _, imp := range p.imports {
			if imp == lib && p.path != "handlingsplan/app/pdfsign" {
				t.Errorf("%s imports %s; sign through handlingsplan/app/pdfsign", p.path, lib)
			}
		}
	}
}
