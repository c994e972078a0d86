package app

import (
	"encoding/json"
	"fmt"

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

// ValidateProfile checks a profile before it is saved.
func ValidateProfile(p Profile) Problems {
	var ps Problems
	if p.HoursPerFTE < 100 || p.HoursPerFTE > 3000 {
		ps = append(ps, blocking("profile", 0, "hours_per_fte", "err.too_large", "Field", "field.hours_per_fte", "Max", 3000))
	}
	seen := map[int]bool{}
	for _, g := range p.Goals {
		if g.Number < 1 || g.Number > 99 || seen[g.Number] {
			ps = append(ps, blocking("profile", int64(g.Number), "goals", "err.unknown_goal", "Goal", g.Number))
		}
		seen[g.Number] = true
		required(&ps, "profile", int64(g.Number), "goals", g.Text)
	}
	return ps
}
