package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestPluralForms(t *testing.T) {
	en := New(English)
	tests := []struct {
		count any
		want  string
	}{
		{1, "2027: 1 of 1 board has submitted its plan."},
		{int64(1), "2027: 1 of 1 board has submitted its plan."},
		{1.0, "2027: 1 of 1 board has submitted its plan."},
		{"1", "2027: 1 of 1 board has submitted its plan."},
		{9, "2027: 1 of 9 boards have submitted their plans."},
		{0, "2027: 1 of 0 boards have submitted their plans."},
		{1.5, "2027: 1 of 1.5 boards have submitted their plans."},
		{"1.0", "2027: 1 of 1.0 boards have submitted their plans."},
	}
	for _, tc := range tests {
		if got := en.Tf("exports.cli.summary", "Year", 2027, "Received", 1, "Count", tc.count); got != tc.want {
			t.Errorf("Count %#v: %q, want %q", tc.count, got, tc.want)
		}
	}
	// Without a count a plural message takes "other"; missing data prints as text/template does.
	if got := en.Tf("exports.cli.summary", "Year", 2027); got != "2027: <no value> of <no value> boards have submitted their plans." {
		t.Errorf("no count: %q", got)
	}
}

func TestLoadCatalogRefusesBrokenFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"not JSON", map[string]string{"messages/a.sv.json": "{"}, "parse messages/a.sv.json"},
		{"twice", map[string]string{"messages/a.sv.json": `{"k":"a"}`, "messages/b.sv.json": `{"k":"b"}`}, `key "k" defined twice`},
		{"bad plural", map[string]string{"messages/a.sv.json": `{"k":{"one":"a","few":"b"}}`}, "plural forms"},
		{"a number", map[string]string{"messages/a.sv.json": `{"k":1}`}, "expected a string"},
	}
	for _, tc := range tests {
		fsys := fstest.MapFS{}
		for name, body := range tc.files {
			fsys[name] = &fstest.MapFile{Data: []byte(body)}
		}
		if c := loadCatalog(fsys, Swedish); c.err == nil || !strings.Contains(c.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, c.err, tc.want)
		}
	}
	// Only the asked language's files are read.
	fsys := fstest.MapFS{"messages/a.sv.json": {Data: []byte(`{"k":"sv"}`)}, "messages/a.en.json": {Data: []byte("{")}}
	if c := loadCatalog(fsys, Swedish); c.err != nil || c.msgs["k"].other != "sv" {
		t.Errorf("Swedish: %v", c.err)
	}
}

// Reading one language's messages is part of every command's start (issue 12: was 14 ms for
// both languages through go-i18n).
func BenchmarkLoadCatalog(b *testing.B) {
	for b.Loop() {
		if c := loadCatalog(messageFS, Swedish); c.err != nil {
			b.Fatal(c.err)
		}
	}
}
