package data

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"handlingsplan/domain"
)

// TestDeleteUndo deletes one row of each kind and puts it back with what the delete returned:
// same id, same content, same links.
func TestDeleteUndo(t *testing.T) {
	tests := []struct {
		name   string
		entity string
		id     func(*fixture) int64
		load   func(*fixture) (any, error)
		del    func(*fixture) (any, error)
		undo   func(*fixture, any) (int64, error)
	}{
		{"activity", "activity", actID,
			func(f *fixture) (any, error) { return f.s.Activity(f.act) },
			func(f *fixture) (any, error) { return f.s.DeleteActivity(f.act) },
			func(f *fixture, v any) (int64, error) { return f.s.AddActivity(f.plan, v.(domain.Activity)) }},
		{"training", "training", trainingID,
			func(f *fixture) (any, error) { return loadOne(f.s.Trainings(f.plan))(f.training) },
			func(f *fixture) (any, error) { return f.s.DeleteTraining(f.training) },
			func(f *fixture, v any) (int64, error) { return f.s.AddTraining(f.plan, v.(domain.Training)) }},
		{"checkpoint", "checkpoint", checkpointID,
			func(f *fixture) (any, error) { return loadOne(f.s.Checkpoints(f.plan))(f.checkpoint) },
			func(f *fixture) (any, error) { return f.s.DeleteCheckpoint(f.checkpoint) },
			func(f *fixture, v any) (int64, error) { return f.s.AddCheckpoint(f.plan, v.(domain.Checkpoint)) }},
		{"system", "system", systemID,
			func(f *fixture) (any, error) { return loadOne(f.s.Systems(f.board, 0))(f.sysProcapita) },
			func(f *fixture) (any, error) { return f.s.DeleteSystem(f.sysProcapita) },
			func(f *fixture, v any) (int64, error) { return f.s.AddSystem(f.board, v.(domain.System)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			// A second row, so the plan keeps something and positions matter.
			if _, err := f.s.AddActivity(f.plan, domain.Activity{Title: "Andra", Goals: []int{5}}); err != nil {
				t.Fatal(err)
			}
			id := tc.id(f)
			orig, err := tc.load(f)
			if err != nil {
				t.Fatal(err)
			}
			if a, ok := orig.(domain.Activity); ok && (!slices.Equal(a.Goals, []int{1, 3}) || len(a.SystemIDs) != 2) {
				t.Fatalf("fixture activity has goals %v systems %v", a.Goals, a.SystemIDs)
			}
			for round := 0; round < 2; round++ {
				got, err := tc.del(f)
				if err != nil {
					t.Fatalf("delete: %v", err)
				}
				if !reflect.DeepEqual(got, orig) {
					t.Errorf("delete returned %+v, want %+v", got, orig)
				}
				if _, err := tc.load(f); !errors.Is(err, ErrNotFound) {
					t.Errorf("after delete, load: %v, want ErrNotFound", err)
				}
				if _, err := tc.del(f); !errors.Is(err, ErrNotFound) {
					t.Errorf("second delete: %v, want ErrNotFound", err)
				}
				if last, _ := f.lastAudit(t, tc.entity, id); last.Field != "deleted" || last.Who != testWho {
					t.Errorf("delete audited as %+v", last)
				}
				newID, err := tc.undo(f, got)
				if err != nil {
					t.Fatalf("undo: %v", err)
				}
				if newID != id {
					t.Errorf("undo gave id %d, want %d", newID, id)
				}
				back, err := tc.load(f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(back, orig) {
					t.Errorf("after undo %+v, want %+v", back, orig)
				}
			}
		})
	}
}

// loadOne finds a row by id in a list a loader returned.
func loadOne[T any](rows []T, err error) func(int64) (any, error) {
	return func(id int64) (any, error) {
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if reflect.ValueOf(r).FieldByName("ID").Int() == id {
				return r, nil
			}
		}
		return nil, fmt.Errorf("row %d: %w", id, ErrNotFound)
	}
}

// An undo long after the delete still works when rows it linked to are gone by then.
func TestUndoAfterLinkedRowsDeleted(t *testing.T) {
	f := newFixture(t)
	s := f.s
	prev, err := s.AddPlan(domain.Plan{BoardID: f.board, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	old, err := s.AddActivity(prev, domain.Activity{Title: "Påbörjad 2026", Goals: []int{2}})
	if err != nil {
		t.Fatal(err)
	}
	carried, err := s.AddActivity(f.plan, domain.Activity{Title: "Fortsätter", Goals: []int{2}, CarriedFrom: old, SystemIDs: []int64{f.sysMail, f.sysProcapita}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.DeleteActivity(carried)
	if err != nil {
		t.Fatal(err)
	}
	if a.CarriedFrom != old {
		t.Fatalf("deleted activity carried from %d, want %d", a.CarriedFrom, old)
	}
	if _, err := s.DeleteActivity(old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSystem(f.sysMail); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddActivity(f.plan, a); err != nil {
		t.Fatalf("undo after the linked rows were deleted: %v", err)
	}
	back, err := s.Activity(carried)
	if err != nil {
		t.Fatal(err)
	}
	if back.CarriedFrom != 0 || !slices.Equal(back.SystemIDs, []int64{f.sysProcapita}) || back.Title != a.Title {
		t.Errorf("restored %+v: want no carried_from and only the system that still exists", back)
	}
}

func TestPlanDataOrderAndPrevious(t *testing.T) {
	f := newFixture(t)
	s := f.s
	// Positions given out of order; the loaders sort by position.
	for _, p := range []int{30, 10, 20} {
		if _, err := s.AddActivity(f.plan, domain.Activity{Title: fmt.Sprintf("pos %d", p), Position: p}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddTraining(f.plan, domain.Training{Title: "Sist"}); err != nil {
		t.Fatal(err)
	}
	cpFirst, err := s.AddCheckpoint(f.plan, domain.Checkpoint{Method: "Först", Position: -1})
	if err != nil {
		t.Fatal(err)
	}
	// Moving a row is a position change.
	if _, err := s.SetField(domain.FieldActivityPosition, f.act, 25); err != nil {
		t.Fatal(err)
	}

	prevID, err := s.AddPlan(domain.Plan{BoardID: f.board, Year: 2026, Responsible: "Förra året"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddActivity(prevID, domain.Activity{Title: "Från 2026", Status: domain.ActivityInProgress, PercentDone: 60}); err != nil {
		t.Fatal(err)
	}
	older, _ := s.AddPlan(domain.Plan{BoardID: f.board, Year: 2025})
	other, _ := s.AddBoard("Kulturnämnden")
	if _, err := s.AddPlan(domain.Plan{BoardID: other, Year: 2026, Responsible: "Fel nämnd"}); err != nil {
		t.Fatal(err)
	}

	d, err := s.PlanData(f.plan)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range d.Activities {
		titles = append(titles, a.Title)
	}
	if want := []string{"pos 10", "pos 20", "Klassa system", "pos 30"}; !slices.Equal(titles, want) {
		t.Errorf("activities in order %q, want %q", titles, want)
	}
	if len(d.Trainings) != 2 || d.Trainings[0].ID != f.training || d.Trainings[1].Title != "Sist" {
		t.Errorf("trainings = %+v", d.Trainings)
	}
	if len(d.Checkpoints) != 2 || d.Checkpoints[0].ID != cpFirst {
		t.Errorf("checkpoints = %+v", d.Checkpoints)
	}
	if len(d.Systems) != 2 {
		t.Errorf("systems = %+v", d.Systems)
	}
	if d.Previous == nil {
		t.Fatal("no previous plan")
	}
	if d.Previous.Plan.ID != prevID || d.Previous.Plan.Responsible != "Förra året" || len(d.Previous.Activities) != 1 ||
		d.Previous.Activities[0].PercentDone != 60 {
		t.Errorf("previous = %+v", d.Previous)
	}
	if d.Previous.Previous != nil {
		t.Error("previous goes more than one level deep")
	}
	if d2, _ := s.PlanData(older); d2.Previous != nil {
		t.Error("the oldest plan has a previous plan")
	}
	if _, err := s.PlanData(4711); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing plan: %v", err)
	}
}

// fullPlan is a plan with every field set, as the demo generator or an import hands it over.
// System ids are the sender's: they must be remapped.
func fullPlan(board string, year int) domain.PlanData {
	return domain.PlanData{
		Plan: domain.Plan{Board: board, Year: year, Status: domain.PlanSigned, Version: 3, Responsible: "Förvaltningschef",
			Contact: "nämnd@example.se", DecisionDate: day(year-1, 11, 20), Decision: domain.Decision{Paragraph: "§ 142"},
			Checks:     [3]domain.Check{{Result: domain.CheckYes, Text: "Alla"}, {Result: domain.CheckPartly, Text: "Nästan"}, {Result: domain.CheckNo, Text: "Nej"}},
			WizardStep: 4},
		Activities: []domain.Activity{
			{Position: 1, Title: "Riskanalys", Description: "Workshop", Goals: []int{1, 4}, Priority: domain.PriorityHigh, Responsible: "CISO",
				Start: day(year, 1, 15), End: day(year, 3, 31), InternalHours: 40, ExternalHours: 8, OperatingCost: 12000, Investment: 0,
				SystemIDs: []int64{102, 101}, Status: domain.ActivityDone, PercentDone: 100, ActualHours: 45, ActualKronor: 11000,
				FollowUpComment: "Klar"},
			{Position: 2, Title: "Kontinuitetsplan", Description: "Skriv", Goals: []int{6}, Priority: domain.PriorityLow, Responsible: "Chef",
				Start: day(year, 4, 1), InternalHours: 10, SystemIDs: []int64{101}, Status: domain.ActivityNotStarted,
				Addresses: "rule:no_risk_analysis"},
		},
		Trainings: []domain.Training{
			{Position: 1, Title: "E-learning", TargetGroup: "Alla", Format: domain.FormatELearning, Kind: domain.TrainingGeneral, Dates: []time.Time{day(year, 2, 1), day(year, 9, 1)},
				Responsible: "HR", ExpectedParticipants: 300, Evaluation: "Kursutvärdering", ActualParticipants: 280},
		},
		Checkpoints: []domain.Checkpoint{
			{Position: 1, Date: day(year, 6, 1), Method: "Delrapport", ReportTo: "Nämnden", Done: true},
			{Position: 2, Date: day(year+1, 2, 1), Method: "Årsrapport", ReportTo: "KS"},
		},
		Systems: []domain.System{
			{ID: 101, Name: "Ärendesystem", Description: "Diarium", Owner: "Registrator", Confidentiality: 2, Integrity: 3, Availability: 2,
				Traceability: 4, BaselineMet: true, SecurityPlan: domain.SecurityPlanDeepened, SecurityPlanAt: day(year-1, 3, 3),
				RiskAnalysisAt: day(year-1, 4, 4), ContinuityAt: day(year-1, 5, 5), RecoveryAt: day(year-1, 6, 6), Sensitive: true,
				ClassifiedAt: day(year-1, 2, 2)},
			{ID: 102, Name: "Webbplats", Owner: "Kommunikatör", Confidentiality: 0, Integrity: 1, Availability: 1, Traceability: -1,
				SecurityPlan: domain.SecurityPlanNone},
		},
		Checklist: []domain.ChecklistEntry{
			{Requirement: "records_plan", Status: domain.ChecklistPartly, Date: day(year-1, 9, 1), Responsible: "Arkivarie", Comment: "Från 2019"},
			{Requirement: "recovery_plan", Status: domain.ChecklistNotApplicable, Comment: "IT-enheten"},
		},
	}
}

// comparable strips what storing changes (ids, timestamps, the identity a new plan gets) and
// names systems instead of numbering them, so a stored plan can be compared with what was
// handed over.
func comparable(d domain.PlanData) (domain.PlanData, map[string][]string) {
	names := map[int64]string{}
	for _, x := range d.Systems {
		names[x.ID] = x.Name
	}
	links := map[string][]string{}
	out := d
	out.Plan.ID, out.Plan.BoardID, out.Plan.UpdatedAt, out.Plan.UUID, out.Plan.ProfileID = 0, 0, time.Time{}, "", 0
	out.AsOf, out.Profile = time.Time{}, nil
	out.Previous = nil
	out.Activities = nil
	for _, a := range d.Activities {
		var ls []string
		for _, id := range a.SystemIDs {
			n, ok := names[id]
			if !ok {
				n = fmt.Sprintf("unknown system %d", id)
			}
			ls = append(ls, n)
		}
		sort.Strings(ls)
		links[a.Title] = ls
		a.ID, a.PlanID, a.SystemIDs = 0, 0, nil
		out.Activities = append(out.Activities, a)
	}
	out.Trainings = nil
	for _, x := range d.Trainings {
		x.ID, x.PlanID = 0, 0
		out.Trainings = append(out.Trainings, x)
	}
	out.Checkpoints = nil
	for _, x := range d.Checkpoints {
		x.ID, x.PlanID = 0, 0
		out.Checkpoints = append(out.Checkpoints, x)
	}
	out.Systems = nil
	for _, x := range d.Systems {
		x.ID, x.BoardID = 0, 0
		out.Systems = append(out.Systems, x)
	}
	sort.Slice(out.Systems, func(i, j int) bool { return out.Systems[i].Name < out.Systems[j].Name })
	return out, links
}

func TestAddPlanDataRoundTrip(t *testing.T) {
	s := newStore(t)
	in := fullPlan("Barn- och utbildningsnämnden", 2027)
	id, err := s.AddPlanData(in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.PlanData(id)
	if err != nil {
		t.Fatal(err)
	}
	want, wantLinks := comparable(in)
	have, haveLinks := comparable(got)
	if !reflect.DeepEqual(have, want) {
		t.Errorf("stored plan differs:\n got %+v\nwant %+v", have, want)
	}
	if !reflect.DeepEqual(haveLinks, wantLinks) {
		t.Errorf("activity systems = %v, want %v", haveLinks, wantLinks)
	}
	if len(got.Plan.UUID) != 36 || got.Plan.UUID[14] != '4' {
		t.Errorf("stored plan has identity %q, want a new version 4 UUID", got.Plan.UUID)
	}
	if got.Plan.BoardID == 0 || got.Plan.UpdatedAt.IsZero() {
		t.Errorf("board id %d, updated %v", got.Plan.BoardID, got.Plan.UpdatedAt)
	}
	if es, _ := s.Audit("plan", id); len(es) == 0 || es[0].Field != "created" {
		t.Errorf("creation not audited: %+v", es)
	}

	// The next year of the same board: the register exists, so it is kept and the payload's
	// systems are matched to it by name.
	next := fullPlan("Barn- och utbildningsnämnden", 2028)
	next.Systems[0].ID, next.Systems[1].ID = 7, 8
	next.Systems = append(next.Systems, domain.System{ID: 9, Name: "Inte i registret"})
	next.Activities[0].SystemIDs = []int64{7, 9}
	next.Activities[1].SystemIDs = []int64{8}
	id2, err := s.AddPlanData(next)
	if err != nil {
		t.Fatal(err)
	}
	d2, err := s.PlanData(id2)
	if err != nil {
		t.Fatal(err)
	}
	if len(d2.Systems) != 2 {
		t.Errorf("register has %d systems after the second plan, want the 2 it had", len(d2.Systems))
	}
	_, links := comparable(d2)
	if want := map[string][]string{"Riskanalys": {"Ärendesystem"}, "Kontinuitetsplan": {"Webbplats"}}; !reflect.DeepEqual(links, want) {
		t.Errorf("second plan's links = %v, want %v", links, want)
	}
	if d2.Previous == nil || d2.Previous.Plan.ID != id {
		t.Error("the 2028 plan does not see 2027 as its previous plan")
	}
}

// addSubmission stores a minimal received submission, as the importer will.
func addSubmission(t *testing.T, s *Store, board string, year, version int) int64 {
	t.Helper()
	res, err := s.db.Exec(`INSERT INTO submissions(board_name, year, version, imported_at, sha256, payload, pdf)
		VALUES(?, ?, ?, ?, ?, ?, ?)`, board, year, version, auditTime.Format(time.RFC3339),
		fmt.Sprintf("%064x", version), []byte(`{"schema":1}`), []byte("%PDF-1.7"))
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func TestImportedPlansCoexist(t *testing.T) {
	f := newFixture(t)
	s := f.s
	var imported []int64
	for v := 1; v <= 2; v++ {
		in := fullPlan("Socialnämnden", 2027)
		in.Plan.Version = v
		in.Plan.SubmissionID = addSubmission(t, s, "Socialnämnden", 2027, v)
		id, err := s.AddPlanData(in)
		if err != nil {
			t.Fatalf("imported plan version %d: %v", v, err)
		}
		imported = append(imported, id)
		got, err := s.PlanData(id)
		if err != nil {
			t.Fatal(err)
		}
		want, wantLinks := comparable(in)
		have, haveLinks := comparable(got)
		if !reflect.DeepEqual(have, want) || !reflect.DeepEqual(haveLinks, wantLinks) {
			t.Errorf("imported plan differs:\n got %+v %v\nwant %+v %v", have, haveLinks, want, wantLinks)
		}
		if got.Previous != nil {
			t.Error("an imported plan got the board's own plan as previous")
		}
		for _, a := range got.Activities {
			for _, sid := range a.SystemIDs {
				if findSystem(got.Systems, sid).ID == 0 {
					t.Errorf("activity %q links to system %d outside its snapshot", a.Title, sid)
				}
			}
		}
	}
	// The board's own plan and register are untouched and still unique.
	plans, err := s.Plans(f.board)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 || plans[0].ID != f.plan {
		t.Errorf("own plans = %+v, want only the fixture plan", plans)
	}
	if own, err := s.PlanFor(f.board, 2027); err != nil || own.ID != f.plan {
		t.Errorf("PlanFor = %d, %v", own.ID, err)
	}
	if reg, _ := s.Systems(f.board, 0); len(reg) != 2 || findSystem(reg, f.sysProcapita).Name != "Procapita" {
		t.Errorf("living register = %+v", reg)
	}
	_, err = s.AddPlan(domain.Plan{BoardID: f.board, Year: 2027})
	checkProblem(t, err, "year", "err.duplicate_plan", "Board", "Socialnämnden", "Year", 2027)

	// Deleting a submission removes its plan and snapshot with it.
	var sub int64
	s.db.QueryRow("SELECT submission_id FROM plans WHERE id = ?", imported[0]).Scan(&sub)
	if _, err := s.db.Exec("DELETE FROM submissions WHERE id = ?", sub); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Plan(imported[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("plan of a deleted submission: %v", err)
	}
	if snap, _ := s.Systems(f.board, imported[0]); len(snap) != 0 {
		t.Errorf("snapshot of a deleted submission has %d systems", len(snap))
	}
	if _, err := s.Plan(imported[1]); err != nil {
		t.Errorf("the other imported plan: %v", err)
	}
}
