package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"handlingsplan/domain"
)

// The board's decisions on a plan and on its autumn follow-up (migration 0007). The plan's
// decision paragraph is the decision_paragraph column of the first version; decision_date stays
// the planned date.
const (
	decisionCols = `p.decision_dnr, p.decided_on, p.decision_body, p.decision_changed,
	p.followup_decision_dnr, p.followup_decision_date, p.followup_decision_body, p.followup_decision_paragraph`
	decisionInsertCols = `decision_dnr, decided_on, decision_body, decision_changed,
		followup_decision_dnr, followup_decision_date, followup_decision_body, followup_decision_paragraph`
	decisionInsertArgs = `?,?,?,?,?,?,?,?`
)

// decisionScan holds the decision columns while a plan row is scanned.
type decisionScan struct {
	dnr, body, fuDnr, fuBody, fuPara string
	on, fuOn                         sql.NullString
	changed                          bool
}

func (d *decisionScan) dest() []any {
	return []any{&d.dnr, &d.on, &d.body, &d.changed, &d.fuDnr, &d.fuOn, &d.fuBody, &d.fuPara}
}

func (d *decisionScan) into(p *domain.Plan) {
	p.Decision.Dnr, p.Decision.Date, p.Decision.Body, p.Decision.ChangedAfter = d.dnr, parseDate(d.on), d.body, d.changed
	p.FollowUpDecision = domain.Decision{Dnr: d.fuDnr, Date: parseDate(d.fuOn), Body: d.fuBody, Paragraph: d.fuPara}
}

func decisionValues(p domain.Plan) []any {
	return []any{p.Decision.Dnr, dateArg(p.Decision.Date), p.Decision.Body, p.Decision.ChangedAfter,
		p.FollowUpDecision.Dnr, dateArg(p.FollowUpDecision.Date), p.FollowUpDecision.Body, p.FollowUpDecision.Paragraph}
}

// DecisionKind says which of a plan's decisions SetDecision records.
type DecisionKind int

const (
	PlanDecision     DecisionKind = iota // the board's decision on the plan
	FollowUpDecision                     // the board's decision on the plan's autumn follow-up
)

// decisionColumns are the store's field names (also the audit log's) of a kind of decision, in
// the order dnr, date, body, paragraph.
func decisionColumns(k DecisionKind) [4]string {
	if k == FollowUpDecision {
		return [4]string{"followup_decision_dnr", "followup_decision_date", "followup_decision_body", "followup_decision_paragraph"}
	}
	return [4]string{"decision_dnr", "decided_on", "decision_body", "decision_paragraph"}
}

// SetDecision records a decision of plan planID in one transaction, each changed field in the
// audit log, and returns the decision it replaces (for undo). Recording the plan's decision
// says the decision is about the plan as it stands (it clears ChangedAfter). Neither kind
// reopens a signed plan: a decision is about the content, it does not change it.
func (s *Store) SetDecision(planID int64, k DecisionKind, d domain.Decision) (old domain.Decision, err error) {
	cols := decisionColumns(k)
	err = s.tx(func(tx *sql.Tx) error {
		var on sql.NullString
		var changed bool
		q := "SELECT " + cols[0] + ", " + cols[1] + ", " + cols[2] + ", " + cols[3] + ", decision_changed FROM plans WHERE id = ?"
		if err := tx.QueryRow(q, planID).Scan(&old.Dnr, &on, &old.Body, &old.Paragraph, &changed); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		old.Date = parseDate(on)
		if k == PlanDecision {
			old.ChangedAfter = changed
		}
		news := [4]any{d.Dnr, dateArg(d.Date), d.Body, d.Paragraph}
		olds := [4]string{old.Dnr, dateText(old.Date), old.Body, old.Paragraph}
		texts := [4]string{d.Dnr, dateText(d.Date), d.Body, d.Paragraph}
		wrote := false
		for i, c := range cols {
			if olds[i] == texts[i] {
				continue
			}
			if _, err := tx.Exec("UPDATE plans SET "+c+" = ? WHERE id = ?", news[i], planID); err != nil {
				return err
			}
			if err := s.audit(tx, "plan", planID, c, olds[i], texts[i]); err != nil {
				return err
			}
			wrote = true
		}
		if k == PlanDecision && changed != d.ChangedAfter {
			if _, err := tx.Exec("UPDATE plans SET decision_changed = ? WHERE id = ?", d.ChangedAfter, planID); err != nil {
				return err
			}
			if err := s.audit(tx, "plan", planID, "decision_changed", strconv.FormatBool(changed), strconv.FormatBool(d.ChangedAfter)); err != nil {
				return err
			}
			wrote = true
		}
		if wrote {
			_, err := tx.Exec("UPDATE plans SET updated_at = ? WHERE id = ?", s.stamp(), planID)
			return err
		}
		return nil
	})
	if err != nil {
		return old, fmt.Errorf("set decision of plan %d: %w", planID, err)
	}
	return old, nil
}

// dateText is a date as the audit log writes it ("" for none).
func dateText(t time.Time) string {
	s, _ := dateArg(t).(string)
	return s
}

// markChanged applies domain.DecisionAfterEdit to a content edit of plan planID, in the
// transaction of the edit (see editCheck): a decided plan's decision is marked as about an
// earlier version.
func (s *Store) markChanged(tx *sql.Tx, planID int64) error {
	var on sql.NullString
	var d domain.Decision
	if err := tx.QueryRow("SELECT decided_on, decision_changed FROM plans WHERE id = ?", planID).Scan(&on, &d.ChangedAfter); err != nil {
		return err
	}
	d.Date = parseDate(on)
	after := domain.DecisionAfterEdit(d, false)
	if after.ChangedAfter == d.ChangedAfter {
		return nil
	}
	if _, err := tx.Exec("UPDATE plans SET decision_changed = ? WHERE id = ?", after.ChangedAfter, planID); err != nil {
		return err
	}
	return s.audit(tx, "plan", planID, "decision_changed", strconv.FormatBool(d.ChangedAfter), strconv.FormatBool(after.ChangedAfter))
}
