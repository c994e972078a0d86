package report

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// The report's parts for annual goals, requirement areas, follow-ups during the year and the
// statuses that include försenad.

// Traffic-light colours: a light is no verdict of the review, so none of them is ColWarn.
const (
	colGreen  pdfdoc.RGB = 0x1e7b34
	colYellow pdfdoc.RGB = 0x9a6700
	colRed    pdfdoc.RGB = 0xb3261e
)

// lightSpan prints a traffic light as a coloured dot and its name ("–" before follow-up).
func (r *renderer) lightSpan(l domain.Light) pdfdoc.Span {
	c := map[domain.Light]pdfdoc.RGB{domain.LightGreen: colGreen, domain.LightYellow: colYellow, domain.LightRed: colRed}[l]
	if c == 0 {
		return pdfdoc.Span{Text: "–", Color: pdfdoc.ColMuted}
	}
	return pdfdoc.Span{Text: "● " + r.loc.T("light."+string(l)), Color: c, Bold: true}
}

// statusText is an activity's status on day as every view shows it (domain.StatusOn): a late
// one reads "Försenad (pågår)".
func (r *renderer) statusText(a domain.Activity, day time.Time) string {
	st := domain.StatusOn(a, day)
	if st == domain.ActivityDelayed {
		rec := a.Status
		if rec == "" {
			rec = domain.ActivityNotStarted
		}
		return r.loc.Tf("activity.status.delayed_from", "Status", lowerFirst(r.keyOr("activity.status."+string(rec), string(rec))))
	}
	return r.keyOr("activity.status."+string(st), string(st))
}

// lowerFirst puts a status name inside a sentence: "Ej påbörjad" → "ej påbörjad".
func lowerFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(c)) + s[n:]
}

// measure is an annual goal's measure in one line: "Andel klassade system: 100 % senast 2027-06-30".
func (r *renderer) measure(g domain.AnnualGoal) string {
	var target []string
	if t := strings.TrimSpace(g.Target); t != "" {
		target = append(target, t)
	}
	if !g.TargetDate.IsZero() {
		target = append(target, r.loc.Tf("report.annual.by", "Date", r.loc.Date(g.TargetDate)))
	}
	ind := strings.TrimSpace(g.Indicator)
	switch {
	case ind == "" && len(target) == 0:
		return ""
	case ind == "":
		return strings.Join(target, " ")
	case len(target) == 0:
		return ind
	}
	return ind + ": " + strings.Join(target, " ")
}

// annualNumber is the number an annual goal has in the report (its place in plan order), 0
// for none.
func (r *renderer) annualNumber(id int64) int {
	for i, g := range r.annual {
		if g.ID == id && id != 0 {
			return i + 1
		}
	}
	return 0
}

// areaNames names requirement areas by the profile ("csl-b" when the profile has none such).
func (r *renderer) areaNames(codes []string) string {
	names := make([]string, 0, len(codes))
	for _, c := range codes {
		if a, ok := r.opt.Profile.Area(c); ok {
			names = append(names, a.Name)
		} else {
			names = append(names, c)
		}
	}
	return strings.Join(names, "; ")
}

// annualGoals is the section of the plan's annual goals: what is to be reached, how it is
// measured, the strategic goals it serves and the activities under it.
func (r *renderer) annualGoals() {
	r.Section(r.loc.T("report.section.annual"), true, true, 120)
	r.Paragraph(r.loc.T("report.annual.intro"), 9.5, false, pdfdoc.ColText)
	if len(r.annual) == 0 {
		r.Paragraph(r.loc.T("report.annual.none"), 9.5, false, pdfdoc.ColMuted)
		return
	}
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.no"), Width: 22, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("report.col.annual_goal"), Width: 200},
		{Title: r.loc.T("report.col.goals"), Width: 40},
		{Title: r.loc.T("report.col.annual_activities"), Width: 100},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.areas"), Width: pdfdoc.ContentW - 362})
	var rows []pdfdoc.Row
	for i, g := range r.annual {
		what := pdfdoc.Cell{{Text: g.Text, Bold: true}}
		if m := r.measure(g); m != "" {
			what = append(what, pdfdoc.Span{Text: r.loc.Tf("report.annual.measure", "Measure", m)})
		}
		what = append(what, r.notes("annual_goal", g.ID, false)...)
		var under []int
		for k, a := range r.acts {
			if a.AnnualGoalID == g.ID {
				under = append(under, k+1)
			}
		}
		acts := pdfdoc.Plain(numberList(under))
		if len(under) == 0 {
			acts = pdfdoc.Plain("–")
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			pdfdoc.Plain(strconv.Itoa(i + 1)), what, pdfdoc.Plain(numberList(g.Goals)), acts, pdfdoc.Plain(r.areaNames(g.Areas)),
		}})
	}
	r.table(cols, rows)
}

// requirementAreas is the section of the law's requirement areas: which the plan works on,
// through which annual goals and activities, and which it leaves.
func (r *renderer) requirementAreas() {
	if len(r.opt.Profile.Areas) == 0 {
		return
	}
	r.Section(r.loc.T("report.section.areas"), true, false, 120)
	covered := domain.AreasOf(r.d)
	r.Paragraph(r.loc.Tf("report.areas.intro", "Covered", countIn(r.opt.Profile.Areas, covered), "Total", len(r.opt.Profile.Areas)), 9.5, false, pdfdoc.ColText)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.area"), Width: 250},
		{Title: r.loc.T("report.col.area_rows"), Width: 150},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.covered"), Width: pdfdoc.ContentW - 400})
	var rows []pdfdoc.Row
	for _, a := range r.opt.Profile.Areas {
		var goals, acts []int
		for i, g := range r.annual {
			if slices.Contains(g.Areas, a.Code) {
				goals = append(goals, i+1)
			}
		}
		for i, x := range r.acts {
			if slices.Contains(x.Areas, a.Code) {
				acts = append(acts, i+1)
			}
		}
		var where pdfdoc.Cell
		if len(goals) > 0 {
			where = append(where, pdfdoc.Span{Text: r.loc.Tf("report.areas.goals", "List", numberList(goals))})
		}
		if len(acts) > 0 {
			where = append(where, pdfdoc.Span{Text: r.loc.Tf("report.areas.activities", "List", numberList(acts))})
		}
		yes := pdfdoc.Cell{{Text: r.loc.T("report.yes")}}
		if len(where) == 0 {
			where = pdfdoc.Cell{{Text: "–", Color: pdfdoc.ColMuted}}
			yes = pdfdoc.Cell{{Text: r.loc.T("report.no"), Color: pdfdoc.ColMuted}}
		}
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{{Text: a.Name, Bold: true}, {Text: a.Reference, Color: pdfdoc.ColMuted}}, where, yes,
		}})
	}
	r.table(cols, rows)
}

func countIn(areas []domain.RequirementArea, codes []string) int {
	n := 0
	for _, a := range areas {
		if slices.Contains(codes, a.Code) {
			n++
		}
	}
	return n
}

// followUpsDone lists the follow-ups recorded for plan d (interim and closing), each with
// what it counted on its date.
func (r *renderer) followUpsDone(d domain.PlanData, prev bool) {
	if len(d.FollowUps) == 0 {
		return
	}
	r.SubHeading(r.loc.Tf("report.followups.title", "Year", d.Plan.Year), 60)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.date"), Width: 62},
		{Title: r.loc.T("report.col.followup_kind"), Width: 80},
		{Title: r.loc.T("report.col.followup_counts"), Width: 190},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.comment"), Width: pdfdoc.ContentW - 332})
	var rows []pdfdoc.Row
	for i, f := range domain.SortedFollowUps(d.FollowUps) {
		id := f.ID
		if id == 0 {
			id = int64(i + 1)
		}
		kind := r.loc.T("report.followups.interim")
		if f.Closing {
			kind = r.loc.T("report.followups.closing")
		}
		c := domain.CountFollowUp(d, f)
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			append(pdfdoc.Plain(r.loc.Date(f.Date)), r.notes("followup", id, prev)...),
			pdfdoc.Plain(kind),
			{{Text: r.statusCounts(c.Statuses)}, {Text: r.outcomeCounts(c), Color: pdfdoc.ColMuted}},
			pdfdoc.Plain(f.Comment),
		}})
	}
	r.table(cols, rows)
	for _, s := range r.notes("plan", d.Plan.ID, prev, "follow_ups") {
		r.Paragraph(s.Text, 9, false, pdfdoc.ColWarn)
	}
}

// statusCounts is "Genomförd 3 · Pågår 2 · Försenad 1", in the order of ShownStatuses.
func (r *renderer) statusCounts(m map[domain.ActivityStatus]int) string {
	var parts []string
	for _, st := range domain.ShownStatuses {
		if n := m[st]; n > 0 {
			parts = append(parts, r.loc.T("activity.status."+string(st))+" "+strconv.Itoa(n))
		}
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, " · ")
}

// outcomeCounts is what a follow-up says of the annual goals: "Årliga mål: uppnått 1, delvis 1".
func (r *renderer) outcomeCounts(c domain.FollowUpCounts) string {
	if c.Goals == 0 {
		return ""
	}
	var parts []string
	for _, o := range append(slices.Clone(domain.Outcomes), domain.OutcomeNone) {
		if n := c.Outcomes[o]; n > 0 {
			parts = append(parts, r.loc.T("outcome."+string(o))+" "+strconv.Itoa(n))
		}
	}
	return r.loc.Tf("report.followups.goals", "List", strings.Join(parts, " · "))
}

// annualOutcomes is last year's annual goals with their outcome, measured value, light and
// comment: what "årliga mål är uppföljda" is filled from.
func (r *renderer) annualOutcomes(prev domain.PlanData) {
	if len(prev.AnnualGoals) == 0 {
		return
	}
	r.SubHeading(r.loc.T("report.previous.annual"), 60)
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.no"), Width: 22, Align: pdfdoc.AlignRight},
		{Title: r.loc.T("report.col.annual_goal"), Width: 160},
		{Title: r.loc.T("report.col.outcome"), Width: 70},
		{Title: r.loc.T("report.col.measured"), Width: 60},
		{Title: r.loc.T("report.col.light"), Width: 52},
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.comment"), Width: pdfdoc.ContentW - 364})
	var rows []pdfdoc.Row
	for i, g := range prev.AnnualGoals {
		what := pdfdoc.Cell{{Text: g.Text, Bold: true}}
		if m := r.measure(g); m != "" {
			what = append(what, pdfdoc.Span{Text: m, Color: pdfdoc.ColMuted})
		}
		// Red where the review warns: a goal without an outcome.
		outcome := r.marks.mark(pdfdoc.Span{Text: r.keyOr("outcome."+string(g.Outcome), string(g.Outcome))},
			r.marks.has("annual_goal", g.ID, true, "outcome"))
		what = append(what, r.notes("annual_goal", g.ID, true)...)
		rows = append(rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			pdfdoc.Plain(strconv.Itoa(i + 1)), what, {outcome}, pdfdoc.Plain(g.Measured), {r.lightSpan(g.TrafficLight())},
			pdfdoc.Plain(g.FollowUpComment),
		}})
	}
	r.table(cols, rows)
}
