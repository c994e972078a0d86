package overview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
)

// lawTab is the requirement-area view: which of the cybersäkerhetslag's requirement areas this
// year's plans cover (per area: how many boards; which area no plan covers), and per board its
// decision, the areas its plan covers and misses, its management training and its latest
// follow-up. The figures are the overview's, as the slides and the report print them.
type lawTab struct {
	v       *View
	summary *widget.Label
	areas   *sortTable
	boards  *sortTable
}

func (t *lawTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.summary = wrapped("")
	t.areas = newSortTable(loc, []column{{loc.T("overview.law.col_area"), 420, false}, {loc.T("overview.law.col_reference"), 300, false},
		{loc.T("overview.law.col_boards"), 110, true}}, t.v.showRows)
	t.areas.onText = t.v.showCell
	t.boards = newSortTable(loc, []column{{loc.T("overview.col.board"), 265, false}, {loc.T("overview.law.col_decision"), 330, false},
		{loc.T("overview.law.col_covered"), 120, true}, {loc.T("overview.law.col_missing"), 380, false},
		{loc.T("overview.law.col_management"), 150, true}, {loc.T("overview.law.col_latest"), 420, false}}, t.v.showRows)
	t.boards.onText = t.v.showCell
	split := container.NewVSplit(t.areas.object(), t.boards.object())
	split.Offset = 0.5
	return container.NewBorder(t.summary, nil, nil, nil, split)
}

func (t *lawTab) show() {
	o, loc := t.v.o, t.v.loc
	c := o.Areas
	var missing []string
	for _, code := range c.Uncovered {
		if a, ok := o.Profile.Area(code); ok {
			missing = append(missing, a.Name)
		}
	}
	summary := loc.Tf("overview.law.summary", "Decided", o.Decided(), "Count", len(o.Plans), "Covered", c.Covered(), "Total", len(c.Areas))
	if len(missing) > 0 {
		summary += " " + loc.Tf("overview.law.uncovered", "List", strings.Join(missing, "; "), "Count", len(missing))
	}
	t.summary.SetText(summary)

	var rows [][]tcell
	for i, a := range c.Areas {
		code := a.Code
		n := c.BoardsWith[i]
		cnt := link(num(loc, int64(n), ""), loc.Tf("overview.drill.area", "Area", a.Name), func() ov.Rows { return o.AreaRows("", code) })
		if n == 0 {
			cnt = tcell{text: loc.T("overview.law.none"), warn: true}
		}
		rows = append(rows, []tcell{{text: a.Name, bold: true}, text(a.Reference), cnt})
	}
	t.areas.setRows(rows, []tcell{{text: loc.T("overview.law.covered_total"), bold: true}, text(""),
		{text: loc.Tf("overview.law.of", "N", c.Covered(), "Total", len(c.Areas)), num: float64(c.Covered())}})

	count := map[string]ov.AreaRow{}
	for _, r := range c.Rows {
		count[r.Board] = r
	}
	mgmt := map[string]ov.ManagementRow{}
	for _, r := range o.Management {
		mgmt[r.Board] = r
	}
	latest := map[string]ov.LatestRow{}
	for _, r := range o.Latest.Rows {
		latest[r.Board] = r
	}
	var brows [][]tcell
	for _, d := range o.Decisions {
		if !d.Received {
			brows = append(brows, []tcell{{text: d.Board, bold: true, warn: true}, {text: loc.T("overview.sub.not_received"), warn: true},
				text("–"), text(""), text("–"), text("")})
			continue
		}
		board := d.Board
		if d.Lacks {
			// A file of schema 1 carries none of this: "–", never "no".
			brows = append(brows, []tcell{{text: board, bold: true}, text(loc.T("overview.law.older_file")), text("–"), text(""), text("–"), text("–")})
			continue
		}
		plan, _ := o.Plan(board)
		dec := tcell{text: plan.Plan.DecisionLine(loc), warn: !d.Decided}
		if dec.text == "" {
			dec.text = loc.T("decision.none")
		}
		ar := count[board]
		var miss []string
		for i, a := range c.Areas {
			if !ar.Covered[i] {
				miss = append(miss, a.Name)
			}
		}
		last := text(loc.T("present.latest.none"))
		if l := latest[board]; l.Has {
			kind := loc.T("present.latest.interim")
			if l.FollowUp.Closing {
				kind = loc.T("present.latest.closing")
			}
			last = text(loc.Date(l.FollowUp.Date) + " " + kind + ": " + ov.StatusLine(loc, l.Counts.Statuses))
		}
		brows = append(brows, []tcell{{text: board, bold: true}, dec,
			{text: loc.Tf("overview.law.of", "N", ar.Count, "Total", len(c.Areas)), num: float64(ar.Count)},
			text(strings.Join(miss, "; ")),
			num(loc, int64(mgmt[board].Events), ""), last})
	}
	tot := o.ManagementTotal()
	t.boards.setRows(brows, []tcell{{text: loc.T("overview.total"), bold: true},
		text(loc.Tf("overview.law.decided_total", "Decided", o.Decided(), "Count", len(o.Plans))),
		{text: loc.Tf("overview.law.of", "N", c.Covered(), "Total", len(c.Areas)), num: float64(c.Covered())}, text(""),
		num(loc, int64(tot.Events), ""), text("")})
}
