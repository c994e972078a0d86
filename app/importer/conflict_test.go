package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

const (
	uuidA = "0f8fad5b-d9cb-469f-a165-70867728950e"
	uuidB = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
)

// sealedWith makes a submission of Socialnämnden 2027 with the given version, plan identity
// ("" none) and the first activity's operating cost, carrying the content hash when uuid is set
// (as this version's export does) and not when it is not (as older versions did).
func sealedWith(tb testing.TB, version int, uuid string, cost int64) []byte {
	tb.Helper()
	id := signerID(tb, "Åsa Öberg", "Socialnämnden")
	d := smallPlan("Socialnämnden", 2027, "Behörighetsöversyn")
	d.Activities[0].OperatingCost = cost
	p := payloadFor(tb, d, version)
	if uuid != "" {
		p.PlanUUID = uuid
		h, err := submission.HashPayload(p)
		if err != nil {
			tb.Fatal(err)
		}
		p.ContentHash = h
	}
	// Each call signs anew, a second after the last: sealing is deterministic, so the same
	// content signed in the same second would be the same file.
	at := time.Now().UTC().Truncate(time.Second).Add(time.Duration(resign.Add(1)) * time.Second)
	return sealAt(tb, smallPDF(tb, fmt.Sprintf("version %d, %d kr", version, cost)), p, id, at)
}

// resign counts the files sealedWith has signed.
var resign atomic.Int64

func (e *testEnv) importOne(tb testing.TB, name string, b []byte) Result {
	tb.Helper()
	rs, err := e.im.Import(tb.Context(), []string{filepath.Join(writeDir(tb, map[string][]byte{name: b}), name)}, nil)
	if err != nil || len(rs) != 1 {
		tb.Fatalf("import %s: %v %v", name, rs, err)
	}
	return rs[0]
}

func (e *testEnv) current(tb testing.TB) data.Submission {
	tb.Helper()
	subs, err := e.store.Submissions("Socialnämnden", 2027)
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range subs {
		if s.Current {
			return s
		}
	}
	tb.Fatal("no current submission")
	return data.Submission{}
}

// Issue 10: two copies of the board's database both sent version 2 with different content.
// The second is a conflict (not "already imported"), both are kept, and choosing switches the
// current one.
func TestConflictSameVersionOtherContent(t *testing.T) {
	env := newEnv(t)
	env.trustSigner(t, signerID(t, "Åsa Öberg", "Socialnämnden"))
	laptop, desktop := sealedWith(t, 2, uuidA, 25000), sealedWith(t, 2, uuidA, 40000)

	first := env.importOne(t, "laptop.pdf", laptop)
	second := env.importOne(t, "skrivbord.pdf", desktop)
	if first.Verdict != AcceptedNew || second.Verdict != Conflict || second.ConflictKind != data.ConflictSameVersion ||
		second.ConflictWith != first.SubmissionID || second.Other != 2 || second.OtherSigner != "Åsa Öberg" {
		t.Fatalf("verdicts %s, %s %s with %d (other v%d by %q)", first.Verdict, second.Verdict, second.ConflictKind, second.ConflictWith, second.Other, second.OtherSigner)
	}
	if Summarize([]Result{first, second}).Settled() || second.Verdict.Settled() {
		t.Error("a conflict counts as settled")
	}
	sv := i18n.New(i18n.Swedish)
	if txt := second.Text(sv); !strings.Contains(txt, "annat innehåll") || strings.Contains(txt, "Ingenting ändrades") {
		t.Errorf("text: %s", txt)
	}
	if got := Summarize([]Result{first, second}).Text(sv); got != "2 filer: 1 inläst, 1 konflikt att välja i." {
		t.Errorf("summary: %s", got)
	}
	subs, _ := env.store.Submissions("Socialnämnden", 2027)
	if len(subs) != 2 {
		t.Fatalf("%d submissions kept, want both", len(subs))
	}
	for _, s := range subs {
		pdf, err := env.store.SubmissionPDF(s.ID)
		if err != nil || !(string(pdf) == string(laptop) || string(pdf) == string(desktop)) {
			t.Errorf("submission %d: bytes not kept (%v)", s.ID, err)
		}
	}
	if cur := env.current(t); cur.ID != first.SubmissionID {
		t.Errorf("current is %d, want the first one %d until the coordinator chooses", cur.ID, first.SubmissionID)
	}

	// Importing the conflicting file again: still the conflict, not "already imported".
	if again := env.importOne(t, "skrivbord-igen.pdf", desktop); again.Verdict != Conflict || again.ConflictKind != data.ConflictStillOpen {
		t.Errorf("again: %s %s", again.Verdict, again.ConflictKind)
	}

	groups, err := env.im.OpenConflicts()
	if err != nil || len(groups) != 1 || len(groups[0].Submissions) != 2 {
		t.Fatalf("open conflicts %+v %v", groups, err)
	}
	c, err := env.im.CompareGroup(sv, groups[0])
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, r := range c.Rows {
		if !r.Total || r.Values[0] != r.Values[1] {
			changed = append(changed, r.Label+": "+strings.Join(r.Values, " | "))
		}
	}
	want := []string{
		"Åtgärd ”Behörighetsöversyn”: Driftkostnad: 25\u00a0000\u00a0kr | 40\u00a0000\u00a0kr",
		"Summa: Driftkostnad: 25\u00a0000\u00a0kr | 40\u00a0000\u00a0kr",
	}
	if !slices.Equal(changed, want) {
		t.Errorf("differences\n%s\nwant\n%s", strings.Join(changed, "\n"), strings.Join(want, "\n"))
	}
	if c.Sides[0].Payload.PlanUUID != uuidA || c.Sides[1].Submission.FileName != "skrivbord.pdf" {
		t.Errorf("sides %+v", c.Sides)
	}

	env.store.SetWho("Samordnaren")
	out, err := env.im.Choose(second.SubmissionID)
	if err != nil {
		t.Fatal(err)
	}
	if cur := env.current(t); cur.ID != second.SubmissionID || out.Closed != 1 {
		t.Errorf("after choosing: current %d, closed %d", cur.ID, out.Closed)
	}
	if txt := ChosenText(sv, out); !strings.Contains(txt, "gäller nu") {
		t.Errorf("chosen text %q", txt)
	}
	if g, _ := env.im.OpenConflicts(); len(g) != 0 {
		t.Errorf("still open: %+v", g)
	}
	// Settled now: importing either file again is a plain duplicate.
	if again := env.importOne(t, "laptop-igen.pdf", laptop); again.Verdict != Duplicate {
		t.Errorf("after the choice: %s", again.Verdict)
	}
}

// Two officials made two plans for the same board and year: a file of the other plan is a
// conflict whatever its version, until the coordinator chooses; newer versions of the chosen
// plan then import as usual, and the other plan's are conflicts again.
func TestConflictOtherPlan(t *testing.T) {
	env := newEnv(t)
	env.trustSigner(t, signerID(t, "Åsa Öberg", "Socialnämnden"))
	steps := []struct {
		name    string
		version int
		uuid    string
		want    Verdict
		current int // version current afterwards
	}{
		{"a1", 1, uuidA, AcceptedNew, 1},
		{"b2", 2, uuidB, Conflict, 1},
		{"a2", 2, uuidA, AcceptedNewer, 2}, // plan A goes on
		{"b1", 1, uuidB, Conflict, 2},
	}
	var ids = map[string]int64{}
	for i, st := range steps {
		r := env.importOne(t, st.name+".pdf", sealedWith(t, st.version, st.uuid, int64(1000*(i+1))))
		if r.Verdict != st.want || env.current(t).Version != st.current {
			t.Fatalf("%s: %s (%s), current v%d; want %s, v%d", st.name, r.Verdict, r.ConflictKind, env.current(t).Version, st.want, st.current)
		}
		if r.Verdict == Conflict && r.ConflictKind != data.ConflictOtherPlan {
			t.Errorf("%s: conflict %s", st.name, r.ConflictKind)
		}
		ids[st.name] = r.SubmissionID
	}
	if _, err := env.im.Choose(ids["b2"]); err != nil {
		t.Fatal(err)
	}
	if g, _ := env.im.OpenConflicts(); len(g) != 0 {
		t.Errorf("open after the choice: %+v", g)
	}
	if r := env.importOne(t, "b3.pdf", sealedWith(t, 3, uuidB, 9000)); r.Verdict != AcceptedNewer {
		t.Errorf("the chosen plan's next version: %s", r.Verdict)
	}
	if r := env.importOne(t, "a4.pdf", sealedWith(t, 4, uuidA, 9000)); r.Verdict != Conflict || r.ConflictKind != data.ConflictOtherPlan {
		t.Errorf("the other plan's next version: %s %s", r.Verdict, r.ConflictKind)
	}
	if cur := env.current(t); cur.Version != 3 || cur.PlanUUID != uuidB {
		t.Errorf("current v%d of %s", cur.Version, cur.PlanUUID)
	}
}

// Files made before plans carried an identity and a content hash still import, and are
// compared by what they have: the hash computed from their content.
func TestOldPayloadsComparedByContent(t *testing.T) {
	env := newEnv(t)
	env.trustSigner(t, signerID(t, "Åsa Öberg", "Socialnämnden"))
	v1 := sealedWith(t, 1, "", 1000)
	r := env.importOne(t, "v1.pdf", v1)
	if r.Verdict != AcceptedNew || r.PlanUUID != "" || len(r.ContentHash) != 64 {
		t.Fatalf("old payload: %s %s %q", r.Verdict, r.Detail, r.ContentHash)
	}
	s, _ := env.store.Submission(r.SubmissionID)
	if s.ContentHash != r.ContentHash || s.PlanUUID != "" {
		t.Errorf("stored %q %q", s.ContentHash, s.PlanUUID)
	}
	if r := env.importOne(t, "v1-igen.pdf", sealedWith(t, 1, "", 1000)); r.Verdict != Duplicate || r.SameFile {
		t.Errorf("same content signed anew: %s", r.Verdict)
	}
	if r := env.importOne(t, "v1-annan.pdf", sealedWith(t, 1, "", 2000)); r.Verdict != Conflict {
		t.Errorf("same version, other content: %s", r.Verdict)
	}
	// A new file of the same plan content with identity and hash: still the same content.
	if r := env.importOne(t, "v1-ny.pdf", sealedWith(t, 1, uuidA, 1000)); r.Verdict != Conflict || r.ConflictKind != data.ConflictStillOpen {
		t.Errorf("same content from a new version: %s %s", r.Verdict, r.ConflictKind)
	}
}

// Submissions received before 0006 have no content hash; the importer computes it from the
// stored payload, so the same content signed anew is a duplicate, not a conflict.
func TestHashesFilledForEarlierSubmissions(t *testing.T) {
	env := newEnv(t)
	env.trustSigner(t, signerID(t, "Åsa Öberg", "Socialnämnden"))
	first := env.importOne(t, "v2.pdf", sealedWith(t, 2, "", 1000))
	if _, err := env.rawDB(t).Exec("UPDATE submissions SET content_hash = ''"); err != nil {
		t.Fatal(err)
	}
	env.im = New(env.store) // as after an upgrade: a new importer
	if r := env.importOne(t, "v2-igen.pdf", sealedWith(t, 2, "", 1000)); r.Verdict != Duplicate {
		t.Errorf("same content after the upgrade: %s %s", r.Verdict, r.ConflictKind)
	}
	if s, _ := env.store.Submission(first.SubmissionID); s.ContentHash != first.ContentHash {
		t.Errorf("hash filled in %q, want %q", s.ContentHash, first.ContentHash)
	}
}

// A payload whose content_hash is not the hash of what it carries is refused: the duplicate
// and conflict rules must not trust it.
func TestContentHashMismatchRejected(t *testing.T) {
	env := newEnv(t)
	id := signerID(t, "Åsa Öberg", "Socialnämnden")
	env.trustSigner(t, id)
	p := payloadFor(t, smallPlan("Socialnämnden", 2027, "Behörighetsöversyn"), 1)
	p.PlanUUID, p.ContentHash = uuidA, strings.Repeat("0", 64)
	r := env.importOne(t, "fel.pdf", seal(t, smallPDF(t, "fel"), p, id))
	if r.Verdict != Rejected || r.Reason != ReasonContentHash || !strings.Contains(r.Text(i18n.New(i18n.English)), "checksum") {
		t.Errorf("%s %s: %s", r.Verdict, r.Reason, r.Text(i18n.New(i18n.English)))
	}
	if subs, _ := env.store.Submissions("", 0); len(subs) != 0 {
		t.Errorf("stored %+v", subs)
	}
}

// Diff names what was added, removed and changed, and always the totals.
func TestDiff(t *testing.T) {
	sv := i18n.New(i18n.Swedish)
	base := payloadFor(t, smallPlan("Socialnämnden", 2027, "Behörighetsöversyn"), 2)
	other := payloadFor(t, smallPlan("Socialnämnden", 2027, "Behörighetsöversyn"), 2)
	other.Plan.Activities = slices.Clone(other.Plan.Activities)
	other.Plan.Activities[1].Title = "Phishingövning"
	other.Plan.Activities[0].Investment = 50000
	other.Plan.Plan.Responsible = "Ny chef"
	other.Plan.Systems = []domain.System{{ID: 5, Name: "Ärendesystem", Owner: "Förvaltningschef", Confidentiality: 4, Integrity: 2, Availability: 2, Traceability: 3}}

	rows := Diff(sv, []submission.Payload{base, base})
	for _, r := range rows {
		if !r.Total {
			t.Errorf("identical plans differ in %s", r.Label)
		}
	}
	if len(rows) != 5 {
		t.Errorf("%d total rows, want 5", len(rows))
	}

	var got []string
	for _, r := range Diff(sv, []submission.Payload{base, other}) {
		if !r.Total || r.Values[0] != r.Values[1] {
			got = append(got, r.Label+": "+strings.Join(r.Values, " | "))
		}
	}
	nb := "\u00a0"
	want := []string{
		"Planen: Ansvarig: Förvaltningschef | Ny chef",
		"Åtgärd ”Behörighetsöversyn”: Investering: 0" + nb + "kr | 50" + nb + "000" + nb + "kr",
		"Åtgärd ”Utbildning i informationssäkerhet”: finns (8 tim, 0" + nb + "kr) | saknas",
		"Åtgärd ”Phishingövning”: saknas | finns (8 tim, 0" + nb + "kr)",
		"System ”Ärendesystem”: Klassning: K3 R2 T2 S3 | K4 R2 T2 S3",
		"Summa: Investering: 0" + nb + "kr | 50" + nb + "000" + nb + "kr",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diff\n%q\nwant\n%q", got, want)
	}
	en := Diff(i18n.New(i18n.English), []submission.Payload{base, other})
	if en[0].Label != "Plan: Responsible" {
		t.Errorf("English label %q", en[0].Label)
	}
}
