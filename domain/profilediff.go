package domain

import (
	"fmt"
	"slices"
	"strconv"

	"handlingsplan/i18n"
)

// ChangeOp is what happened to one part of a profile between two versions.
type ChangeOp string

const (
	ChangeAdded   ChangeOp = "added"
	ChangeRemoved ChangeOp = "removed"
	ChangeChanged ChangeOp = "changed"
)

// ProfileChange is one difference between two profiles, as an official is shown it before a
// new profile is taken into use.
type ProfileChange struct {
	// Part is what changed: "kommun", "policy_name", "hours_per_fte", "deadline", "goal",
	// "scale", "requirement" or "rule_goal".
	Part string
	Op   ChangeOp
	// Key names the goal (its number), the level, the requirement (its title) or the rule.
	Key      string
	Old, New string
}

// DiffProfiles lists what changes from old to new, part by part in the profile's order.
func DiffProfiles(old, new Profile) []ProfileChange {
	var out []ProfileChange
	field := func(part, o, n string) {
		if o != n {
			out = append(out, ProfileChange{Part: part, Op: ChangeChanged, Old: o, New: n})
		}
	}
	field("kommun", old.Kommun, new.Kommun)
	field("policy_name", old.PolicyName, new.PolicyName)
	field("hours_per_fte", strconv.Itoa(old.HoursPerFTE), strconv.Itoa(new.HoursPerFTE))
	field("deadline", old.Deadline, new.Deadline)

	// An item is compared by cmp and shown as show (a requirement compares all its fields and
	// shows its policy text).
	type item struct{ key, cmp, show string }
	list := func(part string, o, n []item, name func(string) string) {
		om := map[string]item{}
		for _, x := range o {
			om[x.key] = x
		}
		nm := map[string]bool{}
		for _, x := range n {
			nm[x.key] = true
			if was, ok := om[x.key]; !ok {
				out = append(out, ProfileChange{Part: part, Op: ChangeAdded, Key: name(x.key), New: x.show})
			} else if was.cmp != x.cmp {
				out = append(out, ProfileChange{Part: part, Op: ChangeChanged, Key: name(x.key), Old: was.show, New: x.show})
			}
		}
		for _, x := range o {
			if !nm[x.key] {
				out = append(out, ProfileChange{Part: part, Op: ChangeRemoved, Key: name(x.key), Old: x.show})
			}
		}
	}
	same := func(k string) string { return k }
	var goals, scale, reqs, rules [2][]item
	for i, p := range []Profile{old, new} {
		for _, g := range p.Goals {
			goals[i] = append(goals[i], item{strconv.Itoa(g.Number), g.Text, g.Text})
		}
		for _, l := range p.Scale {
			scale[i] = append(scale[i], item{strconv.Itoa(l.Level), l.Name, l.Name})
		}
		for _, r := range p.Checklist {
			reqs[i] = append(reqs[i], item{r.ID, fmt.Sprintf("%s\x00%s\x00%s\x00%d", r.Title, r.Section, r.Text, r.Goal), r.Text})
		}
		for _, r := range RegisterRules {
			if g := p.RuleGoal(r); g != 0 {
				rules[i] = append(rules[i], item{string(r), strconv.Itoa(g), strconv.Itoa(g)})
			}
		}
	}
	title := func(id string) string {
		if r, ok := new.Requirement(id); ok {
			return r.Title
		}
		if r, ok := old.Requirement(id); ok {
			return r.Title
		}
		return id
	}
	list("goal", goals[0], goals[1], same)
	list("scale", scale[0], scale[1], same)
	list("requirement", reqs[0], reqs[1], title)
	list("rule_goal", rules[0], rules[1], same)
	return out
}

// Text is the change as one line in the user's language.
func (c ProfileChange) Text(loc *i18n.Localizer) string {
	key := "profile.change." + c.Part + "." + string(c.Op)
	args := []any{"Key", c.Key, "Old", c.Old, "New", c.New}
	if c.Part == "rule_goal" {
		args = append(args, "Rule", loc.T("field.rule."+c.Key))
	}
	return loc.Tf(key, args...)
}

// SameProfile reports whether two profiles say the same (their canonical JSON is equal).
func SameProfile(a, b Profile) bool {
	x, err1 := MarshalProfile(a)
	y, err2 := MarshalProfile(b)
	return err1 == nil && err2 == nil && slices.Equal(x, y)
}
