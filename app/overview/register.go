package overview

import (
	"slices"

	"handlingsplan/domain"
)

// Levels are the classification levels the register summary counts, "not classified" (−1) first.
var Levels = []int{-1, 0, 1, 2, 3, 4}

// SystemRow is a system of a board's register, as the board's submission carries it.
type SystemRow struct {
	Board  string
	System domain.System
}

// Critical reports whether the system is classified at level 3 or 4 in any aspect: where the
// plan's review (domain.ValidateSystem) asks for a risk analysis and a deepened plan.
func Critical(s domain.System) bool { return s.MaxLevel() >= domain.HighLevel }

// NoRiskAnalysis reports a level 3–4 system without a risk analysis.
func NoRiskAnalysis(s domain.System) bool { return Critical(s) && s.RiskAnalysisAt.IsZero() }

// NoDeepenedPlan reports a level 3–4 system without a deepened security plan.
func NoDeepenedPlan(s domain.System) bool {
	return Critical(s) && s.SecurityPlan != domain.SecurityPlanDeepened
}

// BelowBaseline reports a system that does not meet the base level (basnivå).
func BelowBaseline(s domain.System) bool { return !s.BaselineMet }

// Gap reports a level 3–4 system that lacks a risk analysis or a deepened security plan.
func Gap(s domain.System) bool { return NoRiskAnalysis(s) || NoDeepenedPlan(s) }

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
}

// CountRegister is the register row of one board's systems: the figures the overview shows of
// the board, and what one board's own slides show, so the two never differ.
func CountRegister(board string, systems []domain.System) RegisterRow {
	r := RegisterRow{Board: board, ByLevel: map[int]int{}}
	for _, s := range systems {
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
		reg.Rows = append(reg.Rows, CountRegister(d.Plan.Board, d.Systems))
		for _, s := range d.Systems {
			reg.Total.add(s)
		}
	}
	return reg
}

func (r *RegisterRow) add(s domain.System) {
	r.Systems++
	r.ByLevel[level(s)]++
	if Critical(s) {
		r.Critical++
	}
	if NoRiskAnalysis(s) {
		r.NoRiskAnalysis++
	}
	if NoDeepenedPlan(s) {
		r.NoDeepenedPlan++
	}
	if Gap(s) {
		r.Gaps++
	}
	if !s.BaselineMet {
		r.BelowBaseline++
	}
}

// level is the highest classification of s, −1 when no aspect is classified yet.
func level(s domain.System) int { return max(s.MaxLevel(), -1) }

// SystemRows are the systems behind a register figure: board "" means every board; keep
// picks the systems (nil: all).
func (o *Overview) SystemRows(board string, keep func(domain.System) bool) Rows {
	var r Rows
	for _, d := range o.Plans {
		if board != "" && d.Plan.Board != board {
			continue
		}
		for _, s := range d.Systems {
			if keep == nil || keep(s) {
				r.Systems = append(r.Systems, SystemRow{Board: d.Plan.Board, System: s})
			}
		}
	}
	return r
}

// AtLevel picks the systems whose highest level is l.
func AtLevel(l int) func(domain.System) bool {
	return func(s domain.System) bool { return level(s) == l }
}

// RegisterOf returns the register row of board.
func (o *Overview) RegisterOf(board string) (RegisterRow, bool) {
	i := slices.IndexFunc(o.Register.Rows, func(r RegisterRow) bool { return r.Board == board })
	if i < 0 {
		return RegisterRow{}, false
	}
	return o.Register.Rows[i], true
}
