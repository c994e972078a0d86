package importer

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"handlingsplan/app/submission"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// DiffRow is one line of a comparison: what it is about and its value on each side.
type DiffRow struct {
	Label string // the whole label: "Åtgärd ”Riskanalys”: Driftkostnad"
	// Group and Field split Label for a field of a row that is on every side ("Åtgärd
	// ”Riskanalys”" and "Driftkostnad"), so a view can show the row once above its fields.
	// Group is "" for other lines.
	Group, Field string
	Values       []string
	// Total marks the plan's totals, shown whether or not they differ so the coordinator sees
	// what the difference amounts to.
	Total bool
}

// Diff lists what differs between the plan content of submissions, in words for the
// coordinator: the plan's own fields, each activity, training, follow-up point and register
// entry added, removed or changed (matched by title or name), the policy's figures, last year's
// plan, and then the totals of every side (domain.SumResources, as the report prints them).
func Diff(loc *i18n.Localizer, ps []submission.Payload) []DiffRow {
	d := &differ{loc: loc, n: len(ps)}
	plans := make([]domain.PlanData, len(ps))
	for i, p := range ps {
		plans[i] = p.Plan
	}
	d.planFields(plans)
	d.activities(plans)
	d.trainings(plans)
	d.checkpoints(plans)
	d.systems(plans)
	d.policy(ps)
	d.previous(plans)
	d.totals(plans)
	return d.rows
}

type differ struct {
	loc  *i18n.Localizer
	n    int
	rows []DiffRow
}

// add adds a row when the values are not all the same.
func (d *differ) add(label string, values []string) {
	for _, v := range values[1:] {
		if v != values[0] {
			d.rows = append(d.rows, DiffRow{Label: label, Values: values})
			return
		}
	}
}

// each is the value of f on every side.
func each[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// field is one compared field of a row kind.
type field[T any] struct {
	label string
	value func(T) string
}

// addField adds a field row of group when the values are not all the same.
func (d *differ) addField(label, group, field string, values []string) {
	n := len(d.rows)
	d.add(label, values)
	if len(d.rows) > n {
		d.rows[n].Group, d.rows[n].Field = group, field
	}
}

// rowsOf compares the rows of one kind (activities, trainings, …) across the sides: rows are
// matched by key, their title or name (case and surrounding space aside; a key used twice in a
// plan is matched in order). A row
// missing on some side is one line with its summary where it is and "saknas" where not; a row
// on every side gives one line per field that differs.
func rowsOf[T any](d *differ, sides [][]T, key func(T) string, summary func(T) string, whole, part string, fields []field[T]) {
	var keys []string
	byKey := make([]map[string]T, len(sides))
	for i, rows := range sides {
		byKey[i] = map[string]T{}
		seen := map[string]int{}
		for _, r := range rows {
			k := strings.ToLower(strings.TrimSpace(key(r)))
			seen[k]++
			if seen[k] > 1 {
				k += "\x00" + strconv.Itoa(seen[k])
			}
			byKey[i][k] = r
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	for _, k := range keys {
		var present []T
		var label string
		values := make([]string, len(sides))
		for i := range sides {
			r, ok := byKey[i][k]
			if !ok {
				values[i] = d.loc.T("importer.diff.absent")
				continue
			}
			if label == "" {
				label = key(r)
			}
			values[i] = summary(r)
			present = append(present, r)
		}
		if len(present) < len(sides) {
			d.rows = append(d.rows, DiffRow{Label: d.loc.Tf(whole, "Name", label), Values: values})
			continue
		}
		group := d.loc.Tf(whole, "Name", label)
		for _, f := range fields {
			d.addField(d.loc.Tf(part, "Name", label, "Field", f.label), group, f.label, each(present, f.value))
		}
	}
}

// label is a field name as a heading: a message of core's field.* with a capital first letter.
func (d *differ) label(key string) string {
	s := d.loc.T(key)
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (d *differ) date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return d.loc.Date(t)
}

func (d *differ) hours(n int64) string { return d.loc.Tf("unit.hours", "N", d.loc.Number(n)) }

func (d *differ) yesNo(b bool) string {
	if b {
		return d.loc.T("importer.diff.yes")
	}
	return d.loc.T("importer.diff.no")
}

func (d *differ) planFields(plans []domain.PlanData) {
	f := func(key string, v func(domain.Plan) string) {
		ps := make([]domain.Plan, len(plans))
		for i, p := range plans {
			ps[i] = p.Plan
		}
		d.addField(d.loc.Tf("importer.diff.plan_field", "Field", key), d.loc.T("importer.diff.plan"), key, each(ps, v))
	}
	f(d.label("field.responsible"), func(p domain.Plan) string { return p.Responsible })
	f(d.loc.T("importer.diff.contact"), func(p domain.Plan) string { return p.Contact })
	f(d.loc.T("importer.diff.decision_date"), func(p domain.Plan) string { return d.date(p.DecisionDate) })
	f(d.loc.T("importer.diff.decision_paragraph"), func(p domain.Plan) string { return p.Decision.Paragraph })
	f(d.loc.T("importer.diff.decision"), func(p domain.Plan) string { return p.DecisionLine(d.loc) })
	for i := range 3 {
		f(d.loc.T("check."+strconv.Itoa(i)), func(p domain.Plan) string {
			c := p.Checks[i]
			s := d.loc.T("check.result." + string(c.Result))
			if t := strings.TrimSpace(c.Text); t != "" {
				s += ": " + t
			}
			return s
		})
	}
}

// activity is an activity with the names of the systems it is linked to (ids differ between
// databases, names do not).
type activity struct {
	domain.Activity
	systems string
}

func (d *differ) activities(plans []domain.PlanData) {
	sides := make([][]activity, len(plans))
	for i, p := range plans {
		for _, a := range p.Activities {
			var names []string
			for _, id := range a.SystemIDs {
				for _, s := range p.Systems {
					if s.ID == id {
						names = append(names, s.Name)
					}
				}
			}
			i18n.SortNames(names) // system names sort in Swedish whatever the UI language
			sides[i] = append(sides[i], activity{a, strings.Join(names, ", ")})
		}
	}
	fields := []field[activity]{
		{d.label("field.description"), func(a activity) string { return a.Description }},
		{d.label("field.goals"), func(a activity) string { return goalList(a.Goals) }},
		{d.loc.T("importer.diff.priority"), func(a activity) string {
			if a.Priority == 0 {
				return "–"
			}
			return d.loc.T("priority." + strconv.Itoa(int(a.Priority)))
		}},
		{d.label("field.responsible"), func(a activity) string { return a.Responsible }},
		{d.label("field.start"), func(a activity) string { return d.date(a.Start) }},
		{d.label("field.end"), func(a activity) string { return d.date(a.End) }},
		{d.label("field.internal_hours"), func(a activity) string { return d.hours(a.InternalHours) }},
		{d.label("field.external_hours"), func(a activity) string { return d.hours(a.ExternalHours) }},
		{d.label("field.operating_cost"), func(a activity) string { return d.loc.Kronor(a.OperatingCost) }},
		{d.label("field.investment"), func(a activity) string { return d.loc.Kronor(a.Investment) }},
		{d.loc.T("importer.diff.systems"), func(a activity) string { return a.systems }},
		{d.loc.T("importer.diff.status"), func(a activity) string {
			if a.Status == "" {
				return "–"
			}
			return d.loc.T("activity.status." + string(a.Status))
		}},
		{d.label("field.percent_done"), func(a activity) string { return strconv.Itoa(a.PercentDone) + " %" }},
		{d.label("field.actual_hours"), func(a activity) string { return d.hours(a.ActualHours) }},
		{d.label("field.actual_kronor"), func(a activity) string { return d.loc.Kronor(a.ActualKronor) }},
		{d.loc.T("importer.diff.follow_up_comment"), func(a activity) string { return a.FollowUpComment }},
	}
	title := func(a activity) string { return a.Title }
	summary := func(a activity) string {
		return d.loc.Tf("importer.diff.activity_summary", "Hours", d.hours(a.TotalHours()), "Kronor", d.loc.Kronor(a.TotalKronor()))
	}
	rowsOf(d, sides, title, summary, "importer.diff.activity", "importer.diff.activity_field", fields)
}

func goalList(gs []int) string {
	s := slices.Clone(gs)
	slices.Sort(s)
	parts := make([]string, len(s))
	for i, g := range s {
		parts[i] = strconv.Itoa(g)
	}
	return strings.Join(parts, ", ")
}

func (d *differ) trainings(plans []domain.PlanData) {
	sides := make([][]domain.Training, len(plans))
	for i, p := range plans {
		sides[i] = p.Trainings
	}
	dates := func(t domain.Training) string {
		parts := make([]string, len(t.Dates))
		for i, x := range t.Dates {
			parts[i] = d.date(x)
		}
		return strings.Join(parts, ", ")
	}
	format := func(t domain.Training) string {
		if t.Format == "" {
			return "–"
		}
		return d.loc.T("format." + string(t.Format))
	}
	fields := []field[domain.Training]{
		{d.label("field.target_group"), func(t domain.Training) string { return t.TargetGroup }},
		{d.loc.T("importer.diff.format"), format},
		{d.label("field.dates"), dates},
		{d.label("field.responsible"), func(t domain.Training) string { return t.Responsible }},
		{d.loc.T("importer.diff.expected"), func(t domain.Training) string { return d.loc.Number(int64(t.ExpectedParticipants)) }},
		{d.loc.T("importer.diff.actual"), func(t domain.Training) string { return d.loc.Number(int64(t.ActualParticipants)) }},
		{d.loc.T("importer.diff.evaluation"), func(t domain.Training) string { return t.Evaluation }},
	}
	title := func(t domain.Training) string { return t.Title }
	rowsOf(d, sides, title, func(t domain.Training) string { return format(t) + ", " + dates(t) },
		"importer.diff.training", "importer.diff.training_field", fields)
}

func (d *differ) checkpoints(plans []domain.PlanData) {
	sides := make([][]domain.Checkpoint, len(plans))
	for i, p := range plans {
		sides[i] = p.Checkpoints
	}
	fields := []field[domain.Checkpoint]{
		{d.label("field.date"), func(c domain.Checkpoint) string { return d.date(c.Date) }},
		{d.label("field.report_to"), func(c domain.Checkpoint) string { return c.ReportTo }},
		{d.loc.T("importer.diff.done"), func(c domain.Checkpoint) string { return d.yesNo(c.Done) }},
	}
	method := func(c domain.Checkpoint) string { return c.Method }
	rowsOf(d, sides, method, func(c domain.Checkpoint) string { return d.date(c.Date) + ", " + c.ReportTo },
		"importer.diff.checkpoint", "importer.diff.checkpoint_field", fields)
}

func (d *differ) systems(plans []domain.PlanData) {
	sides := make([][]domain.System, len(plans))
	for i, p := range plans {
		sides[i] = p.Systems
	}
	level := func(l int) string {
		if l < 0 {
			return "–"
		}
		return strconv.Itoa(l)
	}
	class := func(s domain.System) string {
		return d.loc.Tf("importer.diff.class_value", "C", level(s.Confidentiality), "I", level(s.Integrity),
			"A", level(s.Availability), "T", level(s.Traceability))
	}
	secPlan := func(s domain.System) string {
		if s.SecurityPlan == "" {
			return "–"
		}
		return d.loc.T("secplan." + string(s.SecurityPlan))
	}
	fields := []field[domain.System]{
		{d.label("field.description"), func(s domain.System) string { return s.Description }},
		{d.label("field.owner"), func(s domain.System) string { return s.Owner }},
		{d.loc.T("importer.diff.classification"), class},
		{d.loc.T("importer.diff.baseline"), func(s domain.System) string { return d.yesNo(s.BaselineMet) }},
		{d.loc.T("importer.diff.security_plan"), func(s domain.System) string { return secPlan(s) + ", " + d.date(s.SecurityPlanAt) }},
		{d.loc.T("importer.diff.risk_analysis"), func(s domain.System) string { return d.date(s.RiskAnalysisAt) }},
		{d.loc.T("importer.diff.continuity"), func(s domain.System) string { return d.date(s.ContinuityAt) }},
		{d.loc.T("importer.diff.recovery"), func(s domain.System) string { return d.date(s.RecoveryAt) }},
		{d.loc.T("importer.diff.sensitive"), func(s domain.System) string { return d.yesNo(s.Sensitive) }},
	}
	name := func(s domain.System) string { return s.Name }
	rowsOf(d, sides, name, class, "importer.diff.system", "importer.diff.system_field", fields)
}

// policy compares what the payload carries from the policy profile.
func (d *differ) policy(ps []submission.Payload) {
	d.add(d.label("field.hours_per_fte"), each(ps, func(p submission.Payload) string { return d.loc.Number(int64(p.HoursPerFTE)) }))
	d.add(d.loc.T("importer.diff.kommun"), each(ps, func(p submission.Payload) string { return p.Kommun }))
	for _, n := range goalNumbers(ps) {
		d.add(d.loc.Tf("importer.diff.goal", "Goal", n), each(ps, func(p submission.Payload) string {
			for _, g := range p.Goals {
				if g.Number == n {
					return g.Text
				}
			}
			return d.loc.T("importer.diff.absent")
		}))
	}
}

func goalNumbers(ps []submission.Payload) []int {
	var ns []int
	for _, p := range ps {
		for _, g := range p.Goals {
			if !slices.Contains(ns, g.Number) {
				ns = append(ns, g.Number)
			}
		}
	}
	slices.Sort(ns)
	return ns
}

// previous compares last year's plan as a whole: its size and follow-up, and, when those are
// the same but the content is not, which sides carry the same content.
func (d *differ) previous(plans []domain.PlanData) {
	contents := each(plans, func(p domain.PlanData) string {
		if p.Previous == nil {
			return ""
		}
		prev := *p.Previous
		prev.Plan.UpdatedAt = time.Time{}
		b, _ := json.Marshal(prev)
		return string(b)
	})
	values := make([]string, len(plans))
	for i, p := range plans {
		if p.Previous == nil {
			values[i] = d.loc.T("importer.diff.absent")
			continue
		}
		done := 0
		for _, a := range p.Previous.Activities {
			if a.Status == domain.ActivityDone {
				done++
			}
		}
		values[i] = d.loc.Tf("importer.diff.previous_summary", "Count", len(p.Previous.Activities), "Done", done)
	}
	differs := slices.ContainsFunc(contents, func(c string) bool { return c != contents[0] })
	if !differs {
		return
	}
	if !slices.ContainsFunc(values, func(v string) bool { return v != values[0] }) {
		// Same summary, other content: number the variants.
		var seen []string
		for i, c := range contents {
			k := slices.Index(seen, c)
			if k < 0 {
				seen = append(seen, c)
				k = len(seen) - 1
			}
			values[i] += " · " + d.loc.Tf("importer.diff.variant", "N", k+1)
		}
	}
	d.rows = append(d.rows, DiffRow{Label: d.loc.T("importer.diff.previous"), Values: values})
}

// totals are the plan's resources as every view computes them (domain.SumResources).
func (d *differ) totals(plans []domain.PlanData) {
	sums := make([]domain.Resources, len(plans))
	for i, p := range plans {
		sums[i] = domain.SumResources(p.Activities, p.Plan.Year).Year
	}
	total := func(label string, v func(int) string) {
		values := make([]string, len(plans))
		for i := range plans {
			values[i] = v(i)
		}
		d.rows = append(d.rows, DiffRow{Label: d.loc.Tf("importer.diff.total", "Field", label), Values: values, Total: true})
	}
	total(d.loc.T("importer.diff.activities"), func(i int) string { return d.loc.Number(int64(len(plans[i].Activities))) })
	total(d.label("field.internal_hours"), func(i int) string { return d.hours(sums[i].InternalHours) })
	total(d.label("field.external_hours"), func(i int) string { return d.hours(sums[i].ExternalHours) })
	total(d.label("field.operating_cost"), func(i int) string { return d.loc.Kronor(sums[i].OperatingCost) })
	total(d.label("field.investment"), func(i int) string { return d.loc.Kronor(sums[i].Investment) })
}
