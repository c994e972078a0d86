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

// DecisionAfterEdit is what an edit does to the board's decision on the plan: a content edit
// (not followUp) of a decided plan makes the decision one about an earlier version
// (Decision.ChangedAfter), so the plan is no longer beslutad until the board decides again. The
// store applies it with PlanAfterEdit, in the same transaction.
func DecisionAfterEdit(d Decision, followUp bool) Decision {
	if !followUp && d.Made() {
		d.ChangedAfter = true
	}
	return d
}
