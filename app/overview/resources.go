package overview

import (
	"handlingsplan/domain"
)

// LastSource tells where last year's figures of a board come from.
type LastSource string

const (
	LastNone     LastSource = ""         // no plan of last year is known
	LastReceived LastSource = "received" // the board's received submission for last year
	// LastCarried: the plan of last year that came along in this year's submission (the board
	// sent no submission for last year, or it was not imported).
	LastCarried LastSource = "carried"
)

// ResourceRow is one board's resources for the year, per quarter, and last year's.
type ResourceRow struct {
	Board      string
	Activities int
	Year       domain.Resources
	Quarters   [4]domain.Resources
	Last       domain.Resources
	LastSource LastSource
	// last year's activities, for the rows behind Last
	lastActs []domain.Activity
	lastYear int
}

// Resources are the resource rows of the boards that sent a plan, and the kommun total.
type Resources struct {
	Rows  []ResourceRow
	Total ResourceRow // Board ""; Last sums the boards that have a last year
}

// Metric is one of the resource figures.
type Metric int

const (
	MetricHours Metric = iota // internal + external hours
	MetricInternalHours
	MetricExternalHours
	MetricKronor // operating cost + investment
	MetricOperatingCost
	MetricInvestment
)

// Metrics lists the metrics in the order tables show them.
var Metrics = []Metric{MetricInternalHours, MetricExternalHours, MetricHours, MetricOperatingCost, MetricInvestment, MetricKronor}

// Of picks the metric out of r.
func (m Metric) Of(r domain.Resources) int64 {
	switch m {
	case MetricInternalHours:
		return r.InternalHours
	case MetricExternalHours:
		return r.ExternalHours
	case MetricKronor:
		return r.Kronor()
	case MetricOperatingCost:
		return r.OperatingCost
	case MetricInvestment:
		return r.Investment
	}
	return r.Hours()
}

// Hours reports whether the metric counts hours (else kronor).
func (m Metric) Hours() bool { return m <= MetricExternalHours }

// Key is the metric's message key.
func (m Metric) Key() string {
	return [...]string{"overview.metric.hours", "overview.metric.internal_hours", "overview.metric.external_hours",
		"overview.metric.kronor", "overview.metric.operating_cost", "overview.metric.investment"}[m]
}

// Change is this year's value minus last year's; ok is false without a last year.
func (r ResourceRow) Change(m Metric) (delta int64, ok bool) {
	if r.LastSource == LastNone {
		return 0, false
	}
	return m.Of(r.Year) - m.Of(r.Last), true
}

func resources(o *Overview, lastYear []domain.PlanData) Resources {
	last := map[string]domain.PlanData{}
	for _, d := range lastYear {
		last[d.Plan.Board] = d
	}
	var res Resources
	res.Total.LastSource = LastNone
	for _, d := range o.Plans {
		t := domain.SumResources(d.Activities, d.Plan.Year)
		row := ResourceRow{Board: d.Plan.Board, Activities: len(d.Activities), Year: t.Year, Quarters: t.Quarters}
		if l, ok := last[d.Plan.Board]; ok {
			row.LastSource, row.lastActs, row.lastYear = LastReceived, l.Activities, l.Plan.Year
		} else if d.Previous != nil {
			row.LastSource, row.lastActs, row.lastYear = LastCarried, d.Previous.Activities, d.Previous.Plan.Year
		}
		for _, a := range row.lastActs {
			row.Last.Add(domain.ResourcesOf(a))
		}
		res.Total.Activities += row.Activities
		res.Total.Year.Add(row.Year)
		for q := range row.Quarters {
			res.Total.Quarters[q].Add(row.Quarters[q])
		}
		if row.LastSource != LastNone {
			res.Total.Last.Add(row.Last)
			res.Total.LastSource = LastReceived
		}
		res.Rows = append(res.Rows, row)
	}
	return res
}

// ResourceRows are the activities behind a resource figure: board "" means every board,
// quarter 0 the whole year and 1–4 a quarter, whose Share is the part falling in it.
func (o *Overview) ResourceRows(board string, quarter int) Rows {
	var r Rows
	for _, d := range o.Plans {
		if board != "" && d.Plan.Board != board {
			continue
		}
		for _, a := range d.Activities {
			row := ActivityRow{Board: d.Plan.Board, Year: d.Plan.Year, PlanID: d.Plan.ID, Activity: a, Share: domain.ResourcesOf(a)}
			if quarter >= 1 && quarter <= 4 {
				// Spreading one activity alone gives exactly its part of the plan's quarter sum,
				// since SumResources spreads activity by activity.
				row.Share = domain.SumResources([]domain.Activity{a}, d.Plan.Year).Quarters[quarter-1]
				if row.Share == (domain.Resources{}) {
					continue
				}
			}
			r.Activities = append(r.Activities, row)
		}
	}
	return r
}

// LastYearRows are last year's activities behind a board's (or, for "", every board's)
// comparison figure.
func (o *Overview) LastYearRows(board string) Rows {
	var r Rows
	for _, row := range o.Resources.Rows {
		if board != "" && row.Board != board {
			continue
		}
		for _, a := range row.lastActs {
			r.Activities = append(r.Activities, ActivityRow{Board: row.Board, Year: row.lastYear, Activity: a, Share: domain.ResourcesOf(a)})
		}
	}
	return r
}

// TotalChange is the kommun's change from last year, over the boards that have a last year
// (a board new this year would otherwise read as growth).
func (res Resources) TotalChange(m Metric) (delta int64, ok bool) {
	for _, r := range res.Rows {
		if d, has := r.Change(m); has {
			delta, ok = delta+d, true
		}
	}
	return delta, ok
}
