package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
)

// genPlan makes a board's plan for year with n activities, two trainings, a checkpoint and a
// three-system register; its content depends only on board, year and n.
func genPlan(board string, year, n int) domain.PlanData {
	h := sha256.Sum256([]byte(board))
	r := rand.New(rand.NewPCG(uint64(year), uint64(h[0])<<8|uint64(h[1])))
	d := domain.PlanData{Plan: domain.Plan{Board: board, Year: year, Status: domain.PlanSigned, Version: 1, Responsible: "Förvaltningschef"}}
	d.Systems = []domain.System{
		{ID: 1, Name: "Ärendesystem", Confidentiality: 3, Integrity: 3, Availability: 2, Traceability: 3, SecurityPlan: domain.SecurityPlanBase},
		{ID: 2, Name: "E-post", Confidentiality: 2, Integrity: 2, Availability: 2, Traceability: 1, RiskAnalysisAt: time.Date(year-1, 5, 1, 0, 0, 0, 0, time.UTC)},
		{ID: 3, Name: "Webbplats", Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1},
	}
	for i := range n {
		start := time.Date(year, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		a := domain.Activity{
			Position: i + 1, Title: fmt.Sprintf("Åtgärd %d för %s", i+1, board), Description: "Så här görs det.",
			Goals: []int{1 + r.IntN(8)}, Priority: domain.Priority(1 + r.IntN(3)), Responsible: "Enhetschef",
			Start: start, End: start.AddDate(0, r.IntN(4), r.IntN(20)),
			InternalHours: int64(r.IntN(200)), ExternalHours: int64(r.IntN(50)), OperatingCost: int64(r.IntN(100)) * 1000,
			Investment: int64(r.IntN(20)) * 5000, Status: domain.ActivityNotStarted,
		}
		if r.IntN(3) == 0 {
			a.Goals = append(a.Goals, 1+r.IntN(8))
		}
		if r.IntN(4) == 0 {
			a.SystemIDs = []int64{int64(1 + r.IntN(3))}
		}
		d.Activities = append(d.Activities, a)
	}
	d.Trainings = []domain.Training{
		{Position: 1, Title: "Grundutbildning", TargetGroup: "Alla medarbetare", Format: domain.FormatELearning,
			Dates: []time.Time{time.Date(year, 3, 10, 0, 0, 0, 0, time.UTC), time.Date(year, 9, 14, 0, 0, 0, 0, time.UTC)}, ExpectedParticipants: 100},
		{Position: 2, Title: "Krisövning", TargetGroup: "Ledningsgruppen", Format: domain.FormatExercise,
			Dates: []time.Time{time.Date(year, 5, 20, 0, 0, 0, 0, time.UTC)}, ExpectedParticipants: 12},
	}
	d.Checkpoints = []domain.Checkpoint{{Position: 1, Date: time.Date(year, 10, 15, 0, 0, 0, 0, time.UTC), Method: "Uppföljning", ReportTo: "Nämnden"}}
	return d
}

// followedUp is d after its autumn follow-up: statuses spread over the four, checks answered.
func followedUp(d domain.PlanData) domain.PlanData {
	d.Activities = append([]domain.Activity(nil), d.Activities...)
	for i := range d.Activities {
		d.Activities[i].Status = domain.ActivityStatuses[i%len(domain.ActivityStatuses)]
	}
	d.Plan.Status = domain.PlanClosed
	d.Plan.Checks = [3]domain.Check{{Result: domain.CheckYes, Text: "Alla genomförda."}, {Result: domain.CheckPartly, Text: "Delvis."}, {Result: domain.CheckNo, Text: "Nej."}}
	return d
}

// submissionOf is what the importer stores for board's plan of year: the plan with last year's
// follow-up in the payload.
func submissionOf(board string, year, version, n int) Received {
	d := genPlan(board, year, n)
	d.Plan.Version = version
	prev := followedUp(genPlan(board, year-1, n))
	d.Previous = &prev
	payload, err := json.Marshal(struct {
		Schema int             `json:"schema"`
		Board  string          `json:"board"`
		Year   int             `json:"year"`
		Plan   domain.PlanData `json:"plan"`
	}{1, board, year, d})
	if err != nil {
		panic(err)
	}
	pdf := []byte(fmt.Sprintf("%%PDF-1.7 %s %d v%d", board, year, version))
	sum := sha256.Sum256(pdf)
	return Received{
		Plan: d, Board: board, Year: year, Version: version, SignerName: "Åsa Öberg", SignerFingerprint: "ab12", TrustedVia: "ca01",
		SignedAt: time.Date(year-1, 10, 30, 14, 0, 0, 0, time.UTC), FileName: fmt.Sprintf("%s-%d-v%d.pdf", board, year, version),
		SHA256: hex.EncodeToString(sum[:]), Payload: payload, PDF: pdf,
	}
}

func importAll(t testing.TB, s *Store, rs ...Received) {
	t.Helper()
	for _, r := range rs {
		if _, err := s.ImportSubmission(r, ImportLogEntry{FileName: r.FileName, SHA256: r.SHA256, Board: r.Board, Year: r.Year, Version: r.Version}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReceivedPlans(t *testing.T) {
	s := openImportStore(t)
	v1 := submissionOf("Socialnämnden", 2027, 1, 4)
	v2 := submissionOf("Socialnämnden", 2027, 2, 5)
	other := submissionOf("Tekniska nämnden", 2027, 1, 3)
	lastYear := submissionOf("Tekniska nämnden", 2026, 1, 2)
	importAll(t, s, v1, v2, other, lastYear)
	// A board's own working copy of the same year is not a received plan.
	if _, err := s.AddPlanData(genPlan("Socialnämnden", 2027, 7)); err != nil {
		t.Fatal(err)
	}

	got, err := s.ReceivedPlans(2027, WithAll)
	if err != nil {
		t.Fatal(err)
	}
	byBoard := map[string]domain.PlanData{}
	for _, d := range got {
		byBoard[d.Plan.Board] = d
	}
	if len(got) != 2 || len(byBoard) != 2 {
		t.Fatalf("got %d plans for %v, want the current one of 2 boards", len(got), reflect.ValueOf(byBoard).MapKeys())
	}
	tests := []struct {
		board string
		want  Received
	}{
		{"Socialnämnden", v2},
		{"Tekniska nämnden", other},
	}
	for _, tc := range tests {
		d := byBoard[tc.board]
		want := tc.want.Plan
		if d.Plan.Version != tc.want.Version || d.Plan.SubmissionID == 0 || d.Plan.Year != 2027 {
			t.Errorf("%s: plan %+v", tc.board, d.Plan)
		}
		// Rows compare without the ids the store gave them.
		if g, w := activityKeys(d.Activities), activityKeys(want.Activities); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: activities\n got %v\nwant %v", tc.board, g, w)
		}
		for i, a := range d.Activities {
			if len(want.Activities[i].SystemIDs) != len(a.SystemIDs) {
				t.Errorf("%s: activity %d systems %v, want %d linked", tc.board, i, a.SystemIDs, len(want.Activities[i].SystemIDs))
			}
			for _, id := range a.SystemIDs {
				if !containsSystem(d.Systems, id) {
					t.Errorf("%s: activity %d links system %d, not in the plan's register", tc.board, i, id)
				}
			}
		}
		if len(d.Trainings) != 2 || d.Trainings[0].Title != "Grundutbildning" || len(d.Trainings[0].Dates) != 2 {
			t.Errorf("%s: trainings %+v", tc.board, d.Trainings)
		}
		if len(d.Checkpoints) != 1 || d.Checkpoints[0].Method != "Uppföljning" {
			t.Errorf("%s: checkpoints %+v", tc.board, d.Checkpoints)
		}
		if len(d.Systems) != 3 || d.Systems[0].Name != "E-post" || d.Systems[2].Name != "Ärendesystem" && d.Systems[2].Name != "Webbplats" {
			t.Errorf("%s: systems %+v", tc.board, d.Systems)
		}
		if d.Previous == nil {
			t.Fatalf("%s: no previous plan", tc.board)
		}
		if p := d.Previous; p.Plan.Year != 2026 || p.Plan.Checks[2].Result != domain.CheckNo || len(p.Activities) != len(want.Previous.Activities) ||
			p.Activities[1].Status != domain.ActivityStatuses[1] {
			t.Errorf("%s: previous %+v", tc.board, p.Plan)
		}
	}

	// Only what is asked for is loaded.
	bare, err := s.ReceivedPlans(2026, WithActivities)
	if err != nil {
		t.Fatal(err)
	}
	if len(bare) != 1 || len(bare[0].Activities) != 2 || bare[0].Trainings != nil || bare[0].Systems != nil || bare[0].Previous != nil {
		t.Errorf("2026 with activities only: %+v", bare)
	}
	none, err := s.ReceivedPlans(2030, WithAll)
	if err != nil || len(none) != 0 {
		t.Errorf("2030: %v, %v", none, err)
	}
}

func activityKeys(as []domain.Activity) []string {
	var out []string
	for _, a := range as {
		out = append(out, fmt.Sprintf("%d %s %v %s–%s %d/%d/%d/%d %s", a.Position, a.Title, a.Goals, a.Start.Format(time.DateOnly),
			a.End.Format(time.DateOnly), a.InternalHours, a.ExternalHours, a.OperatingCost, a.Investment, a.Status))
	}
	return out
}

func containsSystem(xs []domain.System, id int64) bool {
	for _, x := range xs {
		if x.ID == id {
			return true
		}
	}
	return false
}

// A payload whose previous plan cannot be read loses only the follow-up, not the year.
func TestReceivedPlansDamagedPayload(t *testing.T) {
	tests := []struct {
		name    string
		payload string
	}{
		{"not json", `%PDF garbage`},
		{"no previous", `{"schema":1,"plan":{"plan":{"board":"X"}}}`},
		{"previous of the wrong type", `{"schema":1,"plan":{"previous":"last year"}}`},
		{"previous with a bad field", `{"schema":1,"plan":{"previous":{"activities":[{"start":"someday"}]}}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openImportStore(t)
			r := submissionOf("Socialnämnden", 2027, 1, 2)
			r.Payload = []byte(tc.payload)
			importAll(t, s, r)
			got, err := s.ReceivedPlans(2027, WithAll)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || len(got[0].Activities) != 2 || got[0].Previous != nil {
				t.Fatalf("got %+v", got)
			}
		})
	}
}

func TestCoordinatorNote(t *testing.T) {
	s := openImportStore(t)
	empty, err := s.CoordinatorNote("Socialnämnden", 2027)
	if err != nil || !empty.Empty() || empty.Board != "Socialnämnden" || empty.Year != 2027 {
		t.Fatalf("unsaved note: %+v, %v", empty, err)
	}
	steps := []struct {
		name      string
		note      CoordinatorNote
		wantAudit int // entries added by this step
		wantRows  int
	}{
		{"first", CoordinatorNote{Board: "Socialnämnden", Year: 2027, Checks: [3]domain.CheckResult{domain.CheckYes, "", domain.CheckPartly}, Text: "Två konton kvar; åtgärdas."}, 3, 1},
		{"same again", CoordinatorNote{Board: "Socialnämnden", Year: 2027, Checks: [3]domain.CheckResult{domain.CheckYes, "", domain.CheckPartly}, Text: "Två konton kvar; åtgärdas."}, 0, 1},
		{"one check", CoordinatorNote{Board: "Socialnämnden", Year: 2027, Checks: [3]domain.CheckResult{domain.CheckYes, domain.CheckNo, domain.CheckPartly}, Text: "Två konton kvar; åtgärdas."}, 1, 1},
		{"another board", CoordinatorNote{Board: "Tekniska nämnden", Year: 2027, Text: "Inget att anmärka."}, 1, 2},
		{"emptied", CoordinatorNote{Board: "Socialnämnden", Year: 2027}, 4, 1},
	}
	audits := 0
	for _, st := range steps {
		if err := s.SetCoordinatorNote(st.note); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, err := s.CoordinatorNote(st.note.Board, st.note.Year)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != st.note.Text || got.Checks != st.note.Checks {
			t.Errorf("%s: read back %+v", st.name, got)
		}
		if !st.note.Empty() && (got.UpdatedBy != "samordnare" || got.UpdatedAt.IsZero()) {
			t.Errorf("%s: who/when %q %v", st.name, got.UpdatedBy, got.UpdatedAt)
		}
		es, _ := s.Audit("coordinator_note", 2027)
		if len(es)-audits != st.wantAudit {
			t.Errorf("%s: %d audit entries added, want %d: %+v", st.name, len(es)-audits, st.wantAudit, es[audits:])
		}
		audits = len(es)
		all, err := s.CoordinatorNotes(2027)
		if err != nil || len(all) != st.wantRows {
			t.Errorf("%s: %d notes stored (%v), want %d", st.name, len(all), err, st.wantRows)
		}
	}
	if es, _ := s.Audit("coordinator_note", 2027); !strings.HasPrefix(es[0].Field, "Socialnämnden: check0") || es[0].New != "yes" {
		t.Errorf("first audit entry %+v", es[0])
	}
	if err := s.SetCoordinatorNote(CoordinatorNote{Board: "X", Year: 2027, Checks: [3]domain.CheckResult{"maybe"}}); err == nil {
		t.Error("an unknown check result was saved")
	}
	if other, _ := s.CoordinatorNotes(2026); len(other) != 0 {
		t.Errorf("2026 has notes: %+v", other)
	}
}

// explain returns SQLite's plan for q, one line per step.
func explain(t testing.TB, s *Store, q string, args ...any) []string {
	t.Helper()
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return out
}

// Every table the overview reads is reached through an index: no step scans a table, and no
// step sorts in a temporary tree. go test -v -run TestOverviewQueryPlans shows the plans.
func TestOverviewQueryPlans(t *testing.T) {
	s := openImportStore(t)
	importAll(t, s, submissionOf("Socialnämnden", 2027, 1, 3), submissionOf("Tekniska nämnden", 2026, 1, 3))
	queries := []struct{ name, q string }{
		{"plans", qPlans}, {"activities", qActivities}, {"trainings", qTrainings}, {"checkpoints", qCheckpoints},
		{"systems", qSystems}, {"previous", qPrevious}, {"notes", qNotes},
	}
	for _, q := range queries {
		plan := explain(t, s, q.q, 2027)
		t.Logf("%s:\n\t%s", q.name, strings.Join(plan, "\n\t"))
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN") || strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("%s: %q does not use an index", q.name, step)
			}
		}
		if len(plan) == 0 {
			t.Errorf("%s: no plan", q.name)
		}
	}
}

// benchStore is a coordinator's database with boards × years submissions of n activities each.
func benchStore(b *testing.B, boards, years, n int) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "coord.db"), "samordnare")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	for y := range years {
		for i := range boards {
			importAll(b, s, submissionOf(fmt.Sprintf("Nämnd %02d", i+1), 2020+y, 1, n))
		}
	}
	return s
}

// BenchmarkReceivedPlans loads one year of a kommun with 50 boards × 10 years × 200 activities:
// all rows of the 50 current plans and last year's follow-up from their payloads.
func BenchmarkReceivedPlans(b *testing.B) {
	s := benchStore(b, 50, 10, 200)
	b.ResetTimer()
	for b.Loop() {
		ds, err := s.ReceivedPlans(2025, WithAll)
		if err != nil {
			b.Fatal(err)
		}
		if len(ds) != 50 || len(ds[0].Activities) != 200 || ds[0].Previous == nil {
			b.Fatalf("loaded %d plans", len(ds))
		}
	}
}
