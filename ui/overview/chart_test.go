package overview

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// A missing value is drawn as the table shows it, "–" and no bar; a known zero is a zero.
func TestChartDrawsMissingAsDash(t *testing.T) {
	cases := []struct {
		name      string
		last      barValue
		wantText  string
		wantBars  int // bars of the two groups' values, the legend's swatches not counted
		forbidden string
	}{
		{"missing", barValue{}, missingMark, 1, "0 kr"},
		{"zero", known(0), "0 kr", 2, missingMark},
		{"known", known(7), "7 kr", 2, missingMark},
	}
	for _, c := range cases {
		test.NewTempApp(t)
		ch := newBarChart()
		w := test.NewTempWindow(t, ch)
		w.Resize(fyne.NewSize(900, 300))
		ch.set([]string{"Socialnämnden"}, [][]barValue{{known(10)}, {c.last}}, []string{"2027", "2026"},
			func(n int64) string { return strconv.FormatInt(n, 10) + " kr" }, "Kronor")
		r := test.WidgetRenderer(ch).(*chartRenderer)
		r.canvas.Resize(fyne.NewSize(900, 300))
		var texts []string
		rects := 0
		for _, o := range test.WidgetRenderer(&r.canvas).Objects() {
			switch x := o.(type) {
			case *canvas.Text:
				texts = append(texts, x.Text)
			case *canvas.Rectangle:
				rects++
			}
		}
		has := func(s string) bool {
			for _, x := range texts {
				if x == s {
					return true
				}
			}
			return false
		}
		if !has(c.wantText) || has(c.forbidden) {
			t.Errorf("%s: texts %q, want %q and no %q", c.name, texts, c.wantText, c.forbidden)
		}
		if rects-2 != c.wantBars {
			t.Errorf("%s: %d bars, want %d", c.name, rects-2, c.wantBars)
		}
	}
}
