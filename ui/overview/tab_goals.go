package overview

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
)

// goalsTab is the goal coverage: per board, how many activities serve each of the policy's goals.
type goalsTab struct {
	v       *View
	summary *widget.Label
	legend  *widget.Label
	table   *sortTable
}

func (t *goalsTab) build() fyne.CanvasObject {
	t.summary = wrapped("")
	t.legend = wrapped("")
	t.table = newSortTable(t.v.loc, nil, t.v.showRows)
	t.table.onText = t.v.showCell
	split := container.NewVSplit(t.table.object(), container.NewVScroll(t.legend))
	split.Offset = 0.7
	return container.NewBorder(t.summary, nil, nil, nil, split)
}

func (t *goalsTab) show() {
	o, loc := t.v.o, t.v.loc
	m := o.Goals
	cols := []column{{loc.T("overview.col.board"), 265, false}}
	for _, g := range m.Goals {
		cols = append(cols, column{loc.Tf("overview.col.goal", "Goal", g.Number), 72, true})
	}
	cols = append(cols, column{loc.T("overview.col.empty_cells"), 140, true})
	t.table.setCols(cols)
	var rows [][]tcell
	for bi, b := range m.Boards {
		b := b
		row := []tcell{{text: b, bold: true}}
		empty := 0
		for gi, g := range m.Goals {
			n := m.Counts[bi][gi]
			c := link(num(loc, int64(n), ""), loc.Tf("overview.drill.goal", "Board", b, "Goal", g.Number), func() ov.Rows { return o.GoalRows(b, g.Number) })
			if n == 0 {
				c.text, c.warn, c.drill = "–", true, nil
				empty++
			}
			row = append(row, c)
		}
		rows = append(rows, append(row, tcell{text: loc.Number(int64(empty)), num: float64(empty), warn: empty > 0}))
	}
	total := []tcell{{text: loc.T("overview.total"), bold: true}}
	for gi, g := range m.Goals {
		c := link(num(loc, int64(m.Totals[gi]), ""), loc.Tf("overview.drill.goal_all", "Goal", g.Number), func() ov.Rows { return o.GoalRows("", g.Number) })
		c.warn = m.Totals[gi] == 0
		total = append(total, c)
	}
	total = append(total, num(loc, int64(m.Empty()), ""))
	t.table.setRows(rows, total)

	if len(m.Uncovered) > 0 {
		var nums []string
		for _, g := range m.Uncovered {
			nums = append(nums, strconv.Itoa(g))
		}
		t.summary.SetText(loc.Tf("overview.goals.uncovered", "Goals", strings.Join(nums, ", "), "Count", len(m.Uncovered)))
		t.summary.Importance = widget.DangerImportance
		t.summary.TextStyle.Bold = true
	} else {
		key := "overview.goals.all_covered"
		if m.Empty() == 0 {
			key = "overview.goals.full"
		}
		t.summary.SetText(loc.Tf(key, "Empty", m.Empty()))
		t.summary.Importance = widget.MediumImportance
		t.summary.TextStyle.Bold = false
	}
	t.summary.Refresh()
	var legend []string
	for _, g := range m.Goals {
		legend = append(legend, loc.Tf("exports.ks.goal_line", "Goal", g.Number, "Text", g.Text))
	}
	t.legend.SetText(strings.Join(legend, "\n"))
}
