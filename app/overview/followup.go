package overview

import (
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// FollowUpGap says why a board's follow-up of last year is not known.
type FollowUpGap string

const (
	// GapNoPlan: no plan of last year is known: the board sent none for that year, and this
	// year's submission (if any) carries none.
	GapNoPlan FollowUpGap = "no_plan"
	// GapNotFollowedUp: last year's plan is known but carries no follow-up (see FollowedUp).
	GapNotFollowedUp FollowUpGap = "not_followed_up"
)

// FollowUpRow is one board's follow-up of last year's plan, as the board's own submission for
// that year or the copy in this year's submission carries it (LastYearOf picks which), with
// the coordinator's own note.
type FollowUpRow struct {
	Board    string
	Received bool // the board sent a plan for the year
	Has      bool // last year's plan with its follow-up is known; else Gap says why not
	Gap      FollowUpGap
	Year     int // the year followed up
	// Source and Submission name where last year's plan came from (LastNone: nowhere).
	Source     LastSource
	Submission data.Submission
	Counts     map[domain.ActivityStatus]int // an activity without a status counts as not started
	Total      int
	Checks     [3]domain.Check
	Note       data.CoordinatorNote
	acts       []domain.Activity
}

// Share is the part of last year's activities with status st, 0..1 (0 without activities).
func (r FollowUpRow) Share(st domain.ActivityStatus) float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Counts[st]) / float64(r.Total)
}

// Percent is Share as a whole percentage, rounded half up, as every view prints it (the
// slides' bars, the report, the overview's table).
func (r FollowUpRow) Percent(st domain.ActivityStatus) int {
	if r.Total == 0 {
		return 0
	}
	return (200*r.Counts[st] + r.Total) / (2 * r.Total)
}

// GapText says, in the user's language, why the follow-up is missing ("" when it is not).
func (r FollowUpRow) GapText(loc *i18n.Localizer) string {
	if r.Has || r.Gap == "" {
		return ""
	}
	return loc.Tf("overview.followup.gap."+string(r.Gap), "Year", r.Year)
}

// FollowUp is every board's follow-up and the kommun total.
type FollowUp struct {
	Rows  []FollowUpRow // one per board, in board order
	Total FollowUpRow   // Board ""; counts over the boards whose follow-up is known
}

// StatusOf is the status a follow-up counts an activity under.
func StatusOf(a domain.Activity) domain.ActivityStatus {
	if a.Status == "" {
		return domain.ActivityNotStarted
	}
	return a.Status
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
		_, r.Received = o.Plan(b)
		ly := o.last[b]
		r.Source, r.Submission = ly.Source, ly.Submission
		switch {
		case ly.Plan == nil:
			r.Gap = GapNoPlan
		case !ly.FollowedUp:
			r.Gap, r.Year = GapNotFollowedUp, ly.Plan.Plan.Year
		default:
			p := ly.Plan
			r.Has, r.Year, r.Checks, r.acts = true, p.Plan.Year, p.Plan.Checks, p.Activities
			for _, a := range p.Activities {
				r.Counts[StatusOf(a)]++
				f.Total.Counts[StatusOf(a)]++
			}
			r.Total = len(p.Activities)
			f.Total.Total += r.Total
			f.Total.Has = true
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
			if st == "" || StatusOf(a) == st {
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
