package export

import (
	"crypto/x509"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// Registering the board's decision and exporting makes a new signed version marked beslutad:
// the version counts up, the payload carries the decision, the cover says "Beslutad i nämnden
// <date>, Dnr …, § …" where the version before said "Planeras för beslut i nämnden <date>" (never
// "Beslut i nämnden <date>", which reads as a decision taken), and the plan stays signed.
func TestDecisionMakesADecidedSignedVersion(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Överförmyndarnämnden", 2026) // signed, not yet decided
	dir := t.TempDir()
	before, err := Export(s, pid, id, opts(t, filepath.Join(dir, "v1.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	dec := domain.Decision{Dnr: "ÖFN 2025/77", Date: time.Date(2025, 12, 11, 0, 0, 0, 0, time.UTC), Body: "Överförmyndarnämnden", Paragraph: "58"}
	if _, err := s.SetDecision(pid, data.PlanDecision, dec); err != nil {
		t.Fatal(err)
	}
	after, err := Export(s, pid, id, opts(t, filepath.Join(dir, "v2.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	if after.Version != before.Version+1 {
		t.Errorf("versions %d then %d", before.Version, after.Version)
	}
	p, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != domain.PlanSigned || p.Version != after.Version || !p.Decided() {
		t.Errorf("plan after: %s v%d decided %v", p.Status, p.Version, p.Decided())
	}
	r := submission.Verify(after.PDF, submission.Trust{Signers: []*x509.Certificate{id.Cert}}, testNow)
	if r.Verdict != submission.Valid || r.Payload.Plan.Plan.Decision != dec || r.Payload.Schema != 2 {
		t.Errorf("verdict %s; payload decision %+v schema %d", r.Verdict, r.Payload.Plan.Plan.Decision, r.Payload.Schema)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	cover := func(name string) string {
		out, err := exec.Command("pdftotext", "-f", "1", "-l", "1", filepath.Join(dir, name), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	if c := cover("v1.pdf"); !strings.Contains(c, "Planeras för beslut i nämnden 2025-12-") || strings.Contains(c, "Beslutad") || strings.Contains(c, "Beslut i nämnden") {
		t.Errorf("cover before the decision: %s", c)
	}
	if c := cover("v2.pdf"); !strings.Contains(c, "Beslutad i nämnden 2025-12-11, Dnr ÖFN 2025/77, § 58") || !strings.Contains(c, "Signerad, beslutad") || strings.Contains(c, "Planeras") {
		t.Errorf("cover after the decision: %s", c)
	}
}
