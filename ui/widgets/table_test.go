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
	tb := NewTable(onKey, cols, func() int { return len(names) }, mark, func(i int) { *picked = append(*picked, i) })
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
