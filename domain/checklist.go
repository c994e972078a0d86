package domain

import (
	"strings"
	"time"
)

// Requirement is one of the policy's general requirements ("Generella krav", "Roller och ansvar",
// "Utbildning", "Mobilt arbetssätt", "Användning av Internet", "Allmänna handlingar") that every
// board assesses each year. It is profile data: the kommun words it as its own policy does.
type Requirement struct {
	// ID is the requirement's stable key ("records_plan"); assessments and activities refer to it.
	ID string `json:"id"`
	// Section is the policy's heading the requirement comes from.
	Section string `json:"section"`
	// Title is a short name for tables and activity titles ("Dokumenthanteringsplan").
	Title string `json:"title"`
	// Text is the requirement in the policy's words.
	Text string `json:"text"`
	// Goal is the strategy goal an activity for the requirement serves.
	Goal int `json:"goal"`
}

// Requirement finds a checklist requirement of the profile by id.
func (p Profile) Requirement(id string) (Requirement, bool) {
	for _, r := range p.Checklist {
		if r.ID == id {
			return r, true
		}
	}
	return Requirement{}, false
}

// ChecklistStatus is a board's assessment of one requirement.
type ChecklistStatus string

const (
	ChecklistUnanswered    ChecklistStatus = ""
	ChecklistMet           ChecklistStatus = "met"            // uppfyllt
	ChecklistPartly        ChecklistStatus = "partly"         // delvis uppfyllt
	ChecklistNotMet        ChecklistStatus = "not_met"        // ej uppfyllt
	ChecklistNotApplicable ChecklistStatus = "not_applicable" // ej aktuellt
)

// ChecklistStatuses lists the answers in the order the UI offers them.
var ChecklistStatuses = []ChecklistStatus{ChecklistMet, ChecklistPartly, ChecklistNotMet, ChecklistNotApplicable}

// Unmet reports whether the answer asks for work: delvis or ej uppfyllt.
func (s ChecklistStatus) Unmet() bool { return s == ChecklistPartly || s == ChecklistNotMet }

// ChecklistEntry is a board's assessment of one requirement for one year (the plan's year).
type ChecklistEntry struct {
	Requirement string          `json:"requirement"` // Requirement.ID
	Status      ChecklistStatus `json:"status"`
	Date        time.Time       `json:"date"` // when it was assessed or met; zero when not given
	Responsible string          `json:"responsible"`
	Comment     string          `json:"comment"`
}

// Entry is the plan's assessment of requirement id (a zero entry when there is none).
func (d PlanData) Entry(id string) ChecklistEntry {
	for _, e := range d.Checklist {
		if e.Requirement == id {
			return e
		}
	}
	return ChecklistEntry{Requirement: id}
}

// ChecklistRow is one requirement of a plan's checklist as the views show it: the profile's
// requirement, the board's answer and the activity of the plan that addresses it, if any.
type ChecklistRow struct {
	Requirement Requirement
	Entry       ChecklistEntry
	Activity    *Activity // nil when no activity of the plan addresses the requirement
}

// Checklist is the plan's checklist under prof (the plan's own profile when it records one):
// every requirement of the profile in its order, with the board's answer.
func Checklist(d PlanData, prof Profile) []ChecklistRow {
	prof = d.ProfileOr(prof)
	rows := make([]ChecklistRow, 0, len(prof.Checklist))
	for _, r := range prof.Checklist {
		row := ChecklistRow{Requirement: r, Entry: d.Entry(r.ID)}
		if a := addressing(d.Activities, RequirementAddress(r.ID), 0); a != nil {
			row.Activity = a
		}
		rows = append(rows, row)
	}
	return rows
}

// ChecklistSummary counts a plan's answers: what the overview, the KS report, the protocol
// and the slides show of a board's checklist.
type ChecklistSummary struct {
	Requirements  int // requirements of the profile
	Met           int
	Partly        int
	NotMet        int
	NotApplicable int
	Unanswered    int
	Addressed     int // delvis or ej uppfyllt with an activity in the plan
}

// Applicable is the number of requirements that apply (all but ej aktuellt).
func (s ChecklistSummary) Applicable() int { return s.Requirements - s.NotApplicable }

// Summarize counts the rows of a checklist.
func Summarize(rows []ChecklistRow) ChecklistSummary {
	s := ChecklistSummary{Requirements: len(rows)}
	for _, r := range rows {
		switch r.Entry.Status {
		case ChecklistMet:
			s.Met++
		case ChecklistPartly:
			s.Partly++
		case ChecklistNotMet:
			s.NotMet++
		case ChecklistNotApplicable:
			s.NotApplicable++
		default:
			s.Unanswered++
		}
		if r.Entry.Status.Unmet() && r.Activity != nil {
			s.Addressed++
		}
	}
	return s
}

// ValidateChecklist is what the review says of a plan's checklist: how many requirements are not
// assessed (one warning for them all), each requirement not met (or partly) with the activity
// of the plan that addresses it or without one, and ej aktuellt without a reason. None blocks:
// the checklist is the board's honest account, and an unmet requirement is an answer, not an
// error.
func ValidateChecklist(d PlanData, prof Profile) Problems {
	var ps Problems
	unanswered := 0
	for _, row := range Checklist(d, prof) {
		r, e := row.Requirement, row.Entry
		switch {
		case e.Status == ChecklistUnanswered:
			unanswered++
		case e.Status.Unmet() && row.Activity == nil:
			ps = append(ps, warning("checklist", 0, r.ID, "err.checklist."+string(e.Status), "Requirement", r.Title))
		case e.Status.Unmet():
			ps = append(ps, warning("checklist", 0, r.ID, "err.checklist.addressed", "Requirement", r.Title, "Activity", row.Activity.Title))
		case e.Status == ChecklistNotApplicable && strings.TrimSpace(e.Comment) == "":
			ps = append(ps, warning("checklist", 0, r.ID, "err.checklist.no_reason", "Requirement", r.Title))
		}
	}
	if unanswered > 0 {
		ps = append(Problems{warning("checklist", 0, "", "err.checklist.unanswered", "Count", unanswered)}, ps...)
	}
	return ps
}

// ValidChecklistStatus reports whether s is an answer the checklist knows.
func ValidChecklistStatus(s ChecklistStatus) bool {
	return s == ChecklistUnanswered || known(s, ChecklistStatuses)
}

func known[T comparable](v T, all []T) bool {
	for _, x := range all {
		if x == v {
			return true
		}
	}
	return false
}

// ProfileOr is the plan's own profile when it records one, else prof.
func (d PlanData) ProfileOr(prof Profile) Profile {
	if d.Profile != nil {
		return *d.Profile
	}
	return prof
}
