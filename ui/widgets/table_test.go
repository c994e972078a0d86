package widgets

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/i18n"
)

// names sorts with Swedish collation: å, ä, ö after z.
var names = []string{"Örebro", "Alingsås", "Ängelholm", "Åre", "Borås", "Zinkgruvan"}

func newTestTable(t *testing.T, onKey func(*fyne.KeyEvent) bool) (*Table, *[]int) {
	t.Helper()
	test.NewTempApp(t)
	loc := i18n.New(i18n.Swedish)
	picked := &[]int{}
	cols := []Column{
		{Title: "Namn", Weight: 2, Min: 8, Text: func(i int) string { return names[i] },
			Less: func(a, b int) bool { return loc.Compare(names[a], names[b]) < 0 }},
		{Title: "Längd", Min: 4, Align: fyne.TextAlignTrailing, Text: func(i int) string { return string(rune('0' + len([]rune(names[i])))) },
			Less: func(a, b int) bool { return len([]rune(names[a])) < len([]rune(names[b])) }},
		{Title: "Fast", Min: 4, Text: func(int) string { return "" }},
	}
	mark := func(i int) fyne.Resource {
		if i == 1 {
			return theme.ErrorIcon()
		}
		return nil
	}
	tb := NewTable(TableConfig{Columns: cols, Count: func() int { return len(names) }, Mark: mark,
		OnSelect: func(i int) { *picked = append(*picked, i) }, OnKey: onKey})
	w := test.NewWindow(tb.Object())
	w.Resize(fyne.NewSize(600, 400))
	t.Cleanup(w.Close)
	return tb, picked
}

func shown(tb *Table) []string {
	var out []string
	for _, i := range tb.Order() {
		out = append(out, names[i])
	}
	return out
}

func TestTableSort(t *testing.T) {
	tests := []struct {
		name string
		taps []int
		want []string
	}{
		{"data order", nil, names},
		{"by name, Swedish collation", []int{0}, []string{"Alingsås", "Borås", "Zinkgruvan", "Åre", "Ängelholm", "Örebro"}},
		{"by name, reversed", []int{0, 0}, []string{"Örebro", "Ängelholm", "Åre", "Zinkgruvan", "Borås", "Alingsås"}},
		{"by length, stable", []int{0, 1}, []string{"Åre", "Borås", "Örebro", "Alingsås", "Ängelholm", "Zinkgruvan"}},
		{"unsortable column keeps data order", []int{2}, names},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, _ := newTestTable(t, nil)
			for _, c := range tc.taps {
				test.Tap(tb.Head(c))
			}
			if got := shown(tb); !slices.Equal(got, tc.want) {
				t.Errorf("order %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTableSelectionKept(t *testing.T) {
	tb, picked := newTestTable(t, nil)
	tb.list.Select(2) // the user picks Ängelholm
	if tb.Selected() != 2 || !slices.Equal(*picked, []int{2}) {
		t.Fatalf("selected %d, onSelect got %v; want 2, [2]", tb.Selected(), *picked)
	}
	for _, c := range []int{0, 0, 1} {
		test.Tap(tb.Head(c))
		if tb.Selected() != 2 {
			t.Fatalf("after sorting by %d the selection is %d, want 2", c, tb.Selected())
		}
	}
	tb.SelectData(-1)
	tb.SelectData(4)
	if tb.Selected() != 4 || len(*picked) != 1 {
		t.Errorf("SelectData: selected %d, onSelect calls %v; want 4 and no new call", tb.Selected(), *picked)
	}
	tb.SelectData(-1)
	if tb.Selected() != -1 {
		t.Errorf("SelectData(-1) left %d selected", tb.Selected())
	}
}

func TestTableMarksAndCells(t *testing.T) {
	tb, _ := newTestTable(t, nil)
	test.Tap(tb.Head(0))
	row := tb.createRow()
	for v, i := range tb.Order() {
		tb.updateRow(v, row)
		objs := row.(*fyne.Container).Objects
		wantIcon := fyne.Resource(nil)
		if i == 1 {
			wantIcon = theme.ErrorIcon()
		}
		if got := objs[0].(*widget.Icon).Resource; got != wantIcon {
			t.Errorf("row %d (%s): mark %v, want %v", v, names[i], got, wantIcon)
		}
		if got := objs[1].(*widget.Label).Text; got != names[i] {
			t.Errorf("row %d: cell %q, want %q", v, got, names[i])
		}
	}
}

func TestTableKeys(t *testing.T) {
	tests := []struct {
		name  string
		key   fyne.KeyName
		taken bool
	}{
		{"app key taken", fyne.KeyPageDown, true},
		{"list key passed on", fyne.KeyDown, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var seen []fyne.KeyName
			tb, _ := newTestTable(t, func(ev *fyne.KeyEvent) bool {
				seen = append(seen, ev.Name)
				return ev.Name == fyne.KeyPageDown
			})
			tb.list.TypedKey(&fyne.KeyEvent{Name: tc.key})
			if !slices.Equal(seen, []fyne.KeyName{tc.key}) {
				t.Errorf("onKey saw %v, want [%s]", seen, tc.key)
			}
		})
	}
}

func TestColumnsLayoutWidths(t *testing.T) {
	test.NewTempApp(t)
	text, icon := theme.TextSize(), theme.IconInlineSize()+theme.Padding()
	cols := []Column{{Weight: 1, Min: 2}, {Weight: 3, Min: 2}}
	tests := []struct {
		name  string
		lay   ColumnsLayout
		width float32
		want  []float32
	}{
		{"free width shared by weight", ColumnsLayout{Columns: cols}, icon + 4*text + 40, []float32{icon, 2*text + 10, 2*text + 30}},
		{"no icon", ColumnsLayout{Columns: cols, NoIcon: true}, 4*text + 40, []float32{0, 2*text + 10, 2*text + 30}},
		{"hard columns keep their minimum", ColumnsLayout{Columns: cols}, icon + 2*text, []float32{icon, 2 * text, 2 * text}},
		{"soft columns shrink together", ColumnsLayout{Columns: cols, Soft: true}, icon + 2*text, []float32{icon, text, text}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.lay.widths(tc.width)
			for i := range got {
				if d := got[i] - tc.want[i]; d > 0.01 || d < -0.01 {
					t.Fatalf("widths %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// TestTableKeyboardSort sorts from the keyboard: a sortable title is in the Tab order and
// sorts on Space and Enter; one that does not sort is left out of the Tab order.
func TestTableKeyboardSort(t *testing.T) {
	tb, _ := newTestTable(t, nil)
	h := tb.heads[0]
	if h.Disabled() || !tb.heads[2].Disabled() {
		t.Fatal("a sortable title must be focusable, the others not")
	}
	h.FocusGained()
	h.TypedRune(' ')
	if got := shown(tb); got[0] != "Alingsås" {
		t.Errorf("Space: order %v", got)
	}
	h.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := shown(tb); got[0] != "Örebro" {
		t.Errorf("Enter: order %v", got)
	}
	h.TypedRune('x')
	if got := shown(tb); got[0] != "Örebro" {
		t.Errorf("another key sorted: %v", got)
	}
	h.FocusLost()
}

// A total row stays last whatever the sort and the filter; the filter matches any cell's
// text, case ignored; a link cell runs its action, other cells choose the row.
func TestTablePinnedFilterAndLinks(t *testing.T) {
	test.NewTempApp(t)
	loc := i18n.New(i18n.Swedish)
	rows := append(slices.Clone(names), "Summa")
	var tapped []int
	var picked []int
	cols := []Column{
		{Title: "Namn", Min: 8, Text: func(i int) string { return rows[i] },
			Less:  func(a, b int) bool { return loc.Compare(rows[a], rows[b]) < 0 },
			Style: func(i int) CellStyle { return CellStyle{Bold: i == len(rows)-1} }},
		{Title: "Länk", Min: 4, Text: func(i int) string { return "→" }, Tap: func(i int) func() {
			if i%2 == 1 {
				return nil
			}
			return func() { tapped = append(tapped, i) }
		}},
	}
	tb := NewTable(TableConfig{Columns: cols, Count: func() int { return len(rows) }, Pinned: 1, Scroll: true,
		OnSelect: func(i int) { picked = append(picked, i) }})
	w := test.NewWindow(tb.Object())
	w.Resize(fyne.NewSize(600, 400))
	defer w.Close()
	last := func() string { o := tb.Order(); return rows[o[len(o)-1]] }

	tb.SortBy(0)
	tb.SortBy(0)
	if got := tb.Order(); rows[got[0]] != "Örebro" || last() != "Summa" {
		t.Errorf("sorted the other way: %v", got)
	}
	if n := tb.SetFilter("ÅS"); n != 2 || tb.Shown() != 2 || len(tb.Order()) != 3 || last() != "Summa" {
		t.Errorf("filter ÅS: %d shown, order %v", n, tb.Order())
	}
	if n := tb.SetFilter(""); n != len(names) {
		t.Errorf("no filter: %d shown", n)
	}
	tb.SortBy(1) // no Less: no sort
	if got := tb.Order(); rows[got[0]] != "Örebro" {
		t.Errorf("a column without Less sorted: %v", got)
	}
	v := slices.Index(tb.Order(), 0) // Örebro, data row 0: a link
	tb.TapCell(v, 1)
	if !slices.Equal(tapped, []int{0}) || len(picked) != 0 {
		t.Errorf("link: tapped %v, picked %v", tapped, picked)
	}
	v = slices.Index(tb.Order(), 1) // Alingsås: no link there, so the row is chosen
	tb.TapCell(v, 1)
	tb.TapCell(slices.Index(tb.Order(), 2), 0)
	if !slices.Equal(picked, []int{1, 2}) || tb.Selected() != 2 {
		t.Errorf("picked %v, selected %d", picked, tb.Selected())
	}
	row := tb.createRow()
	tb.updateRow(len(rows)-1, row)
	if l := row.(*fyne.Container).Objects[0].(*widget.Label); l.Text != "Summa" || !l.TextStyle.Bold {
		t.Errorf("total cell %q bold %v", l.Text, l.TextStyle.Bold)
	}
	if _, ok := row.(*fyne.Container).Objects[1].(*tapCell); !ok {
		t.Error("a link column's cell is no tapCell")
	}

	// More rows: Refresh orders them; new columns: the table is made again.
	rows = append(rows[:len(rows)-1], "Ystad", "Summa")
	tb.Refresh()
	if len(tb.Order()) != len(rows) || last() != "Summa" {
		t.Errorf("after a row was added: %v", tb.Order())
	}
	tb.SetColumns(cols[:1])
	if len(tb.Columns()) != 1 || len(tb.heads) != 1 || rows[tb.Order()[0]] != "Örebro" {
		t.Errorf("after SetColumns: %d columns, order %v", len(tb.Columns()), tb.Order())
	}
}

// Without OnSelect a tapped row is not left selected (the overview's tables).
func TestTableWithoutSelection(t *testing.T) {
	test.NewTempApp(t)
	tb := NewTable(TableConfig{Columns: []Column{{Title: "Namn", Min: 8, Text: func(i int) string { return names[i] }}},
		Count: func() int { return len(names) }})
	tb.TapCell(1, 0)
	tb.SelectData(2)
	if tb.Selected() != -1 {
		t.Errorf("selected %d", tb.Selected())
	}
}

func TestSettersKeepOnChangedQuiet(t *testing.T) {
	test.NewTempApp(t)
	calls := 0
	count := func() { calls++ }
	e := widget.NewEntry()
	e.OnChanged = func(string) { count() }
	d := widget.NewDateEntry()
	d.OnChanged = func(*time.Time) { count() }
	s := widget.NewSelect([]string{"a", "b"}, func(string) { count() })
	c := widget.NewCheck("x", func(bool) { count() })

	SetText(e, "hej")
	SetDate(d, time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC))
	SetSelected(s, 1)
	SetChecked(c, true)
	if calls != 0 || e.Text != "hej" || d.Date == nil || s.SelectedIndex() != 1 || !c.Checked {
		t.Fatalf("calls %d, entry %q, date %v, select %d, check %v", calls, e.Text, d.Date, s.SelectedIndex(), c.Checked)
	}
	SetDate(d, time.Time{})
	SetSelected(s, -1)
	if calls != 0 || d.Date != nil || s.SelectedIndex() != -1 {
		t.Errorf("clearing: calls %d, date %v, select %d", calls, d.Date, s.SelectedIndex())
	}
	e.SetText("du") // the user's change still reaches OnChanged
	if calls != 1 {
		t.Errorf("OnChanged not restored: %d calls", calls)
	}
}
