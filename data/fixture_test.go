package data

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// day is a calendar date as the app stores it: UTC midnight.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// auditTime is the fixed clock of the fixtures, so audit entries can be compared whole.
var auditTime = time.Date(2026, 10, 14, 8, 15, 0, 0, time.UTC)

// fixture is a board with a two-system register and a draft plan for 2027 with one row of each kind.
type fixture struct {
	s                                      *Store
	board, plan, act, training, checkpoint int64
	sysProcapita, sysMail                  int64
	goals                                  [2]int64 // annual goals, once annualGoals adds them
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	s := newStore(t)
	s.SetClock(func() time.Time { return auditTime })
	f := &fixture{s: s}
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f.board = must(s.AddBoard("Socialnämnden"))
	f.sysProcapita = must(s.AddSystem(f.board, domain.System{Name: "Procapita", Description: "Verksamhetssystem", Owner: "Socialchef",
		Confidentiality: 3, Integrity: 2, Availability: 2, Traceability: 3, BaselineMet: true,
		SecurityPlan: domain.SecurityPlanBase, SecurityPlanAt: day(2026, 5, 1), RiskAnalysisAt: day(2026, 4, 1), Sensitive: true}))
	f.sysMail = must(s.AddSystem(f.board, domain.System{Name: "E-post", Owner: "IT-chef",
		Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1}))
	f.plan = must(s.AddPlan(domain.Plan{BoardID: f.board, Year: 2027, Responsible: "Förvaltningschef", Contact: "info@example.se"}))
	f.act = must(s.AddActivity(f.plan, domain.Activity{Title: "Klassa system", Description: "Med KLASSA", Goals: []int{3, 1},
		Priority: domain.PriorityHigh, Responsible: "Systemförvaltare", Start: day(2027, 2, 1), End: day(2027, 11, 30),
		InternalHours: 120, ExternalHours: 40, OperatingCost: 25000, Investment: 100000, SystemIDs: []int64{f.sysMail, f.sysProcapita}}))
	f.training = must(s.AddTraining(f.plan, domain.Training{Title: "Grundutbildning", TargetGroup: "All personal", Format: domain.FormatAPT,
		Dates: []time.Time{day(2027, 3, 1), day(2027, 9, 1)}, Responsible: "Enhetschefer", ExpectedParticipants: 40, Evaluation: "Enkät"}))
	f.checkpoint = must(s.AddCheckpoint(f.plan, domain.Checkpoint{Date: day(2027, 6, 15), Method: "Avstämning", ReportTo: "Socialnämnden"}))
	return f
}

// state is everything a failed write must leave as it was.
func (f *fixture) state(t *testing.T) string {
	t.Helper()
	d, err := f.s.PlanData(f.plan)
	if err != nil {
		t.Fatal(err)
	}
	boards, _ := f.s.Boards()
	plans, _ := f.s.Plans(0)
	audit, _ := f.s.Audit("", 0)
	b, err := json.Marshal(struct {
		D      domain.PlanData
		Boards []domain.Board
		Plans  []domain.Plan
		Audit  []domain.AuditEntry
	}{d, boards, plans, audit})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func (f *fixture) lastAudit(t *testing.T, entity string, id int64) (domain.AuditEntry, int) {
	t.Helper()
	es, err := f.s.Audit(entity, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) == 0 {
		return domain.AuditEntry{}, 0
	}
	return es[len(es)-1], len(es)
}

// checkProblem asserts err carries an *domain.Problem for field with key and args, and that the
// problem reads as a whole sentence in both languages.
func checkProblem(t *testing.T, err error, field, key string, args ...any) {
	t.Helper()
	p, ok := asProblem(err)
	if !ok {
		t.Fatalf("err = %v, want an *domain.Problem %s", err, key)
	}
	if p.Field != field || p.Key != key {
		t.Errorf("problem field, key = %q, %q; want %q, %q", p.Field, p.Key, field, key)
	}
	if len(args) == 0 && len(p.Args) == 0 {
		// both empty
	} else if !reflect.DeepEqual(p.Args, args) {
		t.Errorf("problem args = %#v, want %#v", p.Args, args)
	}
	for _, lang := range i18n.Langs {
		text := p.Text(i18n.New(lang))
		if strings.Contains(text, "<no value>") || strings.Contains(text, "⟦") || strings.Contains(text, "field.") {
			t.Errorf("%s text of %s is incomplete: %q", lang, key, text)
		}
	}
}

func asProblem(err error) (*domain.Problem, bool) {
	var p *domain.Problem
	ok := errors.As(err, &p)
	return p, ok
}
