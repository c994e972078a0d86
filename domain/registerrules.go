package domain

import (
	"slices"
	"strings"
	"time"
)

// RegisterRule is one of the rules that turn a board's register into work: what the policy's
// "Generella krav" ask of every information system, checked against the register's entries.
type RegisterRule string

const (
	// RuleNoOwner: the policy wants every channel listed "med … vem som är informationsägare".
	RuleNoOwner RegisterRule = "no_owner"
	// RuleNotClassified: an aspect (K, R, T or S) has no level yet.
	RuleNotClassified RegisterRule = "not_classified"
	// RuleClassificationStale: the classification is older than ReviewMonths, or undated.
	RuleClassificationStale RegisterRule = "classification_stale"
	// RuleNoRiskAnalysis: level 3–4 in an aspect without a risk analysis in the last ReviewMonths.
	RuleNoRiskAnalysis RegisterRule = "no_risk_analysis"
	// RuleNoDeepenedPlan: level 3–4 in an aspect without a fördjupad systemsäkerhetsplan.
	RuleNoDeepenedPlan RegisterRule = "no_deepened_plan"
	// RuleBelowBaseline: the system does not meet the national basnivå.
	RuleBelowBaseline RegisterRule = "below_baseline"
)

// RegisterRules lists the rules in the order warnings are shown.
var RegisterRules = []RegisterRule{RuleNoOwner, RuleNotClassified, RuleClassificationStale, RuleNoRiskAnalysis, RuleNoDeepenedPlan, RuleBelowBaseline}

// ReviewMonths is how old a classification or a risk analysis may be before it is due again.
const ReviewMonths = 12

// HighLevel is the lowest classification (3 Allvarlig) at which a system is expected to have
// a risk analysis and a deepened system security plan: the policy asks for one where a risk
// analysis shows the base plan is not enough, and at these levels it rarely is.
const HighLevel = 3

// RegisterWarning is one rule a system of the register breaks, as of a day.
type RegisterWarning struct {
	System System
	Rule   RegisterRule
	// Level is the system's highest classification (the level rules name it).
	Level int
	// Since is the date that is too old (the classification, the risk analysis); zero when
	// there is none at all.
	Since time.Time
	// Activity is the activity of the plan (or the board's current and next plans) that
	// addresses the warning; nil when there is none yet.
	Activity *Activity
}

// Field is the register field the warning is about (the form marks it).
func (w RegisterWarning) Field() string {
	switch w.Rule {
	case RuleNoOwner:
		return "owner"
	case RuleNotClassified:
		for _, f := range []struct {
			name string
			v    int
		}{{"confidentiality", w.System.Confidentiality}, {"integrity", w.System.Integrity}, {"availability", w.System.Availability}, {"traceability", w.System.Traceability}} {
			if f.v == -1 {
				return f.name
			}
		}
		return "confidentiality"
	case RuleClassificationStale:
		return "classified_at"
	case RuleNoRiskAnalysis:
		return "risk_analysis_at"
	case RuleNoDeepenedPlan:
		return "security_plan"
	}
	return "baseline_met"
}

// Severity is Blocking for a system without an information owner (the policy names the owner
// as part of the register itself), a warning for the rest.
func (w RegisterWarning) Severity() Severity {
	if w.Rule == RuleNoOwner {
		return Blocking
	}
	return Warning
}

// Problem is the warning as the review, the register and the reports say it. A warning that
// an activity addresses says so (its key ends in ".addressed" and names the activity).
func (w RegisterWarning) Problem() Problem {
	var key string
	args := []any{"System", w.System.Name, "Level", w.Level, "Months", ReviewMonths}
	switch w.Rule {
	case RuleNoOwner:
		key = "err.required"
		args = []any{"Field", "field.owner"}
	case RuleNotClassified:
		key = "err.register.not_classified"
	case RuleClassificationStale:
		key = "err.register.classification_old"
		if w.Since.IsZero() {
			key = "err.register.classification_undated"
		}
		args = append(args, "Date", w.Since.Format(time.DateOnly))
	case RuleNoRiskAnalysis:
		key = "err.no_risk_analysis"
		if !w.Since.IsZero() {
			key = "err.register.risk_analysis_old"
			args = append(args, "Date", w.Since.Format(time.DateOnly))
		}
	case RuleNoDeepenedPlan:
		key = "err.no_deepened_plan"
	default:
		key = "err.below_baseline"
	}
	if w.Activity != nil && w.Rule != RuleNoOwner {
		key = "err.register.addressed." + string(w.Rule)
		args = append(args, "Activity", w.Activity.Title)
	}
	return Problem{Severity: w.Severity(), Entity: "system", EntityID: w.System.ID, Field: w.Field(), Key: key, Args: args}
}

// dateOf is t as a calendar date (UTC midnight); the zero time is today.
func dateOf(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// stale reports whether date is zero or older than ReviewMonths before asOf.
func stale(date, asOf time.Time) bool {
	return date.IsZero() || date.Before(asOf.AddDate(0, -ReviewMonths, 0))
}

// classified reports whether every aspect of s has a level (−1 is "not yet"; a level off the
// scale is a field error of its own, not a missing classification).
func classified(s System) bool {
	return s.Confidentiality != -1 && s.Integrity != -1 && s.Availability != -1 && s.Traceability != -1
}

// SystemWarnings are the rules system s breaks as of asOf (zero: today), in RegisterRules order.
// This is the one place the register's rules are decided: the register, the review, the report
// annex, the overview, the KS report, the protocol and the slides all read it.
func SystemWarnings(s System, asOf time.Time) []RegisterWarning {
	asOf = dateOf(asOf)
	var out []RegisterWarning
	add := func(r RegisterRule, since time.Time) {
		out = append(out, RegisterWarning{System: s, Rule: r, Level: s.MaxLevel(), Since: since})
	}
	if strings.TrimSpace(s.Owner) == "" {
		add(RuleNoOwner, time.Time{})
	}
	if !classified(s) {
		add(RuleNotClassified, time.Time{})
	} else if stale(s.ClassifiedAt, asOf) {
		add(RuleClassificationStale, s.ClassifiedAt)
	}
	if level := s.MaxLevel(); level >= HighLevel && level <= 4 {
		if stale(s.RiskAnalysisAt, asOf) {
			add(RuleNoRiskAnalysis, s.RiskAnalysisAt)
		}
		if s.SecurityPlan != SecurityPlanDeepened {
			add(RuleNoDeepenedPlan, time.Time{})
		}
	}
	// The policy: an information system "ska minst klara den basnivå" MSB (now MCF) sets.
	if !s.BaselineMet {
		add(RuleBelowBaseline, time.Time{})
	}
	return out
}

// RegisterWarnings are the warnings of a whole register as of asOf, each with the activity of
// acts that addresses it (see Addressing).
func RegisterWarnings(systems []System, acts []Activity, asOf time.Time) []RegisterWarning {
	var out []RegisterWarning
	for _, s := range systems {
		out = append(out, systemWarnings(s, acts, asOf)...)
	}
	return out
}

func systemWarnings(s System, acts []Activity, asOf time.Time) []RegisterWarning {
	ws := SystemWarnings(s, asOf)
	for i := range ws {
		ws[i].Activity = addressing(acts, RuleAddress(ws[i].Rule), s.ID)
	}
	return ws
}

// RegisterCount is the figure of a register's warnings: systems with at least one warning,
// warnings per rule, and how many of them an activity addresses.
type RegisterCount struct {
	Systems   int // systems in the register
	Flagged   int // systems with at least one warning
	Warnings  int
	ByRule    map[RegisterRule]int
	Addressed int // warnings an activity addresses
}

// CountWarnings counts ws over a register of n systems.
func CountWarnings(ws []RegisterWarning, n int) RegisterCount {
	c := RegisterCount{Systems: n, ByRule: map[RegisterRule]int{}}
	seen := map[int64]bool{}
	for _, w := range ws {
		c.Warnings++
		c.ByRule[w.Rule]++
		if w.Activity != nil {
			c.Addressed++
		}
		if !seen[w.System.ID] {
			seen[w.System.ID] = true
			c.Flagged++
		}
	}
	return c
}

// RuleAddress is the Activity.Addresses value of an activity made for a register rule.
func RuleAddress(r RegisterRule) string { return "rule:" + string(r) }

// RequirementAddress is the Activity.Addresses value of an activity made for a requirement.
func RequirementAddress(id string) string { return "req:" + id }

// addressing finds the activity of acts made for addr (for system systemID; 0 for a
// requirement, which no system narrows). Only an activity that says what it was made for counts:
// an activity merely linked to the system may be about something else entirely, and a warning
// that named it would mislead.
func addressing(acts []Activity, addr string, systemID int64) *Activity {
	for i := range acts {
		a := &acts[i]
		if a.Addresses == addr && (systemID == 0 || slices.Contains(a.SystemIDs, systemID)) {
			return a
		}
	}
	return nil
}
