package report

import (
	"strconv"

	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// ---- the policy's general requirements (annex) ----

// checklist prints the board's assessment of the profile's general requirements for the year:
// per requirement its status, date, responsible and comment, and the activity of the plan that
// addresses it. What the review warns of (not assessed, not met without an activity, not
// applicable without a reason) is red here, and only that.
func (r *renderer) checklist() {
	rows := domain.Checklist(r.d, r.opt.Profile)
	if len(rows) == 0 {
		return
	}
	r.Section(r.loc.T("report.section.checklist"), false, true, 60)
	sum := domain.Summarize(rows)
	intro := r.loc.Tf("report.checklist.intro", "Met", sum.Met, "Applicable", sum.Applicable(), "Partly", sum.Partly, "NotMet", sum.NotMet)
	if v := r.opt.Profile.Version; v > 0 {
		intro += " " + r.loc.Tf("report.checklist.profile", "Version", v)
	}
	r.Paragraph(intro, 9.5, false, pdfdoc.ColText)
	for _, s := range r.notes("checklist", 0, false, "") {
		r.Paragraph(s.Text, 9, false, pdfdoc.ColWarn)
	}
	cols := []pdfdoc.Column{
		{Title: r.loc.T("report.col.requirement"), Width: 170},
		{Title: r.loc.T("report.col.status"), Width: 62},
		{Title: r.loc.T("report.col.date"), Width: 52},
		{Title: r.loc.T("report.col.responsible"), Width: 70},
	}
	used := 0.0
	for _, c := range cols {
		used += c.Width
	}
	cols = append(cols, pdfdoc.Column{Title: r.loc.T("report.col.comment"), Width: pdfdoc.ContentW - used})
	var out []pdfdoc.Row
	section := ""
	for i, row := range rows {
		req, e := row.Requirement, row.Entry
		name := pdfdoc.Cell{{Text: strconv.Itoa(i+1) + ". " + req.Title, Bold: true, Hang: true}}
		if req.Section != section {
			section = req.Section
			name = append(pdfdoc.Cell{{Text: section, Color: pdfdoc.ColMuted}}, name...)
		}
		name = append(name, pdfdoc.Span{Text: req.Text, Color: pdfdoc.ColMuted})
		marked := r.marks.has("checklist", 0, false, req.ID)
		status := r.marks.mark(pdfdoc.Span{Text: r.keyOr("checklist.status."+string(e.Status), string(e.Status))}, marked && e.Status != domain.ChecklistNotApplicable)
		if e.Status == domain.ChecklistUnanswered {
			status = pdfdoc.Span{Text: r.loc.T("checklist.status."), Color: pdfdoc.ColMuted}
		}
		comment := pdfdoc.Cell{}
		if e.Comment != "" {
			comment = append(comment, pdfdoc.Span{Text: e.Comment})
		}
		if marked && e.Status == domain.ChecklistNotApplicable {
			comment = append(comment, r.marks.mark(pdfdoc.Span{Text: r.loc.T("report.checklist.no_reason")}, true))
		}
		if row.Activity != nil {
			comment = append(comment, pdfdoc.Span{Text: r.loc.Tf("report.checklist.activity", "Activity", row.Activity.Title), Color: pdfdoc.ColMuted})
		}
		out = append(out, pdfdoc.Row{Cells: []pdfdoc.Cell{name, {status}, pdfdoc.Plain(r.loc.Date(e.Date)), pdfdoc.Plain(e.Responsible), comment}})
	}
	r.table(cols, out)
}

// classifiedSpan is the date of a system's classification, red when the review says it is due.
func (r *renderer) classifiedSpan(s domain.System) pdfdoc.Span {
	sp := pdfdoc.Span{Text: r.loc.T("report.register.classified"), Value: r.loc.Date(s.ClassifiedAt)}
	marked := r.marks.has("system", s.ID, false, "classified_at")
	if sp.Value == "" {
		sp.Value = "–"
		if marked {
			sp.Value = r.loc.T("report.register.missing")
		}
	}
	return r.marks.mark(sp, marked)
}
