package present

import (
	"slices"

	"handlingsplan/domain"
)

// ClonePlanData is a deep copy of d: no slice of the copy shares memory with d, so editing one
// never changes the other. A presentation is built from such a snapshot.
func ClonePlanData(d domain.PlanData) domain.PlanData {
	out := d // every field; the slices below are copied
	out.Checklist = slices.Clone(d.Checklist)
	out.Activities = slices.Clone(d.Activities)
	for i := range out.Activities {
		a := &out.Activities[i]
		a.Goals = slices.Clone(a.Goals)
		a.SystemIDs = slices.Clone(a.SystemIDs)
		a.Areas = slices.Clone(a.Areas)
	}
	out.AnnualGoals = slices.Clone(d.AnnualGoals)
	for i := range out.AnnualGoals {
		g := &out.AnnualGoals[i]
		g.Goals = slices.Clone(g.Goals)
		g.Areas = slices.Clone(g.Areas)
	}
	out.FollowUps = slices.Clone(d.FollowUps)
	for i := range out.FollowUps {
		f := &out.FollowUps[i]
		f.Activities = slices.Clone(f.Activities)
		f.Goals = slices.Clone(f.Goals)
	}
	out.Unparsed = slices.Clone(d.Unparsed)
	out.Trainings = slices.Clone(d.Trainings)
	for i := range out.Trainings {
		out.Trainings[i].Dates = slices.Clone(out.Trainings[i].Dates)
	}
	out.Checkpoints = slices.Clone(d.Checkpoints)
	out.Systems = slices.Clone(d.Systems)
	if d.Previous != nil {
		prev := ClonePlanData(*d.Previous)
		out.Previous = &prev
	}
	return out
}
