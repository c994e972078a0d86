package exports

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"handlingsplan/app/overview"
)

// Number formats of the workbook. Excel and LibreOffice show the thousands separator and the
// decimal sign of the reader's locale, so a Swedish reader sees 1 234 567 kr.
const (
	fmtInt     = "#,##0"
	fmtKronor  = `#,##0 "kr"`
	fmtDate    = "yyyy-mm-dd"
	fmtDecimal = "#,##0.0"
	fmtPercent = "0%"
)

// Workbook is the overview as an Excel workbook: one sheet per table, the header row frozen
// and filterable, numbers and dates as real number and date cells.
func Workbook(o *overview.Overview, now time.Time) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	loc := o.Loc()
	styles, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	first := f.GetSheetName(0)
	for i, t := range Tables(o) {
		name := sheetName(t.Name)
		if i == 0 {
			if err := f.SetSheetName(first, name); err != nil {
				return nil, fmt.Errorf("workbook sheet %s: %w", name, err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("workbook sheet %s: %w", name, err)
		}
		if err := writeSheet(f, name, t, styles); err != nil {
			return nil, fmt.Errorf("workbook sheet %s: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    loc.Tf("exports.doc.title", "Kommun", o.Profile.Kommun, "Year", o.Year),
		Subject:  loc.Tf("exports.doc.subject", "Kommun", o.Profile.Kommun, "Year", o.Year),
		Creator:  loc.T("app.name"),
		Language: string(loc.Lang()),
		Created:  now.UTC().Format(time.RFC3339),
	}); err != nil {
		return nil, fmt.Errorf("workbook properties: %w", err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, fmt.Errorf("write workbook: %w", err)
	}
	return b.Bytes(), nil
}

// sheetName makes a valid sheet name: at most 31 characters, none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

type styles struct {
	header int
	byKind map[Kind]int
	total  map[Kind]int
}

func newStyles(f *excelize.File) (styles, error) {
	s := styles{byKind: map[Kind]int{}, total: map[Kind]int{}}
	var err error
	s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "17365D"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5EF"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "A6ADB4", Style: 1}},
	})
	if err != nil {
		return s, err
	}
	formats := map[Kind]string{KindInt: fmtInt, KindKronor: fmtKronor, KindDate: fmtDate, KindDecimal: fmtDecimal, KindPercent: fmtPercent}
	for _, k := range []Kind{KindText, KindInt, KindKronor, KindDate, KindDecimal, KindPercent} {
		st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
		if k == KindText {
			st.Alignment.WrapText = true
		}
		if nf, ok := formats[k]; ok {
			st.CustomNumFmt = &nf
		}
		if s.byKind[k], err = f.NewStyle(st); err != nil {
			return s, err
		}
		bold := *st
		bold.Font = &excelize.Font{Bold: true}
		bold.Border = []excelize.Border{{Type: "top", Color: "17365D", Style: 1}}
		if s.total[k], err = f.NewStyle(&bold); err != nil {
			return s, err
		}
	}
	return s, nil
}

func writeSheet(f *excelize.File, sheet string, t Table, st styles) error {
	header := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Title
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(t.Columns), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 30); err != nil {
		return err
	}
	for ri, r := range t.Rows {
		total := t.TotalRow && ri == len(t.Rows)-1
		for ci, c := range t.Columns {
			cell, err := excelize.CoordinatesToCellName(ci+1, ri+2)
			if err != nil {
				return err
			}
			var v any
			if ci < len(r) {
				v = r[ci]
			}
			if v != nil {
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					return fmt.Errorf("cell %s: %w", cell, err)
				}
			}
			style := st.byKind[c.Kind]
			if total {
				style = st.total[c.Kind]
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
		}
	}
	for ci, c := range t.Columns {
		col, err := excelize.ColumnNumberToName(ci + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, c.Width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	end, err := excelize.CoordinatesToCellName(len(t.Columns), max(len(t.Rows), 1)+1)
	if err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+end, nil)
}
