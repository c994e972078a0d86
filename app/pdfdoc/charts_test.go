package pdfdoc

import (
	"handlingsplan/app/overview"
	"strings"
	"testing"

	"handlingsplan/i18n"
)

func TestNiceStep(t *testing.T) {
	tests := []struct {
		max  float64
		n    int
		want float64
	}{
		{0, 4, 1},
		{2, 4, 1}, // whole hours: never a step of 0.5, which would print "0 1 1 2 2"
		{3, 4, 1},
		{10, 4, 2.5},
		{17, 4, 5},
		{100, 4, 25},
		{1_234_567, 4, 500_000},
	}
	for _, tc := range tests {
		if got := NiceStep(tc.max, tc.n); got != tc.want {
			t.Errorf("NiceStep(%v, %d) = %v, want %v", tc.max, tc.n, got, tc.want)
		}
	}
}

// Both charts draw on a page and leave Y below themselves.
func TestChartsDraw(t *testing.T) {
	d, err := New(i18n.New(i18n.Swedish))
	if err != nil {
		t.Fatal(err)
	}
	d.NewPage()
	format := func(v int64) string { return d.loc.Number(v) }
	d.StackedBars(MarginL, d.Y, 200, 190, Stacked{Title: "Timmar", Empty: "Inga timmar", Labels: []string{"kv. 1", "kv. 2"},
		Values: [][]int64{{10, 5}, {0, 0}}, Names: []string{"Interna", "Externa"}, Colors: []RGB{ColHeading, ColRule}, Format: format})
	y := d.Y
	d.Bars([]string{"Socialnämnden", "Tekniska nämnden"}, [][]int64{{120000, 0}, {90000, 3}}, []string{"2027", "2026"},
		[]RGB{ColHeading, ColRule}, format)
	if d.Err() != nil || d.Y <= y {
		t.Fatalf("Y %v → %v, err %v", y, d.Y, d.Err())
	}
	pages := pagesText(t, d)
	for _, want := range []string{"Timmar", "kv. 1", "Interna", "Socialnämnden", "120 000"} {
		if !strings.Contains(strings.ReplaceAll(strings.Join(pages, "\n"), "\u00a0", " "), want) {
			t.Errorf("no %q in the charts' text", want)
		}
	}
}

// A value that is not known draws no bar and the table's "–", never "0 kr".
func TestBarsNoValue(t *testing.T) {
	tests := []struct {
		name      string
		series    [][]int64
		want, not []string
	}{
		{"last year unknown", [][]int64{{120000}, {NoValue}}, []string{"120 000 kr", "–"}, []string{" 0 kr"}},
		{"last year zero", [][]int64{{120000}, {0}}, []string{"120 000 kr", " 0 kr"}, []string{"–"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := New(i18n.New(i18n.Swedish))
			if err != nil {
				t.Fatal(err)
			}
			d.NewPage()
			d.Bars([]string{"Socialnämnden"}, tc.series, []string{"2027", "2026"}, []RGB{ColHeading, ColRule},
				func(v int64) string { return d.loc.Kronor(v) })
			// Only the bars' own labels: the axis prints its own "0 kr" under the bars.
			text := strings.ReplaceAll(strings.Join(pagesText(t, d), "\n"), "\u00a0", " ")
			// Between the legend ("2027 2026") and the blank line over the axis.
			_, barsText, _ := strings.Cut(text, "2026\n")
			barsText, _, _ = strings.Cut(barsText, "\n\n")
			barsText += "\n"
			if !strings.Contains(barsText, "Socialnämnden") {
				t.Fatalf("no bars found in %q", text)
			}
			for _, w := range tc.want {
				if !strings.Contains(barsText, w) {
					t.Errorf("no %q in the bars' text %q", w, barsText)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(barsText, n) {
					t.Errorf("%q in the bars' text %q", n, barsText)
				}
			}
		})
	}
}

// The overview's "not known" is the same value, so its series pass to Bars as they are.
var _ = [1]struct{}{}[NoValue-overview.NoValue]
