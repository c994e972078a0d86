package coordinator

import "testing"

func TestFitWidths(t *testing.T) {
	tests := []struct {
		name   string
		widths []float32
		avail  float32
		want   []float32
	}{
		{"room: last column takes the rest", []float32{190, 60, 520}, 1000, []float32{190, 60, 750}},
		{"exact fit", []float32{100, 60}, 160, []float32{100, 60}},
		{"too wide: wide columns give way, narrow keep", []float32{190, 60, 290}, 440, []float32{190 - 100.0/3, 60, 290 - 200.0/3}},
		{"cannot fit: wide columns at the minimum", []float32{190, 60, 290}, 100, []float32{minColumn, 60, minColumn}},
		{"no columns", nil, 500, []float32{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fitWidths(tc.widths, tc.avail)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if d := got[i] - tc.want[i]; d > 0.01 || d < -0.01 {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}
