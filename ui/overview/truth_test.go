package overview

import (
	"bufio"
	"bytes"
	"encoding/csv"
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

	"github.com/xuri/excelize/v2"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/app/present"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// One truth (issue 10, item 3): every figure the views of the coordinator demo share is the
// overview's. The views are the overview on screen, the report for kommunstyrelsen (its text
// as pdftotext reads it), the workbook (read back with excelize), the CSV files, the
// overview's slide deck as F5 shows it and the handout printed from it (its text as
// pdftotext reads it). Each view reads its figures the way a person reads that view; each
// figure lists the views that show it. A new view is one entry in views, a new figure one
// row in figures.

// figureKeys lists the keys of one kind of figure; values are canonical: whole numbers without
// grouping ("535000"), decimals with a point, shares as whole percentages.
type figureKeys func(o *ov.Overview) []string

type viewFigures map[string]string

// truthEnv is everything the views are made of.
type truthEnv struct {
	t    *testing.T
	v    *View
	o    *ov.Overview
	deck *present.Deck
}

func TestEveryViewShowsTheOverviewsFigures(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	v, _ := newView(t, i18n.Swedish)
	s, _ := demoStore()
	deck, _, err := present.OverviewDeck(s, v.year, v.loc, v.env.Now())
	if err != nil {
		t.Fatal(err)
	}
	env := &truthEnv{t: t, v: v, o: v.o, deck: deck}
	ref := reference(v.o)

	views := []struct {
		name string
		read func(*truthEnv) viewFigures
	}{
		{"overview on screen", guiFigures},
		{"report (PDF)", reportFigures},
		{"workbook (xlsx)", workbookFigures},
		{"CSV", csvFigures},
		{"slides (F5)", func(e *truthEnv) viewFigures { return slideFigures(e, deckDoc(e.deck)) }},
		{"handout (PDF)", func(e *truthEnv) viewFigures {
			pdf, err := present.Handout(e.deck, present.HandoutOptions{AppName: "Handlingsplan", AppVersion: "test"})
			if err != nil {
				e.t.Fatal(err)
			}
			return slideFigures(e, pdfDoc(e.t, pdf))
		}},
	}
	const (
		gui, report, xlsx, csvs, slides, handout = "overview on screen", "report (PDF)", "workbook (xlsx)", "CSV", "slides (F5)", "handout (PDF)"
	)
	tables := []string{gui, report, xlsx, csvs}
	all := []string{gui, report, xlsx, csvs, slides, handout}
	figures := []struct {
		name  string
		keys  figureKeys
		views []string
	}{
		{"plans received", fixed("received"), all},
		{"board has not sent its plan", perBoard("missing", allBoards), all},
		{"activities per board and in total", perBoard("activities", receivedAndTotal), all},
		{"hours per board and in total", perBoard("hours", receivedAndTotal), all},
		{"kronor per board and in total", perBoard("kronor", receivedAndTotal), all},
		{"hours and kronor per quarter and board", quarters(receivedOnly), tables},
		{"hours and kronor per quarter, kommun", quarters(totalOnly), all},
		{"last year's kronor per board and in total", perBoard("last.kronor", withLastAndTotal), tables},
		{"last year's hours per board and in total", perBoard("last.hours", withLastAndTotal), []string{gui, xlsx, csvs}},
		{"change of kronor from last year, kommun", fixed("change.kronor"), tables},
		{"goals covered", fixed("goals.covered"), []string{report, slides, handout}},
		{"activities per goal", perGoal("goal.activities"), all},
		{"boards per goal", perGoal("goal.boards"), []string{slides, handout}},
		{"activities per board and goal", boardGoals, tables},
		{"follow-up: activities per status, board and total", followUp(""), all},
		{"follow-up: activities per board and total", followUp("fu.total"), tables},
		{"follow-up: share done per board and total, whole percent", followUp("fu.share"), []string{gui, report}},
		{"follow-up: share done per board and total, one decimal", followUp("fu.share1"), []string{xlsx, csvs}},
		{"follow-up: share done, kommun", fixed("fu.share/"), []string{gui, report, slides, handout}},
		{"register: systems per board and total", perBoard("reg.systems", registerAndTotal), all},
		{"register: systems per level, board and total", levels, tables},
		{"register: systems per level, kommun", levelTotals, all},
		{"register: level 3–4 without risk analysis", perBoard("reg.norisk", registerAndTotal), all},
		{"register: level 3–4 without deepened plan", perBoard("reg.nodeep", registerAndTotal), all},
		{"register: below the base level", perBoard("reg.below", registerAndTotal), all},
		{"register: level 3–4 with gaps", perBoard("reg.gaps", registerAndTotal), []string{gui, xlsx, csvs}},
		{"register: level 3–4 and with gaps, kommun", fixed("reg.critical/", "reg.gaps/"), []string{gui, report, xlsx, csvs}},
		{"register: level 3–4, kommun (slides)", fixed("reg.critical/"), []string{slides, handout}},
		{"training and information events", fixed("events"), []string{report, xlsx, csvs, slides, handout}},
		{"expected participants", fixed("expected"), []string{report, slides, handout}},
		{"trainings", fixed("trainings"), []string{report}},
	}

	got := map[string]viewFigures{}
	for _, vw := range views {
		got[vw.name] = vw.read(env)
	}
	agreed := map[string][]string{}
	for _, f := range figures {
		keys := f.keys(env.o)
		if len(keys) == 0 {
			t.Errorf("%s: the demo has no such figure", f.name)
		}
		for _, vname := range f.views {
			t.Run(f.name+"/"+vname, func(t *testing.T) {
				for _, k := range keys {
					want, ok := ref[k]
					if !ok {
						t.Fatalf("the overview has no figure %q", k)
					}
					g, ok := got[vname][k]
					switch {
					case !ok:
						t.Errorf("%s does not show %s (the overview: %s)", vname, k, want)
					case g != want:
						t.Errorf("%s: %s says %s, the overview %s", k, vname, g, want)
					default:
						if !slices.Contains(agreed[k], vname) {
							agreed[k] = append(agreed[k], vname)
						}
					}
				}
			})
		}
	}
	// The figures compared and where they agree, for the record (go test -v).
	for _, f := range figures {
		var lines []string
		for _, k := range f.keys(env.o) {
			lines = append(lines, fmt.Sprintf("%s=%s [%d agree]", k, ref[k], len(agreed[k])))
		}
		t.Logf("%s (%s): %s", f.name, strings.Join(f.views, ", "), strings.Join(lines, "; "))
	}
}

// ---- the figures the overview computed ----

func reference(o *ov.Overview) viewFigures {
	r := viewFigures{}
	n := func(k string, v int64) { r[k] = strconv.FormatInt(v, 10) }
	n("received", int64(len(o.Plans)))
	for _, s := range o.Submissions {
		r["missing/"+s.Board] = map[bool]string{true: "0", false: "1"}[s.Received]
	}
	res := append(slices.Clone(o.Resources.Rows), o.Resources.Total)
	for _, row := range res {
		b := row.Board
		if row.Received {
			n("activities/"+b, int64(row.Activities))
			n("hours/"+b, row.Year.Hours())
			n("kronor/"+b, row.Year.Kronor())
			for q, x := range row.Quarters {
				n(fmt.Sprintf("q%d.hours/%s", q+1, b), x.Hours())
				n(fmt.Sprintf("q%d.kronor/%s", q+1, b), x.Kronor())
			}
		}
		if row.LastSource != ov.LastNone {
			n("last.kronor/"+b, row.Last.Kronor())
			n("last.hours/"+b, row.Last.Hours())
		}
	}
	if d, ok := o.Resources.TotalChange(ov.MetricKronor); ok {
		n("change.kronor", d)
	}
	m := o.Goals
	n("goals.covered", int64(m.Covered()))
	for gi, g := range m.Goals {
		n(fmt.Sprintf("goal.activities/%d", g.Number), int64(m.Totals[gi]))
		n(fmt.Sprintf("goal.boards/%d", g.Number), int64(m.BoardsWith[gi]))
		for bi, b := range m.Boards {
			n(fmt.Sprintf("goal/%s/%d", b, g.Number), int64(m.Counts[bi][gi]))
		}
	}
	for _, f := range append(slices.Clone(o.FollowUp.Rows), o.FollowUp.Total) {
		if !f.Has {
			continue
		}
		for _, st := range domain.ActivityStatuses {
			n(fmt.Sprintf("fu.%s/%s", st, f.Board), int64(f.Counts[st]))
		}
		n("fu.total/"+f.Board, int64(f.Total))
		n("fu.share/"+f.Board, int64(f.Percent(domain.ActivityDone)))
		r["fu.share1/"+f.Board] = strconv.FormatFloat(f.Share(domain.ActivityDone)*100, 'f', 1, 64)
	}
	for _, g := range append(slices.Clone(o.Register.Rows), o.Register.Total) {
		b := g.Board
		n("reg.systems/"+b, int64(g.Systems))
		for _, l := range ov.Levels {
			n(fmt.Sprintf("reg.level%d/%s", l, b), int64(g.ByLevel[l]))
		}
		n("reg.norisk/"+b, int64(g.NoRiskAnalysis))
		n("reg.nodeep/"+b, int64(g.NoDeepenedPlan))
		n("reg.below/"+b, int64(g.BelowBaseline))
		n("reg.gaps/"+b, int64(g.Gaps))
		n("reg.critical/"+b, int64(g.Critical))
	}
	n("events", int64(len(o.Calendar.Events)))
	n("expected", int64(o.Calendar.Expected))
	n("trainings", int64(o.Calendar.Trainings))
	return r
}

func fixed(keys ...string) figureKeys { return func(*ov.Overview) []string { return keys } }

// Which boards a per-board figure has: the total is Board "" ("kind/").
func allBoards(o *ov.Overview) []string { return o.Boards }

func receivedOnly(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Resources.Rows {
		if r.Received {
			out = append(out, r.Board)
		}
	}
	return out
}

func totalOnly(*ov.Overview) []string { return []string{""} }

func receivedAndTotal(o *ov.Overview) []string { return append(receivedOnly(o), "") }

func withLastAndTotal(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Resources.Rows {
		if r.LastSource != ov.LastNone {
			out = append(out, r.Board)
		}
	}
	return append(out, "")
}

func registerAndTotal(o *ov.Overview) []string {
	var out []string
	for _, r := range o.Register.Rows {
		out = append(out, r.Board)
	}
	return append(out, "")
}

func perBoard(kind string, boards func(*ov.Overview) []string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, b := range boards(o) {
			out = append(out, kind+"/"+b)
		}
		return out
	}
}

func quarters(boards func(*ov.Overview) []string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, b := range boards(o) {
			for q := 1; q <= 4; q++ {
				out = append(out, fmt.Sprintf("q%d.hours/%s", q, b), fmt.Sprintf("q%d.kronor/%s", q, b))
			}
		}
		return out
	}
}

func perGoal(kind string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, g := range o.Goals.Goals {
			out = append(out, fmt.Sprintf("%s/%d", kind, g.Number))
		}
		return out
	}
}

func boardGoals(o *ov.Overview) []string {
	var out []string
	for _, b := range o.Goals.Boards {
		for _, g := range o.Goals.Goals {
			out = append(out, fmt.Sprintf("goal/%s/%d", b, g.Number))
		}
	}
	return out
}

// followUp is the keys of a follow-up figure of every board with a follow-up and the total;
// kind "" is the four statuses.
func followUp(kind string) figureKeys {
	return func(o *ov.Overview) []string {
		var out []string
		for _, f := range append(slices.Clone(o.FollowUp.Rows), o.FollowUp.Total) {
			if !f.Has {
				continue
			}
			if kind != "" {
				out = append(out, kind+"/"+f.Board)
				continue
			}
			for _, st := range domain.ActivityStatuses {
				out = append(out, fmt.Sprintf("fu.%s/%s", st, f.Board))
			}
		}
		return out
	}
}

func levels(o *ov.Overview) []string {
	var out []string
	for _, b := range registerAndTotal(o) {
		for _, l := range ov.Levels {
			out = append(out, fmt.Sprintf("reg.level%d/%s", l, b))
		}
	}
	return out
}

func levelTotals(*ov.Overview) []string {
	var out []string
	for _, l := range ov.Levels {
		out = append(out, fmt.Sprintf("reg.level%d/", l))
	}
	return out
}

// ---- reading figures as a person reads them ----

var numberRe = regexp.MustCompile(`^[−+±-]?\d{1,3}(?: \d{3})*(?:,\d+)?|^[−+±-]?\d+(?:,\d+)?`)

// number reads the number a text starts with: "535 000 kr" → "535000", "−3 000" → "-3000",
// "5,6" → "5.6", "63 %" → "63"; ok is false for "–" or text.
func number(s string) (string, bool) {
	s = strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s))
	m := numberRe.FindString(s)
	if m == "" {
		return "", false
	}
	m = strings.NewReplacer(" ", "", "−", "-", "+", "", "±", "", ",", ".").Replace(m)
	return m, true
}

// count reads a count where a dash means none.
func count(s string) (string, bool) {
	if strings.TrimSpace(s) == "–" {
		return "0", true
	}
	return number(s)
}

// put stores the number s under key when s is one.
func (f viewFigures) put(key, s string) {
	if v, ok := number(s); ok {
		f[key] = v
	}
}

// ---- the overview on screen ----

func guiFigures(e *truthEnv) viewFigures {
	v, loc := e.v, e.v.loc
	f := viewFigures{}
	if m := regexp.MustCompile(`(\d+) av (\d+) nämnder`).FindStringSubmatch(v.subs.summary.Text); m != nil {
		f["received"] = m[1]
	}
	for _, r := range v.subs.table.rows {
		f["missing/"+r[0].text] = map[bool]string{true: "1", false: "0"}[r[1].text == loc.T("overview.sub.not_received")]
	}
	// Resources: kronor, then hours.
	for _, metric := range []ov.Metric{ov.MetricKronor, ov.MetricHours} {
		v.res.metric = metric
		v.res.show()
		unit := map[ov.Metric]string{ov.MetricKronor: "kronor", ov.MetricHours: "hours"}[metric]
		for _, r := range append(slices.Clone(v.res.table.rows), v.res.table.total) {
			b := boardOf(loc, r[0].text)
			if metric == ov.MetricKronor {
				f.put("activities/"+b, r[1].text)
			}
			for q := range 4 {
				f.put(fmt.Sprintf("q%d.%s/%s", q+1, unit, b), r[2+q].text)
			}
			f.put(unit+"/"+b, r[6].text)
			f.put("last."+unit+"/"+b, r[7].text)
			if b == "" && metric == ov.MetricKronor {
				f.put("change.kronor", strings.TrimPrefix(strings.TrimPrefix(r[8].text, "▲ "), "▼ "))
			}
		}
	}
	v.res.metric = ov.MetricKronor
	v.res.show()
	// Goals.
	for _, r := range append(slices.Clone(v.goals.table.rows), v.goals.table.total) {
		b := boardOf(loc, r[0].text)
		for gi, g := range v.o.Goals.Goals {
			if n, ok := count(r[1+gi].text); ok {
				key := fmt.Sprintf("goal/%s/%d", b, g.Number)
				if b == "" {
					key = fmt.Sprintf("goal.activities/%d", g.Number)
				}
				f[key] = n
			}
		}
	}
	// Follow-up: activities, the four statuses, share done.
	for _, r := range append(slices.Clone(v.follow.table.rows), v.follow.table.total) {
		b := boardOf(loc, r[0].text)
		f.put("fu.total/"+b, r[1].text)
		for i, st := range domain.ActivityStatuses {
			f.put(fmt.Sprintf("fu.%s/%s", st, b), r[2+i].text)
		}
		f.put("fu.share/"+b, r[6].text)
	}
	// Register.
	cols := map[string]int{}
	for i, c := range v.reg.table.cols {
		cols[c.title] = i
	}
	for _, r := range append(slices.Clone(v.reg.table.rows), v.reg.table.total) {
		b := boardOf(loc, r[0].text)
		f.put("reg.systems/"+b, r[1].text)
		for i, l := range ov.Levels {
			f.put(fmt.Sprintf("reg.level%d/%s", l, b), r[2+i].text)
		}
		for key, col := range map[string]string{"reg.critical": "overview.col.critical", "reg.norisk": "overview.col.no_risk",
			"reg.nodeep": "overview.col.no_deepened", "reg.gaps": "overview.col.gaps", "reg.below": "overview.col.below_base"} {
			f.put(key+"/"+b, r[cols[loc.T(col)]].text)
		}
	}
	return f
}

// boardOf is the board of a row, "" for the total row.
func boardOf(loc *i18n.Localizer, s string) string {
	if s == loc.T("overview.total") || s == loc.T("present.total") || s == "Hela kommunen" {
		return ""
	}
	return s
}

// ---- the workbook and the CSV files ----

// sheet is a table read back: its header and rows of text as a spreadsheet shows them.
type sheet struct {
	head []string
	rows [][]string
}

func (s sheet) col(title string) int { return slices.Index(s.head, title) }

func workbookFigures(e *truthEnv) viewFigures {
	data, err := exports.Workbook(e.o, e.v.env.Now())
	if err != nil {
		e.t.Fatal(err)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		e.t.Fatal(err)
	}
	defer wb.Close()
	sheets := map[string]sheet{}
	for _, name := range wb.GetSheetList() {
		rows, err := wb.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) == 0 {
			e.t.Fatalf("sheet %s: %v", name, err)
		}
		sheets[name] = sheet{head: rows[0], rows: rows[1:]}
	}
	return tableFigures(e, sheets)
}

func csvFigures(e *truthEnv) viewFigures {
	files, err := exports.CSV(e.o, false)
	if err != nil {
		e.t.Fatal(err)
	}
	sheets := map[string]sheet{}
	for _, cf := range files {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(cf.Data, []byte("\ufeff"))))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil || len(rows) == 0 {
			e.t.Fatalf("%s: %v", cf.Name, err)
		}
		name := strings.TrimSuffix(cf.Name, ".csv")
		if i := strings.Index(name, " "); i > 0 {
			name = name[i+1:] // "3 Resurser" → "Resurser"
		}
		sheets[name] = sheet{head: rows[0], rows: rows[1:]}
	}
	return tableFigures(e, sheets)
}

// cellNumber reads a spreadsheet cell: a raw number ("535000", "0.286") or a CSV number
// ("535000", "28,6").
func cellNumber(s string) (float64, bool) {
	x, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	return x, err == nil
}

func tableFigures(e *truthEnv, sheets map[string]sheet) viewFigures {
	loc := e.v.loc
	f := viewFigures{}
	get := func(s sheet, row []string, title string) (float64, bool) {
		if loc.Has(title) {
			title = loc.T(title)
		}
		i := s.col(title)
		if i < 0 {
			// The CSV says the unit in the title: "Andel genomförda (%)".
			i = slices.IndexFunc(s.head, func(h string) bool { return strings.HasPrefix(h, title+" (") })
		}
		if i < 0 || i >= len(row) {
			return 0, false
		}
		return cellNumber(row[i])
	}
	put := func(key string, x float64, ok bool) {
		if ok {
			f[key] = strconv.FormatInt(int64(math.Round(x)), 10)
		}
	}

	subs := sheets[loc.T("exports.sheet.submissions")]
	received := 0
	for _, r := range subs.rows {
		missing := r[subs.col(loc.T("overview.col.status"))] == loc.T("overview.sub.not_received")
		f["missing/"+r[0]] = map[bool]string{true: "1", false: "0"}[missing]
		if !missing {
			received++
		}
	}
	f["received"] = strconv.Itoa(received)

	res := sheets[loc.T("exports.sheet.resources")]
	for _, r := range res.rows {
		b := boardOf(loc, r[0])
		x, ok := get(res, r, "overview.col.activities")
		put("activities/"+b, x, ok)
		x, ok = get(res, r, "overview.metric.hours")
		put("hours/"+b, x, ok)
		x, ok = get(res, r, "overview.metric.kronor")
		put("kronor/"+b, x, ok)
		for q := 1; q <= 4; q++ {
			x, ok = get(res, r, loc.Tf("overview.col.quarter_hours", "Quarter", loc.Quarter(q)))
			put(fmt.Sprintf("q%d.hours/%s", q, b), x, ok)
			x, ok = get(res, r, loc.Tf("overview.col.quarter_kronor", "Quarter", loc.Quarter(q)))
			put(fmt.Sprintf("q%d.kronor/%s", q, b), x, ok)
		}
		x, ok = get(res, r, "overview.col.last_hours")
		put("last.hours/"+b, x, ok)
		x, ok = get(res, r, "overview.col.last_kronor")
		put("last.kronor/"+b, x, ok)
		if b == "" {
			x, ok = get(res, r, "overview.col.change_kronor")
			put("change.kronor", x, ok)
		}
	}

	goals := sheets[loc.T("exports.sheet.goals")]
	for _, r := range goals.rows {
		b := boardOf(loc, r[0])
		for _, g := range e.o.Goals.Goals {
			x, ok := get(goals, r, loc.Tf("overview.col.goal", "Goal", g.Number))
			key := fmt.Sprintf("goal/%s/%d", b, g.Number)
			if b == "" {
				key = fmt.Sprintf("goal.activities/%d", g.Number)
			}
			put(key, x, ok)
		}
	}

	trains := sheets[loc.T("exports.sheet.trainings")]
	events := 0
	for _, r := range trains.rows {
		if strings.TrimSpace(r[trains.col(loc.T("overview.col.date"))]) != "" {
			events++
		}
	}
	f["events"] = strconv.Itoa(events)

	fu := sheets[loc.T("exports.sheet.followup")]
	for _, r := range fu.rows {
		b := boardOf(loc, r[0])
		x, ok := get(fu, r, "overview.col.activities")
		put("fu.total/"+b, x, ok)
		for _, st := range domain.ActivityStatuses {
			x, ok := get(fu, r, "activity.status."+string(st))
			put(fmt.Sprintf("fu.%s/%s", st, b), x, ok)
		}
		if x, ok := get(fu, r, "overview.col.share_done"); ok {
			if x <= 1 { // the workbook keeps the share, the CSV the percentage with one decimal
				x *= 100
			}
			f["fu.share1/"+b] = strconv.FormatFloat(x, 'f', 1, 64)
		}
	}

	reg := sheets[loc.T("exports.sheet.register")]
	for _, r := range reg.rows {
		b := boardOf(loc, r[0])
		x, ok := get(reg, r, "overview.col.systems")
		put("reg.systems/"+b, x, ok)
		for i, l := range ov.Levels {
			x, ok := cellNumber(r[2+i])
			put(fmt.Sprintf("reg.level%d/%s", l, b), x, ok)
		}
		for key, col := range map[string]string{"reg.critical": "overview.col.critical", "reg.norisk": "overview.col.no_risk",
			"reg.nodeep": "overview.col.no_deepened", "reg.gaps": "overview.col.gaps", "reg.below": "overview.col.below_base"} {
			x, ok := get(reg, r, col)
			put(key+"/"+b, x, ok)
		}
	}
	return f
}

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
	return f
}
