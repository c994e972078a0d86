package domain

import (
	"encoding/json"
	"fmt"
	"strings"

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
	return ps
}
