package domain

// PlanAfterEdit is what an edit of plan planID or of one of its rows does to the plan, by the
// plan's status; followUp edits record the autumn follow-up (Field.FollowUp). A plan marked
// ready is read-only: a content edit is refused with the problem returned. A signed plan whose
// content changes is a draft again, so that the next export makes a new version. A follow-up
// edit is recorded whatever the status and changes none. The store applies this rule in the
// edit's own transaction (data.Store.SetField and the row writes).
func PlanAfterEdit(planID int64, status PlanStatus, followUp bool) (PlanStatus, *Problem) {
	if followUp {
		return status, nil
	}
	switch status {
	case PlanReady:
		return status, &Problem{Severity: Blocking, Entity: "plan", EntityID: planID, Field: "status", Key: "err.read_only"}
	case PlanSigned:
		return PlanDraft, nil
	}
	return status, nil
}
