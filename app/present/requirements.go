package present

import (
	"handlingsplan/domain"
)

// The policy's general requirements on the slides (issue 14): the kommun's deck shows each
// board's figures as the overview counts them; a board's deck shows its own checklist, red where
// the review warns.

// requirementsPages is the kommun's slide: per board the requirements met of those that apply,
// partly, not met, not assessed, and the register's systems with warnings.
func (b *overviewBuilder) requirementsPages() []*page {
	loc := b.loc
	req := b.o.Requirements
	if len(req.Rows) == 0 {
		return nil
	}
	warn := func(n int) cell {
		c := cell{text: loc.Number(int64(n))}
		if n > 0 {
			c.bold, c.color = true, ColWarn
		}
		return c
	}
	row := func(name string, s domain.ChecklistSummary, flagged int, total bool) tableRow {
		met := txt(loc.Tf("overview.req.met_of", "Met", s.Met, "Applicable", s.Applicable()))
		r := tableRow{cells: []cell{txt(name), met, txt(loc.Number(int64(s.Partly))), warn(s.NotMet), warn(s.Unanswered), warn(flagged)}}
		if total {
			r.cells[0].bold = true
		}
		return r
	}
	cols := fillFirst(column{title: loc.T("present.boards.col_board")},
		numCol(loc.T("overview.col.req_met_of"), AlignRight, "00 av 00"),
		numCol(loc.T("overview.col.req_partly"), AlignRight, "000"),
		numCol(loc.T("overview.col.req_not_met"), AlignRight, "000"),
		numCol(loc.T("overview.col.req_unanswered"), AlignRight, "000"),
		numCol(loc.T("overview.col.flagged"), AlignRight, "000"),
	)
	var rows []tableRow
	for _, r := range req.Rows {
		reg, _ := b.o.RegisterOf(r.Board)
		// Five figures leave the name a narrow column (see named).
		rows = append(rows, named(cols[0], row(r.Board, r.ChecklistSummary, reg.Flagged, false))...)
	}
	rows = append(rows, row(loc.T("present.total"), req.Total, b.o.Register.Total.Flagged, true))
	return b.layoutTable(table{
		kind:  KindRegister,
		title: loc.T("present.requirements.title"),
		intro: loc.T("present.requirements.intro"),
		cols:  cols,
		rows:  rows,
	})
}

// checklistPages is a board's slide of its checklist: how many requirements it meets, and each
// requirement it does not fully meet (or has not assessed) with its answer, red where the review
// warns (not met or partly without an activity), and the activity planned. What is met needs no
// slide of its own at a board meeting.
func (b *planBuilder) checklistPages() []*page {
	loc := b.loc
	rows := domain.Checklist(b.d, b.prof)
	if len(rows) == 0 || len(b.d.Checklist) == 0 {
		return nil // nothing assessed: nothing to show (the review says so)
	}
	s := domain.Summarize(rows)
	var out []tableRow
	for _, r := range rows {
		if !r.Entry.Status.Unmet() && r.Entry.Status != domain.ChecklistUnanswered {
			continue
		}
		status := txt(loc.T("checklist.status." + string(r.Entry.Status)))
		marked := b.marks.has("checklist", 0, false, r.Requirement.ID)
		if marked && r.Entry.Status.Unmet() && r.Activity == nil {
			status = cell{text: status.text, bold: true, color: b.marks.red(status.text)}
		}
		planned := ""
		if r.Activity != nil {
			planned = r.Activity.Title
		}
		out = append(out, tableRow{cells: []cell{{text: r.Requirement.Title, bold: true}, status, txt(planned)}})
	}
	b.marks.has("checklist", 0, false, "") // the count of requirements not assessed is in the intro
	return b.layoutTable(table{
		kind:  KindRegister,
		title: loc.T("present.checklist.title"),
		intro: loc.Tf("present.checklist.intro", "Met", s.Met, "Applicable", s.Applicable(), "Partly", s.Partly, "NotMet", s.NotMet, "Unanswered", s.Unanswered),
		cols:  columns(column{title: loc.T("report.col.requirement"), w: 5, align: AlignLeft}, column{title: loc.T("overview.col.status"), w: 2.4, align: AlignLeft}, column{title: loc.T("overview.col.req_planned"), w: 4, align: AlignLeft}),
		rows:  out,
		empty: loc.T("present.checklist.all_met"),
	})
}
