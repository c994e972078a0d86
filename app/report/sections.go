package report

import (
	"strconv"
	"strings"

	"handlingsplan/app"
)

// ---- cover ----

func (r *renderer) cover() {
	r.newPage()
	p := r.d.Plan

	r.setFont(true, 13)
	r.text(marginL, 58, r.fit(r.opt.Kommun, contentW-120), colHeading)
	r.statusBadge(58)
	r.line(marginL, 80, contentRight, 80, colHeading, 1.2)

	r.y = 150
	r.setFont(true, 24)
	for _, l := range r.wrap(r.loc.T("report.cover.title"), contentW) {
		r.text(marginL, r.y, l, colHeading)
		r.y += 30
	}
	r.setFont(true, 40)
	r.text(marginL, r.y+2, strconv.Itoa(p.Year), colHeading)
	r.y += 56
	r.setFont(false, 17)
	for _, l := range r.wrap(p.Board, contentW) {
		r.text(marginL, r.y, l, colText)
		r.y += 22
	}
	r.y += 26

	signed := r.loc.T("report.cover.unsigned")
	if s := r.opt.Signature; s != nil {
		signed = r.loc.Tf("report.cover.signed_by", "Name", s.Name, "Date", r.loc.Date(s.SignedAt))
	}
	pairs := [][2]string{
		{r.loc.T("report.cover.kommun"), r.opt.Kommun},
		{r.loc.T("report.cover.board"), p.Board},
		{r.loc.T("report.cover.year"), strconv.Itoa(p.Year)},
		{r.loc.T("report.cover.status"), r.planStatus()},
		{r.loc.T("report.cover.version"), strconv.Itoa(p.Version)},
		{r.loc.T("report.cover.responsible"), p.Responsible},
	}
	if p.Contact != "" {
		pairs = append(pairs, [2]string{r.loc.T("report.cover.contact"), p.Contact})
	}
	if decision := r.decision(); decision != "" {
		pairs = append(pairs, [2]string{r.loc.T("report.cover.decision"), decision})
	}
	pairs = append(pairs,
		[2]string{r.loc.T("report.cover.signature"), signed},
		[2]string{r.loc.T("report.cover.printed"), r.loc.Date(r.opt.Now)},
	)
	for i := range pairs {
		if strings.TrimSpace(pairs[i][1]) == "" {
			pairs[i][1] = "–" // not yet filled in; a blank would look like a fault
		}
	}
	r.line(marginL, r.y-8, contentRight, r.y-8, colRuleLight, 0.5)
	r.keyValues(pairs, 150, 10)
	r.line(marginL, r.y, contentRight, r.y, colRuleLight, 0.5)
	r.tocY = r.y + 24

	// The foot of the cover says what the plan rests on and what made the file.
	foot := r.loc.Tf("report.cover.made_with", "App", r.appName())
	if pol := r.opt.Profile.PolicyName; pol != "" {
		foot = r.loc.Tf("report.cover.policy", "Policy", pol) + " " + foot
	}
	r.setFont(false, 8)
	lines := r.wrap(foot, contentW)
	y := footerY - float64(len(lines)-1)*11
	for _, l := range lines {
		r.text(marginL, y, l, colMuted)
		y += 11
	}
}

func (r *renderer) decision() string {
	p := r.d.Plan
	switch {
	case !p.DecisionDate.IsZero() && p.DecisionParagraph != "":
		return r.loc.Date(p.DecisionDate) + ", " + p.DecisionParagraph
	case !p.DecisionDate.IsZero():
		return r.loc.Date(p.DecisionDate)
	}
	return p.DecisionParagraph
}

// statusBadge prints the plan's status in a frame at the top right of the cover, so that a
// draft is never mistaken for the decided plan.
func (r *renderer) statusBadge(y float64) {
	s := r.planStatus()
	if r.opt.Signature == nil && r.d.Plan.Status != app.PlanSigned && r.d.Plan.Status != app.PlanClosed {
		s = r.loc.Tf("report.cover.badge_unsigned", "Status", s)
	}
	r.setFont(true, 9)
	w := r.width(s) + 14
	c := colHeading
	if r.opt.Signature == nil {
		c = colWarn
	}
	r.strokeRect(contentRight-w, y-4, w, 18, c, 0.8)
	r.text(contentRight-w+7, y+0.5, s, c)
}

// drawTOC fills the cover's table of contents once every section's page is known.
func (r *renderer) drawTOC() {
	if r.err != nil || len(r.toc) == 0 {
		return
	}
	y := r.tocY
	r.setFont(true, 11)
	r.text(marginL, y, r.loc.T("report.toc"), colHeading)
	y += 18
	const lh = 14.5
	for _, e := range r.toc {
		r.setFont(false, 9.5)
		num := strconv.Itoa(e.page)
		title := r.fit(e.title, contentW-40)
		r.text(marginL, y, title, colText)
		r.textRight(contentRight, y, num, colText)
		// dotted leader between title and page number
		x0 := marginL + r.width(title) + 6
		x1 := contentRight - r.width(num) - 6
		for x := x0; x < x1; x += 4 {
			r.fillRect(x, y+7.5, 0.8, 0.8, colRule)
		}
		y += lh
	}
}

// ---- summary ----

func (r *renderer) summary() {
	r.sectionHeading(r.loc.T("report.section.summary"), true, true, 0)
	p := r.d.Plan
	intro := r.loc.Tf("report.summary.intro", "Board", p.Board, "Year", p.Year)
	if pol := r.opt.Profile.PolicyName; pol != "" {
		intro = r.loc.Tf("report.summary.intro_policy", "Board", p.Board, "Year", p.Year, "Policy", pol)
	}
	r.paragraph(intro, 9.5, false, colText)

	var internal, external, operating, investment int64
	for _, a := range r.acts {
		internal += a.InternalHours
		external += a.ExternalHours
		operating += a.OperatingCost
		investment += a.Investment
	}
	covered, total := r.goalCoverage()
	goalsNote := ""
	if covered < total {
		goalsNote = r.loc.Tf("report.summary.goals_missing", "Section", r.section+1) // goals come next
	}
	tiles := []struct{ label, value, note string }{
		{r.loc.T("report.summary.activities"), r.loc.Number(int64(len(r.acts))), ""},
		{r.loc.T("report.summary.trainings"), r.loc.Number(int64(len(r.trainings))), ""},
		{r.loc.T("report.summary.checkpoints"), r.loc.Number(int64(len(r.checkpoints))), ""},
		{r.loc.T("report.summary.hours"), r.hours(internal + external),
			r.loc.Tf("report.summary.hours_split", "Internal", r.loc.Number(internal), "External", r.loc.Number(external))},
		{r.loc.T("report.summary.fte"), r.loc.FTE(internal+external, r.opt.Profile.HoursPerFTE),
			r.loc.Tf("report.summary.fte_basis", "Hours", r.loc.Number(int64(r.opt.Profile.HoursPerFTE)))},
		{r.loc.T("report.summary.goals"), r.loc.Tf("report.summary.goals_value", "Covered", covered, "Total", total), goalsNote},
		{r.loc.T("field.operating_cost"), r.loc.Kronor(operating), ""},
		{r.loc.T("field.investment"), r.loc.Kronor(investment), ""},
		{r.loc.T("report.summary.kronor"), r.loc.Kronor(operating + investment), r.loc.T("report.summary.kronor_note")},
	}
	const cols, gap, tileH = 3, 8.0, 58.0
	tileW := (contentW - gap*(cols-1)) / cols
	r.y += 4
	for i, t := range tiles {
		col := i % cols
		if col == 0 && i > 0 {
			r.y += tileH + gap
		}
		if col == 0 {
			r.ensure(tileH)
		}
		x := marginL + float64(col)*(tileW+gap)
		r.fillRect(x, r.y, tileW, tileH, colShade)
		r.fillRect(x, r.y, 2.5, tileH, colHeading)
		r.setFont(false, 8)
		r.text(x+9, r.y+7, r.fit(t.label, tileW-14), colMuted)
		r.setFont(true, 15)
		r.text(x+9, r.y+21, r.fit(t.value, tileW-14), colHeading)
		if t.note != "" {
			r.setFont(false, 7)
			c := colMuted
			if t.note == goalsNote {
				c = colWarn
			}
			r.text(x+9, r.y+43, r.fit(t.note, tileW-14), c)
		}
	}
	r.y += tileH + 10
}

// goalCoverage counts the profile's goals that at least one activity contributes to.
func (r *renderer) goalCoverage() (covered, total int) {
	for _, g := range r.opt.Profile.Goals {
		if len(r.activitiesFor(g.Number)) > 0 {
			covered++
		}
	}
	return covered, len(r.opt.Profile.Goals)
}

// activitiesFor lists, in plan order, the numbers (1-based) of the activities linked to goal n.
func (r *renderer) activitiesFor(n int) []int {
	var out []int
	for i, a := range r.acts {
		for _, g := range a.Goals {
			if g == n {
				out = append(out, i+1)
				break
			}
		}
	}
	return out
}

// ---- goals ----

// maxGoalTitles is how many activities a goal lists by title; beyond it, by number only.
const maxGoalTitles = 10

func numberList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

func (r *renderer) goals() {
	r.sectionHeading(r.loc.T("report.section.goals"), true, false, 120)
	r.paragraph(r.loc.T("report.goals.intro"), 9.5, false, colText)
	if len(r.opt.Profile.Goals) == 0 {
		r.paragraph(r.loc.T("report.goals.none"), 9.5, false, colMuted)
		return
	}
	cols := []column{
		{title: r.loc.T("report.col.goal"), width: 205},
		{title: r.loc.T("report.col.goal_activities"), width: 222},
		{title: r.loc.T("report.col.covered"), width: contentW - 205 - 222},
	}
	var rows []row
	known := map[int]bool{}
	for _, g := range r.opt.Profile.Goals {
		known[g.Number] = true
		goalCell := cell{
			{text: r.loc.Tf("report.goals.goal", "Number", g.Number), bold: true, color: colHeading},
			{text: sentenceCase(g.Text)},
		}
		var acts cell
		linked := r.activitiesFor(g.Number)
		if len(linked) > maxGoalTitles {
			// A long plan would fill pages with repeated titles; the numbers lead to the
			// activity table.
			acts = cell{{text: r.loc.Tf("report.goals.many", "Count", len(linked), "List", numberList(linked))}}
		} else {
			for _, n := range linked {
				acts = append(acts, span{text: strconv.Itoa(n) + ". " + r.acts[n-1].Title, hang: true})
			}
		}
		status := cell{{text: r.loc.T("report.yes")}}
		if len(acts) == 0 {
			acts = cell{{text: r.loc.T("report.goals.uncovered"), color: colWarn}}
			status = cell{{text: r.loc.T("report.no"), bold: true, color: colWarn}}
		}
		rows = append(rows, row{cells: []cell{goalCell, acts, status}})
	}
	r.table(cols, rows)

	// Activities that point at a goal the profile does not have (an old or edited profile).
	var stray []string
	for i, a := range r.acts {
		for _, g := range a.Goals {
			if !known[g] {
				stray = append(stray, r.loc.Tf("report.goals.stray_item", "Activity", i+1, "Goal", g))
			}
		}
	}
	if len(stray) > 0 {
		r.paragraph(r.loc.Tf("report.goals.stray", "List", strings.Join(stray, "; ")), 9, false, colWarn)
	}
}

// ---- activities ----

func (r *renderer) activities() {
	r.sectionHeading(r.loc.T("report.section.activities"), true, true, 60)
	if len(r.acts) == 0 {
		r.paragraph(r.loc.T("report.activities.empty"), 9.5, false, colMuted)
		return
	}
	r.paragraph(r.loc.T("report.activities.intro"), 9.5, false, colText)
	cols := []column{
		{title: r.loc.T("report.col.no"), width: 22, align: alignRight},
		{title: r.loc.T("report.col.activity"), width: 146},
		{title: r.loc.T("report.col.goals"), width: 34},
		{title: r.loc.T("report.col.priority"), width: 40},
		{title: r.loc.T("report.col.responsible"), width: 84},
		{title: r.loc.T("report.col.period"), width: 52},
	}
	used := 0.0
	for _, c := range cols {
		used += c.width
	}
	cols = append(cols, column{title: r.loc.T("report.col.resources"), width: contentW - used})

	var rows []row
	var tot app.Activity
	for i, a := range r.acts {
		what := cell{{text: a.Title, bold: true}}
		if strings.TrimSpace(a.Description) != "" {
			what = append(what, span{text: a.Description})
		}
		rows = append(rows, row{cells: []cell{
			plain(strconv.Itoa(i + 1)),
			what,
			plain(numberList(a.Goals)),
			plain(r.priority(a.Priority)),
			plain(a.Responsible),
			plain(r.period(a.Start, a.End)),
			r.resourceCell(a, false),
		}})
		tot.InternalHours += a.InternalHours
		tot.ExternalHours += a.ExternalHours
		tot.OperatingCost += a.OperatingCost
		tot.Investment += a.Investment
	}
	rows = append(rows, row{total: true, cells: []cell{
		nil, {{text: r.loc.T("report.total"), bold: true}}, nil, nil, nil, nil, r.resourceCell(tot, true),
	}})
	r.table(cols, rows)
}

func (r *renderer) resourceCell(a app.Activity, bold bool) cell {
	return cell{
		{text: r.loc.T("report.res.internal"), value: r.hours(a.InternalHours), bold: bold},
		{text: r.loc.T("report.res.external"), value: r.hours(a.ExternalHours), bold: bold},
		{text: r.loc.T("report.res.operating"), value: r.loc.Kronor(a.OperatingCost), bold: bold},
		{text: r.loc.T("report.res.investment"), value: r.loc.Kronor(a.Investment), bold: bold},
	}
}

// ---- training and information ----

func (r *renderer) trainingSchedule() {
	r.sectionHeading(r.loc.T("report.section.training"), true, true, 60)
	if len(r.trainings) == 0 {
		r.paragraph(r.loc.T("report.training.empty"), 9.5, false, colMuted)
		return
	}
	r.paragraph(r.loc.T("report.training.intro"), 9.5, false, colText)
	cols := []column{
		{title: r.loc.T("report.col.training"), width: 96},
		{title: r.loc.T("report.col.target_group"), width: 68},
		{title: r.loc.T("report.col.format"), width: 60},
		{title: r.loc.T("report.col.dates"), width: 50},
		{title: r.loc.T("report.col.responsible"), width: 62},
		{title: r.loc.T("report.col.participants"), width: 54, align: alignRight},
	}
	used := 0.0
	for _, c := range cols {
		used += c.width
	}
	cols = append(cols, column{title: r.loc.T("report.col.evaluation"), width: contentW - used})
	var rows []row
	var expected int64
	for _, t := range r.trainings {
		dates := make([]string, 0, len(t.Dates))
		for _, d := range t.Dates {
			dates = append(dates, r.loc.Date(d))
		}
		rows = append(rows, row{cells: []cell{
			{{text: t.Title, bold: true}},
			plain(t.TargetGroup),
			plain(r.keyOr("format."+string(t.Format), string(t.Format))),
			plain(strings.Join(dates, "\n")),
			plain(t.Responsible),
			plain(r.loc.Number(int64(t.ExpectedParticipants))),
			plain(t.Evaluation),
		}})
		expected += int64(t.ExpectedParticipants)
	}
	rows = append(rows, row{total: true, cells: []cell{
		{{text: r.loc.T("report.total"), bold: true}}, nil, nil, nil, nil,
		{{text: r.loc.Number(expected), bold: true}}, nil,
	}})
	r.table(cols, rows)
}

// ---- follow-up and reporting ----

func (r *renderer) followUpPlan() {
	r.sectionHeading(r.loc.T("report.section.followup"), true, false, 80)
	if len(r.checkpoints) == 0 {
		r.paragraph(r.loc.T("report.followup.empty"), 9.5, false, colMuted)
		return
	}
	r.paragraph(r.loc.T("report.followup.intro"), 9.5, false, colText)
	cols := []column{
		{title: r.loc.T("report.col.date"), width: 62},
		{title: r.loc.T("report.col.method"), width: 230},
		{title: r.loc.T("report.col.report_to"), width: 130},
	}
	cols = append(cols, column{title: r.loc.T("report.col.done"), width: contentW - 62 - 230 - 130})
	var rows []row
	for _, c := range r.checkpoints {
		done := r.loc.T("report.no")
		if c.Done {
			done = r.loc.T("report.yes")
		}
		rows = append(rows, row{cells: []cell{
			plain(r.loc.Date(c.Date)), plain(c.Method), plain(c.ReportTo), plain(done),
		}})
	}
	r.table(cols, rows)
}

// ---- last year's follow-up ----

func (r *renderer) previous() {
	prev := r.d.Previous
	year := r.d.Plan.Year - 1
	if prev != nil {
		year = prev.Plan.Year
	}
	r.sectionHeading(r.loc.Tf("report.section.previous", "Year", year), true, true, 60)
	if prev == nil {
		r.paragraph(r.loc.Tf("report.previous.none", "Year", year), 9.5, false, colMuted)
		return
	}
	acts := inPlanOrder(prev.Activities, func(a app.Activity) int { return a.Position })
	done := 0
	for _, a := range acts {
		if a.Status == app.ActivityDone {
			done++
		}
	}
	r.paragraph(r.loc.Tf("report.previous.intro", "Year", year, "Done", done, "Total", len(acts)), 9.5, false, colText)

	if len(acts) > 0 {
		cols := []column{
			{title: r.loc.T("report.col.no"), width: 22, align: alignRight},
			{title: r.loc.T("report.col.activity_short"), width: 124},
			{title: r.loc.T("report.col.status"), width: 56},
			{title: r.loc.T("report.col.percent"), width: 34, align: alignRight},
			{title: r.loc.T("report.col.planned"), width: 58, align: alignRight},
			{title: r.loc.T("report.col.actual"), width: 58, align: alignRight},
		}
		used := 0.0
		for _, c := range cols {
			used += c.width
		}
		cols = append(cols, column{title: r.loc.T("report.col.comment"), width: contentW - used})
		var rows []row
		for i, a := range acts {
			rows = append(rows, row{cells: []cell{
				plain(strconv.Itoa(i + 1)),
				{{text: a.Title, bold: true}},
				plain(r.keyOr("activity.status."+string(a.Status), string(a.Status))),
				plain(r.loc.Tf("report.percent", "N", r.loc.Number(int64(a.PercentDone)))),
				{{text: r.hours(a.TotalHours())}, {text: r.loc.Kronor(a.TotalKronor())}},
				{{text: r.hours(a.ActualHours)}, {text: r.loc.Kronor(a.ActualKronor)}},
				plain(a.FollowUpComment),
			}})
		}
		r.table(cols, rows)
	}

	trainings := inPlanOrder(prev.Trainings, func(t app.Training) int { return t.Position })
	if len(trainings) > 0 {
		r.subHeading(r.loc.T("report.previous.trainings"), 60)
		cols := []column{
			{title: r.loc.T("report.col.training"), width: 230},
			{title: r.loc.T("report.col.format"), width: 110},
			{title: r.loc.T("report.col.expected"), width: 70, align: alignRight},
		}
		cols = append(cols, column{title: r.loc.T("report.col.actual_participants"), width: contentW - 410, align: alignRight})
		var rows []row
		for _, t := range trainings {
			rows = append(rows, row{cells: []cell{
				{{text: t.Title, bold: true}},
				plain(r.keyOr("format."+string(t.Format), string(t.Format))),
				plain(r.loc.Number(int64(t.ExpectedParticipants))),
				plain(r.loc.Number(int64(t.ActualParticipants))),
			}})
		}
		r.table(cols, rows)
	}

	r.subHeading(r.loc.T("report.previous.checks"), 80)
	r.paragraph(r.loc.T("report.previous.checks_intro"), 9, false, colText)
	cols := []column{
		{title: r.loc.T("report.col.check"), width: 170},
		{title: r.loc.T("report.col.answer"), width: 62},
	}
	cols = append(cols, column{title: r.loc.T("report.col.comment"), width: contentW - 232})
	var rows []row
	for i, c := range prev.Plan.Checks {
		answer := span{text: r.keyOr("check.result."+string(c.Result), string(c.Result))}
		if c.Result == app.CheckNo || c.Result == app.CheckUnanswered {
			answer.color, answer.bold = colWarn, true
		}
		rows = append(rows, row{cells: []cell{
			{{text: r.loc.T("check." + strconv.Itoa(i)), bold: true}},
			{answer},
			plain(c.Text),
		}})
	}
	r.table(cols, rows)
}

// ---- register annex ----

func (r *renderer) register() {
	r.sectionHeading(r.loc.T("report.section.register"), false, true, 60)
	r.notice(r.loc.T("report.register.notice_title"), r.loc.T("report.register.notice"), colWarn, colWarnFill)
	if len(r.d.Systems) == 0 {
		r.paragraph(r.loc.T("report.register.empty"), 9.5, false, colMuted)
		return
	}
	r.paragraph(r.loc.Tf("report.register.legend", "Scale", r.scaleText()), 8.5, false, colText)
	cols := []column{
		{title: r.loc.T("report.col.system"), width: 82},
		{title: r.loc.T("report.col.owner"), width: 84},
		{title: r.loc.T("report.col.classification"), width: 100},
		{title: r.loc.T("report.col.baseline"), width: 40},
		{title: r.loc.T("report.col.security_plan"), width: 58},
	}
	used := 0.0
	for _, c := range cols {
		used += c.width
	}
	cols = append(cols, column{title: r.loc.T("report.col.analyses"), width: contentW - used})
	var rows []row
	for _, s := range r.d.Systems {
		name := cell{{text: s.Name, bold: true}}
		if s.Description != "" {
			name = append(name, span{text: s.Description, color: colMuted})
		}
		if s.Sensitive {
			name = append(name, span{text: r.loc.T("report.register.sensitive"), bold: true, color: colWarn})
		}
		class := cell{
			r.levelSpan("report.class.c", s.Confidentiality),
			r.levelSpan("report.class.i", s.Integrity),
			r.levelSpan("report.class.a", s.Availability),
			r.levelSpan("report.class.t", s.Traceability),
		}
		baseline := r.loc.T("report.no")
		if s.BaselineMet {
			baseline = r.loc.T("report.yes")
		}
		secplan := cell{{text: r.keyOr("secplan."+string(s.SecurityPlan), string(s.SecurityPlan))}}
		if !s.SecurityPlanAt.IsZero() {
			secplan = append(secplan, span{text: r.loc.Date(s.SecurityPlanAt)})
		}
		analyses := cell{}
		for _, d := range []struct {
			key string
			at  string
		}{
			{"report.register.risk", r.loc.Date(s.RiskAnalysisAt)},
			{"report.register.continuity", r.loc.Date(s.ContinuityAt)},
			{"report.register.recovery", r.loc.Date(s.RecoveryAt)},
		} {
			at := d.at
			if at == "" {
				at = r.loc.T("report.register.missing")
			}
			analyses = append(analyses, span{text: r.loc.T(d.key), value: at})
		}
		rows = append(rows, row{cells: []cell{name, plain(s.Owner), class, plain(baseline), secplan, analyses}})
	}
	r.table(cols, rows)
}

// levelSpan prints one classification aspect as "K 3 Allvarlig".
func (r *renderer) levelSpan(letterKey string, level int) span {
	letter := r.loc.T(letterKey)
	if level < 0 {
		return span{text: letter + " " + r.loc.T("report.class.unset"), color: colMuted}
	}
	name := ""
	for _, l := range r.opt.Profile.Scale {
		if l.Level == level {
			name = l.Name
		}
	}
	return span{text: strings.TrimSpace(letter + " " + strconv.Itoa(level) + " " + name)}
}

func (r *renderer) scaleText() string {
	parts := make([]string, 0, len(r.opt.Profile.Scale))
	for _, l := range r.opt.Profile.Scale {
		parts = append(parts, strconv.Itoa(l.Level)+"\u00a0"+l.Name)
	}
	return strings.Join(parts, ", ")
}

// ---- signature ----

func (r *renderer) signature() {
	r.sectionHeading(r.loc.T("report.section.signature"), false, true, 60)
	s := r.opt.Signature
	if s == nil {
		r.notice(r.loc.T("report.signature.unsigned"), r.loc.T("report.signature.unsigned_text"), colWarn, colWarnFill)
		return
	}
	r.paragraph(r.loc.T("report.signature.intro"), 9.5, false, colText)
	r.y += 4
	pairs := [][2]string{
		{r.loc.T("report.signature.name"), s.Name},
		{r.loc.T("report.signature.title"), s.Title},
		{r.loc.T("report.signature.email"), s.Email},
		{r.loc.T("report.signature.signed_at"), r.loc.DateTime(s.SignedAt)},
		{r.loc.T("report.signature.fingerprint"), s.Fingerprint},
		{r.loc.T("report.signature.issuer"), s.Issuer},
	}
	r.line(marginL, r.y-4, contentRight, r.y-4, colRuleLight, 0.5)
	r.keyValues(pairs, 170, 10)
	r.line(marginL, r.y, contentRight, r.y, colRuleLight, 0.5)
	r.y += 14
	r.paragraph(r.loc.T("report.signature.verify"), 9, false, colMuted)
}
