package exports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"handlingsplan/app/overview"
)

// Calendar is every dated training and information event of the overview as an iCalendar file
// (RFC 5545) that Outlook and other calendars import: one all-day event per training date.
// A training without dates has no event. UIDs are stable, so importing a later export again
// updates the events instead of doubling them.
func Calendar(o *overview.Overview, appVersion string, now time.Time) []byte {
	loc := o.Loc()
	var w icsWriter
	w.prop("BEGIN", "VCALENDAR")
	w.prop("VERSION", "2.0")
	w.prop("PRODID", "-//Handlingsplan//Handlingsplan "+appVersion+"//"+strings.ToUpper(string(loc.Lang())))
	w.prop("CALSCALE", "GREGORIAN")
	w.prop("METHOD", "PUBLISH")
	w.text("X-WR-CALNAME", loc.Tf("exports.ics.name", "Kommun", o.Profile.Kommun, "Year", o.Year))
	stamp := now.UTC().Format("20060102T150405Z")
	shared := shareWith(o)
	for _, e := range o.Calendar.Events {
		t := e.Training
		w.prop("BEGIN", "VEVENT")
		w.prop("UID", eventUID(o.Year, e))
		w.prop("DTSTAMP", stamp)
		w.prop("DTSTART;VALUE=DATE", e.Date.Format("20060102"))
		w.prop("DTEND;VALUE=DATE", e.Date.AddDate(0, 0, 1).Format("20060102"))
		summary := t.Title
		if len(t.Dates) > 1 {
			summary = loc.Tf("exports.ics.summary_session", "Title", t.Title, "N", e.Session, "Count", len(t.Dates))
		}
		w.text("SUMMARY", summary)
		var desc []string
		desc = append(desc, loc.Tf("exports.ics.board", "Board", e.Board))
		if t.TargetGroup != "" {
			desc = append(desc, loc.Tf("exports.ics.target", "Target", t.TargetGroup))
		}
		if key := "format." + string(t.Format); loc.Has(key) {
			desc = append(desc, loc.Tf("exports.ics.format", "Format", loc.T(key)))
		}
		if t.Responsible != "" {
			desc = append(desc, loc.Tf("exports.ics.responsible", "Responsible", t.Responsible))
		}
		desc = append(desc, loc.Tf("exports.ics.expected", "Count", t.ExpectedParticipants))
		if t.Evaluation != "" {
			desc = append(desc, loc.Tf("exports.ics.evaluation", "Evaluation", t.Evaluation))
		}
		if others := shared[eventKey(e)]; len(others) > 0 {
			desc = append(desc, loc.Tf("exports.ics.share", "Boards", strings.Join(others, ", ")))
		}
		w.text("DESCRIPTION", strings.Join(desc, "\n"))
		w.text("CATEGORIES", e.Board)
		w.prop("TRANSP", "TRANSPARENT")
		w.prop("END", "VEVENT")
	}
	w.prop("END", "VCALENDAR")
	return []byte(w.b.String())
}

// eventUID is stable for the same date of the same training of the same board and year.
func eventUID(year int, e overview.Event) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%d\x00%s\x00%d\x00%s\x00%s", year, e.Board, e.Training.Position, e.Training.Title, e.Date.Format(time.DateOnly))))
	return hex.EncodeToString(sum[:16]) + "@handlingsplan"
}

// icsWriter writes content lines: CRLF line ends, lines folded at 75 octets.
type icsWriter struct{ b strings.Builder }

// prop writes a property whose value needs no escaping (names, dates, codes).
func (w *icsWriter) prop(name, value string) { w.line(name + ":" + value) }

// text writes a TEXT property, escaped; an empty value writes nothing.
func (w *icsWriter) text(name, value string) {
	if value == "" {
		return
	}
	w.line(name + ":" + escapeText(value))
}

// line folds one content line: after at most 75 octets a CRLF and a space continue it, never
// inside a UTF-8 sequence.
func (w *icsWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and newlines.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n', '\r':
			b.WriteString(`\n`)
		default:
			if r < ' ' && r != '\t' {
				continue // other control characters are not allowed in TEXT
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
