package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// Priority colours of the timeline. Every bar also carries its priority as text, so the
// chart reads in black and white and for colour-blind readers.
func priorityColors(p domain.Priority) (fill, text pdfdoc.RGB) {
	switch p {
	case domain.PriorityHigh:
		return 0xb3261e, pdfdoc.ColWhite
	case domain.PriorityMedium:
		return 0xf2b134, pdfdoc.ColText
	case domain.PriorityLow:
		return 0x7f9cb5, pdfdoc.ColText
	}
	return 0xbdbdbd, pdfdoc.ColText
}

func date(year int, m time.Month, d int) time.Time {
	return time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
}

// dayNumber counts calendar days since 1970-01-01 for the date part of t, whatever its zone.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return date(y, m, d).Unix() / 86400
}

// ---- timeline ----

const (
	tlLabelW  = 150.0
	tlMonthH  = 14.0
	tlWeekH   = 16.0
	tlRowH    = 15.0
	tlBarH    = 9.5
	tlWeekFnt = 5.5
)

// timelineScale maps dates of the plan year to x positions of the chart.
type timelineScale struct {
	x0, w     float64
	yearStart int64
	days      float64
}

func newTimelineScale(year int) timelineScale {
	ys := dayNumber(date(year, 1, 1))
	ye := dayNumber(date(year, 12, 31))
	return timelineScale{x0: pdfdoc.MarginL + tlLabelW, w: pdfdoc.ContentW - tlLabelW, yearStart: ys, days: float64(ye - ys + 1)}
}

// x is the left edge of day t (clamped to the year).
func (s timelineScale) x(t time.Time) float64 {
	d := float64(dayNumber(t) - s.yearStart)
	d = math.Max(0, math.Min(s.days, d))
	return s.x0 + s.w*d/s.days
}

// xEnd is the right edge of day t.
func (s timelineScale) xEnd(t time.Time) float64 { return s.x(t.AddDate(0, 0, 1)) }

func (r *renderer) timeline() {
	year := r.d.Plan.Year
	// Without activities the timeline is one sentence and need not take a page of its own.
	r.Section(r.loc.T("report.section.timeline"), true, len(r.acts) > 0, 100)
	if len(r.acts) == 0 {
		r.Paragraph(r.loc.T("report.activities.empty"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	r.Paragraph(r.loc.Tf("report.timeline.intro", "Year", year), 9.5, false, pdfdoc.ColText)
	r.priorityLegend()
	sc := newTimelineScale(year)

	r.Ensure(tlMonthH + tlWeekH + tlRowH)
	r.timelineHeader(sc, year)
	for i, a := range r.acts {
		label := r.timelineLabel(i, a)
		if r.Y+timelineRowH(len(label)) > pdfdoc.ContentBottom {
			r.NewPage()
			r.timelineHeader(sc, year)
		}
		r.timelineRow(sc, year, i, a, label)
	}
	r.Line(pdfdoc.MarginL, r.Y, pdfdoc.ContentRight, r.Y, pdfdoc.ColRule, 0.5)
	r.Y += 8
}

func (r *renderer) priorityLegend() {
	r.Ensure(16)
	r.SetFont(true, 8)
	label := r.loc.T("report.timeline.legend")
	r.Text(pdfdoc.MarginL, r.Y, label, pdfdoc.ColText)
	x := pdfdoc.MarginL + r.Width(label) + 8
	r.SetFont(false, 8)
	for _, p := range []domain.Priority{domain.PriorityHigh, domain.PriorityMedium, domain.PriorityLow} {
		fill, _ := priorityColors(p)
		r.FillRect(x, r.Y+0.5, 16, 8, fill)
		x += 20
		name := r.priority(p)
		r.Text(x, r.Y, name, pdfdoc.ColText)
		x += r.Width(name) + 14
	}
	r.Y += 18
}

// timelineHeader draws the month names and ISO week numbers above the bars; it repeats on
// every page the timeline reaches.
func (r *renderer) timelineHeader(sc timelineScale, year int) {
	top := r.Y
	r.FillRect(pdfdoc.MarginL, top, pdfdoc.ContentW, tlMonthH+tlWeekH, pdfdoc.ColHeaderFill)
	r.SetFont(true, 7.5)
	r.Text(pdfdoc.MarginL+3, top+3.5, r.loc.T("report.timeline.activity"), pdfdoc.ColHeading)
	r.SetFont(false, 7)
	r.TextRight(sc.x0-4, top+tlMonthH+4.5, r.loc.T("report.timeline.week"), pdfdoc.ColHeading)

	for m := time.January; m <= time.December; m++ {
		x1, x2 := sc.x(date(year, m, 1)), sc.x(date(year, m+1, 1))
		r.SetFont(true, 7.5)
		r.TextCenter((x1+x2)/2, top+3.5, r.loc.MonthShort(m), pdfdoc.ColHeading)
		r.Line(x1, top, x1, top+tlMonthH, pdfdoc.ColRule, 0.4)
	}
	r.Line(sc.x0, top+tlMonthH, pdfdoc.ContentRight, top+tlMonthH, pdfdoc.ColRule, 0.4)

	// Weeks start on Monday; the first may begin in the previous year (ISO week 52 or 53).
	first := date(year, 1, 1)
	first = first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	r.SetFont(false, tlWeekFnt)
	for i, w := 0, first; w.Year() <= year; i, w = i+1, w.AddDate(0, 0, 7) {
		x1, x2 := sc.x(w), sc.x(w.AddDate(0, 0, 7))
		if x2-x1 < 2 {
			continue // a sliver of a week at the year's edge
		}
		_, n := w.ISOWeek()
		y := top + tlMonthH + 1.5 + float64(i%2)*6.8 // staggered in two rows so numbers never touch
		r.TextCenter((x1+x2)/2, y, strconv.Itoa(n), pdfdoc.ColText)
		if x1 > sc.x0 {
			r.Line(x1, top+tlMonthH+tlWeekH-2.5, x1, top+tlMonthH+tlWeekH, pdfdoc.ColRule, 0.3)
		}
	}
	r.Line(pdfdoc.ContentRight, top, pdfdoc.ContentRight, top+tlMonthH+tlWeekH, pdfdoc.ColRule, 0.4)
	r.Y = top + tlMonthH + tlWeekH
	r.Line(pdfdoc.MarginL, r.Y, pdfdoc.ContentRight, r.Y, pdfdoc.ColRule, 0.6)
}

// timelineLabel is the activity's number and title in at most two lines.
func (r *renderer) timelineLabel(i int, a domain.Activity) []string {
	r.SetFont(false, 7.5)
	num := strconv.Itoa(i+1) + ". "
	w := tlLabelW - 8 - r.Width(num)
	lines := r.Wrap(a.Title, w)
	if len(lines) > 2 {
		lines = []string{lines[0], r.Fit(strings.Join(lines[1:], " "), w)}
	}
	lines[0] = num + lines[0]
	return lines
}

func timelineRowH(labelLines int) float64 {
	return tlRowH + float64(labelLines-1)*9
}

func (r *renderer) timelineRow(sc timelineScale, year, i int, a domain.Activity, label []string) {
	top := r.Y
	rowH := timelineRowH(len(label))
	if i%2 == 1 {
		r.FillRect(pdfdoc.MarginL, top, pdfdoc.ContentW, rowH, pdfdoc.ColShade)
	}
	for m := time.January; m <= time.December; m++ {
		x := sc.x(date(year, m, 1))
		c := pdfdoc.ColRuleLight
		if m%3 == 1 {
			c = pdfdoc.ColRule // quarter boundaries a little stronger
		}
		r.Line(x, top, x, top+rowH, c, 0.3)
	}
	r.Line(pdfdoc.ContentRight, top, pdfdoc.ContentRight, top+rowH, pdfdoc.ColRule, 0.3)

	r.SetFont(false, 7.5)
	for k, l := range label {
		x := pdfdoc.MarginL + 3
		if k > 0 { // continuation lines align after the number
			x += r.Width(strconv.Itoa(i+1) + ". ")
		}
		r.Text(x, top+3.8+float64(k)*9, l, pdfdoc.ColText)
	}
	defer func() { r.Y = top + rowH }()
	mid := top + rowH/2 // bars and notes are centred on the pdfdoc.Row

	start, end := a.Start, a.End
	switch {
	case start.IsZero() && end.IsZero():
		r.SetFont(false, 7)
		r.Text(sc.x0+4, mid-3.5, r.loc.T("report.timeline.no_dates"), pdfdoc.ColMuted)
		return
	case start.IsZero():
		start = end
	case end.IsZero() || end.Before(start):
		end = start
	}
	if end.Year() < year || start.Year() > year {
		r.SetFont(false, 7)
		r.Text(sc.x0+4, mid-3.5, r.loc.Tf("report.timeline.outside", "Year", year), pdfdoc.ColMuted)
		return
	}
	x1, x2 := sc.x(start), sc.xEnd(end)
	if x2-x1 < 2 {
		x2 = x1 + 2 // a one-day activity stays visible
	}
	by := mid - tlBarH/2
	fill, textCol := priorityColors(a.Priority)
	r.FillRect(x1, by, x2-x1, tlBarH, fill)

	name := r.priority(a.Priority)
	if name == "" {
		return
	}
	r.SetFont(true, 6.5)
	tw := r.Width(name)
	ty := by + 1.6
	switch {
	case x2-x1 >= tw+6:
		r.Text(x1+3, ty, name, textCol)
	case x2+3+tw <= pdfdoc.ContentRight-2:
		r.Text(x2+3, ty, name, pdfdoc.ColText)
	default:
		r.Text(x1-3-tw, ty, name, pdfdoc.ColText)
	}
}

// ---- resources by quarter ----

func (r *renderer) resources() {
	year := r.d.Plan.Year
	r.Section(r.loc.T("report.section.resources"), true, len(r.acts) > 0, 200)
	r.Paragraph(r.loc.T("report.resources.intro"), 9.5, false, pdfdoc.ColText)
	q := ByQuarter(r.acts, year)
	var all QuarterTotals
	for _, t := range q {
		all.Add(t)
	}
	if all == (QuarterTotals{}) {
		r.Paragraph(r.loc.T("report.resources.none"), 9.5, false, pdfdoc.ColMuted)
		return
	}

	const chartH, gap = 190.0, 24.0
	w := (pdfdoc.ContentW - gap) / 2
	r.Ensure(chartH)
	hours, kronor := make([][]int64, len(q)), make([][]int64, len(q))
	for i, t := range q {
		hours[i] = []int64{t.InternalHours, t.ExternalHours}
		kronor[i] = []int64{t.OperatingCost, t.Investment}
	}
	quarters := make([]string, 4)
	for i := range quarters {
		quarters[i] = r.loc.Quarter(i + 1)
	}
	r.StackedBars(pdfdoc.MarginL, r.Y, w, chartH, pdfdoc.Stacked{
		Title: r.loc.T("report.resources.hours_chart"), Empty: r.loc.T("report.resources.no_hours"),
		Labels: quarters, Values: hours, Format: r.loc.Number,
		Names:  []string{r.loc.T("field.internal_hours"), r.loc.T("field.external_hours")},
		Colors: []pdfdoc.RGB{pdfdoc.ColHeading, 0x8fb0d3},
	})
	r.StackedBars(pdfdoc.MarginL+w+gap, r.Y, w, chartH, pdfdoc.Stacked{
		Title: r.loc.T("report.resources.kronor_chart"), Empty: r.loc.T("report.resources.no_kronor"),
		Labels: quarters, Values: kronor, Format: r.loc.Number,
		Names:  []string{r.loc.T("field.operating_cost"), r.loc.T("field.investment")},
		Colors: []pdfdoc.RGB{0x2e6b4f, 0x9cc9a9},
	})
	r.Y += chartH + 16

	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.quarter"), Width: 64},
		{Title: r.loc.T("field.internal_hours"), Width: 62, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("field.external_hours"), Width: 62, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("report.col.total_hours"), Width: 62, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("field.operating_cost"), Width: 76, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("field.investment"), Width: 76, Align: pdfdoc.AlignRight},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.total_kronor"), Width: pdfdoc.ContentW - 64 - 62*3 - 76*2, Align: pdfdoc.AlignRight})
	var rows []pdfdoc.Row
	for i, t := range q {
		rows = append(rows, pdfdoc.Row{Cells: r.quarterCells(r.loc.Quarter(i+1), t, false)})
	}
	rows = append(rows, pdfdoc.Row{Total: true, Cells: r.quarterCells(r.loc.T("report.total"), all, true)})
	r.Table(cols, rows)
	r.Paragraph(r.loc.Tf("report.resources.fte", "FTE", r.fte(all.Hours()),
		"Hours", r.loc.Number(int64(r.opt.Profile.HoursPerFTE))), 9, false, pdfdoc.ColText)
}

func (r *renderer) quarterCells(name string, t QuarterTotals, bold bool) []pdfdoc.Cell {
	c := func(s string) pdfdoc.Cell { return pdfdoc.Cell{{Text: s, Bold: bold}} }
	return []pdfdoc.Cell{
		c(name),
		c(r.loc.Number(t.InternalHours)),
		c(r.loc.Number(t.ExternalHours)),
		c(r.loc.Number(t.Hours())),
		c(r.loc.Kronor(t.OperatingCost)),
		c(r.loc.Kronor(t.Investment)),
		c(r.loc.Kronor(t.Kronor())),
	}
}
