package exports_test

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"handlingsplan/app/exports"
	"handlingsplan/app/overview"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

type icsProp struct {
	name   string
	params map[string]string
	value  string
}

type icsComp struct {
	name     string
	props    []icsProp
	children []*icsComp
}

func (c *icsComp) all(name string) []icsProp {
	var out []icsProp
	for _, p := range c.props {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

var propName = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

// parseICS is a strict RFC 5545 reader for what the export writes: CRLF everywhere, physical
// lines of at most 75 octets folded with a space, valid UTF-8 in every physical line, balanced
// BEGIN/END, known escapes only.
func parseICS(t *testing.T, data []byte) *icsComp {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("does not end in CRLF")
	}
	if strings.Count(s, "\n") != strings.Count(s, "\r\n") || strings.Count(s, "\r") != strings.Count(s, "\r\n") {
		t.Fatal("bare CR or LF")
	}
	phys := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var logical []string
	for i, l := range phys {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				t.Fatal("continuation line first")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	root := &icsComp{}
	stack := []*icsComp{root}
	for _, l := range logical {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon: %q", l)
		}
		parts := strings.Split(head, ";")
		p := icsProp{name: parts[0], params: map[string]string{}, value: value}
		if !propName.MatchString(p.name) {
			t.Fatalf("bad name %q", p.name)
		}
		for _, kv := range parts[1:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || !propName.MatchString(k) {
				t.Fatalf("bad parameter %q", kv)
			}
			p.params[k] = v
		}
		top := stack[len(stack)-1]
		switch p.name {
		case "BEGIN":
			c := &icsComp{name: value}
			top.children = append(top.children, c)
			stack = append(stack, c)
		case "END":
			if top.name != value || len(stack) == 1 {
				t.Fatalf("END:%s closes %s", value, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 1 {
				t.Fatalf("property outside a component: %q", l)
			}
			top.props = append(top.props, p)
		}
	}
	if len(stack) != 1 || len(root.children) != 1 || root.children[0].name != "VCALENDAR" {
		t.Fatalf("not one balanced VCALENDAR")
	}
	return root.children[0]
}

// unescape decodes a TEXT value, failing on an unescaped , or ; (the export writes single values).
func unescape(t *testing.T, v string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v):
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				t.Errorf("unknown escape \\%c in %q", v[i], v)
			}
		case c == '\\':
			t.Errorf("trailing backslash in %q", v)
		case c == ',' || c == ';':
			t.Errorf("unescaped %c in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func one(t *testing.T, c *icsComp, name string) icsProp {
	t.Helper()
	ps := c.all(name)
	if len(ps) != 1 {
		t.Fatalf("%s has %d %s", c.name, len(ps), name)
	}
	return ps[0]
}

func checkCalendar(t *testing.T, data []byte) []*icsComp {
	t.Helper()
	cal := parseICS(t, data)
	if one(t, cal, "VERSION").value != "2.0" || one(t, cal, "PRODID").value == "" {
		t.Error("VERSION or PRODID")
	}
	uids := map[string]bool{}
	stamp := regexp.MustCompile(`^\d{8}T\d{6}Z$`)
	day := regexp.MustCompile(`^\d{8}$`)
	for _, ev := range cal.children {
		if ev.name != "VEVENT" {
			t.Fatalf("component %s", ev.name)
		}
		uid := one(t, ev, "UID").value
		if uid == "" || uids[uid] {
			t.Errorf("UID %q empty or repeated", uid)
		}
		uids[uid] = true
		if v := one(t, ev, "DTSTAMP").value; !stamp.MatchString(v) {
			t.Errorf("DTSTAMP %q", v)
		}
		start, end := one(t, ev, "DTSTART"), one(t, ev, "DTEND")
		if start.params["VALUE"] != "DATE" || end.params["VALUE"] != "DATE" || !day.MatchString(start.value) || !day.MatchString(end.value) {
			t.Errorf("not an all-day event: %+v %+v", start, end)
		}
		s, _ := time.Parse("20060102", start.value)
		e, _ := time.Parse("20060102", end.value)
		if !e.Equal(s.AddDate(0, 0, 1)) {
			t.Errorf("DTEND %s is not the day after DTSTART %s", end.value, start.value)
		}
		unescape(t, one(t, ev, "SUMMARY").value)
		unescape(t, one(t, ev, "DESCRIPTION").value)
	}
	return cal.children
}

func TestCalendarDemo(t *testing.T) {
	o := demoOverview(t, i18n.Swedish)
	events := checkCalendar(t, exports.Calendar(o, "1.0", now))
	// One event per training date, counted from the plans themselves.
	type key struct{ board, title, date string }
	want := map[key]int{}
	n := 0
	for _, d := range o.Plans {
		for _, tr := range d.Trainings {
			for _, day := range tr.Dates {
				want[key{d.Plan.Board, tr.Title, day.Format("20060102")}]++
				n++
			}
		}
	}
	if len(events) != n || n == 0 {
		t.Fatalf("%d events, %d training dates", len(events), n)
	}
	for _, ev := range events {
		summary := unescape(t, one(t, ev, "SUMMARY").value)
		title, _, _ := strings.Cut(summary, " (tillfälle")
		k := key{unescape(t, one(t, ev, "CATEGORIES").value), title, one(t, ev, "DTSTART").value}
		if want[k] != 1 {
			t.Errorf("event %+v matches %d training dates", k, want[k])
		}
		want[k]--
	}
	// The same overview exported again keeps the UIDs, so a calendar updates instead of doubling.
	again := checkCalendar(t, exports.Calendar(o, "1.0", now.Add(time.Hour)))
	for i := range events {
		if one(t, events[i], "UID").value != one(t, again[i], "UID").value {
			t.Fatal("UIDs change between exports")
		}
	}
}

// Text that needs escaping and folding comes back unchanged.
func TestCalendarEscaping(t *testing.T) {
	title := "Kurs, del 1; \"grund\" \\ C:\\temp\nny rad – och en lång titel som måste vikas flera gånger: åäö ÅÄÖ € 😀 " + strings.Repeat("é", 40)
	board := "Nämnd; med, tecken\\"
	prof, _ := domain.DefaultProfile()
	d := domain.PlanData{Plan: domain.Plan{ID: 1, Board: board, Year: 2027},
		Trainings: []domain.Training{{ID: 1, Position: 1, Title: title, TargetGroup: "Alla, verkligen alla", Format: domain.FormatWorkshop,
			Dates:                []time.Time{time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC), time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)},
			ExpectedParticipants: 12, Evaluation: "Enkät; kort"}}}
	o := overview.Build(overview.Input{Year: 2027, Profile: prof, Plans: []domain.PlanData{d}, Now: now})
	events := checkCalendar(t, exports.Calendar(o, "1.0", now))
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	if got := unescape(t, one(t, events[0], "SUMMARY").value); got != title+" (tillfälle 1 av 2)" {
		t.Errorf("summary %q", got)
	}
	desc := unescape(t, one(t, events[1], "DESCRIPTION").value)
	for _, w := range []string{"Nämnd: " + board, "Målgrupp: Alla, verkligen alla", "Utvärdering: Enkät; kort", "\n"} {
		if !strings.Contains(desc, w) {
			t.Errorf("description lacks %q: %q", w, desc)
		}
	}
	if got := one(t, events[1], "DTSTART").value; got != "20271231" || one(t, events[1], "DTEND").value != "20280101" {
		t.Errorf("last event %s", got)
	}
}
