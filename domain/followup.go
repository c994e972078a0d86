package domain

import (
	"cmp"
	"slices"
	"time"
)

// StatusOn is an activity's status as every view shows it on day: the status recorded
// (an activity without one has not started), except that an activity whose end date has
// passed and that is neither done nor dropped is försenad (ActivityDelayed), whatever else was
// recorded. The end date itself is not late yet. day zero means "no date": the recorded status.
// This is the one place försenad is decided.
func StatusOn(a Activity, day time.Time) ActivityStatus {
	return statusOn(a.Status, a.End, day)
}

func statusOn(st ActivityStatus, end, day time.Time) ActivityStatus {
	if st == "" {
		st = ActivityNotStarted
	}
	if st == ActivityDone || st == ActivityDropped || end.IsZero() || day.IsZero() {
		return st
	}
	if days(day) > days(end) {
		return ActivityDelayed
	}
	return st
}

// ShownStatuses lists every status a follow-up shows, recorded or computed, in the order the
// views count them.
var ShownStatuses = []ActivityStatus{ActivityDone, ActivityInProgress, ActivityNotStarted, ActivityPaused, ActivityDelayed, ActivityDropped}

// FollowUp is one follow-up of a plan during its year: an interim one (e.g. an August report
// to the board) or the autumn one that closes the year. It records the status of every
// activity and the outcome of every annual goal on its date; a plan may have any number.
type FollowUp struct {
	ID      int64     `json:"-"`
	PlanID  int64     `json:"-"`
	Date    time.Time `json:"date"`
	Closing bool      `json:"closing"` // the autumn follow-up that closes the year
	Comment string    `json:"comment"`
	// Activities and Goals name the plan's rows by id (Activity.ID, AnnualGoal.ID).
	Activities []ActivityMark `json:"activities"`
	Goals      []GoalMark     `json:"annual_goals"`
}

// ActivityMark is an activity's status at a follow-up.
type ActivityMark struct {
	Activity    int64          `json:"activity"`
	Status      ActivityStatus `json:"status"`
	PercentDone int            `json:"percent_done"`
}

// GoalMark is an annual goal's outcome at a follow-up.
type GoalMark struct {
	Goal     int64   `json:"annual_goal"`
	Outcome  Outcome `json:"outcome"`
	Measured string  `json:"measured"`
	Light    Light   `json:"light"`
}

// TrafficLight is the mark's light: the one recorded, or the one its outcome gives.
func (m GoalMark) TrafficLight() Light { return lightOf(m.Light, m.Outcome) }

// SnapshotFollowUp is a follow-up of d on date as d stands now: every activity's status and
// every annual goal's outcome.
func SnapshotFollowUp(d PlanData, date time.Time, closing bool, comment string) FollowUp {
	f := FollowUp{PlanID: d.Plan.ID, Date: date, Closing: closing, Comment: comment}
	for _, a := range d.Activities {
		f.Activities = append(f.Activities, ActivityMark{Activity: a.ID, Status: a.Status, PercentDone: a.PercentDone})
	}
	for _, g := range d.AnnualGoals {
		f.Goals = append(f.Goals, GoalMark{Goal: g.ID, Outcome: g.Outcome, Measured: g.Measured, Light: g.Light})
	}
	return f
}

// LatestFollowUp is the newest follow-up of a plan: by date, the closing one before an interim
// one of the same day, then the one recorded last.
func LatestFollowUp(d PlanData) (FollowUp, bool) {
	if len(d.FollowUps) == 0 {
		return FollowUp{}, false
	}
	return slices.MaxFunc(d.FollowUps, compareFollowUps), true
}

func compareFollowUps(a, b FollowUp) int {
	return cmp.Or(a.Date.Compare(b.Date), boolCompare(a.Closing, b.Closing), cmp.Compare(a.ID, b.ID))
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// SortedFollowUps are a plan's follow-ups, oldest first.
func SortedFollowUps(fs []FollowUp) []FollowUp {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, compareFollowUps)
	return out
}

// FollowUpCounts are what one follow-up says of a plan: activities per status on its date
// (försenad decided by StatusOn), annual goals per outcome and per light.
type FollowUpCounts struct {
	Statuses   map[ActivityStatus]int
	Activities int
	Outcomes   map[Outcome]int // OutcomeNone: not followed up
	Lights     map[Light]int   // LightNone: no light
	Goals      int
}

// CountFollowUp counts follow-up f of plan d. Rows of d the follow-up does not name (added
// since) are left out; marks of rows no longer in d too.
func CountFollowUp(d PlanData, f FollowUp) FollowUpCounts {
	c := FollowUpCounts{Statuses: map[ActivityStatus]int{}, Outcomes: map[Outcome]int{}, Lights: map[Light]int{}}
	end := map[int64]time.Time{}
	for _, a := range d.Activities {
		end[a.ID] = a.End
	}
	for _, m := range f.Activities {
		e, ok := end[m.Activity]
		if !ok {
			continue
		}
		c.Statuses[statusOn(m.Status, e, f.Date)]++
		c.Activities++
	}
	known := map[int64]bool{}
	for _, g := range d.AnnualGoals {
		known[g.ID] = true
	}
	for _, m := range f.Goals {
		if !known[m.Goal] {
			continue
		}
		c.Outcomes[m.Outcome]++
		c.Lights[m.TrafficLight()]++
		c.Goals++
	}
	return c
}

// CountNow counts plan d as it stands on day: the same figures as CountFollowUp of a follow-up
// taken that day.
func CountNow(d PlanData, day time.Time) FollowUpCounts {
	return CountFollowUp(d, SnapshotFollowUp(d, day, false, ""))
}

// ValidateFollowUps checks the follow-ups recorded for a plan of year: each has a date, near
// the year (interim ones in it, the closing one in its autumn or early the next year), and
// only one closes the year.
func ValidateFollowUps(fs []FollowUp, planID int64, year int) Problems {
	var ps Problems
	closing := 0
	for i, f := range fs {
		id := f.ID
		if id == 0 {
			id = int64(i + 1)
		}
		if f.Date.IsZero() {
			ps = append(ps, blocking("followup", id, "date", "err.required", "Field", "field.date"))
		} else if y := f.Date.Year(); y < year || y > year+1 {
			ps = append(ps, warning("followup", id, "date", "err.date_outside_year", "Year", year))
		}
		if f.Closing {
			closing++
		}
	}
	if closing > 1 {
		ps = append(ps, blocking("plan", planID, "follow_ups", "err.followup.two_closing", "Count", closing))
	}
	return ps
}
