package wizard

import (
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// timeline is the review's Gantt preview: the plan year in months and ISO weeks along the top,
// one bar per activity under it, in a virtualised list.
type timeline struct {
	year int
	acts func() []domain.Activity
	loc  *i18n.Localizer
	list *widget.List
	// width is the width the rows were fitted to; measure measures a wrapped title.
	width   float32
	measure *widget.Label
}

func newTimeline(loc *i18n.Localizer, year int, acts func() []domain.Activity) *timeline {
	return &timeline{year: year, acts: acts, loc: loc}
}

func (t *timeline) object() fyne.CanvasObject {
	t.list = widget.NewList(func() int { return len(t.acts()) }, t.createRow, t.updateRow)
	t.list.HideSeparators = true
	return container.NewBorder(t.header(), nil, nil, nil, container.New(&rowsLayout{t: t}, t.list))
}

// rowsLayout fits every row's height to its title, wrapped at the titles' width, whenever the
// timeline gets a new width: titles are never cut.
type rowsLayout struct{ t *timeline }

func (l *rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.t.width {
		l.t.width = size.Width
		l.t.fitRows()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *rowsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// fitRows sets each row's height to its wrapped title's.
func (t *timeline) fitRows() {
	if t.width <= 0 || t.list == nil {
		return
	}
	if t.measure == nil {
		t.measure = widget.NewLabel("")
		t.measure.Wrapping = fyne.TextWrapWord
	}
	lw := labelWidth(t.width)
	for i, a := range t.acts() {
		t.measure.SetText(a.Title)
		t.measure.Resize(fyne.NewSize(lw, t.measure.Size().Height))
		t.list.SetItemHeight(i, t.measure.MinSize().Height)
	}
}

// labelWidth is the width of the activity titles on the left.
func labelWidth(total float32) float32 {
	return max(10*theme.TextSize(), total*0.28)
}

// yearFraction is where in the year a date falls, 0 at 1 January, 1 after 31 December.
func yearFraction(t time.Time, year int) float32 {
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	next := time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	f := float32(d.Sub(first).Hours() / next.Sub(first).Hours())
	return min(max(f, 0), 1)
}

// scaleLayout places month names (with alternating bands) and ISO week numbers over the bar area.
type scaleLayout struct {
	year    int
	months  []*canvas.Text
	bands   []*canvas.Rectangle
	weeks   []*canvas.Text
	mondays []time.Time
	title   *canvas.Text
	wTitle  *canvas.Text
}

func (t *timeline) header() fyne.CanvasObject {
	fg := theme.Color(theme.ColorNameForeground)
	band := theme.Color(theme.ColorNameInputBackground)
	l := &scaleLayout{year: t.year}
	var objs []fyne.CanvasObject
	for m := time.January; m <= time.December; m++ {
		r := canvas.NewRectangle(band)
		if m%2 == 0 {
			r.FillColor = theme.Color(theme.ColorNameBackground)
		}
		l.bands = append(l.bands, r)
		objs = append(objs, r)
	}
	for m := time.January; m <= time.December; m++ {
		tx := canvas.NewText(t.loc.MonthShort(m), fg)
		tx.TextSize = theme.CaptionTextSize()
		tx.Alignment = fyne.TextAlignCenter
		l.months = append(l.months, tx)
		objs = append(objs, tx)
	}
	for d := time.Date(t.year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == t.year; d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Monday {
			continue
		}
		_, wk := d.ISOWeek()
		tx := canvas.NewText(strconv.Itoa(wk), theme.Color(theme.ColorNamePlaceHolder))
		tx.TextSize = theme.CaptionTextSize()
		l.weeks = append(l.weeks, tx)
		l.mondays = append(l.mondays, d)
		objs = append(objs, tx)
	}
	l.title = canvas.NewText(strconv.Itoa(t.year), fg)
	l.title.TextStyle.Bold = true
	l.title.TextSize = theme.CaptionTextSize()
	l.wTitle = canvas.NewText(t.loc.T("wizard.timeline.weeks"), theme.Color(theme.ColorNamePlaceHolder))
	l.wTitle.TextSize = theme.CaptionTextSize()
	objs = append(objs, l.title, l.wTitle)
	return container.New(l, objs...)
}

func (l *scaleLayout) rowHeight() float32 {
	return fyne.MeasureText("0", theme.CaptionTextSize(), fyne.TextStyle{}).Height + theme.InnerPadding()/2
}

func (l *scaleLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(20*theme.TextSize(), 2*l.rowHeight())
}

func (l *scaleLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	lw := labelWidth(size.Width)
	bw := size.Width - lw - theme.Padding()
	rh := l.rowHeight()
	x0 := lw
	l.title.Move(fyne.NewPos(theme.Padding(), 0))
	l.title.Resize(fyne.NewSize(lw, rh))
	l.wTitle.Move(fyne.NewPos(theme.Padding(), rh))
	l.wTitle.Resize(fyne.NewSize(lw, rh))
	for i := range 12 {
		a := yearFraction(time.Date(l.year, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC), l.year)
		b := float32(1)
		if i < 11 {
			b = yearFraction(time.Date(l.year, time.Month(i+2), 1, 0, 0, 0, 0, time.UTC), l.year)
		}
		l.bands[i].Move(fyne.NewPos(x0+a*bw, 0))
		l.bands[i].Resize(fyne.NewSize((b-a)*bw, 2*rh))
		l.months[i].Move(fyne.NewPos(x0+a*bw, 0))
		l.months[i].Resize(fyne.NewSize((b-a)*bw, rh))
	}
	// Show every k-th week number so that the numbers never overlap, whatever the width.
	need := fyne.MeasureText("53", theme.CaptionTextSize(), fyne.TextStyle{}).Width + theme.Padding()
	per := bw / 52
	k := 1
	if per > 0 {
		k = int(math.Ceil(float64(need / per)))
	}
	k = max(k, 1)
	for i, tx := range l.weeks {
		if i%k != 0 {
			tx.Hide()
			continue
		}
		tx.Show()
		tx.Move(fyne.NewPos(x0+yearFraction(l.mondays[i], l.year)*bw, rh))
		tx.Resize(tx.MinSize())
	}
}

func (t *timeline) createRow() fyne.CanvasObject {
	label := widget.NewLabel("")
	label.Wrapping = fyne.TextWrapWord
	track := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.CornerRadius = theme.InputRadiusSize()
	return container.New(&barLayout{year: t.year}, label, track, bar)
}

func (t *timeline) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	acts := t.acts()
	if id >= len(acts) {
		return
	}
	a := acts[id]
	c := o.(*fyne.Container)
	l := c.Layout.(*barLayout)
	l.start, l.end = a.Start, a.End
	c.Objects[0].(*widget.Label).SetText(a.Title)
	bar := c.Objects[2].(*canvas.Rectangle)
	if a.Start.IsZero() || a.End.IsZero() || a.End.Before(a.Start) {
		bar.Hide()
	} else {
		bar.Show()
	}
	c.Refresh()
	l.Layout(c.Objects, c.Size())
}

// barLayout places an activity's title and its bar from start to end over the year.
type barLayout struct {
	year       int
	start, end time.Time
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// One line of title; fitRows makes a row taller when its title wraps.
	line := fyne.MeasureText("Åg", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	return fyne.NewSize(20*theme.TextSize(), line)
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw := labelWidth(size.Width)
	bw := size.Width - lw - theme.Padding()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(lw, size.Height))
	h := min(size.Height/2, theme.TextSize())
	y := (size.Height - h) / 2
	objs[1].Move(fyne.NewPos(lw, y))
	objs[1].Resize(fyne.NewSize(bw, h))
	if l.start.IsZero() || l.end.IsZero() {
		return
	}
	a := yearFraction(l.start, l.year)
	b := yearFraction(l.end.AddDate(0, 0, 1), l.year)
	objs[2].Move(fyne.NewPos(lw+a*bw, y))
	objs[2].Resize(fyne.NewSize(max((b-a)*bw, 2), h))
}
