// Package exports makes the coordinator's consolidated exports of a year's overview: the report
// for kommunstyrelsen (PDF, optionally signed), an Excel workbook, CSV files, a calendar of
// the training and information events (.ics) and each board's biennial follow-up protocol.
// The workbook and the CSV files are written from the same tables, so they hold the same
// numbers; the desktop app and the command line call the same functions.
package exports

import (
	"math"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/i18n"
)

// Kind is what a column holds, which decides the cell type and format in the workbook and the
// notation in CSV.
type Kind int

const (
	KindText    Kind = iota
	KindInt          // a count or whole hours
	KindKronor       // whole kronor
	KindDate         // a calendar date
	KindDecimal      // one decimal, e.g. full-time equivalents
	KindPercent      // a share 0..1
)

// Column is one column of a table.
type Column struct {
	Title string
	Kind  Kind
	Width float64 // in characters, for the workbook
}

// Table is one topic of the overview as rows and columns. A cell is string, int64, float64,
// time.Time, or nil for an empty cell.
type Table struct {
	Name    string // sheet name and CSV file name (without extension)
	Columns []Column
	Rows    [][]any
	// TotalRow marks the last row as the kommun total.
	TotalRow bool
}

// Tables are the overview's topics, in the order the workbook shows them: submissions,
// activities, resources, goal matrix, trainings, follow-up and register.
func Tables(o *overview.Overview) []Table {
	t := tabler{o: o, loc: o.Loc()}
	return append([]Table{t.submissions(), t.activities(), t.resources(), t.goals(), t.trainings(), t.followUp(), t.register(), t.requirements()},
		t.lawTables()...)
}

type tabler struct {
	o   *overview.Overview
	loc *i18n.Localizer
}

func (t tabler) col(key string, k Kind, w float64) Column {
	return Column{Title: t.loc.T(key), Kind: k, Width: w}
}

// date is a cell for t: empty when unset.
func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (t tabler) yesNo(b bool) string {
	if b {
		return t.loc.T("overview.yes")
	}
	return t.loc.T("overview.no")
}

func (t tabler) submissions() Table {
	tb := Table{Name: t.loc.T("exports.sheet.submissions"), Columns: []Column{
		t.col("overview.col.board", KindText, 32),
		t.col("overview.col.status", KindText, 16),
		t.col("overview.col.version", KindInt, 9),
		t.col("overview.col.versions", KindInt, 11),
		t.col("overview.col.signed_by", KindText, 24),
		t.col("overview.col.signed", KindDate, 12),
		t.col("overview.col.imported", KindDate, 12),
		t.col("overview.col.trusted", KindText, 10),
		t.col("overview.col.problems", KindText, 60),
	}}
	for _, r := range t.o.Submissions {
		if !r.Received {
			tb.Rows = append(tb.Rows, []any{r.Board, t.loc.T("overview.sub.not_received"), nil, int64(len(r.Versions)), nil, nil, nil, nil, nil})
			continue
		}
		tb.Rows = append(tb.Rows, []any{r.Board, t.loc.Tf("overview.sub.received", "Version", r.Current.Version), int64(r.Current.Version),
			int64(len(r.Versions)), r.Current.SignerName, date(r.Current.SignedAt), date(r.Current.ImportedAt), t.yesNo(r.Current.Trusted),
			problemText(t.loc, r.Problems)})
	}
	return tb
}

// problemText lists a submission's problems in one line, each naming what it is about.
func problemText(loc *i18n.Localizer, ps []overview.Problem) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, p.Text(loc))
	}
	return strings.Join(parts, " ")
}

func goalList(gs []int) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = strconv.Itoa(g)
	}
	return strings.Join(parts, ", ")
}

func (t tabler) keyOr(key, fallback string) string {
	if t.loc.Has(key) {
		return t.loc.T(key)
	}
	return fallback
}

func (t tabler) activities() Table {
	tb := Table{Name: t.loc.T("exports.sheet.activities"), Columns: []Column{
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.number", KindInt, 6),
		t.col("overview.col.activity", KindText, 44),
		t.col("overview.col.goals", KindText, 10),
		t.col("overview.col.priority", KindText, 10),
		t.col("overview.col.responsible", KindText, 24),
		t.col("overview.col.start", KindDate, 12),
		t.col("overview.col.end", KindDate, 12),
		t.col("field.internal_hours", KindInt, 12),
		t.col("field.external_hours", KindInt, 12),
		t.col("field.operating_cost", KindKronor, 14),
		t.col("field.investment", KindKronor, 14),
		t.col("overview.col.description", KindText, 60),
	}}
	for _, r := range t.o.Activities {
		a := r.Activity
		tb.Rows = append(tb.Rows, []any{r.Board, int64(a.Position), a.Title, goalList(a.Goals),
			t.keyOr("priority."+strconv.Itoa(int(a.Priority)), ""), a.Responsible, date(a.Start), date(a.End),
			a.InternalHours, a.ExternalHours, a.OperatingCost, a.Investment, a.Description})
	}
	return tb
}

func (t tabler) resources() Table {
	tb := Table{Name: t.loc.T("exports.sheet.resources"), TotalRow: true, Columns: []Column{
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.activities", KindInt, 10),
		t.col("field.internal_hours", KindInt, 12),
		t.col("field.external_hours", KindInt, 12),
		t.col("overview.metric.hours", KindInt, 12),
		t.col("overview.col.fte", KindDecimal, 12),
		t.col("field.operating_cost", KindKronor, 14),
		t.col("field.investment", KindKronor, 14),
		t.col("overview.metric.kronor", KindKronor, 14),
	}}
	for q := 1; q <= 4; q++ {
		tb.Columns = append(tb.Columns,
			Column{Title: t.loc.Tf("overview.col.quarter_hours", "Quarter", t.loc.Quarter(q)), Kind: KindInt, Width: 12},
			Column{Title: t.loc.Tf("overview.col.quarter_kronor", "Quarter", t.loc.Quarter(q)), Kind: KindKronor, Width: 14})
	}
	tb.Columns = append(tb.Columns,
		t.col("overview.col.last_hours", KindInt, 14),
		t.col("overview.col.last_kronor", KindKronor, 16),
		t.col("overview.col.change_kronor", KindKronor, 16),
		t.col("overview.col.last_source", KindText, 30),
		t.col("overview.col.remark", KindText, 40))
	hpf := t.o.Profile.HoursPerFTE
	add := func(name string, r overview.ResourceRow, change any, source, remark string) {
		var row []any
		if r.Received {
			row = []any{name, int64(r.Activities), r.Year.InternalHours, r.Year.ExternalHours, r.Year.Hours(), fte(r.Year.Hours(), hpf),
				r.Year.OperatingCost, r.Year.Investment, r.Year.Kronor()}
			for _, q := range r.Quarters {
				row = append(row, q.Hours(), q.Kronor())
			}
		} else {
			// Not sent: this year's cells stay empty (unknown is not zero), the remark says why.
			row = []any{name, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil}
		}
		if r.LastSource == overview.LastNone {
			row = append(row, nil, nil, nil, source)
		} else {
			row = append(row, r.Last.Hours(), r.Last.Kronor(), change, source)
		}
		tb.Rows = append(tb.Rows, append(row, remark))
	}
	for _, r := range t.o.Resources.Rows {
		var change any
		if d, ok := r.Change(overview.MetricKronor); ok {
			change = d
		}
		remark := ""
		if !r.Received {
			remark = t.loc.Tf("overview.resources.not_received", "Year", t.o.Year)
		}
		add(r.Board, r, change, t.lastSource(r.LastSource), remark)
	}
	var change any
	if d, ok := t.o.Resources.TotalChange(overview.MetricKronor); ok {
		change = d
	}
	add(t.loc.T("overview.total"), t.o.Resources.Total, change, "", LastOnlyNote(t.loc, t.o))
	return tb
}

// LastOnlyNote says which boards' last year the kommun total of last year includes although
// they have not sent this year's plan ("" when there are none): the two totals then cover
// different boards, and the change compares only the boards that have both.
func LastOnlyNote(loc *i18n.Localizer, o *overview.Overview) string {
	var parts []string
	for _, r := range o.Resources.LastOnly() {
		parts = append(parts, loc.Tf("overview.resources.last_only_board", "Board", r.Board, "Kronor", loc.Kronor(r.Last.Kronor())))
	}
	if len(parts) == 0 {
		return ""
	}
	return loc.Tf("overview.resources.last_only", "Boards", strings.Join(parts, ", "), "Count", len(parts), "Year", o.Year, "Last", o.Year-1)
}

func (t tabler) lastSource(s overview.LastSource) string {
	if s == overview.LastNone {
		return t.loc.T("overview.last.none")
	}
	return t.loc.T("overview.last." + string(s))
}

// fte is hours in full-time equivalents, rounded to one decimal as the report prints them.
func fte(hours int64, perFTE int) float64 {
	if perFTE <= 0 {
		return 0
	}
	return math.Round(float64(hours)/float64(perFTE)*10) / 10
}

func (t tabler) goals() Table {
	m := t.o.Goals
	tb := Table{Name: t.loc.T("exports.sheet.goals"), TotalRow: true, Columns: []Column{t.col("overview.col.board", KindText, 30)}}
	for _, g := range m.Goals {
		tb.Columns = append(tb.Columns, Column{Title: t.loc.Tf("overview.col.goal", "Goal", g.Number), Kind: KindInt, Width: 8})
	}
	tb.Columns = append(tb.Columns, t.col("overview.col.empty_cells", KindInt, 12))
	for bi, b := range m.Boards {
		row := []any{b}
		empty := int64(0)
		for gi := range m.Goals {
			n := m.Counts[bi][gi]
			row = append(row, int64(n))
			if n == 0 {
				empty++
			}
		}
		tb.Rows = append(tb.Rows, append(row, empty))
	}
	total := []any{t.loc.T("overview.total")}
	for _, n := range m.Totals {
		total = append(total, int64(n))
	}
	tb.Rows = append(tb.Rows, append(total, int64(m.Empty())))
	return tb
}
