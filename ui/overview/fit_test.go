package overview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	ov "handlingsplan/app/overview"
	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// Every tab of the overview, its drill-down list and the note editor at a laptop and a
// projector size, in both languages, show their texts whole.
func TestFitsLaptop(t *testing.T) {
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		v, w := newView(t, lang)
		w.Resize(size)
		tables := []*sortTable{v.subs.table, v.res.table, v.goals.table, v.cal.table, v.follow.table,
			v.reg.table, v.reqs.table, v.reqs.items, v.law.areas, v.law.boards}
		check := func(step string) {
			t.Helper()
			if v.lastDrill != nil && v.lastDrill.table != nil {
				tables = append(tables, v.lastDrill.table)
			}
			var full []string
			for _, tb := range tables {
				full = append(full, readable(tb)...)
			}
			// These texts end in "…" whole (they open an editor or a dialog); a cut
			// form of them is still reported.
			opts := fit.Options{Allow: []string{v.loc.T("overview.note.add"), v.loc.T("overview.note.protocol")}}
			if ps := cutOnPurpose(fit.Check(w.Canvas().Content(), opts), full); len(ps) > 0 {
				t.Errorf("%s:\n%s", step, fit.Report(ps, 25))
			}
			for _, o := range w.Canvas().Overlays().List() {
				if ps := cutOnPurpose(fit.Check(o, opts), full); len(ps) > 0 {
					t.Errorf("%s, dialog:\n%s", step, fit.Report(ps, 25))
				}
			}
		}
		closeAll := func() {
			for _, o := range w.Canvas().Overlays().List() {
				w.Canvas().Overlays().Remove(o)
			}
		}
		for i, item := range v.tabs.Items {
			v.tabs.SelectIndex(i)
			check("tab " + item.Text)
		}
		v.tabs.SelectIndex(1)
		v.res.sel.SetSelected(v.loc.T(ov.MetricHours.Key()))
		check("resources in hours")
		v.res.table.tapCell(v.res.table.shown(), 3)
		check("drill-down")
		closeAll()
		v.editNote("Socialnämnden")
		check("note")
		closeAll()
	})
}

// readable are the texts of table cells that may be cut on purpose because a tap shows them
// whole: text columns other than the first (sortTable.tap), and the problems and note cells
// whose action opens the whole list or the note. A board's name, a figure and a title are
// never among them.
func readable(t *sortTable) []string {
	var out []string
	for i := range t.len() {
		for c := range t.cols {
			x := t.cell(i, c)
			if c > 0 && !t.cols[c].numeric && x.drill == nil && x.text != "" && t.tap(i, c) != nil {
				out = append(out, x.text)
			}
		}
	}
	return out
}

// The timeline at its first zoom fills the width the tab has, on a large screen and a laptop.
func TestTimelineUsesTheWidth(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1920, 1050), fit.Laptop} {
		v, w := newView(t, i18n.Swedish)
		w.Resize(size)
		for i, item := range v.tabs.Items {
			if item.Text == v.loc.T("overview.tab.timeline") {
				v.tabs.SelectIndex(i)
			}
		}
		g := v.gantt
		width := g.area.Size().Width
		used := g.labelW + g.pxPerDay()*float32(daysIn(v.o.Year))
		t.Logf("%v: labels %.0f px + year %.0f px = %.0f of %.0f px (%.1f px a day)", size, g.labelW,
			g.pxPerDay()*float32(daysIn(v.o.Year)), used, width, g.pxPerDay())
		if width < size.Width*0.9 || used < width*0.9 || used > width {
			t.Errorf("%v: timeline uses %.0f of %.0f px", size, used, width)
		}
	}
}

// A column is sorted from the keyboard: its title takes the focus and Enter or Space sorts,
// again the other way.
func TestSortByKeyboard(t *testing.T) {
	v, w := newView(t, i18n.Swedish)
	tb := v.subs.table
	first := func() string { return tb.cell(tb.table.Order()[0], 0).text }
	head, ok := tb.table.Head(0).(fyne.Focusable)
	if !ok {
		t.Fatal("the column title cannot take the focus")
	}
	w.Canvas().Focus(head)
	head.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	up := first()
	head.TypedRune(' ')
	down := first()
	if up == down || v.loc.Compare(up, down) > 0 {
		t.Errorf("first row %q after Enter, %q after Space", up, down)
	}
}

// cutOnPurpose drops from ps the table cells cut short whose full text is in full: a tap shows them whole.
func cutOnPurpose(ps []fit.Problem, full []string) []fit.Problem {
	return fit.CutOnPurpose(ps, full, func(path string) bool { return strings.HasSuffix(path, "tapCell/widget.RichText/canvas.Text") })
}
