package importer

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// caIssued is an official's identity for board whose certificate ca issued (an organisation's
// PKI, or the signing CA made outside the importer).
func caIssued(tb testing.TB, ca *identity.Identity, name, board string) *identity.Identity {
	tb.Helper()
	off := signerID(tb, name, board)
	req, err := identity.Request(off)
	if err != nil {
		tb.Fatal(err)
	}
	parsed, err := identity.ParseRequest(req)
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := identity.Issue(ca, parsed, board, time.Now(), IssuedValidity)
	if err != nil {
		tb.Fatal(err)
	}
	return &identity.Identity{Cert: cert, Key: off.Key, Chain: []*x509.Certificate{ca.Cert}}
}

// handMade is an identity with a certificate made outside the app: tmpl signed by parent (nil:
// self-signed), as openssl would make it.
func handMade(tb testing.TB, tmpl *x509.Certificate, parent *identity.Identity) *identity.Identity {
	tb.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl.SerialNumber = big.NewInt(time.Now().UnixNano())
	tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(365*24*time.Hour)
	signerCert, signerKey := tmpl, any(key)
	var chain []*x509.Certificate
	if parent != nil {
		signerCert, signerKey, chain = parent.Cert, parent.Key, []*x509.Certificate{parent.Cert}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signerCert, &key.PublicKey, signerKey)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return &identity.Identity{Cert: c, Key: key, Chain: chain}
}

func verdictOf(r Result) string { return fmt.Sprintf("%s %s", r.Verdict, r.Reason) }

func checkTexts(t *testing.T, r Result) {
	t.Helper()
	for _, l := range i18n.Langs {
		if txt := r.Text(i18n.New(l)); txt == "" || strings.Contains(txt, "⟦") || strings.Contains(txt, "<no value>") {
			t.Errorf("%s text for %s: %q", l, verdictOf(r), txt)
		}
	}
}

// The reviewer's attack: a self-signed certificate with CA:TRUE and no key usage signs a plan;
// approving it must not make it a CA whose certificates then import without approval.
func TestCACertificateCannotBecomeCAByApproval(t *testing.T) {
	env := newEnv(t)
	eva := handMade(t, &x509.Certificate{Subject: pkix.Name{CommonName: "Eva Evil"}, BasicConstraintsValid: true, IsCA: true}, nil)
	karin := handMade(t, &x509.Certificate{Subject: pkix.Name{CommonName: "Karin", OrganizationalUnit: []string{"Kommunstyrelsen"}},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}}, eva)

	r, err := env.im.ImportData("eva.pdf", sealedRaw(t, "Räddningsnämnden", eva))
	if err != nil {
		t.Fatal(err)
	}
	if verdictOf(r) != "rejected cert_invalid" {
		t.Errorf("CA-signed plan: %s (%s)", verdictOf(r), r.Detail)
	}
	if r.Verdict == UnknownSigner {
		// Were such a file ever to wait, approving it must still make a signer.
		if e, _, err := env.im.Approve(t.Context(), r.Fingerprint); err != nil || e.Kind != "signer" {
			t.Errorf("approved as %q: %v", e.Kind, err)
		}
	} else if _, _, err := env.im.Approve(t.Context(), r.Fingerprint); err == nil {
		t.Error("a rejected file's signer could be approved")
	}
	r, err = env.im.ImportData("karin.pdf", seal(t, smallPDF(t, "KS"), payloadFor(t, smallPlan("Kommunstyrelsen", 2027, "x"), 1), karin))
	if err != nil {
		t.Fatal(err)
	}
	if r.Verdict != UnknownSigner {
		t.Errorf("certificate issued by Eva: %s (%s)", verdictOf(r), r.Detail)
	}
	items, err := env.im.TrustList()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Entry.Kind == "ca" {
			t.Errorf("%s is on the trust list as a CA", it.Entry.Subject)
		}
	}
}

// sealedRaw seals a plan of board with a certificate Seal refuses (a CA's), as a hostile program
// could.
func sealedRaw(t *testing.T, board string, id *identity.Identity) []byte {
	t.Helper()
	return craft(t, smallPDF(t, board), mustJSON(t, payloadFor(t, smallPlan(board, 2027, "Åtgärd"), 1)), id)
}

// An official's certificate file that carries the CA after it trusts the official, not the CA.
func TestTrustAddTakesFirstCertificate(t *testing.T) {
	env := newEnv(t)
	ca, err := identity.NewCA("Organisationens CA", testProfile(t).Kommun, time.Now(), CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	anna := caIssued(t, ca, "Anna Ström", "Socialnämnden")
	bob := caIssued(t, ca, "Bob Mallory", "Kommunstyrelsen")
	ch, err := env.im.AddCertificates(t.Context(), identity.CertPEM(anna.Cert, ca.Cert))
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Added) != 1 || ch.Added[0].Kind != "signer" || ch.Added[0].Fingerprint != identity.Fingerprint(anna.Cert) || ch.Skipped != 1 {
		for _, e := range ch.Added {
			t.Errorf("added %s %s", e.Kind, e.Subject)
		}
		t.Errorf("%d added, %d skipped", len(ch.Added), ch.Skipped)
	}
	anna2027 := sealed(t, "Socialnämnden", 2027, 1, anna)
	if r, _ := env.im.ImportData("anna.pdf", anna2027); r.Verdict != AcceptedNew {
		t.Errorf("Anna's plan: %s (%s)", verdictOf(r), r.Detail)
	}
	if r, _ := env.im.ImportData("bob.pdf", sealed(t, "Kommunstyrelsen", 2027, 1, bob)); r.Verdict != UnknownSigner {
		t.Errorf("Bob's plan, certificate from Anna's CA: %s (%s)", verdictOf(r), r.Detail)
	}
}

// The signing CA's certificates must name a board, or nothing says which plans they may sign.
func TestSigningCACertificateWithoutBoard(t *testing.T) {
	env := newEnv(t)
	ca, err := env.im.NewSigningCA(t.Context(), filepath.Join(env.dir, "ca.p12"), "Exempelby signerings-CA", testProfile(t).Kommun, "lång och säker lösenfras", CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	// Issue refuses to make one.
	req, err := identity.Request(signerID(t, "Utan Nämnd", ""))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.im.Issue(ca, req, "", IssuedValidity); ErrorText(i18n.New(i18n.Swedish), err) != i18n.New(i18n.Swedish).T("identity.err.no_board") {
		t.Errorf("issue without board: %v", err)
	}
	// One made by other means is refused at import, whatever the plan's board.
	noBoard := handMade(t, &x509.Certificate{Subject: pkix.Name{CommonName: "Utan Nämnd"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}}, ca)
	r, err := env.im.ImportData("kommunstyrelsen.pdf", sealed(t, "Kommunstyrelsen", 2027, 1, noBoard))
	if err != nil {
		t.Fatal(err)
	}
	if verdictOf(r) != "rejected cert_no_board" {
		t.Errorf("%s (%s)", verdictOf(r), r.Detail)
	}
	checkTexts(t, r)
}

// The importer does not guess when it cannot read a setting a rule depends on.
func TestImportFailsClosedOnUnreadableSettings(t *testing.T) {
	env := newEnv(t)
	ca, err := env.im.NewSigningCA(t.Context(), filepath.Join(env.dir, "ca.p12"), "Exempelby signerings-CA", testProfile(t).Kommun, "lång och säker lösenfras", CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	social := issuedID(t, env, ca, "Åsa Öberg", "Socialnämnden")
	if r, err := env.im.ImportData("social-2027.pdf", sealed(t, "Socialnämnden", 2027, 1, social)); err != nil || r.Verdict != AcceptedNew {
		t.Fatalf("Socialnämnden's own plan: %s %v", verdictOf(r), err)
	}
	// Cecilia's certificate is for Miljönämnden: the signing CA does not vouch for her signing
	// Socialnämnden's plan, which only the setting naming the signing CA tells.
	miljo := issuedID(t, env, ca, "Cecilia Lind", "Miljönämnden")
	file := sealed(t, "Socialnämnden", 2028, 1, miljo)
	if _, err := env.rawDB(t).Exec("ALTER TABLE settings RENAME TO settings_gone"); err != nil {
		t.Fatal(err)
	}
	if r, err := env.im.ImportData("social.pdf", file); err == nil {
		t.Errorf("imported without knowing the signing CA: %s", verdictOf(r))
	}
	if rs, err := env.im.Import(t.Context(), []string{filepath.Join(writeDir(t, map[string][]byte{"s.pdf": file}), "s.pdf")}, nil); err == nil {
		for _, r := range rs {
			t.Errorf("folder imported without knowing the signing CA: %s", verdictOf(r))
		}
	}
	if n := count(t, env.rawDB(t), "SELECT count(*) FROM submissions"); n != 1 {
		t.Errorf("%d stored", n)
	}
	if _, err := env.rawDB(t).Exec("ALTER TABLE settings_gone RENAME TO settings"); err != nil {
		t.Fatal(err)
	}
	if r, err := env.im.ImportData("social.pdf", file); err != nil || verdictOf(r) != "rejected board_mismatch" {
		t.Errorf("with the settings back: %s %v", verdictOf(r), err)
	}
}

// Board and kommun: an approved signer submits for the boards they are approved for; a board
// the database does not have comes in only when a CA's certificate names it or the
// coordinator approves; another kommun's plan is refused.
func TestBoardRules(t *testing.T) {
	prof := testProfile(t)
	env := newEnv(t)
	org, err := identity.NewCA("Organisationens CA", prof.Kommun, time.Now(), CAValidity)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.im.AddCertificates(t.Context(), identity.CertPEM(org.Cert)); err != nil {
		t.Fatal(err)
	}
	asa := signerID(t, "Åsa Öberg", "Socialnämnden") // approved by adding her certificate
	env.trustSigner(t, asa)
	dan := caIssued(t, org, "Dan Berg", "Tekniska nämnden") // the organisation's PKI
	eva := caIssued(t, org, "Eva Ek", "Fritidsnämnden")
	stranger := signerID(t, "Bo Ek", "Kulturnämnden")
	otherKommun := payloadFor(t, smallPlan("Socialnämnden", 2029, "Åtgärd"), 1)
	otherKommun.Kommun = "Grannby kommun"

	steps := []struct {
		name  string
		file  []byte
		want  string
		newBd bool
	}{
		{"approved signer, her board", sealed(t, "Socialnämnden", 2027, 1, asa), "accepted_new ", true},
		{"approved signer, another board", sealed(t, "Kommunstyrelsen", 2027, 1, asa), "unknown_signer signer_other_board", true},
		{"approved signer, another kommun", seal(t, smallPDF(t, "x"), otherKommun, asa), "rejected other_kommun", false},
		{"CA signer, the board the certificate names", sealed(t, "Tekniska nämnden", 2027, 1, dan), "accepted_new ", true},
		{"CA signer, a known board it does not name", sealed(t, "Socialnämnden", 2028, 1, dan), "accepted_new ", false},
		{"CA signer, a new board it does not name", sealed(t, "Byggnämnden", 2027, 1, eva), "unknown_signer new_board", true},
		{"unknown signer, new board", sealed(t, "Kulturnämnden", 2027, 1, stranger), "unknown_signer ", true},
	}
	for _, st := range steps {
		r, err := env.im.ImportData(st.name+".pdf", st.file)
		if err != nil {
			t.Fatal(err)
		}
		if verdictOf(r) != st.want || (r.Verdict != Rejected && r.NewBoard != st.newBd) {
			t.Errorf("%s: %s new board %v (%s), want %s %v", st.name, verdictOf(r), r.NewBoard, r.Detail, st.want, st.newBd)
		}
		checkTexts(t, r)
		if r.Reason == ReasonOtherKommun && !strings.Contains(r.Text(i18n.New(i18n.Swedish)), "Grannby kommun") {
			t.Errorf("kommun text %q", r.Text(i18n.New(i18n.Swedish)))
		}
	}

	// Åsa, approved for another board: the dialog says which, approving lets the file in.
	ps, err := env.im.FindPending(identity.Fingerprint(asa.Cert))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ps.Boards, ps.NewBoards, ps.Approved) != "[Kommunstyrelsen] [Kommunstyrelsen] [Socialnämnden]" || ps.CA != "" {
		t.Errorf("pending Åsa: %v %v %v %q", ps.Boards, ps.NewBoards, ps.Approved, ps.CA)
	}
	e, rs, err := env.im.Approve(t.Context(), identity.Fingerprint(asa.Cert))
	if err != nil || len(rs) != 1 || rs[0].Verdict != AcceptedNew || !slices.Equal(e.Boards, []string{"Kommunstyrelsen", "Socialnämnden"}) {
		t.Fatalf("approve Åsa: %+v %v %v", e, rs, err)
	}
	if r, _ := env.im.ImportData("ks-v2.pdf", sealed(t, "Kommunstyrelsen", 2027, 2, asa)); r.Verdict != AcceptedNewer {
		t.Errorf("Åsa after approval: %s", verdictOf(r))
	}

	// Eva, vouched for by the CA: approving imports her plan and adds the board, and puts no
	// one on the trust list.
	ps, err = env.im.FindPending(identity.Fingerprint(eva.Cert))
	if err != nil || ps.CA != "Organisationens CA" || fmt.Sprint(ps.NewBoards) != "[Byggnämnden]" {
		t.Fatalf("pending Eva: %+v %v", ps, err)
	}
	before, _ := env.im.TrustList()
	e, rs, err = env.im.Approve(t.Context(), identity.Fingerprint(eva.Cert))
	if err != nil || len(rs) != 1 || rs[0].Verdict != AcceptedNew || e.Fingerprint != identity.Fingerprint(org.Cert) {
		t.Fatalf("approve Eva: %+v %v %v", e, rs, err)
	}
	if after, _ := env.im.TrustList(); len(after) != len(before) {
		t.Errorf("trust list grew from %d to %d", len(before), len(after))
	}
	if _, err := env.store.BoardByName("Byggnämnden"); err != nil {
		t.Errorf("board not added: %v", err)
	}

	// Bo, unknown: approved for his new board.
	ps, err = env.im.FindPending(identity.Fingerprint(stranger.Cert))
	if err != nil || fmt.Sprint(ps.NewBoards) != "[Kulturnämnden]" || ps.Approved != nil || ps.CA != "" {
		t.Fatalf("pending Bo: %+v %v", ps, err)
	}
	if e, rs, err := env.im.Approve(t.Context(), identity.Fingerprint(stranger.Cert)); err != nil || len(rs) != 1 || rs[0].Verdict != AcceptedNew ||
		e.Kind != "signer" || fmt.Sprint(e.Boards) != "[Kulturnämnden]" {
		t.Errorf("approve Bo: %+v %v %v", e, rs, err)
	}
	if p, _ := env.im.Pending(); len(p) != 0 {
		t.Errorf("still waiting: %+v", p)
	}
	// A board name carrying a separator is one board, not two.
	weird := "Socialnämnden\x1fKommunstyrelsen"
	ids := signerID(t, "Ulf Udda", "")
	r, _ := env.im.ImportData("udda.pdf", sealed(t, weird, 2027, 1, ids))
	if r.Verdict != UnknownSigner {
		t.Fatalf("odd board: %s", verdictOf(r))
	}
	if e, _, err := env.im.Approve(t.Context(), identity.Fingerprint(ids.Cert)); err != nil || len(e.Boards) != 1 {
		t.Errorf("odd board approved as %q %v", e.Boards, err)
	}
	if r, _ := env.im.ImportData("udda-ks.pdf", sealed(t, "Kommunstyrelsen", 2028, 1, ids)); r.Verdict != UnknownSigner {
		t.Errorf("odd board's signer, Kommunstyrelsen: %s", verdictOf(r))
	}
}

// Removing and adding trust back applies the board rules as at import.
func TestRestoreTrustKeepsBoards(t *testing.T) {
	env := newEnv(t)
	asa := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, asa)
	if r, _ := env.im.ImportData("ks.pdf", sealed(t, "Kommunstyrelsen", 2027, 1, asa)); r.Verdict != UnknownSigner {
		t.Fatal(verdictOf(r))
	}
	if _, _, err := env.im.Approve(t.Context(), identity.Fingerprint(asa.Cert)); err != nil {
		t.Fatal(err)
	}
	if _, marked, err := env.im.RemoveTrust(identity.Fingerprint(asa.Cert)); err != nil || marked != 1 {
		t.Fatalf("remove: %d %v", marked, err)
	}
	// Her certificate names Socialnämnden only: the Kommunstyrelsen plan stays untrusted.
	ch, err := env.im.AddCertificates(t.Context(), identity.CertPEM(asa.Cert))
	if err != nil || ch.Restored != 0 {
		t.Errorf("re-add: restored %d %v", ch.Restored, err)
	}
}

func TestTooLargeFile(t *testing.T) {
	env := newEnv(t)
	path := filepath.Join(t.TempDir(), "stor.pdf")
	if err := writeSparse(path, submission.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	rs, err := env.im.Import(t.Context(), []string{path}, nil)
	if err != nil || len(rs) != 1 || verdictOf(rs[0]) != "rejected too_large" {
		t.Fatalf("%v %v", rs, err)
	}
	checkTexts(t, rs[0])
}

// writeSparse makes a file of size bytes without writing them.
func writeSparse(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Truncate(size)
}

// A signer put on the list by a version that recorded no boards keeps the board their
// certificate names, also when approved for another one.
func TestLegacySignerKeepsCertificateBoard(t *testing.T) {
	env := newEnv(t)
	asa := signerID(t, "Åsa Öberg", "Socialnämnden")
	if _, _, err := env.store.AddTrust(data.TrustEntry{Kind: data.TrustSigner, Subject: "Åsa Öberg", Fingerprint: identity.Fingerprint(asa.Cert), Cert: asa.Cert.Raw}, "added"); err != nil {
		t.Fatal(err)
	}
	if r, _ := env.im.ImportData("social.pdf", sealed(t, "Socialnämnden", 2027, 1, asa)); r.Verdict != AcceptedNew {
		t.Errorf("her certificate's board: %s", verdictOf(r))
	}
	if r, _ := env.im.ImportData("ks.pdf", sealed(t, "Kommunstyrelsen", 2027, 1, asa)); verdictOf(r) != "unknown_signer signer_other_board" {
		t.Errorf("another board: %s", verdictOf(r))
	}
	e, _, err := env.im.Approve(t.Context(), identity.Fingerprint(asa.Cert))
	if err != nil || fmt.Sprint(e.Boards) != "[Kommunstyrelsen Socialnämnden]" {
		t.Errorf("approved for %v, %v", e.Boards, err)
	}
	if r, _ := env.im.ImportData("social-2028.pdf", sealed(t, "Socialnämnden", 2028, 1, asa)); r.Verdict != AcceptedNew {
		t.Errorf("her certificate's board after approval: %s", verdictOf(r))
	}
}
