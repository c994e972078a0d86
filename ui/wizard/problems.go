package wizard

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"handlingsplan/domain"
)

// located is a problem with the wizard step where it is fixed.
type located struct {
	domain.Problem
	step int
}

// followUpFields are the activity fields of the autumn follow-up (step 2): a row's mark there
// counts only these.
var followUpFields = map[string]bool{"status": true, "percent_done": true, "actual_hours": true, "actual_kronor": true, "follow_up_comment": true}

// resourceFields are the activity fields of step 4.
var resourceFields = map[string]bool{"internal_hours": true, "external_hours": true, "operating_cost": true, "investment": true}

// stepOf tells in which step a problem is fixed: last year's follow-up in step 2, the rest
// where its row or field is edited.
func stepOf(p domain.Problem) int {
	if p.Previous {
		return StepFollowUp
	}
	switch p.Entity {
	case "plan":
		switch p.Field {
		case "activities", "goals":
			return StepActivities
		case "trainings":
			return StepTrainings
		case "checkpoints":
			return StepCheckpoints
		}
		return StepPlan
	case "activity":
		if resourceFields[p.Field] {
			return StepResources
		}
		return StepActivities
	case "annual_goal":
		return StepGoals
	case "training":
		return StepTrainings
	case "checkpoint":
		return StepCheckpoints
	}
	return StepReview
}

// locate puts the plan's problems in the order of the steps.
func locate(ps domain.Problems) []located {
	out := make([]located, 0, len(ps))
	for _, p := range ps {
		out = append(out, located{Problem: p, step: stepOf(p)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].step < out[j].step })
	return out
}

// stepState is the mark of a step in the step list.
type stepState int

const (
	stateTodo     stepState = iota // nothing blocks, but something is missing
	stateDone                      // complete, nothing blocks (warnings may remain)
	stateWarning                   // a row with warnings only
	stateBlocking                  // has problems that stop "mark ready"
)

// icons are the marks, made once per wizard.
type icons struct{ done, warn, err, todo fyne.Resource }

func newIcons() icons {
	return icons{
		done: theme.NewSuccessThemedResource(theme.ConfirmIcon()),
		warn: theme.NewWarningThemedResource(theme.WarningIcon()),
		err:  theme.NewErrorThemedResource(theme.ErrorIcon()),
		todo: theme.NewDisabledResource(theme.RadioButtonIcon()),
	}
}

// step is the mark of a step in the step list.
func (ic icons) step(s stepState) fyne.Resource {
	switch s {
	case stateDone:
		return ic.done
	case stateWarning:
		return ic.warn
	case stateBlocking:
		return ic.err
	}
	return ic.todo
}

// row is the mark of a table row: nothing when it has no problems.
func (ic icons) row(s stepState) fyne.Resource {
	switch s {
	case stateWarning:
		return ic.warn
	case stateBlocking:
		return ic.err
	}
	return nil
}

// states computes every step's mark. A step is done when it has what it needs and nothing
// blocks; warnings alone are worth a look but leave it done (they are listed in the review).
func (w *Wizard) states() [stepCount]stepState {
	var out [stepCount]stepState
	for s, m := range w.missing() {
		if m == "" {
			out[s] = stateDone
		}
	}
	for _, p := range w.problems {
		if p.Severity == domain.Blocking {
			out[p.step] = stateBlocking
			// The review gathers every problem: whatever blocks anywhere blocks it too.
			out[StepReview] = stateBlocking
		}
	}
	return out
}

// missing says, per step, what the step still lacks ("" when complete): the subtitle under
// the step's name, so an empty mark never has to be guessed at.
func (w *Wizard) missing() [stepCount]string {
	loc, d := w.loc, &w.d
	var out [stepCount]string
	blocking := [stepCount]int{}
	for _, p := range w.problems {
		if p.Severity == domain.Blocking {
			blocking[p.step]++
		}
	}
	var total domain.Resources
	for _, a := range d.Activities {
		total.Add(domain.ResourcesOf(a))
	}
	if n := followUpLeft(d.Previous); n > 0 {
		out[StepFollowUp] = loc.Tf("wizard.missing.followup", "Count", n)
	}
	if len(d.AnnualGoals) == 0 {
		out[StepGoals] = loc.T("wizard.missing.goals")
	}
	if len(d.Activities) == 0 {
		out[StepActivities] = loc.T("wizard.missing.activities")
	}
	if len(d.Activities) > 0 && total.Hours() == 0 && total.Kronor() == 0 {
		out[StepResources] = loc.T("wizard.missing.resources")
	}
	if len(d.Trainings) == 0 {
		out[StepTrainings] = loc.T("wizard.missing.trainings")
	}
	if len(d.Checkpoints) == 0 {
		out[StepCheckpoints] = loc.T("wizard.missing.checkpoints")
	}
	for s := range out {
		if blocking[s] > 0 && out[s] == "" {
			out[s] = loc.Tf("wizard.missing.errors", "Count", blocking[s])
		}
	}
	// The review is done when nothing anywhere blocks.
	all := 0
	for _, n := range blocking {
		all += n
	}
	out[StepReview] = ""
	if all > 0 {
		out[StepReview] = loc.Tf("wizard.missing.errors", "Count", all)
	}
	return out
}

// followUpLeft counts last year's activities that have been given no status yet.
func followUpLeft(prev *domain.PlanData) int {
	if prev == nil {
		return 0
	}
	n := 0
	for _, a := range prev.Activities {
		if a.Status == "" {
			n++
		}
	}
	return n
}

// blocking reports whether any problem stops the plan from being marked ready.
func (w *Wizard) blocking() bool {
	for _, p := range w.problems {
		if p.Severity == domain.Blocking {
			return true
		}
	}
	return false
}

// rowState is the worst problem of one table row (stateTodo when it has none). With fields
// set, only problems of those fields count (exclude: only of the other fields).
func rowState(ps []located, entity string, id int64, fields map[string]bool, exclude bool) stepState {
	out := stateTodo
	for _, p := range ps {
		if p.Entity != entity || p.EntityID != id {
			continue
		}
		if fields != nil && fields[p.Field] == exclude {
			continue
		}
		if p.Severity == domain.Blocking {
			return stateBlocking
		}
		out = stateWarning
	}
	return out
}
