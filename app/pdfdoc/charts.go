package pdfdoc

import "math"

// NiceStep is a round axis step (1, 2, 2.5 or 5 times a power of ten, at least 1) so that
// about n steps cover 0..maxV. Charts of whole hours and kronor never get a fractional step,
// which would print the same label twice.
func NiceStep(maxV float64, n int) float64 {
	if maxV <= 0 {
		return 1
	}
	raw := maxV / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*mag >= raw {
			return math.Max(1, f*mag)
		}
	}
	return 10 * mag
}

// Stacked is a chart of vertical bars, one per label, each stacked from its parts.
type Stacked struct {
	Title, Empty string    // the heading, and what to say when every value is 0
	Labels       []string  // under each bar
	Values       [][]int64 // per bar, per part
	Names        []string  // the parts, for the legend
	Colors       []RGB     // per part
	Format       func(int64) string
}

// StackedBars draws c in the box x, y, w, h: the bars with the total over each, a value axis
// and the legend below.
func (d *Doc) StackedBars(x, y, w, h float64, c Stacked) {
	d.SetFont(true, 9)
	d.Text(x, y, d.Fit(c.Title, w), ColHeading)

	var maxV int64
	for _, parts := range c.Values {
		var sum int64
		for _, v := range parts {
			sum += max(v, 0)
		}
		maxV = max(maxV, sum)
	}
	step := NiceStep(float64(maxV), 4)
	top := math.Max(step, math.Ceil(float64(maxV)/step)*step)

	d.SetFont(false, 6.5)
	axisW := d.Width(c.Format(int64(top))) + 6
	px, py := x+axisW, y+18 // plot area
	pw, ph := w-axisW, h-18-14-16
	yOf := func(v float64) float64 { return py + ph - ph*v/top }

	for v := 0.0; v <= top+step/2; v += step {
		if maxV == 0 && v > 0 {
			break // nothing to scale: only the zero line
		}
		ly := yOf(v)
		col := ColRuleLight
		if v == 0 {
			col = ColRule
		}
		d.Line(px, ly, px+pw, ly, col, 0.4)
		d.SetFont(false, 6.5)
		d.TextRight(px-4, ly-3.2, c.Format(int64(v)), ColMuted)
	}
	slot := pw / float64(max(len(c.Values), 1))
	bw := slot * 0.52
	for i, parts := range c.Values {
		bx := px + slot*float64(i) + (slot-bw)/2
		base := 0.0
		var total int64
		for k, v := range parts {
			total += v
			if v <= 0 {
				continue
			}
			y1, y2 := yOf(base+float64(v)), yOf(base)
			d.FillRect(bx, y1, bw, y2-y1, c.Colors[k])
			base += float64(v)
		}
		if maxV > 0 {
			d.SetFont(true, 6.5)
			d.TextCenter(bx+bw/2, yOf(base)-9, c.Format(total), ColText)
		}
		if i < len(c.Labels) {
			d.SetFont(false, 7.5)
			d.TextCenter(bx+bw/2, py+ph+4, c.Labels[i], ColText)
		}
	}
	if maxV == 0 {
		d.SetFont(false, 8)
		d.TextCenter(px+pw/2, py+ph/2-4, c.Empty, ColMuted)
	}

	ly := py + ph + 20
	lx := px
	d.SetFont(false, 7.5)
	for k, n := range c.Names {
		d.FillRect(lx, ly+0.5, 9, 7, c.Colors[k])
		lx += 12
		d.Text(lx, ly, n, ColText)
		lx += d.Width(n) + 12
	}
}

// Bar-chart geometry of Bars.
const (
	barsLabelW = 150.0
	barH       = 8.0
	barsGap    = 7.0
	legendH    = 16.0
)

// BarsHeight is the height Bars needs for groups of n bars each (at most a page).
func BarsHeight(groups, n int) float64 {
	return math.Min(legendH+float64(groups)*(float64(n)*barH+barsGap)+18, ContentBottom-ContentTop-40)
}

// NoValue in a chart's series is a value that is not known (a board without last year's plan):
// it draws no bar and is labelled "–", as the tables show it, never as a bar of 0.
const NoValue int64 = math.MinInt64

// Bars draws a horizontal bar chart at Y: a legend, then one group per label with one bar per
// series, breaking pages between groups, and a value axis under the last. A NoValue draws no
// bar and the label "–".
func (d *Doc) Bars(labels []string, series [][]int64, names []string, colors []RGB, format func(int64) string) {
	d.Ensure(BarsHeight(len(labels), len(series)))
	var top int64
	for _, s := range series {
		for _, v := range s {
			top = max(top, v)
		}
	}
	step := NiceStep(float64(top), 4)
	axisMax := step * math.Ceil(float64(top)/step)
	if axisMax == 0 {
		axisMax = 1
	}
	x0, x1 := MarginL+barsLabelW, ContentRight-40
	scale := func(v int64) float64 { return x0 + (x1-x0)*float64(v)/axisMax }
	lx := x0
	d.SetFont(false, 7.5)
	for i, n := range names {
		d.FillRect(lx, d.Y+2, 8, 8, colors[i])
		d.Text(lx+11, d.Y+1, n, ColText)
		lx += 11 + d.Width(n) + 14
	}
	d.Y += legendH
	for gi, l := range labels {
		gh := float64(len(series)) * barH
		if d.Y+gh+barsGap > ContentBottom {
			d.NewPage()
		}
		d.SetFont(false, 7.5)
		d.Text(MarginL, d.Y+gh/2-4.5, d.Fit(l, barsLabelW-8), ColText)
		for si, s := range series {
			y := d.Y + float64(si)*barH
			d.SetFont(false, 6.5)
			if s[gi] == NoValue {
				d.Text(x0+3, y+0.5, "–", ColMuted)
				continue
			}
			d.FillRect(x0, y+1, scale(s[gi])-x0, barH-2, colors[si])
			d.Text(scale(s[gi])+3, y+0.5, format(s[gi]), ColMuted)
		}
		d.Y += gh + barsGap
	}
	d.Line(x0, d.Y-barsGap/2, x1, d.Y-barsGap/2, ColRule, 0.4)
	d.SetFont(false, 6.5)
	for v := 0.0; v <= axisMax+step/2; v += step {
		x := x0 + (x1-x0)*v/axisMax
		d.Line(x, d.Y-barsGap/2, x, d.Y-barsGap/2+3, ColRule, 0.4)
		d.TextCenter(x, d.Y, format(int64(v)), ColMuted)
	}
	d.Y += 16
}
