package report

import (
	"slices"
	"strconv"
	"strings"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// ---- cover ----

func (r *renderer) cover() {
	r.NewPage()
	p := r.d.Plan

	r.SetFont(true, 13)
	r.Text(pdfdoc.MarginL, 58, r.Fit(r.opt.Kommun, pdfdoc.ContentW-120), pdfdoc.ColHeading)
	r.statusBadge(58)
	r.Line(pdfdoc.MarginL, 80, pdfdoc.ContentRight, 80, pdfdoc.ColHeading, 1.2)

	r.Y = 150
	r.SetFont(true, 24)
	for _, l := range r.Wrap(r.loc.T("report.cover.title"), pdfdoc.ContentW) {
		r.Text(pdfdoc.MarginL, r.Y, l, pdfdoc.ColHeading)
		r.Y += 30
	}
	r.SetFont(true, 40)
	r.Text(pdfdoc.MarginL, r.Y+2, strconv.Itoa(p.Year), pdfdoc.ColHeading)
	r.Y += 56
	r.SetFont(false, 17)
	for _, l := range r.Wrap(p.Board, pdfdoc.ContentW) {
		r.Text(pdfdoc.MarginL, r.Y, l, pdfdoc.ColText)
		r.Y += 22
	}
	r.Y += 26

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
	// Before the meeting: when the board is to decide; after it: the decision as registered.
	if decision := p.DecisionLine(r.loc); decision != "" {
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
	r.Line(pdfdoc.MarginL, r.Y-8, pdfdoc.ContentRight, r.Y-8, pdfdoc.ColRuleLight, 0.5)
	r.KeyValues(pairs, 150, 10)
	r.Line(pdfdoc.MarginL, r.Y, pdfdoc.ContentRight, r.Y, pdfdoc.ColRuleLight, 0.5)
	r.TOCY = r.Y + 24

	// The foot of the cover says what the plan rests on and what made the file.
	foot := r.loc.Tf("report.cover.made_with", "App", r.appName())
	if pol := r.opt.Profile.PolicyName; pol != "" {
		foot = r.loc.Tf("report.cover.policy", "Policy", pol) + " " + foot
	}
	r.SetFont(false, 8)
	lines := r.Wrap(foot, pdfdoc.ContentW)
	y := pdfdoc.FooterY - float64(len(lines)-1)*11
	for _, l := range lines {
		r.Text(pdfdoc.MarginL, y, l, pdfdoc.ColMuted)
		y += 11
	}
}

// statusBadge prints the plan's status in a frame at the top right of the cover, so that a
// draft is never mistaken for the decided plan.
func (r *renderer) statusBadge(y float64) {
	s := r.planStatus()
	if r.d.Plan.Decided() {
		s = r.loc.Tf("report.cover.badge_decided", "Status", s)
	}
	if r.opt.Signature == nil && r.d.Plan.Status != domain.PlanSigned && r.d.Plan.Status != domain.PlanClosed {
		s = r.loc.Tf("report.cover.badge_unsigned", "Status", s)
	}
	r.SetFont(true, 9)
	w := r.Width(s) + 14
	c := pdfdoc.ColHeading
	if r.opt.Signature == nil {
		c = pdfdoc.ColWarn
	}
	r.StrokeRect(pdfdoc.ContentRight-w, y-4, w, 18, c, 0.8)
	r.Text(pdfdoc.ContentRight-w+7, y+0.5, s, c)
}

// ---- summary ----

func (r *renderer) summary() {
	r.Section(r.loc.T("report.section.summary"), true, true, 0)
	p := r.d.Plan
	intro := r.loc.Tf("report.summary.intro", "Board", p.Board, "Year", p.Year)
	if pol := r.opt.Profile.PolicyName; pol != "" {
		intro = r.loc.Tf("report.summary.intro_policy", "Board", p.Board, "Year", p.Year, "Policy", pol)
	}
	r.Paragraph(intro, 9.5, false, pdfdoc.ColText)
	// What the review says of the plan, in the words of the wizard's review; each problem is
	// printed in red where it belongs.
	if blocking, warnings := r.marks.count(); blocking+warnings > 0 {
		r.Paragraph(r.loc.Tf("report.summary.review", "Blocking", blocking, "Warnings", warnings), 9, false, pdfdoc.ColMuted)
	} else {
		r.Paragraph(r.loc.T("report.summary.review_none"), 9, false, pdfdoc.ColMuted)
	}
	r.planNotes("responsible", "year", "contact", "decision_date", "decision_paragraph", "decided_on", "decision_dnr", "decision_body")

	var internal, external, operating, investment int64
	for _, a := range r.acts {
		internal += a.InternalHours
		external += a.ExternalHours
		operating += a.OperatingCost
		investment += a.Investment
	}
	covered, total := r.goalCoverage()
	goalsNote := ""
	if len(r.marks.find("plan", r.d.Plan.ID, false, "goals")) > 0 {
		goalsNote = r.loc.Tf("report.summary.goals_missing", "Section", r.Sections()+2) // the annual goals, then the goals
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
		{r.loc.T("report.summary.annual"), r.loc.Number(int64(len(r.annual))), ""},
		{r.loc.T("report.summary.areas"), r.loc.Tf("report.summary.goals_value", "Covered", countIn(r.opt.Profile.Areas, domain.AreasOf(r.d)), "Total", len(r.opt.Profile.Areas)),
			r.loc.T("report.summary.areas_note")},
		{r.loc.T("report.summary.management"), r.loc.Number(int64(len(domain.ManagementTrainings(r.d)))), r.loc.T("report.summary.management_note")},
	}
	const cols, gap, tileH = 3, 8.0, 58.0
	tileW := (pdfdoc.ContentW - gap*(cols-1)) / cols
	r.Y += 4
	for i, t := range tiles {
		col := i % cols
		if col == 0 && i > 0 {
			r.Y += tileH + gap
		}
		if col == 0 {
			r.Ensure(tileH)
		}
		x := pdfdoc.MarginL + float64(col)*(tileW+gap)
		r.FillRect(x, r.Y, tileW, tileH, pdfdoc.ColShade)
		r.FillRect(x, r.Y, 2.5, tileH, pdfdoc.ColHeading)
		r.SetFont(false, 8)
		r.Text(x+9, r.Y+7, r.Fit(t.label, tileW-14), pdfdoc.ColMuted)
		r.SetFont(true, 15)
		r.Text(x+9, r.Y+21, r.Fit(t.value, tileW-14), pdfdoc.ColHeading)
		if t.note != "" {
			r.SetFont(false, 7)
			c := pdfdoc.ColMuted
			if t.note == goalsNote {
				c = pdfdoc.ColWarn // the goals' own problems are marked in the goals table
			}
			r.Text(x+9, r.Y+43, r.Fit(t.note, tileW-14), c)
		}
	}
	r.Y += tileH + 10
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
		// Through its annual goal too (domain.GoalsOf), as the review counts coverage.
		if slices.Contains(domain.GoalsOf(a, r.d.AnnualGoals), n) {
			out = append(out, i+1)
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
	r.Section(r.loc.T("report.section.goals"), true, false, 120)
	r.Paragraph(r.loc.T("report.goals.intro"), 9.5, false, pdfdoc.ColText)
	if len(r.opt.Profile.Goals) == 0 {
		r.Paragraph(r.loc.T("report.goals.none"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.goal"), Width: 205},
		{Title: r.loc.T("report.col.goal_activities"), Width: 222},
		{Title: r.loc.T("report.col.covered"), Width: pdfdoc.ContentW - 205 - 222},
	}
	var rows []pdfdoc.Row
	known := map[int]bool{}
	for _, g := range r.opt.Profile.Goals {
		known[g.Number] = true
		goalCell := pdfdoc.Cell{
			{Text: r.loc.Tf("report.goals.goal", "Number", g.Number), Bold: true, Color: pdfdoc.ColHeading},
			{Text: sentenceCase(g.Text)},
		}
		var acts pdfdoc.Cell
		linked := r.activitiesFor(g.Number)
		if len(linked) > maxGoalTitles {
			// A long plan would fill pages with repeated titles; the numbers lead to the
			// activity table.
			acts = pdfdoc.Cell{{Text: r.loc.Tf("report.goals.many", "Count", len(linked), "List", numberList(linked))}}
		} else {
			for _, n := range linked {
				acts = append(acts, pdfdoc.Span{Text: strconv.Itoa(n) + ". " + r.acts[n-1].Title, Hang: true})
			}
		}
		status := pdfdoc.Cell{{Text: r.loc.T("report.yes")}}
		if len(acts) == 0 {
			// Red where the review warns ("nothing serves goal n"); a plan without activities
			// has its own problem, in the activities section.
			marked := r.goalProblem(g.Number)
			acts = pdfdoc.Cell{r.marks.mark(pdfdoc.Span{Text: r.loc.T("report.goals.uncovered")}, marked)}
			status = pdfdoc.Cell{r.marks.mark(pdfdoc.Span{Text: r.loc.T("report.no")}, marked)}
			acts[0].Bold = false
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{goalCell, acts, status}})
	}
	r.table(cols, rows)

	// Activities that point at a goal the profile does not have (an old or edited profile):
	// the review's "goal n is not in the policy", gathered here.
	var stray []string
	for i, a := range r.acts {
		for _, g := range a.Goals {
			if !known[g] && r.strayGoal(a.ID, g) {
				stray = append(stray, r.loc.Tf("report.goals.stray_item", "Activity", i+1, "Goal", g))
			}
		}
	}
	if len(stray) > 0 {
		r.Paragraph(r.loc.Tf("report.goals.stray", "List", strings.Join(stray, "; ")), 9, false, pdfdoc.ColWarn)
	}
}

// goalProblem reports whether the review warns that nothing serves goal n, and marks it shown.
func (r *renderer) goalProblem(n int) bool {
	found := false
	for _, i := range r.marks.find("plan", r.d.Plan.ID, false, "goals") {
		if p := r.marks.ps[i]; p.Key == "err.goal_uncovered" && argOf(p, "Goal") == n {
			r.marks.shown[i] = true
			found = true
		}
	}
	return found
}

// strayGoal reports whether the review says activity id's goal n is not in the policy, and
// marks it shown.
func (r *renderer) strayGoal(id int64, n int) bool {
	found := false
	for _, i := range r.marks.find("activity", id, false, "goals") {
		if p := r.marks.ps[i]; p.Key == "err.unknown_goal" && argOf(p, "Goal") == n {
			r.marks.shown[i] = true
			found = true
		}
	}
	return found
}

// argOf is the value of a problem's template argument name.
func argOf(p domain.Problem, name string) any {
	for i := 0; i+1 < len(p.Args); i += 2 {
		if p.Args[i] == name {
			return p.Args[i+1]
		}
	}
	return nil
}

// ---- activities ----

func (r *renderer) activities() {
	r.Section(r.loc.T("report.section.activities"), true, true, 60)
	r.planNotes("activities")
	if len(r.acts) == 0 {
		r.Paragraph(r.loc.T("report.activities.empty"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	r.Paragraph(r.loc.T("report.activities.intro"), 9.5, false, pdfdoc.ColText)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.no"), Width: 22, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("report.col.activity"), Width: 146},
		{Title: r.loc.T("report.col.goals"), Width: 34},
		{Title: r.loc.T("report.col.priority"), Width: 40},
		{Title: r.loc.T("report.col.responsible"), Width: 84},
		{Title: r.loc.T("report.col.period"), Width: 52},
	}
	used := 0.0
	for _, c := range cols {
		used += c.Width
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.resources"), Width: pdfdoc.ContentW - used})

	var rows []pdfdoc.Row
	var tot domain.Activity
	for i, a := range r.acts {
		what := pdfdoc.Cell{{Text: a.Title, Bold: true}}
		if strings.TrimSpace(a.Description) != "" {
			what = append(what, pdfdoc.Span{Text: a.Description})
		}
		if n := r.annualNumber(a.AnnualGoalID); n > 0 {
			what = append(what, pdfdoc.Span{Text: r.loc.Tf("report.activities.annual", "Number", n, "Text", r.annual[n-1].Text), Color: pdfdoc.ColMuted})
		}
		what = append(what, r.notes("activity", a.ID, false)...)
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			pdfdoc.Plain(strconv.Itoa(i + 1)),
			what,
			pdfdoc.Plain(numberList(domain.GoalsOf(a, r.d.AnnualGoals))),
			pdfdoc.Plain(r.priority(a.Priority)),
			pdfdoc.Plain(a.Responsible),
			pdfdoc.Plain(r.period(a.Start, a.End)),
			r.resourceCell(a, false),
		}})
		tot.InternalHours += a.InternalHours
		tot.ExternalHours += a.ExternalHours
		tot.OperatingCost += a.OperatingCost
		tot.Investment += a.Investment
	}
	rows = append(rows, pdfdoc.Row{Total: true, Cells: []pdfdoc.Cell{
		nil, {{Text: r.loc.T("report.total"), Bold: true}}, nil, nil, nil, nil, r.resourceCell(tot, true),
	}})
	r.table(cols, rows)
}

func (r *renderer) resourceCell(a domain.Activity, bold bool) pdfdoc.Cell {
	return pdfdoc.Cell{
		{Text: r.loc.T("report.res.internal"), Value: r.hours(a.InternalHours), Bold: bold},
		{Text: r.loc.T("report.res.external"), Value: r.hours(a.ExternalHours), Bold: bold},
		{Text: r.loc.T("report.res.operating"), Value: r.loc.Kronor(a.OperatingCost), Bold: bold},
		{Text: r.loc.T("report.res.investment"), Value: r.loc.Kronor(a.Investment), Bold: bold},
	}
}

// ---- training and information ----

func (r *renderer) trainingSchedule() {
	r.Section(r.loc.T("report.section.training"), true, true, 60)
	r.planNotes("trainings")
	if len(r.trainings) == 0 {
		r.Paragraph(r.loc.T("report.training.empty"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	r.Paragraph(r.loc.T("report.training.intro"), 9.5, false, pdfdoc.ColText)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.training"), Width: 96},
		{Title: r.loc.T("report.col.target_group"), Width: 68},
		{Title: r.loc.T("report.col.format"), Width: 60},
		{Title: r.loc.T("report.col.dates"), Width: 50},
		{Title: r.loc.T("report.col.responsible"), Width: 62},
		{Title: r.loc.T("report.col.participants"), Width: 54, Align: pdfdoc.AlignRight},
	}
	used := 0.0
	for _, c := range cols {
		used += c.Width
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.evaluation"), Width: pdfdoc.ContentW - used})
	var rows []pdfdoc.Row
	var expected int64
	for _, t := range r.trainings {
		dates := make([]string, 0, len(t.Dates))
		for _, d := range t.Dates {
			dates = append(dates, r.loc.Date(d))
		}
		title := pdfdoc.Cell{{Text: t.Title, Bold: true}}
		if t.IsManagement() {
			title = append(title, pdfdoc.Span{Text: r.loc.T("training.kind.management"), Color: pdfdoc.ColHeading})
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			append(title, r.notes("training", t.ID, false)...),
			pdfdoc.Plain(t.TargetGroup),
			pdfdoc.Plain(r.keyOr("format."+string(t.Format), string(t.Format))),
			pdfdoc.Plain(strings.Join(dates, "\n")),
			pdfdoc.Plain(t.Responsible),
			pdfdoc.Plain(r.loc.Number(int64(t.ExpectedParticipants))),
			pdfdoc.Plain(t.Evaluation),
		}})
		expected += int64(t.ExpectedParticipants)
	}
	rows = append(rows, pdfdoc.Row{Total: true, Cells: []pdfdoc.Cell{
		{{Text: r.loc.T("report.total"), Bold: true}}, nil, nil, nil, nil,
		{{Text: r.loc.Number(expected), Bold: true}}, nil,
	}})
	r.table(cols, rows)
}

// ---- follow-up and reporting ----

func (r *renderer) followUpPlan() {
	r.Section(r.loc.T("report.section.followup"), true, false, 80)
	r.planNotes("checkpoints")
	defer r.followUpsDone(r.d, false) // the follow-ups already recorded this year
	if len(r.checkpoints) == 0 {
		r.Paragraph(r.loc.T("report.followup.empty"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	r.Paragraph(r.loc.T("report.followup.intro"), 9.5, false, pdfdoc.ColText)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.date"), Width: 62},
		{Title: r.loc.T("report.col.method"), Width: 230},
		{Title: r.loc.T("report.col.report_to"), Width: 130},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.done"), Width: pdfdoc.ContentW - 62 - 230 - 130})
	var rows []pdfdoc.Row
	for _, c := range r.checkpoints {
		done := r.loc.T("report.no")
		if c.Done {
			done = r.loc.T("report.yes")
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			pdfdoc.Plain(r.loc.Date(c.Date)), append(pdfdoc.Plain(c.Method), r.notes("checkpoint", c.ID, false)...),
			pdfdoc.Plain(c.ReportTo), pdfdoc.Plain(done),
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
	r.Section(r.loc.Tf("report.section.previous", "Year", year), true, true, 60)
	if prev == nil {
		r.Paragraph(r.loc.Tf("report.previous.none", "Year", year), 9.5, false, pdfdoc.ColMuted)
		return
	}
	acts := inPlanOrder(prev.Activities, func(a domain.Activity) int { return a.Position })
	now := domain.CountNow(*prev, r.opt.Now)
	r.Paragraph(r.loc.Tf("report.previous.intro", "Year", year, "Done", now.Statuses[domain.ActivityDone], "Total", len(acts)), 9.5, false, pdfdoc.ColText)
	if line := prev.Plan.FollowUpDecisionLine(r.loc); line != "" {
		r.Paragraph(line, 9.5, false, pdfdoc.ColText)
	}
	for _, s := range r.notes("plan", prev.Plan.ID, true, "followup_decision_dnr", "followup_decision_date", "followup_decision_body", "followup_decision_paragraph") {
		r.Paragraph(s.Text, 9, false, pdfdoc.ColWarn)
	}

	if len(acts) > 0 {
		cols := []pdfdoc.Column{
			{Title: r.loc.T("report.col.no"), Width: 22, Align: pdfdoc.AlignRight},
			{Title: r.loc.T("report.col.activity_short"), Width: 124},
			{Title: r.loc.T("report.col.status"), Width: 56},
			{Title: r.loc.T("report.col.percent"), Width: 34, Align: pdfdoc.AlignRight},
			{Title: r.loc.T("report.col.planned"), Width: 58, Align: pdfdoc.AlignRight},
			{Title: r.loc.T("report.col.actual"), Width: 58, Align: pdfdoc.AlignRight},
		}
		used := 0.0
		for _, c := range cols {
			used += c.Width
		}
		cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.comment"), Width: pdfdoc.ContentW - used})
		var rows []pdfdoc.Row
		for i, a := range acts {
			rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
				pdfdoc.Plain(strconv.Itoa(i + 1)),
				append(pdfdoc.Cell{{Text: a.Title, Bold: true}}, r.notes("activity", a.ID, true)...),
				pdfdoc.Plain(r.statusText(a, r.opt.Now)),
				pdfdoc.Plain(r.loc.Tf("report.percent", "N", r.loc.Number(int64(a.PercentDone)))),
				{{Text: r.hours(a.TotalHours())}, {Text: r.loc.Kronor(a.TotalKronor())}},
				{{Text: r.hours(a.ActualHours)}, {Text: r.loc.Kronor(a.ActualKronor)}},
				pdfdoc.Plain(a.FollowUpComment),
			}})
		}
		r.table(cols, rows)
	}

	trainings := inPlanOrder(prev.Trainings, func(t domain.Training) int { return t.Position })
	if len(trainings) > 0 {
		r.SubHeading(r.loc.T("report.previous.trainings"), 60)
		cols := []pdfdoc.Column{
			{Title: r.loc.T("report.col.training"), Width: 230},
			{Title: r.loc.T("report.col.format"), Width: 110},
			{Title: r.loc.T("report.col.expected"), Width: 70, Align: pdfdoc.AlignRight},
		}
		cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.actual_participants"), Width: pdfdoc.ContentW - 410, Align: pdfdoc.AlignRight})
		var rows []pdfdoc.Row
		for _, t := range trainings {
			rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
				append(pdfdoc.Cell{{Text: t.Title, Bold: true}}, r.notes("training", t.ID, true)...),
				pdfdoc.Plain(r.keyOr("format."+string(t.Format), string(t.Format))),
				pdfdoc.Plain(r.loc.Number(int64(t.ExpectedParticipants))),
				pdfdoc.Plain(r.loc.Number(int64(t.ActualParticipants))),
			}})
		}
		r.table(cols, rows)
	}

	r.annualOutcomes(*prev)
	r.followUpsDone(*prev, true)

	r.SubHeading(r.loc.T("report.previous.checks"), 80)
	r.Paragraph(r.loc.T("report.previous.checks_intro"), 9, false, pdfdoc.ColText)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.check"), Width: 170},
		{Title: r.loc.T("report.col.answer"), Width: 62},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.comment"), Width: pdfdoc.ContentW - 232})
	var rows []pdfdoc.Row
	for i, c := range domain.Checks(*prev) {
		// Red where the review warns: unanswered, or answered no.
		answer := r.marks.mark(pdfdoc.Span{Text: r.keyOr("check.result."+string(c.Result), string(c.Result))},
			r.marks.has("plan", prev.Plan.ID, true, domain.CheckField(i)))
		check := pdfdoc.Cell{{Text: r.loc.T("check." + strconv.Itoa(i)), Bold: true}}
		if _, done, total, ok := domain.GoalsFollowedUp(prev.AnnualGoals); ok && i == domain.CheckGoalsFollowed {
			check = append(check, pdfdoc.Span{Text: r.loc.Tf("report.previous.goals_check", "Done", done, "Total", total), Color: pdfdoc.ColMuted})
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			check,
			{answer},
			pdfdoc.Plain(c.Text),
		}})
	}
	r.table(cols, rows)
}

// ---- register annex ----

func (r *renderer) register() {
	r.Section(r.loc.T("report.section.register"), false, true, 60)
	r.Notice(r.loc.T("report.register.notice_title"), r.loc.T("report.register.notice"), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
	if len(r.d.Systems) == 0 {
		r.Paragraph(r.loc.T("report.register.empty"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	r.Paragraph(r.loc.Tf("report.register.legend", "Scale", r.scaleText()), 8.5, false, pdfdoc.ColText)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.system"), Width: 82},
		{Title: r.loc.T("report.col.owner"), Width: 84},
		{Title: r.loc.T("report.col.classification"), Width: 100},
		{Title: r.loc.T("report.col.baseline"), Width: 40},
		{Title: r.loc.T("report.col.security_plan"), Width: 58},
	}
	used := 0.0
	for _, c := range cols {
		used += c.Width
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.analyses"), Width: pdfdoc.ContentW - used})
	var rows []pdfdoc.Row
	for _, s := range r.d.Systems {
		name := pdfdoc.Cell{{Text: s.Name, Bold: true}}
		if s.Description != "" {
			name = append(name, pdfdoc.Span{Text: s.Description, Color: pdfdoc.ColMuted})
		}
		if s.Sensitive {
			// Red, though no problem: sensitive details must not be e-mailed.
			name = append(name, r.marks.info(pdfdoc.Span{Text: r.loc.T("report.register.sensitive")}))
		}
		class := pdfdoc.Cell{
			r.levelSpan("report.class.c", s.Confidentiality),
			r.levelSpan("report.class.i", s.Integrity),
			r.levelSpan("report.class.a", s.Availability),
			r.levelSpan("report.class.t", s.Traceability),
		}
		class = append(class, r.classifiedSpan(s))
		// What the review warns of is red here ("Nej" below the basnivå, the plan a high level
		// asks for, "saknas" for its risk analysis); a date nothing asks for is a plain "–".
		baseline := pdfdoc.Span{Text: r.loc.T("report.yes")}
		if !s.BaselineMet {
			baseline = r.marks.mark(pdfdoc.Span{Text: r.loc.T("report.no")}, r.marks.has("system", s.ID, false, "baseline_met"))
		}
		secplan := pdfdoc.Cell{r.marks.mark(pdfdoc.Span{Text: r.keyOr("secplan."+string(s.SecurityPlan), string(s.SecurityPlan))},
			r.marks.has("system", s.ID, false, "security_plan"))}
		if !s.SecurityPlanAt.IsZero() {
			secplan = append(secplan, pdfdoc.Span{Text: r.loc.Date(s.SecurityPlanAt)})
		}
		analyses := pdfdoc.Cell{}
		for _, d := range []struct {
			key, field string
			at         string
		}{
			{"report.register.risk", "risk_analysis_at", r.loc.Date(s.RiskAnalysisAt)},
			{"report.register.continuity", "continuity_at", r.loc.Date(s.ContinuityAt)},
			{"report.register.recovery", "recovery_at", r.loc.Date(s.RecoveryAt)},
		} {
			span := pdfdoc.Span{Text: r.loc.T(d.key), Value: d.at}
			marked := r.marks.has("system", s.ID, false, d.field)
			switch {
			case d.at == "" && marked:
				span = r.marks.mark(pdfdoc.Span{Text: r.loc.T(d.key), Value: r.loc.T("report.register.missing")}, true)
			case d.at == "":
				span.Value = "–"
			default:
				span = r.marks.mark(span, marked) // older than the review asks for
			}
			analyses = append(analyses, span)
		}
		name = append(name, r.notes("system", s.ID, false)...)
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{name, pdfdoc.Plain(s.Owner), class, {baseline}, secplan, analyses}})
	}
	r.table(cols, rows)
}

// levelSpan prints one classification aspect as "K 3 Allvarlig".
func (r *renderer) levelSpan(letterKey string, level int) pdfdoc.Span {
	letter := r.loc.T(letterKey)
	if level < 0 {
		return pdfdoc.Span{Text: letter + " " + r.loc.T("report.class.unset"), Color: pdfdoc.ColMuted}
	}
	name := ""
	for _, l := range r.opt.Profile.Scale {
		if l.Level == level {
			name = l.Name
		}
	}
	return pdfdoc.Span{Text: strings.TrimSpace(letter + " " + strconv.Itoa(level) + " " + name)}
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
	r.Section(r.loc.T("report.section.signature"), false, true, 60)
	s := r.opt.Signature
	if s == nil {
		r.Notice(r.loc.T("report.signature.unsigned"), r.loc.T("report.signature.unsigned_text"), pdfdoc.ColWarn, pdfdoc.ColWarnFill)
		return
	}
	r.Paragraph(r.loc.T("report.signature.intro"), 9.5, false, pdfdoc.ColText)
	r.Y += 4
	pairs := [][2]string{
		{r.loc.T("report.signature.name"), s.Name},
		{r.loc.T("report.signature.title"), s.Title},
		{r.loc.T("report.signature.email"), s.Email},
		{r.loc.T("report.signature.signed_at"), r.loc.DateTime(s.SignedAt)},
		{r.loc.T("report.signature.fingerprint"), s.Fingerprint},
		{r.loc.T("report.signature.issuer"), s.Issuer},
	}
	r.Line(pdfdoc.MarginL, r.Y-4, pdfdoc.ContentRight, r.Y-4, pdfdoc.ColRuleLight, 0.5)
	r.KeyValues(pairs, 170, 10)
	r.Line(pdfdoc.MarginL, r.Y, pdfdoc.ContentRight, r.Y, pdfdoc.ColRuleLight, 0.5)
	r.Y += 14
	r.Paragraph(r.loc.T("report.signature.verify"), 9, false, pdfdoc.ColMuted)
}
