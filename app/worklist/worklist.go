// Package worklist turns the register's warnings and the checklist's unmet requirements into
// work: "Lägg till åtgärd" puts a pre-filled activity (domain.ActivityForWarning,
// domain.ActivityForRequirement) into the board's next plan, linked to the system or the
// requirement and to the fitting strategy goal. The register and the checklist then say the
// warning has an activity (domain.RegisterWarnings, domain.Checklist).
package worklist

import (
	"errors"
	"fmt"
	"time"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// ErrNoPlan means the board has no plan for the year or later to put the activity in.
var ErrNoPlan = errors.New("no plan to add the activity to")

// ErrReadOnly means the plan to put the activity in is marked ready (read-only until reopened).
var ErrReadOnly = errors.New("the plan is marked ready")

// Added is the activity "Lägg till åtgärd" made.
type Added struct {
	PlanID     int64
	ActivityID int64
	Year       int
	Title      string
	// Reopened is true when the plan was signed: the new activity made it a draft again.
	Reopened bool
}

// TargetPlan is the plan an activity for the board's work goes in: its newest plan for year or
// later (the plan being written, or this year's while next year's is not started) that is not
// closed. ErrNoPlan when there is none, ErrReadOnly when it is marked ready.
func TargetPlan(store *data.Store, boardID int64, year int) (domain.Plan, error) {
	plans, err := store.Plans(boardID)
	if err != nil {
		return domain.Plan{}, fmt.Errorf("find the plan to add to: %w", err)
	}
	for _, p := range plans { // newest year first
		if p.Year < year {
			break
		}
		if p.Status == domain.PlanClosed {
			continue
		}
		if p.Status == domain.PlanReady {
			return p, fmt.Errorf("plan %d: %w", p.Year, ErrReadOnly)
		}
		return p, nil
	}
	return domain.Plan{}, fmt.Errorf("plans of board %d from %d: %w", boardID, year, ErrNoPlan)
}

// AddForWarning adds the pre-filled activity for register warning w of board boardID to the
// board's target plan for the year of now or later.
func AddForWarning(store *data.Store, boardID int64, w domain.RegisterWarning, now time.Time, loc *i18n.Localizer) (Added, error) {
	plan, err := TargetPlan(store, boardID, now.Year())
	if err != nil {
		return Added{}, err
	}
	d, err := store.PlanData(plan.ID)
	if err != nil {
		return Added{}, fmt.Errorf("add activity for %s: %w", w.System.Name, err)
	}
	prof := d.ProfileOr(domain.Profile{})
	if d.Profile == nil {
		if prof, err = store.Profile(); err != nil {
			return Added{}, fmt.Errorf("add activity for %s: %w", w.System.Name, err)
		}
	}
	a := domain.ActivityForWarning(w, prof, domain.WorkPlan{Year: plan.Year, Responsible: plan.Responsible}, loc)
	return add(store, plan, a)
}

// AddForRequirement adds the pre-filled activity for requirement id, as plan planID's checklist
// assesses it, to the board's target plan for that plan's year or later (the same plan while it
// is being written).
func AddForRequirement(store *data.Store, planID int64, id string, now time.Time, loc *i18n.Localizer) (Added, error) {
	d, err := store.PlanData(planID)
	if err != nil {
		return Added{}, fmt.Errorf("add activity for requirement %s: %w", id, err)
	}
	prof := d.ProfileOr(domain.Profile{})
	if d.Profile == nil {
		if prof, err = store.Profile(); err != nil {
			return Added{}, fmt.Errorf("add activity for requirement %s: %w", id, err)
		}
	}
	req, ok := prof.Requirement(id)
	if !ok {
		return Added{}, fmt.Errorf("add activity for requirement %s: %w", id, data.ErrNotFound)
	}
	plan, err := TargetPlan(store, d.Plan.BoardID, max(d.Plan.Year, now.Year()))
	if err != nil {
		return Added{}, err
	}
	a := domain.ActivityForRequirement(req, d.Entry(id), prof, domain.WorkPlan{Year: plan.Year, Responsible: plan.Responsible}, loc)
	return add(store, plan, a)
}

func add(store *data.Store, plan domain.Plan, a domain.Activity) (Added, error) {
	id, err := store.AddActivity(plan.ID, a)
	if err != nil {
		return Added{}, err
	}
	return Added{PlanID: plan.ID, ActivityID: id, Year: plan.Year, Title: a.Title, Reopened: plan.Status == domain.PlanSigned}, nil
}

// Text is the sentence for an error of AddForWarning or AddForRequirement.
func Text(loc *i18n.Localizer, err error, year int) string {
	var p *domain.Problem
	switch {
	case errors.Is(err, ErrNoPlan):
		return loc.Tf("worklist.err.no_plan", "Year", year)
	case errors.Is(err, ErrReadOnly):
		return loc.T("worklist.err.read_only")
	case errors.As(err, &p):
		return p.Text(loc)
	}
	return loc.T("worklist.err.failed")
}
