package newplan

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/app/demo"
	"handlingsplan/data"
	"handlingsplan/domain"
)

const demoBoard = "Barn- och utbildningsnämnden"

func demoStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(s, demo.Options{Year: 2026}); err != nil {
		t.Fatal(err)
	}
	return s
}

// prepare is the demo board's next plan with the first unfinished activity dropped for
// reason, the second kept as it is and the rest re-dated, the templates copied.
func prepare(t *testing.T, s *data.Store, reason string) (Start, domain.NewPlanOptions) {
	t.Helper()
	b, err := s.BoardByName(demoBoard)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Prepare(s, b, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if st.Prev == nil || len(st.Choices) < 3 {
		t.Fatalf("the demo board's newest plan has %d unfinished activities", len(st.Choices))
	}
	st.Choices[0].Action, st.Choices[0].Reason = domain.CarryDrop, reason
	st.Choices[1].Action = domain.CarryKeep
	return st, domain.NewPlanOptions{Board: b, Year: st.Year, Carry: st.Choices, FollowUpTemplate: true, TrainingTemplate: true}
}

// state is everything a plan creation writes: the plans, last year's plan and the audit log.
func state(t *testing.T, s *data.Store, prevID int64) string {
	t.Helper()
	plans, err := s.Plans(0)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.PlanData(prevID)
	if err != nil {
		t.Fatal(err)
	}
	audit, err := s.Audit("", 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct {
		Plans []domain.Plan
		Prev  domain.PlanData
		Audit []domain.AuditEntry
	}{plans, prev, audit})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCreateCarriesOverDropsAndLinks(t *testing.T) {
	s := demoStore(t)
	const reason = "Görs av kommunstyrelsen i stället"
	st, opt := prepare(t, s, reason)
	if st.Year != st.Prev.Plan.Year+1 {
		t.Fatalf("year %d after a plan for %d", st.Year, st.Prev.Plan.Year)
	}
	id, err := Create(s, st.Prev, opt)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.PlanData(st.Prev.Plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	dropped := st.Choices[0].Activity
	for _, a := range prev.Activities {
		if a.ID == dropped.ID && (a.Status != domain.ActivityDropped || !strings.HasSuffix(a.FollowUpComment, reason)) {
			t.Errorf("dropped activity in last year's plan: status %s, comment %q", a.Status, a.FollowUpComment)
		}
	}
	d, err := s.PlanData(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Plan.Year != st.Year || len(d.Activities) != len(st.Choices)-1 || len(d.Trainings) != len(st.Prev.Trainings) ||
		len(d.Checkpoints) != len(st.Prev.Checkpoints) {
		t.Fatalf("new plan %d: %d activities, %d trainings, %d checkpoints", d.Plan.Year, len(d.Activities), len(d.Trainings), len(d.Checkpoints))
	}
	linked := 0
	for _, a := range d.Activities {
		i := slices.IndexFunc(st.Choices, func(c domain.CarryChoice) bool { return c.Activity.ID == a.CarriedFrom })
		if i < 0 {
			t.Fatalf("%q carried from no unfinished activity", a.Title)
		}
		if want := st.Choices[i].Activity.SystemIDs; !slices.Equal(a.SystemIDs, want) {
			t.Errorf("%q linked to %v, last year %v", a.Title, a.SystemIDs, want)
		}
		linked += len(a.SystemIDs)
	}
	if linked == 0 {
		t.Error("no carried activity is linked to the register: the test proves nothing about links")
	}
}

func TestCreateRefusedStoresNothing(t *testing.T) {
	s := demoStore(t)
	st, opt := prepare(t, s, "  ")
	before := state(t, s, st.Prev.Plan.ID)
	id, err := Create(s, st.Prev, opt)
	var p *domain.Problem
	if id != 0 || !errors.As(err, &p) || p.Key != "wizard.err.drop_reason" {
		t.Fatalf("a drop without a reason: id %d, err %v", id, err)
	}
	if state(t, s, st.Prev.Plan.ID) != before {
		t.Error("the refused plan was (partly) stored")
	}
}

// failing passes writes on to the transaction and fails the n-th (1-based).
type failing struct {
	w     writer
	n     int
	calls int
}

var errInjected = errors.New("injected failure")

func (f *failing) fail() bool {
	f.calls++
	return f.calls == f.n
}

func (f *failing) AddPlanData(d domain.PlanData) (int64, []int64, error) {
	if f.fail() {
		return 0, nil, errInjected
	}
	return f.w.AddPlanData(d)
}

func (f *failing) SetField(fd domain.Field, id int64, v any) (any, error) {
	if f.fail() {
		return nil, errInjected
	}
	return f.w.SetField(fd, id, v)
}

// TestCreateIsOneTransaction fails each write of a plan creation in turn (the plan, the drop's
// status and comment, each carried activity's links): every time, the error comes back and
// nothing at all is stored, neither the new plan nor last year's drop.
func TestCreateIsOneTransaction(t *testing.T) {
	s := demoStore(t)
	st, opt := prepare(t, s, "Ingår i kommungemensam åtgärd")
	before := state(t, s, st.Prev.Plan.ID)

	// Count the writes of a whole creation in a transaction that is then rolled back.
	count := &failing{n: -1}
	d, drops, _ := domain.NewPlanFrom(st.Prev, opt)
	rollback := errors.New("rollback")
	if err := s.Update(func(tx *data.Tx) error {
		count.w = tx
		if _, err := write(count, d, drops); err != nil {
			return err
		}
		return rollback
	}); !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	if count.calls < 4 {
		t.Fatalf("only %d writes: the test would not fail between them", count.calls)
	}
	if state(t, s, st.Prev.Plan.ID) != before {
		t.Fatal("a rolled back transaction left writes")
	}

	for n := 1; n <= count.calls; n++ {
		t.Run(fmt.Sprintf("write %d of %d fails", n, count.calls), func(t *testing.T) {
			f := &failing{n: n}
			id, err := create(s, st.Prev, opt, func(tx *data.Tx) writer { f.w = tx; return f })
			if id != 0 || !errors.Is(err, errInjected) {
				t.Fatalf("id %d, err %v; want 0 and the injected failure", id, err)
			}
			if state(t, s, st.Prev.Plan.ID) != before {
				t.Error("a failed plan creation left some of its writes stored")
			}
		})
	}
	// And the same store still makes the plan.
	if _, err := Create(s, st.Prev, opt); err != nil {
		t.Fatalf("after the failures: %v", err)
	}
}
