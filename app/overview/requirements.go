package overview

import (
	"slices"

	"handlingsplan/domain"
)

// The policy's general requirements across the kommun (issue 14): each board's checklist as its
// current submission carries it, judged by the domain (domain.Checklist, domain.Summarize) under
// the profile the board's plan was made under; the coordinator's profile gives the requirements'
// order and names.

// RequirementsRow is one board's checklist in figures.
type RequirementsRow struct {
	Board string
	domain.ChecklistSummary
	// ProfileVersion is the profile version the board's plan was made under (-1: not said,
	// a submission from before profiles had versions).
	ProfileVersion int
	// Status is the board's answer per requirement id (absent: the requirement was not in the
	// board's profile; "" not assessed).
	Status map[string]domain.ChecklistStatus
	// Planned lists the requirements an activity of the board's plan addresses.
	Planned map[string]bool
}

// Requirements is the checklist of every board that sent a plan, and per requirement how many
// boards meet it.
type Requirements struct {
	Items []domain.Requirement // the coordinator's profile's requirements, then any others the boards had
	Rows  []RequirementsRow    // in board order
	Total domain.ChecklistSummary
	// ByItem counts, per requirement id, the boards' answers.
	ByItem map[string]map[domain.ChecklistStatus]int
}

func requirements(o *Overview) Requirements {
	req := Requirements{Items: slices.Clone(o.Profile.Checklist), ByItem: map[string]map[domain.ChecklistStatus]int{}}
	known := map[string]bool{}
	for _, it := range req.Items {
		known[it.ID] = true
	}
	for _, d := range o.Plans {
		rows := domain.Checklist(d, o.Profile)
		r := RequirementsRow{Board: d.Plan.Board, ChecklistSummary: domain.Summarize(rows), ProfileVersion: -1,
			Status: map[string]domain.ChecklistStatus{}, Planned: map[string]bool{}}
		if d.Profile != nil {
			r.ProfileVersion = d.Profile.Version
		}
		for _, x := range rows {
			id := x.Requirement.ID
			if !known[id] {
				known[id] = true
				req.Items = append(req.Items, x.Requirement)
			}
			r.Status[id] = x.Entry.Status
			if x.Activity != nil {
				r.Planned[id] = true
			}
			if req.ByItem[id] == nil {
				req.ByItem[id] = map[domain.ChecklistStatus]int{}
			}
			req.ByItem[id][x.Entry.Status]++
		}
		req.Rows = append(req.Rows, r)
		t := &req.Total
		s := r.ChecklistSummary
		t.Requirements += s.Requirements
		t.Met += s.Met
		t.Partly += s.Partly
		t.NotMet += s.NotMet
		t.NotApplicable += s.NotApplicable
		t.Unanswered += s.Unanswered
		t.Addressed += s.Addressed
	}
	return req
}

// RequirementsOf returns the checklist row of board.
func (o *Overview) RequirementsOf(board string) (RequirementsRow, bool) {
	i := slices.IndexFunc(o.Requirements.Rows, func(r RequirementsRow) bool { return r.Board == board })
	if i < 0 {
		return RequirementsRow{}, false
	}
	return o.Requirements.Rows[i], true
}
