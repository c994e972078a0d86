package exports_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/exports"
	"handlingsplan/app/identity"
	"handlingsplan/app/importer"
	"handlingsplan/app/overview"
	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// A submission made before schema 2 (a real file, app/importer/testdata/schema1) still imports;
// what it carries reads as before (the decision's paragraph, the follow-up), and what it cannot
// carry (the decision as registered, annual goals, areas, management training, follow-ups
// during the year) shows as "–" in the overview, the report for kommunstyrelsen and the
// workbook, never as "no" or zero.
func TestSchema1SubmissionStillImports(t *testing.T) {
	dir := filepath.Join("..", "importer", "testdata", "schema1")
	pdf := filepath.Join(dir, "socialnamnden-2026.pdf")
	cert, err := os.ReadFile(filepath.Join(dir, "signer.pem"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(filepath.Join(t.TempDir(), "samordnare.db"), "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	im := importer.New(s)
	// The file was signed on 2026-12-04 by a certificate valid three years from then.
	im.SetClock(func() time.Time { return time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC) })
	// As the coordinator does: the unknown signer's file waits, the fingerprint is compared
	// by phone, the signer is approved and the file imported.
	res, err := im.Import(t.Context(), []string{pdf}, nil)
	if err != nil || len(res) != 1 || res[0].Verdict != importer.UnknownSigner {
		t.Fatalf("first import: %+v %v", res, err)
	}
	certs, err := identity.ParseCerts(cert)
	if err != nil || len(certs) != 1 || submission.Fingerprint(certs[0]) != res[0].Fingerprint {
		t.Fatalf("the file's signer is not the certificate beside it: %v", err)
	}
	_, res, err = im.Approve(t.Context(), res[0].Fingerprint)
	if err != nil || len(res) != 1 {
		t.Fatalf("approve: %v %v", res, err)
	}
	if res[0].Verdict != importer.AcceptedNew {
		t.Fatalf("verdict %s (%s): %v", res[0].Verdict, res[0].Reason, res[0].Err)
	}
	d, err := s.PlanData(res[0].PlanID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Plan.Decision.Paragraph != "§ 191" || d.Plan.Decision.Made() || len(d.Activities) == 0 || len(d.AnnualGoals) != 0 {
		t.Errorf("stored plan: decision %+v, %d activities, %d annual goals", d.Plan.Decision, len(d.Activities), len(d.AnnualGoals))
	}

	loc := i18n.New(i18n.Swedish)
	o, err := overview.Load(s, 2026, overview.Options{Loc: loc, Now: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if !o.Lacks("Socialnämnden") {
		t.Fatal("the overview does not know the file is of schema 1")
	}
	if len(o.Areas.Rows) != 0 || o.Decided() != 0 || o.Latest.With != 0 {
		t.Errorf("a schema-1 plan counted as covering no area (%d rows), decided %d, followed up %d", len(o.Areas.Rows), o.Decided(), o.Latest.With)
	}
	for _, r := range o.Decisions {
		if r.Board == "Socialnämnden" && (!r.Lacks || r.Decided) {
			t.Errorf("decision row %+v", r)
		}
	}
	// The follow-up it carries is read as before.
	if f, ok := o.FollowUpOf("Socialnämnden"); !ok || !f.Has || f.Total == 0 {
		t.Errorf("last year's follow-up: %+v", f)
	}

	var sheet exports.Table
	for _, tb := range exports.Tables(o) {
		if tb.Name == loc.T("exports.sheet.decisions") {
			sheet = tb
		}
	}
	if len(sheet.Rows) < 1 || sheet.Rows[0][0] != "Socialnämnden" || sheet.Rows[0][1] != nil || sheet.Rows[0][4] != nil ||
		!strings.HasPrefix(sheet.Rows[0][2].(string), "–") {
		t.Errorf("workbook row %v", sheet.Rows)
	}
	report, err := exports.Report(o, exports.ReportOptions{AppVersion: "test", Now: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, report)
	if !strings.Contains(text, "– (inlämnad med en äldre version av programmet)") {
		t.Error("the report does not say the decision is unknown for the older file")
	}
}
