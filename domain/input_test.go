package domain

import "testing"

func TestParseNumber(t *testing.T) {
	const nbsp, narrow, thin = "\u00a0", "\u202f", "\u2009"
	cases := []struct {
		in   string
		unit Unit
		want int64
		err  string // the error's key; "" when the text is a value
	}{
		// What officials type for an amount.
		{"", Kronor, 0, ""},
		{"   ", Kronor, 0, ""},
		{"1500", Kronor, 1500, ""},
		{"1 500", Kronor, 1500, ""},
		{"1" + nbsp + "500", Kronor, 1500, ""},
		{"1" + narrow + "500" + narrow + "000", Kronor, 1_500_000, ""},
		{"1" + thin + "500", Kronor, 1500, ""},
		{"1 500 kr", Kronor, 1500, ""},
		{"1 500kr", Kronor, 1500, ""},
		{"1 500 kr.", Kronor, 1500, ""},
		{"1 500:-", Kronor, 1500, ""},
		{"1 500 SEK", Kronor, 1500, ""},
		{"1 500 kronor", Kronor, 1500, ""},
		{"1 500,00 kr", Kronor, 1500, ""},
		{"10 tkr", Kronor, 10_000, ""},
		{"10tkr", Kronor, 10_000, ""},
		{"10 TKR", Kronor, 10_000, ""},
		{"2,5 tkr", Kronor, 2_500, ""},
		{"10 tusen", Kronor, 10_000, ""},
		{"1,5 Mkr", Kronor, 1_500_000, ""},
		{"1,5 mnkr", Kronor, 1_500_000, ""},
		{"1,25 miljoner kronor", Kronor, 1_250_000, ""},
		{"0,250 Mkr", Kronor, 250_000, ""}, // a leading zero is never a thousands group
		{"1.500", Kronor, 1500, ""},
		{"1.500.000", Kronor, 1_500_000, ""},
		{"007", Kronor, 7, ""},
		{"1 000 000 000", Kronor, MaxKronor, ""},
		// Never the valid part of the text.
		{"10 tkx", Kronor, 0, "err.input.kronor"},
		{"10 t", Kronor, 0, "err.input.kronor"},
		{"ca 1500", Kronor, 0, "err.input.kronor"},
		{"1500 eller 2000", Kronor, 0, "err.input.kronor"},
		{"1 50", Kronor, 0, "err.input.kronor"},
		{"1500 000", Kronor, 0, "err.input.kronor"},
		{"1,5", Kronor, 0, "err.input.whole_kronor"},
		{"1 500,50 kr", Kronor, 0, "err.input.whole_kronor"},
		{"1,0000005 Mkr", Kronor, 0, "err.input.whole_kronor"},
		{"1,500", Kronor, 0, "err.input.ambiguous"},
		{"2,500 Mkr", Kronor, 0, "err.input.ambiguous"},
		{"1.5", Kronor, 0, "err.input.decimal_point"},
		{"1.5 Mkr", Kronor, 0, "err.input.decimal_point"},
		{"1.500 tkr", Kronor, 0, "err.input.decimal_point"},
		{"1.500,5", Kronor, 0, "err.input.decimal_point"},
		{"1 500.", Kronor, 0, "err.input.decimal_point"},
		{"1 .500", Kronor, 0, "err.input.decimal_point"},
		{"-3", Kronor, 0, "err.negative"},
		{"\u22123 kr", Kronor, 0, "err.negative"},
		{"2 Gkr", Kronor, 0, "err.input.kronor"},
		{"1 001 Mkr", Kronor, 0, "err.too_large"},
		{"1 000 000 001", Kronor, 0, "err.too_large"},
		{"99999999999999999999999", Kronor, 0, "err.too_large"},
		{",5 Mkr", Kronor, 0, "err.input.kronor"},
		{"5, Mkr", Kronor, 0, "err.input.kronor"},
		{"1,5,5 Mkr", Kronor, 0, "err.input.kronor"},
		{"kr", Kronor, 0, "err.input.kronor"},
		// Hours are whole hours.
		{"40", Hours, 40, ""},
		{"1 200 h", Hours, 1200, ""},
		{"16 tim", Hours, 16, ""},
		{"16 timmar", Hours, 16, ""},
		{"2,5", Hours, 0, "err.input.whole_hours"},
		{"2,0", Hours, 2, ""},
		{"10 tkr", Hours, 0, "err.input.hours"},
		{"100 001", Hours, 0, "err.too_large"},
		{"-1", Hours, 0, "err.negative"},
		// People.
		{"25", Count, 25, ""},
		{"25 st", Count, 25, ""},
		{"1 200 personer", Count, 1200, ""},
		{"2,5", Count, 0, "err.input.count"},
		{"-2", Count, 0, "err.participants"},
		{"25 kr", Count, 0, "err.input.count"},
		// A percent.
		{"50", Percent, 50, ""},
		{"50 %", Percent, 50, ""},
		{"50%", Percent, 50, ""},
		{"100", Percent, 100, ""},
		{"101", Percent, 0, "err.percent_range"},
		{"-5", Percent, 0, "err.percent_range"},
		{"50,5 %", Percent, 0, "err.input.percent"},
	}
	for _, c := range cases {
		got, err := ParseNumber(c.in, c.unit)
		key := ""
		if err != nil {
			key = err.Key
		}
		if got != c.want || key != c.err {
			t.Errorf("ParseNumber(%q, %d) = %d, %q; want %d, %q", c.in, c.unit, got, key, c.want, c.err)
		}
	}
}

// An error quotes what was typed, so the sentence under the field and in the review names it.
func TestParseNumberErrorQuotesText(t *testing.T) {
	_, err := ParseNumber(" 10 tkx ", Kronor)
	if err == nil || len(err.Args) < 2 || err.Args[0] != "Text" || err.Args[1] != "10 tkx" {
		t.Fatalf("err = %+v, want Text 10 tkx", err)
	}
	_, err = ParseNumber("2,5", Hours)
	p := err.Problem("activity", 7, "internal_hours")
	if p.Severity != Blocking || p.Entity != "activity" || p.EntityID != 7 || p.Field != "internal_hours" || p.Key != "err.input.whole_hours" {
		t.Fatalf("problem = %+v", p)
	}
	want := []any{"Field", "field.internal_hours", "Text", "2,5", "Down", int64(2), "Up", int64(3)}
	if len(p.Args) != len(want) {
		t.Fatalf("args = %v, want %v", p.Args, want)
	}
	for i := range want {
		if p.Args[i] != want[i] {
			t.Fatalf("args = %v, want %v", p.Args, want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1 500", "10 tkr", "1,5 Mkr", "1.500", "2,5", "-3", "1,500"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for u := Kronor; u <= Percent; u++ {
			v, err := ParseNumber(s, u)
			if err != nil && v != 0 {
				t.Fatalf("%q: value %d with error %s", s, v, err.Key)
			}
			if err == nil && (v < 0 || v > maxOf(u)) {
				t.Fatalf("%q unit %d: %d out of range", s, u, v)
			}
		}
	})
}
