package exports

import (
	"handlingsplan/app/overview"
)

// lawTables are the sheets of the law and the decisions: per requirement area the boards whose
// plans cover it, and per board its decision, the areas its plan covers, its management training
// and its latest follow-up. The same figures as the overview, the slides and the report.
func (t tabler) lawTables() []Table {
	o, loc := t.o, t.loc
	c := o.Areas
	areas := Table{Name: loc.T("exports.sheet.areas"), TotalRow: true, Columns: []Column{
		t.col("exports.ks.law.col_area", KindText, 60),
		t.col("exports.ks.law.col_reference", KindText, 45),
		t.col("exports.ks.law.col_boards", KindInt, 10),
	}}
	for i, a := range c.Areas {
		areas.Rows = append(areas.Rows, []any{a.Name, a.Reference, int64(c.BoardsWith[i])})
	}
	areas.Rows = append(areas.Rows, []any{loc.T("overview.total"), nil, int64(c.Covered())})

	boards := Table{Name: loc.T("exports.sheet.decisions"), TotalRow: true, Columns: []Column{
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.decided", KindText, 10),
		t.col("exports.ks.law.col_decision", KindText, 50),
		Column{Title: loc.Tf("exports.ks.law.col_followup", "Year", o.Year-1), Kind: KindText, Width: 40},
		t.col("overview.col.areas_covered", KindInt, 12),
		t.col("exports.ks.law.col_management", KindInt, 12),
		t.col("overview.col.latest", KindText, 24),
	}}
	count := map[string]int{}
	for _, r := range c.Rows {
		count[r.Board] = r.Count
	}
	mgmt := map[string]overview.ManagementRow{}
	for _, r := range o.Management {
		mgmt[r.Board] = r
	}
	latest := map[string]overview.LatestRow{}
	for _, r := range o.Latest.Rows {
		latest[r.Board] = r
	}
	for _, d := range o.Decisions {
		if !d.Received {
			continue
		}
		if d.Lacks {
			// A file of schema 1: decision, areas, training kinds and follow-ups unknown.
			boards.Rows = append(boards.Rows, []any{d.Board, nil, loc.T("overview.law.older_file"), nil, nil, nil, nil})
			continue
		}
		plan, _ := o.Plan(d.Board)
		var fu any
		if d.FollowUp.Made() {
			fu = loc.Tf("exports.ks.law.followup_decided", "Date", loc.Date(d.FollowUp.Date), "Paragraph", d.FollowUp.ParagraphText(), "Dnr", d.FollowUp.Dnr)
		}
		var last any
		if l := latest[d.Board]; l.Has {
			last = loc.Date(l.FollowUp.Date) + " " + overview.StatusLine(loc, l.Counts.Statuses)
		}
		boards.Rows = append(boards.Rows, []any{d.Board, t.yesNo(d.Decided), plan.Plan.DecisionLine(loc), fu,
			int64(count[d.Board]), int64(mgmt[d.Board].Events), last})
	}
	boards.Rows = append(boards.Rows, []any{loc.T("overview.total"), int64(o.Decided()), nil, nil, int64(c.Covered()),
		int64(o.ManagementTotal().Events), nil})
	return []Table{areas, boards}
}
