package coordinator

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"handlingsplan/app/identity"
	"handlingsplan/i18n"
)

func TestApproveUnknownSignerDialog(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	stranger := testID(t, "Bo Ek", "Kulturnämnden")
	dir := writeFiles(t, map[string][]byte{"kultur.pdf": sealed(t, "Kulturnämnden", 2027, 1, stranger)})
	f.v.imp.start([]string{dir})
	f.v.wait()
	iv := f.v.imp
	iv.table.Choose(0)
	test.Tap(iv.approveBtn)
	texts := overlayTexts(t, f.w)
	grouped := identity.GroupedFingerprint(stranger.Cert)
	for _, want := range []string{"Bo Ek", "Kulturnämnden", "kansli@exempelby.se", fingerprintLines(grouped), "kultur.pdf (Kulturnämnden 2027, version 1)", "Ring avsändaren",
		"Kulturnämnden finns inte bland era nämnder ännu"} {
		if !strings.Contains(texts, want) {
			t.Errorf("approve dialog lacks %q:\n%s", want, texts)
		}
	}
	shot(t, f.w, "approve-dialog")
	tapOverlayButton(t, f.w, "Godkänn och läs in")
	f.v.wait()
	if got := verdicts(iv.results); got != "kultur.pdf=accepted_new" {
		t.Errorf("after approval: %s", got)
	}
	if len(f.v.trust.pending) != 0 || len(f.v.trust.items) != 1 || f.v.trust.cell(0, 0) != "Godkänd undertecknare" {
		t.Errorf("trust tab: %d pending, %d items", len(f.v.trust.pending), len(f.v.trust.items))
	}
	if len(f.v.hist.groups) != 1 || f.v.hist.groups[0].current != 1 {
		t.Errorf("history: %+v", f.v.hist.groups)
	}
}

func TestHistoryAndRemoveTrust(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	official := testID(t, "Åsa Öberg", "Socialnämnden")
	if _, err := f.v.im.AddCertificates(t.Context(), identity.CertPEM(official.Cert)); err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string][]byte{
		"v1.pdf": sealed(t, "Socialnämnden", 2027, 1, official),
		"v3.pdf": sealed(t, "Socialnämnden", 2027, 3, official),
		"v2.pdf": sealed(t, "Socialnämnden", 2027, 2, official),
	})
	f.v.imp.start([]string{filepath.Join(dir, "v1.pdf"), filepath.Join(dir, "v3.pdf"), filepath.Join(dir, "v2.pdf")})
	f.v.wait()
	h := f.v.hist
	f.v.tabs.SelectIndex(1)
	// Before a plan is chosen the right pane says what to do, not nothing.
	if !h.pick.Visible() || h.detail.Visible() || h.pick.Text != "Välj en plan i listan" {
		t.Errorf("no plan chosen: hint shown %v (%q), versions shown %v", h.pick.Visible(), h.pick.Text, h.detail.Visible())
	}
	h.list.Select(0)
	if h.pick.Visible() || !h.detail.Visible() {
		t.Errorf("plan chosen: hint shown %v, versions shown %v", h.pick.Visible(), h.detail.Visible())
	}
	if len(h.subs) != 3 {
		t.Fatalf("%d versions shown", len(h.subs))
	}
	var rows []string
	for r := range h.subs {
		rows = append(rows, h.cell(r, hcolVersion)+":"+h.cell(r, hcolCurrent)+":"+h.cell(r, hcolSigner)+":"+h.cell(r, hcolTrust))
	}
	if got := strings.Join(rows, " | "); got != "3:Gällande:Åsa Öberg:Betrodd | 2::Åsa Öberg:Betrodd | 1::Åsa Öberg:Betrodd" {
		t.Errorf("versions: %s", got)
	}
	if h.groupText(h.groups[0]) != "2027 · Socialnämnden · version 3" {
		t.Errorf("group %q", h.groupText(h.groups[0]))
	}
	shot(t, f.w, "history")

	// Re-check the kept file of version 2.
	h.table.Choose(1)
	test.Tap(h.checkBt)
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "Underskriften är giltig") {
		t.Errorf("recheck says:\n%s", texts)
	}
	f.w.Canvas().Overlays().Top().Hide()
	f.w.Canvas().Overlays().Remove(f.w.Canvas().Overlays().Top())

	// Remove the signer from the trust list, after the confirmation.
	f.v.tabs.SelectIndex(2)
	tv := f.v.trust
	tv.table.Choose(0)
	test.Tap(tv.removeBtn)
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "Ingenting som redan är inläst tas bort") {
		t.Errorf("confirmation:\n%s", texts)
	}
	shot(t, f.w, "trust-remove-confirm")
	tapOverlayButton(t, f.w, "Ta bort")
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "3 inlästa inlämningar är markerade") {
		t.Errorf("after removal:\n%s", texts)
	}
	if len(tv.items) != 0 {
		t.Errorf("still listed: %d", len(tv.items))
	}
	if h.cell(0, hcolTrust) != "Inte längre betrodd" || !strings.Contains(h.groupText(h.groups[0]), "inte längre betrodd") {
		t.Errorf("history after removal: %q / %q", h.cell(0, hcolTrust), h.groupText(h.groups[0]))
	}
	if n, _ := f.store.Submissions("", 0); len(n) != 3 {
		t.Errorf("removing trust deleted submissions: %d", len(n))
	}
}

func TestSigningCATab(t *testing.T) {
	f := newFixture(t, i18n.Swedish)
	c := f.v.ca
	f.v.tabs.SelectIndex(3)
	if c.createBtn == nil || !strings.Contains(c.name.Text, "signerings-CA") {
		t.Fatalf("no create form (name %q)", c.name.Text)
	}
	shot(t, f.w, "ca-create")
	cases := []struct {
		pass, again string
		err         error
	}{
		{"Blåbär på ängen i höst", "Blåbär på ängen i vår", errPassMismatch},
		{"kort", "kort", errPassWeak},
		{"Blåbär på ängen i höst", "Blåbär på ängen i höst", nil},
	}
	for _, tc := range cases {
		test.Type(c.pass, "")
		c.pass.SetText(tc.pass)
		c.again.SetText(tc.again)
		if err := c.checkCreate(); err != tc.err {
			t.Errorf("%q/%q: %v, want %v", tc.pass, tc.again, err, tc.err)
		}
	}
	if c.hint.Text != i18n.New(i18n.Swedish).T("identity.strength.strong") {
		t.Errorf("strength hint %q", c.hint.Text)
	}
	test.Tap(c.createBtn)
	f.v.wait()
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "är skapat och finns i listan över betrodda") {
		t.Errorf("created:\n%s", texts)
	}
	if c.issueBtn == nil || c.certBtn.Disabled() {
		t.Fatal("no issue button after creating the CA")
	}
	shot(t, f.w, "ca-exists")
	if len(f.v.trust.items) != 1 || f.v.trust.cell(0, 0) != "Kommunens signerings-CA" {
		t.Errorf("trust list: %d", len(f.v.trust.items))
	}

	// An official's request, issued from the tab, accepted by the official's app.
	official, err := identity.New(identity.Subject{Name: "Cecilia Lind", Title: "Förvaltningschef", Board: "Miljönämnden"}, time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	req, err := identity.Request(official)
	if err != nil {
		t.Fatal(err)
	}
	c.showIssue(req)
	if texts := overlayTexts(t, f.w); !strings.Contains(texts, "Cecilia Lind") || !strings.Contains(texts, "Förvaltningschef") {
		t.Errorf("issue dialog:\n%s", texts)
	}
	shot(t, f.w, "ca-issue")
	var answer []byte
	c.issue(req, "Miljönämnden", 2, "fel lösenfras", func(a []byte, _ string) { answer = a })
	f.v.wait()
	if answer != nil || !strings.Contains(overlayTexts(t, f.w), "Lösenfrasen stämmer inte") {
		t.Error("issued with a wrong passphrase")
	}
	c.issue(req, "Miljönämnden", 2, "Blåbär på ängen i höst", func(a []byte, name string) {
		answer = a
		if name != "Cecilia Lind" {
			t.Errorf("name %q", name)
		}
	})
	f.v.wait()
	if err := identity.Accept(official, answer); err != nil {
		t.Fatal(err)
	}
	// Her submission is trusted without approval.
	dir := writeFiles(t, map[string][]byte{"miljo.pdf": sealed(t, "Miljönämnden", 2027, 1, official)})
	f.v.imp.start([]string{dir})
	f.v.wait()
	if got := verdicts(f.v.imp.results); got != "miljo.pdf=accepted_new" {
		t.Errorf("CA-issued submission: %s", got)
	}
	if answerName("Cecilia Lind (förv.)") != "cecilia-lind-förv-certifikat.pem" {
		t.Errorf("answer name %q", answerName("Cecilia Lind (förv.)"))
	}
}
