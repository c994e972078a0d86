// Package overview is the coordinator's municipal overview of one year (issue 6): every board's
// submission status, resources per quarter with last year's for comparison, goal coverage,
// the timeline, the training calendar with overlaps between boards, last year's follow-up with
// the coordinator's notes, and the register summary. It is computed from the current received
// plans; every figure can list the rows it is made of, so the UI and the exports can show
// where a number comes from.
package overview

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// Options adjust Load.
type Options struct {
	Loc   *i18n.Localizer // collation of board names; Swedish when nil
	Now   time.Time       // today, for the days left to the deadline; time.Now() when zero
	Board string          // narrows the overview to one board; "" shows all
}

// Input is everything the overview is computed from; Load reads it from the store.
type Input struct {
	Year     int
	Profile  domain.Profile
	Boards   []string          // every board the coordinator knows
	History  []data.Submission // every version received for Year
	Plans    []domain.PlanData // the current received plans of Year, with Previous from the payload
	LastYear []domain.PlanData // the current received plans of Year−1 (activities suffice)
	// LastHistory is every version received for Year−1, to name the submission last year's
	// figures come from.
	LastHistory []data.Submission
	Notes       []data.CoordinatorNote
	Deadline    time.Time // zero when the coordinator has not set one
	Now         time.Time
	Loc         *i18n.Localizer
}

// Load reads the overview of year from the store.
func Load(store *data.Store, year int, opt Options) (*Overview, error) {
	if p := domain.ValidateYear(year); p != nil {
		return nil, fmt.Errorf("overview %d: %w", year, p)
	}
	in := Input{Year: year, Now: opt.Now, Loc: opt.Loc}
	var err error
	if in.Profile, err = store.Profile(); err != nil {
		return nil, fmt.Errorf("overview %d: %w", year, err)
	}
	boards, err := store.Boards()
	if err != nil {
		return nil, fmt.Errorf("overview %d: %w", year, err)
	}
	for _, b := range boards {
		in.Boards = append(in.Boards, b.Name)
	}
	if in.History, err = store.Submissions("", year); err != nil {
		return nil, fmt.Errorf("overview %d: %w", year, err)
	}
	if in.Plans, err = store.ReceivedPlans(year, data.WithAll); err != nil {
		return nil, fmt.Errorf("overview %d: %w", year, err)
	}
	if year > domain.MinYear {
		if in.LastYear, err = store.ReceivedPlans(year-1, data.WithActivities); err != nil {
			return nil, fmt.Errorf("overview %d: %w", year, err)
		}
		if in.LastHistory, err = store.Submissions("", year-1); err != nil {
			return nil, fmt.Errorf("overview %d: %w", year, err)
		}
	}
	if in.Notes, err = store.CoordinatorNotes(year); err != nil {
		return nil, fmt.Errorf("overview %d: %w", year, err)
	}
	in.Deadline = Deadline(store, year)
	if opt.Board != "" {
		in = in.Only(opt.Board)
	}
	return Build(in), nil
}

// Only narrows the input to one board.
func (in Input) Only(board string) Input {
	keep := func(name string) bool { return name == board }
	in.Boards = filter(in.Boards, keep)
	in.History = filter(in.History, func(s data.Submission) bool { return keep(s.Board) })
	in.Plans = filter(in.Plans, func(d domain.PlanData) bool { return keep(d.Plan.Board) })
	in.LastYear = filter(in.LastYear, func(d domain.PlanData) bool { return keep(d.Plan.Board) })
	in.LastHistory = filter(in.LastHistory, func(s data.Submission) bool { return keep(s.Board) })
	in.Notes = filter(in.Notes, func(n data.CoordinatorNote) bool { return keep(n.Board) })
	if len(in.Boards) == 0 {
		in.Boards = []string{board} // named on the command line: shown as not received
	}
	return in
}

func filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// settingDeadline is the settings key of the submission deadline of a year.
func settingDeadline(year int) string { return fmt.Sprintf("overview.deadline.%d", year) }

// Deadline is the date the coordinator set for the boards' submissions of year; without one,
// the yearly deadline of the policy profile (the day in the autumn before year); zero when none.
func Deadline(store *data.Store, year int) time.Time {
	if t, ok := i18n.ParseDate(store.Setting(settingDeadline(year), "")); ok {
		return t
	}
	if prof, err := store.Profile(); err == nil {
		if d, ok := prof.DeadlineFor(year); ok {
			return d
		}
	}
	return time.Time{}
}

// SetDeadline saves the submission deadline of year; a zero date removes it.
func SetDeadline(store *data.Store, year int, t time.Time) error {
	v := ""
	if !t.IsZero() {
		v = t.Format(time.DateOnly)
	}
	if err := store.SetSetting(settingDeadline(year), v); err != nil {
		return fmt.Errorf("save deadline %d: %w", year, err)
	}
	return nil
}

// ErrUnknownBoard means a note was written for a board the coordinator does not know.
var ErrUnknownBoard = errors.New("unknown board")

// SaveNote saves the coordinator's note on a board's follow-up.
func SaveNote(store *data.Store, n data.CoordinatorNote) error {
	if _, err := store.BoardByName(n.Board); err != nil {
		return fmt.Errorf("save note on %q: %w", n.Board, ErrUnknownBoard)
	}
	return store.SetCoordinatorNote(n)
}

// Overview is the municipal overview of one year. Boards are in the language's collation.
type Overview struct {
	Year     int
	Profile  domain.Profile
	Now      time.Time
	Deadline time.Time
	Boards   []string // every known board

	Submissions []SubmissionRow   // one per board, in Boards order
	Plans       []domain.PlanData // the current received plans, in board order, Previous set when sent
	Resources   Resources
	Goals       GoalMatrix
	Activities  []ActivityRow // every activity of Plans, by board and plan order (the timeline)
	Calendar    Calendar
	FollowUp    FollowUp
	Register    Register
	Running     []RunningRow // activities under way per month and quarter, per board that sent a plan
	// Decisions says per board whether the board has decided its plan (and last year's follow-up).
	Decisions []DecisionRow
	// Areas is which of the law's requirement areas the year's plans cover, per board and in all.
	Areas AreaCoverage
	// Management counts the management training (ledningens utbildning) per board.
	Management []ManagementRow
	// Latest is each board's latest follow-up of this year's plan.
	Latest Latest
	// Requirements is every board's checklist of the policy's general requirements.
	Requirements Requirements

	loc  *i18n.Localizer
	last map[string]LastYear // by board
}

// Build computes the overview from its input.
func Build(in Input) *Overview {
	loc := in.Loc
	if loc == nil {
		loc = i18n.New(i18n.Swedish)
	}
	if in.Now.IsZero() {
		in.Now = time.Now()
	}
	o := &Overview{Year: in.Year, Profile: in.Profile, Now: in.Now, Deadline: in.Deadline, loc: loc}

	boards := map[string]bool{}
	for _, b := range in.Boards {
		boards[b] = true
	}
	for _, d := range in.Plans {
		boards[d.Plan.Board] = true
	}
	for _, s := range in.History {
		boards[s.Board] = true
	}
	for _, d := range in.LastYear {
		// A board that sent last year's plan and nothing since is shown as not having sent
		// this year's, never left out.
		boards[d.Plan.Board] = true
	}
	for b := range boards {
		o.Boards = append(o.Boards, b)
	}
	loc.Sort(o.Boards)
	byBoard := func(a, b string) int { return loc.Compare(a, b) }

	o.Plans = slices.Clone(in.Plans)
	slices.SortStableFunc(o.Plans, func(a, b domain.PlanData) int { return byBoard(a.Plan.Board, b.Plan.Board) })
	for _, d := range o.Plans {
		for _, a := range d.Activities {
			o.Activities = append(o.Activities, ActivityRow{Board: d.Plan.Board, Year: d.Plan.Year, PlanID: d.Plan.ID, Activity: a})
		}
	}

	o.last = lastYears(o, in)
	o.Submissions = submissionRows(o, in)
	o.Resources = resources(o)
	o.Goals = goalMatrix(o)
	o.Calendar = calendar(o)
	o.FollowUp = followUp(o, in.Notes)
	o.Register = register(o)
	o.Running = running(o)
	o.Decisions = decisions(o)
	o.Areas = areaCoverage(o)
	o.Management = management(o)
	o.Latest = latest(o)
	o.Requirements = requirements(o)
	return o
}

// Loc is the localizer the overview was sorted with.
func (o *Overview) Loc() *i18n.Localizer { return o.loc }

// Plan returns the current received plan of board, if any.
func (o *Overview) Plan(board string) (domain.PlanData, bool) {
	for _, d := range o.Plans {
		if d.Plan.Board == board {
			return d, true
		}
	}
	return domain.PlanData{}, false
}

// DaysLeft is the number of days from today to the deadline (negative when it has passed);
// ok is false when no deadline is set.
func (o *Overview) DaysLeft() (days int, ok bool) {
	if o.Deadline.IsZero() {
		return 0, false
	}
	y, m, d := o.Now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return int(o.Deadline.Sub(today).Hours() / 24), true
}

// ActivityRow is one activity with its board: a row of the timeline and of drill-down lists.
type ActivityRow struct {
	Board    string
	Year     int
	PlanID   int64
	Activity domain.Activity
	// Share is the part of the activity's resources a figure counts: all of them, or those
	// falling in one quarter.
	Share domain.Resources
}

// Rows are the rows behind one figure of the overview.
type Rows struct {
	Activities []ActivityRow
	Events     []Event
	Systems    []SystemRow
	Boards     []SubmissionRow
	Versions   []data.Submission // received versions of a board's plan, newest first
}

// Len is the number of rows.
func (r Rows) Len() int {
	return len(r.Activities) + len(r.Events) + len(r.Systems) + len(r.Boards) + len(r.Versions)
}

// rowsOf returns the activities of the year's plans that keep accepts, with all their resources.
func (o *Overview) rowsOf(keep func(ActivityRow) bool) []ActivityRow {
	var out []ActivityRow
	for _, r := range o.Activities {
		if keep(r) {
			r.Share = domain.ResourcesOf(r.Activity)
			out = append(out, r)
		}
	}
	return out
}

// Timeline lists the activities of the given boards that link to any of the given goals, by
// start date; nil boards or goals mean all.
func (o *Overview) Timeline(boards []string, goals []int) []ActivityRow {
	out := o.rowsOf(func(r ActivityRow) bool {
		if boards != nil && !slices.Contains(boards, r.Board) {
			return false
		}
		if goals == nil {
			return true
		}
		for _, g := range o.goalsOf(r) {
			if slices.Contains(goals, g) {
				return true
			}
		}
		return false
	})
	slices.SortStableFunc(out, func(a, b ActivityRow) int {
		return cmp.Or(compareDates(a.Activity.Start, b.Activity.Start), compareDates(a.Activity.End, b.Activity.End))
	})
	return out
}

// compareDates orders dates with unset ones last.
func compareDates(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}
