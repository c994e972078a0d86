package coordinator

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The coordinator's areas at a laptop and a projector size, in both languages: import with
// an accepted file, a conflict and an unknown signer, the approval dialog, the comparison,
// history, trust list and signing CA show every text whole.
func TestFitsLaptop(t *testing.T) {
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		f := newFixture(t, lang)
		f.w.Resize(size)
		official := testID(t, "Åsa Öberg", "Socialnämnden")
		stranger := testID(t, "Bo Ek", "Kulturnämnden")
		if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
			t.Fatal(err)
		}
		dir := writeFiles(t, map[string][]byte{
			"1-skrivbord.pdf": sealedHours(t, "Socialnämnden", 2027, 2, official, 20),
			"2-laptop.pdf":    sealedHours(t, "Socialnämnden", 2027, 2, official, 60),
			"kultur.pdf":      sealed(t, "Kulturnämnden", 2027, 1, stranger),
		})
		f.v.imp.start([]string{dir})
		f.v.wait()
		check := func(step string) {
			t.Helper()
			// The import and comparison rows show their whole text in the detail
			// under the table when chosen: a cell of theirs may be cut.
			var full []string
			for _, tb := range []*fitTable{f.v.imp.table, conflictTable(f.v)} {
				full = append(full, cells(tb)...)
			}
			opts := fit.Options{Allow: fit.WholeButtons(f.w)}
			if ps := cutOnPurpose(fit.Check(f.w.Canvas().Content(), opts), full); len(ps) > 0 {
				t.Errorf("%s:\n%s", step, fit.Report(ps, 20))
			}
			for _, o := range f.w.Canvas().Overlays().List() {
				if ps := cutOnPurpose(fit.Check(o, opts), full); len(ps) > 0 {
					t.Errorf("%s, dialog:\n%s", step, fit.Report(ps, 20))
				}
			}
		}
		closeAll := func() {
			for _, o := range f.w.Canvas().Overlays().List() {
				f.w.Canvas().Overlays().Remove(o)
			}
		}
		iv := f.v.imp
		check("import")
		for i := range iv.results {
			iv.table.Choose(i)
			check(fmt.Sprintf("import, row %d", i))
			switch {
			case iv.approveBtn.Visible():
				test.Tap(iv.approveBtn)
				check("approve")
				closeAll()
			case iv.compareBtn.Visible():
				test.Tap(iv.compareBtn)
				check("compare")
				closeAll()
			}
		}
		for i, item := range f.v.tabs.Items {
			f.v.tabs.SelectIndex(i)
			check("tab " + item.Text)
		}
		f.v.tabs.SelectIndex(1)
		if len(f.v.hist.groups) > 0 {
			f.v.hist.selectGroup(0)
			check("history, a plan chosen")
		}
	})
}

func conflictTable(v *View) *fitTable {
	if v.conflict == nil {
		return nil
	}
	return v.conflict.table
}

// cells are every text of table t.
func cells(t *fitTable) []string {
	if t == nil {
		return nil
	}
	var out []string
	for r := range t.rows() {
		for c := range t.headers {
			out = append(out, t.cell(r, c))
		}
	}
	return out
}

// The import's columns sort from the keyboard: the title takes the focus, Enter sorts, Space
// again the other way.
func TestSortByKeyboard(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string][]byte{
		"a.pdf": sealed(t, "Socialnämnden", 2027, 1, official),
		"ö.pdf": sealed(t, "Socialnämnden", 2026, 1, official),
		"b.pdf": sealed(t, "Socialnämnden", 2028, 1, official),
	})
	f.v.imp.start([]string{dir})
	f.v.wait()
	tb := f.v.imp.table
	first := func() string { return tb.cell(tb.Order()[0], 0) }
	head, ok := tb.Head(0).(fyne.Focusable)
	if !ok {
		t.Fatal("the column title cannot take the focus")
	}
	f.w.Canvas().Focus(head)
	head.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := first(); got != "a.pdf" {
		t.Errorf("after Enter the first file is %q", got)
	}
	head.TypedRune(' ')
	if got := first(); got != "ö.pdf" {
		t.Errorf("after Space the first file is %q, want ö.pdf (Swedish order: ö last)", got)
	}
}

// cutOnPurpose drops from ps the table cells cut short whose full text is in full: the detail under the table shows them whole.
func cutOnPurpose(ps []fit.Problem, full []string) []fit.Problem {
	return fit.CutOnPurpose(ps, full, func(path string) bool { return strings.Contains(path, "widget.listItem/") })
}
