package overview

import (
	"slices"

	"handlingsplan/domain"
)

// GoalMatrix counts, for every board that sent a plan, the activities linked to each goal of
// the policy. An activity linked to several goals counts once under each.
type GoalMatrix struct {
	Goals  []domain.Goal
	Boards []string
	Counts [][]int // [board][goal index]
	Totals []int   // per goal, over all boards
	// BoardsWith counts, per goal, the boards with at least one activity linked to it.
	BoardsWith []int
	// Uncovered lists the numbers of the goals no board's activity links to.
	Uncovered []int
	// Unknown counts links to goal numbers the profile does not have (an older or other policy).
	Unknown int
}

// Count is the number of activities of board linked to goal number g (−1 when the board or
// goal is not in the matrix).
func (m GoalMatrix) Count(board string, g int) int {
	bi, gi := slices.Index(m.Boards, board), m.goalIndex(g)
	if bi < 0 || gi < 0 {
		return -1
	}
	return m.Counts[bi][gi]
}

func (m GoalMatrix) goalIndex(g int) int {
	return slices.IndexFunc(m.Goals, func(x domain.Goal) bool { return x.Number == g })
}

// Covered is the number of the profile's goals at least one board's activity links to.
func (m GoalMatrix) Covered() int { return len(m.Goals) - len(m.Uncovered) }

// Empty counts the board × goal cells without any activity.
func (m GoalMatrix) Empty() int {
	n := 0
	for _, row := range m.Counts {
		for _, c := range row {
			if c == 0 {
				n++
			}
		}
	}
	return n
}

func goalMatrix(o *Overview) GoalMatrix {
	m := GoalMatrix{Goals: slices.Clone(o.Profile.Goals)}
	m.Totals = make([]int, len(m.Goals))
	m.BoardsWith = make([]int, len(m.Goals))
	for _, d := range o.Plans {
		row := make([]int, len(m.Goals))
		for _, a := range d.Activities {
			for _, g := range uniq(a.Goals) {
				if gi := m.goalIndex(g); gi >= 0 {
					row[gi]++
					m.Totals[gi]++
				} else {
					m.Unknown++
				}
			}
		}
		for gi, n := range row {
			if n > 0 {
				m.BoardsWith[gi]++
			}
		}
		m.Boards = append(m.Boards, d.Plan.Board)
		m.Counts = append(m.Counts, row)
	}
	for i, g := range m.Goals {
		if m.Totals[i] == 0 {
			m.Uncovered = append(m.Uncovered, g.Number)
		}
	}
	return m
}

func uniq(xs []int) []int {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// GoalRows are the activities behind a cell of the goal matrix: board "" means every board.
func (o *Overview) GoalRows(board string, goal int) Rows {
	return Rows{Activities: o.rowsOf(func(r ActivityRow) bool {
		return (board == "" || r.Board == board) && slices.Contains(r.Activity.Goals, goal)
	})}
}
