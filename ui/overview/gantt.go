package overview

import (
	"image/color"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// Priority colours of the bars: the report's blues, light enough to read on the dark theme too.
var priorityColors = map[domain.Priority]color.NRGBA{
	domain.PriorityHigh:   {R: 0x1f, G: 0x5f, B: 0xa8, A: 0xff},
	domain.PriorityMedium: {R: 0x4f, G: 0x8a, B: 0xc9, A: 0xff},
	domain.PriorityLow:    {R: 0x9d, G: 0xbf, B: 0xe6, A: 0xff},
}

// Zoom steps in points per day: a whole year on screen at the first, single weeks at the last.
// The slider's first position (0) is none of them: the year fills the width the tab has.
var zoomSteps = []float32{1.2, 2, 3, 5, 8, 12, 18}

// The label column ("Board: activity") is as wide as its longest label, between these and at
// most ganttLabelShare of the tab; a longer label wraps onto more lines.
const (
	ganttLabelMin   = 240
	ganttLabelShare = 0.45
)

// ganttTab is every activity of the year on one timeline, filterable by board and goal and
// zoomable; the label column stays put while the time axis scrolls.
type ganttTab struct {
	v      *View
	board  *widget.Select
	goal   *widget.Select
	zoom   *widget.Slider
	count  *widget.Label
	table  *widget.Table
	area   *fyne.Container // the table, laid out so the timeline follows the tab's width
	labelW float32         // the label column's width
	widest float32         // the longest label's width
	tall   map[int]bool    // rows made taller than one line, by heights
	rows   []ov.ActivityRow
	boards []string
	goals  []int
}

// pxPerDay is the zoom: the chosen step, or at the first position what fits the year into
// the width beside the labels (never narrower than the first step).
func (t *ganttTab) pxPerDay() float32 {
	if z := int(t.zoom.Value); z > 0 {
		return zoomSteps[z-1]
	}
	if t.area == nil || t.v.o == nil {
		return zoomSteps[0]
	}
	room := t.area.Size().Width - t.labelW - theme.ScrollBarSize() - 2*theme.Padding() - 8
	return max(zoomSteps[0], room/float32(daysIn(t.v.o.Year)))
}

// label is row r's label.
func label(r ov.ActivityRow) string { return r.Board + ": " + r.Activity.Title }

func (t *ganttTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.board = widget.NewSelect(nil, func(string) { t.filter() })
	t.goal = widget.NewSelect(nil, func(string) { t.filter() })
	t.zoom = widget.NewSlider(0, float64(len(zoomSteps)))
	t.zoom.Step = 1
	t.zoom.Value = 0
	t.zoom.OnChanged = func(float64) { t.resize() }
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { t.zoom.SetValue(max(0, t.zoom.Value-1)) })
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { t.zoom.SetValue(min(float64(len(zoomSteps)-1), t.zoom.Value+1)) })
	t.count = widget.NewLabel("")

	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), 2 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord // a long label wraps: the row is made taller (heights)
			return container.NewStack(l, newGanttBar())
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			st := o.(*fyne.Container)
			l, bar := st.Objects[0].(*widget.Label), st.Objects[1].(*ganttBar)
			if id.Row >= len(t.rows) {
				l.SetText("")
				bar.Hide()
				return
			}
			r := t.rows[id.Row]
			if id.Col == 0 {
				bar.Hide()
				l.Show()
				l.SetText(label(r))
				return
			}
			l.Hide()
			bar.Show()
			bar.set(r.Activity, t.v.o.Year, t.pxPerDay(), t.v.env.Now())
		})
	t.table.ShowHeaderColumn = false
	t.table.StickyColumnCount = 1
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewStack(l, newGanttAxis(loc))
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		st := o.(*fyne.Container)
		l, axis := st.Objects[0].(*widget.Label), st.Objects[1].(*ganttAxis)
		if id.Col == 0 {
			axis.Hide()
			l.Show()
			l.SetText(loc.T("overview.gantt.activity"))
			return
		}
		l.Hide()
		axis.Show()
		axis.set(t.v.o.Year, t.pxPerDay())
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.rows) {
			r := t.rows[id.Row]
			r.Share = domain.ResourcesOf(r.Activity)
			t.v.showRows(r.Activity.Title, ov.Rows{Activities: []ov.ActivityRow{r}})
		}
	}
	t.labelW = ganttLabelMin
	t.table.SetColumnWidth(0, t.labelW)
	t.area = container.New(&ganttLayout{t: t}, t.table)
	h := t.board.MinSize().Height
	bar := container.NewHBox(widget.NewLabel(loc.T("overview.gantt.board")), container.NewGridWrap(fyne.NewSize(260, h), t.board),
		widget.NewLabel(loc.T("overview.gantt.goal")), container.NewGridWrap(fyne.NewSize(130, h), t.goal),
		widget.NewSeparator(), widget.NewLabel(loc.T("overview.gantt.zoom")), zoomOut, container.NewGridWrap(fyne.NewSize(160, 36), t.zoom), zoomIn, t.count)
	legend := container.NewHBox(widget.NewLabel(loc.T("report.timeline.legend")))
	for _, p := range []domain.Priority{domain.PriorityHigh, domain.PriorityMedium, domain.PriorityLow} {
		sw := canvas.NewRectangle(priorityColors[p])
		sw.SetMinSize(fyne.NewSize(14, 14))
		legend.Add(container.NewCenter(sw))
		legend.Add(widget.NewLabel(loc.T("priority." + strconv.Itoa(int(p)))))
	}
	return container.NewBorder(container.NewHScroll(bar), legend, nil, nil, t.area)
}

func (t *ganttTab) show() {
	o, loc := t.v.o, t.v.loc
	all := loc.T("overview.gantt.all_boards")
	t.boards = append([]string{all}, o.Goals.Boards...)
	t.board.Options = t.boards
	allGoals := loc.T("overview.gantt.all_goals")
	goalNames := []string{allGoals}
	t.goals = []int{0}
	for _, g := range o.Profile.Goals {
		goalNames = append(goalNames, loc.Tf("overview.col.goal", "Goal", g.Number))
		t.goals = append(t.goals, g.Number)
	}
	t.goal.Options = goalNames
	if !contains(t.boards, t.board.Selected) {
		t.board.Selected = all
	}
	if !contains(goalNames, t.goal.Selected) {
		t.goal.Selected = allGoals
	}
	t.board.Refresh()
	t.goal.Refresh()
	t.filter()
}

// filter shows the activities of the chosen board and goal, by start date.
func (t *ganttTab) filter() {
	if t.v.o == nil {
		return
	}
	var boards []string
	if i := indexOf(t.boards, t.board.Selected); i > 0 {
		boards = []string{t.boards[i]}
	}
	var goals []int
	if i := indexOf(t.goal.Options, t.goal.Selected); i > 0 {
		goals = []int{t.goals[i]}
	}
	t.rows = t.v.o.Timeline(boards, goals)
	t.widest = widestLabel(t.rows)
	t.count.SetText(t.v.loc.Tf("overview.rows", "Count", len(t.rows)))
	t.resize()
}

// widestLabel is the width of the widest label. Measuring text costs, and a timeline may have
// thousands of rows: only the labels with the most characters are measured, as the widest is
// among them.
func widestLabel(rows []ov.ActivityRow) float32 {
	const measured = 40
	idx := make([]int, len(rows))
	n := make([]int, len(rows))
	for i, r := range rows {
		idx[i], n[i] = i, utf8.RuneCountInString(label(r))
	}
	if len(idx) > measured {
		slices.SortFunc(idx, func(a, b int) int { return n[b] - n[a] })
		idx = idx[:measured]
	}
	var w float32
	for _, i := range idx {
		w = max(w, fyne.MeasureText(label(rows[i]), theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w
}

// resize fits the label column and the time axis to the tab's width and the zoom, and makes
// the rows whose label wraps as tall as its lines.
func (t *ganttTab) resize() {
	if t.v.o == nil {
		return
	}
	pad := 2 * theme.InnerPadding()
	w := max(ganttLabelMin, t.widest+pad+2)
	if t.area != nil && t.area.Size().Width > 0 {
		w = min(w, max(ganttLabelMin, t.area.Size().Width*ganttLabelShare))
	}
	t.labelW = w
	t.table.SetColumnWidth(0, w)
	t.table.SetColumnWidth(1, t.pxPerDay()*float32(daysIn(t.v.o.Year))+8)
	t.heights()
	t.table.Refresh()
}

// heights makes a row whose label does not fit on one line tall enough for its lines.
func (t *ganttTab) heights() {
	size := theme.TextSize()
	line := fyne.MeasureText("Åg", size, fyne.TextStyle{}).Height
	one := widget.NewLabel("Åg").MinSize().Height
	room := t.labelW - 2*theme.InnerPadding()
	if t.widest <= room && len(t.tall) == 0 {
		return // every label on one line, as the rows already are
	}
	// Only rows that change are set: each setting redraws the table.
	was := t.tall
	t.tall = map[int]bool{}
	for i, r := range t.rows {
		w := fyne.MeasureText(label(r), size, fyne.TextStyle{}).Width
		lines := float32(1)
		if w > room {
			// Word wrapping fills lines less than fully: one spare line's worth.
			lines = float32(int(w/room) + 1)
			if w/room > lines-0.25 {
				lines++
			}
		}
		if lines > 1 {
			t.tall[i] = true
			t.table.SetRowHeight(i, one+(lines-1)*line)
		} else if was[i] {
			t.table.SetRowHeight(i, one)
		}
	}
	for i := range was {
		if i >= len(t.rows) {
			t.table.SetRowHeight(i, one)
		}
	}
}

// ganttLayout gives the table the tab's whole size and fits the timeline again when the
// width changes (the window is resized or the tab first shown).
type ganttLayout struct {
	t     *ganttTab
	width float32
}

func (l *ganttLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if size.Width != l.width {
		l.width = size.Width
		l.t.resize()
	}
}

func (l *ganttLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func daysIn(year int) int {
	return int(time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// dayX is the x of the start of day t on a year axis at px points per day; days outside the
// year are clamped to its edges.
func dayX(t time.Time, year int, px float32) float32 {
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	d := float32(t.Sub(first).Hours() / 24)
	return max(0, min(d, float32(daysIn(year)))) * px
}

// ---- bar ----

type ganttBar struct {
	widget.BaseWidget
	a     domain.Activity
	year  int
	px    float32
	today time.Time
}

func newGanttBar() *ganttBar {
	b := &ganttBar{}
	b.ExtendBaseWidget(b)
	return b
}

func (b *ganttBar) set(a domain.Activity, year int, px float32, today time.Time) {
	b.a, b.year, b.px, b.today = a, year, px, today
	b.Refresh()
}

func (b *ganttBar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b, bar: canvas.NewRectangle(colThisYear), today: canvas.NewLine(color.NRGBA{R: 0xc0, A: 0xff}),
		missing: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	r.bar.CornerRadius = 3
	for range 11 {
		r.grid = append(r.grid, canvas.NewLine(colGrid))
	}
	return r
}

type barRenderer struct {
	b       *ganttBar
	bar     *canvas.Rectangle
	today   *canvas.Line
	missing *canvas.Text
	grid    []*canvas.Line
	size    fyne.Size
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(20, 20) }
func (r *barRenderer) Destroy()           {}

func (r *barRenderer) Objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(r.grid)+3)
	for _, g := range r.grid {
		out = append(out, g)
	}
	return append(out, r.today, r.bar, r.missing)
}

func (r *barRenderer) Layout(s fyne.Size) {
	r.size = s
	r.Refresh()
}

func (r *barRenderer) Refresh() {
	b, s := r.b, r.size
	for i, g := range r.grid {
		x := dayX(time.Date(b.year, time.Month(i+2), 1, 0, 0, 0, 0, time.UTC), b.year, b.px)
		g.Position1, g.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, s.Height)
	}
	if b.today.Year() == b.year {
		x := dayX(b.today, b.year, b.px)
		r.today.Position1, r.today.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, s.Height)
		r.today.Show()
	} else {
		r.today.Hide()
	}
	a := b.a
	if a.Start.IsZero() || a.End.IsZero() {
		r.bar.Hide()
		r.missing.Text = "—"
		r.missing.Move(fyne.NewPos(4, 2))
		r.missing.Show()
	} else {
		r.missing.Hide()
		x0, x1 := dayX(a.Start, b.year, b.px), dayX(a.End.AddDate(0, 0, 1), b.year, b.px)
		if x1-x0 < 3 {
			x1 = x0 + 3
		}
		c, ok := priorityColors[a.Priority]
		if !ok {
			c = priorityColors[domain.PriorityMedium]
		}
		r.bar.FillColor = c
		r.bar.Move(fyne.NewPos(x0, s.Height*0.22))
		r.bar.Resize(fyne.NewSize(x1-x0, s.Height*0.56))
		r.bar.Show()
	}
	canvas.Refresh(b)
}

// ---- axis ----

// ganttAxis is the header of the time column: month names, and week numbers when zoomed in.
type ganttAxis struct {
	widget.BaseWidget
	loc  interface{ MonthShort(time.Month) string }
	year int
	px   float32
}

func newGanttAxis(loc interface{ MonthShort(time.Month) string }) *ganttAxis {
	a := &ganttAxis{loc: loc}
	a.ExtendBaseWidget(a)
	return a
}

func (a *ganttAxis) set(year int, px float32) {
	a.year, a.px = year, px
	a.Refresh()
}

func (a *ganttAxis) CreateRenderer() fyne.WidgetRenderer { return &axisRenderer{a: a} }

type axisRenderer struct {
	a    *ganttAxis
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *axisRenderer) MinSize() fyne.Size           { return fyne.NewSize(20, 36) }
func (r *axisRenderer) Destroy()                     {}
func (r *axisRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *axisRenderer) Layout(s fyne.Size)           { r.size = s; r.Refresh() }

func (r *axisRenderer) Refresh() {
	a := r.a
	r.objs = r.objs[:0]
	if a.year == 0 {
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	for m := time.January; m <= time.December; m++ {
		x := dayX(time.Date(a.year, m, 1, 0, 0, 0, 0, time.UTC), a.year, a.px)
		l := canvas.NewLine(colGrid)
		l.Position1, l.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, r.size.Height)
		t := canvas.NewText(a.loc.MonthShort(m), fg)
		t.TextStyle.Bold = true
		t.Move(fyne.NewPos(x+4, 1))
		r.objs = append(r.objs, l, t)
	}
	if a.px >= 5 {
		// ISO weeks: a tick at every Monday, its number when there is room.
		d := time.Date(a.year, 1, 1, 0, 0, 0, 0, time.UTC)
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, 1)
		}
		for ; d.Year() == a.year; d = d.AddDate(0, 0, 7) {
			x := dayX(d, a.year, a.px)
			_, w := d.ISOWeek()
			t := canvas.NewText(strconv.Itoa(w), muted)
			t.TextSize = theme.TextSize() * 0.75
			t.Move(fyne.NewPos(x+2, r.size.Height-16))
			tick := canvas.NewLine(colGrid)
			tick.Position1, tick.Position2 = fyne.NewPos(x, r.size.Height-6), fyne.NewPos(x, r.size.Height)
			r.objs = append(r.objs, tick, t)
		}
	}
	canvas.Refresh(a)
}
