package present

import "handlingsplan/domain"

// slideMarks are a plan's slides' red: the verdict of domain.ValidatePlan, as in the report and
// the wizard's review. shown records which problems a slide marked; texts are what the slides
// print in red, so a test can check that nothing else is.
type slideMarks struct {
	ps    domain.Problems
	shown []bool
	texts map[string]bool
}

func newSlideMarks(ps domain.Problems) *slideMarks {
	return &slideMarks{ps: ps, shown: make([]bool, len(ps)), texts: map[string]bool{}}
}

// find returns the indexes of the problems of row entity/id (of last year's plan when prev) on
// one of fields (any field when none is given).
func (m *slideMarks) find(entity string, id int64, prev bool, fields ...string) []int {
	var out []int
	for i, p := range m.ps {
		if p.Entity != entity || p.EntityID != id || p.Previous != prev {
			continue
		}
		if len(fields) == 0 {
			out = append(out, i)
			continue
		}
		for _, f := range fields {
			if p.Field == f {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// has reports whether row entity/id has a problem on one of fields, and marks those shown.
func (m *slideMarks) has(entity string, id int64, prev bool, fields ...string) bool {
	is := m.find(entity, id, prev, fields...)
	for _, i := range is {
		m.shown[i] = true
	}
	return len(is) > 0
}

// goal reports whether the review warns that nothing serves goal n, and marks it shown.
func (m *slideMarks) goal(n int) bool {
	found := false
	for i, p := range m.ps {
		if p.Entity == "plan" && !p.Previous && p.Key == "err.goal_uncovered" && goalArg(p) == n {
			m.shown[i] = true
			found = true
		}
	}
	return found
}

func goalArg(p domain.Problem) any {
	for i := 0; i+1 < len(p.Args); i += 2 {
		if p.Args[i] == "Goal" {
			return p.Args[i+1]
		}
	}
	return nil
}

// red is the colour of text a slide marks: it is recorded as explained.
func (m *slideMarks) red(text string) Color {
	m.texts[text] = true
	return ColWarn
}
