package overview

import (
	"testing"
)

func TestFitWidths(t *testing.T) {
	sum := func(ws []float32) float32 {
		var s float32
		for _, w := range ws {
			s += w
		}
		return s
	}
	tests := []struct {
		name    string
		widths  []float32
		floors  []float32
		numeric []bool
		avail   float32
		want    []float32
	}{
		{"room: last column takes the rest", []float32{200, 100, 300}, []float32{170, 56, 90}, []bool{false, true, false}, 800, []float32{200, 100, 500}},
		{"exact fit", []float32{200, 100}, []float32{170, 56}, []bool{false, true}, 300, []float32{200, 100}},
		{"too wide: text columns give way, figures keep", []float32{290, 100, 290}, []float32{90, 56, 90}, []bool{false, true, false}, 480, []float32{190, 100, 190}},
		{"text at floor: figures give way too", []float32{90, 100, 100}, []float32{90, 56, 56}, []bool{false, true, true}, 202, []float32{90, 56, 56}},
		{"a floor keeps a title whole", []float32{300, 200}, []float32{250, 90}, []bool{false, false}, 400, []float32{300 - 100.0*50/160, 200 - 100.0*110/160}},
		{"cannot fit: everything at its floor", []float32{200, 100}, []float32{170, 56}, []bool{false, true}, 50, []float32{170, 56}},
		{"no columns", nil, nil, nil, 500, []float32{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fitWidths(tc.widths, tc.floors, tc.numeric, tc.avail)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if d := got[i] - tc.want[i]; d > 0.01 || d < -0.01 {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
			if s := sum(tc.widths); s > 0 && s <= tc.avail && sum(got) != tc.avail {
				t.Errorf("widths %v do not fill %v", got, tc.avail)
			}
		})
	}
}
