package xlsx

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestColName(t *testing.T) {
	for col, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := colName(col); got != want {
			t.Errorf("colName(%d) = %s, want %s", col, got, want)
		}
	}
}

func TestSerial(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), "61"},
		{time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC), "46461"},
		{time.Date(2027, 3, 15, 12, 0, 0, 0, time.UTC), "46461.5"},
	} {
		if got := serial(tc.t); got != tc.want {
			t.Errorf("serial(%v) = %s, want %s", tc.t, got, tc.want)
		}
	}
}

func TestNewSheetRefuses(t *testing.T) {
	w := &Workbook{}
	if _, err := w.NewSheet("Resurser"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"", "resurser", "a/b", "[x]", "1234567890123456789012345678901x", "'a", "a'"} {
		if _, err := w.NewSheet(name); err == nil {
			t.Errorf("sheet name %q accepted", name)
		}
	}
	s, _ := w.NewSheet("Annat")
	if err := s.Set(0, 0, struct{}{}, 0); err == nil {
		t.Error("a struct was written to a cell")
	}
}

// A workbook read back by an independent reader (excelize) has the sheets, values, types,
// styles, widths, frozen header, filter and properties written.
func TestReadBack(t *testing.T) {
	created := time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)
	w := &Workbook{Props: Props{Title: "Översikt 2027 <&>", Subject: "Ämne", Creator: "Handlingsplan", Language: "sv", Created: created}}
	head := w.Style(Style{Bold: true, Color: "17365D", Fill: "DDE5EF", Top: true, Wrap: true, BorderBottom: "A6ADB4"})
	kr := w.Style(Style{Top: true, NumFmt: `#,##0 "kr"`})
	date := w.Style(Style{NumFmt: "yyyy-mm-dd"})
	if again := w.Style(Style{Top: true, NumFmt: `#,##0 "kr"`}); again != kr {
		t.Errorf("the same style got numbers %d and %d", kr, again)
	}
	s, _ := w.NewSheet("Åtgärder 'x' y")
	s.FreezeHeader, s.AutoFilter = true, true
	d := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	rows := [][]any{
		{"Nämnd", "Kostnad", "Start", "Andel"},
		{"Socialnämnden \x01 (åäö) & <b>", int64(1234567), d, 0.25},
		{"Tom", nil, nil, int(3)},
	}
	for r, row := range rows {
		for c, v := range row {
			style := 0
			switch {
			case r == 0:
				style = head
			case c == 1:
				style = kr
			case c == 2:
				style = date
			}
			if err := s.Set(r, c, v, style); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.SetColWidth(0, 30)
	s.SetColWidth(1, 12.5)
	s.SetRowHeight(0, 30)
	second, _ := w.NewSheet("Tom")
	second.Set(0, 0, "ensam", 0)
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Åtgärder 'x' y" || got[1] != "Tom" {
		t.Fatalf("sheets %v", got)
	}
	sh := "Åtgärder 'x' y"
	for cell, want := range map[string]string{"A1": "Nämnd", "A2": "Socialnämnden \uFFFD (åäö) & <b>", "B2": "1 234 567 kr", "C2": "2027-03-15", "D3": "3", "B3": ""} {
		got, err := f.GetCellValue(sh, cell)
		if cell == "B2" {
			got, err = f.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
			want = "1234567"
		}
		if err != nil || got != want {
			t.Errorf("%s = %q, want %q (%v)", cell, got, want, err)
		}
	}
	if typ, _ := f.GetCellType(sh, "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("B2 is of type %v, not a number", typ)
	}
	if id, _ := f.GetCellStyle(sh, "A1"); id != head {
		t.Errorf("A1 style %d, want %d", id, head)
	} else if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold || st.Fill.Pattern != 1 || len(st.Border) != 1 ||
		st.Border[0].Type != "bottom" || st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "top" {
		t.Errorf("header style %+v, %v", st, err)
	}
	if id, _ := f.GetCellStyle(sh, "B2"); id != kr {
		t.Errorf("B2 style %d", id)
	} else if st, _ := f.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != `#,##0 "kr"` {
		t.Errorf("kronor format %+v", st.CustomNumFmt)
	}
	if w, _ := f.GetColWidth(sh, "B"); w != 12.5 {
		t.Errorf("column B width %v", w)
	}
	if h, _ := f.GetRowHeight(sh, 1); h != 30 {
		t.Errorf("row 1 height %v", h)
	}
	if p, err := f.GetPanes(sh); err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v", p, err)
	}
	filtered := false
	for _, dn := range f.GetDefinedName() {
		filtered = filtered || dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sh && dn.RefersTo == "'Åtgärder ''x'' y'!$A$1:$D$3"
	}
	if !filtered {
		t.Errorf("no autofilter on %s: %+v", sh, f.GetDefinedName())
	}
	props, err := f.GetDocProps()
	if err != nil || props.Title != "Översikt 2027 <&>" || props.Creator != "Handlingsplan" || props.Language != "sv" || props.Created != "2026-11-27T10:30:00Z" {
		t.Errorf("properties %+v, %v", props, err)
	}
}

func TestNoSheets(t *testing.T) {
	if _, err := (&Workbook{}).Bytes(); err == nil {
		t.Error("a workbook without sheets was written")
	}
}
