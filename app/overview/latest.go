package overview

import (
	"strings"

	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// LatestRow is one board's latest follow-up of this year's plan (domain.LatestFollowUp), with
// what it counted on its date; Has is false when the board has recorded none (or sent no plan).
type LatestRow struct {
	Board    string
	Received bool
	Lacks    bool // schema 1: follow-ups during the year unknown
	Has      bool
	FollowUp domain.FollowUp
	Counts   domain.FollowUpCounts
}

// Latest is every board's latest follow-up and the sum over the boards that have one.
type Latest struct {
	Rows  []LatestRow
	Total domain.FollowUpCounts
	With  int // boards with a follow-up recorded
}

func latest(o *Overview) Latest {
	l := Latest{Total: domain.FollowUpCounts{Statuses: map[domain.ActivityStatus]int{}, Outcomes: map[domain.Outcome]int{}, Lights: map[domain.Light]int{}}}
	for _, b := range o.Boards {
		r := LatestRow{Board: b}
		if d, ok := o.Plan(b); ok {
			r.Received, r.Lacks = true, o.Lacks(b)
			if f, ok := domain.LatestFollowUp(d); ok {
				r.Has, r.FollowUp, r.Counts = true, f, domain.CountFollowUp(d, f)
				l.With++
				for k, n := range r.Counts.Statuses {
					l.Total.Statuses[k] += n
				}
				for k, n := range r.Counts.Outcomes {
					l.Total.Outcomes[k] += n
				}
				for k, n := range r.Counts.Lights {
					l.Total.Lights[k] += n
				}
				l.Total.Activities += r.Counts.Activities
				l.Total.Goals += r.Counts.Goals
			}
		}
		l.Rows = append(l.Rows, r)
	}
	return l
}

// StatusLine names the statuses activities have and how many: "7 genomförda, 2 försenade,
// 1 struken" (in the order of domain.ShownStatuses; "–" for none). The slides and the report
// for kommunstyrelsen print a board's statuses with it.
func StatusLine(loc *i18n.Localizer, counts map[domain.ActivityStatus]int) string {
	var parts []string
	for _, st := range domain.ShownStatuses {
		if n := counts[st]; n > 0 {
			parts = append(parts, loc.Tf("present.status_count."+string(st), "Count", n))
		}
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}
