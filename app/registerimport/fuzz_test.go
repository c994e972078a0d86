package registerimport

import (
	"testing"

	"handlingsplan/domain"
)

// FuzzRead: whatever a file holds, reading it and judging its rows neither panics nor breaks
// the table's shape (seed corpus in testdata/fuzz/FuzzRead: the test files in every format).
func FuzzRead(f *testing.F) {
	prof, _ := domain.DefaultProfile()
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, name := range []string{"register.csv", "register.xlsx"} {
			tb, err := Read(name, b)
			if err != nil {
				continue
			}
			if len(tb.Header) == 0 || len(tb.Rows) != len(tb.Lines) || len(tb.Rows) > MaxRows {
				t.Fatalf("%s: header %d, rows %d, lines %d", name, len(tb.Header), len(tb.Rows), len(tb.Lines))
			}
			for i := 1; i < len(tb.Lines); i++ {
				if tb.Lines[i] <= tb.Lines[i-1] {
					t.Fatalf("%s: row numbers not increasing: %v", name, tb.Lines)
				}
			}
			m := Guess(tb.Header)
			if m.Check() != nil {
				m = make(Mapping, len(tb.Header))
				m[0] = "name"
			}
			p, err := Prepare(tb, m, prof.Scale, nil)
			if err != nil {
				t.Fatal(err)
			}
			if p.New+p.Changed+p.Unchanged+p.Refused != len(tb.Rows) {
				t.Fatalf("%s: %d rows judged %+v", name, len(tb.Rows), p)
			}
			for _, r := range p.Rows {
				s := r.System
				if !r.Good() {
					continue
				}
				if s.Name == "" || s.MaxLevel() > 4 || min(s.Confidentiality, s.Integrity, s.Availability, s.Traceability) < -1 {
					t.Fatalf("%s: a good row the register refuses: %+v", name, s)
				}
			}
		}
	})
}
