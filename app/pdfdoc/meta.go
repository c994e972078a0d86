package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"errors"
	"fmt"
	"time"

	"handlingsplan/app/pdfread"
)

// Meta is the document information and language every PDF the app writes carries: PDF readers
// show the title and author, screen readers and text extraction take the language from /Lang,
// and Creator names the program and its version that made the file.
type Meta struct {
	Title, Author, Subject, Keywords string
	Creator                          string // the program and its version, e.g. "Handlingsplan 0.1.0"
	Producer                         string // what drew the pages; "gopdf" when empty
	Lang                             string // BCP 47, e.g. "sv"
	Created                          time.Time
}

// check refuses information a document must not lack, and a language tag that is not one.
// The author may be unknown (a profile without the kommun's name).
func (m Meta) check() error {
	for _, f := range []struct{ name, v string }{{"title", m.Title}, {"creator", m.Creator}, {"language", m.Lang}} {
		if f.v == "" {
			return fmt.Errorf("document information without %s", f.name)
		}
	}
	for _, c := range m.Lang {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Errorf("bad language tag %q", m.Lang)
		}
	}
	if m.Created.IsZero() {
		return errors.New("document information without a date")
	}
	return nil
}

// WithMeta adds what gopdf cannot write to a PDF it made: an Info dictionary with m (gopdf's
// has no Keywords and sits inline in the trailer, where some tools drop it), the catalog's
// /Lang and a viewer preference to show the title rather than the file name. They are
// appended as an incremental update.
func WithMeta(pdf []byte, m Meta) ([]byte, error) {
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("document information: %w", err)
	}
	if m.Producer == "" {
		m.Producer = "gopdf"
	}
	u, err := newUpdate(pdf)
	if err != nil {
		return nil, fmt.Errorf("document information: %w", err)
	}
	root, cat, err := u.catalog()
	if err != nil {
		return nil, fmt.Errorf("document information: %w", err)
	}
	cat["Lang"] = pdfread.String{Bytes: []byte(m.Lang)}
	cat["ViewerPreferences"] = pdfread.Dict{"DisplayDocTitle": true}
	u.put(root, appendValue(nil, cat))

	info := pdfread.Dict{"CreationDate": pdfDate(m.Created), "ModDate": pdfDate(m.Created)}
	for _, e := range []struct {
		key pdfread.Name
		val string
	}{
		{"Title", m.Title}, {"Author", m.Author}, {"Subject", m.Subject}, {"Keywords", m.Keywords},
		{"Creator", m.Creator}, {"Producer", m.Producer},
	} {
		if e.val != "" {
			info[e.key] = textString(e.val)
		}
	}
	ref := objRef(u.add(appendValue(nil, info)), 0)
	return u.bytes(&ref), nil
}

// EmbeddedFile is a file to attach to a PDF.
type EmbeddedFile struct {
	Name    string // the file name readers show and extract to
	MIME    string // e.g. "application/json"
	Desc    string // a description readers show beside the name
	Data    []byte
	ModTime time.Time
}

// ErrHasAttachments means the PDF has embedded files already; Attach adds to the app's own
// documents only, which have none.
var ErrHasAttachments = errors.New("PDF has embedded files already")

// Attach embeds file in pdf (compressed, with its size, date and MD5 checksum, as the PDF
// standard describes) and lists it in the catalog's EmbeddedFiles name tree, as an incremental
// update.
func Attach(pdf []byte, file EmbeddedFile) ([]byte, error) {
	if file.Name == "" {
		return nil, errors.New("attach: no file name")
	}
	u, err := newUpdate(pdf)
	if err != nil {
		return nil, fmt.Errorf("attach %s: %w", file.Name, err)
	}
	root, cat, err := u.catalog()
	if err != nil {
		return nil, fmt.Errorf("attach %s: %w", file.Name, err)
	}
	names := pdfread.Dict{}
	if old, err := u.f.DictOf(cat["Names"]); err != nil {
		return nil, fmt.Errorf("attach %s: read name dictionary: %w", file.Name, err)
	} else if old != nil {
		if _, ok := old["EmbeddedFiles"]; ok {
			return nil, fmt.Errorf("attach %s: %w", file.Name, ErrHasAttachments)
		}
		for k, v := range old {
			names[k] = v
		}
	}

	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(file.Data) // a bytes.Buffer does not fail
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("attach %s: compress: %w", file.Name, err)
	}
	sum := md5.Sum(file.Data) // the checksum the PDF standard names for embedded files
	params := pdfread.Dict{"Size": int64(len(file.Data)), "CheckSum": pdfread.String{Bytes: sum[:], Hex: true}}
	if !file.ModTime.IsZero() {
		params["ModDate"] = pdfDate(file.ModTime)
	}
	head := pdfread.Dict{"Type": pdfread.Name("EmbeddedFile"), "Filter": pdfread.Name("FlateDecode"),
		"Length": int64(z.Len()), "Params": params}
	if file.MIME != "" {
		head["Subtype"] = pdfread.Name(file.MIME)
	}
	stream := appendValue(nil, head)
	stream = append(stream, "\nstream\n"...)
	stream = append(stream, z.Bytes()...)
	stream = append(stream, "\nendstream"...)
	data := objRef(u.add(stream), 0)

	spec := pdfread.Dict{"Type": pdfread.Name("Filespec"), "F": textString(file.Name), "UF": textString(file.Name),
		"EF": pdfread.Dict{"F": data, "UF": data}}
	if file.Desc != "" {
		spec["Desc"] = textString(file.Desc)
	}
	specRef := objRef(u.add(appendValue(nil, spec)), 0)
	tree := objRef(u.add(appendValue(nil, pdfread.Dict{"Names": pdfread.Array{textString(file.Name), specRef}})), 0)
	names["EmbeddedFiles"] = tree
	cat["Names"] = objRef(u.add(appendValue(nil, names)), 0)
	u.put(root, appendValue(nil, cat))
	return u.bytes(nil), nil
}
