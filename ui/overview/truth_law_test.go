package overview

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
)

// The figures of the law and the decisions in the cross-view test
// (TestEveryViewShowsTheOverviewsFigures): which boards' plans are decided, how many boards cover
// each of the cybersäkerhetslag's requirement areas and how many areas are covered in all and per
// board, the management training per board, and the latest follow-up's statuses per board. Each
// view is read as a person reads it.

func lawReference(o *ov.Overview, n func(string, int64)) {
	for _, d := range o.Decisions {
		if d.Received {
			n("decided/"+d.Board, map[bool]int64{true: 1}[d.Decided])
		}
	}
	for i, a := range o.Areas.Areas {
		n("area.boards/"+a.Code, int64(o.Areas.BoardsWith[i]))
	}
	n("areas.covered", int64(o.Areas.Covered()))
	for _, r := range o.Areas.Rows {
		n("area.count/"+r.Board, int64(r.Count))
	}
	for _, r := range o.Management {
		if r.Received {
			n("mgmt/"+r.Board, int64(r.Events))
		}
	}
	for _, r := range o.Latest.Rows {
		if r.Has {
			for _, st := range domain.ShownStatuses {
				n(fmt.Sprintf("latest.%s/%s", st, r.Board), int64(r.Counts.Statuses[st]))
			}
		}
	}
}

func perArea(kind string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, a := range o.Areas.Areas {
			out = append(out, kind+"/"+a.Code)
		}
		return out
	}
}

func latestKeys(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Latest.Rows {
		if r.Has {
			for _, st := range domain.ShownStatuses {
				out = append(out, fmt.Sprintf("latest.%s/%s", st, r.Board))
			}
		}
	}
	return out
}

// areaCode finds an area of the overview by a name as a view prints it (wrapped lines may cut it).
func areaCode(o *ov.Overview, name string) (string, bool) {
	name = norm(name)
	for _, a := range o.Areas.Areas {
		n := norm(a.Name)
		// A wrapped name starts the area's name; a name run together with the next cell starts
		// with it.
		if n == name || len(name) >= 12 && strings.HasPrefix(n, name) || strings.HasPrefix(name, n+" ") {
			return a.Code, true
		}
	}
	return "", false
}

// statusCounts reads a status line ("7 genomförda, 2 försenade") into a count per status; a
// status it does not name has none.
func statusCounts(e *truthEnv, text string) map[domain.ActivityStatus]string {
	loc := e.v.loc
	text = norm(text)
	out := map[domain.ActivityStatus]string{}
	for _, st := range domain.ShownStatuses {
		out[st] = "0"
		for _, one := range []int{1, 2} {
			form := regexp.QuoteMeta(norm(loc.Tf("present.status_count."+string(st), "Count", one)))
			form = strings.Replace(form, strconv.Itoa(one), `(\d+)`, 1)
			if m := regexp.MustCompile(`(?:^|, |\s|: )` + form + `(?:,|$)`).FindStringSubmatch(text); len(m) > 1 {
				out[st] = m[1]
			}
		}
	}
	return out
}

// ofCount is N of "N av 10".
func ofCount(s string) (string, bool) {
	m := regexp.MustCompile(`^(\d+) (?:av|of) \d+$`).FindStringSubmatch(strings.TrimSpace(norm(s)))
	if m == nil {
		return "", false
	}
	return m[1], true
}

func lawGUIFigures(e *truthEnv, f viewFigures) {
	v, loc := e.v, e.v.loc
	for _, r := range v.law.areas.rows {
		if code, ok := areaCode(e.o, r[0].text); ok {
			n := r[2].text
			if n == loc.T("overview.law.none") {
				n = "0"
			}
			f.put("area.boards/"+code, n)
		}
	}
	if n, ok := ofCount(v.law.areas.total[2].text); ok {
		f["areas.covered"] = n
	}
	for _, r := range v.law.boards.rows {
		b := r[0].text
		if r[1].text == loc.T("overview.sub.not_received") {
			continue
		}
		f["decided/"+b] = map[bool]string{true: "1", false: "0"}[!r[1].warn]
		if n, ok := ofCount(r[2].text); ok {
			f["area.count/"+b] = n
		}
		f.put("mgmt/"+b, r[4].text)
		if _, text, ok := strings.Cut(r[5].text, ": "); ok {
			for st, n := range statusCounts(e, text) {
				f[fmt.Sprintf("latest.%s/%s", st, b)] = n
			}
		}
	}
}

func lawTableFigures(e *truthEnv, sheets map[string]sheet, f viewFigures) {
	loc := e.v.loc
	areas := sheets[loc.T("exports.sheet.areas")]
	for _, r := range areas.rows {
		i := areas.col(loc.T("exports.ks.law.col_boards"))
		if i < 0 || i >= len(r) {
			continue
		}
		if code, ok := areaCode(e.o, r[0]); ok {
			f.put("area.boards/"+code, r[i])
		} else if boardOf(loc, r[0]) == "" {
			f.put("areas.covered", r[i])
		}
	}
	dec := sheets[loc.T("exports.sheet.decisions")]
	for _, r := range dec.rows {
		b := r[0]
		if boardOf(loc, b) == "" {
			continue
		}
		if i := dec.col(loc.T("overview.col.decided")); i >= 0 {
			f["decided/"+b] = map[bool]string{true: "1", false: "0"}[r[i] == loc.T("overview.yes")]
		}
		if i := dec.col(loc.T("overview.col.areas_covered")); i >= 0 {
			f.put("area.count/"+b, r[i])
		}
		if i := dec.col(loc.T("exports.ks.law.col_management")); i >= 0 {
			f.put("mgmt/"+b, r[i])
		}
	}
}

func lawReportFigures(e *truthEnv, lines []line, f viewFigures) {
	o, loc := e.o, e.v.loc
	law := section(lines, "10 "+loc.T("exports.ks.section.law"), "")
	var decisions []line
	for _, l := range law {
		if len(l) == 1 && norm(l[0].s) == loc.T("exports.ks.law.areas") {
			break
		}
		decisions = append(decisions, l)
	}
	for _, b := range o.Boards {
		// "Beslutad 2025-12-10 § 142 Dnr …"; a plan changed since says so in brackets after it.
		if r, _ := rowOf(decisions, b); len(r) > 0 {
			line := norm(r[0])
			made := strings.Fields(loc.Tf("decision.made", "Date", "x"))[0]
			f["decided/"+b] = map[bool]string{true: "1", false: "0"}[strings.HasPrefix(line, made) && !strings.Contains(line, "(")]
		}
	}
	areas := section(law, loc.T("exports.ks.law.areas"), loc.T("exports.ks.law.by_board"))
	for _, l := range areas {
		t := l.texts()
		if len(t) < 2 {
			continue
		}
		last := t[len(t)-1]
		if last == loc.T("exports.ks.law.none") {
			last = "0"
		}
		if code, ok := areaCode(o, t[0]); ok {
			f.put("area.boards/"+code, last)
		}
		if strings.HasPrefix(norm(t[0]), norm(loc.T("exports.ks.law.areas_total"))) {
			if n, ok := ofCount(last); ok {
				f["areas.covered"] = n
			}
		}
	}
	byBoard := section(law, loc.T("exports.ks.law.by_board"), loc.Tf("exports.ks.law.latest", "Year", o.Year))
	for _, b := range o.Boards {
		if r, _ := rowOf(byBoard, b); len(r) >= 3 {
			if n, ok := ofCount(r[0]); ok {
				f["area.count/"+b] = n
			}
			f.put("mgmt/"+b, r[1])
		}
	}
	latest := section(law, loc.Tf("exports.ks.law.latest", "Year", o.Year), "")
	for _, b := range o.Boards {
		r, i := rowOf(latest, b)
		if len(r) < 2 {
			continue
		}
		text := strings.Join(r[1:], " ")
		for j := i + 1; j < len(latest) && strings.HasSuffix(text, ","); j++ {
			t := latest[j].texts()
			text += " " + t[len(t)-1]
		}
		for st, n := range statusCounts(e, text) {
			f[fmt.Sprintf("latest.%s/%s", st, b)] = n
		}
	}
}

func lawSlideFigures(e *truthEnv, d doc, f viewFigures) {
	o, loc := e.o, e.v.loc
	for _, p := range d.pages(loc.Tf("present.areas.title", "Year", o.Year)) {
		if m := regexp.MustCompile(`(\d+) av (\d+) områden täcks`).FindStringSubmatch(joined(p)); m != nil {
			f["areas.covered"] = m[1]
		}
		for _, l := range p {
			t := l.texts()
			if len(t) < 2 {
				continue
			}
			last := t[len(t)-1]
			if last == loc.T("present.areas.none") {
				last = "0"
			}
			if code, ok := areaCode(o, t[0]); ok {
				f.put("area.boards/"+code, last)
			}
		}
	}
	var rows []line
	for _, p := range d.pages(loc.Tf("present.areas.by_board", "Year", o.Year)) {
		rows = append(rows, p...)
	}
	for _, b := range o.Boards {
		r, _ := rowOf(rows, b)
		if len(r) < 3 {
			continue
		}
		f["decided/"+b] = map[bool]string{true: "1", false: "0"}[r[0] == loc.T("present.areas.decided")]
		if n, ok := ofCount(r[1]); ok {
			f["area.count/"+b] = n
		}
		f.put("mgmt/"+b, r[2])
	}
	var latest []line
	for _, p := range d.pages(loc.Tf("present.latest.title", "Year", o.Year)) {
		latest = append(latest, p...)
	}
	for _, b := range o.Boards {
		r, i := rowOf(latest, b)
		if len(r) < 2 || !slices.ContainsFunc(r, func(s string) bool { return regexp.MustCompile(`^\d`).MatchString(s) }) {
			continue
		}
		text := strings.Join(r, " ")
		for j := i + 1; j < len(latest) && strings.HasSuffix(text, ","); j++ {
			t := latest[j].texts()
			if len(t) == 0 {
				break
			}
			text += " " + t[len(t)-1]
		}
		for st, n := range statusCounts(e, text) {
			f[fmt.Sprintf("latest.%s/%s", st, b)] = n
		}
	}
}
