package present

import (
	"strconv"
	"strings"

	"handlingsplan/app/overview"
	"handlingsplan/domain"
)

// The slides of the law and the decisions: the requirement areas of the cybersäkerhetslag the
// year's plans cover, the boards' decisions and management training, each board's latest follow-
// up, and a plan's annual goals. Every figure is the overview's (app/overview) or the plan's own.

// areas shows, per requirement area, how many boards' plans cover it (and which area none
// does), then per board: decided, areas covered, management training.
func (b *overviewBuilder) areas() {
	loc, c := b.loc, b.o.Areas
	if len(c.Areas) == 0 || len(b.o.Plans) == 0 {
		return
	}
	var rows []tableRow
	var counts []string
	for i, a := range c.Areas {
		n := c.BoardsWith[i]
		cnt := cell{text: loc.Number(int64(n)), bold: true}
		if n == 0 {
			cnt = cell{text: loc.T("present.areas.none"), bold: true, color: ColNotStarted}
		}
		counts = append(counts, cnt.text)
		rows = append(rows, tableRow{cells: []cell{txt(a.Name), cnt}})
	}
	pages := b.layoutTable(table{
		kind:  KindAreas,
		title: loc.Tf("present.areas.title", "Year", b.o.Year),
		intro: loc.Tf("present.areas.intro", "Covered", c.Covered(), "Total", len(c.Areas), "Boards", len(b.o.Plans)),
		cols:  fillFirst(column{title: loc.T("present.areas.col_area")}, numCol(loc.T("present.areas.col_boards"), AlignRight, counts...)),
		rows:  rows,
	})

	var brows []tableRow
	var decided, covered, mgmt []string
	for _, d := range b.o.Decisions {
		if !d.Received {
			continue
		}
		if d.Lacks {
			decided, covered, mgmt = append(decided, "–"), append(covered, "–"), append(mgmt, "–")
			brows = append(brows, tableRow{cells: []cell{txt(d.Board), txt("–"), txt("–"), txt("–")}})
			continue
		}
		dec := loc.T("present.areas.planned")
		if d.Decided {
			dec = loc.T("present.areas.decided")
		}
		var cov, m int
		for _, r := range c.Rows {
			if r.Board == d.Board {
				cov = r.Count
			}
		}
		for _, r := range b.o.Management {
			if r.Board == d.Board {
				m = r.Events
			}
		}
		covText := loc.Tf("present.areas.of", "N", cov, "Total", len(c.Areas))
		decided, covered, mgmt = append(decided, dec), append(covered, covText), append(mgmt, loc.Number(int64(m)))
		brows = append(brows, tableRow{cells: []cell{txt(d.Board), txt(dec), txt(covText), txt(loc.Number(int64(m)))}})
	}
	pages = append(pages, b.layoutTable(table{
		kind:  KindAreas,
		title: loc.Tf("present.areas.by_board", "Year", b.o.Year),
		intro: loc.Tf("present.areas.by_board_intro", "Decided", b.o.Decided(), "Count", len(b.o.Plans)),
		cols: fillFirst(column{title: loc.T("present.boards.col_board")},
			numCol(loc.T("present.areas.col_decided"), AlignLeft, decided...),
			numCol(loc.T("present.areas.col_covered"), AlignRight, covered...),
			numCol(loc.T("present.areas.col_management"), AlignRight, mgmt...),
		),
		rows: brows,
	})...)
	b.sectionParts(pages)
}

// latest shows each board's latest follow-up of this year's plan: its date and kind and the
// statuses it counted.
func (b *overviewBuilder) latest() {
	loc, l := b.loc, b.o.Latest
	if l.With == 0 {
		return
	}
	var rows []tableRow
	for _, r := range l.Rows {
		if !r.Received {
			continue
		}
		if r.Lacks {
			rows = append(rows, tableRow{cells: []cell{txt(r.Board), txt("–"), txt("–")}})
			continue
		}
		if !r.Has {
			rows = append(rows, tableRow{cells: []cell{txt(r.Board), {text: loc.T("present.latest.none"), color: ColMuted}}, spanLast: true})
			continue
		}
		kind := loc.T("present.latest.interim")
		if r.FollowUp.Closing {
			kind = loc.T("present.latest.closing")
		}
		rows = append(rows, tableRow{cells: []cell{txt(r.Board), txt(loc.Date(r.FollowUp.Date) + " " + kind), txt(overview.StatusLine(loc, r.Counts.Statuses))}})
	}
	b.section(b.layoutTable(table{
		kind:  KindLatest,
		title: loc.Tf("present.latest.title", "Year", b.o.Year),
		intro: loc.Tf("present.latest.intro", "With", l.With, "Count", len(b.o.Plans)),
		cols: columns(column{title: loc.T("present.boards.col_board"), w: 3.2, min: nameWidth(b.o.Boards)},
			column{title: loc.T("present.latest.col_date"), w: 2.4}, column{title: loc.T("present.followup.col_statuses"), w: 4.4}),
		rows: rows,
	}))
}

// annualGoals shows a plan's annual goals: what is to be reached, how it is measured, and,
// once followed up, the outcome and its traffic light.
func (b *planBuilder) annualGoals() {
	loc := b.loc
	goals := inOrder(b.d.AnnualGoals, func(g domain.AnnualGoal) int { return g.Position })
	if len(goals) == 0 {
		return
	}
	var rows []tableRow
	for i, g := range goals {
		var parts []string
		if t := strings.TrimSpace(g.Target); t != "" {
			parts = append(parts, t)
		}
		if d := loc.Date(g.TargetDate); d != "" {
			parts = append(parts, d)
		}
		state := cell{text: strings.Join(parts, " · ")}
		if g.Outcome != domain.OutcomeNone {
			state = cell{text: loc.T("outcome." + string(g.Outcome)), bold: true, color: lightColor(g.TrafficLight())}
		}
		rows = append(rows, tableRow{cells: []cell{txt(strconv.Itoa(i + 1)), txt(g.Text), state}})
	}
	b.section(b.layoutTable(table{
		kind:  KindAnnual,
		title: loc.Tf("present.annual.title", "Year", b.d.Plan.Year),
		cols:  columns(column{title: "", w: 0.5, align: AlignRight}, column{title: loc.T("present.annual.col_goal"), w: 6, align: AlignLeft}, column{title: loc.T("present.annual.col_target"), w: 2.6, align: AlignLeft}),
		rows:  rows,
	}))
}

// lightColor is a traffic light's colour on a slide (no red of the review: a light is no verdict).
func lightColor(l domain.Light) Color {
	switch l {
	case domain.LightGreen:
		return ColDone
	case domain.LightYellow:
		return ColNotStarted
	case domain.LightRed:
		return ColDelayed
	}
	return ColText
}
