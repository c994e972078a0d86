package exports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
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
	k.law()
	pdf, err := d.bytes(loc.Tf("exports.doc.title", "Kommun", o.Profile.Kommun, "Year", o.Year), o.Profile.Kommun,
		loc.Tf("exports.doc.subject", "Kommun", o.Profile.Kommun, "Year", o.Year), opt.AppVersion, opt.Now)
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
	var problems []overview.SubmissionRow
	for _, r := range o.Submissions {
		if !r.Received {
			rows = append(rows, row{cells: []cell{{text: r.Board, bold: true}, {text: loc.T("overview.sub.not_received"), bold: true, color: pdfdoc.ColWarn, fill: pdfdoc.ColWarnFill}}})
			continue
		}
		status := loc.Tf("overview.sub.received", "Version", r.Current.Version)
		if n := len(r.Versions); n > 1 {
			status += "\n" + loc.Tf("overview.sub.versions", "Count", n)
		}
		// The table counts what to look at; the sentences follow under it at full width. In a
		// narrow column they made rows a page tall, one board per page.
		pc := txt("–")
		if n := len(r.Problems); n > 0 {
			pc = cell{text: loc.Tf("exports.ks.submissions.problems_count", "Count", n), color: pdfdoc.ColWarn}
			problems = append(problems, r)
		}
		rows = append(rows, row{cells: []cell{{text: r.Board, bold: true}, txt(status), txt(r.Current.SignerName), txt(loc.Date(r.Current.SignedAt)), pc}})
	}
	k.table([]column{
		{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft},
		{loc.T("overview.col.status"), 2, pdfdoc.AlignLeft},
		{loc.T("overview.col.signed_by"), 2.2, pdfdoc.AlignLeft},
		{loc.T("overview.col.signed"), 1.4, pdfdoc.AlignLeft},
		{loc.T("overview.col.problems"), 1.8, pdfdoc.AlignLeft},
	}, rows)
	if len(problems) == 0 {
		return
	}
	k.SubHeading(loc.T("exports.ks.submissions.problems"), 60)
	for _, r := range problems {
		// A board's name stays with its first two points.
		k.Ensure(14 + 2*9*1.4)
		k.SetFont(true, 9.5)
		k.Text(pdfdoc.MarginL, k.Y, r.Board, pdfdoc.ColHeading)
		k.Y += 14
		for _, p := range r.Problems {
			k.Paragraph("– "+p.Text(loc), 9, false, pdfdoc.ColText)
		}
		k.Y += 4
	}
}
