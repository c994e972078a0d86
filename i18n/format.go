package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Number formats an integer with the language's digit grouping:
// Swedish "1 234 567" (with a no-break space, so numbers never wrap), English "1,234,567".
func (l *Localizer) Number(n int64) string {
	sep := ","
	if l.lang == Swedish {
		sep = "\u00a0"
	}
	return group(n, sep)
}

func group(n int64, sep string) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteString("−") // minus sign, not hyphen
	}
	first := len(s) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(s[:first])
	for i := first; i < len(s); i += 3 {
		b.WriteString(sep)
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Kronor formats whole kronor: "1 234 567 kr" in Swedish, "SEK 1,234,567" in English.
func (l *Localizer) Kronor(n int64) string {
	if l.lang == Swedish {
		return l.Number(n) + "\u00a0kr"
	}
	return "SEK\u00a0" + l.Number(n)
}

// Decimal formats f with prec decimals: "1,5" in Swedish, "1.5" in English; grouped integer part.
func (l *Localizer) Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	if neg && strings.Trim(intPart+frac, "0") == "" {
		neg = false // a value that rounds to zero prints "0,0", never "−0,0"
	}
	n, _ := strconv.ParseInt(intPart, 10, 64)
	if neg {
		n = -n
	}
	out := l.Number(n)
	if neg && n == 0 {
		out = "−0"
	}
	if prec > 0 {
		dec := "."
		if l.lang == Swedish {
			dec = ","
		}
		out += dec + frac
	}
	return out
}

// FTE formats hours as full-time equivalents with one decimal ("0,8 årsarbetare" is composed by
// the caller's message; this returns "0,8").
func (l *Localizer) FTE(hours int64, hoursPerFTE int) string {
	if hoursPerFTE <= 0 {
		return l.Decimal(0, 1)
	}
	return l.Decimal(float64(hours)/float64(hoursPerFTE), 1)
}

// Date formats a calendar date as ISO 8601 (2027-03-15), the Swedish standard and unambiguous in
// English too. The zero time gives "".
func (l *Localizer) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// DateTime formats a timestamp in local time: "2027-03-15 14:05".
func (l *Localizer) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// Week gives the ISO week of t: "v. 11" in Swedish, "w. 11" in English.
func (l *Localizer) Week(t time.Time) string {
	_, w := t.ISOWeek()
	if l.lang == Swedish {
		return "v.\u00a0" + strconv.Itoa(w)
	}
	return "w.\u00a0" + strconv.Itoa(w)
}

var (
	monthsSv      = []string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}
	monthsShortSv = []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
)

// Month is the month's name: "mars" / "March".
func (l *Localizer) Month(m time.Month) string {
	if m < 1 || m > 12 {
		return ""
	}
	if l.lang == Swedish {
		return monthsSv[m-1]
	}
	return m.String()
}

// MonthShort is the month's short name: "mar" / "Mar".
func (l *Localizer) MonthShort(m time.Month) string {
	if m < 1 || m > 12 {
		return ""
	}
	if l.lang == Swedish {
		return monthsShortSv[m-1]
	}
	return m.String()[:3]
}

// Quarter names a quarter: "kv. 1" / "Q1".
func (l *Localizer) Quarter(q int) string {
	if l.lang == Swedish {
		return "kv.\u00a0" + strconv.Itoa(q)
	}
	return "Q" + strconv.Itoa(q)
}

// ParseDate reads a date typed by a user: 2027-03-15, 2027-3-5 or 20270315. ok is false otherwise.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006-1-2", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
