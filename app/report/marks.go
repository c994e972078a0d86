package report

import (
	"handlingsplan/app/pdfdoc"
	"handlingsplan/domain"
)

// marks are the report's red: the verdict of domain.ValidatePlan, the one judge of a plan that
// the wizard's review shows too. The report decides nothing itself: it prints each problem
// where its row or field is (a sentence under an activity, "Nej" in red for a check answered
// no, "saknas" in red for a risk analysis the level asks for), and nothing else about the plan
// in red. shown records which problems found their place; what found none is printed at the end
// of the register annex, so no verdict is ever left out of the signed document.
type marks struct {
	ps    domain.Problems
	shown []bool
	// red are the red texts the marks produced (and the one red that is no verdict: the
	// sensitive flag of a system); unexplained are red texts of tables that are none of them,
	// which a test requires to be empty.
	red         map[string]bool
	unexplained []string
	// left counts the problems no section had a place for (printed at the end).
	left int
}

func newMarks(ps domain.Problems) *marks {
	return &marks{ps: ps, shown: make([]bool, len(ps)), red: map[string]bool{}}
}

func spanKey(s pdfdoc.Span) string { return s.Text + "\x00" + s.Value }

// find returns the indexes of the problems of row entity/id (of last year's plan when prev)
// whose field is one of fields (any field when none is given).
func (m *marks) find(entity string, id int64, prev bool, fields ...string) []int {
	var out []int
	for i, p := range m.ps {
		if p.Entity != entity || p.EntityID != id || p.Previous != prev {
			continue
		}
		if len(fields) > 0 && !contains(fields, p.Field) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// has reports whether row entity/id has a problem on one of fields, and marks those shown.
func (m *marks) has(entity string, id int64, prev bool, fields ...string) bool {
	is := m.find(entity, id, prev, fields...)
	for _, i := range is {
		m.shown[i] = true
	}
	return len(is) > 0
}

// mark prints s in bold red when marked (has said its row and field have a problem).
func (m *marks) mark(s pdfdoc.Span, marked bool) pdfdoc.Span {
	if marked {
		s.Color, s.Bold = pdfdoc.ColWarn, true
		m.red[spanKey(s)] = true
	}
	return s
}

// info prints s in bold red though it is no verdict (a system's sensitive flag).
func (m *marks) info(s pdfdoc.Span) pdfdoc.Span {
	s.Color, s.Bold = pdfdoc.ColWarn, true
	m.red[spanKey(s)] = true
	return s
}

// table draws a table, noting every red text in it that no mark produced.
func (r *renderer) table(cols []pdfdoc.Column, rows []pdfdoc.Row) {
	for _, row := range rows {
		for _, c := range row.Cells {
			for _, s := range c {
				if s.Color == pdfdoc.ColWarn && !r.marks.red[spanKey(s)] {
					r.marks.unexplained = append(r.marks.unexplained, s.Text)
				}
			}
		}
	}
	r.Table(cols, rows)
}

// notes are the sentences of row entity/id's problems not shown yet, in red, for the row's
// main cell (only of fields, when given).
func (r *renderer) notes(entity string, id int64, prev bool, fields ...string) []pdfdoc.Span {
	var out []pdfdoc.Span
	for _, i := range r.marks.find(entity, id, prev, fields...) {
		if r.marks.shown[i] {
			continue
		}
		r.marks.shown[i] = true
		sp := r.marks.mark(pdfdoc.Span{Text: r.problemText(r.marks.ps[i])}, true)
		sp.Bold = false
		out = append(out, sp)
	}
	return out
}

// problemText is a problem as the review words it, with "Fel:" or "Varning:" before it, so that
// a reader of a printed draft tells what blocks from what is worth a look.
func (r *renderer) problemText(p domain.Problem) string {
	key := "report.problem.warning"
	if p.Severity == domain.Blocking {
		key = "report.problem.blocking"
	}
	return r.loc.Tf(key, "Text", p.Text(r.loc))
}

// planNotes prints the problems of the plan's own fields (of fields, when given) that are not
// shown yet as red paragraphs.
func (r *renderer) planNotes(fields ...string) {
	for _, s := range r.notes("plan", r.d.Plan.ID, false, fields...) {
		r.Paragraph(s.Text, 9, false, pdfdoc.ColWarn)
	}
}

// leftOver prints every problem no section found a place for, so that none is left out.
func (r *renderer) leftOver() {
	var rest []pdfdoc.Span
	for i, p := range r.marks.ps {
		if !r.marks.shown[i] {
			rest = append(rest, r.notes(p.Entity, p.EntityID, p.Previous, p.Field)...)
		}
	}
	if len(rest) == 0 {
		return
	}
	r.marks.left = len(rest)
	r.SubHeading(r.loc.T("report.problem.other"), 40)
	for _, s := range rest {
		r.Paragraph(s.Text, 9, false, pdfdoc.ColWarn)
	}
}

// count is how many problems the plan has, blocking and warnings.
func (m *marks) count() (blocking, warnings int) {
	for _, p := range m.ps {
		if p.Severity == domain.Blocking {
			blocking++
		} else {
			warnings++
		}
	}
	return blocking, warnings
}
