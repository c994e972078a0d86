package overview

import (
	"math"

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

// ResourceRow is one board's resources for the year, per quarter, and last year's. A board
// that has not sent this year's plan has a row too (Received false, this year's figures
// unknown, not zero), so last year's figures of every board are shown.
type ResourceRow struct {
	Board      string
	Received   bool // this year's plan was received; false leaves Activities, Year and Quarters unknown
	Activities int
	Year       domain.Resources
	Quarters   [4]domain.Resources
	Last       domain.Resources
	LastSource LastSource
	// last year's activities, for the rows behind Last
	lastActs []domain.Activity
	lastYear int
}

// Resources are the resource rows of every board, and the kommun total.
type Resources struct {
	Rows []ResourceRow
	// Total is Board "": this year's figures sum the boards that sent a plan, Last every
	// board that has a last year (TotalChange compares only boards that have both).
	Total ResourceRow
}

// LastOnly lists the boards whose last year is counted in Total.Last but who have not sent
// this year's plan: the reason Total.Last and Total.Year cover different boards.
func (res Resources) LastOnly() []ResourceRow {
	var out []ResourceRow
	for _, r := range res.Rows {
		if !r.Received && r.LastSource != LastNone {
			out = append(out, r)
		}
	}
	return out
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

// Change is this year's value minus last year's; ok is false unless the board has both.
func (r ResourceRow) Change(m Metric) (delta int64, ok bool) {
	if !r.Received || r.LastSource == LastNone {
		return 0, false
	}
	return m.Of(r.Year) - m.Of(r.Last), true
}

func resources(o *Overview) Resources {
	var res Resources
	res.Total.LastSource = LastNone
	res.Total.Received = len(o.Plans) > 0
	for _, b := range o.Boards {
		row := ResourceRow{Board: b}
		if d, ok := o.Plan(b); ok {
			t := domain.SumResources(d.Activities, d.Plan.Year)
			row.Received, row.Activities, row.Year, row.Quarters = true, len(d.Activities), t.Year, t.Quarters
		}
		if ly := o.last[b]; ly.Plan != nil {
			row.LastSource, row.lastActs, row.lastYear = ly.Source, ly.Plan.Activities, ly.Plan.Plan.Year
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

// RowOf returns the resource row of board.
func (res Resources) RowOf(board string) (ResourceRow, bool) {
	for _, r := range res.Rows {
		if r.Board == board {
			return r, true
		}
	}
	return ResourceRow{}, false
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

// NoValue in a chart series is a figure that is not known (a board without a plan of last
// year). Charts draw no bar for it and label it "–" as the tables do; it equals pdfdoc.NoValue.
const NoValue int64 = math.MinInt64

// ChartSeries is the data of a resources chart of metric m: per board that sent this year's
// plan, this year's and last year's figure. A board without a plan of last year gets NoValue
// there, not 0; a board that has not sent this year's plan has no bar at all (its year would
// read as zero).
func (res Resources) ChartSeries(m Metric) (labels []string, now, last []int64) {
	for _, r := range res.Rows {
		if !r.Received {
			continue
		}
		labels = append(labels, r.Board)
		now = append(now, m.Of(r.Year))
		if r.LastSource == LastNone {
			last = append(last, NoValue)
		} else {
			last = append(last, m.Of(r.Last))
		}
	}
	return labels, now, last
}
