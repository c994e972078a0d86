package domain

import "strings"

// Unit is what a number field holds; it decides which words may follow the number and
// whether a decimal comma can give a whole value.
type Unit int

const (
	Kronor  Unit = iota // whole kronor: "1 500", "1 500 kr", "10 tkr", "1,5 Mkr"
	Hours               // whole hours: "40", "1 200 h", "16 tim"
	Count               // a whole number of people: "25", "25 st"
	Percent             // 0–100: "50", "50 %"
)

// UnitOf is the unit of a number field of a plan row (ok false for a field that is no number
// typed by the user): the declared field's Unit.
func UnitOf(entity, field string) (Unit, bool) {
	f, ok := FieldNamed(entity, field)
	if !ok {
		return 0, false
	}
	return f.Unit()
}

// InputError says why typed text is not a value of its unit: a message key of the core
// messages and its template data (the caller adds "Field"). It is a Problem without a place.
type InputError struct {
	Key  string
	Args []any
}

func (e *InputError) Error() string { return e.Key }

// Problem places the error at a field of a row.
func (e *InputError) Problem(entity string, id int64, field string) Problem {
	args := append([]any{"Field", "field." + field}, e.Args...)
	return blocking(entity, id, field, e.Key, args...)
}

// multipliers are the words that may follow a number, per unit, with what they multiply by.
// Matching ignores case, so "Mkr", "MKR" and "mkr" are all million kronor.
var multipliers = map[Unit]map[string]int64{
	Kronor: {
		"": 1, "kr": 1, "kr.": 1, "kronor": 1, "sek": 1, ":-": 1,
		"tkr": 1_000, "tkr.": 1_000, "tsek": 1_000, "tusen": 1_000, "tusen kr": 1_000, "tusen kronor": 1_000,
		"mkr": 1_000_000, "mnkr": 1_000_000, "msek": 1_000_000, "milj": 1_000_000, "milj.": 1_000_000,
		"milj kr": 1_000_000, "milj. kr": 1_000_000, "miljon": 1_000_000, "miljoner": 1_000_000,
		"miljoner kr": 1_000_000, "miljoner kronor": 1_000_000,
	},
	Hours:   {"": 1, "h": 1, "t": 1, "tim": 1, "tim.": 1, "timme": 1, "timmar": 1},
	Count:   {"": 1, "st": 1, "st.": 1, "pers": 1, "pers.": 1, "personer": 1, "deltagare": 1},
	Percent: {"": 1, "%": 1, "procent": 1},
}

// maxOf is the largest value a field of the unit takes: above it is a typing mistake (an
// extra zero, "Mkr" for "tkr"), said while typing rather than stored.
func maxOf(u Unit) int64 {
	switch u {
	case Kronor:
		return MaxKronor
	case Hours:
		return MaxHours
	case Count:
		return MaxPeople
	}
	return 100
}

// notValue is the key that says text is not a value of the unit, with the forms it takes.
func notValue(u Unit) string {
	return [...]string{"err.input.kronor", "err.input.hours", "err.input.count", "err.input.percent"}[u]
}

// ParseNumber reads a number as Swedish officials type it, for a field of unit u. Empty text is
// 0. It is the one parser of typed numbers: every number input of the app uses it, so that a
// field holds a valid value or says at once why not — it never keeps the valid part of the text.
//
// The rules:
//   - Thousands are grouped with a space (also a no-break, narrow no-break, thin or figure
//     space) or a full stop, in groups of three: "1 500", "1.500", "1 500 000". "1 50" and
//     "1.5" are errors, not 150 or 1,5: a full stop is never a decimal sign.
//   - Decimals take a comma and need a multiplier that makes them whole: "1,5 Mkr" is
//     1 500 000 kr, "2,5 tkr" 2 500 kr; "2,5" hours is an error (hours are whole hours: the
//     submission's unit, see Activity), "1,5" kronor too.
//   - A comma followed by exactly three digits after one to three digits ("1,500", "2,500 Mkr")
//     is an error: in English it groups thousands, in Swedish it is a decimal comma, and a
//     wrong guess is a factor of a thousand.
//   - A full stop as thousands separator is not taken together with a multiplier ("1.500 tkr"):
//     it reads as 1.5 to many.
//   - Words after the number: kr, kronor, :-, SEK, tkr, tusen, Mkr, mnkr, milj, miljoner for
//     kronor; h, t, tim, timmar for hours; st, personer, deltagare for people; % for a percent.
//     Any other word is an error ("10 tkx").
//   - No negative numbers (the store refuses them), nothing above the unit's bound (MaxKronor,
//     MaxHours, MaxPeople, 100 %).
func ParseNumber(s string, u Unit) (int64, *InputError) {
	text := strings.TrimSpace(s)
	fail := func(key string, args ...any) (int64, *InputError) {
		return 0, &InputError{Key: key, Args: append([]any{"Text", text}, args...)}
	}
	// Every kind of space groups thousands; the typographic minus is a minus.
	norm := strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u202f', '\u2009', '\u2007', '\t':
			return ' '
		case '\u2212', '\u2013':
			return '-'
		}
		return r
	}, text)
	norm = strings.TrimSpace(norm)
	if norm == "" {
		return 0, nil
	}
	neg := false
	if strings.HasPrefix(norm, "-") {
		neg = true
		norm = strings.TrimSpace(norm[1:])
	}
	// The number is the leading run of digits and separators; the rest is the unit word.
	end := strings.IndexFunc(norm, func(r rune) bool { return !(r >= '0' && r <= '9' || r == ' ' || r == '.' || r == ',') })
	num, word := norm, ""
	if end >= 0 {
		num, word = norm[:end], norm[end:]
	}
	// "1 500 kr" ends its number with a space; "1 500kr" has none.
	num = strings.TrimRight(num, " ")
	word = strings.Join(strings.Fields(strings.ToLower(word)), " ")
	mult, ok := multipliers[u][word]
	if !ok || num == "" || num[0] < '0' || num[0] > '9' {
		return fail(notValue(u))
	}
	if neg {
		switch u {
		case Count:
			return fail("err.participants")
		case Percent:
			return fail("err.percent_range")
		}
		return fail("err.negative")
	}
	intPart, frac, hasComma := strings.Cut(num, ",")
	if strings.ContainsAny(frac, " .,") || hasComma && frac == "" {
		return fail(notValue(u))
	}
	digits, sep, ok := groups(intPart)
	if !ok {
		if strings.Contains(intPart, ".") {
			return fail("err.input.decimal_point")
		}
		return fail(notValue(u))
	}
	if sep == '.' && (mult != 1 || hasComma) {
		return fail("err.input.decimal_point")
	}
	if hasComma && len(frac) == 3 && sep == 0 && len(digits) <= 3 && digits[0] != '0' {
		return fail("err.input.ambiguous")
	}
	digits = strings.TrimLeft(digits, "0")
	frac = strings.TrimRight(frac, "0") // "1 500,00 kr" is whole kronor
	if len(digits) > 15 {
		return fail("err.too_large", "Max", maxOf(u))
	}
	whole := atoi(digits)
	if whole > maxOf(u) {
		if u == Percent {
			return fail("err.percent_range")
		}
		return fail("err.too_large", "Max", maxOf(u))
	}
	v := whole * mult
	// A fraction longer than the multiplier's zeros cannot come out whole (mult is at most a
	// million, so six digits); checking that first keeps fracV*mult far from overflowing.
	var fracV, scale int64 = 0, 1
	if len(frac) > 6 {
		fracV, scale = 1, 10_000_000 // not whole, whatever the digits
	} else {
		fracV = atoi(frac)
		for range len(frac) {
			scale *= 10
		}
	}
	if (fracV*mult)%scale != 0 {
		switch u {
		case Kronor:
			return fail("err.input.whole_kronor")
		case Hours:
			return fail("err.input.whole_hours", "Down", v+fracV*mult/scale, "Up", v+fracV*mult/scale+1)
		}
		return fail(notValue(u))
	}
	v += fracV * mult / scale
	if v > maxOf(u) {
		if u == Percent {
			return fail("err.percent_range")
		}
		return fail("err.too_large", "Max", maxOf(u))
	}
	return v, nil
}

// groups checks the integer part's thousands grouping and returns its digits and the
// separator it used (0 for none). Groups after the first have three digits; one kind of
// separator throughout.
func groups(s string) (digits string, sep rune, ok bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '.' })
	if len(parts) == 0 {
		return "", 0, false
	}
	for _, r := range s {
		if r == ' ' || r == '.' {
			if sep != 0 && sep != r {
				return "", 0, false
			}
			sep = r
		}
	}
	// No empty groups: "1..500" and "1 .500" are no numbers.
	if len(parts) > 1 && strings.Count(s, string(sep)) != len(parts)-1 {
		return "", 0, false
	}
	for i, p := range parts {
		if strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return "", 0, false
		}
		if i == 0 && len(parts) > 1 && len(p) > 3 || i > 0 && len(p) != 3 {
			return "", 0, false
		}
	}
	return strings.Join(parts, ""), sep, true
}

func atoi(s string) int64 {
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n
}
