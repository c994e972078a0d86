package domain

import (
	"encoding/json"
	"strings"
	"time"

	"handlingsplan/i18n"
)

// Decision is a board's decision, as the kommun registers it: the diarienummer of the matter,
// the meeting's date, the body that decided and the paragraph of its minutes. A plan carries
// the decision on the plan and the one on its autumn follow-up (Plan.Decision,
// Plan.FollowUpDecision). The zero Decision is "not decided yet".
type Decision struct {
	Dnr       string    `json:"dnr"`       // diarienummer, e.g. "SN 2026/123"
	Date      time.Time `json:"date"`      // the meeting's date; zero until decided
	Body      string    `json:"body"`      // who decided (nämnd), e.g. "Socialnämnden"
	Paragraph string    `json:"paragraph"` // protocol paragraph, e.g. "§ 142"
	// ChangedAfter is set when the plan's content changed after the decision: the decision is
	// about an earlier version, and the board has to decide again.
	ChangedAfter bool `json:"changed_after,omitempty"`
}

// IsZero reports whether nothing of the decision is recorded.
func (d Decision) IsZero() bool {
	return strings.TrimSpace(d.Dnr) == "" && d.Date.IsZero() && strings.TrimSpace(d.Body) == "" && strings.TrimSpace(d.Paragraph) == ""
}

// Made reports whether the board has decided (the decision has a date).
func (d Decision) Made() bool { return !d.Date.IsZero() }

// Decided reports whether the plan is beslutad: the board decided it and its content has not
// changed since.
func (p Plan) Decided() bool { return p.Decision.Made() && !p.Decision.ChangedAfter }

// ParagraphText is the paragraph as the minutes write it: "§ 142" for a plain "142".
func (d Decision) ParagraphText() string {
	s := strings.TrimSpace(d.Paragraph)
	if s == "" || strings.HasPrefix(s, "§") {
		return s
	}
	return "§ " + s
}

// DecisionFields are the store's field names of a plan's decision (prefix "decision_") and of
// its follow-up's (prefix "followup_decision_").
var DecisionFields = []string{"dnr", "date", "body", "paragraph"}

// ValidateDecision checks a decision before it is registered: a decided matter has a date, a
// paragraph of the minutes, a diarienummer and a body. field prefixes the problems' fields
// ("decision_" or "followup_decision_"); entity/id is the plan it belongs to. A date far from
// the plan's year is a typing slip worth a warning (a plan is decided the autumn before its
// year, its follow-up in the autumn of it or early the next).
func ValidateDecision(d Decision, entity string, id int64, field string, year int) Problems {
	var ps Problems
	if d.Date.IsZero() {
		ps = append(ps, blocking(entity, id, field+"date", "err.required", "Field", "field.decision_date_made"))
	} else if y := d.Date.Year(); y < year-1 || y > year+1 {
		ps = append(ps, warning(entity, id, field+"date", "err.decision_date_far", "Year", year))
	}
	for _, f := range []struct{ name, value string }{{"paragraph", d.Paragraph}, {"dnr", d.Dnr}, {"body", d.Body}} {
		if strings.TrimSpace(f.value) == "" {
			ps = append(ps, blocking(entity, id, field+f.name, "err.required", "Field", "field.decision_"+f.name))
		}
	}
	return ps
}

// validateDecisions are the plan's problems with its decisions: one half recorded (a
// diarienummer alone is fine: it is known before the meeting), or a decision the plan's content
// has moved away from.
func validateDecisions(p Plan) Problems {
	var ps Problems
	if p.Decision.Made() {
		ps = append(ps, ValidateDecision(p.Decision, "plan", p.ID, "decision_", p.Year)...)
	} else if strings.TrimSpace(p.Decision.Paragraph) != "" {
		ps = append(ps, warning("plan", p.ID, "decision_date", "err.decision_no_date"))
	}
	if p.Decision.Made() && p.Decision.ChangedAfter {
		ps = append(ps, warning("plan", p.ID, "decision_date", "err.decision_changed", "Date", p.Decision.Date.Format(time.DateOnly)))
	}
	return ps
}

// UnmarshalJSON reads a plan as submissions carry it. Those of schema 1 have the paragraph of
// the board's decision as "decision_paragraph" on the plan: it is read into Decision.Paragraph,
// so an old submission still shows it.
func (p *Plan) UnmarshalJSON(b []byte) error {
	type plain Plan
	var v struct {
		plain
		LegacyParagraph string `json:"decision_paragraph"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Plan(v.plain)
	if p.Decision.Paragraph == "" {
		p.Decision.Paragraph = v.LegacyParagraph
	}
	return nil
}

// DecisionLine says where a plan stands with the board, as the cover, the slides and the
// report for kommunstyrelsen print it: once decided "Beslutad i nämnden 2026-12-10, Dnr SN
// 2026/45, § 142" (with the fields the decision has, and the body's name when another body than
// the plan's board decided), "Planen har ändrats efter beslutet i nämnden 2026-12-10, …" when its
// content changed since; before, "Planeras för beslut i nämnden 2026-12-10", which cannot be
// read as a decision already taken; "" when no date is known.
func (p Plan) DecisionLine(loc *i18n.Localizer) string {
	d := p.Decision
	switch {
	case d.Made():
		// A plan changed since says so first, so that the line is never read as "decided" on
		// its own (a wrapped cell may show only its first line).
		made, by := "decision.made", "decision.made_by"
		if d.ChangedAfter {
			made, by = "decision.changed", "decision.changed_by"
		}
		s := loc.Tf(made, "Date", loc.Date(d.Date))
		if body := strings.TrimSpace(d.Body); body != "" && body != strings.TrimSpace(p.Board) {
			s = loc.Tf(by, "Body", body, "Date", loc.Date(d.Date))
		}
		if dnr := strings.TrimSpace(d.Dnr); dnr != "" {
			s += ", " + loc.Tf("decision.dnr", "Dnr", dnr)
		}
		if par := d.ParagraphText(); par != "" {
			s += ", " + par
		}
		return s
	case !p.DecisionDate.IsZero():
		return loc.Tf("decision.planned", "Date", loc.Date(p.DecisionDate))
	}
	return ""
}

// FollowUpDecisionLine says whether the board decided on the plan's autumn follow-up:
// "Uppföljningen beslutad 2027-11-18 § 120 Dnr SN 2027/300", or "".
func (p Plan) FollowUpDecisionLine(loc *i18n.Localizer) string {
	d := p.FollowUpDecision
	if !d.Made() {
		return ""
	}
	s := loc.Tf("decision.followup_made", "Date", loc.Date(d.Date))
	if par := d.ParagraphText(); par != "" {
		s += " " + par
	}
	if dnr := strings.TrimSpace(d.Dnr); dnr != "" {
		s += " " + loc.Tf("decision.dnr", "Dnr", dnr)
	}
	return s
}
