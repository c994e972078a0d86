package importer

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/app/export"
	"handlingsplan/app/profile"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// A submission made by the program before schema 2 (testdata/schema1-socialnamnden-2027.pdf,
// exported with main's code at schema 1 from its demo kommun) still imports: no profile, no
// checklist, and the overview's figures judge it under the coordinator's profile.
func TestSchema1FileStillImports(t *testing.T) {
	env := newEnv(t)
	env.im.SetClock(func() time.Time { return time.Date(2027, 1, 15, 9, 0, 0, 0, time.UTC) })
	pem, err := os.ReadFile(filepath.Join("testdata", "schema1-signer.pem"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.im.AddCertificates(t.Context(), pem); err != nil {
		t.Fatal(err)
	}
	if _, err := env.store.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "schema1-socialnamnden-2027.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := env.im.ImportData("schema1-socialnamnden-2027.pdf", b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Verdict != AcceptedNew {
		t.Fatalf("verdict %s (%s: %s)", r.Verdict, r.Reason, r.Detail)
	}
	plans, err := env.store.ReceivedPlans(2027, data.WithAll)
	if err != nil || len(plans) != 1 {
		t.Fatalf("received %d plans: %v", len(plans), err)
	}
	d := plans[0]
	if d.Profile != nil || len(d.Checklist) != 0 || len(d.Activities) == 0 || len(d.Systems) == 0 {
		t.Fatalf("schema-1 plan: profile %v, checklist %d, %d activities, %d systems", d.Profile, len(d.Checklist), len(d.Activities), len(d.Systems))
	}
	subs, _ := env.store.Submissions("Socialnämnden", 2027)
	if len(subs) != 1 || subs[0].ProfileVersion != -1 {
		t.Fatalf("submissions %+v", subs)
	}
}

// A board's plan made under the kommun's profile version 1, exported by the program (schema 2),
// imports with its profile, checklist, addresses and classification dates; the received plan is
// judged under the board's profile, and the submission says which version it was.
func TestSchema2ExportImports(t *testing.T) {
	now := time.Now().UTC() // the signer's certificate starts now
	board, err := data.Open(filepath.Join(t.TempDir(), "nämnd.db"), "Åsa")
	if err != nil {
		t.Fatal(err)
	}
	defer board.Close()
	board.SetClock(func() time.Time { return now })
	def := testProfile(t)
	if err := board.EnsureProfile(def); err != nil {
		t.Fatal(err)
	}
	v1 := def
	v1.Kommun = "Exempelby kommun"
	v1.HoursPerFTE = 1650
	if _, err := profile.SaveVersion(board, v1); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(board, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	b, _ := board.BoardByName("Socialnämnden")
	plan, err := board.PlanFor(b.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	out := filepath.Join(t.TempDir(), "plan.pdf")
	res, err := export.Export(board, plan.ID, id, export.Options{AppVersion: "test", Now: now, Out: out})
	if err != nil {
		t.Fatalf("export: %v (%v)", err, res.Problems)
	}

	env := newEnv(t)
	env.im.SetClock(func() time.Time { return now.Add(time.Hour) })
	env.trustSigner(t, id)
	prof := testProfile(t)
	prof.Kommun = "Exempelby kommun"
	if err := env.store.SaveProfile(prof); err != nil {
		t.Fatal(err)
	}
	if _, err := env.store.AddBoard("Socialnämnden"); err != nil {
		t.Fatal(err)
	}
	r, err := env.im.ImportData("plan.pdf", res.PDF)
	if err != nil || r.Verdict != AcceptedNew {
		t.Fatalf("import: %s %s %s %v", r.Verdict, r.Reason, r.Detail, err)
	}
	plans, _ := env.store.ReceivedPlans(2026, data.WithAll)
	d := plans[0]
	if d.Profile == nil || d.Profile.Version != 1 || d.Profile.HoursPerFTE != 1650 {
		t.Fatalf("received profile %+v", d.Profile)
	}
	if len(d.Checklist) != len(v1.Checklist) || d.AsOf != time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC) {
		t.Fatalf("checklist %d rows, as of %v", len(d.Checklist), d.AsOf)
	}
	classified := 0
	for _, s := range d.Systems {
		if !s.ClassifiedAt.IsZero() {
			classified++
		}
	}
	if classified == 0 {
		t.Error("no classification date came along")
	}
	// The board's review and the coordinator's judge the same plan the same way.
	sent, _ := board.PlanData(plan.ID)
	if a, b := len(domain.ValidatePlan(sent, def).For("checklist", 0, "")), len(domain.ValidatePlan(d, prof).For("checklist", 0, "")); a != b {
		t.Errorf("checklist problems: board %d, coordinator %d", a, b)
	}
	subs, _ := env.store.Submissions("Socialnämnden", 2026)
	if len(subs) != 1 || subs[0].ProfileVersion != 1 {
		t.Fatalf("submission profile version %+v", subs)
	}

}
