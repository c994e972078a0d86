package pdftest

import (
	"slices"
	"testing"
)

func TestInventedHyphens(t *testing.T) {
	corpus := "Säkerhetssamordnare; Barn- och utbildningsnämnden; IT-system; Informations\u00adägare"
	tests := []struct {
		text string
		want []string
	}{
		{"Säkerhetssamo-\nrdnare", []string{"Säkerhetssamo-/rdnare"}},
		{"Barn-\noch utbildningsnämnden", nil},
		{"IT-\nsystem", nil},
		{"Informations-\nägare", nil},
		{"Säkerhetssamordnare\narkiv", nil},
		{"utbildnings-\n  nämnden", []string{"utbildnings-/nämnden"}},
		{"kv. 1 – 2\n", nil},
	}
	for _, tc := range tests {
		if got := InventedHyphens(tc.text, corpus); !slices.Equal(got, tc.want) {
			t.Errorf("InventedHyphens(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
