package domain

import (
	"fmt"
	"strings"

	"handlingsplan/i18n"
)

// Severity tells whether a problem blocks marking a plan ready.
type Severity int

const (
	Blocking Severity = iota // must be fixed before the plan can be marked ready or exported
	Warning                  // worth a look, does not block
)

// Problem is a field-level, translatable validation error or warning. It is also an error, so
// the store can return one for a constraint the database enforces.
type Problem struct {
	Severity Severity
	Entity   string // "plan", "activity", "training", "checkpoint", "system", "board"
	EntityID int64
	Field    string // e.g. "title", "end", "goals"
	Key      string // i18n message key, e.g. "err.end_before_start"
	Args     []any  // template data as name, value pairs
	// Previous marks a problem of last year's plan: its follow-up, which this plan carries
	// (the wizard's follow-up step, the report's "last year" section).
	Previous bool
}

func (p *Problem) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d %s: %s", p.Entity, p.EntityID, p.Field, p.Key)
	for i := 0; i+1 < len(p.Args); i += 2 {
		fmt.Fprintf(&b, " %v=%v", p.Args[i], p.Args[i+1])
	}
	return b.String()
}

// Text is the problem as one sentence in the user's language. Field-name arguments (values
// that are message keys starting with "field.") are translated too.
func (p *Problem) Text(l *i18n.Localizer) string {
	args := make([]any, len(p.Args))
	copy(args, p.Args)
	for i := 1; i < len(args); i += 2 {
		if s, ok := args[i].(string); ok && strings.HasPrefix(s, "field.") && l.Has(s) {
			args[i] = l.T(s)
		}
	}
	return l.Tf(p.Key, args...)
}

// Problems is a list of problems of one plan.
type Problems []Problem

// Blocking reports whether any problem blocks.
func (ps Problems) Blocking() bool {
	for _, p := range ps {
		if p.Severity == Blocking {
			return true
		}
	}
	return false
}

// For returns the problems of one entity row (and field, when field != "").
func (ps Problems) For(entity string, id int64, field string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Entity == entity && p.EntityID == id && (field == "" || p.Field == field) {
			out = append(out, p)
		}
	}
	return out
}
