package present

import (
	"maps"
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
	}
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

// Clone is a deep copy of o.
func (o Overview) Clone() Overview {
	out := o
	out.Boards = slices.Clone(o.Boards)
	for i := range out.Boards {
		b := &out.Boards[i]
		b.GoalCounts = maps.Clone(b.GoalCounts)
		b.FollowUp = maps.Clone(b.FollowUp)
		b.Levels = maps.Clone(b.Levels)
	}
	out.Trainings = slices.Clone(o.Trainings)
	for i := range out.Trainings {
		out.Trainings[i].Training.Dates = slices.Clone(out.Trainings[i].Training.Dates)
	}
	out.Missing = slices.Clone(o.Missing)
	return out
}
