package demo

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
)

const kof = "Kultur- och fritidsnämnden"

func profile(t testing.TB) domain.Profile {
	t.Helper()
	prof, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	return prof
}

func openStore(t testing.TB, dir string) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(dir, "x.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.EnsureProfile(profile(t)); err != nil {
		t.Fatal(err)
	}
	return s
}

func generated(t *testing.T, year int) *data.Store {
	t.Helper()
	s := openStore(t, t.TempDir())
	if err := Generate(s, Options{Year: year}); err != nil {
		t.Fatal(err)
	}
	return s
}

// storedPlans loads every plan of the store as PlanData, in the order Plans returns them.
func storedPlans(t *testing.T, s *data.Store) []domain.PlanData {
	t.Helper()
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	var out []domain.PlanData
	for _, b := range bs {
		ps, err := s.Plans(b.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := len(ps) - 1; i >= 0; i-- { // the store lists newest first
			d, err := s.PlanData(ps[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, d)
		}
	}
	return out
}

// norm is a plan without ids and timestamps: links are system names, and a carried-over
// activity names the title of the activity it continues.
type norm struct {
	D        domain.PlanData
	Links    [][]string
	Carried  []string
	Annual   []string // the annual goal each activity sits under, by text
	Previous *norm
}

func normalize(d domain.PlanData) norm {
	var n norm
	sysName := map[int64]string{}
	for _, x := range d.Systems {
		sysName[x.ID] = x.Name
	}
	prevTitle := map[int64]string{}
	if d.Previous != nil {
		for _, a := range d.Previous.Activities {
			prevTitle[a.ID] = a.Title
		}
		p := normalize(*d.Previous)
		n.Previous = &p
	}
	c := *clonePlan(d)
	// The plan identity is random, made when the plan is stored.
	c.Plan.ID, c.Plan.BoardID, c.Plan.UpdatedAt, c.Plan.UUID = 0, 0, time.Time{}, ""
	// Annual goals and follow-ups name rows by id: by text and position instead.
	goalText, goalPos, actPos := map[int64]string{}, map[int64]int64{}, map[int64]int64{}
	for i, g := range c.AnnualGoals {
		goalText[g.ID], goalPos[g.ID] = g.Text, int64(i+1)
	}
	for i, a := range c.Activities {
		actPos[a.ID] = int64(i + 1)
	}
	for i := range c.FollowUps {
		f := &c.FollowUps[i]
		f.ID, f.PlanID = 0, 0
		for j := range f.Activities {
			f.Activities[j].Activity = actPos[f.Activities[j].Activity]
		}
		for j := range f.Goals {
			f.Goals[j].Goal = goalPos[f.Goals[j].Goal]
		}
	}
	for i := range c.AnnualGoals {
		g := &c.AnnualGoals[i]
		g.ID, g.PlanID, g.CarriedFrom = 0, 0, 0
		if len(g.Goals) == 0 {
			g.Goals = nil
		}
		if len(g.Areas) == 0 {
			g.Areas = nil
		}
	}
	if len(c.AnnualGoals) == 0 {
		c.AnnualGoals = nil
	}
	if len(c.FollowUps) == 0 {
		c.FollowUps = nil
	}
	for i := range c.Activities {
		a := &c.Activities[i]
		n.Annual = append(n.Annual, goalText[a.AnnualGoalID])
		a.AnnualGoalID = 0
		if len(a.Areas) == 0 {
			a.Areas = nil
		}
	}
	// The store records the profile a plan was made under and judges it as of today; it lists
	// the checklist by requirement key.
	c.Plan.ProfileID, c.Profile, c.AsOf = 0, nil, time.Time{}
	slices.SortFunc(c.Checklist, func(x, y domain.ChecklistEntry) int { return strings.Compare(x.Requirement, y.Requirement) })
	for i := range c.Activities {
		a := &c.Activities[i]
		var links []string
		for _, x := range a.SystemIDs {
			name, ok := sysName[x]
			if !ok {
				name = "?unknown system"
			}
			links = append(links, name)
		}
		slices.Sort(links)
		n.Links = append(n.Links, links)
		carried := ""
		if a.CarriedFrom != 0 {
			if carried = prevTitle[a.CarriedFrom]; carried == "" {
				carried = "?unknown activity"
			}
		}
		n.Carried = append(n.Carried, carried)
		a.ID, a.PlanID, a.SystemIDs, a.CarriedFrom = 0, 0, nil, 0
		if len(a.Goals) == 0 {
			a.Goals = nil
		}
	}
	for i := range c.Trainings {
		c.Trainings[i].ID, c.Trainings[i].PlanID = 0, 0
		if len(c.Trainings[i].Dates) == 0 {
			c.Trainings[i].Dates = nil
		}
	}
	for i := range c.Checkpoints {
		c.Checkpoints[i].ID, c.Checkpoints[i].PlanID = 0, 0
	}
	for i := range c.Systems {
		c.Systems[i].ID, c.Systems[i].BoardID = 0, 0
	}
	if len(c.Checkpoints) == 0 {
		c.Checkpoints = nil
	}
	n.D = c
	return n
}

func equalPlans(t *testing.T, what string, a, b []domain.PlanData) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d plans against %d", what, len(a), len(b))
	}
	for i := range a {
		na, nb := normalize(a[i]), normalize(b[i])
		if !reflect.DeepEqual(na, nb) {
			ja, _ := json.MarshalIndent(na, "", " ")
			jb, _ := json.MarshalIndent(nb, "", " ")
			t.Fatalf("%s: plan %d (%s %d) differs:\n%s\n---\n%s", what, i, a[i].Plan.Board, a[i].Plan.Year, ja, jb)
		}
	}
}

func TestDeterministic(t *testing.T) {
	prof := profile(t)
	t.Run("Plans", func(t *testing.T) {
		a, b := Plans(Options{Year: 2027}, prof), Plans(Options{Year: 2027}, prof)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two calls of Plans with the same year differ")
		}
	})
	t.Run("stores", func(t *testing.T) {
		a := storedPlans(t, generated(t, 2027))
		b := storedPlans(t, generated(t, 2027))
		equalPlans(t, "two generated databases", a, b)
	})
	t.Run("store matches Plans", func(t *testing.T) {
		equalPlans(t, "stored against Plans", storedPlans(t, generated(t, 2027)), Plans(Options{Year: 2027}, prof))
	})
	t.Run("Large", func(t *testing.T) {
		if !reflect.DeepEqual(Large("Socialnämnden", 2027, 50, prof), Large("Socialnämnden", 2027, 50, prof)) {
			t.Fatal("two calls of Large differ")
		}
	})
}

// TestYears checks that N decides every year and date of the demo.
func TestYears(t *testing.T) {
	prof := profile(t)
	for _, n := range []int{2001, 2026, 2027, 2031, 2099} {
		ps := Plans(Options{Year: n}, prof)
		if len(ps) != 3*len(boards) {
			t.Fatalf("N=%d: %d plans, want %d", n, len(ps), 3*len(boards))
		}
		for i, d := range ps {
			want := n - 1 + i%3
			if d.Plan.Year != want {
				t.Fatalf("N=%d: %s plan %d has year %d, want %d", n, d.Plan.Board, i%3, d.Plan.Year, want)
			}
			for _, a := range d.Activities {
				for _, dt := range []time.Time{a.Start, a.End} {
					if !dt.IsZero() && dt.Year() != want {
						t.Errorf("N=%d: %s %d: %q has date %v", n, d.Plan.Board, want, a.Title, dt)
					}
				}
			}
			for _, tr := range d.Trainings {
				for _, dt := range tr.Dates {
					if dt.Year() != want {
						t.Errorf("N=%d: %s %d: training %q on %v", n, d.Plan.Board, want, tr.Title, dt)
					}
				}
			}
			for _, x := range d.Systems {
				for _, dt := range []time.Time{x.SecurityPlanAt, x.RiskAnalysisAt, x.ContinuityAt, x.RecoveryAt} {
					if !dt.IsZero() && (dt.Year() < n-3 || !dt.Before(time.Date(n, 10, 1, 0, 0, 0, 0, time.UTC))) {
						t.Errorf("N=%d: %s: system %q dated %v", n, d.Plan.Board, x.Name, dt)
					}
				}
			}
		}
	}
	a, b := Plans(Options{Year: 2027}, prof), Plans(Options{Year: 2028}, prof)
	if reflect.DeepEqual(normalize(a[1]).D.Activities, normalize(b[1]).D.Activities) {
		t.Error("N=2027 and N=2028 give the same activities")
	}
}

func TestGenerateStatuses(t *testing.T) {
	const n = 2027
	prof := profile(t)
	s := generated(t, n)
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != len(boards) {
		t.Fatalf("%d boards, want %d", len(bs), len(boards))
	}
	tests := []struct {
		year    int
		status  domain.PlanStatus
		version int
	}{
		{n - 1, domain.PlanClosed, 1},
		{n, domain.PlanSigned, 1},
		{n + 1, domain.PlanDraft, 0},
	}
	for i, b := range bs {
		if b.Name != boards[i].name {
			t.Errorf("board %d is %q, want %q", i, b.Name, boards[i].name)
		}
		ps, err := s.Plans(b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 3 {
			t.Fatalf("%s has %d plans", b.Name, len(ps))
		}
		reg, err := s.Systems(b.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(reg) < 3 || len(reg) > 6 {
			t.Errorf("%s: %d systems in the register, want 3–6", b.Name, len(reg))
		}
		for _, tc := range tests {
			p, err := s.PlanFor(b.ID, tc.year)
			if err != nil {
				t.Fatal(err)
			}
			if p.Status != tc.status || p.Version != tc.version {
				t.Errorf("%s %d: status %s version %d, want %s %d", b.Name, tc.year, p.Status, p.Version, tc.status, tc.version)
			}
			d, err := s.PlanData(p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if k := len(d.Activities); k < 5 || k > 15 {
				t.Errorf("%s %d: %d activities, want 5–15", b.Name, tc.year, k)
			}
			if k := len(d.Trainings); k < 2 || k > 5 {
				t.Errorf("%s %d: %d trainings, want 2–5", b.Name, tc.year, k)
			}
			if k := len(d.Checkpoints); (k < 3 || k > 5) && !(b.Name == kof && tc.year == n+1) {
				t.Errorf("%s %d: %d checkpoints, want 3–5", b.Name, tc.year, k)
			}
			linked := 0
			for _, a := range d.Activities {
				if len(a.SystemIDs) > 0 {
					linked++
				}
				if a.InternalHours < 20 || a.InternalHours > 600 || a.TotalKronor() > 800_000 || a.OperatingCost > 400_000 || a.Investment > 400_000 {
					t.Errorf("%s %d: %q has unrealistic resources %+v", b.Name, tc.year, a.Title, a)
				}
			}
			if linked == 0 {
				t.Errorf("%s %d: no activity is linked to the register", b.Name, tc.year)
			}
			if blocks := domain.ValidatePlan(d, prof).Blocking(); blocks != (b.Name == kof && tc.year == n+1) {
				t.Errorf("%s %d: stored plan blocking = %v", b.Name, tc.year, blocks)
			}
		}
	}
}

func TestFollowUp(t *testing.T) {
	const n = 2027
	ps := storedPlans(t, generated(t, n))
	for i := 0; i < len(ps); i += 3 {
		prev, cur, next := ps[i], ps[i+1], ps[i+2]
		board := prev.Plan.Board
		t.Run(board, func(t *testing.T) {
			for _, a := range prev.Activities {
				if a.FollowUpComment == "" || (a.Status == domain.ActivityDone) != (a.PercentDone == 100) {
					t.Errorf("%d: %q not followed up: %s %d %%, %q", n-1, a.Title, a.Status, a.PercentDone, a.FollowUpComment)
				}
				if a.Status == domain.ActivityDone && (a.ActualHours == 0 || a.ActualKronor == 0 && a.TotalKronor() > 0) {
					t.Errorf("%d: %q done without actual hours or kronor", n-1, a.Title)
				}
			}
			for k, c := range prev.Plan.Checks {
				if c.Result == domain.CheckUnanswered || c.Text == "" {
					t.Errorf("%d: check %d unanswered", n-1, k)
				}
			}
			for _, tr := range prev.Trainings {
				if tr.ActualParticipants == 0 {
					t.Errorf("%d: training %q has no participants", n-1, tr.Title)
				}
			}
			for _, c := range prev.Checkpoints {
				if !c.Done {
					t.Errorf("%d: checkpoint %q not done", n-1, c.Method)
				}
			}

			followed := 0
			for _, a := range cur.Activities {
				if a.FollowUpComment != "" {
					followed++
				}
			}
			if k := len(cur.Activities); followed < k/3 || followed > (2*k+2)/3 {
				t.Errorf("%d: %d of %d activities followed up, want about half", n, followed, k)
			}
			if cur.Previous == nil || cur.Previous.Plan.Year != n-1 {
				t.Errorf("%d: previous plan not found", n)
			}

			curIDs := map[int64]bool{}
			for _, a := range cur.Activities {
				curIDs[a.ID] = true
			}
			carried := 0
			for _, a := range next.Activities {
				if a.Status != domain.ActivityNotStarted || a.PercentDone != 0 || a.FollowUpComment != "" {
					t.Errorf("%d: draft activity %q has a follow-up", n+1, a.Title)
				}
				if a.CarriedFrom == 0 {
					continue
				}
				carried++
				if !curIDs[a.CarriedFrom] {
					t.Errorf("%d: %q carried from %d, which is not an activity of %d", n+1, a.Title, a.CarriedFrom, n)
				}
				if !strings.Contains(a.Description, "Fortsätter från handlingsplanen för 2027") {
					t.Errorf("%d: carried %q does not say so: %q", n+1, a.Title, a.Description)
				}
			}
			if carried == 0 {
				t.Errorf("%d: nothing carried over from %d", n+1, n)
			}
		})
	}
}

func TestValidation(t *testing.T) {
	prof := profile(t)
	for _, n := range []int{2026, 2027, 2030} {
		ps := Plans(Options{Year: n}, prof)
		for _, d := range ps {
			ps := domain.ValidatePlan(d, prof)
			flawed := d.Plan.Board == kof && d.Plan.Year == n+1
			if !flawed {
				if ps.Blocking() {
					t.Errorf("N=%d: %s %d blocks: %v", n, d.Plan.Board, d.Plan.Year, blockers(ps))
				}
				if d.Plan.Year == n+1 && len(domain.UncoveredGoals(d.Activities, d.AnnualGoals, prof)) > 2 {
					t.Errorf("N=%d: %s %d leaves goals %v uncovered", n, d.Plan.Board, d.Plan.Year, domain.UncoveredGoals(d.Activities, d.AnnualGoals, prof))
				}
				continue
			}
			keys := map[string]bool{}
			for _, p := range ps {
				keys[p.Key+" "+p.Field] = true
			}
			for _, want := range []string{"err.end_before_start end", "err.no_goal goals", "err.required responsible",
				"err.required start", "err.duplicate_title title", "err.no_checkpoints checkpoints", "err.required target_group", "err.no_dates dates"} {
				if !keys[want] {
					t.Errorf("N=%d: %s draft lacks the deliberate problem %q; has %v", n, kof, want, keys)
				}
			}
			if k := len(blockers(ps)); k < 4 {
				t.Errorf("N=%d: %s draft has %d blocking problems, want several", n, kof, k)
			}
		}
	}
}

func blockers(ps domain.Problems) []string {
	var out []string
	for _, p := range ps {
		if p.Severity == domain.Blocking {
			out = append(out, p.Error())
		}
	}
	return out
}

// snapshot is what a refused Generate must leave untouched.
func snapshot(t *testing.T, s *data.Store) string {
	t.Helper()
	bs, err := s.Boards()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.Plans(0)
	if err != nil {
		t.Fatal(err)
	}
	log, err := s.Audit("", 0)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal([]any{bs, ps, len(log)})
	return string(j)
}

func TestGenerateRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, s *data.Store)
		year    int
		want    error
	}{
		{"after a demo", func(t *testing.T, s *data.Store) {
			if err := Generate(s, Options{Year: 2027}); err != nil {
				t.Fatal(err)
			}
		}, 2027, ErrNotEmpty},
		{"one real board", func(t *testing.T, s *data.Store) {
			if _, err := s.AddBoard("Socialnämnden"); err != nil {
				t.Fatal(err)
			}
		}, 2027, ErrNotEmpty},
		{"another board name", func(t *testing.T, s *data.Store) {
			if _, err := s.AddBoard("Miljö- och hälsoskyddsnämnden"); err != nil {
				t.Fatal(err)
			}
		}, 2030, ErrNotEmpty},
		{"year too late", func(t *testing.T, s *data.Store) {}, domain.MaxYear, nil},
		{"year too early", func(t *testing.T, s *data.Store) {}, domain.MinYear, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, t.TempDir())
			tc.prepare(t, s)
			before := snapshot(t, s)
			err := Generate(s, Options{Year: tc.year})
			if err == nil {
				t.Fatal("Generate succeeded")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("refused Generate changed the database:\n%s\n%s", before, after)
			}
		})
	}
}

func TestLarge(t *testing.T) {
	prof := profile(t)
	tests := []struct {
		board string
		n     int
	}{
		{"Socialnämnden", 200},
		{"Miljönämnden", 200},
		{"Överförmyndarnämnden", 7},
	}
	for _, tc := range tests {
		t.Run(tc.board, func(t *testing.T) {
			d := Large(tc.board, 2027, tc.n, prof)
			if len(d.Activities) != tc.n || d.Plan.Board != tc.board || d.Plan.Year != 2027 {
				t.Fatalf("%d activities for %q %d", len(d.Activities), d.Plan.Board, d.Plan.Year)
			}
			titles := map[string]bool{}
			for _, a := range d.Activities {
				if ps := domain.ValidateActivity(a, 2027, prof); len(ps) > 0 {
					t.Errorf("%q: %v", a.Title, ps)
				}
				if titles[a.Title] {
					t.Errorf("duplicate title %q", a.Title)
				}
				titles[a.Title] = true
			}
			if ps := domain.ValidatePlan(d, prof); ps.Blocking() {
				t.Errorf("plan blocks: %v", blockers(ps))
			}
			s := openStore(t, t.TempDir())
			id, err := s.AddPlanData(d)
			if err != nil {
				t.Fatal(err)
			}
			acts, err := s.Activities(id)
			if err != nil || len(acts) != tc.n {
				t.Fatalf("stored %d activities: %v", len(acts), err)
			}
		})
	}
}

// TestContent checks the templates themselves: every named system exists in its board's
// register and every goal is one of the policy's eight.
func TestContent(t *testing.T) {
	prof := profile(t)
	check := func(b boardInfo, ts []actTpl) {
		for _, a := range ts {
			if len(a.goals) == 0 || len(a.goals) > 3 {
				t.Errorf("%s: %q has %d goals", b.name, a.title, len(a.goals))
			}
			for _, g := range a.goals {
				if prof.GoalText(g) == "" {
					t.Errorf("%s: %q has unknown goal %d", b.name, a.title, g)
				}
			}
			for _, n := range a.systems {
				found := n == anySystem
				for _, x := range b.systems {
					found = found || x.name == n
				}
				if !found {
					t.Errorf("%s: %q links to %q, not in the register", b.name, a.title, n)
				}
			}
		}
	}
	for _, b := range boards {
		check(b, b.acts)
		check(b, sharedActs)
		if len(b.systems) < 3 || len(b.systems) > 6 {
			t.Errorf("%s: %d systems", b.name, len(b.systems))
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openStore(b, b.TempDir())
		b.StartTimer()
		if err := Generate(s, Options{Year: 2027}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlans(b *testing.B) {
	prof := profile(b)
	for b.Loop() {
		Plans(Options{Year: 2027}, prof)
	}
}
