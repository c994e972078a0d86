package domain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"handlingsplan/assets"
)

// DefaultProfile is the policy profile embedded in the binary.
func DefaultProfile() (Profile, error) {
	var p Profile
	if err := json.Unmarshal(assets.DefaultProfile, &p); err != nil {
		return Profile{}, fmt.Errorf("default profile: %w", err)
	}
	return p, nil
}

// Bounds of the profile's hours per FTE (årsarbetare): a full-time year is some 1,600–1,800
// hours; the bounds only catch a slip of the keyboard.
const (
	MinHoursPerFTE = 100
	MaxHoursPerFTE = 3000
	maxGoalNumber  = 99
)

// ValidateProfile checks a profile before it is saved.
func ValidateProfile(p Profile) Problems {
	var ps Problems
	switch {
	case p.HoursPerFTE < MinHoursPerFTE:
		ps = append(ps, blocking("profile", 0, "hours_per_fte", "err.too_small", "Field", "field.hours_per_fte", "Min", MinHoursPerFTE))
	case p.HoursPerFTE > MaxHoursPerFTE:
		ps = append(ps, blocking("profile", 0, "hours_per_fte", "err.too_large", "Field", "field.hours_per_fte", "Max", MaxHoursPerFTE))
	}
	seen := map[int]bool{}
	for _, g := range p.Goals {
		switch {
		case g.Number < 1 || g.Number > maxGoalNumber:
			ps = append(ps, blocking("profile", int64(g.Number), "goals", "err.goal_number", "Goal", g.Number, "Max", maxGoalNumber))
		case seen[g.Number]:
			ps = append(ps, blocking("profile", int64(g.Number), "goals", "err.duplicate_goal", "Goal", g.Number))
		}
		seen[g.Number] = true
		if strings.TrimSpace(g.Text) == "" {
			ps = append(ps, blocking("profile", int64(g.Number), "goals", "err.goal_text", "Goal", g.Number))
		}
	}
	codes := map[string]bool{}
	for i, a := range p.Areas {
		code := strings.TrimSpace(a.Code)
		switch {
		case code == "" || code != a.Code:
			ps = append(ps, blocking("profile", int64(i+1), "areas", "err.area_code", "Area", a.Code))
		case codes[code]:
			ps = append(ps, blocking("profile", int64(i+1), "areas", "err.duplicate_area", "Area", a.Code))
		}
		codes[code] = true
		if strings.TrimSpace(a.Name) == "" {
			ps = append(ps, blocking("profile", int64(i+1), "areas", "err.area_name", "Area", a.Code))
		}
	}
	return append(ps, validateProfileMore(p)...)
}

// validateProfileMore checks what issue 14 added to a profile: the checklist, the rule goals,
// the deadline, the scale and the version.
func validateProfileMore(p Profile) Problems {
	var ps Problems
	if p.Version < 0 {
		ps = append(ps, blocking("profile", 0, "version", "err.profile.version"))
	}
	seen := map[string]bool{}
	for i, r := range p.Checklist {
		id := int64(i + 1)
		switch {
		case !validRequirementID(r.ID):
			ps = append(ps, blocking("profile", id, "checklist", "err.profile.requirement_id", "ID", r.ID, "N", i+1))
		case seen[r.ID]:
			ps = append(ps, blocking("profile", id, "checklist", "err.profile.requirement_twice", "ID", r.ID))
		}
		seen[r.ID] = true
		if strings.TrimSpace(r.Title) == "" || strings.TrimSpace(r.Text) == "" {
			ps = append(ps, blocking("profile", id, "checklist", "err.profile.requirement_text", "N", i+1))
		}
		if r.Goal != 0 && p.GoalText(r.Goal) == "" {
			ps = append(ps, blocking("profile", id, "checklist", "err.profile.requirement_goal", "N", i+1, "Goal", r.Goal))
		}
	}
	for _, rule := range RegisterRules {
		if g, ok := p.RuleGoals[rule]; ok && g != 0 && p.GoalText(g) == "" {
			ps = append(ps, blocking("profile", 0, "rule_goals", "err.profile.rule_goal", "Rule", "field.rule."+string(rule), "Goal", g))
		}
	}
	for r := range p.RuleGoals {
		if !known(r, RegisterRules) {
			ps = append(ps, blocking("profile", 0, "rule_goals", "err.profile.unknown_rule", "Rule", string(r)))
		}
	}
	if p.Deadline != "" {
		if _, ok := p.DeadlineFor(2027); !ok {
			ps = append(ps, blocking("profile", 0, "deadline", "err.profile.deadline", "Text", p.Deadline))
		}
	}
	levels := map[int]bool{}
	for _, l := range p.Scale {
		if l.Level < 0 || l.Level > 4 || levels[l.Level] {
			ps = append(ps, blocking("profile", int64(l.Level), "scale", "err.level_range"))
		}
		levels[l.Level] = true
		if strings.TrimSpace(l.Name) == "" {
			ps = append(ps, blocking("profile", int64(l.Level), "scale", "err.profile.scale_name", "Level", l.Level))
		}
	}
	return ps
}

// validRequirementID: lower-case letters, digits and underscores, 1–40 of them (the id travels
// in submissions and activities' Addresses).
func validRequirementID(id string) bool {
	if id == "" || len(id) > 40 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// DeadlineFor is the day the boards' submissions of plan year are due: the profile's "MM-DD" in
// the year before. ok is false when the profile sets no deadline or an impossible day.
func (p Profile) DeadlineFor(year int) (time.Time, bool) {
	var m, d int
	if n, err := fmt.Sscanf(p.Deadline, "%02d-%02d", &m, &d); err != nil || n != 2 || len(p.Deadline) != 5 {
		return time.Time{}, false
	}
	t := time.Date(year-1, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// MarshalProfile is the canonical JSON of a profile: compact, fields in the struct's order, map
// keys sorted, no HTML escaping. A signed profile file signs exactly these bytes, and a profile
// read from one must encode back to them.
func MarshalProfile(p Profile) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("encode profile: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
