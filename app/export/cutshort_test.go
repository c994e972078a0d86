package export

import (
	"crypto/sha256"
	"crypto/x509"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
)

// Issue 10: an export killed between writing its file and recording its version made the next
// export of other content reuse the number, and the coordinator's import then threw the second
// file away as "already imported". These tests cut an export short at each point and check
// that no version number ever carries two contents.

// exported is what a file on disk carries: its version and its plan content.
type exported struct {
	name    string
	version int
	content string
}

// readExported verifies a file and takes its version and plan content. The content is hashed
// here from the plan without what signing changes, independently of the code under test.
func readExported(t *testing.T, path string) exported {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	r := submission.Verify(b, submission.Trust{Signers: []*x509.Certificate{signer(t).Cert}}, time.Now())
	// A child process signs with an identity of its own: intact and readable is enough here.
	if r.Verdict != submission.Valid && r.Verdict != submission.UnknownSigner {
		t.Fatalf("%s: %s %s", filepath.Base(path), r.Verdict, r.Detail)
	}
	d := r.Payload.Plan
	d.Plan.Status, d.Plan.Version, d.Plan.UpdatedAt = "", 0, time.Time{}
	j, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(j)
	return exported{filepath.Base(path), r.Payload.Version, hex.EncodeToString(sum[:])}
}

// noNumberTwice fails when two files carry the same version with different content.
func noNumberTwice(t *testing.T, files []exported) {
	t.Helper()
	seen := map[int]exported{}
	for _, f := range files {
		if o, ok := seen[f.version]; ok && o.content != f.content {
			t.Errorf("version %d carries two contents: %s and %s", f.version, o.name, f.name)
		}
		seen[f.version] = f
	}
}

// editTitle changes the first activity's title, as the official would after a failed export.
func editTitle(t *testing.T, s *data.Store, pid int64, title string) {
	t.Helper()
	acts, err := s.Activities(pid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetField(domain.FieldActivityTitle, acts[0].ID, title); err != nil {
		t.Fatal(err)
	}
}

// The version's record fails after the file was written (a trigger makes the plan's update
// fail, as a crash at that moment would leave it): the file is there, the plan is not marked
// signed, and the next export of other content must take a new number.
func TestExportCutShortAfterWriting(t *testing.T) {
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	dir := t.TempDir()
	if _, err := Export(s, pid, signer(t), opts(t, filepath.Join(dir, "1-first.pdf"))); err != nil {
		t.Fatal(err)
	}
	editTitle(t, s, pid, "Riskanalys, första ändringen")

	raw, err := sql.Open("sqlite3", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER cut BEFORE UPDATE OF version ON plans BEGIN SELECT RAISE(ABORT, 'cut short'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(s, pid, signer(t), opts(t, filepath.Join(dir, "2-cut.pdf"))); err == nil {
		t.Fatal("export succeeded although its version could not be recorded")
	}
	if _, err := raw.Exec("DROP TRIGGER cut"); err != nil {
		t.Fatal(err)
	}
	editTitle(t, s, pid, "Riskanalys, andra ändringen")
	if _, err := Export(s, pid, signer(t), opts(t, filepath.Join(dir, "3-after.pdf"))); err != nil {
		t.Fatal(err)
	}

	files := []exported{readExported(t, filepath.Join(dir, "1-first.pdf")), readExported(t, filepath.Join(dir, "2-cut.pdf")),
		readExported(t, filepath.Join(dir, "3-after.pdf"))}
	noNumberTwice(t, files)
	if files[2].version <= files[1].version {
		t.Errorf("after the cut-short v%d the next export is v%d", files[1].version, files[2].version)
	}
}

// The export stops after each step that leaves something behind; whatever was left, the
// next export with other content never reuses a number, and the same content takes the
// reserved number again.
func TestExportStoppedAtEachStep(t *testing.T) {
	for _, step := range []string{"reserved", "written"} {
		t.Run(step, func(t *testing.T) {
			s := demoStore(t)
			pid := planID(t, s, "Socialnämnden", 2027)
			dir := t.TempDir()
			first, err := Export(s, pid, signer(t), opts(t, filepath.Join(dir, "1.pdf")))
			if err != nil {
				t.Fatal(err)
			}
			editTitle(t, s, pid, "Ändrad innan avbrottet")
			stop := errors.New("stopped")
			o := opts(t, filepath.Join(dir, "2.pdf"))
			o.failAt = func(at string) error {
				if at == step {
					return stop
				}
				return nil
			}
			if _, err := Export(s, pid, signer(t), o); !errors.Is(err, stop) {
				t.Fatalf("export: %v, want it stopped after %s", err, step)
			}
			_, statErr := os.Stat(filepath.Join(dir, "2.pdf"))
			if written := statErr == nil; written != (step == "written") {
				t.Errorf("after %s the file exists: %v", step, written)
			}
			if p, _ := s.Plan(pid); p.Version != first.Version {
				t.Errorf("plan marked v%d, want still v%d", p.Version, first.Version)
			}
			// The same content again: the number reserved for it.
			pf, err := Check(s, pid)
			if err != nil {
				t.Fatal(err)
			}
			if pf.Version != first.Version+1 || pf.Unchanged {
				t.Errorf("same content after the stop: v%d unchanged %v, want v%d", pf.Version, pf.Unchanged, first.Version+1)
			}
			// Other content: a new number.
			editTitle(t, s, pid, "Ändrad efter avbrottet")
			res, err := Export(s, pid, signer(t), opts(t, filepath.Join(dir, "3.pdf")))
			if err != nil {
				t.Fatal(err)
			}
			if res.Version != first.Version+2 {
				t.Errorf("after the stop the other content got v%d, want v%d (v%d is reserved)", res.Version, first.Version+2, first.Version+1)
			}
			files := []exported{readExported(t, filepath.Join(dir, "1.pdf")), readExported(t, filepath.Join(dir, "3.pdf"))}
			if step == "written" {
				files = append(files, readExported(t, filepath.Join(dir, "2.pdf")))
			}
			noNumberTwice(t, files)
			last, err := s.LastIssued(pid)
			if err != nil || last.Version != res.Version || !last.Signed || last.Hash != currentHash(t, s, pid) {
				t.Errorf("last issued %+v %v", last, err)
			}
		})
	}
}

// currentHash is the content hash Check computes now (for comparing with the record).
func currentHash(t *testing.T, s *data.Store, pid int64) string {
	t.Helper()
	pf, err := Check(s, pid)
	if err != nil {
		t.Fatal(err)
	}
	return pf.ContentHash()
}

// The payload carries the plan's identity and the content hash; the hash is the one the
// store recorded for the version, and it does not depend on when the file was signed.
func TestPayloadCarriesIdentityAndHash(t *testing.T) {
	s := demoStore(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	p, err := s.Plan(pid)
	if err != nil {
		t.Fatal(err)
	}
	if !submission.ValidUUID(p.UUID) {
		t.Fatalf("plan identity %q", p.UUID)
	}
	dir := t.TempDir()
	var payloads []*submission.Payload
	for i, at := range []time.Time{testNow, testNow.Add(time.Hour)} {
		o := opts(t, filepath.Join(dir, fmt.Sprintf("%d.pdf", i)))
		o.Now = at
		res, err := Export(s, pid, signer(t), o)
		if err != nil {
			t.Fatal(err)
		}
		r := submission.Verify(res.PDF, submission.Trust{Signers: []*x509.Certificate{signer(t).Cert}}, time.Now())
		if r.Verdict != submission.Valid {
			t.Fatal(r.Detail)
		}
		h, err := submission.ContentHash(r.PayloadJSON)
		if err != nil {
			t.Fatal(err)
		}
		if r.Payload.ContentHash != h || r.Payload.PlanUUID != p.UUID {
			t.Errorf("payload carries %s %s, want %s %s", r.Payload.PlanUUID, r.Payload.ContentHash, p.UUID, h)
		}
		payloads = append(payloads, r.Payload)
	}
	if payloads[0].CreatedAt.Equal(payloads[1].CreatedAt) || payloads[0].ContentHash != payloads[1].ContentHash ||
		payloads[0].Version != payloads[1].Version {
		t.Errorf("same content signed at two times: %v v%d %s, %v v%d %s", payloads[0].CreatedAt, payloads[0].Version, payloads[0].ContentHash,
			payloads[1].CreatedAt, payloads[1].Version, payloads[1].ContentHash)
	}
	last, err := s.LastIssued(pid)
	if err != nil || last.Hash != payloads[0].ContentHash {
		t.Errorf("recorded %+v, payload %s (%v)", last, payloads[0].ContentHash, err)
	}
	var other domain.Plan
	if other, err = s.Plan(planID(t, s, "Socialnämnden", 2026)); err != nil || other.UUID == p.UUID || !submission.ValidUUID(other.UUID) {
		t.Errorf("another plan's identity %q (%v)", other.UUID, err)
	}
}
