package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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
		SignedAt:    time.Date(2026, 10, 30, 14, 0, 0, 0, time.UTC),
		FileName:    fmt.Sprintf("%s-%d-v%d.pdf", board, year, v),
		SHA256:      hex.EncodeToString(sum[:]),
		ContentHash: fmt.Sprintf("content of %s %d v%d", board, year, v),
		Payload:     []byte(`{"schema":1}`),
		PDF:         pdf,
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
		content string // content hash; "" makes one from the version
		uuid    string // plan identity carried; "" none (a file made before there was one)
		again   int    // > 0: re-import the very file of that step (1-based)
		want    Placement
		other   int
		kind    ConflictKind
	}
	cases := []struct {
		name    string
		steps   []step
		current int
		stored  int
		open    int // submissions with an open conflict
	}{
		{"first", []step{{version: 1, want: PlacedNew}}, 1, 1, 0},
		{"newer replaces", []step{{version: 1, want: PlacedNew}, {version: 2, want: PlacedNewer, other: 1}}, 2, 2, 0},
		{"1,3,2 keeps 3 current", []step{{version: 1, want: PlacedNew}, {version: 3, want: PlacedNewer, other: 1}, {version: 2, want: PlacedOlder, other: 3}}, 3, 3, 0},
		{"same file twice", []step{{version: 1, want: PlacedNew}, {again: 1, want: PlacedDuplicate}}, 1, 1, 0},
		{"same version, same content, other file", []step{{version: 2, content: "c", want: PlacedNew}, {version: 2, content: "c", want: PlacedDuplicate}}, 2, 1, 0},
		// Issue 10: this was dropped as a duplicate.
		{"same version, other content", []step{{version: 2, content: "c", want: PlacedNew}, {version: 2, content: "d", want: PlacedConflict, other: 2, kind: ConflictSameVersion}}, 2, 2, 1},
		{"same version, other content, not current", []step{{version: 2, content: "c", want: PlacedNew}, {version: 3, want: PlacedNewer, other: 2},
			{version: 2, content: "d", want: PlacedConflict, other: 2, kind: ConflictSameVersion}}, 3, 3, 1},
		{"same version, unknown content", []step{{version: 2, content: "c", want: PlacedNew}, {version: 2, content: "-", want: PlacedConflict, other: 2, kind: ConflictSameVersion}}, 2, 2, 1},
		{"another plan, newer", []step{{version: 1, uuid: "a", want: PlacedNew}, {version: 2, uuid: "b", want: PlacedConflict, other: 1, kind: ConflictOtherPlan}}, 1, 2, 1},
		{"another plan, older", []step{{version: 3, uuid: "a", want: PlacedNew}, {version: 1, uuid: "b", want: PlacedConflict, other: 3, kind: ConflictOtherPlan}}, 3, 2, 1},
		{"same plan, newer", []step{{version: 1, uuid: "a", want: PlacedNew}, {version: 2, uuid: "a", want: PlacedNewer, other: 1}}, 2, 2, 0},
		{"identity first carried", []step{{version: 1, want: PlacedNew}, {version: 2, uuid: "a", want: PlacedNewer, other: 1}}, 2, 2, 0},
		{"identity no longer carried", []step{{version: 1, uuid: "a", want: PlacedNew}, {version: 2, want: PlacedNewer, other: 1}}, 2, 2, 0},
		{"conflicting file again", []step{{version: 2, content: "c", want: PlacedNew}, {version: 2, content: "d", want: PlacedConflict, other: 2, kind: ConflictSameVersion},
			{again: 2, want: PlacedConflict, kind: ConflictStillOpen}}, 2, 2, 1},
		{"current side of a conflict again", []step{{version: 2, content: "c", want: PlacedNew}, {version: 2, content: "d", want: PlacedConflict, other: 2, kind: ConflictSameVersion},
			{again: 1, want: PlacedConflict, kind: ConflictStillOpen}}, 2, 2, 1},
		{"conflicting content signed anew", []step{{version: 2, content: "c", want: PlacedNew}, {version: 2, content: "d", want: PlacedConflict, other: 2, kind: ConflictSameVersion},
			{version: 2, content: "d", want: PlacedConflict, kind: ConflictStillOpen}}, 2, 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openImportStore(t)
			var files []Received
			for i, st := range c.steps {
				var r Received
				if st.again > 0 {
					r = files[st.again-1]
				} else {
					r = received("Socialnämnden", 2027, st.version)
					r.PDF = append(bytes.Clone(r.PDF), fmt.Sprintf(" step %d", i)...)
					sum := sha256.Sum256(r.PDF)
					r.SHA256 = hex.EncodeToString(sum[:])
					switch st.content {
					case "":
					case "-":
						r.ContentHash = ""
					default:
						r.ContentHash = st.content
					}
					r.PlanUUID = st.uuid
				}
				files = append(files, r)
				out, err := s.ImportSubmission(r, logFor(r))
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if out.Placement != st.want || out.Other != st.other || out.ConflictKind != st.kind {
					t.Fatalf("step %d: got %s %s (other %d), want %s %s (other %d)", i, out.Placement, out.ConflictKind, out.Other, st.want, st.kind, st.other)
				}
				stored := st.want != PlacedDuplicate && st.kind != ConflictStillOpen
				if !stored {
					if out.SameFile != (st.again > 0) || out.PlanID != 0 || out.SubmissionID == 0 {
						t.Errorf("step %d not stored: %+v", i, out)
					}
				} else if out.PlanID == 0 {
					t.Errorf("step %d: no plan stored", i)
				}
				if st.want == PlacedConflict && out.ConflictWith == 0 {
					t.Errorf("step %d: conflict with nothing", i)
				}
				if st.want == PlacedConflict && stored {
					x, err := s.Submission(out.SubmissionID)
					if err != nil || x.Current || !x.ConflictOpen || x.ConflictWith != out.ConflictWith || x.ContentHash != r.ContentHash || x.PlanUUID != r.PlanUUID {
						t.Errorf("step %d: stored conflict %+v %v", i, x, err)
					}
					if p, err := s.Plan(out.PlanID); err != nil || p.UUID != r.PlanUUID {
						t.Errorf("step %d: rebuilt plan identity %q, want %q (%v)", i, p.UUID, r.PlanUUID, err)
					}
				}
			}
			subs, err := s.Submissions("Socialnämnden", 2027)
			if err != nil {
				t.Fatal(err)
			}
			if len(subs) != c.stored {
				t.Fatalf("stored %d submissions, want %d", len(subs), c.stored)
			}
			currents, open := 0, 0
			for _, x := range subs {
				if x.Current {
					currents++
					if x.Version != c.current {
						t.Errorf("current is version %d, want %d", x.Version, c.current)
					}
				}
				if x.ConflictOpen {
					open++
				}
			}
			if currents != 1 || open != c.open {
				t.Errorf("%d current versions, %d open conflicts (want %d)", currents, open, c.open)
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

// Both sides of a conflict are listed together; choosing one makes it current, closes the
// conflict and is in the audit log under the coordinator's name.
func TestChooseCurrent(t *testing.T) {
	s := openImportStore(t)
	imp := func(board string, v int, content string) ImportOutcome {
		t.Helper()
		r := received(board, 2027, v)
		r.ContentHash = content
		r.PDF = append(bytes.Clone(r.PDF), content...)
		sum := sha256.Sum256(r.PDF)
		r.SHA256 = hex.EncodeToString(sum[:])
		out, err := s.ImportSubmission(r, logFor(r))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a := imp("Socialnämnden", 2, "laptop")
	b := imp("Socialnämnden", 2, "skrivbord")
	imp("Miljönämnden", 1, "m1")
	if b.Placement != PlacedConflict {
		t.Fatalf("second v2: %s", b.Placement)
	}
	groups, err := s.OpenConflicts("", 0)
	if err != nil || len(groups) != 1 || groups[0].Board != "Socialnämnden" || len(groups[0].Submissions) != 2 ||
		groups[0].Submissions[0].ID != a.SubmissionID || groups[0].Submissions[1].ID != b.SubmissionID {
		t.Fatalf("open conflicts %+v %v", groups, err)
	}
	if g, _ := s.OpenConflicts("Miljönämnden", 0); len(g) != 0 {
		t.Errorf("conflicts of a board without one: %+v", g)
	}

	s.SetWho("Samordnaren Siv")
	out, err := s.ChooseCurrent(b.SubmissionID)
	if err != nil {
		t.Fatal(err)
	}
	if out.Previous != a.SubmissionID || out.Closed != 1 || !out.Chosen.Current || out.Chosen.ConflictOpen || out.Chosen.ID != b.SubmissionID {
		t.Errorf("choose: %+v", out)
	}
	if x, _ := s.Submission(a.SubmissionID); x.Current {
		t.Error("the other one is still current")
	}
	if g, _ := s.OpenConflicts("", 0); len(g) != 0 {
		t.Errorf("conflict still open: %+v", g)
	}
	var audit []string
	for _, id := range []int64{a.SubmissionID, b.SubmissionID} {
		es, _ := s.Audit("submission", id)
		for _, e := range es {
			if e.Field != "imported" {
				if e.Who != "Samordnaren Siv" {
					t.Errorf("audit by %q", e.Who)
				}
				audit = append(audit, fmt.Sprintf("%d %s %s→%s", id, e.Field, e.Old, e.New))
			}
		}
	}
	want := []string{
		fmt.Sprintf("%d current 1→0", a.SubmissionID),
		fmt.Sprintf("%d current 0→1", b.SubmissionID),
		fmt.Sprintf("%d conflict open→chosen: submission %d (version 2)", b.SubmissionID, b.SubmissionID),
		fmt.Sprintf("%d chosen %d→%d", b.SubmissionID, a.SubmissionID, b.SubmissionID),
	}
	if strings.Join(audit, "; ") != strings.Join(want, "; ") {
		t.Errorf("audit\n%s\nwant\n%s", strings.Join(audit, "\n"), strings.Join(want, "\n"))
	}
	// Choosing the current one again changes nothing.
	n := countRows(t, s, "audit_log")
	if out, err := s.ChooseCurrent(b.SubmissionID); err != nil || out.Previous != b.SubmissionID || out.Closed != 0 {
		t.Errorf("again: %+v %v", out, err)
	}
	if countRows(t, s, "audit_log") != n {
		t.Error("choosing the current one again was audited")
	}
	if _, err := s.ChooseCurrent(4711); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown: %v", err)
	}
	// After the choice a newer version of the board's plan is placed as usual.
	if c := imp("Socialnämnden", 3, "v3"); c.Placement != PlacedNewer || c.Other != 2 {
		t.Errorf("v3 after the choice: %s other %d", c.Placement, c.Other)
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
