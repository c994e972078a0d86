package overview_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

const demoYear = 2027

// demoStore is the coordinator demo, made once for all tests of the package (signing the
// eighteen submissions takes a few seconds). Tests only read it.
var demoStore = sync.OnceValues(func() (*data.Store, error) {
	dir, err := tempDir()
	if err != nil {
		return nil, err
	}
	s, err := data.Open(filepath.Join(dir, "coordinator.db"), "samordnare")
	if err != nil {
		return nil, err
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		return nil, err
	}
	if err := s.EnsureProfile(prof); err != nil {
		return nil, err
	}
	if err := coorddemo.CoordinatorDemo(s, demoYear, filepath.Join(dir, "work")); err != nil {
		return nil, err
	}
	return s, nil
})

func openDemo(t *testing.T) *data.Store {
	t.Helper()
	s, err := demoStore()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// payload is the part of submission.json the tests read, decoded on its own terms so that the
// overview's figures are checked against the files, not against the overview's own reading.
type payload struct {
	Board     string    `json:"board"`
	Year      int       `json:"year"`
	CreatedAt time.Time `json:"created_at"`
	Plan      struct {
		Plan struct {
			Checks []struct {
				Result string `json:"result"`
			} `json:"checks"`
		} `json:"plan"`
		Activities  []payloadActivity `json:"activities"`
		AnnualGoals []payloadGoal     `json:"annual_goals"`
		Trainings   []struct {
			Title    string   `json:"title"`
			Dates    []string `json:"dates"`
			Expected int      `json:"expected_participants"`
		} `json:"trainings"`
		Systems []struct {
			Name            string `json:"name"`
			Confidentiality int    `json:"confidentiality"`
			Integrity       int    `json:"integrity"`
			Availability    int    `json:"availability"`
			Traceability    int    `json:"traceability"`
			SecurityPlan    string `json:"security_plan"`
			RiskAnalysisAt  string `json:"risk_analysis_at"`
		} `json:"systems"`
		Previous *struct {
			Activities  []payloadActivity `json:"activities"`
			AnnualGoals []payloadGoal     `json:"annual_goals"`
			Plan        struct {
				Checks []struct {
					Result string `json:"result"`
				} `json:"checks"`
			} `json:"plan"`
		} `json:"previous"`
	} `json:"plan"`
}

type payloadActivity struct {
	Title         string `json:"title"`
	Goals         []int  `json:"goals"`
	InternalHours int64  `json:"internal_hours"`
	ExternalHours int64  `json:"external_hours"`
	OperatingCost int64  `json:"operating_cost"`
	Investment    int64  `json:"investment"`
	Status        string `json:"status"`
	End           string `json:"end"`
	AnnualGoal    int64  `json:"annual_goal"`
}

type payloadGoal struct {
	ID      int64  `json:"id"`
	Goals   []int  `json:"goals"`
	Outcome string `json:"outcome"`
}

// goalsThrough are the goals an activity serves, its own and its annual goal's.
func goalsThrough(a payloadActivity, gs []payloadGoal) []int {
	out := slices.Clone(a.Goals)
	for _, g := range gs {
		if g.ID == a.AnnualGoal && g.ID != 0 {
			out = append(out, g.Goals...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// statusOn is the status the follow-up counts, read from the file: försenad when the end date
// is before day and the activity is neither done nor dropped.
func statusOn(a payloadActivity, day time.Time) domain.ActivityStatus {
	st := domain.ActivityStatus(a.Status)
	if st == "" {
		st = domain.ActivityNotStarted
	}
	end, err := time.Parse(time.RFC3339, a.End)
	if st != domain.ActivityDone && st != domain.ActivityDropped && err == nil && !end.IsZero() &&
		end.Before(time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)) {
		return domain.ActivityDelayed
	}
	return st
}

type sums struct{ internal, external, operating, investment int64 }

func (s *sums) add(a payloadActivity) {
	s.internal += a.InternalHours
	s.external += a.ExternalHours
	s.operating += a.OperatingCost
	s.investment += a.Investment
}

func sumsOf(r domain.Resources) sums {
	return sums{r.InternalHours, r.ExternalHours, r.OperatingCost, r.Investment}
}

// currentPayloads reads the payload of every board's current submission for year.
func currentPayloads(t *testing.T, s *data.Store, year int) map[string]payload {
	t.Helper()
	subs, err := s.Submissions("", year)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]payload{}
	for _, x := range subs {
		if !x.Current {
			continue
		}
		raw, err := s.SubmissionPayload(x.ID)
		if err != nil {
			t.Fatal(err)
		}
		var p payload
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		if p.Board != x.Board || p.Year != year {
			t.Fatalf("payload of %s %d says %s %d", x.Board, year, p.Board, p.Year)
		}
		out[x.Board] = p
	}
	return out
}

func load(t *testing.T, s *data.Store, opt overview.Options) *overview.Overview {
	t.Helper()
	o, err := overview.Load(s, demoYear, opt)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// Every total of the overview equals the sum over the imported payloads.
func TestTotalsMatchPayloads(t *testing.T) {
	s := openDemo(t)
	o := load(t, s, overview.Options{})
	pays := currentPayloads(t, s, demoYear)
	last := currentPayloads(t, s, demoYear-1)

	if len(pays) != 8 || len(last) != 9 {
		t.Fatalf("demo has %d current submissions for %d and %d for %d, want 8 and 9", len(pays), demoYear, len(last), demoYear-1)
	}

	// Submissions: eight received, the missing board stands out, two versions of one board.
	if got := o.Missing(); !slices.Equal(got, []string{coorddemo.MissingBoard}) {
		t.Errorf("missing %v", got)
	}
	for _, r := range o.Submissions {
		switch {
		case r.Board == coorddemo.TwoVersionBoard:
			if len(r.Versions) != 2 || r.Current.Version != 2 || !r.Received {
				t.Errorf("%s: %d versions, current v%d", r.Board, len(r.Versions), r.Current.Version)
			}
		case r.Board == coorddemo.MissingBoard:
			if r.Received || len(r.Versions) != 0 {
				t.Errorf("%s received", r.Board)
			}
		default:
			if !r.Received || r.Current.Version != 1 || r.Current.SignerName == "" || r.Current.SignedAt.IsZero() || !r.Current.Trusted {
				t.Errorf("%s: %+v", r.Board, r.Current)
			}
		}
	}
	if days, ok := o.DaysLeft(); !ok || days != 14 {
		t.Errorf("days left %d, %v; want 14", days, ok)
	}

	// Resources per board and in total, this year and last: every board has a row, the one
	// that has not sent this year's plan too, with last year's figures (issue 10, item 6).
	var total, totalLast sums
	var acts int
	var change int64
	if len(o.Resources.Rows) != len(o.Boards) {
		t.Errorf("%d resource rows for %d boards", len(o.Resources.Rows), len(o.Boards))
	}
	for _, r := range o.Resources.Rows {
		if _, sent := pays[r.Board]; r.Received != sent {
			t.Errorf("%s: received %v, sent %v", r.Board, r.Received, sent)
		}
		var want, wantLast sums
		for _, a := range pays[r.Board].Plan.Activities {
			want.add(a)
		}
		for _, a := range last[r.Board].Plan.Activities {
			wantLast.add(a)
		}
		if got := sumsOf(r.Year); got != want {
			t.Errorf("%s: resources %+v, payload %+v", r.Board, got, want)
		}
		var quarters domain.Resources
		for _, q := range r.Quarters {
			quarters.Add(q)
		}
		if quarters != r.Year {
			t.Errorf("%s: quarters add up to %+v, year %+v", r.Board, quarters, r.Year)
		}
		if r.LastSource != overview.LastReceived || sumsOf(r.Last) != wantLast {
			t.Errorf("%s: last year %+v (%s), payload %+v", r.Board, r.Last, r.LastSource, wantLast)
		}
		if r.Received {
			change += (want.operating + want.investment) - (wantLast.operating + wantLast.investment)
		} else if _, ok := r.Change(overview.MetricKronor); ok {
			t.Errorf("%s: a change without this year's plan", r.Board)
		}
		total.add(payloadActivity{InternalHours: want.internal, ExternalHours: want.external, OperatingCost: want.operating, Investment: want.investment})
		totalLast.add(payloadActivity{InternalHours: wantLast.internal, ExternalHours: wantLast.external, OperatingCost: wantLast.operating, Investment: wantLast.investment})
		acts += len(pays[r.Board].Plan.Activities)
	}
	if got := sumsOf(o.Resources.Total.Year); got != total || o.Resources.Total.Activities != acts || len(o.Activities) != acts {
		t.Errorf("kommun total %+v (%d activities), payloads %+v (%d)", got, o.Resources.Total.Activities, total, acts)
	}
	if got := sumsOf(o.Resources.Total.Last); got != totalLast {
		t.Errorf("kommun last year %+v, payloads %+v", got, totalLast)
	}
	// The change compares only boards that sent both years.
	if d, ok := o.Resources.TotalChange(overview.MetricKronor); !ok || d != change {
		t.Errorf("kommun change %d, %v; want %d", d, ok, change)
	}
	if lo := o.Resources.LastOnly(); len(lo) != 1 || lo[0].Board != coorddemo.MissingBoard {
		t.Errorf("last year only: %+v", lo)
	}

	// Goal coverage.
	for bi, b := range o.Goals.Boards {
		for gi, g := range o.Goals.Goals {
			want := 0
			for _, a := range pays[b].Plan.Activities {
				if slices.Contains(goalsThrough(a, pays[b].Plan.AnnualGoals), g.Number) {
					want++
				}
			}
			if got := o.Goals.Counts[bi][gi]; got != want {
				t.Errorf("%s goal %d: %d activities, payload %d", b, g.Number, got, want)
			}
		}
	}

	// Training calendar: one event per date.
	dates, expected, trainings := 0, 0, 0
	for _, p := range pays {
		for _, tr := range p.Plan.Trainings {
			dates += len(tr.Dates)
			expected += tr.Expected
			trainings++
		}
	}
	if len(o.Calendar.Events)+len(o.Calendar.Undated) < dates || len(o.Calendar.Events) != dates || o.Calendar.Expected != expected || o.Calendar.Trainings != trainings {
		t.Errorf("calendar: %d events, %d expected, %d trainings; payloads %d dates, %d expected, %d trainings",
			len(o.Calendar.Events), o.Calendar.Expected, o.Calendar.Trainings, dates, expected, trainings)
	}

	// Follow-up of last year, as the boards' followed-up plans of last year carry it (the
	// board without this year's plan too: it sent its followed-up plan for last year).
	for _, r := range o.FollowUp.Rows {
		if _, ok := pays[r.Board]; ok != r.Received {
			t.Errorf("%s: received %v", r.Board, r.Received)
		}
		p, ok := last[r.Board]
		if !ok || !r.Has || r.Source != overview.LastReceived || r.Submission.Year != demoYear-1 || r.Submission.Version == 0 {
			t.Errorf("%s: follow-up %v from %q %+v", r.Board, r.Has, r.Source, r.Submission)
			continue
		}
		want := map[domain.ActivityStatus]int{}
		for _, a := range p.Plan.Activities {
			want[statusOn(a, o.Now)]++
		}
		for _, st := range domain.ShownStatuses {
			if r.Counts[st] != want[st] {
				t.Errorf("%s: %s %d, payload %d", r.Board, st, r.Counts[st], want[st])
			}
		}
		for i, c := range p.Plan.Plan.Checks {
			wantResult := c.Result
			if gs := p.Plan.AnnualGoals; i == domain.CheckGoalsFollowed && len(gs) > 0 {
				// Filled from the annual goals' outcomes.
				done := 0
				for _, g := range gs {
					if g.Outcome != "" {
						done++
					}
				}
				wantResult = map[bool]string{true: "partly"}[done > 0 && done < len(gs)]
				if done == len(gs) {
					wantResult = "yes"
				} else if done == 0 {
					wantResult = "no"
				}
			}
			if string(r.Checks[i].Result) != wantResult {
				t.Errorf("%s: check %d %q, payload %q", r.Board, i, r.Checks[i].Result, wantResult)
			}
		}
	}

	// Register summary.
	var systems, critical, gaps int
	for _, p := range pays {
		for _, x := range p.Plan.Systems {
			systems++
			top := max(x.Confidentiality, x.Integrity, x.Availability, x.Traceability)
			if top >= 3 {
				critical++
				// The rule of the review: no risk analysis in the twelve months before the
				// submission was made, or no deepened plan.
				ra, _ := time.Parse(time.RFC3339, x.RiskAnalysisAt)
				y, m, d := p.CreatedAt.Date()
				if ra.Before(time.Date(y-1, m, d, 0, 0, 0, 0, time.UTC)) || x.SecurityPlan != "deepened" {
					gaps++
				}
			}
		}
	}
	if r := o.Register.Total; r.Systems != systems || r.Critical != critical || r.Gaps != gaps {
		t.Errorf("register %d systems, %d critical, %d gaps; payloads %d, %d, %d", r.Systems, r.Critical, r.Gaps, systems, critical, gaps)
	}
	if gaps == 0 || critical == 0 {
		t.Error("the demo has no level 3–4 systems with gaps: the check above proves nothing")
	}
}

// rowSum adds up the shares of the activities behind a figure.
func rowSum(r overview.Rows) domain.Resources {
	var s domain.Resources
	for _, a := range r.Activities {
		s.Add(a.Share)
	}
	return s
}

// Every figure's rows add up to the figure.
func TestRowsBehindFigures(t *testing.T) {
	o := load(t, openDemo(t), overview.Options{})
	for _, r := range append(o.Resources.Rows, o.Resources.Total) {
		if got := rowSum(o.ResourceRows(r.Board, 0)); got != r.Year {
			t.Errorf("%q year: rows %+v, figure %+v", r.Board, got, r.Year)
		}
		for q := range 4 {
			if got := rowSum(o.ResourceRows(r.Board, q+1)); got != r.Quarters[q] {
				t.Errorf("%q Q%d: rows %+v, figure %+v", r.Board, q+1, got, r.Quarters[q])
			}
		}
		if got := rowSum(o.LastYearRows(r.Board)); got != r.Last {
			t.Errorf("%q last year: rows %+v, figure %+v", r.Board, got, r.Last)
		}
	}
	for bi, b := range o.Goals.Boards {
		for gi, g := range o.Goals.Goals {
			if n := len(o.GoalRows(b, g.Number).Activities); n != o.Goals.Counts[bi][gi] {
				t.Errorf("%s goal %d: %d rows, figure %d", b, g.Number, n, o.Goals.Counts[bi][gi])
			}
		}
	}
	for gi, g := range o.Goals.Goals {
		if n := len(o.GoalRows("", g.Number).Activities); n != o.Goals.Totals[gi] {
			t.Errorf("goal %d: %d rows, total %d", g.Number, n, o.Goals.Totals[gi])
		}
	}
	for _, r := range append(o.FollowUp.Rows, o.FollowUp.Total) {
		for _, st := range domain.ActivityStatuses {
			if n := len(o.FollowUpRows(r.Board, st).Activities); n != r.Counts[st] {
				t.Errorf("%q %s: %d rows, figure %d", r.Board, st, n, r.Counts[st])
			}
		}
	}
	for _, r := range append(o.Register.Rows, o.Register.Total) {
		for _, l := range overview.Levels {
			if n := len(o.SystemRows(r.Board, overview.AtLevel(l)).Systems); n != r.ByLevel[l] {
				t.Errorf("%q level %d: %d rows, figure %d", r.Board, l, n, r.ByLevel[l])
			}
		}
		if n := len(o.SystemRows(r.Board, overview.Gap).Systems); n != r.Gaps {
			t.Errorf("%q gaps: %d rows, figure %d", r.Board, n, r.Gaps)
		}
		if n := len(o.SystemRows(r.Board, overview.NoRiskAnalysis).Systems); n != r.NoRiskAnalysis {
			t.Errorf("%q no risk analysis: %d rows, figure %d", r.Board, n, r.NoRiskAnalysis)
		}
	}
	months := 0
	for _, m := range o.Calendar.Months {
		months += len(o.EventRows(m.Start).Events)
	}
	if months != len(o.Calendar.Events) || len(o.EventRows(time.Time{}).Events) != len(o.Calendar.Events) {
		t.Errorf("month rows %d, events %d", months, len(o.Calendar.Events))
	}
	if n := o.ReceivedRows(true).Len() + o.ReceivedRows(false).Len(); n != len(o.Boards) {
		t.Errorf("received + missing rows %d, boards %d", n, len(o.Boards))
	}
}

func TestBoardsInSwedishOrder(t *testing.T) {
	o := load(t, openDemo(t), overview.Options{Loc: i18n.New(i18n.Swedish)})
	if !slices.IsSortedFunc(o.Boards, i18n.New(i18n.Swedish).Compare) || o.Boards[len(o.Boards)-1] != "Överförmyndarnämnden" {
		t.Errorf("boards %v", o.Boards)
	}
	for i, r := range o.Submissions {
		if r.Board != o.Boards[i] {
			t.Fatalf("submission rows not in board order: %d %s", i, r.Board)
		}
	}
}

func TestOnlyOneBoard(t *testing.T) {
	s := openDemo(t)
	all := load(t, s, overview.Options{})
	one := load(t, s, overview.Options{Board: "Socialnämnden"})
	if len(one.Boards) != 1 || len(one.Plans) != 1 || len(one.Resources.Rows) != 1 {
		t.Fatalf("one board: %v, %d plans", one.Boards, len(one.Plans))
	}
	for _, r := range all.Resources.Rows {
		if r.Board == "Socialnämnden" && one.Resources.Total.Year != r.Year {
			t.Errorf("one board total %+v, its row in the whole %+v", one.Resources.Total.Year, r.Year)
		}
	}
	if n, ok := one.FollowUpOf("Socialnämnden"); !ok || n.Note.Text == "" {
		t.Errorf("the demo note on Socialnämnden is missing: %+v", n.Note)
	}
	missing := load(t, s, overview.Options{Board: coorddemo.MissingBoard})
	if len(missing.Plans) != 0 || len(missing.Missing()) != 1 {
		t.Errorf("missing board alone: %d plans, missing %v", len(missing.Plans), missing.Missing())
	}
}

// tempDir is a directory for the shared demo, removed when the test binary exits (the tests'
// own t.TempDir would vanish after the first test).
func tempDir() (string, error) { return sharedDir.dir, sharedDir.err }

// What the coordinator should look at in a submission: a signer no longer trusted, a file
// signed after the deadline, problems in the plan itself.
func TestSubmissionProblems(t *testing.T) {
	prof, _ := domain.DefaultProfile()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	good := domain.PlanData{Plan: domain.Plan{ID: 1, Board: "A", Year: 2027, Responsible: "Chef"}}
	tests := []struct {
		name     string
		sub      data.Submission
		plan     domain.PlanData
		deadline time.Time
		want     []overview.ProblemKind
		other    *data.Submission // a second file of the board and year
	}{
		{"on time and trusted", data.Submission{Trusted: true, SignedAt: day(11, 1)}, good, day(11, 15), nil, nil},
		{"untrusted", data.Submission{Trusted: false, SignedAt: day(11, 1)}, good, day(11, 15), []overview.ProblemKind{overview.ProblemUntrusted}, nil},
		{"late", data.Submission{Trusted: true, SignedAt: day(11, 16).Add(8 * time.Hour)}, good, day(11, 15), []overview.ProblemKind{overview.ProblemLate}, nil},
		{"signed on the day", data.Submission{Trusted: true, SignedAt: day(11, 15).Add(20 * time.Hour)}, good, day(11, 15), nil, nil},
		{"no deadline", data.Submission{Trusted: true, SignedAt: day(12, 24)}, good, time.Time{}, nil, nil},
		{"late by import time", data.Submission{Trusted: true, ImportedAt: day(11, 20)}, good, day(11, 15), []overview.ProblemKind{overview.ProblemLate}, nil},
		// Another file disagrees and the coordinator has not chosen: the figures are the first
		// file's, and the overview must say so.
		{"open conflict", data.Submission{Trusted: true, SignedAt: day(11, 1)}, good, day(11, 15), []overview.ProblemKind{overview.ProblemConflict},
			&data.Submission{ID: 2, Board: "A", Year: 2027, Version: 1, Trusted: true, ConflictWith: 1, ConflictOpen: true}},
		{"conflict chosen", data.Submission{Trusted: true, SignedAt: day(11, 1)}, good, day(11, 15), nil,
			&data.Submission{ID: 2, Board: "A", Year: 2027, Version: 1, Trusted: true, ConflictWith: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.plan
			// A plan with activities and the rest, so ValidatePlan has nothing to say of it.
			d.AnnualGoals = []domain.AnnualGoal{{ID: 1, Position: 1, Text: "Mål", Indicator: "Andel", Target: "100 %", Goals: []int{1}}}
			d.Activities = []domain.Activity{{ID: 1, Position: 1, Title: "Åtgärd", Description: "Så", Goals: []int{1, 2, 3, 4, 5, 6, 7, 8},
				Priority: domain.PriorityHigh, Responsible: "Chef", Start: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC),
				AnnualGoalID: 1}}
			d.Trainings = []domain.Training{{ID: 1, Position: 1, Title: "Kurs", TargetGroup: "Alla", Format: domain.FormatWorkshop,
				Dates: []time.Time{time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC)}, Responsible: "Chef", ExpectedParticipants: 10, Evaluation: "Enkät"}}
			d.Checkpoints = []domain.Checkpoint{{ID: 1, Position: 1, Date: time.Date(2027, 10, 1, 0, 0, 0, 0, time.UTC), Method: "Möte", ReportTo: "Nämnden"}}
			for _, r := range prof.Checklist {
				d.Checklist = append(d.Checklist, domain.ChecklistEntry{Requirement: r.ID, Status: domain.ChecklistMet})
			}
			if ps := domain.ValidatePlan(d, prof); len(ps) != 0 {
				t.Fatalf("fixture has problems: %v", ps)
			}
			sub := tc.sub
			sub.ID, sub.Board, sub.Year, sub.Version, sub.Current = 1, "A", 2027, 1, true
			history := []data.Submission{sub}
			if tc.other != nil {
				history = append(history, *tc.other)
			}
			o := overview.Build(overview.Input{Year: 2027, Profile: prof, History: history, Plans: []domain.PlanData{d}, Deadline: tc.deadline})
			var got []overview.ProblemKind
			for _, p := range o.Submissions[0].Problems {
				got = append(got, p.Kind)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems %v, want %v", got, tc.want)
			}
		})
	}
	// A plan problem carries the plan's own sentence.
	bad := good
	o := overview.Build(overview.Input{Year: 2027, Profile: prof, History: []data.Submission{{Board: "A", Year: 2027, Version: 1, Current: true, Trusted: true}},
		Plans: []domain.PlanData{bad}})
	ps := o.Submissions[0].Problems
	if len(ps) == 0 || ps[0].Kind != overview.ProblemPlan || ps[0].Plan == nil || ps[0].Plan.Text(i18n.New(i18n.Swedish)) == "" {
		t.Errorf("plan problems %+v", ps)
	}
}

// Which plan of last year the overview reads, and what it says when there is none or it
// carries no follow-up.
func TestLastYearPick(t *testing.T) {
	prof, _ := domain.DefaultProfile()
	plan := func(year int, st domain.PlanStatus, acts ...domain.ActivityStatus) *domain.PlanData {
		d := &domain.PlanData{Plan: domain.Plan{Board: "A", Year: year, Status: st, Version: 1}}
		for i, s := range acts {
			d.Activities = append(d.Activities, domain.Activity{ID: int64(i + 1), Title: "x", Status: s, InternalHours: 10, OperatingCost: 1000})
		}
		return d
	}
	closed := plan(2026, domain.PlanClosed, domain.ActivityDone, domain.ActivityNotStarted)
	open := plan(2026, domain.PlanSigned, domain.ActivityNotStarted, domain.ActivityNotStarted, domain.ActivityNotStarted)
	followed := plan(2026, domain.PlanSigned, domain.ActivityInProgress, "")
	tests := []struct {
		name      string
		received  *domain.PlanData // the board's own submission for 2026
		carried   *domain.PlanData // the copy in its 2027 submission
		thisYear  bool
		source    overview.LastSource
		has       bool
		gap       overview.FollowUpGap
		total     int
		lastKr    int64
		receivedR bool
	}{
		{"nothing at all", nil, nil, false, overview.LastNone, false, overview.GapNoPlan, 0, 0, false},
		{"only this year, no copy", nil, nil, true, overview.LastNone, false, overview.GapNoPlan, 0, 0, true},
		{"own followed-up submission", closed, nil, false, overview.LastReceived, true, "", 2, 2000, false},
		{"copy carries the follow-up", open, followed, true, overview.LastCarried, true, "", 2, 2000, true},
		{"own submission wins when both are followed up", closed, followed, true, overview.LastReceived, true, "", 2, 2000, true},
		{"not followed up is not zero done", open, nil, true, overview.LastReceived, false, overview.GapNotFollowedUp, 0, 3000, true},
		{"carried, not followed up", nil, open, true, overview.LastCarried, false, overview.GapNotFollowedUp, 0, 3000, true},
		{"an answered check is a follow-up", nil, func() *domain.PlanData {
			d := *open
			d.Plan.Checks[0].Result = domain.CheckYes
			return &d
		}(), true, overview.LastCarried, true, "", 3, 3000, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := overview.Input{Year: 2027, Profile: prof, Boards: []string{"A"}}
			if tc.received != nil {
				in.LastYear = []domain.PlanData{*tc.received}
				in.LastHistory = []data.Submission{{Board: "A", Year: 2026, Version: 2, Current: true}}
			}
			if tc.thisYear {
				d := domain.PlanData{Plan: domain.Plan{Board: "A", Year: 2027}, Previous: tc.carried}
				in.Plans = []domain.PlanData{d}
				in.History = []data.Submission{{Board: "A", Year: 2027, Version: 1, Current: true}}
			}
			o := overview.Build(in)
			f, _ := o.FollowUpOf("A")
			r, _ := o.Resources.RowOf("A")
			if f.Source != tc.source || f.Has != tc.has || f.Gap != tc.gap || f.Total != tc.total || f.Received != tc.receivedR {
				t.Errorf("follow-up %+v", f)
			}
			if r.LastSource != tc.source || r.Last.Kronor() != tc.lastKr || r.Received != tc.receivedR {
				t.Errorf("resources %+v", r)
			}
			if !tc.has && (f.GapText(i18n.New(i18n.Swedish)) == "" || o.FollowUp.Total.Total != 0) {
				t.Errorf("a missing follow-up without a reason, or counted: %+v", o.FollowUp.Total)
			}
			if _, ok := r.Change(overview.MetricKronor); ok != (tc.receivedR && tc.source != overview.LastNone) {
				t.Errorf("change ok %v", ok)
			}
		})
	}
}

// Issue 10, item 6: a finding names the row it is about, as the board's review does.
func TestFindingNamesTheSystem(t *testing.T) {
	o := load(t, openDemo(t), overview.Options{})
	loc := i18n.New(i18n.Swedish)
	n := 0
	for _, r := range o.Submissions {
		d, _ := o.Plan(r.Board)
		for _, p := range r.Problems {
			if p.Kind != overview.ProblemPlan || p.Plan.Entity != "system" {
				continue
			}
			n++
			name := ""
			for _, x := range d.Systems {
				if x.ID == p.Plan.EntityID {
					name = x.Name
				}
			}
			if name == "" || p.Row != name || !strings.HasPrefix(p.Text(loc), name+": ") {
				t.Errorf("%s: finding %q about system %d (%q)", r.Board, p.Text(loc), p.Plan.EntityID, name)
			}
		}
	}
	if n == 0 {
		t.Fatal("the demo has no register findings: the test proves nothing")
	}
}
