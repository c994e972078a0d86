package overview

import (
	"slices"

	"handlingsplan/domain"
)

// AreaCoverage is which of the law's requirement areas (the profile's) the year's plans work
// on: per board that sent a plan, the areas its annual goals and activities are tagged with
// (domain.AreasOf), and for the kommun, how many boards cover each area and which none does.
type AreaCoverage struct {
	Areas      []domain.RequirementArea
	Rows       []AreaRow // one per received plan, in board order
	BoardsWith []int     // per area, the boards whose plan covers it
	// Uncovered are the codes of the areas no board's plan covers.
	Uncovered []string
}

// AreaRow is one board's coverage: Covered[i] for Areas[i].
type AreaRow struct {
	Board   string
	Covered []bool
	Count   int // areas covered
}

// Covered is how many of the profile's areas at least one plan covers.
func (c AreaCoverage) Covered() int { return len(c.Areas) - len(c.Uncovered) }

// Covers reports whether board's plan covers area code (false for a board without a plan).
func (c AreaCoverage) Covers(board, code string) bool {
	i := slices.IndexFunc(c.Areas, func(a domain.RequirementArea) bool { return a.Code == code })
	for _, r := range c.Rows {
		if r.Board == board && i >= 0 {
			return r.Covered[i]
		}
	}
	return false
}

func areaCoverage(o *Overview) AreaCoverage {
	c := AreaCoverage{Areas: slices.Clone(o.Profile.Areas), BoardsWith: make([]int, len(o.Profile.Areas))}
	for _, d := range o.Plans {
		if o.Lacks(d.Plan.Board) {
			continue // a file of schema 1 has no tags: not a plan that covers none
		}
		codes := domain.AreasOf(d)
		r := AreaRow{Board: d.Plan.Board, Covered: make([]bool, len(c.Areas))}
		for i, a := range c.Areas {
			if slices.Contains(codes, a.Code) {
				r.Covered[i] = true
				r.Count++
				c.BoardsWith[i]++
			}
		}
		c.Rows = append(c.Rows, r)
	}
	for i, a := range c.Areas {
		if c.BoardsWith[i] == 0 {
			c.Uncovered = append(c.Uncovered, a.Code)
		}
	}
	return c
}

// AreaRows are the activities behind an area figure: board "" means every board.
func (o *Overview) AreaRows(board, code string) Rows {
	return Rows{Activities: o.rowsOf(func(r ActivityRow) bool {
		return (board == "" || r.Board == board) && slices.Contains(r.Activity.Areas, code)
	})}
}

// ManagementRow counts one board's management training (ledningens utbildning) of the year:
// events, dates and expected participants.
type ManagementRow struct {
	Board    string
	Received bool
	Lacks    bool // schema 1: training kinds unknown
	Events   int
	Dates    int
	Expected int
}

func management(o *Overview) []ManagementRow {
	out := make([]ManagementRow, 0, len(o.Boards))
	for _, b := range o.Boards {
		r := ManagementRow{Board: b}
		if d, ok := o.Plan(b); ok {
			r.Received, r.Lacks = true, o.Lacks(b)
			for _, t := range domain.ManagementTrainings(d) {
				r.Events++
				r.Dates += len(t.Dates)
				r.Expected += t.ExpectedParticipants
			}
		}
		out = append(out, r)
	}
	return out
}

// ManagementTotal sums the management training of every board.
func (o *Overview) ManagementTotal() ManagementRow {
	t := ManagementRow{Received: true}
	for _, r := range o.Management {
		t.Events += r.Events
		t.Dates += r.Dates
		t.Expected += r.Expected
	}
	return t
}
