package overview

import (
	"slices"

	"handlingsplan/domain"
)

// Levels are the classification levels the register summary counts, "not classified" (−1) first.
var Levels = []int{-1, 0, 1, 2, 3, 4}

// SystemRow is a system of a board's register, as the board's submission carries it, with the
// register's warnings of it (domain.RegisterWarnings, as of the day the plan was made, with the
// plan's activities): what every register figure counts.
type SystemRow struct {
	Board    string
	System   domain.System
	Warnings []domain.RegisterWarning
}

// Has reports whether the system breaks rule r.
func (r SystemRow) Has(rule domain.RegisterRule) bool {
	return slices.ContainsFunc(r.Warnings, func(w domain.RegisterWarning) bool { return w.Rule == rule })
}

// Filter picks the systems behind a register figure.
type Filter func(SystemRow) bool

// rule picks the systems that break r.
func rule(r domain.RegisterRule) Filter { return func(s SystemRow) bool { return s.Has(r) } }

// The register figures' filters. The rules are the domain's (domain.SystemWarnings), judged as
// of the day each plan was made, so the overview, the KS report, the slides and the board's own
// review count the same systems.
var (
	// Critical: classified at level 3 or 4 in any aspect, where the rules ask for a risk
	// analysis and a deepened plan.
	Critical Filter = func(s SystemRow) bool { return s.System.MaxLevel() >= domain.HighLevel }
	// NoRiskAnalysis: level 3–4 without a risk analysis in the last twelve months.
	NoRiskAnalysis = rule(domain.RuleNoRiskAnalysis)
	// NoDeepenedPlan: level 3–4 without a deepened security plan.
	NoDeepenedPlan = rule(domain.RuleNoDeepenedPlan)
	// BelowBaseline: does not meet the basnivå.
	BelowBaseline = rule(domain.RuleBelowBaseline)
	// NoOwner, NotClassified, ClassificationStale: the register's other rules.
	NoOwner             = rule(domain.RuleNoOwner)
	NotClassified       = rule(domain.RuleNotClassified)
	ClassificationStale = rule(domain.RuleClassificationStale)
	// Gap: level 3–4 lacking a risk analysis or a deepened plan (counted once).
	Gap Filter = func(s SystemRow) bool { return NoRiskAnalysis(s) || NoDeepenedPlan(s) }
	// Flagged: any warning at all.
	Flagged Filter = func(s SystemRow) bool { return len(s.Warnings) > 0 }
)

// RegisterRow is one board's register in figures.
type RegisterRow struct {
	Board          string
	Systems        int
	ByLevel        map[int]int // highest level (−1 not classified) → systems
	Critical       int
	NoRiskAnalysis int
	NoDeepenedPlan int
	Gaps           int // level 3–4 without risk analysis or deepened plan (counted once)
	BelowBaseline  int // systems of any level that do not meet the base level (basnivå)
	// The register's warnings as a source of work (domain.RegisterWarnings).
	NoOwner, NotClassified, ClassificationStale int
	Flagged                                     int // systems with at least one warning
	Warnings                                    int // warnings in all
	Addressed                                   int // warnings an activity of the plan addresses
}

// PlanSystems are the systems of plan d with their warnings (as of d's day, with d's activities).
func PlanSystems(d domain.PlanData) []SystemRow {
	out := make([]SystemRow, 0, len(d.Systems))
	ws := domain.RegisterWarnings(d.Systems, d.Activities, d.AsOf)
	for _, s := range d.Systems {
		r := SystemRow{Board: d.Plan.Board, System: s}
		for _, w := range ws {
			if w.System.ID == s.ID && w.System.Name == s.Name {
				r.Warnings = append(r.Warnings, w)
			}
		}
		out = append(out, r)
	}
	return out
}

// CountRegister is the register row of plan d: the figures the overview shows of the board, and
// what one board's own slides show, so the two never differ.
func CountRegister(d domain.PlanData) RegisterRow {
	r := RegisterRow{Board: d.Plan.Board, ByLevel: map[int]int{}}
	for _, s := range PlanSystems(d) {
		r.add(s)
	}
	return r
}

// Register is the register summary of every board that sent a plan, and the kommun total.
type Register struct {
	Rows  []RegisterRow
	Total RegisterRow
}

func register(o *Overview) Register {
	reg := Register{Total: RegisterRow{ByLevel: map[int]int{}}}
	for _, d := range o.Plans {
		reg.Rows = append(reg.Rows, CountRegister(d))
		for _, s := range PlanSystems(d) {
			reg.Total.add(s)
		}
	}
	return reg
}

func (r *RegisterRow) add(s SystemRow) {
	r.Systems++
	r.ByLevel[level(s.System)]++
	for _, f := range []struct {
		n    *int
		keep Filter
	}{{&r.Critical, Critical}, {&r.NoRiskAnalysis, NoRiskAnalysis}, {&r.NoDeepenedPlan, NoDeepenedPlan}, {&r.Gaps, Gap},
		{&r.BelowBaseline, BelowBaseline}, {&r.NoOwner, NoOwner}, {&r.NotClassified, NotClassified},
		{&r.ClassificationStale, ClassificationStale}, {&r.Flagged, Flagged}} {
		if f.keep(s) {
			*f.n++
		}
	}
	r.Warnings += len(s.Warnings)
	for _, w := range s.Warnings {
		if w.Activity != nil {
			r.Addressed++
		}
	}
}

// level is the highest classification of s, −1 when no aspect is classified yet.
func level(s domain.System) int { return max(s.MaxLevel(), -1) }

// SystemRows are the systems behind a register figure: board "" means every board; keep
// picks the systems (nil: all).
func (o *Overview) SystemRows(board string, keep Filter) Rows {
	var r Rows
	for _, d := range o.Plans {
		if board != "" && d.Plan.Board != board {
			continue
		}
		for _, s := range PlanSystems(d) {
			if keep == nil || keep(s) {
				r.Systems = append(r.Systems, s)
			}
		}
	}
	return r
}

// AtLevel picks the systems whose highest level is l.
func AtLevel(l int) Filter {
	return func(s SystemRow) bool { return level(s.System) == l }
}

// RegisterOf returns the register row of board.
func (o *Overview) RegisterOf(board string) (RegisterRow, bool) {
	i := slices.IndexFunc(o.Register.Rows, func(r RegisterRow) bool { return r.Board == board })
	if i < 0 {
		return RegisterRow{}, false
	}
	return o.Register.Rows[i], true
}
