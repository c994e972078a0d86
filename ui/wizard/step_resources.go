package wizard

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// resourcesView is step 4: hours and kronor per activity, with live totals per quarter and
// for the year in kronor and full-time equivalents.
type resourcesView struct {
	w *Wizard
	rowStep[domain.Activity]

	name, period *widget.Label
	amounts      map[string]*widgets.NumberEntry
	own          *widget.Label // the selected activity's totals
	totals       *totalsGrid   // the whole plan
}

// resourceOrder is the order of the four amounts in forms and tables.
var resourceOrder = []domain.Field{domain.FieldActivityInternalHours, domain.FieldActivityExternalHours,
	domain.FieldActivityOperatingCost, domain.FieldActivityInvestment}

func (v *resourcesView) acts() []domain.Activity { return v.w.d.Activities }

func (v *resourcesView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	v.rowStep = rowStep[domain.Activity]{w: w, step: StepResources, ref: rowRef{entity: "activity"},
		items: v.acts, idOf: func(a domain.Activity) int64 { return a.ID }, fill: v.fill, marks: resourceFields}
	acts := v.acts
	// The headers name the unit (tim, kr), so the cells are bare numbers: "SEK" or "kr" in
	// every cell only crowds the columns.
	col := func(field string, get func(a domain.Activity) int64, money bool) widgets.Column {
		c := widgets.Column{Title: loc.T("wizard.col." + field), Min: 5.2, Weight: 0.3, Align: fyne.TextAlignTrailing,
			Text: func(i int) string { return w.numberText(&w.d, "activity", acts()[i].ID, field, get(acts()[i])) },
			Less: func(a, b int) bool { return get(acts()[a]) < get(acts()[b]) }}
		if money {
			c.Min = 6
		}
		return c
	}
	cols := []widgets.Column{
		{Title: loc.T("wizard.col.title"), Weight: 5, Min: 8, Text: func(i int) string { return acts()[i].Title },
			Less: func(a, b int) bool { return loc.Compare(acts()[a].Title, acts()[b].Title) < 0 }},
		// The period gives way on a narrow screen: the form shows it.
		{Title: loc.T("wizard.col.period"), Min: 5.5, Weight: 0.4, Optional: true, Text: func(i int) string { return period(loc, acts()[i].Start, acts()[i].End, w.d.Plan.Year) },
			Less: func(a, b int) bool { return dateLess(acts()[a].Start, acts()[b].Start) }},
		col("internal_hours", func(a domain.Activity) int64 { return a.InternalHours }, false),
		col("external_hours", func(a domain.Activity) int64 { return a.ExternalHours }, false),
		col("operating_cost", func(a domain.Activity) int64 { return a.OperatingCost }, true),
		col("investment", func(a domain.Activity) int64 { return a.Investment }, true),
	}
	v.newTable(cols)

	v.f = newForm()
	v.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.name.Wrapping = fyne.TextWrapWord
	v.period = widget.NewLabel("")
	v.f.add(loc.T("wizard.activity.title"), "", v.name)
	v.f.add(loc.T("wizard.col.period"), "", v.period)
	v.amounts = map[string]*widgets.NumberEntry{}
	for _, field := range resourceOrder {
		e := w.numberField(&v.ref, field)
		v.amounts[field.Name()] = e
		v.f.add(loc.T("wizard.resources."+field.Name()), field.Name(), e)
	}
	// Not wrapped: word wrap breaks at the no-break space inside "14 000 kr". The text has its
	// own line break instead.
	v.own = widget.NewLabel("")
	v.own.Truncation = fyne.TextTruncateEllipsis
	v.f.add(loc.T("wizard.resources.own_total"), "", v.own)
	v.setForm(v.f.scrolling(), loc.T("wizard.resources.none_selected"))

	v.totals = newTotalsGrid(loc, true)
	totals := section(loc.T("wizard.resources.totals"), loc.Tf("wizard.resources.fte_note", "Hours", loc.Number(int64(w.prof.HoursPerFTE))), v.totals.grid)

	v.open()
	v.validated()
	return v.layout(v.info, totals, 0.64)
}

// fill puts activity a's resources into the form.
func (v *resourcesView) fill(a domain.Activity) {
	w := v.w
	clear(v.f.local)
	v.name.SetText(a.Title)
	v.period.SetText(period(w.loc, a.Start, a.End, 0))
	r := domain.ResourcesOf(a)
	for field, n := range map[string]int64{"internal_hours": r.InternalHours, "external_hours": r.ExternalHours,
		"operating_cost": r.OperatingCost, "investment": r.Investment} {
		showNumber(v.amounts[field], &w.d, "activity", a.ID, field, n)
	}
	v.showOwn(a)
}

// showOwn shows activity a's own totals.
func (v *resourcesView) showOwn(a domain.Activity) {
	loc := v.w.loc
	r := domain.ResourcesOf(a)
	v.own.SetText(loc.Tf("wizard.resources.own_text", "Hours", loc.Number(r.Hours()),
		"FTE", loc.FTE(r.Hours(), v.w.prof.HoursPerFTE), "Kronor", loc.Kronor(r.Kronor())))
}

// validated refreshes the table, the field errors and every total: the edit round-trip.
func (v *resourcesView) validated() {
	w := v.w
	v.refresh()
	if a, ok := v.current(); ok {
		v.showOwn(a)
	}
	t := domain.SumResources(v.acts(), w.d.Plan.Year)
	v.totals.show(t, w.prof.HoursPerFTE)
	widgets.SetLabel(v.info, w.loc.Tf("wizard.resources.summary", "Count", len(v.acts()), "Kronor", w.loc.Kronor(t.Year.Kronor()),
		"Hours", w.loc.Number(t.Year.Hours()), "FTE", w.loc.FTE(t.Year.Hours(), w.prof.HoursPerFTE)))
}

func (v *resourcesView) focus(entity string, id int64, field string) bool {
	if !v.selectFor(entity, id) {
		return false
	}
	if e, ok := v.amounts[field]; ok {
		v.w.focusWidget(e)
	} else {
		v.w.focusWidget(v.amounts["internal_hours"])
	}
	return true
}

// newRow: activities are added in step 3; here Ctrl+N goes there and adds one.
func (v *resourcesView) newRow() {
	v.w.GoTo(StepActivities)
	v.w.view.newRow()
}

// totalsGrid shows resources per quarter and for the year: hours, FTE, kronor. It is drawn
// with plain text rows (no label padding) so that it stays short enough to leave the table
// room on a 1280×800 screen.
type totalsGrid struct {
	loc   *i18n.Localizer
	grid  *fyne.Container
	cells [6][5]*canvas.Text // row × (Q1..Q4, year)
}

var totalsRows = []string{"wizard.resources.internal_hours", "wizard.resources.external_hours", "wizard.resources.fte",
	"wizard.resources.operating_cost", "wizard.resources.investment", "wizard.resources.kronor"}

func newTotalsGrid(loc *i18n.Localizer, bold bool) *totalsGrid {
	cols := []widgets.Column{{Weight: 1.5, Min: 9}}
	for range 5 {
		cols = append(cols, widgets.Column{Weight: 1, Min: 6.5})
	}
	lay := &widgets.ColumnsLayout{Columns: cols, NoIcon: true}
	fg := theme.Color(theme.ColorNameForeground)
	text := func(s string, align fyne.TextAlign, strong bool) *canvas.Text {
		t := canvas.NewText(s, fg)
		t.Alignment = align
		t.TextStyle.Bold = strong
		return t
	}
	// The row titles name the unit ("Driftkostnad (kr)"): the cells are bare numbers.
	t := &totalsGrid{loc: loc, grid: container.NewVBox()}
	head := []fyne.CanvasObject{text("", fyne.TextAlignLeading, false)}
	for q := 1; q <= 4; q++ {
		head = append(head, text(loc.Quarter(q), fyne.TextAlignTrailing, true))
	}
	head = append(head, text(loc.T("wizard.resources.year"), fyne.TextAlignTrailing, true))
	t.grid.Objects = append(t.grid.Objects, container.New(lay, head...))
	for r, key := range totalsRows {
		row := []fyne.CanvasObject{text(loc.T(key), fyne.TextAlignLeading, false)}
		for c := range 5 {
			cell := text("", fyne.TextAlignTrailing, bold && c == 4)
			t.cells[r][c] = cell
			row = append(row, cell)
		}
		t.grid.Objects = append(t.grid.Objects, container.New(lay, row...))
	}
	return t
}

func (t *totalsGrid) show(r domain.ResourceTotals, hoursPerFTE int) {
	loc := t.loc
	for c := range 5 {
		x := r.Year
		if c < 4 {
			x = r.Quarters[c]
		}
		vals := [6]string{loc.Number(x.InternalHours), loc.Number(x.ExternalHours), loc.FTE(x.Hours(), hoursPerFTE),
			loc.Number(x.OperatingCost), loc.Number(x.Investment), loc.Number(x.Kronor())}
		for row, s := range vals {
			if t.cells[row][c].Text != s {
				t.cells[row][c].Text = s
				t.cells[row][c].Refresh()
			}
		}
	}
}

// period is "mar–jun" for tables: the months an activity runs, with the year when it is not
// the plan's (year 0: always with the year), or "" without dates.
func period(loc *i18n.Localizer, start, end time.Time, year int) string {
	suffix := func(t time.Time) string {
		if t.Year() == year {
			return ""
		}
		return " " + itoa(t.Year())
	}
	switch {
	case start.IsZero() && end.IsZero():
		return ""
	case end.IsZero():
		return loc.Date(start) + " –"
	case start.IsZero():
		return "– " + loc.Date(end)
	case start.Year() == end.Year() && start.Month() == end.Month():
		return loc.MonthShort(start.Month()) + suffix(start)
	case start.Year() == end.Year():
		return loc.MonthShort(start.Month()) + "–" + loc.MonthShort(end.Month()) + suffix(start)
	}
	return loc.MonthShort(start.Month()) + " " + itoa(start.Year()) + " – " + loc.MonthShort(end.Month()) + " " + itoa(end.Year())
}

// dateLess orders dates with the unset ones last.
func dateLess(a, b time.Time) bool {
	switch {
	case a.IsZero():
		return false
	case b.IsZero():
		return true
	}
	return a.Before(b)
}

func itoa(n int) string { return strconv.Itoa(n) }
