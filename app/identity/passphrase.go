package identity

import (
	"unicode"
	"unicode/utf8"
)

// Strength grades a passphrase for the hint shown while the user types it.
type Strength int

const (
	Weak Strength = iota
	Fair
	Strong
)

// MinPassphraseLen is the shortest passphrase graded Fair.
const MinPassphraseLen = 10

// PassphraseStrength grades p: Weak below MinPassphraseLen characters or with hardly any
// different characters, Strong from 16 characters or from 12 with three kinds of characters
// (lower case, upper case, digits, others), else Fair. A sentence of a few words is Strong.
func PassphraseStrength(p string) Strength {
	n := utf8.RuneCountInString(p)
	distinct := map[rune]bool{}
	var lower, upper, digit, other bool
	for _, r := range p {
		distinct[r] = true
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	if n < MinPassphraseLen || len(distinct) < 5 {
		return Weak
	}
	kinds := 0
	for _, b := range []bool{lower, upper, digit, other} {
		if b {
			kinds++
		}
	}
	if n >= 16 || n >= 12 && kinds >= 3 {
		return Strong
	}
	return Fair
}

// MessageKey is the i18n key (area "identity") of the hint for s.
func (s Strength) MessageKey() string {
	switch s {
	case Strong:
		return "identity.strength.strong"
	case Fair:
		return "identity.strength.fair"
	default:
		return "identity.strength.weak"
	}
}
