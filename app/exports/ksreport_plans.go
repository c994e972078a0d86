package exports

import (
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
)

// The KS report's sections on what the plans say: resources, goal coverage and the timeline.

func (k *ksReport) resources() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.resources"), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.resources.intro", "Year", o.Year, "Last", o.Year-1, "Hours", loc.Number(int64(o.Profile.HoursPerFTE))), 9.5, false, pdfdoc.ColText)
	var rows []row
	add := func(name string, r overview.ResourceRow, change string, total bool) {
		last := "–"
		if r.LastSource != overview.LastNone {
			last = loc.Kronor(r.Last.Kronor())
		}
		if !r.Received {
			// Not sent: this year's figures are unknown, not zero; the row says so, and the
			// note under the table says what that does to the totals.
			dash := cell{text: "–", color: pdfdoc.ColMuted}
			rows = append(rows, row{total: total, cells: []cell{{text: name, bold: true}, dash, dash, dash, dash, dash,
				{text: loc.T("overview.sub.not_received"), bold: true, color: pdfdoc.ColWarn, fill: pdfdoc.ColWarnFill}, txt(last), txt(change)}})
			return
		}
		rows = append(rows, row{total: total, cells: []cell{{text: name, bold: true}, txt(loc.Number(int64(r.Activities))),
			txt(loc.Number(r.Year.Hours())), txt(loc.FTE(r.Year.Hours(), o.Profile.HoursPerFTE)), txt(loc.Kronor(r.Year.OperatingCost)),
			txt(loc.Kronor(r.Year.Investment)), {text: loc.Kronor(r.Year.Kronor()), bold: true}, txt(last), txt(change)}})
	}
	for _, r := range o.Resources.Rows {
		change := "–"
		if d, ok := r.Change(overview.MetricKronor); ok {
			change = signed(d, loc.Kronor)
		}
		add(r.Board, r, change, false)
	}
	change := "–"
	if d, ok := o.Resources.TotalChange(overview.MetricKronor); ok {
		change = signed(d, loc.Kronor)
	}
	add(loc.T("overview.total"), o.Resources.Total, change, true)
	k.table([]column{
		{loc.T("overview.col.board"), 2.9, pdfdoc.AlignLeft}, // the longest one-word name, Överförmyndarnämnden, fits in bold
		{loc.T("overview.col.activities_short"), 1.05, pdfdoc.AlignRight},
		{loc.T("overview.metric.hours"), 0.9, pdfdoc.AlignRight},
		{loc.T("overview.col.fte_short"), 0.85, pdfdoc.AlignRight},
		{loc.T("overview.col.operating_short"), 1.65, pdfdoc.AlignRight},
		{loc.T("field.investment"), 1.65, pdfdoc.AlignRight},
		{loc.T("overview.metric.kronor"), 1.9, pdfdoc.AlignRight},
		{loc.Tf("overview.col.last_year_kronor", "Year", o.Year-1), 1.75, pdfdoc.AlignRight},
		{loc.T("overview.col.change"), 1.65, pdfdoc.AlignRight},
	}, rows)
	if note := LastOnlyNote(loc, o); note != "" {
		k.Paragraph(note, 9, false, pdfdoc.ColMuted)
	}

	k.headTable(loc.T("exports.ks.resources.quarters"), loc.T("exports.ks.resources.quarters_intro"), 9, pdfdoc.ColMuted)
	var qrows []row
	qadd := func(name string, r overview.ResourceRow, total bool) {
		cells := []cell{{text: name, bold: true}}
		for _, q := range r.Quarters {
			cells = append(cells, txt(k.hours(q.Hours())+"\n"+loc.Kronor(q.Kronor())))
		}
		qrows = append(qrows, row{cells: cells, total: total})
	}
	for _, r := range o.Resources.Rows {
		if r.Received {
			qadd(r.Board, r, false)
		}
	}
	qadd(loc.T("overview.total"), o.Resources.Total, true)
	cols := []column{{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft}}
	for q := 1; q <= 4; q++ {
		cols = append(cols, column{loc.Quarter(q), 1.6, pdfdoc.AlignRight})
	}
	k.table(cols, qrows)

	if len(o.Resources.Rows) > 0 {
		k.SubHeading(loc.Tf("exports.ks.resources.chart", "Year", o.Year, "Last", o.Year-1), pdfdoc.BarsHeight(len(o.Resources.Rows), 2))
		labels, now, last := o.Resources.ChartSeries(overview.MetricKronor)
		k.Bars(labels, [][]int64{now, last}, []string{strconv.Itoa(o.Year), strconv.Itoa(o.Year - 1)}, []pdfdoc.RGB{colAccent, colAccentSoft}, loc.Kronor)
	}
}

func (k *ksReport) goals() {
	o, loc := k.o, k.loc
	m := o.Goals
	k.Section(loc.T("exports.ks.section.goals"), true, true, 0)
	k.Paragraph(loc.T("exports.ks.goals.intro"), 9.5, false, pdfdoc.ColText)
	cols := []column{{loc.T("overview.col.board"), 3.2, pdfdoc.AlignLeft}}
	for _, g := range m.Goals {
		cols = append(cols, column{loc.Tf("overview.col.goal", "Goal", g.Number), 0.8, pdfdoc.AlignCenter})
	}
	var rows []row
	for bi, b := range m.Boards {
		cells := []cell{{text: b, bold: true}}
		for gi := range m.Goals {
			n := m.Counts[bi][gi]
			if n == 0 {
				cells = append(cells, cell{text: "–", color: pdfdoc.ColWarn, fill: pdfdoc.ColWarnFill})
				continue
			}
			cells = append(cells, txt(strconv.Itoa(n)))
		}
		rows = append(rows, row{cells: cells})
	}
	total := []cell{{text: loc.T("overview.total"), bold: true}}
	for _, n := range m.Totals {
		c := cell{text: strconv.Itoa(n)}
		if n == 0 {
			c = cell{text: "0", color: pdfdoc.ColWarn, fill: pdfdoc.ColWarnFill}
		}
		total = append(total, c)
	}
	rows = append(rows, row{cells: total, total: true})
	k.table(cols, rows)
	if len(m.Uncovered) > 0 {
		var nums []string
		for _, g := range m.Uncovered {
			nums = append(nums, strconv.Itoa(g))
		}
		k.Notice(loc.T("exports.ks.uncovered_title"), loc.Tf("exports.ks.goals.uncovered", "Goals", strings.Join(nums, ", ")), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	} else if m.Empty() > 0 {
		k.Paragraph(loc.Tf("exports.ks.goals.all_covered", "Empty", m.Empty()), 9.5, false, pdfdoc.ColText)
	} else {
		k.Paragraph(loc.T("exports.ks.goals.full"), 9.5, false, pdfdoc.ColText)
	}
	k.SubHeading(loc.T("exports.ks.goals.legend"), 40)
	var pairs [][2]string
	for _, g := range m.Goals {
		pairs = append(pairs, [2]string{loc.Tf("overview.col.goal", "Goal", g.Number), sentenceCase(g.Text)})
	}
	k.KeyValues(pairs, 50, 9)
}

func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// timeline is a heat table: for every board and month, the number of activities under way.
func (k *ksReport) timeline() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.timeline"), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.timeline.intro", "Year", o.Year), 9.5, false, pdfdoc.ColText)
	cols := []column{{loc.T("overview.col.board"), 3.6, pdfdoc.AlignLeft}}
	for m := time.January; m <= time.December; m++ {
		cols = append(cols, column{loc.MonthShort(m), 0.75, pdfdoc.AlignCenter})
	}
	most := 0
	for _, r := range o.Running {
		for _, n := range r.Months {
			most = max(most, n)
		}
	}
	var rows []row
	for _, r := range o.Running {
		cells := []cell{{text: r.Board, bold: true}}
		for _, n := range r.Months {
			cells = append(cells, heatCell(n, most))
		}
		rows = append(rows, row{cells: cells})
	}
	k.table(cols, rows)
	k.Paragraph(loc.T("exports.ks.timeline.legend"), 8.5, false, pdfdoc.ColMuted)
}

func heatCell(n, most int) cell {
	c := cell{text: strconv.Itoa(n)}
	switch {
	case n == 0 || most == 0:
		c.text, c.color = "·", pdfdoc.ColMuted
	case 3*n <= most:
		c.fill = 0xd6e4f5
	case 3*n <= 2*most:
		c.fill = colAccentSoft
	default:
		c.fill, c.color, c.bold = colAccent, 0xffffff, true
	}
	return c
}
