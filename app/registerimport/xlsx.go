package registerimport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// The first worksheet of an XLSX workbook, read with the standard library: shared strings,
// inline strings, numbers, booleans and formulas' cached values. A spreadsheet library would
// do the same with far more code run at every start of the program (issue 12 measured
// excelize's package initialisation at half of the program's); the tests read back what
// excelize writes.

// maxPart bounds the decompressed size of one part of the workbook (a zip bomb stops there).
const maxPart = 64 << 20

func readXLSX(b []byte) (Table, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return Table{}, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	sheet, date1904, err := firstSheet(files)
	if err != nil {
		return Table{}, err
	}
	var shared []string
	if f := files["xl/sharedStrings.xml"]; f != nil {
		if shared, err = sharedStrings(f); err != nil {
			return Table{}, err
		}
	}
	f := files[sheet]
	if f == nil {
		return Table{}, fmt.Errorf("%w: no worksheet %s", ErrFormat, sheet)
	}
	t, err := readSheet(f, shared)
	if err != nil {
		return Table{}, err
	}
	if date1904 {
		t.Format = "xlsx1904"
	}
	return t, nil
}

func open(f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, fmt.Errorf("%w: %s is %d bytes", ErrTooLarge, f.Name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, maxPart), rc}, nil
}

func decodePart(f *zip.File, v any) error {
	rc, err := open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrFormat, f.Name, err)
	}
	return nil
}

// firstSheet finds the part of the workbook's first sheet, and whether its dates count from 1904.
func firstSheet(files map[string]*zip.File) (string, bool, error) {
	wb := files["xl/workbook.xml"]
	if wb == nil {
		return "", false, fmt.Errorf("%w: no xl/workbook.xml", ErrFormat)
	}
	var w struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(wb, &w); err != nil {
		return "", false, err
	}
	if len(w.Sheets) == 0 {
		return "", false, fmt.Errorf("%w: the workbook has no sheet", ErrFormat)
	}
	d1904 := w.Pr.Date1904 == "1" || w.Pr.Date1904 == "true"
	target := "xl/worksheets/sheet1.xml"
	if rels := files["xl/_rels/workbook.xml.rels"]; rels != nil {
		var r struct {
			Rels []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := decodePart(rels, &r); err != nil {
			return "", false, err
		}
		for _, x := range r.Rels {
			if x.ID == w.Sheets[0].ID {
				if strings.HasPrefix(x.Target, "/") {
					target = strings.TrimPrefix(x.Target, "/")
				} else {
					target = path.Join("xl", x.Target)
				}
			}
		}
	}
	return target, d1904, nil
}

// richText is a string item: plain (<t>) or rich text runs (<r><t>…</t></r>).
type richText struct {
	T string `xml:"t"`
	R []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (s richText) String() string {
	if len(s.R) == 0 {
		return s.T
	}
	var b strings.Builder
	b.WriteString(s.T)
	for _, r := range s.R {
		b.WriteString(r.T)
	}
	return b.String()
}

func sharedStrings(f *zip.File) ([]string, error) {
	var sst struct {
		SI []richText `xml:"si"`
	}
	if err := decodePart(f, &sst); err != nil {
		return nil, err
	}
	out := make([]string, len(sst.SI))
	for i, s := range sst.SI {
		out[i] = s.String()
	}
	return out, nil
}

// readSheet reads the rows of a worksheet, cell by cell as a stream.
func readSheet(f *zip.File, shared []string) (Table, error) {
	rc, err := open(f)
	if err != nil {
		return Table{}, err
	}
	defer rc.Close()
	type cell struct {
		Ref    string   `xml:"r,attr"`
		Type   string   `xml:"t,attr"`
		V      string   `xml:"v"`
		Inline richText `xml:"is"`
	}
	t := Table{Format: "xlsx"}
	dec := xml.NewDecoder(rc)
	var row []string
	rowNum, inRow := 0, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Table{}, fmt.Errorf("%w: %s: %v", ErrFormat, f.Name, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "row":
				inRow, row = true, nil
				rowNum++
				for _, a := range el.Attr {
					if a.Name.Local == "r" {
						if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
							rowNum = n
						}
					}
				}
			case "c":
				if !inRow {
					continue
				}
				var c cell
				if err := dec.DecodeElement(&c, &el); err != nil {
					return Table{}, fmt.Errorf("%w: %s: %v", ErrFormat, f.Name, err)
				}
				col := len(row)
				if c.Ref != "" {
					if n, ok := columnIndex(c.Ref); ok {
						col = n
					}
				}
				if col >= MaxColumns {
					return Table{}, fmt.Errorf("%w: column %s", ErrTooLarge, c.Ref)
				}
				for len(row) <= col {
					row = append(row, "")
				}
				row[col] = cellValue(c.Type, c.V, c.Inline, shared)
			}
		case xml.EndElement:
			if el.Name.Local == "row" && inRow {
				inRow = false
				if err := t.add(row, rowNum); err != nil {
					return Table{}, err
				}
			}
		}
	}
	if len(t.Header) == 0 {
		return Table{}, ErrEmpty
	}
	return t, nil
}

func cellValue(typ, v string, inline richText, shared []string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return ""
		}
		return shared[i]
	case "inlineStr":
		return inline.String()
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE"
		}
		return "FALSE"
	case "e":
		return "" // an error value (#N/A) is no value
	}
	return v
}

// columnIndex is the zero-based column of a cell reference ("C7" → 2).
func columnIndex(ref string) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > MaxColumns {
			return MaxColumns, true
		}
	}
	if i == 0 {
		return 0, false
	}
	return n - 1, true
}
