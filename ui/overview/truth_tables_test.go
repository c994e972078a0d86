package overview

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

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
	// Follow-up: activities, the statuses (försenad among them), share done.
	for _, r := range append(slices.Clone(v.follow.table.rows), v.follow.table.total) {
		b := boardOf(loc, r[0].text)
		f.put("fu.total/"+b, r[1].text)
		for i, st := range domain.ShownStatuses {
			f.put(fmt.Sprintf("fu.%s/%s", st, b), r[2+i].text)
		}
		f.put("fu.share/"+b, r[2+len(domain.ShownStatuses)].text)
	}
	lawGUIFigures(e, f)
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
			"reg.nodeep": "overview.col.no_deepened", "reg.gaps": "overview.col.gaps", "reg.below": "overview.col.below_base",
			"reg.flagged": "overview.col.flagged"} {
			f.put(key+"/"+b, r[cols[loc.T(col)]].text)
		}
	}
	// The policy's general requirements: "8 av 13" met of applicable, then the counts.
	rcols := map[string]int{}
	for i, c := range v.reqs.table.cols {
		rcols[c.title] = i
	}
	for _, r := range append(slices.Clone(v.reqs.table.rows), v.reqs.table.total) {
		b := boardOf(loc, r[0].text)
		putMetOf(f, b, r[rcols[loc.T("overview.col.req_met_of")]].text)
		f.put("req.notmet/"+b, r[rcols[loc.T("overview.col.req_not_met")]].text)
	}
	return f
}

// putMetOf reads "8 av 13" (met of applicable).
func putMetOf(f viewFigures, board, s string) {
	if m := regexp.MustCompile(`^(\d+) (?:av|of) (\d+)$`).FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		f["req.met/"+board], f["req.applicable/"+board] = m[1], m[2]
	}
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
		for _, st := range domain.ShownStatuses {
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

	lawTableFigures(e, sheets, f)

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
			"reg.nodeep": "overview.col.no_deepened", "reg.gaps": "overview.col.gaps", "reg.below": "overview.col.below_base",
			"reg.flagged": "overview.col.flagged"} {
			x, ok := get(reg, r, col)
			put(key+"/"+b, x, ok)
		}
	}

	req := sheets[loc.T("exports.sheet.requirements")]
	for _, r := range req.rows {
		b := boardOf(loc, r[0])
		for key, col := range map[string]string{"req.met": "overview.col.req_met", "req.applicable": "overview.col.req_applicable",
			"req.notmet": "overview.col.req_not_met"} {
			x, ok := get(req, r, col)
			put(key+"/"+b, x, ok)
		}
	}
	return f
}
