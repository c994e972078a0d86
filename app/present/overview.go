package present

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// Overview is the coordinator's municipal overview of one year, as presentation mode needs it:
// one summary per board plus the boards' training events. The overview use case (or
// OverviewFromPlans) fills it.
type Overview struct {
	Year      int
	Boards    []BoardSummary
	Trainings []BoardTraining
	// Missing names the boards that have no plan for the year.
	Missing []string
}

// BoardSummary is one board's plan of the year in figures.
type BoardSummary struct {
	Name     string
	Version  int
	Status   domain.PlanStatus
	Received bool // rebuilt from an imported submission, not the board's own working copy

	Activities    int
	HighPriority  int
	Hours         int64 // internal + external
	ExternalHours int64
	Kronor        int64 // operating cost + investment
	Investment    int64
	Quarters      [4]domain.Resources // resources spread over the quarters of the year (domain.SumResources)
	Active        [4]int              // activities under way in each quarter
	GoalCounts    map[int]int         // goal number → activities linked to it

	FollowUpYear int                           // the year followed up, 0 without one
	FollowUp     map[domain.ActivityStatus]int // last year's activities by status

	Systems        int
	Levels         map[int]int // systems by highest classification, -1 for unclassified
	NoRiskAnalysis int
	NoSecurityPlan int
	BelowBaseline  int
}

// BoardTraining is a training event with its board.
type BoardTraining struct {
	Board    string
	Training domain.Training
}

// Summarize reduces one board's plan to its figures.
func Summarize(d domain.PlanData) BoardSummary {
	p := d.Plan
	s := BoardSummary{
		Name: p.Board, Version: p.Version, Status: p.Status, Received: p.SubmissionID != 0,
		Activities: len(d.Activities), GoalCounts: map[int]int{},
	}
	for _, a := range d.Activities {
		s.Hours += a.TotalHours()
		s.ExternalHours += a.ExternalHours
		s.Kronor += a.TotalKronor()
		s.Investment += a.Investment
		if a.Priority == domain.PriorityHigh {
			s.HighPriority++
		}
		seen := map[int]bool{}
		for _, g := range a.Goals {
			if !seen[g] {
				s.GoalCounts[g]++
				seen[g] = true
			}
		}
		for q := range 4 {
			if activeIn(a, p.Year, q) {
				s.Active[q]++
			}
		}
	}
	s.Quarters = domain.SumResources(d.Activities, p.Year).Quarters
	if d.Previous != nil && len(d.Previous.Activities) > 0 {
		s.FollowUpYear = d.Previous.Plan.Year
		s.FollowUp = statusCounts(d.Previous.Activities)
	}
	st := statsOf(d.Systems)
	s.Systems, s.Levels = st.total, st.levels
	s.NoRiskAnalysis, s.NoSecurityPlan, s.BelowBaseline = st.noRisk, st.noPlan, st.belowBase
	return s
}

// activeIn reports whether a dated activity runs during quarter q (0-based) of year.
func activeIn(a domain.Activity, year, q int) bool {
	if a.Start.IsZero() || a.End.IsZero() {
		return false
	}
	qs := date(year, time.Month(3*q+1), 1)
	qe := date(year, time.Month(3*q+4), 1)
	return dayOf(a.Start).Before(qe) && !dayOf(a.End).Before(qs)
}

// OverviewFromPlans builds the overview of year from the boards' plans, one per board: a
// received submission is preferred over the board's own working copy, and the highest version
// wins. Plans of other years are ignored. boards lists every board, so those without a plan are
// named as missing.
func OverviewFromPlans(year int, plans []domain.PlanData, boards []string) Overview {
	best := map[string]domain.PlanData{}
	better := func(a, b domain.Plan) bool { // is a better than b?
		if (a.SubmissionID != 0) != (b.SubmissionID != 0) {
			return a.SubmissionID != 0
		}
		return a.Version > b.Version
	}
	for _, d := range plans {
		if d.Plan.Year != year {
			continue
		}
		if cur, ok := best[d.Plan.Board]; !ok || better(d.Plan, cur.Plan) {
			best[d.Plan.Board] = d
		}
	}
	o := Overview{Year: year}
	for _, d := range best {
		o.Boards = append(o.Boards, Summarize(d))
		for _, t := range d.Trainings {
			t.Dates = slices.Clone(t.Dates)
			o.Trainings = append(o.Trainings, BoardTraining{Board: d.Plan.Board, Training: t})
		}
	}
	slices.SortFunc(o.Boards, func(a, b BoardSummary) int { return strings.Compare(a.Name, b.Name) })
	slices.SortStableFunc(o.Trainings, func(a, b BoardTraining) int {
		if c := strings.Compare(a.Board, b.Board); c != 0 {
			return c
		}
		return a.Training.Position - b.Training.Position
	})
	for _, name := range boards {
		if _, ok := best[name]; !ok && !slices.Contains(o.Missing, name) {
			o.Missing = append(o.Missing, name)
		}
	}
	return o
}

// FromOverview lays out the slides of the municipal overview for a meeting of kommunstyrelsen.
// The deck copies what it shows, so o may change afterwards.
func FromOverview(o Overview, prof domain.Profile, loc *i18n.Localizer, now time.Time) *Deck {
	o = o.Clone()
	slices.SortStableFunc(o.Boards, func(a, b BoardSummary) int { return loc.Compare(a.Name, b.Name) })
	loc.Sort(o.Missing)
	ob := &overviewBuilder{builder: builder{loc: loc}, o: o, prof: prof, now: now}
	ob.build()
	return &Deck{
		Title:   loc.Tf("present.deck.overview", "Kommun", prof.Kommun, "Year", o.Year),
		Author:  prof.Kommun,
		Source:  loc.Tf("present.footer.overview", "Kommun", prof.Kommun, "Year", o.Year, "Count", len(o.Boards)),
		Lang:    loc.Lang(),
		Made:    now,
		Slides:  ob.slides,
		counter: counterFunc(loc),
	}
}

type overviewBuilder struct {
	builder
	o    Overview
	prof domain.Profile
	now  time.Time
}

// overviewSteps lay out the overview's sections in deck order.
var overviewSteps = []struct {
	kind  Kind
	build func(*overviewBuilder)
}{
	{KindTitle, (*overviewBuilder).titleSlide},
	{KindSummary, (*overviewBuilder).summary},
	{KindBoards, (*overviewBuilder).boards},
	{KindGoals, (*overviewBuilder).goals},
	{KindTimeline, (*overviewBuilder).timeline},
	{KindResources, (*overviewBuilder).resources},
	{KindTraining, (*overviewBuilder).training},
	{KindFollowUp, (*overviewBuilder).followUp},
	{KindRegister, (*overviewBuilder).register},
	{KindDecisions, (*overviewBuilder).decisions},
}

func (b *overviewBuilder) build() {
	for _, s := range overviewSteps {
		s.build(b)
	}
}

func (b *overviewBuilder) totals() (acts, high int, hours, external, kronor, invest int64) {
	for _, s := range b.o.Boards {
		acts += s.Activities
		high += s.HighPriority
		hours += s.Hours
		external += s.ExternalHours
		kronor += s.Kronor
		invest += s.Investment
	}
	return
}

func (b *overviewBuilder) titleSlide() {
	loc := b.loc
	lines := []string{loc.Tf("present.overview.boards_count", "Count", len(b.o.Boards))}
	if n := len(b.o.Missing); n > 0 {
		lines = append(lines, loc.Tf("present.overview.missing_count", "Count", n))
	}
	b.slides = append(b.slides, titleSlide(b.prof.Kommun, loc.Tf("present.title.overview", "Year", b.o.Year), loc.T("present.overview.subtitle"), lines, loc.Tf("present.title.shown", "Date", loc.Date(b.now))))
}

func (b *overviewBuilder) summary() {
	loc := b.loc
	acts, _, hours, external, kronor, invest := b.totals()
	ts := summaryTiles(loc, b.prof, acts, hours, external, kronor, invest)
	ts[0].note = loc.Tf("present.overview.in_boards", "Count", len(b.o.Boards))
	p := &page{kind: KindSummary, title: loc.Tf("present.overview.summary_title", "Year", b.o.Year)}
	tiles(p, ts)
	b.section([]*page{p})
}

func (b *overviewBuilder) boards() {
	loc := b.loc
	var rows []tableRow
	var versions, acts, hours, kronor []string
	received := 0
	for _, s := range b.o.Boards {
		if s.Received {
			received++
		}
	}
	// Own working copies are marked only among received plans; the intro line counts them.
	mixed := received > 0 && received < len(b.o.Boards)
	for _, s := range b.o.Boards {
		v := strconv.Itoa(s.Version)
		if mixed && !s.Received {
			v = loc.Tf("present.boards.own", "Version", s.Version)
		}
		r := tableRow{cells: []cell{txt(s.Name), txt(v), txt(loc.Number(int64(s.Activities))), txt(loc.Number(s.Hours)), txt(loc.Number(s.Kronor))}}
		rows = append(rows, r)
		versions = append(versions, v)
	}
	for _, name := range b.o.Missing {
		rows = append(rows, tableRow{cells: []cell{txt(name), {text: loc.T("present.boards.missing"), bold: true, color: ColWarn}}, fill: ColWarnFill})
		versions = append(versions, loc.T("present.boards.missing"))
	}
	ta, _, th, _, tk, _ := b.totals()
	total := tableRow{cells: []cell{{text: loc.T("present.total"), bold: true}, {}, {text: loc.Number(int64(ta)), bold: true}, {text: loc.Number(th), bold: true}, {text: loc.Number(tk), bold: true}}, fill: ColShade}
	rows = append(rows, total)
	for _, r := range rows {
		if len(r.cells) == 5 {
			acts = append(acts, r.cells[2].text)
			hours = append(hours, r.cells[3].text)
			kronor = append(kronor, r.cells[4].text)
		}
	}
	b.section(b.layoutTable(table{
		kind:  KindBoards,
		title: loc.Tf("present.boards.title", "Year", b.o.Year),
		intro: loc.Tf("present.boards.intro", "Received", received, "Own", len(b.o.Boards)-received, "Missing", len(b.o.Missing)),
		cols: fillFirst(column{title: loc.T("present.boards.col_board")},
			numCol(loc.T("present.boards.col_version"), AlignLeft, versions...),
			numCol(loc.T("present.boards.col_activities"), AlignRight, acts...),
			numCol(loc.T("present.boards.col_hours"), AlignRight, hours...),
			numCol(loc.T("present.boards.col_kronor"), AlignRight, kronor...),
		),
		rows: rows,
	}))
}

func (b *overviewBuilder) goals() {
	loc := b.loc
	covered := 0
	var rows []tableRow
	for _, g := range b.prof.Goals {
		acts, boards := 0, 0
		for _, s := range b.o.Boards {
			if n := s.GoalCounts[g.Number]; n > 0 {
				acts += n
				boards++
			}
		}
		r := tableRow{cells: []cell{{text: strconv.Itoa(g.Number), bold: true}, txt(sentenceCase(g.Text)), txt(loc.Number(int64(acts))), txt(loc.Number(int64(boards)))}}
		if acts == 0 {
			r.cells[2] = cell{text: loc.T("present.goals.none"), bold: true, color: ColWarn}
			r.cells[3] = txt("")
			r.fill = ColWarnFill
		} else {
			covered++
		}
		rows = append(rows, r)
	}
	b.section(b.layoutTable(table{
		kind:  KindGoals,
		title: loc.T("present.goals.title"),
		intro: loc.Tf("present.goals.intro", "Covered", covered, "Count", len(b.prof.Goals)),
		cols:  goalColumns(loc, numCol(loc.T("present.goals.col_activities"), AlignRight, loc.T("present.goals.none")), numCol(loc.T("present.goals.col_boards"), AlignRight)),
		rows:  rows,
		empty: loc.T("present.goals.empty"),
	}))
}

// heat gives a quarter cell's fill and text colour by how busy it is relative to the busiest;
// the number is always printed.
func heat(n, most int) (fill, text Color) {
	switch {
	case n == 0 || most == 0:
		return ColBackground, ColMuted
	case 3*n <= most:
		return 0xd6e4f5, ColText
	case 3*n <= 2*most:
		return 0x9dbfe6, ColText
	}
	return ColAccent, ColBackground
}

func (b *overviewBuilder) timeline() {
	names := make([]string, len(b.o.Boards))
	counts := make([][4]int, len(b.o.Boards))
	for i, s := range b.o.Boards {
		names[i], counts[i] = s.Name, s.Active
	}
	b.section(b.quarterTable(KindTimeline, b.loc.Tf("present.timeline.title", "Year", b.o.Year), b.loc.T("present.timeline.overview_intro"), names, counts, true))
}

// quarterTable is a table of boards by quarter whose cells hold numbers, shaded by size. With
// today, today's line runs behind the cells (so it never strikes a number through) and the
// heading says the date.
func (b *overviewBuilder) quarterTable(kind Kind, title, intro string, names []string, counts [][4]int, today bool) []*page {
	loc := b.loc
	year := b.o.Year
	sc := newYearScale(year, marginX+labelColW+colGap, SlideW-marginX)
	most := 0
	rows := make([]tableRow, len(names))
	for i, n := range names {
		rows[i] = tableRow{cells: []cell{txt(n)}}
		for _, c := range counts[i] {
			most = max(most, c)
		}
	}
	pages := b.layoutTable(table{
		kind:  kind,
		title: title,
		intro: intro,
		cols:  []column{{w: labelColW}, {w: sc.x1 - sc.x0}},
		rows:  rows,
		empty: loc.T("present.overview.empty"),
		header: func(p *page, y float64) float64 {
			return quarterHeader(p, loc, sc, loc.T("present.boards.col_board"), labelColW, y, rowPad)
		},
		pageBG: func(p *page, top, bottom float64) {
			now := b.now
			if !today {
				now = time.Time{} // no line
			}
			quarterGrid(p, sc, now, top, bottom, true)
		},
		rowExtra: func(p *page, i int, y, h float64) {
			for q, n := range counts[i] {
				x0, x1 := sc.quarterX(q), sc.quarterX(q+1)
				fill, col := heat(n, most)
				p.rect(x0+4, y+4, x1-x0-8, h-8, fill)
				p.text(x0, y+rowPad, x1-x0, loc.Number(int64(n)), SizeBody, true, col, AlignCenter)
			}
		},
	})
	if today {
		for _, p := range pages {
			todayLegend(p, loc, b.now, year)
		}
	}
	return pages
}

func (b *overviewBuilder) resources() {
	var q [4]domain.Resources
	for _, s := range b.o.Boards {
		for i, t := range s.Quarters {
			q[i].Add(t)
		}
	}
	b.section([]*page{resourcesPage(b.loc, b.o.Year, q)})
}

// training shows the boards' information and training by format, then by board and quarter:
// the events themselves are in each board's own presentation.
func (b *overviewBuilder) training() {
	loc := b.loc
	byFormat := map[domain.TrainingFormat]int{}
	counts := map[string]*[4]int{}
	occasions, participants := 0, 0
	for _, t := range b.o.Trainings {
		c := counts[t.Board]
		if c == nil {
			c = &[4]int{}
			counts[t.Board] = c
		}
		participants += t.Training.ExpectedParticipants
		for _, d := range t.Training.Dates {
			if d.IsZero() || dayOf(d).Year() != b.o.Year {
				continue
			}
			occasions++
			byFormat[t.Training.Format]++
			c[(int(dayOf(d).Month())-1)/3]++
		}
	}
	p := &page{kind: KindTraining, title: loc.Tf("present.training.title", "Year", b.o.Year)}
	y := p.lines(marginX, contentTop, contentW, wrap(loc.Tf("present.training.overview_intro", "Count", occasions, "Participants", loc.Number(int64(participants))), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
	var rows []barRow
	for _, f := range domain.TrainingFormats {
		rows = append(rows, barRow{label: loc.T("format." + string(f)), value: int64(byFormat[f]), text: loc.Number(int64(byFormat[f])), color: ColAccent2})
	}
	bars(p, marginX, y+4, contentW, rows)
	pages := []*page{p}

	names := make([]string, len(b.o.Boards))
	byBoard := make([][4]int, len(b.o.Boards))
	for i, s := range b.o.Boards {
		names[i] = s.Name
		if c := counts[s.Name]; c != nil {
			byBoard[i] = *c
		}
	}
	pages = append(pages, b.quarterTable(KindTraining, loc.Tf("present.training.by_board", "Year", b.o.Year), loc.T("present.training.by_board_intro"), names, byBoard, false)...)
	b.sectionParts(pages)
}

func (b *overviewBuilder) followUp() {
	loc := b.loc
	total := map[domain.ActivityStatus]int{}
	var rows []tableRow
	year := 0
	for _, s := range b.o.Boards {
		if s.FollowUpYear == 0 {
			continue
		}
		year = max(year, s.FollowUpYear)
		r := tableRow{cells: []cell{txt(s.Name)}}
		for _, st := range domain.ActivityStatuses {
			total[st] += s.FollowUp[st]
			r.cells = append(r.cells, txt(loc.Number(int64(s.FollowUp[st]))))
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return
	}
	n := 0
	for _, v := range total {
		n += v
	}
	p := &page{kind: KindFollowUp, title: loc.Tf("present.followup.title", "Year", year)}
	y := p.lines(marginX, contentTop, contentW, wrap(loc.Tf("present.followup.overview_intro", "Count", n, "Year", year), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
	followUpBars(p, loc, total, y+4)
	var cols []column
	for i, st := range domain.ActivityStatuses {
		var vals []string
		for _, r := range rows {
			vals = append(vals, r.cells[i+1].text)
		}
		cols = append(cols, numCol(loc.T("activity.status."+string(st)), AlignRight, vals...))
	}
	pages := []*page{p}
	pages = append(pages, b.layoutTable(table{
		kind:  KindFollowUp,
		title: loc.Tf("present.followup.by_board", "Year", year),
		cols:  fillFirst(column{title: loc.T("present.boards.col_board")}, cols...),
		rows:  rows,
	})...)
	b.sectionParts(pages)
}

func (b *overviewBuilder) register() {
	loc := b.loc
	st := registerStats{levels: map[int]int{}}
	var rows []tableRow
	for _, s := range b.o.Boards {
		if s.Systems == 0 {
			continue
		}
		st.total += s.Systems
		st.noRisk += s.NoRiskAnalysis
		st.noPlan += s.NoSecurityPlan
		st.belowBase += s.BelowBaseline
		for l, n := range s.Levels {
			st.levels[l] += n
		}
		risk := cell{text: loc.Number(int64(s.NoRiskAnalysis))}
		if s.NoRiskAnalysis > 0 {
			risk.bold, risk.color = true, ColWarn
		}
		rows = append(rows, tableRow{cells: []cell{txt(s.Name), txt(loc.Number(int64(s.Systems))), risk, txt(loc.Number(int64(s.BelowBaseline)))}})
	}
	if st.total == 0 {
		return
	}
	pages := []*page{registerPage(loc, b.prof, st)}
	pages = append(pages, b.layoutTable(table{
		kind:  KindRegister,
		title: loc.T("present.register.by_board"),
		cols: fillFirst(column{title: loc.T("present.boards.col_board")},
			numCol(loc.T("present.register.col_systems"), AlignRight, "000"),
			numCol(loc.T("present.register.col_no_risk"), AlignRight, "000"),
			numCol(loc.T("present.register.col_below_base"), AlignRight, "000"),
		),
		rows: rows,
	})...)
	b.sectionParts(pages)
}

func (b *overviewBuilder) decisions() {
	loc := b.loc
	_, _, hours, _, kronor, _ := b.totals()
	points := []string{loc.Tf("present.decisions.overview_file", "Year", b.o.Year)}
	if hours > 0 || kronor > 0 {
		points = append(points, loc.Tf("present.decisions.overview_resources", "Hours", loc.Number(hours), "FTE", loc.FTE(hours, b.prof.HoursPerFTE), "Kronor", loc.Kronor(kronor)))
	}
	if len(b.o.Missing) > 0 {
		points = append(points, loc.Tf("present.decisions.overview_missing", "Boards", strings.Join(b.o.Missing, ", "), "Count", len(b.o.Missing)))
	}
	b.section(decisionPages(loc, loc.T("present.decisions.overview_intro"), points, ""))
}
