package widgets

import (
	"testing"
)

func TestFitWidths(t *testing.T) {
	text := func(w, floor float32) FitColumn { return FitColumn{Width: w, Floor: floor} }
	num := func(w, floor float32) FitColumn { return FitColumn{Width: w, Floor: floor, Numeric: true} }
	tests := []struct {
		name  string
		cols  []FitColumn
		avail float32
		want  []float32
	}{
		{"room: last column takes the rest", []FitColumn{text(200, 170), num(100, 56), text(300, 90)}, 800, []float32{200, 100, 500}},
		{"exact fit", []FitColumn{text(200, 170), num(100, 56)}, 300, []float32{200, 100}},
		{"too wide: text columns give way, figures keep", []FitColumn{text(290, 90), num(100, 56), text(290, 90)}, 480, []float32{190, 100, 190}},
		{"text at floor: figures give way too", []FitColumn{text(90, 90), num(100, 56), num(100, 56)}, 202, []float32{90, 56, 56}},
		{"figures give way only for what text cannot", []FitColumn{text(100, 90), num(100, 50), num(100, 50)}, 250, []float32{90, 80, 80}},
		{"a floor keeps a title whole", []FitColumn{text(300, 250), text(200, 90)}, 400, []float32{300 - 100.0*50/160, 200 - 100.0*110/160}},
		{"a floor above the width keeps the width", []FitColumn{text(190, 90), text(60, 90), text(290, 90)}, 440, []float32{190 - 100.0/3, 60, 290 - 200.0/3}},
		{"cannot fit: everything at its floor", []FitColumn{text(200, 170), num(100, 56)}, 50, []float32{170, 56}},
		{"cannot shrink at all", []FitColumn{text(60, 90), num(50, 50)}, 10, []float32{60, 50}},
		{"room shared by weight", []FitColumn{{Width: 100, Floor: 100, Weight: 1}, {Width: 100, Floor: 100, Weight: 3}, {Width: 50, Floor: 50}}, 650,
			[]float32{200, 400, 50}},
		{"no columns", nil, 500, []float32{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FitWidths(tc.cols, tc.avail)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if d := got[i] - tc.want[i]; d > 0.01 || d < -0.01 {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
			var declared, sum float32
			for i, c := range tc.cols {
				declared += c.Width
				sum += got[i]
			}
			if declared > 0 && declared <= tc.avail && sum != tc.avail {
				t.Errorf("widths %v do not fill %v", got, tc.avail)
			}
		})
	}
}
