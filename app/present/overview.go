package present

import (
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/domain"
)

// FromOverview lays out the slides of the municipal overview for a meeting of kommunstyrelsen,
// in the overview's language. Every figure on them is one the overview computed (app/overview
// is the only code that counts across boards), so the slides say what the report, the
// workbook and the overview on screen say. now is when the presentation starts. The deck
// copies what it shows, so o may change afterwards.
func FromOverview(o *overview.Overview, now time.Time) *Deck {
	loc := o.Loc()
	ob := &overviewBuilder{builder: builder{loc: loc}, o: o, prof: o.Profile, now: now}
	ob.build()
	return &Deck{
		Title:   loc.Tf("present.deck.overview", "Kommun", o.Profile.Kommun, "Year", o.Year),
		Author:  o.Profile.Kommun,
		Source:  loc.Tf("present.footer.overview", "Kommun", o.Profile.Kommun, "Year", o.Year, "Count", len(o.Plans)),
		Lang:    loc.Lang(),
		Made:    now,
		Slides:  ob.slides,
		counter: counterFunc(loc),
	}
}

type overviewBuilder struct {
	builder
	o    *overview.Overview
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
	{KindLatest, (*overviewBuilder).latest},
	{KindAreas, (*overviewBuilder).areas},
	{KindRegister, (*overviewBuilder).register},
	{KindDecisions, (*overviewBuilder).decisions},
}

func (b *overviewBuilder) build() {
	for _, s := range overviewSteps {
		s.build(b)
	}
}

func (b *overviewBuilder) titleSlide() {
	loc := b.loc
	// One line: the title slide has room for one under a title that wraps, and the boards
	// missing must not be the line that falls off.
	lines := []string{loc.Tf("present.overview.boards_count", "Count", len(b.o.Plans), "Total", len(b.o.Boards))}
	b.slides = append(b.slides, titleSlide(b.prof.Kommun, loc.Tf("present.title.overview", "Year", b.o.Year), loc.T("present.overview.subtitle"), lines, loc.Tf("present.title.shown", "Date", loc.Date(b.now))))
}

func (b *overviewBuilder) summary() {
	loc := b.loc
	t := b.o.Resources.Total
	ts := summaryTiles(loc, b.prof, t.Activities, t.Year.Hours(), t.Year.ExternalHours, t.Year.Kronor(), t.Year.Investment)
	ts[0].note = loc.Tf("present.overview.in_boards", "Count", len(b.o.Plans))
	p := &page{kind: KindSummary, title: loc.Tf("present.overview.summary_title", "Year", b.o.Year)}
	tiles(p, ts)
	b.section([]*page{p})
}

func (b *overviewBuilder) boards() {
	loc := b.loc
	var rows []tableRow
	var versions, acts, hours, kronor []string
	add := func(r tableRow) {
		rows = append(rows, r)
		if len(r.cells) == 5 {
			versions = append(versions, r.cells[1].text)
			acts = append(acts, r.cells[2].text)
			hours = append(hours, r.cells[3].text)
			kronor = append(kronor, r.cells[4].text)
		}
	}
	for _, s := range b.o.Submissions {
		if !s.Received {
			continue
		}
		res, _ := b.o.Resources.RowOf(s.Board)
		v := cell{text: strconv.Itoa(s.Current.Version)}
		if !s.Current.Trusted {
			v = cell{text: loc.Tf("present.boards.untrusted", "Version", s.Current.Version), bold: true, color: ColWarn}
		}
		add(tableRow{cells: []cell{txt(s.Board), v, txt(loc.Number(int64(res.Activities))), txt(loc.Number(res.Year.Hours())), txt(loc.Number(res.Year.Kronor()))}})
	}
	missing := b.o.Missing()
	for _, name := range missing {
		add(tableRow{cells: []cell{txt(name), {text: loc.Tf("present.boards.missing", "Year", b.o.Year), bold: true, color: ColWarn}}, fill: ColWarnFill, spanLast: true})
	}
	t := b.o.Resources.Total
	add(tableRow{cells: []cell{{text: loc.T("present.total"), bold: true}, {}, {text: loc.Number(int64(t.Activities)), bold: true},
		{text: loc.Number(t.Year.Hours()), bold: true}, {text: loc.Number(t.Year.Kronor()), bold: true}}, fill: ColShade})
	b.section(b.layoutTable(table{
		kind:  KindBoards,
		title: loc.Tf("present.boards.title", "Year", b.o.Year),
		intro: loc.Tf("present.boards.intro", "Received", len(b.o.Plans), "Missing", len(missing)),
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
	m := b.o.Goals
	var rows []tableRow
	for gi, g := range m.Goals {
		acts, boards := m.Totals[gi], m.BoardsWith[gi]
		r := tableRow{cells: []cell{{text: strconv.Itoa(g.Number), bold: true}, txt(sentenceCase(g.Text)), txt(loc.Number(int64(acts))), txt(loc.Number(int64(boards)))}}
		if acts == 0 {
			r.cells[2] = cell{text: loc.T("present.goals.none"), bold: true, color: ColWarn}
			r.cells[3] = txt("")
			r.fill = ColWarnFill
		}
		rows = append(rows, r)
	}
	b.section(b.layoutTable(table{
		kind:  KindGoals,
		title: loc.T("present.goals.title"),
		intro: loc.Tf("present.goals.intro", "Covered", m.Covered(), "Count", len(m.Goals)),
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
	names := make([]string, len(b.o.Running))
	counts := make([][4]int, len(b.o.Running))
	for i, r := range b.o.Running {
		names[i], counts[i] = r.Board, r.Quarters
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
	b.section([]*page{resourcesPage(b.loc, b.o.Year, b.o.Resources.Total.Quarters)})
}

// training shows the boards' information and training by format, then by board and quarter:
// the events themselves are in each board's own presentation.
func (b *overviewBuilder) training() {
	loc := b.loc
	c := b.o.Calendar
	p := &page{kind: KindTraining, title: loc.Tf("present.training.title", "Year", b.o.Year)}
	y := p.lines(marginX, contentTop, contentW, wrap(loc.Tf("present.training.overview_intro", "Count", len(c.Events), "Participants", loc.Number(int64(c.Expected))), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
	var rows []barRow
	for _, f := range domain.TrainingFormats {
		rows = append(rows, barRow{label: loc.T("format." + string(f)), value: int64(c.ByFormat[f]), text: loc.Number(int64(c.ByFormat[f])), color: ColAccent2})
	}
	bars(p, marginX, y+4, contentW, rows)
	pages := []*page{p}

	names := make([]string, len(c.ByBoard))
	byBoard := make([][4]int, len(c.ByBoard))
	outside := 0
	for i, r := range c.ByBoard {
		names[i], byBoard[i] = r.Board, r.Quarters
		outside += r.Outside
	}
	intro := loc.T("present.training.by_board_intro")
	if outside > 0 {
		intro += " " + loc.Tf("present.training.outside", "Count", outside, "Year", b.o.Year)
	}
	pages = append(pages, b.quarterTable(KindTraining, loc.Tf("present.training.by_board", "Year", b.o.Year), intro, names, byBoard, false)...)
	b.sectionParts(pages)
}

// followUp shows last year's follow-up of every board whose follow-up is known, and names
// the boards whose follow-up is missing with the reason: a missing follow-up never reads as
// nothing done.
func (b *overviewBuilder) followUp() {
	loc := b.loc
	f := b.o.FollowUp
	var rows []tableRow
	known := false
	for _, r := range f.Rows {
		if r.Has {
			// Six statuses do not fit as columns beside the board's name at slide size: one
			// line per board names the statuses it has.
			rows = append(rows, tableRow{cells: []cell{txt(r.Board), txt(overview.StatusLine(loc, r.Counts))}})
			known = true
			continue
		}
		if r.Gap == overview.GapNotFollowedUp {
			known = true
		}
		rows = append(rows, tableRow{cells: []cell{txt(r.Board), {text: r.GapText(loc), bold: true, color: ColWarn}}, fill: ColWarnFill, spanLast: true})
	}
	if !known {
		return // no board has a plan of last year: nothing to follow up
	}
	year := f.Total.Year
	p := &page{kind: KindFollowUp, title: loc.Tf("present.followup.title", "Year", year)}
	y := p.lines(marginX, contentTop, contentW, wrap(loc.Tf("present.followup.overview_intro", "Count", f.Total.Total, "Year", year), SizeBody, false, contentW), SizeBody, false, ColMuted, AlignLeft)
	followUpBars(p, loc, f.Total.Counts, y+4, false)
	pages := []*page{p}
	pages = append(pages, b.layoutTable(table{
		kind:  KindFollowUp,
		title: loc.Tf("present.followup.by_board", "Year", year),
		cols:  columns(column{title: loc.T("present.boards.col_board"), w: 4, min: nameWidth(b.o.Boards)}, column{title: loc.T("present.followup.col_statuses"), w: 5}),
		rows:  rows,
	})...)
	b.sectionParts(pages)
}

func (b *overviewBuilder) register() {
	loc := b.loc
	reg := b.o.Register
	if reg.Total.Systems == 0 {
		if ps := b.requirementsPages(); len(ps) > 0 {
			b.sectionParts(ps)
		}
		return
	}
	warn := func(n int) cell {
		c := cell{text: loc.Number(int64(n))}
		if n > 0 {
			c.bold, c.color = true, ColWarn
		}
		return c
	}
	cols := fillFirst(column{title: loc.T("present.boards.col_board")},
		numCol(loc.T("present.register.col_systems"), AlignRight, "000"),
		numCol(loc.T("present.register.col_no_risk"), AlignRight, "000"),
		numCol(loc.T("present.register.col_no_deepened"), AlignRight, "000"),
		numCol(loc.T("present.register.col_below_base"), AlignRight, "000"),
	)
	var rows []tableRow
	for _, r := range reg.Rows {
		if r.Systems == 0 {
			continue
		}
		rows = append(rows, named(cols[0], tableRow{cells: []cell{txt(r.Board), txt(loc.Number(int64(r.Systems))), warn(r.NoRiskAnalysis), warn(r.NoDeepenedPlan), warn(r.BelowBaseline)}})...)
	}
	pages := []*page{registerPage(loc, b.prof, reg.Total, nil)}
	pages = append(pages, b.layoutTable(table{
		kind:  KindRegister,
		title: loc.T("present.register.by_board"),
		intro: loc.T("present.register.by_board_intro"),
		cols:  cols,
		rows:  rows,
	})...)
	pages = append(pages, b.requirementsPages()...)
	b.sectionParts(pages)
}

func (b *overviewBuilder) decisions() {
	loc := b.loc
	t := b.o.Resources.Total
	hours, kronor := t.Year.Hours(), t.Year.Kronor()
	missing := b.o.Missing()
	points := []string{loc.Tf("present.decisions.overview_file", "Year", b.o.Year)}
	if hours > 0 || kronor > 0 {
		points = append(points, loc.Tf("present.decisions.overview_resources", "Hours", loc.Number(hours), "FTE", loc.FTE(hours, b.prof.HoursPerFTE), "Kronor", loc.Kronor(kronor)))
	}
	if len(missing) > 0 {
		points = append(points, loc.Tf("present.decisions.overview_missing", "Boards", strings.Join(missing, ", "), "Count", len(missing)))
	}
	b.section(decisionPages(loc, loc.T("present.decisions.overview_intro"), points, ""))
}
