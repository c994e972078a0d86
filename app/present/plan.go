package present

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// FromPlan lays out the slides of one board's plan (its current version or a received
// submission), in the localizer's language. now is when the presentation starts: the title
// slide's date and the timeline's "today". The deck copies what it shows, so d may change
// afterwards.
//
// What a slide marks in red is the verdict of domain.ValidatePlan on d, the one judge that the
// wizard's review and the PDF report show too: a goal nothing serves, a check answered no or not
// at all, the register's systems the review warns of. The slides decide nothing of their own.
func FromPlan(d domain.PlanData, prof domain.Profile, loc *i18n.Localizer, now time.Time) *Deck {
	deck, _ := fromPlan(d, prof, loc, now)
	return deck
}

// fromPlan is FromPlan, also returning the builder with the marks it made (for tests).
func fromPlan(d domain.PlanData, prof domain.Profile, loc *i18n.Localizer, now time.Time) (*Deck, *planBuilder) {
	d = ClonePlanData(d)
	pb := &planBuilder{builder: builder{loc: loc}, d: d, prof: prof, now: now, marks: newSlideMarks(domain.ValidatePlan(d, prof))}
	pb.acts = inOrder(d.Activities, func(a domain.Activity) int { return a.Position })
	pb.build()
	p := d.Plan
	return &Deck{
		Title:   loc.Tf("present.deck.plan", "Board", p.Board, "Year", p.Year),
		Author:  prof.Kommun,
		Source:  planSource(loc, p),
		Lang:    loc.Lang(),
		Made:    now,
		Slides:  pb.slides,
		counter: counterFunc(loc),
	}, pb
}

// planSource names the plan in the footer: board, year and version (a plan never signed has
// version 0 and is named by its status instead).
func planSource(loc *i18n.Localizer, p domain.Plan) string {
	if p.Version == 0 {
		return loc.Tf("present.footer.plan_status", "Board", p.Board, "Year", p.Year, "Status", strings.ToLower(loc.T("status."+string(p.Status))))
	}
	return loc.Tf("present.footer.plan", "Board", p.Board, "Year", p.Year, "Version", p.Version)
}

func counterFunc(loc *i18n.Localizer) func(n, total int) string {
	return func(n, total int) string { return loc.Tf("present.counter", "Slide", n, "Slides", total) }
}

type planBuilder struct {
	builder
	d     domain.PlanData
	prof  domain.Profile
	now   time.Time
	acts  []domain.Activity
	marks *slideMarks // the plan's problems: the only source of red
}

// planSteps lay out a plan's sections in deck order; a section without data adds no slide.
var planSteps = []struct {
	kind  Kind
	build func(*planBuilder)
}{
	{KindTitle, (*planBuilder).titleSlide},
	{KindSummary, (*planBuilder).summary},
	{KindAnnual, (*planBuilder).annualGoals},
	{KindGoals, (*planBuilder).goals},
	{KindTimeline, (*planBuilder).timeline},
	{KindResources, (*planBuilder).resources},
	{KindTraining, (*planBuilder).training},
	{KindFollowUp, (*planBuilder).followUp},
	{KindRegister, (*planBuilder).register},
	{KindDecisions, (*planBuilder).decisions},
}

func (b *planBuilder) build() {
	for _, s := range planSteps {
		s.build(b)
	}
}

// inOrder returns a copy of rows sorted by plan position, keeping the given order for ties.
func inOrder[T any](rows []T, pos func(T) int) []T {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b T) int { return pos(a) - pos(b) })
	return out
}

func (b *planBuilder) titleSlide() {
	p := b.d.Plan
	loc := b.loc
	var lines []string
	status := loc.T("status." + string(p.Status))
	if p.Version > 0 {
		lines = append(lines, loc.Tf("present.title.version", "Version", p.Version, "Status", status))
	} else {
		lines = append(lines, status)
	}
	if dec := decisionText(loc, p); dec != "" {
		lines = append(lines, dec)
	}
	if p.Responsible != "" {
		lines = append(lines, loc.Tf("present.title.responsible", "Name", p.Responsible))
	}
	b.slides = append(b.slides, titleSlide(b.prof.Kommun, loc.Tf("present.title.plan", "Year", p.Year), p.Board, lines, loc.Tf("present.title.shown", "Date", loc.Date(b.now))))
}

// decisionText is where the plan stands with the board (domain.Plan.DecisionLine).
func decisionText(loc *i18n.Localizer, p domain.Plan) string { return p.DecisionLine(loc) }

// titleSlide is the first slide: who, what, which year. It has no heading bar.
func titleSlide(over, title, sub string, lines []string, shown string) Slide {
	p := &page{kind: KindTitle}
	p.bgRect(0, 0, 18, SlideH, ColHeading)
	y := 70.0
	p.text(marginX+20, y, contentW-20, fitText(over, SizeBody, true, contentW-20), SizeBody, true, ColMuted, AlignLeft)
	y += lineH + 18
	y = p.lines(marginX+20, y, contentW-20, wrap(title, SizeDeckTitle, true, contentW-20), SizeDeckTitle, true, ColHeading, AlignLeft)
	y += 8
	y = p.lines(marginX+20, y, contentW-20, wrap(sub, SizeTitle, false, contentW-20), SizeTitle, false, ColText, AlignLeft)
	y += 22
	p.fg = append(p.fg, Item{Kind: ItemRect, X: marginX + 20, Y: y - 10, W: 120, H: 4, Color: ColAccent})
	y += 6
	for _, l := range lines {
		ls := wrap(l, SizeBody, false, contentW-20)
		if y+float64(len(ls))*lineH > contentBottom-lineH-6 {
			break
		}
		y = p.lines(marginX+20, y, contentW-20, ls, SizeBody, false, ColText, AlignLeft)
	}
	p.text(marginX+20, contentBottom-lineH, contentW-20, shown, SizeBody, false, ColMuted, AlignLeft)
	items := append([]Item{{Kind: ItemRect, W: SlideW, H: SlideH, Color: ColBackground}}, p.bg...)
	return Slide{Kind: KindTitle, Title: title, Part: 1, Parts: 1, Items: append(items, p.fg...)}
}

// ---- summary ----

func (b *planBuilder) summary() {
	loc := b.loc
	var hours, external, kronor, invest int64
	high := 0
	for _, a := range b.acts {
		hours += a.TotalHours()
		external += a.ExternalHours
		kronor += a.TotalKronor()
		invest += a.Investment
		if a.Priority == domain.PriorityHigh {
			high++
		}
	}
	ts := summaryTiles(loc, b.prof, len(b.acts), hours, external, kronor, invest)
	ts[0].note = loc.Tf("present.summary.high", "Count", high)
	p := &page{kind: KindSummary, title: loc.Tf("present.summary.title", "Year", b.d.Plan.Year)}
	tiles(p, ts)
	b.section([]*page{p})
}

func summaryTiles(loc *i18n.Localizer, prof domain.Profile, acts int, hours, external, kronor, invest int64) []tile {
	return []tile{
		{value: loc.Number(int64(acts)), label: loc.Tf("present.summary.activities", "Count", acts)},
		{value: loc.Number(hours), label: loc.T("present.summary.hours"), note: loc.Tf("present.summary.external", "Hours", loc.Number(external))},
		{value: loc.FTE(hours, prof.HoursPerFTE), label: loc.T("present.summary.fte"), note: loc.Tf("present.summary.fte_note", "Hours", loc.Number(int64(prof.HoursPerFTE)))},
		{value: loc.Kronor(kronor), label: loc.T("present.summary.kronor"), note: loc.Tf("present.summary.investment", "Kronor", loc.Kronor(invest))},
	}
}

// ---- goals ----

func (b *planBuilder) goals() {
	loc := b.loc
	counts := map[int]int{}
	for _, a := range b.acts {
		seen := map[int]bool{}
		for _, g := range a.Goals {
			if !seen[g] {
				counts[g]++
				seen[g] = true
			}
		}
	}
	covered := 0
	var rows []tableRow
	for _, g := range b.prof.Goals {
		n := counts[g.Number]
		r := tableRow{cells: []cell{{text: strconv.Itoa(g.Number), bold: true}, txt(sentenceCase(g.Text)), txt(loc.Number(int64(n)))}}
		if n == 0 {
			// Red where the review warns that nothing serves the goal.
			r.cells[2] = cell{text: loc.T("present.goals.none"), bold: true}
			if b.marks.goal(g.Number) {
				r.cells[2].color, r.fill = b.marks.red(r.cells[2].text), ColWarnFill
			}
		} else {
			covered++
		}
		rows = append(rows, r)
	}
	b.section(b.layoutTable(table{
		kind:  KindGoals,
		title: loc.T("present.goals.title"),
		intro: loc.Tf("present.goals.intro", "Covered", covered, "Count", len(b.prof.Goals)),
		cols:  goalColumns(loc, numCol(loc.T("present.goals.col_activities"), AlignRight, loc.T("present.goals.none"))),
		rows:  rows,
		empty: loc.T("present.goals.empty"),
	}))
}

// goalColumns are the goal number, the goal's text and the given count columns.
func goalColumns(loc *i18n.Localizer, counts ...column) []column {
	no := numCol(loc.T("present.goals.col_goal"), AlignLeft, "8")
	cols := fillFirst(column{title: loc.T("present.goals.col_text")}, counts...)
	cols[0].w -= no.w + colGap
	return append([]column{no}, cols...)
}

func sentenceCase(s string) string {
	s = strings.TrimSpace(s)
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// ---- timeline ----

// yearScale maps dates of a year to x positions between x0 and x1.
type yearScale struct {
	year   int
	x0, x1 float64
	days   float64
}

func newYearScale(year int, x0, x1 float64) yearScale {
	days := date(year+1, 1, 1).Sub(date(year, 1, 1)).Hours() / 24
	return yearScale{year: year, x0: x0, x1: x1, days: days}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dayOf is t's calendar date at UTC midnight, whatever t's zone.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return date(y, m, d)
}

func (s yearScale) x(t time.Time) float64 {
	f := dayOf(t).Sub(date(s.year, 1, 1)).Hours() / 24 / s.days
	f = min(max(f, 0), 1)
	return s.x0 + f*(s.x1-s.x0)
}

func (s yearScale) quarterX(q int) float64 { return s.x(date(s.year, time.Month(3*q+1), 1)) }

func (s yearScale) inYear(t time.Time) bool { return dayOf(t).Year() == s.year }

// todayLegend is the "today" note at the right of the heading, with a swatch of the today line.
func todayLegend(p *page, loc *i18n.Localizer, now time.Time, year int) {
	var s string
	switch y := dayOf(now).Year(); {
	case y < year:
		s = loc.Tf("present.today_before", "Date", loc.Date(now))
	case y > year:
		s = loc.Tf("present.today_after", "Date", loc.Date(now))
	default:
		s = loc.Tf("present.today", "Date", loc.Date(now))
	}
	w := measure(s, SizeBody, true)
	x := SlideW - marginX - w
	p.right = append(p.right,
		Item{Kind: ItemText, X: x, Y: titleY + (titleH-lineH)/2 + 4, W: w + 2, H: lineH, Text: s, Size: SizeBody, Bold: true, Color: ColToday, Role: RoleBody},
		Item{Kind: ItemRect, X: x - 16, Y: titleY + 10, W: 4, H: titleH - 12, Color: ColToday},
	)
}

// quarterGrid shades every other quarter and draws the quarter lines and today's line: over
// the rows (bars), or behind them when the rows hold numbers the line must not strike through.
func quarterGrid(p *page, sc yearScale, now time.Time, top, bottom float64, behind bool) {
	for q := 1; q < 4; q += 2 {
		p.bgRect(sc.quarterX(q), top, sc.quarterX(q+1)-sc.quarterX(q), bottom-top, ColShade)
	}
	for q := 0; q <= 4; q++ {
		p.bgLine(sc.quarterX(q), top, sc.quarterX(q), bottom, 0.75, ColRule)
	}
	if sc.inYear(now) {
		// The line starts below the header row (top): through the header it struck the
		// quarter's name. The heading's legend says what the line is.
		x := sc.x(now) + (sc.x1-sc.x0)/sc.days/2
		if behind {
			// First of the foreground: under the cells and their numbers.
			p.fg = append([]Item{{Kind: ItemLine, X: x, Y: top, H: bottom + 2 - top, Stroke: 4, Color: ColToday}}, p.fg...)
		} else {
			p.line(x, top, x, bottom+2, 3, ColToday)
		}
	}
}

func quarterHeader(p *page, loc *i18n.Localizer, sc yearScale, first string, firstW, y, pad float64) float64 {
	h := lineH + 2*pad
	p.bgRect(marginX, y, contentW, h, ColHeaderFill)
	p.text(marginX, y+pad, firstW, first, SizeBody, true, ColHeading, AlignLeft)
	for q := 0; q < 4; q++ {
		x0, x1 := sc.quarterX(q), sc.quarterX(q+1)
		p.text(x0, y+pad, x1-x0, loc.Quarter(q+1), SizeBody, true, ColHeading, AlignCenter)
	}
	return h
}

// labelColW is the width of the names left of a year's quarters; wide enough that most
// activity titles and board names take one line.
const labelColW = 520.0

// timelinePad is the space above and below a timeline row: tighter than other tables, so a
// slide holds more activities while the text stays at body size.
const timelinePad = 4.0

func (b *planBuilder) timeline() {
	loc := b.loc
	year := b.d.Plan.Year
	sc := newYearScale(year, marginX+labelColW+colGap, SlideW-marginX)
	rows := make([]tableRow, len(b.acts))
	for i, a := range b.acts {
		rows[i] = tableRow{cells: []cell{txt(a.Title)}}
	}
	pages := b.layoutTable(table{
		kind:    KindTimeline,
		title:   loc.Tf("present.timeline.title", "Year", year),
		cols:    []column{{w: labelColW}, {w: sc.x1 - sc.x0}},
		rows:    rows,
		empty:   loc.T("present.timeline.empty"),
		minRowH: lineH + 2*timelinePad,
		pad:     timelinePad,
		header: func(p *page, y float64) float64 {
			return quarterHeader(p, loc, sc, loc.T("present.timeline.col_activity"), labelColW, y, timelinePad)
		},
		pageBG: func(p *page, top, bottom float64) { quarterGrid(p, sc, b.now, top, bottom, false) },
		rowExtra: func(p *page, i int, y, h float64) {
			a := b.acts[i]
			mid := y + timelinePad + lineH/2
			if a.Start.IsZero() || a.End.IsZero() {
				p.text(sc.x0+8, y+timelinePad, sc.x1-sc.x0-16, loc.T("present.timeline.no_dates"), SizeBody, false, ColMuted, AlignLeft)
				return
			}
			end := a.End
			if end.Before(a.Start) {
				end = a.Start
			}
			x0 := sc.x(a.Start)
			x1 := sc.x(end.AddDate(0, 0, 1))
			if dayOf(end).Year() > year {
				x1 = sc.x1
			}
			p.rect(x0, mid-12, max(x1-x0, 6), 24, ColAccent)
		},
	})
	for _, p := range pages {
		todayLegend(p, loc, b.now, year)
	}
	b.section(pages)
}

// ---- resources ----

func (b *planBuilder) resources() {
	q := domain.SumResources(b.acts, b.d.Plan.Year).Quarters
	b.section([]*page{resourcesPage(b.loc, b.d.Plan.Year, q)})
}

// resourcesPage is the chart of hours and kronor per quarter, each bar with its value.
func resourcesPage(loc *i18n.Localizer, year int, q [4]domain.Resources) *page {
	p := &page{kind: KindResources, title: loc.Tf("present.resources.title", "Year", year)}
	const (
		labelW  = 120.0
		hoursX  = marginX + labelW + colGap // value column of hours
		hoursW  = 170.0
		hoursB  = hoursX + hoursW + colGap // bar start
		barW    = 150.0
		kronorX = hoursB + barW + 28.0
		kronorW = 220.0
		kronorB = kronorX + kronorW + colGap
	)
	kronorBarW := SlideW - marginX - kronorB
	rowH := lineH + 2*rowPad
	y := contentTop
	p.bgRect(marginX, y, contentW, rowH, ColHeaderFill)
	p.text(marginX, y+rowPad, labelW, loc.T("present.resources.col_quarter"), SizeBody, true, ColHeading, AlignLeft)
	p.text(hoursX, y+rowPad, hoursW, loc.T("present.resources.col_hours"), SizeBody, true, ColHeading, AlignRight)
	p.text(kronorX, y+rowPad, kronorW, loc.T("present.resources.col_kronor"), SizeBody, true, ColHeading, AlignRight)
	y += rowH
	var maxH, maxK, totH, totK int64
	for _, t := range q {
		maxH, maxK = max(maxH, t.Hours()), max(maxK, t.Kronor())
		totH += t.Hours()
		totK += t.Kronor()
	}
	bar := func(x, w float64, v, maxV int64, c Color) {
		if v <= 0 || maxV <= 0 {
			return
		}
		p.rect(x, y+9, max(4, w*float64(v)/float64(maxV)), rowH-18, c)
	}
	for i, t := range q {
		p.text(marginX, y+rowPad, labelW, loc.Quarter(i+1), SizeBody, false, ColText, AlignLeft)
		p.text(hoursX, y+rowPad, hoursW, loc.Tf("unit.hours", "N", loc.Number(t.Hours())), SizeBody, false, ColText, AlignRight)
		bar(hoursB, barW, t.Hours(), maxH, ColAccent)
		p.text(kronorX, y+rowPad, kronorW, loc.Kronor(t.Kronor()), SizeBody, false, ColText, AlignRight)
		bar(kronorB, kronorBarW, t.Kronor(), maxK, ColAccent2)
		y += rowH
		p.bgLine(marginX, y, marginX+contentW, y, 0.75, ColRuleLight)
	}
	p.line(marginX, y, marginX+contentW, y, 1.5, ColRule)
	p.text(marginX, y+rowPad, labelW, loc.T("present.total"), SizeBody, true, ColText, AlignLeft)
	p.text(hoursX, y+rowPad, hoursW, loc.Tf("unit.hours", "N", loc.Number(totH)), SizeBody, true, ColText, AlignRight)
	p.text(kronorX, y+rowPad, kronorW, loc.Kronor(totK), SizeBody, true, ColText, AlignRight)
	y += rowH + 8
	p.lines(marginX, y, contentW, wrap(loc.T("present.resources.note"), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
	return p
}

// ---- training ----

func (b *planBuilder) training() {
	loc := b.loc
	ts := inOrder(b.d.Trainings, func(t domain.Training) int { return t.Position })
	rows := make([]trainingRow, len(ts))
	for i, t := range ts {
		rows[i] = trainingRow{t: t}
	}
	b.section(b.layoutTable(trainingTable(loc, b.d.Plan.Year, rows, false)))
}

type trainingRow struct {
	board string
	t     domain.Training
}

func firstDate(t domain.Training) time.Time {
	var first time.Time
	for _, d := range t.Dates {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	return first
}

// trainingTable is the calendar of information and training, by first date; events without a
// date come last. With boards, a column names each event's board.
func trainingTable(loc *i18n.Localizer, year int, rows []trainingRow, boards bool) table {
	slices.SortStableFunc(rows, func(a, b trainingRow) int {
		fa, fb := firstDate(a.t), firstDate(b.t)
		switch {
		case fa.IsZero() && fb.IsZero():
			return 0
		case fa.IsZero():
			return 1
		case fb.IsZero():
			return -1
		}
		return fa.Compare(fb)
	})
	out := make([]tableRow, len(rows))
	for i, r := range rows {
		dates := slices.Clone(r.t.Dates)
		slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
		var ds []string
		for _, d := range dates {
			if !d.IsZero() {
				ds = append(ds, loc.Date(d))
			}
		}
		when := strings.Join(ds, "\n")
		if when == "" {
			when = loc.T("present.training.no_date")
		}
		format := ""
		if r.t.Format != "" {
			format = loc.T("format." + string(r.t.Format))
		}
		row := tableRow{cells: []cell{txt(when), {text: r.t.Title, bold: true, sub: format}}}
		if boards {
			row.cells = append(row.cells, txt(r.board))
		} else {
			row.cells = append(row.cells, txt(r.t.TargetGroup))
		}
		out[i] = row
	}
	last := column{title: loc.T("present.training.col_target"), w: 3.4, align: AlignLeft}
	if boards {
		last.title = loc.T("present.training.col_board")
	}
	cols := columns(
		column{title: loc.T("present.training.col_date"), w: 1.9, align: AlignLeft},
		column{title: loc.T("present.training.col_what"), w: 4.7, align: AlignLeft},
		last,
	)
	return table{
		kind:  KindTraining,
		title: loc.Tf("present.training.title", "Year", year),
		cols:  cols,
		rows:  out,
		empty: loc.T("present.training.empty"),
	}
}

// ---- last year's follow-up ----

// statusColors gives each follow-up status its bar colour; the bar's label names it too.
var statusColors = map[domain.ActivityStatus]Color{
	domain.ActivityDone:       ColDone,
	domain.ActivityInProgress: ColInProgress,
	domain.ActivityNotStarted: ColNotStarted,
	domain.ActivityPaused:     ColPaused,
	domain.ActivityDelayed:    ColDelayed,
	domain.ActivityDropped:    ColDropped,
}

// statusCounts counts activities per status on day, as domain.StatusOn decides.
func statusCounts(acts []domain.Activity, day time.Time) map[domain.ActivityStatus]int {
	out := map[domain.ActivityStatus]int{}
	for _, a := range acts {
		out[domain.StatusOn(a, day)]++
	}
	return out
}

// followUpBars draws the activities of the followed-up year per status; with onlyUsed, the
// statuses no activity has are left out (a plan's slide has room for four bars and its outcome).
func followUpBars(p *page, loc *i18n.Localizer, counts map[domain.ActivityStatus]int, y float64, onlyUsed bool) float64 {
	total := 0
	for _, n := range counts {
		total += n
	}
	var rows []barRow
	for _, s := range domain.ShownStatuses {
		n := counts[s]
		if onlyUsed && n == 0 {
			continue
		}
		pct := 0
		if total > 0 {
			pct = (200*n + total) / (2 * total) // rounded half up
		}
		rows = append(rows, barRow{
			label: loc.T("activity.status." + string(s)),
			value: int64(n),
			text:  loc.Tf("present.followup.count", "N", loc.Number(int64(n)), "Pct", pct),
			color: statusColors[s],
		})
	}
	return bars(p, marginX, y, contentW, rows)
}

func (b *planBuilder) followUp() {
	prev := b.d.Previous
	if prev == nil || len(prev.Activities) == 0 {
		return
	}
	loc := b.loc
	py := prev.Plan.Year
	acts := inOrder(prev.Activities, func(a domain.Activity) int { return a.Position })
	p := &page{kind: KindFollowUp, title: loc.Tf("present.followup.title", "Year", py)}
	if !overview.FollowedUp(*prev) {
		// Nothing recorded yet: say so, rather than show every activity as not started.
		p.lines(marginX, contentTop, contentW, wrap(loc.Tf("present.followup.not_yet", "Year", py), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
		b.sectionParts([]*page{p})
		return
	}
	y := p.lines(marginX, contentTop, contentW, wrap(loc.Tf("present.followup.intro", "Count", len(acts), "Year", py), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
	y = followUpBars(p, loc, statusCounts(acts, b.now), y+4, true)
	var planned, actual, plannedK, actualK int64
	for _, a := range acts {
		planned += a.TotalHours()
		actual += a.ActualHours
		plannedK += a.TotalKronor()
		actualK += a.ActualKronor
	}
	outcome := loc.Tf("present.followup.outcome", "Actual", loc.Number(actual), "Planned", loc.Number(planned), "ActualKronor", loc.Kronor(actualK), "PlannedKronor", loc.Kronor(plannedK))
	p.lines(marginX, y+10, contentW, wrap(outcome, SizeBody, false, contentW), SizeBody, false, ColText, AlignLeft)
	pages := []*page{p}

	// What was not finished: the board decides whether it carries over.
	var rows []tableRow
	for _, a := range acts {
		st := domain.StatusOn(a, b.now)
		if st == domain.ActivityDone || st == domain.ActivityDropped {
			continue
		}
		rows = append(rows, tableRow{cells: []cell{txt(a.Title), {text: loc.T("activity.status." + string(st)), color: statusColors[st], bold: true}, txt(loc.Tf("present.percent", "N", a.PercentDone))}})
	}
	if len(rows) > 0 {
		pages = append(pages, b.layoutTable(table{
			kind:  KindFollowUp,
			title: loc.Tf("present.followup.unfinished", "Year", py),
			cols:  columns(column{title: loc.T("present.followup.col_activity"), w: 5.6, align: AlignLeft}, column{title: loc.T("present.followup.col_status"), w: 2.4, align: AlignLeft}, column{title: loc.T("present.followup.col_done"), w: 1.3, align: AlignRight}),
			rows:  rows,
		})...)
	}

	var checks []tableRow
	for i, c := range domain.Checks(*prev) {
		// Red where the review warns (answered no, or not at all); an unanswered check the
		// review does not warn of is left out.
		marked := b.marks.has("plan", prev.Plan.ID, true, domain.CheckField(i))
		if c.Result == domain.CheckUnanswered && !marked {
			continue
		}
		answer := cell{text: loc.T("check.result." + string(c.Result)), bold: true, color: ColDone}
		switch {
		case marked:
			answer.color = b.marks.red(answer.text)
		case c.Result == domain.CheckPartly:
			answer.color = ColNotStarted
		}
		checks = append(checks, tableRow{cells: []cell{txt(loc.T("check." + strconv.Itoa(i))), answer, txt(c.Text)}})
	}
	if len(checks) > 0 {
		pages = append(pages, b.layoutTable(table{
			kind:  KindFollowUp,
			title: loc.Tf("present.followup.checks", "Year", py),
			cols:  columns(column{title: loc.T("present.followup.col_check"), w: 3.2, align: AlignLeft}, column{title: loc.T("present.followup.col_answer"), w: 2.0, align: AlignLeft}, column{title: loc.T("present.followup.col_comment"), w: 4.1, align: AlignLeft}),
			rows:  checks,
		})...)
	}
	b.sectionParts(pages)
}

// sectionParts adds pages that belong to one section but are separate tables: each table
// numbers its own continuation slides.
func (b *builder) sectionParts(pages []*page) {
	i := 0
	for i < len(pages) {
		j := i + 1
		for j < len(pages) && pages[j].title == pages[i].title {
			j++
		}
		b.section(pages[i:j])
		i = j
	}
}

// ---- register ----

func levelName(loc *i18n.Localizer, prof domain.Profile, level int) string {
	if level < 0 {
		return loc.T("present.register.unclassified")
	}
	for _, l := range prof.Scale {
		if l.Level == level {
			return strconv.Itoa(level) + " " + l.Name
		}
	}
	return strconv.Itoa(level)
}

// registerPage shows the systems by highest classification and what they lack, as the
// overview counts them (overview.CountRegister), so a board's slide and the kommun's agree.
func registerPage(loc *i18n.Localizer, prof domain.Profile, st overview.RegisterRow, marks *slideMarks) *page {
	p := &page{kind: KindRegister, title: loc.T("present.register.title")}
	const chartW = 520.0
	y := p.lines(marginX, contentTop, chartW, wrap(loc.T("present.register.by_level"), SizeBody, true, chartW), SizeBody, true, ColHeading, AlignLeft)
	levels := []int{}
	for _, l := range prof.Scale {
		levels = append(levels, l.Level)
	}
	slices.SortFunc(levels, func(a, b int) int { return cmp.Compare(b, a) })
	for l := range st.ByLevel {
		if l >= 0 && !slices.Contains(levels, l) {
			levels = append(levels, l)
		}
	}
	levels = append(levels, -1)
	var rows []barRow
	for _, l := range levels {
		rows = append(rows, barRow{label: levelName(loc, prof, l), value: int64(st.ByLevel[l]), text: loc.Number(int64(st.ByLevel[l])), color: ColAccent})
	}
	bars(p, marginX, y, chartW, rows)

	// What the systems lack, under the heading of the systems it is counted for: a risk
	// analysis and a deepened plan are asked of level 3–4 (domain.ValidateSystem), the base
	// level of every system.
	facts := []struct {
		head  string
		n     int
		label string
	}{
		{loc.Tf("present.register.critical", "N", loc.Number(int64(st.Critical))), st.NoRiskAnalysis, loc.T("present.register.no_risk")},
		{"", st.NoDeepenedPlan, loc.T("present.register.no_deepened")},
		{loc.Tf("present.register.all", "N", loc.Number(int64(st.Systems))), st.BelowBaseline, loc.T("present.register.below_base")},
	}
	fx := marginX + chartW + 36
	fw := SlideW - marginX - fx
	fy := contentTop
	for _, f := range facts {
		if f.head != "" {
			if fy > contentTop {
				fy += 6
			}
			fy = p.lines(fx-16, fy, fw+16, wrap(f.head, SizeBody, true, fw+16), SizeBody, true, ColHeading, AlignLeft) + 2
		}
		c := ColHeading
		if f.n > 0 {
			c = ColWarn
			if marks != nil {
				marks.red(loc.Number(int64(f.n)))
			}
		}
		top := fy
		fy = p.lines(fx, fy, fw, []string{loc.Number(int64(f.n))}, SizeBigMin, true, c, AlignLeft) - 4
		fy = p.lines(fx, fy, fw, wrap(f.label, SizeBody, false, fw), SizeBody, false, ColText, AlignLeft)
		p.bgRect(fx-16, top+6, 5, fy-top-8, c)
		fy += 8
	}
	return p
}

func (b *planBuilder) register() {
	if len(b.d.Systems) == 0 {
		if ps := b.checklistPages(); len(ps) > 0 {
			b.sectionParts(ps)
		}
		return
	}
	loc := b.loc
	// The counts are the overview's (one rule for a board and the kommun); their red is the
	// review's warnings on the same systems, marked shown.
	for _, s := range b.d.Systems {
		b.marks.has("system", s.ID, false, "risk_analysis_at", "security_plan", "baseline_met")
	}
	pages := []*page{registerPage(loc, b.prof, overview.CountRegister(b.d), b.marks)}
	var missing []domain.System
	for _, s := range overview.PlanSystems(b.d) {
		if overview.NoRiskAnalysis(s) {
			missing = append(missing, s.System)
		}
	}
	slices.SortStableFunc(missing, func(x, y domain.System) int {
		if c := cmp.Compare(y.MaxLevel(), x.MaxLevel()); c != 0 {
			return c
		}
		return loc.Compare(x.Name, y.Name)
	})
	var rows []tableRow
	for _, s := range missing {
		rows = append(rows, tableRow{cells: []cell{{text: s.Name, bold: true}, txt(levelName(loc, b.prof, s.MaxLevel())), txt(s.Owner)}})
	}
	if len(rows) > 0 {
		pages = append(pages, b.layoutTable(table{
			kind:  KindRegister,
			title: loc.T("present.register.missing_title"),
			cols:  columns(column{title: loc.T("present.register.col_system"), w: 3.6, align: AlignLeft}, column{title: loc.T("present.register.col_level"), w: 3.2, align: AlignLeft}, column{title: loc.T("present.register.col_owner"), w: 3.2, align: AlignLeft}),
			rows:  rows,
		})...)
	}
	pages = append(pages, b.checklistPages()...)
	b.sectionParts(pages)
}

// bottom is the lowest edge of what is drawn on p.
func bottom(p *page) float64 {
	y := 0.0
	for _, it := range p.fg {
		y = max(y, it.Y+it.H)
	}
	return y
}

// ---- decisions ----

func (b *planBuilder) decisions() {
	loc := b.loc
	p := b.d.Plan
	var hours, kronor int64
	for _, a := range b.acts {
		hours += a.TotalHours()
		kronor += a.TotalKronor()
	}
	points := []string{loc.Tf("present.decisions.adopt", "Year", p.Year)}
	if hours > 0 || kronor > 0 {
		points = append(points, loc.Tf("present.decisions.resources", "Hours", loc.Number(hours), "FTE", loc.FTE(hours, b.prof.HoursPerFTE), "Kronor", loc.Kronor(kronor)))
	}
	if b.d.Previous != nil && len(b.d.Previous.Activities) > 0 {
		points = append(points, loc.Tf("present.decisions.followup", "Year", b.d.Previous.Plan.Year))
	}
	if cps := inOrder(b.d.Checkpoints, func(c domain.Checkpoint) int { return c.Position }); len(cps) > 0 {
		var when []string
		for _, c := range cps {
			if !c.Date.IsZero() {
				when = append(when, loc.Date(c.Date))
			}
		}
		if len(when) > 0 {
			points = append(points, loc.Tf("present.decisions.report", "Dates", strings.Join(when, ", ")))
		}
	}
	b.section(decisionPages(loc, loc.Tf("present.decisions.intro", "Board", p.Board), points, decisionText(loc, p)))
}

// decisionPages lists the proposed decisions as numbered "att"-clauses, the Swedish protocol
// form, continuing on further slides if there are many.
func decisionPages(loc *i18n.Localizer, intro string, points []string, meeting string) []*page {
	rows := make([]tableRow, len(points))
	for i, pt := range points {
		rows[i] = tableRow{cells: []cell{{text: strconv.Itoa(i+1) + ".", bold: true}, txt(pt)}}
	}
	pages := (&builder{loc: loc}).layoutTable(table{
		kind:  KindDecisions,
		title: loc.T("present.decisions.title"),
		intro: intro,
		cols:  []column{{w: 40, align: AlignRight}, {w: contentW - 40 - colGap}},
		rows:  rows,
		header: func(p *page, y float64) float64 {
			return 4
		},
		plain: true,
	})
	if meeting != "" {
		last := pages[len(pages)-1]
		if bottom(last) > contentBottom-lineH-8 {
			last = &page{kind: KindDecisions, title: last.title}
			pages = append(pages, last)
		}
		last.text(marginX, contentBottom-lineH, contentW, meeting, SizeBody, true, ColHeading, AlignLeft)
	}
	return pages
}
