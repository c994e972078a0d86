package report

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// docInfo is the document information and language of the report.
type docInfo struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Created                                             time.Time
	Lang                                                string // BCP 47, e.g. "sv"
}

// finishPDF adds what gopdf v0.33 cannot write: the catalog's /Lang (screen readers and
// text extraction pick the language from it), a viewer preference to show the title, and
// an Info dictionary with Keywords. gopdf's SetInfo has no Keywords and writes Info inline
// in the trailer, which pdfcpu drops when the submission is assembled; an indirect Info
// object survives that.
//
// The file stays one revision: the catalog gets its entries in place and the cross-reference
// table is rewritten with the shifted offsets. It relies on the layout gopdf writes (one
// classic xref section, catalog as object 1) and refuses anything else.
func finishPDF(raw []byte, info docInfo) ([]byte, error) {
	for _, c := range info.Lang {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return nil, fmt.Errorf("finish pdf: bad language tag %q", info.Lang)
		}
	}
	sx := bytes.LastIndex(raw, []byte("startxref"))
	if sx < 0 {
		return nil, errors.New("finish pdf: no startxref")
	}
	fields := strings.Fields(string(raw[sx+len("startxref"):]))
	if len(fields) == 0 {
		return nil, errors.New("finish pdf: no xref offset")
	}
	xrefAt, err := strconv.Atoi(fields[0])
	if err != nil || xrefAt <= 0 || xrefAt >= sx {
		return nil, fmt.Errorf("finish pdf: bad xref offset %q", fields[0])
	}
	offsets, err := parseXref(raw[xrefAt:sx])
	if err != nil {
		return nil, fmt.Errorf("finish pdf: %w", err)
	}
	if len(offsets) < 2 {
		return nil, errors.New("finish pdf: no objects")
	}

	const catalogHead = "1 0 obj\n<<\n"
	cat := int(offsets[1])
	if cat <= 0 || cat >= xrefAt || !bytes.HasPrefix(raw[cat:], []byte(catalogHead)) ||
		!bytes.HasPrefix(bytes.TrimLeft(raw[cat+len(catalogHead):], " "), []byte("/Type /Catalog")) {
		return nil, errors.New("finish pdf: object 1 is not the catalog")
	}
	insertAt := int64(cat + len(catalogHead))
	insert := []byte("  /ViewerPreferences << /DisplayDocTitle true >>\n")
	if info.Lang != "" {
		insert = append(insert, "  /Lang ("+info.Lang+")\n"...)
	}
	shift := int64(len(insert))

	var out bytes.Buffer
	out.Grow(len(raw) + 1024)
	out.Write(raw[:insertAt])
	out.Write(insert)
	out.Write(raw[insertAt:xrefAt])

	infoID := len(offsets) // objects are 1..len(offsets)-1
	infoAt := out.Len()
	fmt.Fprintf(&out, "%d 0 obj\n<<\n", infoID)
	for _, e := range []struct{ key, val string }{
		{"Title", info.Title}, {"Author", info.Author}, {"Subject", info.Subject},
		{"Keywords", info.Keywords}, {"Creator", info.Creator}, {"Producer", info.Producer},
	} {
		if e.val != "" {
			fmt.Fprintf(&out, "/%s %s\n", e.key, pdfString(e.val))
		}
	}
	if !info.Created.IsZero() {
		d := pdfDate(info.Created)
		fmt.Fprintf(&out, "/CreationDate (%s)\n/ModDate (%s)\n", d, d)
	}
	out.WriteString(">>\nendobj\n\n")

	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n", infoID+1)
	out.WriteString("0000000000 65535 f \n")
	for _, off := range offsets[1:] {
		if off >= insertAt {
			off += shift
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "%010d 00000 n \n", infoAt)
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root 1 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", infoID+1, infoID, newXref)
	return out.Bytes(), nil
}

// parseXref reads a classic cross-reference table with one subsection starting at object 0
// and returns each object's byte offset (index 0 is the free entry).
func parseXref(b []byte) ([]int64, error) {
	lines := strings.Split(string(b), "\n")
	if len(lines) < 3 || strings.TrimSpace(lines[0]) != "xref" {
		return nil, errors.New("no classic xref table")
	}
	head := strings.Fields(lines[1])
	if len(head) != 2 || head[0] != "0" {
		return nil, fmt.Errorf("unexpected xref subsection %q", lines[1])
	}
	n, err := strconv.Atoi(head[1])
	if err != nil || n < 1 || len(lines) < 2+n+1 {
		return nil, fmt.Errorf("bad xref size %q", head[1])
	}
	offsets := make([]int64, n)
	for i := range n {
		f := strings.Fields(lines[2+i])
		if len(f) != 3 {
			return nil, fmt.Errorf("bad xref entry %q", lines[2+i])
		}
		if i == 0 {
			continue
		}
		if f[2] != "n" {
			return nil, fmt.Errorf("object %d is not in use", i)
		}
		off, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("bad xref entry %q", lines[2+i])
		}
		offsets[i] = off
	}
	if strings.TrimSpace(lines[2+n]) != "trailer" {
		return nil, errors.New("more than one xref subsection")
	}
	return offsets, nil
}

// pdfString encodes s as a PDF text string in UTF-16BE with a byte order mark.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfDate formats t as a PDF date in UTC.
func pdfDate(t time.Time) string {
	return "D:" + t.UTC().Format("20060102150405") + "+00'00'"
}
