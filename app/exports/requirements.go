package exports

import (
	"strconv"

	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The policy's general requirements in the coordinator's exports (issue 14): the figures are
// the overview's (overview.Requirements, overview.RegisterRow), as on screen and on the slides.

// requirements is the workbook's and the CSV files' table of each board's checklist.
func (t tabler) requirements() Table {
	tb := Table{Name: t.loc.T("exports.sheet.requirements"), TotalRow: true, Columns: []Column{
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.profile_version", KindInt, 12),
		t.col("overview.col.req_applicable", KindInt, 12),
		t.col("overview.col.req_met", KindInt, 12),
		t.col("overview.col.req_partly", KindInt, 12),
		t.col("overview.col.req_not_met", KindInt, 12),
		t.col("overview.col.req_na", KindInt, 12),
		t.col("overview.col.req_unanswered", KindInt, 12),
		t.col("overview.col.req_addressed", KindInt, 14),
		t.col("overview.col.flagged", KindInt, 14),
	}}
	add := func(name string, s domain.ChecklistSummary, version any, flagged int) {
		tb.Rows = append(tb.Rows, []any{name, version, int64(s.Applicable()), int64(s.Met), int64(s.Partly), int64(s.NotMet),
			int64(s.NotApplicable), int64(s.Unanswered), int64(s.Addressed), int64(flagged)})
	}
	for _, r := range t.o.Requirements.Rows {
		var version any
		if r.ProfileVersion >= 0 {
			version = int64(r.ProfileVersion)
		}
		reg, _ := t.o.RegisterOf(r.Board)
		add(r.Board, r.ChecklistSummary, version, reg.Flagged)
	}
	add(t.loc.T("overview.total"), t.o.Requirements.Total, nil, t.o.Register.Total.Flagged)
	return tb
}

// requirements is the KS report's section: per board how many of the policy's general
// requirements it meets, the register's systems with warnings, and per requirement the boards
// that do not meet it.
func (k *ksReport) requirements() {
	o, loc := k.o, k.loc
	req := o.Requirements
	if len(req.Rows) == 0 {
		return
	}
	k.Section(loc.T("exports.ks.section.requirements"), true, true, 0)
	k.Paragraph(loc.T("exports.ks.requirements.intro"), 9.5, false, pdfdoc.ColText)
	cols := []column{
		{loc.T("overview.col.board"), 2.8, pdfdoc.AlignLeft},
		{loc.T("overview.col.profile_version"), 0.9, pdfdoc.AlignRight},
		{loc.T("overview.col.req_met_of"), 1.3, pdfdoc.AlignRight},
		{loc.T("overview.col.req_partly"), 0.9, pdfdoc.AlignRight},
		{loc.T("overview.col.req_not_met"), 1.0, pdfdoc.AlignRight},
		{loc.T("overview.col.req_unanswered"), 1.0, pdfdoc.AlignRight},
		{loc.T("overview.col.flagged"), 1.2, pdfdoc.AlignRight},
	}
	var rows []row
	add := func(name string, s domain.ChecklistSummary, version string, flagged int, total bool) {
		warn := func(n int) cell {
			c := txt(loc.Number(int64(n)))
			if n > 0 {
				c.color, c.bold = pdfdoc.ColWarn, true
			}
			return c
		}
		rows = append(rows, row{cells: []cell{{text: name, bold: true}, txt(version),
			txt(loc.Tf("overview.req.met_of", "Met", s.Met, "Applicable", s.Applicable())),
			txt(loc.Number(int64(s.Partly))), warn(s.NotMet), warn(s.Unanswered), warn(flagged)}, total: total})
	}
	for _, r := range req.Rows {
		reg, _ := o.RegisterOf(r.Board)
		add(r.Board, r.ChecklistSummary, profileVersion(loc, r.ProfileVersion), reg.Flagged, false)
	}
	add(loc.T("overview.total"), req.Total, "", o.Register.Total.Flagged, true)
	k.table(cols, rows)

	// Per requirement: the boards that meet it only partly or not at all.
	var items []row
	for _, it := range req.Items {
		var partly, not []string
		for _, r := range req.Rows {
			switch r.Status[it.ID] {
			case domain.ChecklistPartly:
				partly = append(partly, r.Board)
			case domain.ChecklistNotMet:
				not = append(not, r.Board)
			}
		}
		if len(partly)+len(not) == 0 {
			continue
		}
		counts := req.ByItem[it.ID]
		items = append(items, row{cells: []cell{{text: it.Title, bold: true},
			txt(loc.Tf("overview.req.met_of", "Met", counts[domain.ChecklistMet], "Applicable", len(req.Rows)-counts[domain.ChecklistNotApplicable])),
			{text: joinNames(loc, not), color: pdfdoc.ColWarn}, txt(joinNames(loc, partly))}})
	}
	if len(items) == 0 {
		return
	}
	k.headTable(loc.T("exports.ks.requirements.gaps"), "", 0, 0)
	k.table([]column{
		{loc.T("report.col.requirement"), 2.6, pdfdoc.AlignLeft},
		{loc.T("overview.col.req_met_of"), 1.1, pdfdoc.AlignRight},
		{loc.T("overview.col.req_not_met_boards"), 3, pdfdoc.AlignLeft},
		{loc.T("overview.col.req_partly_boards"), 3, pdfdoc.AlignLeft},
	}, items)
}

// requirementsOf is the protocol's section on the board's checklist: what the board did not
// meet, as the submission it sent for the year says.
func requirementsOf(d *doc, o *overview.Overview, board string) {
	loc := o.Loc()
	r, ok := o.RequirementsOf(board)
	if !ok {
		return
	}
	d.Section(loc.T("exports.protocol.section.requirements"), true, false, 80)
	reg, _ := o.RegisterOf(board)
	d.Paragraph(loc.Tf("exports.protocol.requirements_intro", "Met", r.Met, "Applicable", r.Applicable(), "Partly", r.Partly,
		"NotMet", r.NotMet, "Unanswered", r.Unanswered, "Flagged", reg.Flagged, "Systems", reg.Systems), 9.5, false, pdfdoc.ColText)
	var rows []row
	for _, it := range o.Requirements.Items {
		st, asked := r.Status[it.ID]
		if !asked || !(st.Unmet() || st == domain.ChecklistUnanswered) {
			continue
		}
		c := cell{text: loc.T("checklist.status." + string(st)), color: pdfdoc.ColWarn}
		planned := ""
		if r.Planned[it.ID] {
			planned = loc.T("overview.yes")
		}
		rows = append(rows, row{cells: []cell{{text: it.Title, bold: true}, c, txt(planned)}})
	}
	if len(rows) == 0 {
		return
	}
	d.table([]column{
		{loc.T("report.col.requirement"), 4, pdfdoc.AlignLeft},
		{loc.T("overview.col.status"), 1.6, pdfdoc.AlignLeft},
		{loc.T("overview.col.req_planned"), 1.6, pdfdoc.AlignLeft},
	}, rows)
}

// profileVersion is a submission's profile version as printed: "3", or "–" when it says none.
func profileVersion(loc *i18n.Localizer, v int) string {
	if v < 0 {
		return "–"
	}
	return strconv.Itoa(v)
}

// joinNames lists board names in the language's collation.
func joinNames(loc *i18n.Localizer, names []string) string {
	loc.Sort(names)
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
