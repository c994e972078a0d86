package overview

import (
	"handlingsplan/data"
	"handlingsplan/domain"
)

// FollowUpRow is one board's follow-up of last year's plan, as its submission for this year
// carries it, with the coordinator's own note.
type FollowUpRow struct {
	Board    string
	Received bool // the board sent a plan for the year (and with it perhaps last year's)
	Has      bool // last year's plan came along
	Year     int  // the year followed up
	Counts   map[domain.ActivityStatus]int
	Total    int
	Checks   [3]domain.Check
	Note     data.CoordinatorNote
	acts     []domain.Activity
}

// Share is the part of last year's activities with status st, 0..1 (0 without activities).
func (r FollowUpRow) Share(st domain.ActivityStatus) float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Counts[st]) / float64(r.Total)
}

// FollowUp is every board's follow-up and the kommun total.
type FollowUp struct {
	Rows  []FollowUpRow // one per board, in board order
	Total FollowUpRow   // Board ""; counts over the boards that sent a follow-up
}

func followUp(o *Overview, notes []data.CoordinatorNote) FollowUp {
	byBoard := map[string]data.CoordinatorNote{}
	for _, n := range notes {
		byBoard[n.Board] = n
	}
	f := FollowUp{Total: FollowUpRow{Year: o.Year - 1, Counts: map[domain.ActivityStatus]int{}}}
	for _, b := range o.Boards {
		note, ok := byBoard[b]
		if !ok {
			note = data.CoordinatorNote{Board: b, Year: o.Year}
		}
		r := FollowUpRow{Board: b, Year: o.Year - 1, Counts: map[domain.ActivityStatus]int{}, Note: note}
		if d, ok := o.Plan(b); ok {
			r.Received = true
			if p := d.Previous; p != nil {
				r.Has, r.Year, r.Checks, r.acts = true, p.Plan.Year, p.Plan.Checks, p.Activities
				for _, a := range p.Activities {
					r.Counts[a.Status]++
					f.Total.Counts[a.Status]++
				}
				r.Total = len(p.Activities)
				f.Total.Total += r.Total
				f.Total.Has = true
			}
		}
		f.Rows = append(f.Rows, r)
	}
	return f
}

// FollowUpRows are last year's activities behind a follow-up figure: board "" means every
// board, status "" every status.
func (o *Overview) FollowUpRows(board string, st domain.ActivityStatus) Rows {
	var r Rows
	for _, row := range o.FollowUp.Rows {
		if board != "" && row.Board != board {
			continue
		}
		for _, a := range row.acts {
			if st == "" || a.Status == st {
				r.Activities = append(r.Activities, ActivityRow{Board: row.Board, Year: row.Year, Activity: a, Share: domain.ResourcesOf(a)})
			}
		}
	}
	return r
}

// FollowUpOf returns the follow-up row of board.
func (o *Overview) FollowUpOf(board string) (FollowUpRow, bool) {
	for _, r := range o.FollowUp.Rows {
		if r.Board == board {
			return r, true
		}
	}
	return FollowUpRow{}, false
}
