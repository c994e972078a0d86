// Package xlsx writes Office Open XML workbooks (.xlsx): sheets of text, number and date cells
// with styles (bold, colour, fill, a top or bottom border, wrapping, number formats), column
// widths, row heights, a frozen header row and an autofilter. It is what the coordinator's
// workbook export needs and no more.
//
// It replaces excelize, whose package initialisation (large tables for formulas and number
// formats the app never uses) took some 3 ms of every start of the program, the command line's
// included.
package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Style is how a cell looks. Colours are "RRGGBB".
type Style struct {
	Bold         bool
	Color        string // text colour
	Fill         string // solid background
	Wrap         bool   // wrap text in the cell
	Top          bool   // align to the top of the cell
	NumFmt       string // number format code, e.g. `#,##0 "kr"`; "" for General
	BorderTop    string // colour of a thin top border
	BorderBottom string // colour of a thin bottom border
}

// Props are the document properties readers show.
type Props struct {
	Title, Subject, Creator string
	Language                string // e.g. "sv"
	Created                 time.Time
}

// Workbook is a workbook being built.
type Workbook struct {
	Props  Props
	sheets []*Sheet
	styles []Style // style n+1 is styles[n]; 0 is the default
}

// Sheet is one sheet. Rows and columns are numbered from 0.
type Sheet struct {
	name       string
	cells      map[[2]int]cell
	rows, cols int
	widths     map[int]float64
	heights    map[int]float64
	// FreezeHeader keeps the first row in view when scrolling; AutoFilter puts filter buttons
	// on it, over the rows written.
	FreezeHeader, AutoFilter bool
}

type cell struct {
	v     any
	style int
}

// NewSheet adds a sheet. Its name must be unique, 1 to 31 characters, none of : \ / ? * [ ],
// and not begin or end with an apostrophe (Excel's rules).
func (w *Workbook) NewSheet(name string) (*Sheet, error) {
	if name == "" || len([]rune(name)) > 31 || strings.ContainsAny(name, `:\/?*[]`) || name[0] == '\'' || name[len(name)-1] == '\'' {
		return nil, fmt.Errorf("sheet name %q: 1 to 31 characters, none of : \\ / ? * [ ], no apostrophe first or last", name)
	}
	for _, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			return nil, fmt.Errorf("sheet name %q: used twice", name)
		}
	}
	s := &Sheet{name: name, cells: map[[2]int]cell{}, widths: map[int]float64{}, heights: map[int]float64{}}
	w.sheets = append(w.sheets, s)
	return s, nil
}

// Style returns the number of style s, to pass to Set.
func (w *Workbook) Style(s Style) int {
	if i := slices.Index(w.styles, s); i >= 0 {
		return i + 1
	}
	w.styles = append(w.styles, s)
	return len(w.styles)
}

// Set writes v into the cell at row, col: a string, an integer, a float64, a time.Time (as a
// date serial number; give it a date format) or nil for an empty cell that keeps its style.
func (s *Sheet) Set(row, col int, v any, style int) error {
	switch x := v.(type) {
	case nil, string, float64, time.Time:
	case int:
		v = int64(x)
	case int64:
	default:
		return fmt.Errorf("cell %s: a %T cannot be written", ref(row, col), v)
	}
	s.cells[[2]int{row, col}] = cell{v, style}
	s.rows, s.cols = max(s.rows, row+1), max(s.cols, col+1)
	return nil
}

// SetColWidth sets a column's width in characters.
func (s *Sheet) SetColWidth(col int, width float64) { s.widths[col] = width }

// SetRowHeight sets a row's height in points.
func (s *Sheet) SetRowHeight(row int, height float64) { s.heights[row] = height }

// ref is a cell's A1 name.
func ref(row, col int) string { return colName(col) + strconv.Itoa(row+1) }

func colName(col int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name
}

// excelEpoch is day 0 of the 1900 date system for every date after February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is t as a date serial number: days since excelEpoch, the time of day as a fraction.
func serial(t time.Time) string {
	return strconv.FormatFloat(float64(t.Sub(excelEpoch))/float64(24*time.Hour), 'f', -1, 64)
}

// Bytes writes the workbook.
func (w *Workbook) Bytes() ([]byte, error) {
	if len(w.sheets) == 0 {
		return nil, fmt.Errorf("workbook without sheets")
	}
	strs := map[string]int{}
	var strList []string
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	put := func(name, body string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: w.Props.Created})
		if err != nil {
			return err
		}
		_, err = f.Write([]byte(xml.Header + body))
		return err
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", w.contentTypes()},
		{"_rels/.rels", rels([][2]string{
			{"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"},
			{"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
		})},
		{"docProps/core.xml", w.core()},
		{"xl/workbook.xml", w.workbook()},
		{"xl/_rels/workbook.xml.rels", w.workbookRels()},
		{"xl/styles.xml", w.stylesXML()},
	}
	for i, s := range w.sheets {
		parts = append(parts, struct{ name, body string }{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml(i == 0, func(v string) int {
			n, ok := strs[v]
			if !ok {
				n = len(strList)
				strs[v] = n
				strList = append(strList, v)
			}
			return n
		})})
	}
	var sst strings.Builder
	fmt.Fprintf(&sst, `<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, len(strList), len(strList))
	for _, v := range strList {
		sst.WriteString(`<si><t xml:space="preserve">`)
		sst.WriteString(escape(v))
		sst.WriteString(`</t></si>`)
	}
	sst.WriteString(`</sst>`)
	parts = append(parts, struct{ name, body string }{"xl/sharedStrings.xml", sst.String()})
	for _, p := range parts {
		if err := put(p.name, p.body); err != nil {
			return nil, fmt.Errorf("write workbook part %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("write workbook: %w", err)
	}
	return b.Bytes(), nil
}

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// escape makes s XML text or an attribute value (quotes are escaped too); characters XML 1.0
// cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (w *Workbook) contentTypes() string {
	var b strings.Builder
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	for i := range w.sheets {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

func rels(targets [][2]string) string {
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, t := range targets {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, i+1, t[0], t[1])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (w *Workbook) core() string {
	p := w.Props
	created := p.Created.UTC().Format(time.RFC3339)
	return `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + escape(p.Title) + `</dc:title><dc:subject>` + escape(p.Subject) + `</dc:subject>` +
		`<dc:creator>` + escape(p.Creator) + `</dc:creator><dc:language>` + escape(p.Language) + `</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + created + `</dcterms:modified></cp:coreProperties>`
}

// quoteSheet is a sheet name as a formula names it.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

func (w *Workbook) workbook() string {
	var b, names strings.Builder
	fmt.Fprintf(&b, `<workbook xmlns="%s" xmlns:r="%s"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`, nsMain, nsRel)
	for i, s := range w.sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(s.name), i+1, i+1)
		if s.AutoFilter && s.cols > 0 {
			fmt.Fprintf(&names, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s!$A$1:$%s$%d</definedName>`,
				i, escape(quoteSheet(s.name)), colName(s.cols-1), max(s.rows, 2))
		}
	}
	b.WriteString(`</sheets>`)
	if names.Len() > 0 {
		b.WriteString(`<definedNames>` + names.String() + `</definedNames>`)
	}
	b.WriteString(`</workbook>`)
	return b.String()
}

func (w *Workbook) workbookRels() string {
	var t [][2]string
	for i := range w.sheets {
		t = append(t, [2]string{nsRel + "/worksheet", fmt.Sprintf("worksheets/sheet%d.xml", i+1)})
	}
	t = append(t, [2]string{nsRel + "/styles", "styles.xml"}, [2]string{nsRel + "/sharedStrings", "sharedStrings.xml"})
	return rels(t)
}

// xml is the sheet's part; str numbers a shared string.
func (s *Sheet) xml(selected bool, str func(string) int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<worksheet xmlns="%s" xmlns:r="%s">`, nsMain, nsRel)
	if s.rows > 0 && s.cols > 0 {
		fmt.Fprintf(&b, `<dimension ref="A1:%s"/>`, ref(s.rows-1, s.cols-1))
	}
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	if s.FreezeHeader {
		b.WriteString(`><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
			`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>`)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`</sheetViews>`)
	if len(s.widths) > 0 {
		cols := make([]int, 0, len(s.widths))
		for c := range s.widths {
			cols = append(cols, c)
		}
		slices.Sort(cols)
		b.WriteString(`<cols>`)
		for _, c := range cols {
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, c+1, c+1, strconv.FormatFloat(s.widths[c], 'f', -1, 64))
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	for r := 0; r < s.rows; r++ {
		fmt.Fprintf(&b, `<row r="%d"`, r+1)
		if h, ok := s.heights[r]; ok {
			fmt.Fprintf(&b, ` ht="%s" customHeight="1"`, strconv.FormatFloat(h, 'f', -1, 64))
		}
		b.WriteString(`>`)
		for c := 0; c < s.cols; c++ {
			cl, ok := s.cells[[2]int{r, c}]
			if !ok {
				continue
			}
			fmt.Fprintf(&b, `<c r="%s"`, ref(r, c))
			if cl.style > 0 {
				fmt.Fprintf(&b, ` s="%d"`, cl.style)
			}
			switch v := cl.v.(type) {
			case nil:
				b.WriteString(`/>`)
			case string:
				fmt.Fprintf(&b, ` t="s"><v>%d</v></c>`, str(v))
			case int64:
				fmt.Fprintf(&b, `><v>%d</v></c>`, v)
			case float64:
				fmt.Fprintf(&b, `><v>%s</v></c>`, strconv.FormatFloat(v, 'f', -1, 64))
			case time.Time:
				fmt.Fprintf(&b, `><v>%s</v></c>`, serial(v))
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if s.AutoFilter && s.cols > 0 {
		fmt.Fprintf(&b, `<autoFilter ref="A1:%s"/>`, ref(max(s.rows, 2)-1, s.cols-1))
	}
	b.WriteString(`</worksheet>`)
	return b.String()
}

// stylesXML lists the fonts, fills, borders and number formats of the styles in use; cell
// style n is <xf> n.
func (w *Workbook) stylesXML() string {
	type font struct {
		bold  bool
		color string
	}
	fonts := []font{{}}
	fills := []string{"", "gray125"} // the two fills every workbook starts with
	borders := [][2]string{{}}
	var numFmts []string
	var xfs strings.Builder
	xfs.WriteString(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
	for _, s := range w.styles {
		fi := slices.Index(fonts, font{s.Bold, s.Color})
		if fi < 0 {
			fonts = append(fonts, font{s.Bold, s.Color})
			fi = len(fonts) - 1
		}
		fl := 0
		if s.Fill != "" {
			if fl = slices.Index(fills, s.Fill); fl < 0 {
				fills = append(fills, s.Fill)
				fl = len(fills) - 1
			}
		}
		bd := slices.Index(borders, [2]string{s.BorderTop, s.BorderBottom})
		if bd < 0 {
			borders = append(borders, [2]string{s.BorderTop, s.BorderBottom})
			bd = len(borders) - 1
		}
		nf := 0
		if s.NumFmt != "" {
			i := slices.Index(numFmts, s.NumFmt)
			if i < 0 {
				numFmts = append(numFmts, s.NumFmt)
				i = len(numFmts) - 1
			}
			nf = 164 + i // custom formats are numbered from 164
		}
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment`,
			nf, fi, fl, bd)
		if s.Top {
			xfs.WriteString(` vertical="top"`)
		}
		if s.Wrap {
			xfs.WriteString(` wrapText="1"`)
		}
		xfs.WriteString(`/></xf>`)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<styleSheet xmlns="%s">`, nsMain)
	if len(numFmts) > 0 {
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(numFmts))
		for i, f := range numFmts {
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="%s"/>`, 164+i, escape(f))
		}
		b.WriteString(`</numFmts>`)
	}
	fmt.Fprintf(&b, `<fonts count="%d">`, len(fonts))
	for _, f := range fonts {
		b.WriteString(`<font>`)
		if f.bold {
			b.WriteString(`<b/>`)
		}
		b.WriteString(`<sz val="11"/>`)
		if f.color != "" {
			fmt.Fprintf(&b, `<color rgb="FF%s"/>`, f.color)
		}
		b.WriteString(`<name val="Calibri"/><family val="2"/></font>`)
	}
	fmt.Fprintf(&b, `</fonts><fills count="%d">`, len(fills))
	for i, f := range fills {
		switch i {
		case 0:
			b.WriteString(`<fill><patternFill patternType="none"/></fill>`)
		case 1:
			b.WriteString(`<fill><patternFill patternType="gray125"/></fill>`)
		default:
			fmt.Fprintf(&b, `<fill><patternFill patternType="solid"><fgColor rgb="FF%s"/><bgColor indexed="64"/></patternFill></fill>`, f)
		}
	}
	fmt.Fprintf(&b, `</fills><borders count="%d">`, len(borders))
	side := func(name, color string) string {
		if color == "" {
			return "<" + name + "/>"
		}
		return fmt.Sprintf(`<%s style="thin"><color rgb="FF%s"/></%s>`, name, color, name)
	}
	for _, bd := range borders {
		b.WriteString(`<border><left/><right/>` + side("top", bd[0]) + side("bottom", bd[1]) + `<diagonal/></border>`)
	}
	fmt.Fprintf(&b, `</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`+
		`<cellXfs count="%d">%s</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
		len(w.styles)+1, xfs.String())
	return b.String()
}
