package overview

import (
	"slices"
	"testing"

	"handlingsplan/domain"
)

// The chart shows a missing year as the table does: no bar of 0 kr for a board without last
// year's plan, no bar at all for a board that has not sent this year's.
func TestChartSeries(t *testing.T) {
	kr := func(n int64) domain.Resources { return domain.Resources{OperatingCost: n} }
	tests := []struct {
		name      string
		rows      []ResourceRow
		labels    []string
		now, last []int64
	}{
		{"both years", []ResourceRow{{Board: "Socialnämnden", Received: true, Year: kr(100), Last: kr(80), LastSource: LastReceived}},
			[]string{"Socialnämnden"}, []int64{100}, []int64{80}},
		{"last year zero kronor", []ResourceRow{{Board: "Socialnämnden", Received: true, Year: kr(100), LastSource: LastCarried}},
			[]string{"Socialnämnden"}, []int64{100}, []int64{0}},
		{"no last year", []ResourceRow{{Board: "Socialnämnden", Received: true, Year: kr(100)}},
			[]string{"Socialnämnden"}, []int64{100}, []int64{NoValue}},
		{"not sent this year", []ResourceRow{
			{Board: "Kulturnämnden", Last: kr(50), LastSource: LastReceived},
			{Board: "Socialnämnden", Received: true, Year: kr(0)},
		}, []string{"Socialnämnden"}, []int64{0}, []int64{NoValue}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			labels, now, last := Resources{Rows: tc.rows}.ChartSeries(MetricKronor)
			if !slices.Equal(labels, tc.labels) || !slices.Equal(now, tc.now) || !slices.Equal(last, tc.last) {
				t.Errorf("got %q %v %v, want %q %v %v", labels, now, last, tc.labels, tc.now, tc.last)
			}
		})
	}
}
