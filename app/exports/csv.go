package exports

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/export"
	"handlingsplan/app/overview"
)

// bom starts every CSV file: Excel reads UTF-8 (å, ä, ö) only when it is there.
const bom = "\ufeff"

// CSVFile is one table as a CSV file.
type CSVFile struct {
	Name string // file name, e.g. "1 Inlämningar.csv"
	Data []byte
}

// CSV writes every table of the overview as CSV: UTF-8 with a byte order mark, semicolon
// between fields and decimal comma as Swedish Excel expects, or (comma true) comma between
// fields and decimal point.
func CSV(o *overview.Overview, comma bool) ([]CSVFile, error) {
	var out []CSVFile
	for i, t := range Tables(o) {
		var b bytes.Buffer
		if err := WriteCSV(&b, t, comma); err != nil {
			return nil, fmt.Errorf("csv %s: %w", t.Name, err)
		}
		out = append(out, CSVFile{Name: fmt.Sprintf("%d %s.csv", i+1, fileSafe(t.Name)), Data: b.Bytes()})
	}
	return out, nil
}

// WriteCSV writes one table.
func WriteCSV(w io.Writer, t Table, comma bool) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes and expects on every platform
	cw.Comma = ';'
	decimal := ","
	if comma {
		cw.Comma, decimal = ',', "."
	}
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Title
		if c.Kind == KindPercent {
			header[i] += " (%)"
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i, c := range t.Columns {
			var v any
			if i < len(r) {
				v = r[i]
			}
			rec[i] = csvValue(v, c.Kind, decimal)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvValue(v any, k Kind, decimal string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		if k == KindPercent {
			x *= 100
		}
		x = math.Round(x*10) / 10
		return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", decimal, 1)
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

// fileSafe keeps a name usable as a file name on every system.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '-'
		}
		return r
	}, s)
}

// WriteCSVDir writes the CSV files into dir (made when missing).
func WriteCSVDir(dir string, files []CSVFile) error {
	if err := os.MkdirAll(dir, export.DirMode); err != nil {
		return fmt.Errorf("csv folder %s: %w", dir, err)
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	return nil
}

// CSVZip packs the CSV files into one zip archive.
func CSVZip(files []CSVFile, now time.Time) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return nil, fmt.Errorf("zip %s: %w", f.Name, err)
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, fmt.Errorf("zip %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	return b.Bytes(), nil
}
