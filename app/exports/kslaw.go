package exports

import (
	"strings"

	"handlingsplan/app/overview"
	"handlingsplan/app/pdfdoc"
)

// The report's section of the law and the decisions: the boards' decisions cited by date,
// paragraph and diarienummer, the cybersäkerhetslag's requirement areas the plans cover (per area
// and per board) with the management training, and each board's latest follow-up. Every figure is
// the overview's, the same the slides show.
func (k *ksReport) law() {
	o, loc := k.o, k.loc
	k.Section(loc.T("exports.ks.section.law"), true, true, 0)

	// The decisions, as the boards registered them.
	k.Paragraph(loc.Tf("exports.ks.law.decisions_intro", "Decided", o.Decided(), "Count", len(o.Plans)), 9.5, false, pdfdoc.ColText)
	var drows []row
	for _, d := range o.Decisions {
		if !d.Received {
			continue
		}
		if d.Lacks {
			drows = append(drows, row{cells: []cell{{text: d.Board, bold: true}, {text: loc.T("overview.law.older_file"), color: pdfdoc.ColMuted}, txt("–")}})
			continue
		}
		plan, _ := o.Plan(d.Board)
		line := plan.Plan.DecisionLine(loc)
		if line == "" {
			line = loc.T("decision.none")
		}
		c := txt(line)
		if !d.Decided {
			c.color = pdfdoc.ColMuted
		}
		fu := "–"
		if d.FollowUp.Made() {
			fu = loc.Tf("exports.ks.law.followup_decided", "Date", loc.Date(d.FollowUp.Date), "Paragraph", d.FollowUp.ParagraphText(), "Dnr", d.FollowUp.Dnr)
		}
		drows = append(drows, row{cells: []cell{{text: d.Board, bold: true}, c, txt(fu)}})
	}
	k.table([]column{
		{loc.T("overview.col.board"), 2.4, pdfdoc.AlignLeft},
		{loc.T("exports.ks.law.col_decision"), 3.6, pdfdoc.AlignLeft},
		{loc.Tf("exports.ks.law.col_followup", "Year", o.Year-1), 3, pdfdoc.AlignLeft},
	}, drows)

	// The requirement areas: per area, the boards whose plans cover it.
	c := o.Areas
	if len(c.Areas) > 0 {
		k.headTable(loc.T("exports.ks.law.areas"), loc.Tf("exports.ks.law.areas_intro", "Covered", c.Covered(), "Total", len(c.Areas), "Boards", len(o.Plans)), 9.5, pdfdoc.ColText)
		var arows []row
		for i, a := range c.Areas {
			n := txt(loc.Number(int64(c.BoardsWith[i])))
			if c.BoardsWith[i] == 0 {
				n = cell{text: loc.T("exports.ks.law.none"), bold: true}
			}
			arows = append(arows, row{cells: []cell{{text: a.Name, bold: true}, {text: a.Reference, color: pdfdoc.ColMuted}, n}})
		}
		arows = append(arows, row{cells: []cell{{text: loc.T("exports.ks.law.areas_total"), bold: true}, txt(""),
			{text: loc.Tf("exports.ks.law.of", "N", c.Covered(), "Total", len(c.Areas)), bold: true}}, total: true})
		k.table([]column{
			{loc.T("exports.ks.law.col_area"), 4, pdfdoc.AlignLeft},
			{loc.T("exports.ks.law.col_reference"), 3, pdfdoc.AlignLeft},
			{loc.T("exports.ks.law.col_boards"), 1.2, pdfdoc.AlignRight},
		}, arows)
		if len(c.Uncovered) > 0 {
			var names []string
			for _, code := range c.Uncovered {
				if a, ok := o.Profile.Area(code); ok {
					names = append(names, a.Name)
				}
			}
			k.Paragraph(loc.Tf("exports.ks.law.uncovered", "List", strings.Join(names, "; "), "Count", len(names)), 9.5, true, pdfdoc.ColText)
		}
	}

	// Per board: areas covered and management training.
	k.headTable(loc.T("exports.ks.law.by_board"), "", 0, 0)
	var brows []row
	count := map[string]int{}
	for _, r := range c.Rows {
		count[r.Board] = r.Count
	}
	for _, m := range o.Management {
		switch {
		case !m.Received:
			continue
		case m.Lacks:
			brows = append(brows, row{cells: []cell{{text: m.Board, bold: true}, txt("–"), txt("–"), txt("–")}})
		default:
			brows = append(brows, row{cells: []cell{{text: m.Board, bold: true}, txt(loc.Tf("exports.ks.law.of", "N", count[m.Board], "Total", len(c.Areas))),
				txt(loc.Number(int64(m.Events))), txt(loc.Number(int64(m.Expected)))}})
		}
	}
	t := o.ManagementTotal()
	brows = append(brows, row{cells: []cell{{text: loc.T("overview.total"), bold: true}, txt(loc.Tf("exports.ks.law.of", "N", c.Covered(), "Total", len(c.Areas))),
		txt(loc.Number(int64(t.Events))), txt(loc.Number(int64(t.Expected)))}, total: true})
	k.table([]column{
		{loc.T("overview.col.board"), 3, pdfdoc.AlignLeft},
		{loc.T("exports.ks.law.col_covered"), 1.6, pdfdoc.AlignRight},
		{loc.T("exports.ks.law.col_management"), 1.6, pdfdoc.AlignRight},
		{loc.T("exports.ks.law.col_management_people"), 1.6, pdfdoc.AlignRight},
	}, brows)

	// The latest follow-up of each board's plan this year.
	if o.Latest.With > 0 {
		k.headTable(loc.Tf("exports.ks.law.latest", "Year", o.Year), "", 0, 0)
		var lrows []row
		for _, r := range o.Latest.Rows {
			if !r.Received {
				continue
			}
			if r.Lacks {
				lrows = append(lrows, row{cells: []cell{{text: r.Board, bold: true}, txt("–"), txt("–")}})
				continue
			}
			if !r.Has {
				lrows = append(lrows, row{cells: []cell{{text: r.Board, bold: true}, {text: loc.T("present.latest.none"), color: pdfdoc.ColMuted}, txt("")}})
				continue
			}
			kind := loc.T("present.latest.interim")
			if r.FollowUp.Closing {
				kind = loc.T("present.latest.closing")
			}
			lrows = append(lrows, row{cells: []cell{{text: r.Board, bold: true}, txt(loc.Date(r.FollowUp.Date) + " " + kind), txt(overview.StatusLine(loc, r.Counts.Statuses))}})
		}
		k.table([]column{
			{loc.T("overview.col.board"), 2.6, pdfdoc.AlignLeft},
			{loc.T("present.latest.col_date"), 2, pdfdoc.AlignLeft},
			{loc.T("present.followup.col_statuses"), 4.4, pdfdoc.AlignLeft},
		}, lrows)
	}
}
