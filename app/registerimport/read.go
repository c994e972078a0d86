// Package registerimport reads a board's existing register of information systems from the
// spreadsheet kommuner keep it in today (CSV as Excel writes it, or XLSX): the columns are mapped
// to the register's fields (guessed from the headers, changed by the user), every row is checked
// in a dry run that names each bad row and why, and then the good rows go into the register in
// one transaction. A system is found again by its name, so importing the same file twice creates
// nothing new.
package registerimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Limits on what Read takes: a register has tens or hundreds of rows.
const (
	MaxFileSize = 20 << 20
	MaxRows     = 10_000
	MaxColumns  = 200
	maxCell     = 10_000 // characters in one cell
)

// Table is a spreadsheet's first sheet: the header row and the data rows, each with the row
// number the user sees in Excel (the header is row 1).
type Table struct {
	Header []string
	Rows   [][]string
	Lines  []int // Lines[i] is the spreadsheet row number of Rows[i]
	// Format says what was read: "csv;" "csv," "csv\t" (with the separator) or "xlsx".
	Format string
}

// Errors of Read.
var (
	ErrEmpty    = errors.New("the file has no header row")
	ErrTooLarge = errors.New("the file is too large")
	ErrFormat   = errors.New("not a CSV or XLSX file")
)

// Read reads a CSV or XLSX file; name's extension decides (.xlsx, else CSV), and a file that
// starts like a zip archive is read as XLSX whatever its name.
func Read(name string, b []byte) (Table, error) {
	if len(b) > MaxFileSize {
		return Table{}, fmt.Errorf("read %s: %w", filepath.Base(name), ErrTooLarge)
	}
	var t Table
	var err error
	if strings.EqualFold(filepath.Ext(name), ".xlsx") || bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		t, err = readXLSX(b)
	} else {
		t, err = readCSV(b)
	}
	if err != nil {
		return Table{}, fmt.Errorf("read %s: %w", filepath.Base(name), err)
	}
	return t, nil
}

// readCSV reads CSV as Excel writes it: UTF-8 with or without a byte-order mark, or Windows-1252
// (Excel's "CSV (semikolonavgränsad)" on a Swedish Windows); separated by semicolons (Excel with
// a Swedish locale), commas or tabs, whichever the header row has most of outside quotes.
func readCSV(b []byte) (Table, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return Table{}, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		b = dec
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return Table{}, fmt.Errorf("%w: binary data", ErrFormat)
	}
	sep := separator(b)
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	t := Table{Format: "csv" + string(sep)}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Table{}, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		start, _ := r.FieldPos(0)
		if err := t.add(rec, start); err != nil {
			return Table{}, err
		}
	}
	if len(t.Header) == 0 {
		return Table{}, ErrEmpty
	}
	return t, nil
}

// add appends a record: the first non-empty one is the header.
func (t *Table) add(rec []string, line int) error {
	if len(rec) > MaxColumns {
		return fmt.Errorf("%w: %d columns", ErrTooLarge, len(rec))
	}
	empty := true
	for i, c := range rec {
		if utf8.RuneCountInString(c) > maxCell {
			return fmt.Errorf("%w: a cell of %d characters", ErrTooLarge, utf8.RuneCountInString(c))
		}
		rec[i] = strings.TrimSpace(c)
		empty = empty && rec[i] == ""
	}
	switch {
	case empty:
		return nil
	case t.Header == nil:
		t.Header = rec
		return nil
	case len(t.Rows) >= MaxRows:
		return fmt.Errorf("%w: more than %d rows", ErrTooLarge, MaxRows)
	}
	t.Rows = append(t.Rows, rec)
	t.Lines = append(t.Lines, line)
	return nil
}

// separator is the delimiter the first line uses most outside quotes: ';', ',' or tab.
func separator(b []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(b) {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if !quoted && (r == '\n' || r == '\r') {
			break
		}
		if !quoted && (r == ';' || r == ',' || r == '\t') {
			counts[r]++
		}
	}
	best := ';'
	for _, r := range []rune{',', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// Cell is row i's value in column c ("" when the row is shorter).
func (t Table) Cell(i, c int) string {
	if c < 0 || c >= len(t.Rows[i]) {
		return ""
	}
	return t.Rows[i][c]
}
