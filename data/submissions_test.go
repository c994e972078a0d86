package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"handlingsplan/domain"
)

// openImportStore opens a fresh database with a fixed clock.
func openImportStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "coord.db"), "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC) })
	return s
}

// received makes a submission of board for year with version v; its bytes differ per version.
func received(board string, year, v int) Received {
	pdf := []byte(fmt.Sprintf("%%PDF-1.7 %s %d v%d", board, year, v))
	sum := sha256.Sum256(pdf)
	return Received{
		Plan: domain.PlanData{
			Plan: domain.Plan{Board: board, Year: year, Version: v, Status: domain.PlanSigned, Responsible: "Förvaltningschef"},
			Activities: []domain.Activity{
				{Position: 1, Title: fmt.Sprintf("Åtgärd v%d", v), Goals: []int{1, 3}, InternalHours: 10, SystemIDs: []int64{77}},
				{Position: 2, Title: "Utbildning", Goals: []int{2}},
			},
			Trainings:   []domain.Training{{Position: 1, Title: "E-learning", Format: domain.FormatELearning}},
			Checkpoints: []domain.Checkpoint{{Position: 1, Method: "Avstämning", ReportTo: "Nämnden"}},
			Systems:     []domain.System{{ID: 77, Name: "Procapita", Confidentiality: 3, Integrity: 2, Availability: 2, Traceability: 3}},
		},
		Board: board, Year: year, Version: v,
		SignerName: "Åsa Öberg", SignerFingerprint: "ab12", TrustedVia: "ca01",
		SignedAt: time.Date(2026, 10, 30, 14, 0, 0, 0, time.UTC),
		FileName: fmt.Sprintf("%s-%d-v%d.pdf", board, year, v),
		SHA256:   hex.EncodeToString(sum[:]),
		Payload:  []byte(`{"schema":1}`),
		PDF:      pdf,
	}
}

func logFor(r Received) ImportLogEntry {
	return ImportLogEntry{FileName: r.FileName, SHA256: r.SHA256, Board: r.Board, Year: r.Year, Version: r.Version,
		SignerName: r.SignerName, Fingerprint: r.SignerFingerprint}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportSubmissionPlacement(t *testing.T) {
	type step struct {
		version int
		same    bool // re-import the very file of this version
		want    Placement
		other   int
	}
	cases := []struct {
		name    string
		steps   []step
		current int
		stored  int
	}{
		{"first", []step{{version: 1, want: PlacedNew}}, 1, 1},
		{"newer replaces", []step{{version: 1, want: PlacedNew}, {version: 2, want: PlacedNewer, other: 1}}, 2, 2},
		{"1,3,2 keeps 3 current", []step{{version: 1, want: PlacedNew}, {version: 3, want: PlacedNewer, other: 1}, {version: 2, want: PlacedOlder, other: 3}}, 3, 3},
		{"same file twice", []step{{version: 1, want: PlacedNew}, {version: 1, same: true, want: PlacedDuplicate}}, 1, 1},
		{"same version other file", []step{{version: 2, want: PlacedNew}, {version: 2, want: PlacedDuplicate}}, 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openImportStore(t)
			var prev Received
			for i, st := range c.steps {
				r := received("Socialnämnden", 2027, st.version)
				switch {
				case st.same:
					r = prev
				case i > 0 && st.version == prev.Version:
					r.PDF = append(bytes.Clone(r.PDF), " re-signed"...)
					sum := sha256.Sum256(r.PDF)
					r.SHA256 = hex.EncodeToString(sum[:])
				}
				out, err := s.ImportSubmission(r, logFor(r))
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if out.Placement != st.want || out.Other != st.other {
					t.Fatalf("step %d: got %s (other %d), want %s (other %d)", i, out.Placement, out.Other, st.want, st.other)
				}
				if st.want == PlacedDuplicate {
					if out.SameFile != st.same || out.PlanID != 0 || out.SubmissionID == 0 {
						t.Errorf("step %d duplicate: %+v", i, out)
					}
				} else if out.PlanID == 0 {
					t.Errorf("step %d: no plan stored", i)
				}
				prev = r
			}
			subs, err := s.Submissions("Socialnämnden", 2027)
			if err != nil {
				t.Fatal(err)
			}
			if len(subs) != c.stored {
				t.Fatalf("stored %d submissions, want %d", len(subs), c.stored)
			}
			currents := 0
			for _, x := range subs {
				if x.Current {
					currents++
					if x.Version != c.current {
						t.Errorf("current is version %d, want %d", x.Version, c.current)
					}
				}
			}
			if currents != 1 {
				t.Errorf("%d current versions", currents)
			}
			if n := countRows(t, s, "plans"); n != c.stored {
				t.Errorf("%d plans for %d submissions", n, c.stored)
			}
			if n := countRows(t, s, "import_log"); n != len(c.steps) {
				t.Errorf("%d log lines for %d imports", n, len(c.steps))
			}
		})
	}
}

func TestImportSubmissionStoresPlanAndBytes(t *testing.T) {
	s := openImportStore(t)
	r := received("Kultur- och fritidsnämnden", 2027, 4)
	out, err := s.ImportSubmission(r, logFor(r))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := s.SubmissionPDF(out.SubmissionID)
	if err != nil || !bytes.Equal(pdf, r.PDF) {
		t.Fatalf("pdf not kept byte-exact: %v", err)
	}
	if p, err := s.SubmissionPayload(out.SubmissionID); err != nil || string(p) != string(r.Payload) {
		t.Fatalf("payload %q, %v", p, err)
	}
	sub, err := s.Submission(out.SubmissionID)
	if err != nil {
		t.Fatal(err)
	}
	if sub.PlanID != out.PlanID || !sub.Current || !sub.Trusted || sub.TrustedVia != "ca01" || sub.ImportedBy != "samordnare" ||
		!sub.SignedAt.Equal(r.SignedAt) || sub.SignerName != "Åsa Öberg" || sub.FileName != r.FileName {
		t.Errorf("stored %+v", sub)
	}
	d, err := s.PlanData(out.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Plan.SubmissionID != out.SubmissionID || d.Plan.Version != 4 || d.Plan.Status != domain.PlanSigned || d.Previous != nil {
		t.Errorf("plan %+v", d.Plan)
	}
	if len(d.Activities) != 2 || len(d.Trainings) != 1 || len(d.Checkpoints) != 1 || len(d.Systems) != 1 {
		t.Fatalf("rows: %d activities, %d trainings, %d checkpoints, %d systems", len(d.Activities), len(d.Trainings), len(d.Checkpoints), len(d.Systems))
	}
	if got := d.Activities[0].SystemIDs; len(got) != 1 || got[0] != d.Systems[0].ID {
		t.Errorf("activity system link %v, register snapshot %d", got, d.Systems[0].ID)
	}
	// A received plan is not one of the board's own plans, and its register is a snapshot.
	if own, _ := s.Plans(0); len(own) != 0 {
		t.Errorf("received plan listed as own plan: %+v", own)
	}
	if living, _ := s.Systems(d.Plan.BoardID, 0); len(living) != 0 {
		t.Errorf("received register leaked into the living register: %+v", living)
	}
	audit, _ := s.Audit("submission", out.SubmissionID)
	if len(audit) == 0 || audit[len(audit)-1].Field != "imported" {
		t.Errorf("no audit entry for the import: %+v", audit)
	}
}

// A payload the database refuses rolls back everything of that file and leaves no trace but
// what the caller logs.
func TestImportSubmissionAllOrNothing(t *testing.T) {
	s := openImportStore(t)
	good := received("Socialnämnden", 2027, 1)
	if _, err := s.ImportSubmission(good, logFor(good)); err != nil {
		t.Fatal(err)
	}
	before := map[string]int{}
	tables := []string{"submissions", "plans", "activities", "systems", "trainings", "checkpoints", "import_log", "audit_log", "boards"}
	for _, tb := range tables {
		before[tb] = countRows(t, s, tb)
	}
	bad := received("Byggnadsnämnden", 2027, 2)
	bad.Plan.Checkpoints = append(bad.Plan.Checkpoints, domain.Checkpoint{Method: "x"})
	bad.Plan.Activities[1].PercentDone = 140 // violates CHECK, after plan, systems and first activity were written
	if _, err := s.ImportSubmission(bad, logFor(bad)); err == nil {
		t.Fatal("constraint violation stored")
	}
	newer := received("Socialnämnden", 2027, 2)
	newer.Plan.Trainings[0].ExpectedParticipants = -1 // fails after the old version lost "current"
	if _, err := s.ImportSubmission(newer, logFor(newer)); err == nil {
		t.Fatal("constraint violation stored")
	}
	for _, tb := range tables {
		if n := countRows(t, s, tb); n != before[tb] {
			t.Errorf("%s: %d rows, had %d", tb, n, before[tb])
		}
	}
	subs, _ := s.Submissions("Socialnämnden", 2027)
	if len(subs) != 1 || !subs[0].Current {
		t.Errorf("version 1 no longer current: %+v", subs)
	}
	if res, err := s.IntegrityCheck(); err != nil || res != "ok" {
		t.Errorf("integrity %q %v", res, err)
	}
}

func TestImportLogPending(t *testing.T) {
	s := openImportStore(t)
	r := received("Socialnämnden", 2027, 1)
	wait := logFor(r)
	wait.Verdict = "unknown_signer"
	id1, err := s.LogImport(wait, r.PDF)
	if err != nil {
		t.Fatal(err)
	}
	// The same file seen again: one waiting copy only, the newest.
	id2, err := s.LogImport(wait, r.PDF)
	if err != nil {
		t.Fatal(err)
	}
	pend, err := s.Pending("")
	if err != nil || len(pend) != 1 || pend[0].ID != id2 || !pend[0].Pending {
		t.Fatalf("pending %+v %v", pend, err)
	}
	if _, err := s.PendingPDF(id1); !errors.Is(err, ErrNotFound) {
		t.Errorf("released copy still readable: %v", err)
	}
	if b, err := s.PendingPDF(id2); err != nil || !bytes.Equal(b, r.PDF) {
		t.Errorf("pending pdf %v", err)
	}
	if p, _ := s.Pending("ab12"); len(p) != 1 {
		t.Errorf("pending by signer: %+v", p)
	}
	if p, _ := s.Pending("ffff"); len(p) != 0 {
		t.Errorf("pending of another signer: %+v", p)
	}
	// Importing the file resolves its waiting state.
	if _, err := s.ImportSubmission(r, logFor(r)); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Pending(""); len(p) != 0 {
		t.Errorf("still pending after import: %+v", p)
	}
	log, err := s.ImportLog(0)
	if err != nil || len(log) != 3 || log[0].Verdict != string(PlacedNew) || log[0].SubmissionID == 0 || log[2].Verdict != "unknown_signer" {
		t.Errorf("log %+v %v", log, err)
	}
	// Declining: the second file's waiting copy is dropped, the line stays.
	r2 := received("Socialnämnden", 2028, 1)
	w2 := logFor(r2)
	w2.Verdict = "unknown_signer"
	id3, _ := s.LogImport(w2, r2.PDF)
	if err := s.DiscardPending(id3); err != nil {
		t.Fatal(err)
	}
	if err := s.DiscardPending(id3); !errors.Is(err, ErrNotFound) {
		t.Errorf("discard twice: %v", err)
	}
	if p, _ := s.Pending(""); len(p) != 0 {
		t.Errorf("pending after discard: %+v", p)
	}
	if l, _ := s.ImportLog(1); len(l) != 1 || l[0].ID != id3 {
		t.Errorf("limit: %+v", l)
	}
}
