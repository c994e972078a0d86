package overview

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/app/present"
	"handlingsplan/domain"
)

// ---- documents as lines of fields (PDF text, slides) ----

// doc is a document as pages of lines; a line is its fields from left to right (a table's
// cells, a label and its value).
type doc [][]line

// line is the fields of one line of text.
type line []field

// field is a run of text and where it starts on the page.
type field struct {
	s string
	x float64
}

// texts are the line's fields as text, with their spaces made alike.
func (l line) texts() []string {
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = norm(f.s)
	}
	return out
}

// joined is the text of lines as one string.
func joined(ls []line) string {
	var parts []string
	for _, l := range ls {
		parts = append(parts, l.texts()...)
	}
	return norm(strings.Join(parts, " "))
}

// pdfDoc reads a PDF as pdftotext sees it: words grouped into lines by their height on the
// page and into fields where the gap between two words is wider than a space.
func pdfDoc(t *testing.T, pdf []byte) doc {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-tsv", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	type word struct {
		x, y, w, h float64
		s          string
	}
	pages := map[int][]word{}
	maxPage := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 12 || c[0] != "5" {
			continue
		}
		p, _ := strconv.Atoi(c[1])
		x, _ := strconv.ParseFloat(c[6], 64)
		y, _ := strconv.ParseFloat(c[7], 64)
		w, _ := strconv.ParseFloat(c[8], 64)
		h, _ := strconv.ParseFloat(c[9], 64)
		pages[p] = append(pages[p], word{x, y, w, h, c[11]})
		maxPage = max(maxPage, p)
	}
	var d doc
	for p := 1; p <= maxPage; p++ {
		ws := pages[p]
		sort.SliceStable(ws, func(i, j int) bool { return ws[i].y < ws[j].y })
		var lines [][]word
		for _, w := range ws {
			if n := len(lines); n > 0 && math.Abs(lines[n-1][0].y-w.y) <= 0.25*w.h {
				lines[n-1] = append(lines[n-1], w)
				continue
			}
			lines = append(lines, []word{w})
		}
		var page []line
		for _, l := range lines {
			sort.SliceStable(l, func(i, j int) bool { return l[i].x < l[j].x })
			var fields line
			cur := field{l[0].s, l[0].x}
			for i := 1; i < len(l); i++ {
				if l[i].x-(l[i-1].x+l[i-1].w) > 0.4*l[i].h {
					fields = append(fields, cur)
					cur = field{l[i].s, l[i].x}
					continue
				}
				cur.s += " " + l[i].s
			}
			page = append(page, append(fields, cur))
		}
		d = append(d, page)
	}
	return d
}

// deckDoc is the slides as they are drawn: every text in its place, a line per height.
func deckDoc(deck *present.Deck) doc {
	var d doc
	for _, s := range deck.Slides {
		var items []present.Item
		for _, it := range s.Items {
			if it.Kind == present.ItemText && it.Text != "" {
				items = append(items, it)
			}
		}
		sort.SliceStable(items, func(i, j int) bool {
			if math.Abs(items[i].Y-items[j].Y) > 0.5 {
				return items[i].Y < items[j].Y
			}
			return items[i].X < items[j].X
		})
		var page []line
		for i, it := range items {
			f := field{it.Text, it.X} // a left-aligned text starts where its box does
			if i > 0 && math.Abs(items[i-1].Y-it.Y) <= 0.5 {
				page[len(page)-1] = append(page[len(page)-1], f)
				continue
			}
			page = append(page, line{f})
		}
		d = append(d, page)
	}
	return d
}

// norm makes pdftotext's and the slides' spaces alike.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)), " ")
}

// lines flattens pages into one list of lines.
func (d doc) lines() []line {
	var out []line
	for _, p := range d {
		out = append(out, p...)
	}
	return out
}

// pages are the pages whose heading (first line) starts with prefix.
func (d doc) pages(prefix string) [][]line {
	var out [][]line
	for _, p := range d {
		if len(p) > 0 && strings.HasPrefix(norm(p[0][0].s), prefix) {
			out = append(out, p)
		}
	}
	return out
}

// section is the lines from the line that is heading alone up to the first line starting
// with end ("" runs to the end).
func section(lines []line, heading, end string) []line {
	from := -1
	for i, l := range lines {
		if from < 0 {
			if len(l) == 1 && norm(l[0].s) == heading {
				from = i + 1
			}
			continue
		}
		if end != "" && strings.HasPrefix(joined([]line{l}), end) {
			return lines[from:i]
		}
	}
	if from < 0 {
		return nil
	}
	return lines[from:]
}

// rowOf finds the first line of a table row whose first cell is name (or the start of name
// wrapped over lines) and returns the cells after the name and the line's index.
func rowOf(lines []line, name string) ([]string, int) {
	name = norm(name)
	for i, l := range lines {
		first := norm(l[0].s)
		rest := l[1:].texts()
		switch {
		case first == name:
		case strings.HasPrefix(first, name+" "):
			// The name and the next cell closer than a column gap (pdftotext's reading).
			rest = append([]string{strings.TrimPrefix(first, name+" ")}, rest...)
		case len(first) >= 6 && strings.HasPrefix(name, strings.TrimSuffix(first, "-")) && len(first) < len(name):
		default:
			continue
		}
		return rest, i
	}
	return nil, -1
}

// valueAbove is the value printed above a label, starting where it starts: the nearest field
// above the label's first line at its left edge (the report's tiles, the slides' facts).
func valueAbove(lines []line, label string) (string, bool) {
	for i, l := range lines {
		for _, c := range l {
			if !strings.HasPrefix(norm(c.s), label) {
				continue
			}
			for k := i - 1; k >= 0; k-- {
				for _, a := range lines[k] {
					if math.Abs(a.x-c.x) < 3 {
						return norm(a.s), true
					}
				}
			}
		}
	}
	return "", false
}

// ---- the report for kommunstyrelsen ----

func reportFigures(e *truthEnv) viewFigures {
	o, loc := e.o, e.v.loc
	pdf, err := exports.Report(o, exports.ReportOptions{AppVersion: "test", Now: e.v.env.Now()})
	if err != nil {
		e.t.Fatal(err)
	}
	lines := pdfDoc(e.t, pdf).lines()
	f := viewFigures{}
	boards := append(slices.Clone(o.Boards), loc.T("overview.total"))
	key := func(b string) string { return boardOf(loc, b) }

	if r, _ := rowOf(lines, loc.T("exports.ks.received")); len(r) > 0 {
		f.put("received", r[0])
	}
	if s, ok := valueAbove(lines, loc.T("exports.ks.tile.goals")); ok {
		f.put("goals.covered", s)
	}
	if s, ok := valueAbove(lines, strings.Fields(loc.T("exports.ks.tile.events"))[0]); ok {
		f.put("events", s)
	}
	summary := joined(section(lines, "1 "+loc.T("exports.ks.section.summary"), "2 "))
	if m := regexp.MustCompile(`(\d+) av (\d+) system på nivå 3–4 saknar`).FindStringSubmatch(summary); m != nil {
		f["reg.gaps/"], f["reg.critical/"] = m[1], m[2]
	}

	subs := section(lines, "2 "+loc.T("exports.ks.section.submissions"), "3 ")
	for _, b := range o.Boards {
		if r, _ := rowOf(subs, b); len(r) > 0 {
			f["missing/"+b] = map[bool]string{true: "1", false: "0"}[r[0] == loc.T("overview.sub.not_received")]
		}
	}

	res := section(lines, "3 "+loc.T("exports.ks.section.resources"), loc.T("exports.ks.resources.quarters"))
	for _, b := range boards {
		r, _ := rowOf(res, b)
		if len(r) < 8 {
			continue
		}
		f.put("activities/"+key(b), r[0])
		f.put("hours/"+key(b), r[1])
		f.put("kronor/"+key(b), r[5])
		f.put("last.kronor/"+key(b), r[6])
		if key(b) == "" {
			f.put("change.kronor", r[7])
		}
	}
	qs := section(lines, loc.T("exports.ks.resources.quarters"), "4 ")
	for _, b := range boards {
		r, i := rowOf(qs, b)
		if len(r) < 4 {
			continue
		}
		// Hours on the row's first line, kronor on the next.
		next := qs[i+1].texts()
		if len(next) == 5 { // the board's name went on over two lines
			next = next[1:]
		}
		for q := range 4 {
			f.put(fmt.Sprintf("q%d.hours/%s", q+1, key(b)), r[q])
			if q < len(next) {
				f.put(fmt.Sprintf("q%d.kronor/%s", q+1, key(b)), next[q])
			}
		}
	}

	goals := section(lines, "4 "+loc.T("exports.ks.section.goals"), loc.T("exports.ks.goals.legend"))
	for _, b := range boards {
		r, _ := rowOf(goals, b)
		for gi, g := range o.Goals.Goals {
			if gi >= len(r) {
				break
			}
			k := fmt.Sprintf("goal/%s/%d", key(b), g.Number)
			if key(b) == "" {
				k = fmt.Sprintf("goal.activities/%d", g.Number)
			}
			if n, ok := count(r[gi]); ok {
				f[k] = n
			}
		}
	}

	trains := joined(section(lines, "6 "+loc.T("exports.ks.section.trainings"), "januari"))
	if m := regexp.MustCompile(`(\d+) tillfällen i (\d+) insatser med sammanlagt ([\d ]+) förväntade`).FindStringSubmatch(trains); m != nil {
		f["trainings"] = m[2]
		f.put("expected", m[3])
	}

	fu := section(lines, "7 "+loc.Tf("exports.ks.section.followup", "Year", o.Year-1), loc.T("exports.ks.followup.checks"))
	for _, b := range boards {
		r, _ := rowOf(fu, b)
		if len(r) < 6 || r[0] == "–" {
			continue
		}
		f.put("fu.total/"+key(b), r[0])
		for i, st := range domain.ActivityStatuses {
			f.put(fmt.Sprintf("fu.%s/%s", st, key(b)), r[1+i])
		}
		f.put("fu.share/"+key(b), r[5])
	}

	reg := section(lines, "8 "+loc.T("exports.ks.section.register"), "Nivåer:")
	for _, b := range boards {
		r, _ := rowOf(reg, b)
		if len(r) < 10 {
			continue
		}
		f.put("reg.systems/"+key(b), r[0])
		for i, l := range ov.Levels {
			f.put(fmt.Sprintf("reg.level%d/%s", l, key(b)), r[1+i])
		}
		f.put("reg.norisk/"+key(b), r[7])
		f.put("reg.nodeep/"+key(b), r[8])
		f.put("reg.below/"+key(b), r[9])
		if len(r) > 10 {
			f.put("reg.flagged/"+key(b), r[10])
		}
	}

	// 9: per board the version, "8 av 13" met, partly, not met, not assessed, systems with
	// warnings (read from the right: the total row has no version).
	req := section(lines, "9 "+loc.T("exports.ks.section.requirements"), loc.T("exports.ks.requirements.gaps"))
	for _, b := range boards {
		r, _ := rowOf(req, b)
		if len(r) < 5 {
			continue
		}
		n := len(r)
		putMetOf(f, key(b), r[n-5])
		f.put("req.notmet/"+key(b), r[n-3])
		f.put("reg.flagged/"+key(b), r[n-1])
	}
	return f
}

// ---- the slides and the handout ----

func slideFigures(e *truthEnv, d doc) viewFigures {
	o, loc := e.o, e.v.loc
	f := viewFigures{}
	boards := append(slices.Clone(o.Boards), loc.T("present.total"))
	key := func(b string) string { return boardOf(loc, b) }

	if len(d) > 0 {
		if m := regexp.MustCompile(`Planer från (\d+) av \d+ nämnder`).FindStringSubmatch(joined(d[0])); m != nil {
			f["received"] = m[1]
		}
	}
	var boardRows []line
	for _, p := range d.pages(loc.Tf("present.boards.title", "Year", o.Year)) {
		boardRows = append(boardRows, p...)
	}
	for _, b := range boards {
		r, _ := rowOf(boardRows, b)
		if len(r) == 0 {
			continue
		}
		if key(b) != "" {
			f["missing/"+b] = map[bool]string{true: "1", false: "0"}[r[0] == loc.Tf("present.boards.missing", "Year", o.Year)]
		}
		if len(r) == 4 || len(r) == 3 && key(b) == "" {
			r = r[len(r)-3:]
			f.put("activities/"+key(b), r[0])
			f.put("hours/"+key(b), r[1])
			f.put("kronor/"+key(b), r[2])
		}
	}
	for _, p := range d.pages(loc.Tf("present.resources.title", "Year", o.Year)) {
		for q := 1; q <= 4; q++ {
			if r, _ := rowOf(p, loc.Quarter(q)); len(r) >= 2 {
				f.put(fmt.Sprintf("q%d.hours/", q), r[0])
				f.put(fmt.Sprintf("q%d.kronor/", q), r[1])
			}
		}
	}
	var goalRows []line
	for _, p := range d.pages(loc.T("present.goals.title")) {
		goalRows = append(goalRows, p...)
		if m := regexp.MustCompile(`(\d+) av (\d+) mål har minst en åtgärd`).FindStringSubmatch(joined(p)); m != nil {
			f["goals.covered"] = m[1]
		}
	}
	for _, l := range goalRows {
		if t := l.texts(); len(t) == 4 {
			if _, err := strconv.Atoi(t[0]); err == nil {
				f.put("goal.activities/"+t[0], t[2])
				f.put("goal.boards/"+t[0], t[3])
			}
		}
	}
	for _, p := range d.pages(loc.Tf("present.training.title", "Year", o.Year)) {
		if m := regexp.MustCompile(`(?:^|[^\d])(\d{1,3}(?: \d{3})*) tillfällen, (\d{1,3}(?: \d{3})*) förväntade deltagare`).FindStringSubmatch(joined(p)); m != nil {
			f.put("events", m[1])
			f.put("expected", m[2])
		}
	}
	for _, p := range d.pages(loc.Tf("present.followup.title", "Year", o.Year-1)) {
		for _, st := range domain.ActivityStatuses {
			if r, _ := rowOf(p, loc.T("activity.status."+string(st))); len(r) > 0 {
				f.put(fmt.Sprintf("fu.%s/", st), r[0])
				if st == domain.ActivityDone {
					if m := regexp.MustCompile(`\((\d+) %\)`).FindStringSubmatch(r[0]); m != nil {
						f["fu.share/"] = m[1]
					}
				}
			}
		}
	}
	var fuRows []line
	for _, p := range d.pages(loc.Tf("present.followup.by_board", "Year", o.Year-1)) {
		fuRows = append(fuRows, p...)
	}
	for _, b := range o.Boards {
		if r, _ := rowOf(fuRows, b); len(r) == 4 {
			for i, st := range domain.ActivityStatuses {
				f.put(fmt.Sprintf("fu.%s/%s", st, b), r[i])
			}
		}
	}
	for _, p := range d.pages(loc.T("present.register.title")) {
		for _, l := range ov.Levels {
			name := loc.T("present.register.unclassified")
			if l >= 0 {
				for _, c := range o.Profile.Scale {
					if c.Level == l {
						name = fmt.Sprintf("%d %s", l, c.Name)
					}
				}
			}
			if r, _ := rowOf(p, name); len(r) > 0 {
				f.put(fmt.Sprintf("reg.level%d/", l), r[0])
			}
		}
		text := joined(p)
		if m := regexp.MustCompile(`System på nivå 3–4: (\d+)`).FindStringSubmatch(text); m != nil {
			f["reg.critical/"] = m[1]
		}
		if m := regexp.MustCompile(`Alla system: (\d+)`).FindStringSubmatch(text); m != nil {
			f["reg.systems/"] = m[1]
		}
		for k, label := range map[string]string{"reg.norisk/": "present.register.no_risk", "reg.nodeep/": "present.register.no_deepened", "reg.below/": "present.register.below_base"} {
			// The figure is printed above its label, where the label starts.
			if v, ok := valueAbove(p, loc.T(label)); ok {
				f.put(k, v)
			}
		}
	}
	var regRows []line
	for _, p := range d.pages(loc.T("present.register.by_board")) {
		regRows = append(regRows, p...)
	}
	for _, b := range o.Boards {
		if r, _ := rowOf(regRows, b); len(r) == 4 {
			f.put("reg.systems/"+b, r[0])
			f.put("reg.norisk/"+b, r[1])
			f.put("reg.nodeep/"+b, r[2])
			f.put("reg.below/"+b, r[3])
		}
	}
	// The general requirements by board: "8 av 13", partly, not met, not assessed, flagged.
	var reqRows []line
	for _, p := range d.pages(loc.T("present.requirements.title")) {
		reqRows = append(reqRows, p...)
	}
	for _, b := range boards {
		if r, _ := rowOf(reqRows, b); len(r) == 5 {
			putMetOf(f, key(b), r[0])
			f.put("req.notmet/"+key(b), r[2])
			f.put("reg.flagged/"+key(b), r[4])
		}
	}
	return f
}
