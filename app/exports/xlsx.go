package exports

import (
	"fmt"
	"strings"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/app/xlsx"
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
	loc := o.Loc()
	w := &xlsx.Workbook{Props: xlsx.Props{
		Title:    loc.Tf("exports.doc.title", "Kommun", o.Profile.Kommun, "Year", o.Year),
		Subject:  loc.Tf("exports.doc.subject", "Kommun", o.Profile.Kommun, "Year", o.Year),
		Creator:  loc.T("app.name"),
		Language: string(loc.Lang()),
		Created:  now,
	}}
	st := newStyles(w)
	for _, t := range Tables(o) {
		name := sheetName(t.Name)
		sh, err := w.NewSheet(name)
		if err != nil {
			return nil, fmt.Errorf("workbook sheet %s: %w", name, err)
		}
		if err := writeSheet(sh, t, st); err != nil {
			return nil, fmt.Errorf("workbook sheet %s: %w", name, err)
		}
	}
	b, err := w.Bytes()
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return b, nil
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

func newStyles(w *xlsx.Workbook) styles {
	s := styles{byKind: map[Kind]int{}, total: map[Kind]int{}}
	s.header = w.Style(xlsx.Style{Bold: true, Color: "17365D", Fill: "DDE5EF", Top: true, Wrap: true, BorderBottom: "A6ADB4"})
	formats := map[Kind]string{KindInt: fmtInt, KindKronor: fmtKronor, KindDate: fmtDate, KindDecimal: fmtDecimal, KindPercent: fmtPercent}
	for _, k := range []Kind{KindText, KindInt, KindKronor, KindDate, KindDecimal, KindPercent} {
		st := xlsx.Style{Top: true, Wrap: k == KindText, NumFmt: formats[k]}
		s.byKind[k] = w.Style(st)
		st.Bold, st.BorderTop = true, "17365D"
		s.total[k] = w.Style(st)
	}
	return s
}

func writeSheet(sh *xlsx.Sheet, t Table, st styles) error {
	for i, c := range t.Columns {
		if err := sh.Set(0, i, c.Title, st.header); err != nil {
			return err
		}
		sh.SetColWidth(i, c.Width)
	}
	sh.SetRowHeight(0, 30)
	for ri, r := range t.Rows {
		total := t.TotalRow && ri == len(t.Rows)-1
		for ci, c := range t.Columns {
			var v any
			if ci < len(r) {
				v = r[ci]
			}
			style := st.byKind[c.Kind]
			if total {
				style = st.total[c.Kind]
			}
			if err := sh.Set(ri+1, ci, v, style); err != nil {
				return err
			}
		}
	}
	sh.FreezeHeader, sh.AutoFilter = true, true
	return nil
}
