package coordinator

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
)

// Issue 10: two files with the same board, year and version but different content. The import
// tab calls the second a conflict and offers the comparison; the comparison shows both side by
// side with what differs; choosing one asks, stores the choice and makes it current.
func TestConflictCompareAndChoose(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	f.w.Resize(fyne.NewSize(1366, 768))
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string][]byte{
		"1-skrivbord.pdf": sealedHours(t, "Socialnämnden", 2027, 2, official, 20),
		"2-laptop.pdf":    sealedHours(t, "Socialnämnden", 2027, 2, official, 60),
	})
	f.v.imp.start([]string{dir})
	f.v.wait()
	iv := f.v.imp
	if got := verdicts(iv.results); got != "1-skrivbord.pdf=accepted_new 2-laptop.pdf=conflict" {
		t.Fatalf("verdicts: %s", got)
	}
	if !strings.Contains(iv.status.Text, "2 filer: 1 inläst, 1 konflikt att välja i.") || !strings.Contains(iv.status.Text, "jämföra och välja") {
		t.Errorf("status %q", iv.status.Text)
	}
	if !iv.conflictBox.Visible() || !strings.Contains(iv.conflictNote.Text, "väntar på att du väljer vilken som gäller: Socialnämnden 2027.") {
		t.Errorf("no note on the open conflict: %v %q", iv.conflictBox.Visible(), iv.conflictNote.Text)
	}
	if got := iv.cell(1, colVerdict); got != "Konflikt, välj version" {
		t.Errorf("verdict cell %q", got)
	}
	iv.table.Choose(0)
	if iv.compareBtn.Visible() {
		t.Error("compare offered for an imported file")
	}
	iv.table.Choose(1)
	if !iv.compareBtn.Visible() || iv.approveBtn.Visible() || !strings.Contains(iv.detail.Text, "annat innehåll") {
		t.Fatalf("conflict row: compare %v approve %v, detail %q", iv.compareBtn.Visible(), iv.approveBtn.Visible(), iv.detail.Text)
	}
	// The history marks the plan too.
	if len(f.v.hist.groups) != 1 || !strings.Contains(f.v.hist.groupText(f.v.hist.groups[0]), "konflikt att välja i") {
		t.Errorf("history groups %+v", f.v.hist.groups)
	}
	f.v.hist.selectGroup(0)
	if !f.v.hist.compare.Visible() {
		t.Error("history offers no comparison")
	}

	test.Tap(iv.compareBtn)
	cv := f.v.conflict
	if cv == nil {
		t.Fatal("no comparison shown")
	}
	texts := overlayTexts(t, f.w)
	if !strings.Contains(texts, "2 inlämningar för Socialnämnden 2027 stämmer inte överens") {
		t.Errorf("comparison lacks its explanation:\n%s", texts)
	}
	want := map[string][]string{
		"Version":               {"2", "2"},
		"Fil":                   {"1-skrivbord.pdf", "2-laptop.pdf"},
		"Planens identitet":     {"anges inte (äldre version av programmet)", "anges inte (äldre version av programmet)"},
		"      Interna timmar":  {"20 tim", "60 tim"}, // under the activity's heading
		"Summa: Interna timmar": {"20 tim", "60 tim"},
	}
	found := 0
	for r := range cv.rows {
		w, ok := want[cv.cell(r, 0)]
		if !ok {
			continue
		}
		found++
		if strings.HasPrefix(cv.cell(r, 0), " ") && (cv.cell(r-1, 0) != "Åtgärd ”Behörighetsöversyn”" || !cv.rows[r-1].heading) {
			t.Errorf("%q is not under its activity: %q", cv.cell(r, 0), cv.cell(r-1, 0))
		}
		if cv.cell(r, 1) != w[0] || cv.cell(r, 2) != w[1] {
			t.Errorf("%s: %q | %q, want %q", cv.cell(r, 0), cv.cell(r, 1), cv.cell(r, 2), w)
		}
	}
	if got := cv.cell(1, 2); cv.cell(1, 0) != "Undertecknad av" || !strings.HasPrefix(got, "Åsa Öberg, ") {
		t.Errorf("signed row %q: %q", cv.cell(1, 0), got)
	}
	if found != len(want) {
		t.Errorf("found %d of %d rows", found, len(want))
	}
	cv.table.Choose(len(cv.rows) - 1)
	if !strings.Contains(cv.detail.Text, "Inlämning 2: ") {
		t.Errorf("row detail %q", cv.detail.Text)
	}
	shot(t, f.w, "conflict-sv")

	tapOverlayButton(t, f.w, "Låt inlämning 2 gälla (version 2)")
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "2-laptop.pdf undertecknad av Åsa Öberg") {
		t.Errorf("confirmation:\n%s", texts)
	}
	f.store.SetWho("Samordnaren Siv")
	tapOverlayButton(t, f.w, "Ja, låt den gälla")
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "gäller nu") {
		t.Errorf("after choosing:\n%s", texts)
	}
	subs, err := f.store.Submissions("Socialnämnden", 2027)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.Current != (s.FileName == "2-laptop.pdf") || s.ConflictOpen {
			t.Errorf("%s current %v open %v", s.FileName, s.Current, s.ConflictOpen)
		}
		if s.FileName == "2-laptop.pdf" {
			audit, _ := f.store.Audit("submission", s.ID)
			if len(audit) == 0 || audit[len(audit)-1].Field != "chosen" || audit[len(audit)-1].Who != "Samordnaren Siv" {
				t.Errorf("audit %+v", audit)
			}
		}
	}
	if f.v.hist.groups[0].conflict || f.v.hist.compare.Visible() || iv.conflictBox.Visible() {
		t.Error("history or the import tab still shows the conflict")
	}
}

// The comparison in English, for the screenshot and the labels.
func TestConflictEnglish(t *testing.T) {
	f := newFixture(t, i18n.English)
	f.w.Resize(fyne.NewSize(1366, 768))
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	for i, h := range []int64{20, 60} {
		if _, err := f.v.im.ImportData([]string{"desktop.pdf", "laptop.pdf"}[i], sealedHours(t, "Socialnämnden", 2027, 2, official, h)); err != nil {
			t.Fatal(err)
		}
	}
	f.v.refresh()
	f.v.tabs.SelectIndex(1)
	f.v.hist.list.Select(0)
	test.Tap(f.v.hist.compare)
	texts := overlayTexts(t, f.w)
	for _, want := range []string{"2 submissions for Socialnämnden 2027 disagree", "Select a row to see its full text."} {
		if !strings.Contains(texts, want) {
			t.Errorf("lacks %q:\n%s", want, texts)
		}
	}
	if got := f.v.conflict.cell(1, 1); !strings.HasPrefix(got, "Åsa Öberg, ") {
		t.Errorf("signed row %q", got)
	}
	shot(t, f.w, "conflict-en")
}
