package wizard

import (
	"time"

	"handlingsplan/domain"
)

// fieldPtr points at the field of a row of d that an edit changes (the names are the store's
// SetField names, plus "goals" and "systems"); nil when there is no such row or field.
func fieldPtr(d *domain.PlanData, entity string, id int64, field string) any {
	switch entity {
	case "plan":
		if d.Plan.ID != id {
			return nil
		}
		return planField(&d.Plan, field)
	case "activity":
		for i := range d.Activities {
			if d.Activities[i].ID == id {
				return activityField(&d.Activities[i], field)
			}
		}
	case "training":
		for i := range d.Trainings {
			if d.Trainings[i].ID == id {
				return trainingField(&d.Trainings[i], field)
			}
		}
	case "checkpoint":
		for i := range d.Checkpoints {
			if d.Checkpoints[i].ID == id {
				return checkpointField(&d.Checkpoints[i], field)
			}
		}
	case "annual_goal":
		for i := range d.AnnualGoals {
			if d.AnnualGoals[i].ID == id {
				return annualGoalField(&d.AnnualGoals[i], field)
			}
		}
	}
	return nil
}

func annualGoalField(g *domain.AnnualGoal, field string) any {
	switch field {
	case "text":
		return &g.Text
	case "indicator":
		return &g.Indicator
	case "target":
		return &g.Target
	case "target_date":
		return &g.TargetDate
	case "goals":
		return &g.Goals
	case "areas":
		return &g.Areas
	case "outcome":
		return &g.Outcome
	case "measured":
		return &g.Measured
	case "light":
		return &g.Light
	case "follow_up_comment":
		return &g.FollowUpComment
	}
	return nil
}

func planField(p *domain.Plan, field string) any {
	switch field {
	case "responsible":
		return &p.Responsible
	case "contact":
		return &p.Contact
	case "decision_date":
		return &p.DecisionDate
	case "decision_paragraph":
		return &p.Decision.Paragraph
	case "decision_dnr":
		return &p.Decision.Dnr
	case "check0_result":
		return &p.Checks[0].Result
	case "check0_text":
		return &p.Checks[0].Text
	case "check1_result":
		return &p.Checks[1].Result
	case "check1_text":
		return &p.Checks[1].Text
	case "check2_result":
		return &p.Checks[2].Result
	case "check2_text":
		return &p.Checks[2].Text
	}
	return nil
}

func activityField(a *domain.Activity, field string) any {
	switch field {
	case "title":
		return &a.Title
	case "description":
		return &a.Description
	case "goals":
		return &a.Goals
	case "priority":
		return &a.Priority
	case "responsible":
		return &a.Responsible
	case "start":
		return &a.Start
	case "end":
		return &a.End
	case "internal_hours":
		return &a.InternalHours
	case "external_hours":
		return &a.ExternalHours
	case "operating_cost":
		return &a.OperatingCost
	case "investment":
		return &a.Investment
	case "systems":
		return &a.SystemIDs
	case "annual_goal":
		return &a.AnnualGoalID
	case "areas":
		return &a.Areas
	case "status":
		return &a.Status
	case "percent_done":
		return &a.PercentDone
	case "actual_hours":
		return &a.ActualHours
	case "actual_kronor":
		return &a.ActualKronor
	case "follow_up_comment":
		return &a.FollowUpComment
	}
	return nil
}

func trainingField(t *domain.Training, field string) any {
	switch field {
	case "title":
		return &t.Title
	case "target_group":
		return &t.TargetGroup
	case "format":
		return &t.Format
	case "kind":
		return &t.Kind
	case "dates":
		return &t.Dates
	case "responsible":
		return &t.Responsible
	case "expected_participants":
		return &t.ExpectedParticipants
	case "evaluation":
		return &t.Evaluation
	case "actual_participants":
		return &t.ActualParticipants
	}
	return nil
}

func checkpointField(c *domain.Checkpoint, field string) any {
	switch field {
	case "date":
		return &c.Date
	case "method":
		return &c.Method
	case "report_to":
		return &c.ReportTo
	case "done":
		return &c.Done
	}
	return nil
}

// get reads a field through its pointer, in the type SetField takes.
func get(p any) any {
	switch x := p.(type) {
	case *string:
		return *x
	case *domain.ActivityStatus:
		return string(*x)
	case *domain.TrainingFormat:
		return string(*x)
	case *domain.CheckResult:
		return string(*x)
	case *domain.Outcome:
		return string(*x)
	case *domain.Light:
		return string(*x)
	case *domain.TrainingKind:
		return string(*x)
	case *[]string:
		return append([]string(nil), *x...)
	case *int64:
		return *x
	case *int:
		return int64(*x)
	case *domain.Priority:
		return int64(*x)
	case *bool:
		return *x
	case *time.Time:
		return *x
	case *[]time.Time:
		return append([]time.Time(nil), *x...)
	case *[]int:
		return append([]int(nil), *x...)
	case *[]int64:
		return append([]int64(nil), *x...)
	}
	return nil
}

// set writes v (in the type SetField takes) through the field's pointer.
func set(p, v any) {
	switch x := p.(type) {
	case *string:
		*x, _ = v.(string)
	case *domain.ActivityStatus:
		s, _ := v.(string)
		*x = domain.ActivityStatus(s)
	case *domain.TrainingFormat:
		s, _ := v.(string)
		*x = domain.TrainingFormat(s)
	case *domain.CheckResult:
		s, _ := v.(string)
		*x = domain.CheckResult(s)
	case *domain.Outcome:
		s, _ := v.(string)
		*x = domain.Outcome(s)
	case *domain.Light:
		s, _ := v.(string)
		*x = domain.Light(s)
	case *domain.TrainingKind:
		s, _ := v.(string)
		*x = domain.TrainingKind(s)
	case *[]string:
		ss, _ := v.([]string)
		*x = append([]string(nil), ss...)
	case *int64:
		*x, _ = v.(int64)
	case *int:
		n, _ := v.(int64)
		*x = int(n)
	case *domain.Priority:
		n, _ := v.(int64)
		*x = domain.Priority(n)
	case *bool:
		*x, _ = v.(bool)
	case *time.Time:
		*x, _ = v.(time.Time)
	case *[]time.Time:
		ts, _ := v.([]time.Time)
		*x = append([]time.Time(nil), ts...)
	case *[]int:
		ns, _ := v.([]int)
		*x = append([]int(nil), ns...)
	case *[]int64:
		ns, _ := v.([]int64)
		*x = append([]int64(nil), ns...)
	}
}
