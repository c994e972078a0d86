// Package demo generates a deterministic demo kommun: nine boards, each with last year's plan
// closed and followed up, this year's plan signed and half followed up, and next year's draft.
// It is used by the app's demo mode, by tests of other packages and by benchmarks.
package demo

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
)

// Options says which demo to make.
type Options struct {
	Year int // N, the current plan year: the demo has plans for N−1 (closed), N (signed) and N+1 (draft)
}

// ErrNotEmpty means the store already has boards; the demo is never mixed with real data.
var ErrNotEmpty = errors.New("database already has boards")

// Plans returns the demo kommun without a store: for every board, in the policy's order, the
// plans for N−1, N and N+1 with their statuses, the board's register in Systems (sorted by
// name, as the store returns it) and Previous set as the store's PlanData sets it. Ids are
// synthetic but unique and consistent (SystemIDs, CarriedFrom and PlanID refer to them).
func Plans(opt Options, prof domain.Profile) []domain.PlanData {
	ids := &idSeq{}
	out := make([]domain.PlanData, 0, 3*len(boards))
	for i := range boards {
		trio := buildBoard(&boards[i], opt.Year, prof, ids)
		out = append(out, trio[:]...)
	}
	return out
}

// Large returns a draft plan for year with n activities, every one of them valid and with a
// distinct title (for benchmarks of reports and views). board may be any name; a demo board's
// name gives that board's activities and register.
func Large(board string, year, n int, prof domain.Profile) domain.PlanData {
	b := boardInfo{name: board, office: board, head: "Förvaltningschef", meeting: "Nämnden", staff: 200, systems: boards[0].systems}
	for _, x := range boards {
		if x.name == board {
			b = x
		}
	}
	g := newGen(&b, year, n, prof, &idSeq{})
	pool := append(g.eligible(b.acts, year, nil), g.eligible(sharedActs, year, nil)...)
	g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	acts := make([]domain.Activity, 0, n)
	for i := 0; i < n; i++ {
		a := g.activity(pool[i%len(pool)], year)
		if round := i / len(pool); round > 0 {
			a.Title = fmt.Sprintf("%s, etapp %d", a.Title, round+1)
		}
		acts = append(acts, a)
	}
	return g.plan(year, acts, 5, domain.PlanDraft, 0)
}

// Generate writes the demo kommun into s, which must already have its policy profile and no
// boards (ErrNotEmpty otherwise). It is all or nothing: the whole demo is one transaction, so
// a failure, a full disk or a killed process leaves the database as it was, and the demo can
// simply be made again.
func Generate(s *data.Store, opt Options) error {
	if opt.Year-1 < domain.MinYear || opt.Year+1 > domain.MaxYear {
		return fmt.Errorf("demo for %d: plan years must lie within %d–%d", opt.Year, domain.MinYear, domain.MaxYear)
	}
	return s.Atomically(func(s *data.Store) error {
		existing, err := s.Boards()
		if err != nil {
			return fmt.Errorf("demo for %d: %w", opt.Year, err)
		}
		if len(existing) > 0 {
			return fmt.Errorf("demo for %d: %w (%d)", opt.Year, ErrNotEmpty, len(existing))
		}
		prof, err := s.Profile()
		if err != nil {
			return fmt.Errorf("demo for %d: %w", opt.Year, err)
		}
		plans := Plans(opt, prof)
		for i := 0; i+2 < len(plans); i += 3 {
			if err := storeBoard(s, plans[i:i+3]...); err != nil {
				return fmt.Errorf("demo for %d: %s: %w", opt.Year, plans[i].Plan.Board, err)
			}
		}
		return nil
	})
}

// storeBoard writes one board's three plans, one step of the transaction each. AddPlanData stores the
// register with the first plan and links later plans to it by system name; carried-over
// activities refer to rows of the year before, so their ids are read back before the next
// plan is written. Each plan is written as a draft and then given its status, so the audit
// log reads as a real plan's life: draft → closed or signed.
func storeBoard(s *data.Store, plans ...domain.PlanData) error {
	realID := map[int64]int64{} // synthetic activity id → stored id
	for _, d := range plans {
		d.Activities = slices.Clone(d.Activities)
		for i := range d.Activities {
			d.Activities[i].CarriedFrom = realID[d.Activities[i].CarriedFrom]
		}
		id, err := addDraft(s, d)
		if err != nil {
			return err
		}
		stored, err := s.Activities(id)
		if err != nil {
			return err
		}
		if len(stored) != len(d.Activities) {
			return fmt.Errorf("plan %d: stored %d activities, wrote %d", d.Plan.Year, len(stored), len(d.Activities))
		}
		for i, a := range d.Activities {
			realID[a.ID] = stored[i].ID
		}
		if d.Plan.Status != domain.PlanDraft {
			if err := s.SetPlanStatus(id, d.Plan.Status, d.Plan.Version); err != nil {
				return err
			}
		}
	}
	return nil
}

func addDraft(s *data.Store, d domain.PlanData) (int64, error) {
	d.Plan.Status, d.Plan.Version = domain.PlanDraft, 0
	d.Previous = nil
	return s.AddPlanData(d)
}

// idSeq hands out synthetic ids, unique per kind within one Plans or Large call.
type idSeq struct{ board, plan, act, train, check, sys, goal int64 }

func nextID(p *int64) int64 {
	*p++
	return *p
}

// gen draws one board's content from its own random stream.
type gen struct {
	b       *boardInfo
	prof    domain.Profile
	r       *rand.Rand
	ids     *idSeq
	boardID int64
	reg     []domain.System
	now     time.Time  // "today" of the demo: the autumn of N, when the follow-up of N is half done
	x       *rand.Rand // the stream of annual goals, decisions and follow-ups (goals.go)
}

// newGen seeds the random stream from the board's name, the year and salt, so that every
// board's content is independent of the others and the same on every run.
func newGen(b *boardInfo, year, salt int, prof domain.Profile, ids *idSeq) *gen {
	h := fnv.New64a()
	h.Write([]byte(b.name))
	g := &gen{
		b: b, prof: prof, ids: ids,
		r:       rand.New(rand.NewPCG(uint64(year)<<32|uint64(uint32(salt)), h.Sum64())),
		boardID: nextID(&ids.board),
		now:     date(year, 10, 1),
		x:       extra(b, year),
	}
	g.reg = g.register(year)
	return g
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func (g *gen) between(lo, hi int64) int64 { return lo + g.r.Int64N(hi-lo+1) }

func (g *gen) chance(percent int) bool { return g.r.IntN(100) < percent }

func either(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

func round(v, step int64) int64 { return (v + step/2) / step * step }

// scale multiplies v by a random factor between lo and hi per cent.
func (g *gen) scale(v int64, lo, hi int64) int64 { return v * g.between(lo, hi) / 100 }

// buildBoard makes one board's plans for N−1, N and N+1.
func buildBoard(b *boardInfo, year int, prof domain.Profile, ids *idSeq) [3]domain.PlanData {
	g := newGen(b, year, 0, prof, ids)

	prev := g.plan(year-1, g.activities(year-1, 6+g.r.IntN(6), nil, 0), 2+g.r.IntN(4), domain.PlanClosed, 1)
	g.followUpAll(&prev)
	// Last year: decided, followed up in August and in the autumn, which closed it; the board
	// decided on the follow-up in November.
	g.outcomes(&prev)
	g.decide(&prev)
	prev.FollowUps = []domain.FollowUp{
		followUpOn(prev, date(year-1, 8, 31), false, "Delårsrapport per augusti till "+g.meetingPhrase()+"."),
		followUpOn(prev, date(year-1, 11, 5), true, "Höstens uppföljning: status för varje åtgärd och utfall för de årliga målen."),
	}
	g.decideFollowUp(&prev)

	// This year continues last year's unfinished work; what was done is not done again.
	carried := g.carry(prev, year, 3)
	taken := map[string]bool{}
	for _, a := range prev.Activities {
		taken[a.Title] = a.Status == domain.ActivityDone
	}
	for _, a := range carried {
		taken[a.Title] = true
	}
	acts := append(carried, g.activities(year, 7+g.r.IntN(6)-len(carried), taken, len(carried))...)
	cur := g.plan(year, acts, 2+g.r.IntN(4), domain.PlanSigned, 1)
	g.followUpHalf(&cur)
	// This year: decided (but for one board), followed up in April and August; the annual
	// goals whose activities have all ended are followed up.
	if b.name != undecided {
		g.decide(&cur)
	}
	g.pause(&cur)
	g.outcomesEnded(&cur)
	cur.FollowUps = []domain.FollowUp{
		followUpOn(cur, date(year, 4, 30), false, "Avstämning i ledningsgruppen."),
		followUpOn(cur, date(year, 8, 31), false, "Delårsrapport per augusti till "+g.meetingPhrase()+"."),
	}

	// Next year's draft carries this year's unfinished work and takes up new activities.
	carried = g.carry(cur, year+1, 4)
	taken = map[string]bool{}
	for _, a := range cur.Activities {
		taken[a.Title] = true
	}
	acts = append(carried, g.activities(year+1, 6+g.r.IntN(5)-len(carried)/2, taken, len(carried))...)
	next := g.plan(year+1, acts, 2+g.r.IntN(4), domain.PlanDraft, 0)
	if b.flawed {
		g.spoil(&next)
	}
	for _, d := range []*domain.PlanData{&prev, &cur, &next} {
		checklist(b.name, d, prof, b.head)
	}

	// The demo's today is the autumn of N: the register's age rules count from there, so
	// what the demo shows does not drift with the clock.
	for _, d := range []*domain.PlanData{&prev, &cur, &next} {
		d.AsOf = g.now
	}
	cur.Previous = clonePlan(prev)
	next.Previous = clonePlan(cur)
	return [3]domain.PlanData{prev, cur, next}
}

// eligible filters templates by year and by titles already taken.
func (g *gen) eligible(ts []actTpl, year int, taken map[string]bool) []actTpl {
	var out []actTpl
	for _, t := range ts {
		if t.minYear <= year && !taken[t.title] {
			out = append(out, t)
		}
	}
	return out
}

// activities picks about n new activities for a plan that already has have (carried over),
// most of them the board's own, then adds activities for goals nothing covers yet, so each
// plan speaks to most of the policy's goals.
func (g *gen) activities(year, n int, taken map[string]bool, have int) []domain.Activity {
	own := g.eligible(g.b.acts, year, taken)
	shared := g.eligible(sharedActs, year, taken)
	g.r.Shuffle(len(own), func(i, j int) { own[i], own[j] = own[j], own[i] })
	g.r.Shuffle(len(shared), func(i, j int) { shared[i], shared[j] = shared[j], shared[i] })
	k := min(len(own), (n*3+4)/5)
	m := min(len(shared), n-k)
	picked := slices.Concat(own[:k], shared[:m])
	rest := slices.Concat(own[k:], shared[m:])

	covered := map[int]bool{}
	for _, t := range picked {
		for _, x := range t.goals {
			covered[x] = true
		}
	}
	for _, t := range rest {
		if len(picked)+have >= 13 {
			break
		}
		adds := false
		for _, x := range t.goals {
			adds = adds || !covered[x]
		}
		if !adds {
			continue
		}
		picked = append(picked, t)
		for _, x := range t.goals {
			covered[x] = true
		}
	}
	out := make([]domain.Activity, 0, len(picked))
	for _, t := range picked {
		out = append(out, g.activity(t, year))
	}
	return out
}

// activity draws dates and resources for one template.
func (g *gen) activity(t actTpl, year int) domain.Activity {
	type bounds struct{ durLo, durHi, inLo, inHi, extHi, opLo, opHi, invLo, invHi int64 }
	bs := map[size]bounds{
		small:  {1, 3, 20, 80, 20, 0, 40_000, 10_000, 60_000},
		medium: {2, 6, 60, 220, 80, 10_000, 150_000, 20_000, 150_000},
		large:  {4, 9, 150, 450, 150, 50_000, 400_000, 100_000, 400_000},
	}[t.size]
	a := domain.Activity{
		ID:          nextID(&g.ids.act),
		Title:       t.title,
		Description: t.how,
		Responsible: t.resp,
		Goals:       g.goals(t.goals),
		SystemIDs:   g.systems(t.systems),
		Status:      domain.ActivityNotStarted,
	}
	if a.Responsible == "" {
		a.Responsible = g.b.head
	}
	switch p := g.r.IntN(10); {
	case p < 3 || t.size == large && p < 6:
		a.Priority = domain.PriorityHigh
	case p < 8:
		a.Priority = domain.PriorityMedium
	default:
		a.Priority = domain.PriorityLow
	}
	dur := int(g.between(bs.durLo, bs.durHi))
	day := 1
	if g.chance(40) {
		day = 2 + g.r.IntN(26)
	}
	a.Start = date(year, 1+g.r.IntN(12-dur), day)
	a.End = a.Start.AddDate(0, dur, -1)
	if last := date(year, 12, 15); a.End.After(last) {
		a.End = last
	}
	a.InternalHours = round(g.between(bs.inLo, bs.inHi), 5)
	if g.chance(55) {
		a.ExternalHours = round(g.between(5, bs.extHi), 5)
	}
	if bs.opLo > 0 || g.chance(50) {
		a.OperatingCost = round(g.between(max(bs.opLo, 5_000), bs.opHi), 1_000)
	}
	if t.invest {
		a.Investment = round(g.between(bs.invLo, bs.invHi), 1_000)
	}
	return a
}

// goals keeps the template's goals the profile has; a profile without them gets its first goal.
func (g *gen) goals(want []int) []int {
	var out []int
	for _, n := range want {
		if g.prof.GoalText(n) != "" {
			out = append(out, n)
		}
	}
	if len(out) == 0 && len(g.prof.Goals) > 0 {
		out = []int{g.prof.Goals[0].Number}
	}
	sort.Ints(out)
	return out
}

// systems resolves register names (or anySystem) to the register's ids, sorted as the store does.
func (g *gen) systems(names []string) []int64 {
	var out []int64
	for _, n := range names {
		if n == anySystem {
			if len(g.reg) == 0 {
				continue
			}
			for _, i := range g.r.Perm(len(g.reg))[:1+g.r.IntN(min(2, len(g.reg)))] {
				out = append(out, g.reg[i].ID)
			}
			continue
		}
		for _, x := range g.reg {
			if x.Name == n {
				out = append(out, x.ID)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// register is the board's living register as it stands in the autumn of year.
func (g *gen) register(year int) []domain.System {
	tpls := slices.Clone(g.b.systems)
	sort.Slice(tpls, func(i, j int) bool { return tpls[i].name < tpls[j].name })
	when := func() time.Time {
		y := year - 3 + g.r.IntN(4)
		if y == year {
			return date(y, 1+g.r.IntN(8), 1+g.r.IntN(28))
		}
		return date(y, 1+g.r.IntN(12), 1+g.r.IntN(28))
	}
	out := make([]domain.System, 0, len(tpls))
	for _, t := range tpls {
		x := domain.System{
			ID: nextID(&g.ids.sys), BoardID: g.boardID, Name: t.name, Description: t.desc, Owner: t.owner,
			Confidentiality: t.k, Integrity: t.r, Availability: t.t, Traceability: t.s,
			Sensitive: t.sensitive, SecurityPlan: domain.SecurityPlanNone,
		}
		x.ClassifiedAt = classifiedAt(g.b.name, x, year)
		if lvl := x.MaxLevel(); lvl >= 0 {
			switch {
			case lvl >= 3 && g.chance(75):
				x.SecurityPlan = domain.SecurityPlanDeepened
			case lvl >= 2 && g.chance(85), lvl < 2 && g.chance(40):
				x.SecurityPlan = domain.SecurityPlanBase
			}
			if x.SecurityPlan != domain.SecurityPlanNone {
				x.SecurityPlanAt = when()
			}
			if g.chance(either(lvl >= 2, 80, 30)) {
				x.RiskAnalysisAt = when()
			}
			if g.chance(either(x.Availability >= 3, 70, 25)) {
				x.ContinuityAt = when()
			}
			if g.chance(either(x.Availability >= 3, 60, 20)) {
				x.RecoveryAt = when()
			}
			x.BaselineMet = g.chance(either(lvl <= 2, 80, 55))
		}
		out = append(out, x)
	}
	return out
}

// plan assembles a plan of year around its activities: head, trainings, checkpoints, register.
// Activities are ordered by start date, carried-over ones first.
func (g *gen) plan(year int, acts []domain.Activity, trainings int, status domain.PlanStatus, version int) domain.PlanData {
	planID := nextID(&g.ids.plan)
	contact := g.b.contact
	if contact == "" {
		contact = "Nämndsekreterare"
	}
	p := domain.Plan{
		ID: planID, BoardID: g.boardID, Board: g.b.name, Year: year, Status: status, Version: version,
		Responsible:  g.b.head + ", " + g.b.office,
		Contact:      contact + ", " + g.b.office,
		DecisionDate: date(year-1, 12, 5+g.r.IntN(14)),
	}
	if status != domain.PlanDraft {
		g.r.IntN(140) // the draw that once gave the decision's paragraph: the streams stay as they were
	}
	sort.SliceStable(acts, func(i, j int) bool {
		ci, cj := acts[i].CarriedFrom != 0, acts[j].CarriedFrom != 0
		if ci != cj {
			return ci
		}
		return acts[i].Start.Before(acts[j].Start)
	})
	for i := range acts {
		acts[i].PlanID, acts[i].Position = planID, i+1
	}
	goals := g.annualGoals(year, acts)
	for i := range goals {
		goals[i].PlanID = planID
	}
	ts := g.trainings(planID, year, trainings)
	kinds(ts)
	return domain.PlanData{
		Plan:        p,
		AnnualGoals: goals,
		Activities:  acts,
		Trainings:   ts,
		Checkpoints: g.checkpoints(planID, year),
		Systems:     cloneSystems(g.reg),
	}
}

func (g *gen) trainings(planID int64, year, n int) []domain.Training {
	pool := append(slices.Clone(g.b.training), sharedTrainings...)
	g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	out := make([]domain.Training, 0, n)
	for _, t := range pool[:min(n, len(pool))] {
		expected := g.b.staff * t.share / 100
		if t.share == 0 {
			expected = min(t.fixed, g.b.staff)
		}
		var dates []time.Time
		for _, i := range g.r.Perm(len(t.months))[:min(t.sessions, len(t.months))] {
			dates = append(dates, date(year, t.months[i], 1+g.r.IntN(28)))
		}
		slices.SortFunc(dates, time.Time.Compare)
		out = append(out, domain.Training{
			ID: nextID(&g.ids.train), PlanID: planID, Title: t.title, TargetGroup: t.target, Format: t.format,
			Dates: dates, Responsible: t.resp, ExpectedParticipants: max(expected, 1), Evaluation: t.eval,
		})
	}
	slices.SortStableFunc(out, func(a, b domain.Training) int { return a.Dates[0].Compare(b.Dates[0]) })
	for i := range out {
		out[i].Position = i + 1
	}
	return out
}

// checkpoints: the autumn follow-up and the report to kommunstyrelsen always, one to three more.
func (g *gen) checkpoints(planID int64, year int) []domain.Checkpoint {
	var optional []int
	for i, c := range checkpointTpls {
		if !c.always {
			optional = append(optional, i)
		}
	}
	chosen := map[int]bool{}
	for _, i := range g.r.Perm(len(optional))[:1+g.r.IntN(3)] {
		chosen[optional[i]] = true
	}
	var out []domain.Checkpoint
	for i, c := range checkpointTpls {
		if !c.always && !chosen[i] {
			continue
		}
		to := c.reportTo
		if to == "" {
			to = g.b.meeting
		}
		out = append(out, domain.Checkpoint{
			ID: nextID(&g.ids.check), PlanID: planID, Position: len(out) + 1,
			Date: date(year+c.yearOff, c.month, c.day), Method: c.method, ReportTo: to,
		})
	}
	return out
}

// fill writes the autumn follow-up of one activity.
func (g *gen) fill(a *domain.Activity, st domain.ActivityStatus) {
	hours, kronor := a.TotalHours(), a.TotalKronor()
	nextYear := a.Start.Year() + 1
	a.Status = st
	switch st {
	case domain.ActivityDone:
		a.PercentDone = 100
		a.ActualHours = g.scale(hours, 75, 130)
		a.ActualKronor = round(g.scale(kronor, 80, 120), 100)
		a.FollowUpComment = doneComments[g.r.IntN(len(doneComments))]
	case domain.ActivityInProgress:
		a.PercentDone = 20 + 5*g.r.IntN(13)
		a.ActualHours = g.scale(hours*int64(a.PercentDone)/100, 80, 120)
		a.ActualKronor = round(g.scale(kronor*int64(a.PercentDone)/100, 80, 120), 100)
		a.FollowUpComment = fmt.Sprintf(progressComments[g.r.IntN(len(progressComments))], nextYear)
	case domain.ActivityNotStarted:
		a.FollowUpComment = fmt.Sprintf(notStartedComments[g.r.IntN(len(notStartedComments))], nextYear)
	case domain.ActivityDropped:
		a.PercentDone = 5 * g.r.IntN(5)
		a.ActualHours = hours * int64(a.PercentDone) / 100
		a.FollowUpComment = droppedComments[g.r.IntN(len(droppedComments))]
	}
}

// followUpAll completes the follow-up of a closed plan: every activity, training, checkpoint
// and the three biennial checks.
func (g *gen) followUpAll(d *domain.PlanData) {
	for i := range d.Activities {
		st := domain.ActivityDone
		switch p := g.r.IntN(100); {
		case p >= 90:
			st = domain.ActivityDropped
		case p >= 80:
			st = domain.ActivityNotStarted
		case p >= 60:
			st = domain.ActivityInProgress
		}
		if i == 0 {
			st = domain.ActivityDone // at least one done, so the checks never read "0 of n"
		}
		g.fill(&d.Activities[i], st)
	}
	for i := range d.Trainings {
		g.attend(&d.Trainings[i])
	}
	for i := range d.Checkpoints {
		d.Checkpoints[i].Done = true
	}
	d.Plan.Checks = g.checks(*d)
}

// followUpHalf is this year's autumn follow-up in progress: the activities that end first are
// followed up (at least one still in progress, so next year has something to carry over),
// and the events and checkpoints already past are recorded.
func (g *gen) followUpHalf(d *domain.PlanData) {
	order := make([]int, len(d.Activities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return d.Activities[order[i]].End.Before(d.Activities[order[j]].End) })
	half := order[:(len(order)+1)/2]
	progress := false
	for _, i := range half {
		st := domain.ActivityDone
		switch p := g.r.IntN(100); {
		case p >= 95:
			st = domain.ActivityDropped
		case p >= 90:
			st = domain.ActivityNotStarted
		case p >= 55:
			st = domain.ActivityInProgress
		}
		progress = progress || st == domain.ActivityInProgress
		g.fill(&d.Activities[i], st)
	}
	if !progress {
		a := &d.Activities[half[len(half)-1]]
		a.Status, a.PercentDone, a.ActualHours, a.ActualKronor, a.FollowUpComment = domain.ActivityNotStarted, 0, 0, 0, ""
		g.fill(a, domain.ActivityInProgress)
	}
	for i := range d.Trainings {
		if t := &d.Trainings[i]; t.Dates[len(t.Dates)-1].Before(g.now) {
			g.attend(t)
		}
	}
	for i := range d.Checkpoints {
		d.Checkpoints[i].Done = d.Checkpoints[i].Date.Before(g.now)
	}
	d.Plan.Checks[domain.CheckGoalsFollowed] = domain.Check{Result: domain.CheckPartly,
		Text: "Aktiviteterna följdes upp i delårsrapporten per augusti. Höstens uppföljning pågår och redovisas för nämnden i november."}
}

func (g *gen) attend(t *domain.Training) {
	t.ActualParticipants = max(1, t.ExpectedParticipants*int(g.between(60, 105))/100)
}

// checks answers the three biennial checks from the follow-up.
func (g *gen) checks(d domain.PlanData) [3]domain.Check {
	count := map[domain.ActivityStatus]int{}
	for _, a := range d.Activities {
		count[a.Status]++
	}
	total, done := len(d.Activities), count[domain.ActivityDone]
	var c [3]domain.Check
	switch {
	case done == total:
		c[domain.CheckActionsDone] = domain.Check{Result: domain.CheckYes, Text: fmt.Sprintf("Samtliga %d beslutade åtgärder är genomförda.", total)}
	default:
		r := domain.CheckPartly
		if done*2 < total {
			r = domain.CheckNo
		}
		text := fmt.Sprintf("%d av %d beslutade åtgärder är genomförda.", done, total)
		if n := count[domain.ActivityInProgress] + count[domain.ActivityNotStarted]; n > 0 {
			text += fmt.Sprintf(" %d förs över till handlingsplanen för %d.", n, d.Plan.Year+1)
		}
		if n := count[domain.ActivityDropped]; n > 0 {
			text += fmt.Sprintf(" %d ströks efter beslut i ledningsgruppen.", n)
		}
		c[domain.CheckActionsDone] = domain.Check{Result: r, Text: text}
	}
	c[domain.CheckGoalsFollowed] = domain.Check{Result: domain.CheckYes, Text: fmt.Sprintf(
		"Handlingsplanens mål följdes upp i %s i oktober %d och redovisades för kommunstyrelsen i februari %d.",
		g.meetingPhrase(), d.Plan.Year, d.Plan.Year+1)}
	sys := "verksamhetssystemen"
	top := -2
	for _, x := range g.reg {
		if x.MaxLevel() > top {
			top, sys = x.MaxLevel(), x.Name
		}
	}
	if g.chance(35) {
		c[domain.CheckRulesFollowed] = domain.Check{Result: domain.CheckPartly, Text: fmt.Sprintf(
			"Stickprov på behörigheter i %s visade %d konton för personal som slutat. Kontona är borttagna och rutinen för avslut är skärpt.",
			sys, 2+g.r.IntN(6))}
	} else {
		c[domain.CheckRulesFollowed] = domain.Check{Result: domain.CheckYes, Text: fmt.Sprintf(
			"Stickprov på behörigheter och loggar i %s visade inga avvikelser. Incidenter har rapporterats enligt rutinen.", sys)}
	}
	return c
}

func (g *gen) meetingPhrase() string {
	if g.b.meeting == "Nämnden" {
		return "nämnden"
	}
	return g.b.meeting
}

// carryNote starts the sentence that marks a carried-over activity's description.
const carryNote = " Fortsätter från handlingsplanen för "

// carry takes up to limit unfinished activities of a followed-up plan into the plan for year.
func (g *gen) carry(from domain.PlanData, year, limit int) []domain.Activity {
	var out []domain.Activity
	for _, a := range from.Activities {
		if len(out) == limit || a.FollowUpComment == "" || (a.Status != domain.ActivityInProgress && a.Status != domain.ActivityNotStarted) {
			continue
		}
		left := int64(100 - a.PercentDone)
		how, _, _ := strings.Cut(a.Description, carryNote)
		c := domain.Activity{
			ID:    nextID(&g.ids.act),
			Title: a.Title,
			Description: fmt.Sprintf("%s%s%d, där aktiviteten var %d %% genomförd.",
				how, carryNote, year-1, a.PercentDone),
			Goals:         slices.Clone(a.Goals),
			Priority:      domain.PriorityHigh,
			Responsible:   a.Responsible,
			InternalHours: max(20, round(a.InternalHours*left/100, 5)),
			ExternalHours: round(a.ExternalHours*left/100, 5),
			OperatingCost: round(a.OperatingCost*left/100, 1_000),
			Investment:    round(a.Investment*left/100, 1_000),
			SystemIDs:     slices.Clone(a.SystemIDs),
			Status:        domain.ActivityNotStarted,
			CarriedFrom:   a.ID,
		}
		c.Start = date(year, 1+g.r.IntN(3), 1)
		c.End = c.Start.AddDate(0, 2+g.r.IntN(4), -1)
		out = append(out, c)
	}
	return out
}

// spoil gives Kultur- och fritidsnämnden's draft the mistakes real drafts have, so the
// wizard's review step has something to show: end before start, no goal, no responsible,
// no start date, a duplicate title, an incomplete training and no follow-up checkpoints.
func (g *gen) spoil(d *domain.PlanData) {
	acts := d.Activities
	y := d.Plan.Year
	acts[1].Start, acts[1].End = date(y, 9, 1), date(y, 6, 30)
	acts[2].Goals, acts[2].AnnualGoalID = nil, 0
	acts[3].Responsible = ""
	acts[4].Start = time.Time{}
	dup := acts[0]
	dup.ID = nextID(&g.ids.act)
	dup.CarriedFrom = 0
	dup.Position = len(acts) + 1
	dup.Goals, dup.SystemIDs = slices.Clone(dup.Goals), slices.Clone(dup.SystemIDs)
	dup.Description = "Samma arbete, inlagt av fritidsenheten för fritidsgårdarna och simhallen."
	d.Activities = append(acts, dup)
	t := &d.Trainings[len(d.Trainings)-1]
	t.TargetGroup, t.Dates = "", nil
	d.Checkpoints = nil
	// An annual goal written down without a measure, and nothing under it yet.
	d.AnnualGoals = append(d.AnnualGoals, domain.AnnualGoal{ID: nextID(&g.ids.goal), PlanID: d.Plan.ID, Position: len(d.AnnualGoals) + 1,
		Text: "Föreningsregistret hanteras säkert", Goals: []int{2}})
}

func cloneSystems(xs []domain.System) []domain.System { return slices.Clone(xs) }

// clonePlan copies a plan deeply, without its own Previous (the store loads one level).
func clonePlan(d domain.PlanData) *domain.PlanData {
	c := d
	c.Previous = nil
	c.Activities = slices.Clone(d.Activities)
	for i := range c.Activities {
		c.Activities[i].Goals = slices.Clone(c.Activities[i].Goals)
		c.Activities[i].SystemIDs = slices.Clone(c.Activities[i].SystemIDs)
	}
	c.Trainings = slices.Clone(d.Trainings)
	for i := range c.Trainings {
		c.Trainings[i].Dates = slices.Clone(c.Trainings[i].Dates)
	}
	c.Checkpoints = slices.Clone(d.Checkpoints)
	c.Systems = cloneSystems(d.Systems)
	c.AnnualGoals = slices.Clone(d.AnnualGoals)
	for i := range c.AnnualGoals {
		c.AnnualGoals[i].Goals = slices.Clone(c.AnnualGoals[i].Goals)
		c.AnnualGoals[i].Areas = slices.Clone(c.AnnualGoals[i].Areas)
	}
	for i := range c.Activities {
		c.Activities[i].Areas = slices.Clone(c.Activities[i].Areas)
	}
	c.FollowUps = slices.Clone(d.FollowUps)
	for i := range c.FollowUps {
		c.FollowUps[i].Activities = slices.Clone(c.FollowUps[i].Activities)
		c.FollowUps[i].Goals = slices.Clone(c.FollowUps[i].Goals)
	}
	c.Checklist = slices.Clone(d.Checklist)
	return &c
}
