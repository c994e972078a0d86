package export

import (
	"crypto/x509"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
)

func TestVersionNumbering(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	dir := t.TempDir()
	export := func(name string) Result {
		t.Helper()
		res, err := Export(s, pid, id, opts(t, filepath.Join(dir, name)))
		if err != nil {
			t.Fatalf("export %s: %v", name, err)
		}
		return res
	}
	status := func() (domain.PlanStatus, int) {
		p, err := s.Plan(pid)
		if err != nil {
			t.Fatal(err)
		}
		return p.Status, p.Version
	}
	acts, err := s.Activities(pid)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.PlanData(pid)
	if err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		name   string
		change func() error
		want   int
	}{
		{"first export", func() error { return nil }, 1},
		{"unchanged", func() error { return nil }, 1},
		{"activity title", func() error {
			_, err := s.SetField(domain.FieldActivityTitle, acts[0].ID, acts[0].Title+" (reviderad)")
			return err
		}, 2},
		{"unchanged again", func() error { return nil }, 2},
		{"follow-up field", func() error { _, err := s.SetField(domain.FieldActivityPercentDone, acts[1].ID, 40); return err }, 3},
		{"register entry", func() error {
			_, err := s.SetField(domain.FieldSystemOwner, d.Systems[0].ID, "Ny informationsägare")
			return err
		}, 4},
	}
	for i, st := range steps {
		if err := st.change(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		pf, err := Check(s, pid)
		if err != nil {
			t.Fatal(err)
		}
		if pf.Version != st.want {
			t.Errorf("%s: Check says version %d, want %d", st.name, pf.Version, st.want)
		}
		res := export(filepath.Base(st.name) + ".pdf")
		if res.Version != st.want {
			t.Errorf("%s: exported version %d, want %d", st.name, res.Version, st.want)
		}
		if stat, v := status(); stat != domain.PlanSigned || v != st.want {
			t.Errorf("step %d %s: plan %s v%d, want signed v%d", i, st.name, stat, v, st.want)
		}
	}
}

// A failure while recording the export must leave the plan as it was: status, version and the
// version's record are saved together or not at all; the reservation made before the file
// was written stays.
func TestMarkSignedAllOrNothing(t *testing.T) {
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	before, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	auditBefore, err := s.Audit("plan", pid)
	if err != nil {
		t.Fatal(err)
	}
	// Make the content hash's write fail, as a full disk or a damaged page could. The trigger
	// goes in through a connection of its own: the store has no way to break itself.
	raw, err := sql.Open("sqlite3", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	exec := func(q string) {
		t.Helper()
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	exec(`CREATE TRIGGER hash_fails BEFORE UPDATE OF state ON plan_versions
		BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`)

	out := filepath.Join(t.TempDir(), "plan.pdf")
	if _, err := Export(s, pid, signer(t), opts(t, out)); err == nil {
		t.Fatal("export succeeded although its record could not be saved")
	}
	after, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	if after.Status != before.Status || after.Version != before.Version {
		t.Errorf("failed export left the plan %s v%d, was %s v%d", after.Status, after.Version, before.Status, before.Version)
	}
	// What remains is the number's reservation, made before the file was written.
	auditAfter, _ := s.Audit("plan", pid)
	if n := len(auditAfter) - len(auditBefore); n != 1 || auditAfter[len(auditAfter)-1].Field != "version_reserved" {
		t.Errorf("failed export wrote %d audit entries, want only the reservation: %+v", n, auditAfter[len(auditBefore):])
	}

	exec("DROP TRIGGER hash_fails")
	pf, err := Check(s, pid)
	if err != nil {
		t.Fatal(err)
	}
	// The number was reserved for this content before the file was written: the same content
	// gets it again, but it does not count as signed.
	if pf.Version != before.Version+1 || pf.Unchanged {
		t.Fatalf("after the failure the next export would be v%d (unchanged %v), want v%d", pf.Version, pf.Unchanged, before.Version+1)
	}
	res, err := Export(s, pid, signer(t), opts(t, out))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Plan(pid); res.Version != before.Version+1 || p.Status != domain.PlanSigned || p.Version != res.Version {
		t.Errorf("retry: exported v%d, plan %s v%d", res.Version, p.Status, p.Version)
	}
	if pf, err := Check(s, pid); err != nil || !pf.Unchanged || pf.Version != res.Version {
		t.Errorf("after the retry: %+v %v", pf.Version, err)
	}
}

func TestClosedPlanStaysClosed(t *testing.T) {
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2025)
	before, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	if before.Status != domain.PlanClosed {
		t.Skipf("the demo's 2025 plan is %s, not closed", before.Status)
	}
	res, err := Export(s, pid, signer(t), opts(t, filepath.Join(t.TempDir(), "2025.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.Plan(pid)
	if after.Status != domain.PlanClosed || after.Version != res.Version || res.Version != before.Version+1 {
		t.Errorf("closed v%d exported as v%d is now %s v%d", before.Version, res.Version, after.Status, after.Version)
	}
	r := submission.Verify(res.PDF, submission.Trust{Signers: []*x509.Certificate{signer(t).Cert}}, time.Now())
	if r.Verdict != submission.Valid || r.Payload.Plan.Plan.Status != domain.PlanClosed {
		t.Errorf("payload of a closed plan: %s %s", r.Verdict, r.Reason)
	}
}

func TestNextVersion(t *testing.T) {
	signed := func(v int, h string) data.IssuedVersion { return data.IssuedVersion{Version: v, Hash: h, Signed: true} }
	tests := []struct {
		name          string
		status        domain.PlanStatus
		version       int
		last          data.IssuedVersion
		now           string
		want          int
		wantUnchanged bool
	}{
		{"never signed", domain.PlanDraft, 0, data.IssuedVersion{}, "h1", 1, false},
		{"signed, same content", domain.PlanSigned, 3, signed(3, "h1"), "h1", 3, true},
		{"signed, content changed without reopening", domain.PlanSigned, 3, signed(3, "h1"), "h2", 4, false},
		{"edited and edited back", domain.PlanDraft, 3, signed(3, "h1"), "h1", 3, true},
		{"edited", domain.PlanDraft, 3, signed(3, "h1"), "h2", 4, false},
		{"signed elsewhere, no record", domain.PlanSigned, 2, data.IssuedVersion{}, "h9", 2, true},
		{"draft, no record", domain.PlanDraft, 2, data.IssuedVersion{}, "h9", 3, false},
		// An export reserved v4 and was cut short: the same content takes v4 again, other
		// content v5, never v4.
		{"cut short, same content", domain.PlanSigned, 3, data.IssuedVersion{Version: 4, Hash: "h2"}, "h2", 4, false},
		{"cut short, then edited", domain.PlanSigned, 3, data.IssuedVersion{Version: 4, Hash: "h2"}, "h3", 5, false},
		{"record from before 0006", domain.PlanSigned, 3, signed(3, "legacy:abc"), "h1", 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, u := nextVersion(domain.Plan{Status: tt.status, Version: tt.version}, tt.last, tt.now)
			if v != tt.want || u != tt.wantUnchanged {
				t.Errorf("got %d %v, want %d %v", v, u, tt.want, tt.wantUnchanged)
			}
		})
	}
}
