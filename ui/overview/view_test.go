package overview

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

var shared struct {
	dir string
	err error
}

func TestMain(m *testing.M) {
	shared.dir, shared.err = os.MkdirTemp("", "ui-overview-test-")
	code := m.Run()
	if s, err := demoStore(); err == nil && s != nil {
		s.Close()
	}
	if shared.err == nil {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// demoStore is the coordinator demo for 2027, shared by the tests (making it signs eighteen
// submissions). Tests that write (notes, deadline) use boards and years the others do not read.
var demoStore = sync.OnceValues(func() (*data.Store, error) {
	if shared.err != nil {
		return nil, shared.err
	}
	s, err := data.Open(filepath.Join(shared.dir, "coordinator.db"), "samordnare")
	if err != nil {
		return nil, err
	}
	prof, err := domain.DefaultProfile()
	if err != nil {
		return nil, err
	}
	if err := s.EnsureProfile(prof); err != nil {
		return nil, err
	}
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	if _, err := coorddemo.Generate(s, coorddemo.Options{Year: 2027, WorkDir: filepath.Join(shared.dir, "work"), Now: time.Now()}); err != nil {
		return nil, err
	}
	// A fixed deadline, so screenshots and texts do not depend on the day the tests run.
	if err := ov.SetDeadline(s, 2027, now.AddDate(0, 0, 14)); err != nil {
		return nil, err
	}
	return s, nil
})

// newView builds the overview in a test window of the given size.
func newView(t *testing.T, lang i18n.Lang) (*View, fyne.Window) {
	t.Helper()
	s, err := demoStore()
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := New(Env{Window: w, Store: s, Loc: i18n.New(lang), ConfigDir: t.TempDir(), AppVersion: "test",
		Now: func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }})
	w.SetContent(v.Build())
	w.Resize(fyne.NewSize(1280, 800))
	return v, w
}

func TestBuildShowsNewestYear(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	if v.year != 2027 || v.yearSel.Selected != "2027" {
		t.Fatalf("year %d (%q), want 2027", v.year, v.yearSel.Selected)
	}
	rows := v.subs.table.texts()
	if len(rows) != 9 {
		t.Fatalf("%d submission rows, want 9", len(rows))
	}
	if !strings.Contains(v.subs.summary.Text, "8 av 9 nämnder") || !strings.Contains(v.subs.summary.Text, coorddemo.MissingBoard) {
		t.Errorf("summary %q", v.subs.summary.Text)
	}
	if v.daysLeft.Text != "14 dagar kvar" || v.deadline.Text != "2026-12-11" {
		t.Errorf("deadline %q, %q", v.deadline.Text, v.daysLeft.Text)
	}
	// The board that has not submitted stands out.
	for i, r := range v.subs.table.rows {
		if r[0].text == coorddemo.MissingBoard && (!r[0].warn || !r[1].warn) {
			t.Errorf("row %d of the missing board does not stand out", i)
		}
	}
}

// Tapping a figure lists the rows behind it, and they add up to the figure.
func TestDrillDown(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	tab := v.res
	total := tab.table.shown() // the total row comes after the shown rows
	tests := []struct {
		name string
		col  int
		want int64
		sum  func(ov.Rows) int64
	}{
		{"activities", 1, int64(v.o.Resources.Total.Activities), func(r ov.Rows) int64 { return int64(len(r.Activities)) }},
		{"quarter 2", 3, v.o.Resources.Total.Quarters[1].Kronor(), kronorOf},
		{"year", 6, v.o.Resources.Total.Year.Kronor(), kronorOf},
		{"last year", 7, v.o.Resources.Total.Last.Kronor(), kronorOf},
	}
	for _, tc := range tests {
		v.lastDrill = nil
		tab.table.tapCell(total, tc.col)
		if v.lastDrill == nil {
			t.Fatalf("%s: tapping the figure showed nothing", tc.name)
		}
		if got := tc.sum(v.lastDrill.rows); got != tc.want {
			t.Errorf("%s: rows add up to %d, figure %d", tc.name, got, tc.want)
		}
	}
	// An empty goal cell is marked and is not a link; a filled one lists its activities.
	g := v.goals.table
	for ri, r := range g.rows {
		for ci, c := range r[1 : len(r)-1] {
			n := v.o.Goals.Counts[ri][ci]
			if (n == 0) != (c.text == "–" && c.warn && c.drill == nil) {
				t.Errorf("goal cell %d,%d: %+v for %d", ri, ci, c, n)
			}
			if n > 0 {
				title, rows := c.drill()
				if len(rows.Activities) != n || title == "" {
					t.Errorf("goal cell %d,%d lists %d rows, figure %d", ri, ci, len(rows.Activities), n)
				}
			}
		}
	}
	// Register figures list their systems.
	v.lastDrill = nil
	gapsCol := slices.IndexFunc(v.reg.table.cols, func(c column) bool { return c.title == v.loc.T("overview.col.gaps") })
	v.reg.table.tapCell(v.reg.table.shown(), gapsCol)
	if v.lastDrill == nil || len(v.lastDrill.rows.Systems) != v.o.Register.Total.Gaps {
		t.Errorf("gaps drill-down: %+v", v.lastDrill)
	}
}

func kronorOf(r ov.Rows) int64 {
	var n int64
	for _, a := range r.Activities {
		n += a.Share.Kronor()
	}
	return n
}

func TestSortAndFilter(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	tb := v.subs.table
	first := func() string { return tb.texts()[0][0] }
	last := func() string { r := tb.texts(); return r[len(r)-1][0] }
	tb.sortBy(0)
	if first() != "Barn- och utbildningsnämnden" || last() != "Överförmyndarnämnden" {
		t.Errorf("ascending: %s … %s", first(), last())
	}
	tb.sortBy(0)
	if first() != "Överförmyndarnämnden" {
		t.Errorf("descending starts with %s", first())
	}
	tb.sortBy(2) // versions, numerically
	if r := tb.texts(); r[0][2] != "0" || r[len(r)-1][2] != "2" {
		t.Errorf("by versions: %v … %v", r[0], r[len(r)-1])
	}
	test.Type(tb.filter, "SOCIAL")
	if r := tb.texts(); len(r) != 1 || r[0][0] != "Socialnämnden" {
		t.Errorf("filtered: %v", r)
	}
	if !strings.Contains(tb.count.Text, "1 av 9") {
		t.Errorf("count %q", tb.count.Text)
	}
	tb.filter.SetText("")
	// A total row stays last whatever the sort and the filter.
	res := v.res.table
	res.sortBy(6)
	res.sortBy(6)
	test.Type(res.filter, "nämnden")
	rows := res.texts()
	if rows[len(rows)-1][0] != "Hela kommunen" {
		t.Errorf("last row %v", rows[len(rows)-1])
	}
}

func TestTimelineFilterAndZoom(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	g := v.gantt
	all := len(g.rows)
	if all != len(v.o.Activities) {
		t.Fatalf("timeline %d rows, %d activities", all, len(v.o.Activities))
	}
	g.board.SetSelected("Socialnämnden")
	for _, r := range g.rows {
		if r.Board != "Socialnämnden" {
			t.Fatalf("row of %s after filtering", r.Board)
		}
	}
	soc := len(g.rows)
	g.goal.SetSelected("Mål 1")
	for _, r := range g.rows {
		if !slices.Contains(r.Activity.Goals, 1) {
			t.Fatalf("row without goal 1: %v", r.Activity.Goals)
		}
	}
	if len(g.rows) > soc || soc == 0 || soc == all {
		t.Errorf("rows: all %d, one board %d, with goal 1 %d", all, soc, len(g.rows))
	}
	g.zoom.SetValue(0)
	narrow := g.pxPerDay()
	g.zoom.SetValue(float64(len(zoomSteps) - 1))
	if g.pxPerDay() <= narrow {
		t.Error("zooming in does not widen the days")
	}
}

func TestNote(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	e := v.editNote("Räddningsnämnden")
	if e == nil {
		t.Fatal("no editor")
	}
	e.checks[2].SetSelected("Nej")
	e.text.SetText("Övningen av reservrutinerna är inte gjord; påminnelse skickad.")
	if !e.save() {
		t.Fatal("not saved")
	}
	n, err := v.env.Store.CoordinatorNote("Räddningsnämnden", 2027)
	if err != nil || n.Checks[2] != domain.CheckNo || !strings.HasPrefix(n.Text, "Övningen") {
		t.Errorf("stored %+v, %v", n, err)
	}
	f, _ := v.o.FollowUpOf("Räddningsnämnden")
	if f.Note.Checks[2] != domain.CheckNo {
		t.Error("the overview was not reloaded")
	}
	for _, r := range v.follow.table.rows {
		if r[0].text == "Räddningsnämnden" && !r[len(r)-2].warn {
			t.Error("a check assessed No does not stand out")
		}
	}
}

func TestExportFromView(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	dir := t.TempDir()
	for _, name := range []string{"ks.pdf", "ks.xlsx", "ks.ics", "ks.zip"} {
		if _, err := v.export(filepath.Join(dir, name), exports.Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if err := v.exportCSVFolder(filepath.Join(dir, "csv")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "csv")); len(entries) != len(exports.Tables(v.o)) {
		t.Errorf("%d CSV files", len(entries))
	}
}

// texts returns the text of the shown rows, the total row last.
func (t *sortTable) texts() [][]string {
	var out [][]string
	for _, i := range t.table.Order() {
		var row []string
		for _, c := range t.row(i) {
			row = append(row, c.text)
		}
		out = append(out, row)
	}
	return out
}

// A deadline typed but not saved is saved when the shell leaves the view; a wrong date is not.
func TestFlushSavesDeadline(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	v.yearSel.SetSelected("2026")
	if v.year != 2026 || len(v.o.Plans) != 9 || len(v.o.Missing()) != 0 {
		t.Fatalf("2026: year %d, %d plans, %d missing", v.year, len(v.o.Plans), len(v.o.Missing()))
	}
	v.deadline.SetText("2027-11-15")
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if d := ov.Deadline(v.env.Store, 2026); d.Format(time.DateOnly) != "2027-11-15" {
		t.Errorf("deadline %v", d)
	}
	v.reload()
	v.deadline.SetText("15 november")
	if err := v.Flush(); err != nil {
		t.Fatal(err)
	}
	if d := ov.Deadline(v.env.Store, 2026); d.Format(time.DateOnly) != "2027-11-15" {
		t.Errorf("a wrong date changed the deadline to %v", d)
	}
	if v.daysLeft.Text != "353 dagar kvar" {
		t.Errorf("days left %q", v.daysLeft.Text)
	}
}

// Reload picks up what was imported since the view was built.
func TestReload(t *testing.T) {
	v, _ := newView(t, i18n.Swedish)
	// Written behind the view's back, as another part of the app would.
	if err := v.env.Store.SetCoordinatorNote(data.CoordinatorNote{Board: "Kommunstyrelsen", Year: 2027, Text: "Granskad."}); err != nil {
		t.Fatal(err)
	}
	if f, _ := v.o.FollowUpOf("Kommunstyrelsen"); f.Note.Text != "" {
		t.Fatal("the view saw the note before reloading")
	}
	v.Reload()
	if f, _ := v.o.FollowUpOf("Kommunstyrelsen"); f.Note.Text != "Granskad." || v.year != 2027 || !slices.Contains(v.yearSel.Options, "2026") {
		t.Errorf("after reload: note %q, year %d, years %v", f.Note.Text, v.year, v.yearSel.Options)
	}
	New(Env{}).Reload() // before Build: nothing to do
}
