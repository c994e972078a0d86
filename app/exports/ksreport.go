package exports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// ReportOptions are what the consolidated report needs besides the overview.
type ReportOptions struct {
	AppVersion string
	Now        time.Time // the date printed on the cover and the signing time; time.Now() when zero
	// Signer, when set, signs the report (the coordinator's identity).
	Signer *identity.Identity
}

// Report is the overview as a document for kommunstyrelsen: summary, submissions, resources,
// goal coverage, timeline, training calendar, follow-up and register, in the house style of the
// boards' reports, signed when opt.Signer is set.
func Report(o *overview.Overview, opt ReportOptions) ([]byte, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	loc := o.Loc()
	d, err := newDoc(loc)
	if err != nil {
		return nil, fmt.Errorf("report %d: %w", o.Year, err)
	}
	k := &ksReport{doc: d, o: o, loc: loc, opt: opt}
	d.HeaderLeft = strings.TrimSpace(o.Profile.Kommun + " · " + loc.T("exports.ks.header"))
	d.HeaderRight = loc.Tf("exports.ks.header_year", "Year", o.Year)
	d.FooterLeft = loc.Tf("exports.ks.footer", "Date", loc.Date(opt.Now))
	k.cover()
	k.summary()
	k.submissions()
	k.resources()
	k.goals()
	k.timeline()
	k.trainings()
	k.followUp()
	k.register()
	k.requirements()
	pdf, err := d.bytes(loc.Tf("exports.doc.title", "Kommun", o.Profile.Kommun, "Year", o.Year), o.Profile.Kommun,
		loc.Tf("exports.doc.subject", "Kommun", o.Profile.Kommun, "Year", o.Year), opt.Now)
	if err != nil {
		return nil, fmt.Errorf("report %d: %w", o.Year, err)
	}
	if opt.Signer == nil {
		return pdf, nil
	}
	signed, err := Sign(pdf, opt.Signer, SignInfo{Reason: loc.Tf("exports.ks.sign_reason", "Year", o.Year), Location: o.Profile.Kommun, Time: opt.Now})
	if err != nil {
		return nil, fmt.Errorf("report %d: %w", o.Year, err)
	}
	return signed, nil
}

type ksReport struct {
	*doc
	o   *overview.Overview
	loc *i18n.Localizer
	opt ReportOptions
}

func (k *ksReport) hours(n int64) string { return k.loc.Tf("unit.hours", "N", k.loc.Number(n)) }

func (k *ksReport) fte(n int64) string {
	return k.loc.Tf("unit.fte", "N", k.loc.FTE(n, k.o.Profile.HoursPerFTE))
}

// signed is a change with its sign: "+12 000 kr", "−3 000 kr", "±0 kr".
func signed(n int64, format func(int64) string) string {
	switch {
	case n > 0:
		return "+" + format(n)
	case n == 0:
		return "±" + format(0)
	}
	return format(n)
}

func (k *ksReport) cover() {
	o, loc := k.o, k.loc
	k.NewPage()
	k.SetFont(true, 13)
	k.Text(pdfdoc.MarginL, 58, k.Fit(o.Profile.Kommun, pdfdoc.ContentW-160), pdfdoc.ColHeading)
	badge := loc.T("exports.ks.badge")
	k.SetFont(true, 9)
	w := k.Width(badge) + 14
	k.StrokeRect(pdfdoc.ContentRight-w, 54, w, 18, pdfdoc.ColHeading, 0.8)
	k.Text(pdfdoc.ContentRight-w+7, 58.5, badge, pdfdoc.ColHeading)
	k.Line(pdfdoc.MarginL, 80, pdfdoc.ContentRight, 80, pdfdoc.ColHeading, 1.2)

	k.Y = 150
	k.SetFont(true, 24)
	for _, l := range k.Wrap(loc.T("exports.ks.title"), pdfdoc.ContentW) {
		k.Text(pdfdoc.MarginL, k.Y, l, pdfdoc.ColHeading)
		k.Y += 30
	}
	k.SetFont(true, 40)
	k.Text(pdfdoc.MarginL, k.Y+2, strconv.Itoa(o.Year), pdfdoc.ColHeading)
	k.Y += 56
	k.SetFont(false, 15)
	for _, l := range k.Wrap(loc.T("exports.ks.subtitle"), pdfdoc.ContentW) {
		k.Text(pdfdoc.MarginL, k.Y, l, pdfdoc.ColText)
		k.Y += 20
	}
	k.Y += 26
	received := len(o.Plans)
	deadline := "–"
	if !o.Deadline.IsZero() {
		deadline = loc.Date(o.Deadline)
	}
	sig := loc.T("exports.ks.unsigned")
	if s := k.opt.Signer; s != nil {
		sig = loc.Tf("exports.ks.signed_by", "Name", identity.SubjectOf(s.Cert).Name, "Date", loc.Date(k.opt.Now))
	}
	pairs := [][2]string{
		{loc.T("report.cover.kommun"), o.Profile.Kommun},
		{loc.T("report.cover.year"), strconv.Itoa(o.Year)},
		{loc.T("exports.ks.received"), loc.Tf("exports.ks.received_value", "Received", received, "Count", len(o.Boards))},
		{loc.T("exports.ks.deadline"), deadline},
		{loc.T("report.cover.printed"), loc.Date(k.opt.Now)},
		{loc.T("report.cover.signature"), sig},
	}
	for i := range pairs {
		if strings.TrimSpace(pairs[i][1]) == "" {
			pairs[i][1] = "–"
		}
	}
	k.Line(pdfdoc.MarginL, k.Y-8, pdfdoc.ContentRight, k.Y-8, pdfdoc.ColRuleLight, 0.5)
	k.KeyValues(pairs, 170, 10)
	k.Line(pdfdoc.MarginL, k.Y, pdfdoc.ContentRight, k.Y, pdfdoc.ColRuleLight, 0.5)
	k.TOCY = k.Y + 24

	foot := loc.Tf("report.cover.made_with", "App", strings.TrimSpace(loc.T("app.name")+" "+k.opt.AppVersion))
	if pol := o.Profile.PolicyName; pol != "" {
		foot = loc.Tf("exports.ks.policy", "Policy", pol) + " " + foot
	}
	k.SetFont(false, 8)
	lines := k.Wrap(foot, pdfdoc.ContentW)
	y := pdfdoc.FooterY - float64(len(lines)-1)*11
	for _, l := range lines {
		k.Text(pdfdoc.MarginL, y, l, pdfdoc.ColMuted)
		y += 11
	}
}

func (k *ksReport) summary() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.summary"), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.summary.intro", "Year", o.Year, "Kommun", o.Profile.Kommun), 10, false, pdfdoc.ColText)
	t := o.Resources.Total
	change := "–"
	if d, ok := o.Resources.TotalChange(overview.MetricKronor); ok {
		change = signed(d, loc.Kronor)
	}
	k.tiles([][2]string{
		{loc.T("exports.ks.tile.received"), loc.Tf("exports.ks.goals_value", "Covered", len(o.Plans), "Count", len(o.Boards))},
		{loc.T("exports.ks.tile.activities"), loc.Number(int64(t.Activities))},
		{loc.Tf("exports.ks.tile.hours", "FTE", k.fte(t.Year.Hours())), k.hours(t.Year.Hours())},
		{loc.T("exports.ks.tile.kronor"), loc.Kronor(t.Year.Kronor())},
		{loc.T("exports.ks.tile.change"), change},
		{loc.T("exports.ks.tile.goals"), loc.Tf("exports.ks.goals_value", "Covered", len(o.Goals.Goals)-len(o.Goals.Uncovered), "Count", len(o.Goals.Goals))},
		{loc.T("exports.ks.tile.events"), loc.Number(int64(len(o.Calendar.Events)))},
		{loc.T("exports.ks.tile.gaps"), loc.Number(int64(o.Register.Total.Gaps))},
	})
	if missing := o.Missing(); len(missing) > 0 {
		k.Notice(loc.Tf("exports.ks.missing_title", "Count", len(missing)), strings.Join(missing, ", "), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	}
	if len(o.Goals.Uncovered) > 0 {
		var parts []string
		for _, g := range o.Goals.Uncovered {
			parts = append(parts, loc.Tf("exports.ks.goal_line", "Goal", g, "Text", o.Profile.GoalText(g)))
		}
		k.Notice(loc.T("exports.ks.uncovered_title"), strings.Join(parts, "\n"), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	}
	if n := len(o.Calendar.Overlaps); n > 0 {
		k.Paragraph(loc.Tf("exports.ks.summary.overlaps", "Count", n), 10, false, pdfdoc.ColText)
	}
	if r := o.Register.Total; r.Gaps > 0 {
		k.Paragraph(loc.Tf("exports.ks.summary.gaps", "Count", r.Gaps, "Critical", r.Critical), 10, false, pdfdoc.ColText)
	}
}

func (k *ksReport) submissions() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.submissions"), true, true, 0)
	intro := loc.T("exports.ks.submissions.intro")
	if days, ok := o.DaysLeft(); ok {
		intro += " " + loc.Tf("exports.ks.submissions.deadline", "Date", loc.Date(o.Deadline), "Count", days)
	}
	k.Paragraph(intro, 9.5, false, pdfdoc.ColText)
	var rows []row
	for _, r := range o.Submissions {
		if !r.Received {
			rows = append(rows, row{cells: []cell{{text: r.Board, bold: true}, {text: loc.T("overview.sub.not_received"), bold: true, color: pdfdoc.ColWarn, fill: pdfdoc.ColWarnFill}}})
			continue
		}
		status := loc.Tf("overview.sub.received", "Version", r.Current.Version)
		if n := len(r.Versions); n > 1 {
			status += "\n" + loc.Tf("overview.sub.versions", "Count", n)
		}
		probs := problemText(loc, r.Problems)
		pc := cell{text: probs}
		if probs != "" {
			pc.color = pdfdoc.ColWarn
		}
		rows = append(rows, row{cells: []cell{{text: r.Board, bold: true}, txt(status), txt(r.Current.SignerName), txt(loc.Date(r.Current.SignedAt)), pc}})
	}
	k.table([]column{
		{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft},
		{loc.T("overview.col.status"), 2, pdfdoc.AlignLeft},
		{loc.T("overview.col.signed_by"), 2.2, pdfdoc.AlignLeft},
		{loc.T("overview.col.signed"), 1.4, pdfdoc.AlignLeft},
		{loc.T("overview.col.problems"), 3.4, pdfdoc.AlignLeft},
	}, rows)
}

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
		{loc.T("overview.col.board"), 2.3, pdfdoc.AlignLeft},
		{loc.T("overview.col.activities_short"), 1.15, pdfdoc.AlignRight},
		{loc.T("overview.metric.hours"), 0.95, pdfdoc.AlignRight},
		{loc.T("overview.col.fte_short"), 0.85, pdfdoc.AlignRight},
		{loc.T("overview.col.operating_short"), 1.65, pdfdoc.AlignRight},
		{loc.T("field.investment"), 1.65, pdfdoc.AlignRight},
		{loc.T("overview.metric.kronor"), 1.75, pdfdoc.AlignRight},
		{loc.Tf("overview.col.last_year_kronor", "Year", o.Year-1), 1.75, pdfdoc.AlignRight},
		{loc.T("overview.col.change"), 1.65, pdfdoc.AlignRight},
	}, rows)
	if note := LastOnlyNote(loc, o); note != "" {
		k.Paragraph(note, 9, false, pdfdoc.ColMuted)
	}

	k.SubHeading(loc.T("exports.ks.resources.quarters"), 60)
	k.Paragraph(loc.T("exports.ks.resources.quarters_intro"), 9, false, pdfdoc.ColMuted)
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
		k.SubHeading(loc.Tf("exports.ks.resources.chart", "Year", o.Year, "Last", o.Year-1), barsHeight(len(o.Resources.Rows), 2))
		var labels []string
		now, last := []int64{}, []int64{}
		for _, r := range o.Resources.Rows {
			if !r.Received {
				continue // no bar for a year the board has not sent: it would read as zero
			}
			labels = append(labels, r.Board)
			now = append(now, r.Year.Kronor())
			last = append(last, r.Last.Kronor())
		}
		k.bars(labels, [][]int64{now, last}, []string{strconv.Itoa(o.Year), strconv.Itoa(o.Year - 1)}, []pdfdoc.RGB{colAccent, colAccentSoft}, loc.Kronor)
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

func (k *ksReport) trainings() {
	o, loc := k.o, k.loc
	c := o.Calendar
	k.Section(loc.T("exports.ks.section.trainings"), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.trainings.intro", "Events", len(c.Events), "Trainings", c.Trainings, "Expected", loc.Number(int64(c.Expected))), 9.5, false, pdfdoc.ColText)
	shared := shareWith(o)
	for _, m := range c.Months {
		k.SubHeading(loc.Month(m.Start.Month())+" "+strconv.Itoa(m.Start.Year()), 40)
		var rows []row
		for _, e := range m.Events {
			t := e.Training
			title := t.Title
			if len(t.Dates) > 1 {
				title += " (" + loc.Tf("overview.session", "N", e.Session, "Count", len(t.Dates)) + ")"
			}
			share := cell{text: strings.Join(shared[eventKey(e)], ", "), color: colAccent}
			rows = append(rows, row{cells: []cell{txt(loc.Date(e.Date)), {text: e.Board, bold: true}, txt(title), txt(t.TargetGroup),
				txt(loc.Number(int64(t.ExpectedParticipants))), share}})
		}
		k.table([]column{
			{loc.T("overview.col.date"), 1.3, pdfdoc.AlignLeft},
			{loc.T("overview.col.board"), 2.1, pdfdoc.AlignLeft},
			{loc.T("overview.col.training"), 3, pdfdoc.AlignLeft},
			{loc.T("overview.col.target_group"), 2.3, pdfdoc.AlignLeft},
			{loc.T("overview.col.expected_short"), 1.2, pdfdoc.AlignRight},
			{loc.T("overview.col.share_with"), 2.2, pdfdoc.AlignLeft},
		}, rows)
	}
	if len(c.Undated) > 0 {
		var names []string
		for _, e := range c.Undated {
			names = append(names, e.Board+": "+e.Training.Title)
		}
		k.Notice(loc.T("exports.ks.trainings.undated"), strings.Join(names, "\n"), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	}
	if len(c.Overlaps) > 0 {
		k.SubHeading(loc.T("exports.ks.trainings.overlaps"), 40)
		for _, ov := range c.Overlaps {
			titles := []string{}
			for _, e := range ov.Events {
				if !contains(titles, e.Training.Title) {
					titles = append(titles, e.Training.Title)
				}
			}
			k.Paragraph(loc.Tf("exports.ks.trainings.overlap_"+string(ov.Reason), "Month", loc.Month(ov.Month.Month())+" "+strconv.Itoa(ov.Month.Year()),
				"Boards", strings.Join(ov.Boards, ", "), "Titles", strings.Join(titles, "; ")), 9, false, pdfdoc.ColText)
		}
	}
}

func (k *ksReport) followUp() {
	o, loc := k.o, k.loc
	k.Section(loc.Tf("exports.ks.section.followup", "Year", o.Year-1), true, true, 0)
	k.Paragraph(loc.Tf("exports.ks.followup.intro", "Year", o.Year-1), 9.5, false, pdfdoc.ColText)
	cols := []column{{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft}, {loc.T("overview.col.activities_short"), 1, pdfdoc.AlignRight}}
	for _, st := range domain.ActivityStatuses {
		cols = append(cols, column{loc.T("activity.status." + string(st)), 1.2, pdfdoc.AlignRight})
	}
	cols = append(cols, column{loc.T("overview.col.share_done"), 1.3, pdfdoc.AlignRight})
	var rows []row
	var without []string
	add := func(name string, r overview.FollowUpRow, total bool) {
		if !r.Has {
			cells := []cell{{text: name, bold: true}}
			for range len(cols) - 1 {
				cells = append(cells, cell{text: "–", color: pdfdoc.ColMuted})
			}
			rows = append(rows, row{cells: cells})
			if !total {
				without = append(without, loc.Tf("exports.ks.followup.without_board", "Board", name, "Reason", r.GapText(loc)))
			}
			return
		}
		cells := []cell{{text: name, bold: true}, txt(loc.Number(int64(r.Total)))}
		for _, st := range domain.ActivityStatuses {
			cells = append(cells, txt(loc.Number(int64(r.Counts[st]))))
		}
		cells = append(cells, cell{text: loc.Tf("report.percent", "N", r.Percent(domain.ActivityDone)), bold: true})
		rows = append(rows, row{cells: cells, total: total})
	}
	for _, r := range o.FollowUp.Rows {
		add(r.Board, r, false)
	}
	add(loc.T("overview.total"), o.FollowUp.Total, true)
	k.table(cols, rows)
	if len(without) > 0 {
		k.Paragraph(loc.Tf("exports.ks.followup.without", "Boards", strings.Join(without, "; "), "Count", len(without)), 9, false, pdfdoc.ColMuted)
	}

	k.SubHeading(loc.T("exports.ks.followup.checks"), 60)
	k.Paragraph(loc.T("exports.ks.followup.checks_intro"), 9, false, pdfdoc.ColMuted)
	ccols := []column{{loc.T("overview.col.board"), 2.6, pdfdoc.AlignLeft}}
	for i := range 3 {
		ccols = append(ccols, column{loc.T("check." + strconv.Itoa(i)), 2, pdfdoc.AlignLeft})
	}
	var crows []row
	for _, r := range o.FollowUp.Rows {
		if !r.Has {
			continue
		}
		cells := []cell{{text: r.Board, bold: true}}
		for i := range 3 {
			s := loc.Tf("exports.ks.followup.board_answer", "Result", loc.T("check.result."+string(r.Checks[i].Result)))
			if a := r.Note.Checks[i]; a != domain.CheckUnanswered {
				s += "\n" + loc.Tf("exports.ks.followup.assessment", "Result", loc.T("check.result."+string(a)))
			}
			c := txt(s)
			if r.Checks[i].Result == domain.CheckNo || r.Note.Checks[i] == domain.CheckNo {
				c.color = pdfdoc.ColWarn
			}
			cells = append(cells, c)
		}
		crows = append(crows, row{cells: cells})
	}
	k.table(ccols, crows)
	var notes [][2]string
	for _, r := range o.FollowUp.Rows {
		if r.Note.Text != "" {
			notes = append(notes, [2]string{r.Board, r.Note.Text})
		}
	}
	if len(notes) > 0 {
		k.SubHeading(loc.T("exports.ks.followup.notes"), 40)
		k.KeyValues(notes, 150, 9)
	}
}

func (k *ksReport) register() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.register"), true, true, 0)
	k.Paragraph(loc.T("exports.ks.register.intro"), 9.5, false, pdfdoc.ColText)
	cols := []column{{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft}, {loc.T("overview.col.systems"), 1, pdfdoc.AlignRight}}
	for _, l := range overview.Levels {
		title := loc.T("overview.level.none_short")
		if l >= 0 {
			title = strconv.Itoa(l)
		}
		cols = append(cols, column{title, 0.8, pdfdoc.AlignRight})
	}
	cols = append(cols, column{loc.T("overview.col.no_risk"), 1.4, pdfdoc.AlignRight}, column{loc.T("overview.col.no_deepened"), 1.5, pdfdoc.AlignRight},
		column{loc.T("overview.col.below_base"), 1.3, pdfdoc.AlignRight})
	var rows []row
	add := func(name string, r overview.RegisterRow, total bool) {
		cells := []cell{{text: name, bold: true}, txt(loc.Number(int64(r.Systems)))}
		for _, l := range overview.Levels {
			cells = append(cells, txt(loc.Number(int64(r.ByLevel[l]))))
		}
		for _, n := range []int{r.NoRiskAnalysis, r.NoDeepenedPlan, r.BelowBaseline} {
			c := txt(loc.Number(int64(n)))
			if n > 0 {
				c.color, c.bold = pdfdoc.ColWarn, true
			}
			cells = append(cells, c)
		}
		rows = append(rows, row{cells: cells, total: total})
	}
	for _, r := range o.Register.Rows {
		add(r.Board, r, false)
	}
	add(loc.T("overview.total"), o.Register.Total, true)
	k.table(cols, rows)
	k.Paragraph(loc.Tf("exports.ks.register.legend", "Scale", scaleText(o.Profile)), 8.5, false, pdfdoc.ColMuted)

	gaps := o.SystemRows("", overview.Gap).Systems
	if len(gaps) == 0 {
		return
	}
	k.SubHeading(loc.T("exports.ks.register.gaps"), 60)
	var grows []row
	for _, s := range gaps {
		x := s.System
		risk := loc.Date(x.RiskAnalysisAt)
		rc := txt(risk)
		if risk == "" {
			rc = cell{text: loc.T("report.register.missing"), color: pdfdoc.ColWarn, bold: true}
		}
		plan := loc.T("secplan." + string(x.SecurityPlan))
		pc := txt(plan)
		if x.SecurityPlan != domain.SecurityPlanDeepened {
			pc.color, pc.bold = pdfdoc.ColWarn, true
		}
		grows = append(grows, row{cells: []cell{{text: s.Board, bold: true}, txt(x.Name), txt(strconv.Itoa(x.MaxLevel())), rc, pc}})
	}
	k.table([]column{
		{loc.T("overview.col.board"), 2.6, pdfdoc.AlignLeft},
		{loc.T("overview.col.system"), 3.4, pdfdoc.AlignLeft},
		{loc.T("overview.col.level"), 1, pdfdoc.AlignRight},
		{loc.T("report.register.risk"), 1.4, pdfdoc.AlignLeft},
		{loc.T("overview.col.security_plan"), 1.8, pdfdoc.AlignLeft},
	}, grows)
}

// scaleText is the profile's classification scale: "0 Försumbar, 1 Måttlig, …".
func scaleText(p domain.Profile) string {
	var parts []string
	for _, c := range p.Scale {
		parts = append(parts, fmt.Sprintf("%d %s", c.Level, c.Name))
	}
	return strings.Join(parts, ", ")
}
