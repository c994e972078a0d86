package export

import (
	"crypto/x509"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/identity"
)

func TestSettingsPanel(t *testing.T) {
	fx := newFixture(t)
	p := newSettings(fx.env)
	fx.seams(p.ui)
	if p.create == nil || p.exportCert != nil {
		t.Fatal("without an identity the panel should offer to create one")
	}

	// Create one from the panel.
	test.Tap(p.create)
	c := lastCreateForm(t, p)
	c.name.SetText("Per Persson")
	c.email.SetText("per@example.se")
	c.pass.pass.SetText(passphrase)
	c.pass.repeat.SetText(passphrase)
	test.Tap(c.createBtn)
	p.wg.Wait()
	id, err := unlock(fx.config, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if p.fields["export.id.name"] == nil || p.fields["export.id.name"].Text != "Per Persson" {
		t.Fatalf("panel fields after create: %v", p.fields)
	}
	if got := p.fields["export.id.fingerprint"].Text; got != identity.GroupedFingerprint(id.Cert) {
		t.Errorf("fingerprint %q", got)
	}
	if got := p.fields["export.id.issuer"].Text; got != tr("export.issuer_self") {
		t.Errorf("issuer %q", got)
	}
	if got := p.fields["export.id.kommun"]; got == nil || got.Text == "" {
		t.Error("the kommun of the profile is not in the certificate")
	}

	// Export the certificate for the coordinator (DER in a .cer).
	test.Tap(p.exportCert)
	der := fx.saved["Per Persson.cer"]
	if c, err := x509.ParseCertificate(der); err != nil || !c.Equal(id.Cert) {
		t.Errorf("exported certificate: %v", err)
	}

	// A certificate request: wrong passphrase first.
	test.Tap(p.request)
	test.Type(p.passDlg.pass, "fel")
	test.Tap(p.passDlg.ok)
	if p.passDlg.status.Text != tr("identity.err.wrong_passphrase") {
		t.Errorf("wrong passphrase: %q", p.passDlg.status.Text)
	}
	test.Type(p.passDlg.pass, passphrase)
	test.Tap(p.passDlg.ok)
	reqName := "Certifikatbegäran Per Persson.pem"
	csr, err := identity.ParseRequest(fx.saved[reqName])
	if err != nil {
		t.Fatalf("request: %v (saved %d files)", err, len(fx.saved))
	}

	// The coordinator answers; the panel takes the answer in.
	ca, err := identity.NewCA("Exempelby signerings-CA", "Exempelby kommun", time.Now(), 365*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := identity.Issue(ca, csr, "Socialnämnden", time.Now(), 200*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	fx.toOpen = identity.CertPEM(leaf, ca.Cert)
	test.Tap(p.accept)
	test.Type(p.passDlg.pass, passphrase)
	test.Tap(p.passDlg.ok)
	if got := p.fields["export.id.issuer"].Text; got != "Exempelby signerings-CA" {
		t.Errorf("issuer after accepting: %q; status %q", got, p.status.Text)
	}
	if got := p.fields["export.id.board"].Text; got != "Socialnämnden" {
		t.Errorf("board after accepting: %q", got)
	}
	if p.fields["export.id.valid"].Importance != widget.MediumImportance {
		t.Errorf("a certificate valid for 200 days is marked %v", p.fields["export.id.valid"].Importance)
	}

	// Without the certificate file the panel asks to unlock first.
	if err := os.Remove(certPath(fx.config)); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	if p.unlockBtn == nil {
		t.Fatal("no unlock button without the certificate file")
	}
	test.Tap(p.unlockBtn)
	test.Type(p.passDlg.pass, passphrase)
	test.Tap(p.passDlg.ok)
	if p.fields["export.id.name"] == nil {
		t.Fatal("details not shown after unlocking")
	}

	// Remove asks first.
	test.Tap(p.remove)
	test.Tap(p.confirmDlg.cancel)
	if !hasIdentity(fx.config) {
		t.Fatal("removed although cancelled")
	}
	test.Tap(p.remove)
	test.Tap(p.confirmDlg.yes)
	if hasIdentity(fx.config) || p.create == nil {
		t.Error("identity still there after removing")
	}
	if _, err := os.Stat(certPath(fx.config)); err == nil {
		t.Error("certificate file left behind")
	}
}

func TestSettingsImport(t *testing.T) {
	fx := newFixture(t)
	id, err := testID()
	if err != nil {
		t.Fatal(err)
	}
	p12, err := identity.Encode(id, "filens lösenord")
	if err != nil {
		t.Fatal(err)
	}
	fx.toOpen = p12
	p := newSettings(fx.env)
	fx.seams(p.ui)
	test.Tap(p.importBtn)
	f := lastImportForm(t, p)
	test.Tap(f.choose)
	if strings.Join(fx.openExt, " ") != ".p12 .pfx" {
		t.Errorf("file filter %v", fx.openExt)
	}
	f.filePass.SetText("fel")
	f.pass.pass.SetText(passphrase)
	f.pass.repeat.SetText(passphrase)
	test.Tap(f.importBtn)
	if f.status.Text != tr("identity.err.wrong_passphrase") || hasIdentity(fx.config) {
		t.Fatalf("wrong file passphrase: %q", f.status.Text)
	}
	f.filePass.SetText("filens lösenord")
	test.Tap(f.importBtn)
	got, err := unlock(fx.config, passphrase)
	if err != nil || !got.Cert.Equal(id.Cert) {
		t.Fatalf("imported identity does not open with the new passphrase: %v", err)
	}
	if p.fields["export.id.name"] == nil || p.fields["export.id.name"].Text != "Åsa Öberg" {
		t.Error("panel does not show the imported identity")
	}
}

// lastCreateForm and lastImportForm are the forms the panel's buttons opened.
func lastCreateForm(t *testing.T, p *settingsPanel) *createForm {
	t.Helper()
	if p.createForm == nil {
		t.Fatal("no create form")
	}
	return p.createForm
}

func lastImportForm(t *testing.T, p *settingsPanel) *importForm {
	t.Helper()
	if p.importForm == nil {
		t.Fatal("no import form")
	}
	return p.importForm
}
