package overview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Series colours: this year dark, last year light, as in the report for kommunstyrelsen.
var (
	colThisYear = color.NRGBA{R: 0x2e, G: 0x5c, B: 0x8a, A: 0xff}
	colLastYear = color.NRGBA{R: 0x9d, G: 0xbf, B: 0xe6, A: 0xff}
	colGrid     = color.NRGBA{R: 0xa6, G: 0xad, B: 0xb4, A: 0x80}
)

// barChart is a horizontal bar chart: one group per label, one bar per series, the value
// printed after each bar. It sits in a scroll container, so many boards still fit.
type barChart struct {
	widget.BaseWidget
	title  string
	labels []string
	series [][]barValue
	names  []string
	format func(int64) string
}

func newBarChart() *barChart {
	c := &barChart{format: func(n int64) string { return "" }}
	c.ExtendBaseWidget(c)
	return c
}

// barValue is one bar's figure; a missing one (not known, shown "–" in the table) is drawn
// as no bar with the table's dash, never as a bar of zero.
type barValue struct {
	n  int64
	ok bool
}

func known(n int64) barValue { return barValue{n: n, ok: true} }

// missingMark is what a missing value reads, as in the tables.
const missingMark = "–"

func (c *barChart) set(labels []string, series [][]barValue, names []string, format func(int64) string, title string) {
	c.labels, c.series, c.names, c.format, c.title = labels, series, names, format, title
	c.Refresh()
}

const (
	chartBarH   = 11
	chartGap    = 9
	chartLabelW = 230
	chartHeadH  = 44
)

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.scroll = container.NewVScroll(&r.canvas)
	r.canvas.chart = c
	r.canvas.ExtendBaseWidget(&r.canvas)
	return r
}

type chartRenderer struct {
	c      *barChart
	scroll *container.Scroll
	canvas chartCanvas
}

func (r *chartRenderer) Layout(s fyne.Size)                { r.scroll.Resize(s) }
func (r *chartRenderer) MinSize() fyne.Size                { return fyne.NewSize(400, 160) }
func (r *chartRenderer) Refresh()                          { r.canvas.Refresh(); r.scroll.Refresh() }
func (r *chartRenderer) Objects() []fyne.CanvasObject      { return []fyne.CanvasObject{r.scroll} }
func (r *chartRenderer) Destroy()                          {}
func (c *chartCanvas) CreateRenderer() fyne.WidgetRenderer { return &canvasRenderer{c: c} }

// chartCanvas is the drawn chart inside the scroll container; its height grows with the labels.
type chartCanvas struct {
	widget.BaseWidget
	chart *barChart
}

type canvasRenderer struct {
	c    *chartCanvas
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *canvasRenderer) MinSize() fyne.Size {
	ch := r.c.chart
	groupH := float32(len(ch.series))*chartBarH + chartGap
	return fyne.NewSize(chartLabelW+200, chartHeadH+float32(len(ch.labels))*groupH+24)
}

func (r *canvasRenderer) Layout(s fyne.Size) {
	r.size = s
	r.build()
}

func (r *canvasRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.c)
}

func (r *canvasRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *canvasRenderer) Destroy()                     {}

// build lays the chart out for the current size.
func (r *canvasRenderer) build() {
	ch := r.c.chart
	r.objs = r.objs[:0]
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	textSize := theme.TextSize() * 0.9
	add := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
		r.objs = append(r.objs, o)
	}
	title := canvas.NewText(ch.title, fg)
	title.TextStyle.Bold = true
	add(title, 4, 2, r.size.Width, 20)
	x := float32(chartLabelW)
	colors := []color.Color{colThisYear, colLastYear}
	for i, n := range ch.names {
		sw := canvas.NewRectangle(colors[i%len(colors)])
		add(sw, x, 26, 12, 12)
		t := canvas.NewText(n, fg)
		t.TextSize = textSize
		add(t, x+16, 23, 60, 16)
		x += 80
	}
	var top int64
	for _, s := range ch.series {
		for _, v := range s {
			if v.ok {
				top = max(top, v.n)
			}
		}
	}
	plotW := r.size.Width - chartLabelW - 110
	if plotW < 50 {
		plotW = 50
	}
	scale := func(v int64) float32 {
		if top <= 0 {
			return 0
		}
		return float32(math.Max(0, float64(v))) / float32(top) * plotW
	}
	y := float32(chartHeadH)
	for gi, l := range ch.labels {
		groupH := float32(len(ch.series)) * chartBarH
		lt := canvas.NewText(l, fg)
		lt.TextSize = textSize
		add(lt, 4, y+groupH/2-9, chartLabelW-8, 18)
		for si, s := range ch.series {
			if gi >= len(s) {
				continue
			}
			by := y + float32(si)*chartBarH
			v := s[gi]
			label, w := missingMark, float32(0)
			if v.ok {
				label, w = ch.format(v.n), scale(v.n)
				bar := canvas.NewRectangle(colors[si%len(colors)])
				add(bar, chartLabelW, by+1, w, chartBarH-2)
			}
			vt := canvas.NewText(label, muted)
			vt.TextSize = textSize * 0.9
			add(vt, chartLabelW+w+4, by-3, 100, chartBarH+4)
		}
		y += groupH + chartGap
	}
	axis := canvas.NewLine(colGrid)
	add(axis, chartLabelW, chartHeadH-4, 0, y-chartHeadH)
}
