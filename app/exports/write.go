package exports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"handlingsplan/app/export"
	"handlingsplan/app/overview"
)

// Format is what an export holds; the output file's extension picks it.
type Format string

const (
	FormatPDF  Format = ".pdf"  // the report for kommunstyrelsen, or a board's protocol
	FormatXLSX Format = ".xlsx" // the workbook
	FormatCSV  Format = ".csv"  // a folder of CSV files, one per table
	FormatZip  Format = ".zip"  // the CSV files (or the protocols) in one archive
	FormatICS  Format = ".ics"  // the calendar of training and information events
)

// ErrFormat means the output file's extension names no export.
var ErrFormat = errors.New("unknown export format")

// FormatOf picks the format from the file name's extension.
func FormatOf(path string) (Format, error) {
	switch f := Format(strings.ToLower(filepath.Ext(path))); f {
	case FormatPDF, FormatXLSX, FormatCSV, FormatZip, FormatICS:
		return f, nil
	}
	return "", fmt.Errorf("%s: %w", path, ErrFormat)
}

// Options choose what Write makes.
type Options struct {
	ReportOptions
	Comma bool // CSV with comma and decimal point instead of semicolon and decimal comma
	// Protocol makes the biennial follow-up protocol instead of the report: of Board as .pdf,
	// of every board as .zip.
	Protocol bool
	Board    string
}

// Written says what Write made.
type Written struct {
	Format Format
	Path   string   // the file or, for CSV, the folder
	Files  []string // the files inside a folder or archive
}

// CSVFolder is the folder a .csv output name stands for: the name without its extension, so
// that "kommun-2027.csv" gives the folder "kommun-2027" with one CSV file per table.
func CSVFolder(path string) string { return strings.TrimSuffix(path, filepath.Ext(path)) }

// Write makes the export that path's extension asks for and writes it: files are written
// whole or not at all (a temporary file renamed into place).
func Write(o *overview.Overview, path string, opt Options) (Written, error) {
	f, err := FormatOf(path)
	if err != nil {
		return Written{}, err
	}
	w := Written{Format: f, Path: path}
	if opt.Protocol {
		return writeProtocols(o, path, f, opt)
	}
	var data []byte
	switch f {
	case FormatPDF:
		data, err = Report(o, opt.ReportOptions)
	case FormatXLSX:
		data, err = Workbook(o, opt.Now)
	case FormatICS:
		data = Calendar(o, opt.AppVersion, opt.Now)
	case FormatCSV, FormatZip:
		var files []CSVFile
		if files, err = CSV(o, opt.Comma); err != nil {
			return w, err
		}
		for _, cf := range files {
			w.Files = append(w.Files, cf.Name)
		}
		if f == FormatCSV {
			w.Path = CSVFolder(path)
			return w, WriteCSVDir(w.Path, files)
		}
		data, err = CSVZip(files, opt.Now)
	}
	if err != nil {
		return w, err
	}
	return w, writeFile(path, data)
}

func writeProtocols(o *overview.Overview, path string, f Format, opt Options) (Written, error) {
	w := Written{Format: f, Path: path}
	switch {
	case f == FormatPDF && opt.Board != "":
		data, err := Protocol(o, opt.Board, opt.ReportOptions)
		if err != nil {
			return w, err
		}
		return w, writeFile(path, data)
	case f == FormatZip:
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, r := range o.FollowUp.Rows {
			if opt.Board != "" && r.Board != opt.Board {
				continue
			}
			data, err := Protocol(o, r.Board, opt.ReportOptions)
			if err != nil {
				return w, err
			}
			name := fileSafe(o.Loc().Tf("exports.protocol.file", "Board", r.Board, "Year", r.Year)) + ".pdf"
			zf, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: opt.Now})
			if err != nil {
				return w, err
			}
			if _, err := zf.Write(data); err != nil {
				return w, err
			}
			w.Files = append(w.Files, name)
		}
		if err := zw.Close(); err != nil {
			return w, err
		}
		return w, writeFile(path, b.Bytes())
	}
	return w, fmt.Errorf("protocol as %s: %w", f, ErrFormat)
}

// writeFile writes atomically, as the board's export does: a crash or a full disk never leaves
// half a file under the chosen name.
func writeFile(path string, data []byte) error { return export.WriteFile(path, data) }
