package overview

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// ---- submissions ----

type submissionsTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
}

func (t *submissionsTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.summary = wrapped("")
	t.table = newSortTable(loc, []column{
		{loc.T("overview.col.board"), 265, false},
		{loc.T("overview.col.status"), 170, false},
		{loc.T("overview.col.versions"), 140, true},
		{loc.T("overview.col.signed_by"), 190, false},
		{loc.T("overview.col.signed"), 110, false},
		{loc.T("overview.col.imported"), 110, false},
		{loc.T("overview.col.profile_version"), 110, true},
		{loc.T("overview.col.problems"), 320, false},
	}, t.v.showRows)
	t.table.onText = t.v.showCell
	return container.NewBorder(t.summary, nil, nil, nil, t.table.object())
}

func (t *submissionsTab) show() {
	o, loc := t.v.o, t.v.loc
	missing := o.Missing()
	s := loc.Tf("overview.sub.summary", "Received", len(o.Plans), "Count", len(o.Boards), "Year", o.Year)
	if len(missing) > 0 {
		s += " " + loc.Tf("overview.sub.missing", "Boards", strings.Join(missing, ", "), "Count", len(missing))
	}
	t.summary.SetText(s)
	var rows [][]tcell
	for _, r := range o.Submissions {
		r := r
		versions := link(num(loc, int64(len(r.Versions)), ""), loc.Tf("overview.drill.versions", "Board", r.Board, "Year", o.Year),
			func() ov.Rows { return o.VersionRows(r.Board) })
		row := []tcell{{text: r.Board, bold: true, warn: !r.Received}, statusCell(loc, r), versions,
			text(r.Current.SignerName), text(loc.Date(r.Current.SignedAt)), text(loc.Date(r.Current.ImportedAt)), profileCell(loc, r)}
		if len(r.Problems) > 0 {
			var lines []string
			for _, p := range r.Problems {
				lines = append(lines, p.Text(loc))
			}
			title := loc.Tf("overview.drill.problems", "Board", r.Board)
			row = append(row, tcell{text: loc.Tf("overview.problems_count", "Count", len(lines)) + ": " + lines[0], warn: true,
				action: func() { t.v.showText(title, lines) }})
		} else {
			row = append(row, text(""))
		}
		rows = append(rows, row)
	}
	t.table.setRows(rows, nil)
}

// ---- resources ----

type resourcesTab struct {
	v      *View
	metric ov.Metric
	sel    *widget.Select
	table  *sortTable
	chart  *barChart
	note   *widget.Label // why last year's total covers other boards than this year's
}

func (t *resourcesTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.metric = ov.MetricKronor
	var names []string
	for _, m := range ov.Metrics {
		names = append(names, loc.T(m.Key()))
	}
	t.sel = widget.NewSelect(names, func(s string) {
		for _, m := range ov.Metrics {
			if loc.T(m.Key()) == s && m != t.metric {
				t.metric = m
				t.show()
			}
		}
	})
	t.sel.SetSelected(loc.T(t.metric.Key()))
	cols := []column{{loc.T("overview.col.board"), 230, false}, {loc.T("overview.col.activities_short"), 90, true}}
	for q := 1; q <= 4; q++ {
		cols = append(cols, column{loc.Quarter(q), 125, true})
	}
	cols = append(cols, column{loc.T("overview.col.year_total"), 165, true}, column{loc.T("overview.col.last_year"), 165, true},
		column{loc.T("overview.col.change"), 140, true})
	t.table = newSortTable(loc, cols, t.v.showRows)
	t.table.onText = t.v.showCell
	t.chart = newBarChart()
	t.note = wrapped("")
	top := container.NewBorder(container.NewHBox(widget.NewLabel(loc.T("overview.metric")), container.NewGridWrap(fyne.NewSize(200, t.sel.MinSize().Height), t.sel)),
		t.note, nil, nil, t.table.object())
	split := container.NewVSplit(top, t.chart)
	split.Offset = 0.55
	return split
}

// format shows a figure of the chosen metric; a year's hours with their full-time equivalents.
func (t *resourcesTab) format(n int64) string {
	loc := t.v.loc
	if t.metric.Hours() {
		return loc.Tf("overview.hours_fte", "Hours", loc.Number(n), "FTE", loc.FTE(n, t.v.o.Profile.HoursPerFTE))
	}
	return loc.Kronor(n)
}

// short shows a figure of the chosen metric without full-time equivalents (quarters).
func (t *resourcesTab) short(n int64) string {
	if t.metric.Hours() {
		return t.v.loc.Tf("unit.hours", "N", t.v.loc.Number(n))
	}
	return t.v.loc.Kronor(n)
}

func (t *resourcesTab) show() {
	o, loc, m := t.v.o, t.v.loc, t.metric
	metric := loc.T(m.Key())
	cell := func(n int64) tcell { return num(loc, n, t.format(n)) }
	row := func(r ov.ResourceRow, board, name string, change int64, hasChange bool) []tcell {
		if !r.Received && board != "" {
			// Not sent: this year's cells say so rather than show zeros.
			out := []tcell{{text: name, bold: true, warn: true}, text("–")}
			for range 4 {
				out = append(out, text("–"))
			}
			out = append(out, tcell{text: loc.T("overview.sub.not_received"), warn: true})
			if r.LastSource == ov.LastNone {
				return append(out, text("–"), text("–"))
			}
			return append(out, link(cell(m.Of(r.Last)), loc.Tf("overview.drill.last", "Board", name, "Year", o.Year-1, "Metric", metric),
				func() ov.Rows { return o.LastYearRows(board) }), text("–"))
		}
		out := []tcell{{text: name, bold: true},
			link(num(loc, int64(r.Activities), ""), loc.Tf("overview.drill.activities", "Board", name, "Year", o.Year),
				func() ov.Rows { return o.ResourceRows(board, 0) })}
		for q := range 4 {
			out = append(out, link(num(loc, m.Of(r.Quarters[q]), t.short(m.Of(r.Quarters[q]))), loc.Tf("overview.drill.quarter", "Board", name, "Quarter", loc.Quarter(q+1), "Year", o.Year, "Metric", metric),
				func() ov.Rows { return o.ResourceRows(board, q+1) }))
		}
		out = append(out, link(cell(m.Of(r.Year)), loc.Tf("overview.drill.year", "Board", name, "Year", o.Year, "Metric", metric),
			func() ov.Rows { return o.ResourceRows(board, 0) }))
		if r.LastSource == ov.LastNone {
			return append(out, text("–"), text("–"))
		}
		out = append(out, link(cell(m.Of(r.Last)), loc.Tf("overview.drill.last", "Board", name, "Year", o.Year-1, "Metric", metric),
			func() ov.Rows { return o.LastYearRows(board) }))
		c := tcell{text: "–"}
		if hasChange {
			arrow := "→ "
			switch {
			case change > 0:
				arrow = "▲ +"
			case change < 0:
				arrow = "▼ "
			}
			c = tcell{text: arrow + t.format(change), num: float64(change)}
		}
		return append(out, c)
	}
	var rows [][]tcell
	var labels []string
	var now, last []int64
	for _, r := range o.Resources.Rows {
		d, ok := r.Change(m)
		rows = append(rows, row(r, r.Board, r.Board, d, ok))
		if !r.Received {
			continue // no bar for a year the board has not sent: it would read as zero
		}
		labels = append(labels, r.Board)
		now = append(now, m.Of(r.Year))
		last = append(last, m.Of(r.Last))
	}
	d, ok := o.Resources.TotalChange(m)
	t.table.setRows(rows, row(o.Resources.Total, "", loc.T("overview.total"), d, ok))
	t.note.SetText(exports.LastOnlyNote(loc, o))
	t.chart.set(labels, [][]int64{now, last}, []string{strconv.Itoa(o.Year), strconv.Itoa(o.Year - 1)}, t.format,
		loc.Tf("overview.chart.title", "Metric", metric, "Year", o.Year, "Last", o.Year-1))
}

// ---- goals ----

type goalsTab struct {
	v       *View
	summary *widget.Label
	legend  *widget.Label
	table   *sortTable
}

func (t *goalsTab) build() fyne.CanvasObject {
	t.summary = wrapped("")
	t.legend = wrapped("")
	t.table = newSortTable(t.v.loc, nil, t.v.showRows)
	t.table.onText = t.v.showCell
	split := container.NewVSplit(t.table.object(), container.NewVScroll(t.legend))
	split.Offset = 0.7
	return container.NewBorder(t.summary, nil, nil, nil, split)
}

func (t *goalsTab) show() {
	o, loc := t.v.o, t.v.loc
	m := o.Goals
	cols := []column{{loc.T("overview.col.board"), 265, false}}
	for _, g := range m.Goals {
		cols = append(cols, column{loc.Tf("overview.col.goal", "Goal", g.Number), 72, true})
	}
	cols = append(cols, column{loc.T("overview.col.empty_cells"), 140, true})
	t.table.setCols(cols)
	var rows [][]tcell
	for bi, b := range m.Boards {
		b := b
		row := []tcell{{text: b, bold: true}}
		empty := 0
		for gi, g := range m.Goals {
			n := m.Counts[bi][gi]
			c := link(num(loc, int64(n), ""), loc.Tf("overview.drill.goal", "Board", b, "Goal", g.Number), func() ov.Rows { return o.GoalRows(b, g.Number) })
			if n == 0 {
				c.text, c.warn, c.drill = "–", true, nil
				empty++
			}
			row = append(row, c)
		}
		rows = append(rows, append(row, tcell{text: loc.Number(int64(empty)), num: float64(empty), warn: empty > 0}))
	}
	total := []tcell{{text: loc.T("overview.total"), bold: true}}
	for gi, g := range m.Goals {
		c := link(num(loc, int64(m.Totals[gi]), ""), loc.Tf("overview.drill.goal_all", "Goal", g.Number), func() ov.Rows { return o.GoalRows("", g.Number) })
		c.warn = m.Totals[gi] == 0
		total = append(total, c)
	}
	total = append(total, num(loc, int64(m.Empty()), ""))
	t.table.setRows(rows, total)

	if len(m.Uncovered) > 0 {
		var nums []string
		for _, g := range m.Uncovered {
			nums = append(nums, strconv.Itoa(g))
		}
		t.summary.SetText(loc.Tf("overview.goals.uncovered", "Goals", strings.Join(nums, ", "), "Count", len(m.Uncovered)))
		t.summary.Importance = widget.DangerImportance
		t.summary.TextStyle.Bold = true
	} else {
		key := "overview.goals.all_covered"
		if m.Empty() == 0 {
			key = "overview.goals.full"
		}
		t.summary.SetText(loc.Tf(key, "Empty", m.Empty()))
		t.summary.Importance = widget.MediumImportance
		t.summary.TextStyle.Bold = false
	}
	t.summary.Refresh()
	var legend []string
	for _, g := range m.Goals {
		legend = append(legend, loc.Tf("exports.ks.goal_line", "Goal", g.Number, "Text", g.Text))
	}
	t.legend.SetText(strings.Join(legend, "\n"))
}

// ---- training calendar ----

type calendarTab struct {
	v        *View
	months   *fyne.Container
	overlaps *fyne.Container
	table    *sortTable
}

func (t *calendarTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.months = container.NewGridWithColumns(12)
	t.overlaps = container.NewVBox()
	t.table = newSortTable(loc, []column{
		{loc.T("overview.col.date"), 100, false},
		{loc.T("overview.col.board"), 210, false},
		{loc.T("overview.col.training"), 300, false},
		{loc.T("overview.col.target_group"), 230, false},
		{loc.T("overview.col.format"), 150, false},
		{loc.T("overview.col.expected_short"), 90, true},
		{loc.T("overview.col.share_with"), 300, false},
	}, t.v.showRows)
	t.table.onText = t.v.showCell
	over := container.NewBorder(widget.NewLabelWithStyle(loc.T("exports.ks.trainings.overlaps"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(t.overlaps))
	split := container.NewVSplit(t.table.object(), over)
	split.Offset = 0.68
	return container.NewBorder(t.months, nil, nil, nil, split)
}

func (t *calendarTab) show() {
	o, loc := t.v.o, t.v.loc
	t.months.RemoveAll()
	for m := time.January; m <= time.December; m++ {
		start := time.Date(o.Year, m, 1, 0, 0, 0, 0, time.UTC)
		n := len(o.EventRows(start).Events)
		b := widget.NewButton(loc.MonthShort(m)+" "+strconv.Itoa(n), nil)
		if n == 0 {
			b.Disable()
		} else {
			title := loc.Tf("overview.drill.month", "Month", loc.Month(m), "Year", o.Year)
			b.OnTapped = func() { t.v.showRows(title, o.EventRows(start)) }
		}
		b.Importance = widget.LowImportance
		t.months.Add(b)
	}
	shared := map[string]string{}
	for _, ov := range o.Calendar.Overlaps {
		for _, e := range ov.Events {
			var others []string
			for _, b := range ov.Boards {
				if b != e.Board {
					others = append(others, b)
				}
			}
			shared[eventKey(e)] = strings.Join(others, ", ")
		}
	}
	var rows [][]tcell
	for _, e := range append(append([]ov.Event(nil), o.Calendar.Events...), o.Calendar.Undated...) {
		tr := e.Training
		title := tr.Title
		if len(tr.Dates) > 1 {
			title += " (" + loc.Tf("overview.session", "N", e.Session, "Count", len(tr.Dates)) + ")"
		}
		date := tcell{text: loc.Date(e.Date), num: float64(e.Date.Unix())}
		if e.Date.IsZero() {
			date = tcell{text: loc.T("overview.no_date"), warn: true}
		}
		rows = append(rows, []tcell{date, {text: e.Board, bold: true}, text(title), text(tr.TargetGroup),
			text(keyOr(loc, "format."+string(tr.Format), string(tr.Format))), num(loc, int64(tr.ExpectedParticipants), ""),
			{text: shared[eventKey(e)]}})
	}
	t.table.cols[0].numeric = false
	t.table.setRows(rows, nil)

	t.overlaps.RemoveAll()
	if len(o.Calendar.Overlaps) == 0 {
		t.overlaps.Add(widget.NewLabel(loc.T("overview.overlaps.none")))
	}
	for _, x := range o.Calendar.Overlaps {
		x := x
		var titles []string
		for _, e := range x.Events {
			if !contains(titles, e.Training.Title) {
				titles = append(titles, e.Training.Title)
			}
		}
		month := loc.Month(x.Month.Month()) + " " + strconv.Itoa(x.Month.Year())
		s := loc.Tf("exports.ks.trainings.overlap_"+string(x.Reason), "Month", month, "Boards", strings.Join(x.Boards, ", "), "Titles", strings.Join(titles, "; "))
		// A link that wraps: a button would make the window as wide as its sentence.
		l := widget.NewHyperlink(s, nil)
		l.Wrapping = fyne.TextWrapWord
		l.OnTapped = func() { t.v.showRows(month, ov.Rows{Events: x.Events}) }
		t.overlaps.Add(l)
	}
}

func eventKey(e ov.Event) string {
	return e.Board + "\x00" + strconv.FormatInt(e.Training.ID, 10) + "\x00" + e.Date.Format(time.DateOnly)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// ---- follow-up ----

type followUpTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
}

func (t *followUpTab) build() fyne.CanvasObject {
	loc := t.v.loc
	cols := []column{{loc.T("overview.col.board"), 265, false}, {loc.T("overview.col.activities_short"), 90, true}}
	for _, st := range domain.ActivityStatuses {
		cols = append(cols, column{loc.T("activity.status." + string(st)), 110, true})
	}
	cols = append(cols, column{loc.T("overview.col.share_done"), 160, true})
	for i := range 3 {
		cols = append(cols, column{loc.T("overview.col.check" + strconv.Itoa(i)), 220, false})
	}
	cols = append(cols, column{loc.T("overview.col.note"), 300, false})
	t.summary = wrapped("")
	t.table = newSortTable(loc, cols, t.v.showRows)
	t.table.onText = t.v.showCell
	return container.NewBorder(t.summary, nil, nil, nil, t.table.object())
}

func (t *followUpTab) show() {
	o, loc := t.v.o, t.v.loc
	t.summary.SetText(loc.Tf("overview.followup.intro", "Year", o.Year-1))
	row := func(r ov.FollowUpRow, board, name string) []tcell {
		out := []tcell{{text: name, bold: true}}
		if board != "" {
			out[0].action = func() { t.v.editNote(board) }
		}
		if !r.Has {
			for range 6 {
				out = append(out, text("–"))
			}
		} else {
			out = append(out, link(num(loc, int64(r.Total), ""), loc.Tf("overview.drill.followup", "Board", name, "Year", r.Year),
				func() ov.Rows { return o.FollowUpRows(board, "") }))
			for _, st := range domain.ActivityStatuses {
				st := st
				out = append(out, link(num(loc, int64(r.Counts[st]), ""), loc.Tf("overview.drill.followup_status", "Board", name, "Year", r.Year,
					"Status", loc.T("activity.status."+string(st))), func() ov.Rows { return o.FollowUpRows(board, st) }))
			}
			share := r.Share(domain.ActivityDone)
			out = append(out, tcell{text: loc.Tf("report.percent", "N", r.Percent(domain.ActivityDone)), num: share})
		}
		if board == "" {
			return append(out, text(""), text(""), text(""), text(""))
		}
		for i := range 3 {
			s := ""
			switch {
			case r.Has:
				s = loc.T("check.result." + string(r.Checks[i].Result))
			case i == 0:
				s = r.GapText(loc) // why the follow-up is missing
			}
			if a := r.Note.Checks[i]; a != domain.CheckUnanswered {
				s += " · " + loc.Tf("overview.assessed", "Result", loc.T("check.result."+string(a)))
			}
			out = append(out, tcell{text: s, warn: !r.Has || r.Checks[i].Result == domain.CheckNo || r.Note.Checks[i] == domain.CheckNo})
		}
		note := r.Note.Text
		if note == "" {
			note = loc.T("overview.note.add")
		}
		return append(out, tcell{text: note, action: func() { t.v.editNote(board) }})
	}
	var rows [][]tcell
	for _, r := range o.FollowUp.Rows {
		rows = append(rows, row(r, r.Board, r.Board))
	}
	t.table.setRows(rows, row(o.FollowUp.Total, "", loc.T("overview.total")))
}

// ---- register ----

type registerTab struct {
	v       *View
	summary *widget.Label
	table   *sortTable
}

func (t *registerTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.summary = wrapped("")
	t.table = newSortTable(loc, nil, t.v.showRows)
	t.table.onText = t.v.showCell
	return container.NewBorder(t.summary, nil, nil, nil, t.table.object())
}

func (t *registerTab) show() {
	o, loc := t.v.o, t.v.loc
	cols := []column{{loc.T("overview.col.board"), 265, false}, {loc.T("overview.col.systems"), 80, true}}
	for _, l := range ov.Levels {
		title := loc.T("overview.level.none")
		if l >= 0 {
			title = loc.Tf("overview.level", "Level", l)
		}
		cols = append(cols, column{title, 95, true})
	}
	// Wide enough for the titles, which say the level the count is for.
	cols = append(cols, column{loc.T("overview.col.critical"), 90, true}, column{loc.T("overview.col.no_risk"), 215, true},
		column{loc.T("overview.col.no_deepened"), 245, true}, column{loc.T("overview.col.gaps"), 190, true},
		column{loc.T("overview.col.below_base"), 150, true}, column{loc.T("overview.col.flagged"), 180, true})
	t.table.setCols(cols)
	t.summary.SetText(loc.Tf("overview.register.intro", "Scale", scaleText(o.Profile)))
	row := func(r ov.RegisterRow, board, name string) []tcell {
		drill := func(n int, what string, keep ov.Filter) tcell {
			return link(tcell{text: loc.Number(int64(n)), num: float64(n)}, loc.Tf("overview.drill.systems", "Board", name, "What", what),
				func() ov.Rows { return o.SystemRows(board, keep) })
		}
		out := []tcell{{text: name, bold: true}, drill(r.Systems, loc.T("overview.col.systems"), nil)}
		for _, l := range ov.Levels {
			out = append(out, drill(r.ByLevel[l], levelTitle(loc, l), ov.AtLevel(l)))
		}
		gaps := []tcell{
			drill(r.Critical, loc.T("overview.col.critical"), ov.Critical),
			drill(r.NoRiskAnalysis, loc.T("overview.col.no_risk"), ov.NoRiskAnalysis),
			drill(r.NoDeepenedPlan, loc.T("overview.col.no_deepened"), ov.NoDeepenedPlan),
			drill(r.Gaps, loc.T("overview.col.gaps"), ov.Gap),
			drill(r.BelowBaseline, loc.T("overview.col.below_base"), ov.BelowBaseline),
			drill(r.Flagged, loc.T("overview.col.flagged"), ov.Flagged),
		}
		for i := 1; i < len(gaps); i++ {
			gaps[i].warn = gaps[i].num > 0
		}
		return append(out, gaps...)
	}
	var rows [][]tcell
	for _, r := range o.Register.Rows {
		rows = append(rows, row(r, r.Board, r.Board))
	}
	t.table.setRows(rows, row(o.Register.Total, "", loc.T("overview.total")))
}

func levelTitle(loc *i18n.Localizer, l int) string {
	if l < 0 {
		return loc.T("overview.level.none")
	}
	return loc.Tf("overview.level", "Level", l)
}

func scaleText(p domain.Profile) string {
	var parts []string
	for _, c := range p.Scale {
		parts = append(parts, strconv.Itoa(c.Level)+" "+c.Name)
	}
	return strings.Join(parts, ", ")
}
