// Package pdfread is a small, strict PDF reader for the files the app writes and the
// submissions it receives: classic cross-reference tables (no xref or object streams), any
// number of incremental updates.
//
// It exists because Verify runs on files from outside, and the general-purpose readers it
// could use instead (digitorus/pdf, pdfcpu) allocate by numbers taken from the file, recurse
// without a limit or scan the whole file again when the structure is broken. Every loop here is
// bounded by the size of the input or by one of the limits below.
package pdfread

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf16"
)

// Limits on what a file may make the reader do.
const (
	maxDepth        = 32      // nesting of arrays and dictionaries in one object
	maxXrefSections = 64      // incremental updates in one file
	maxObjectNumber = 1 << 22 // highest object number accepted
	maxObjects      = 1 << 18 // cross-reference entries in all sections (a report has hundreds)
	maxRefHops      = 8       // indirect references followed in a row
	maxNumberDigits = 18      // keeps integers inside int64
	// MaxTreeEntries bounds the name-tree keys, values and kids looked at for an attachment.
	MaxTreeEntries = 1 << 16
	maxTreeDepth   = 16 // name-tree depth
	// MaxValues bounds the values parsed from one file (a container counts containerCost more),
	// which keeps memory to some 40 MB whatever the file holds. A report of 1000 activities
	// (700 kB) uses about 8,000.
	MaxValues     = 1 << 18
	containerCost = 8
)

// ErrNotClassic: the file uses a cross-reference stream, which the app never writes.
var ErrNotClassic = errors.New("cross-reference stream (only classic tables are read)")

type xrefEntry struct {
	offset int
	gen    int
}

// File is a parsed classic-xref PDF. It is not safe for concurrent use (objects are cached).
type File struct {
	data      []byte
	objects   map[int]xrefEntry // in-use and free objects of the newest revision
	trailer   Dict              // newest trailer
	startXref int               // offset of the newest cross-reference section
	cache     map[int]any
	budget    int // bytes the object parser may still consume; guards against overlapping objects
	values    int // values the object parser may still make (MaxValues at the start)
}

// Open reads the cross-reference chain and the newest trailer of data.
func Open(data []byte) (*File, error) {
	f := &File{data: data, objects: map[int]xrefEntry{}, cache: map[int]any{}, budget: 4*len(data) + 1<<16, values: MaxValues}
	start, err := findStartXref(data)
	if err != nil {
		return nil, err
	}
	f.startXref = start
	seen := map[int]bool{}
	off := start
	for i := 0; ; i++ {
		if i >= maxXrefSections {
			return nil, perr("more than %d cross-reference sections", maxXrefSections)
		}
		if seen[off] {
			return nil, perr("cross-reference loop at %d", off)
		}
		seen[off] = true
		trailer, err := f.readXrefSection(off)
		if err != nil {
			return nil, err
		}
		if f.trailer == nil {
			f.trailer = trailer
		}
		if _, ok := trailer["XRefStm"]; ok {
			return nil, fmt.Errorf("hybrid file: %w", ErrNotClassic)
		}
		prev, ok := trailer["Prev"]
		if !ok {
			break
		}
		p, ok := prev.(int64)
		if !ok || p < 0 || p >= int64(len(data)) {
			return nil, perr("bad /Prev %v", prev)
		}
		off = int(p)
	}
	if _, ok := f.trailer["Root"].(Ref); !ok {
		return nil, perr("trailer without /Root")
	}
	return f, nil
}

// CheckXref checks that data ends with a startxref that points at a cross-reference section
// of either form, a table ("xref") or a stream (an object of /Type /XRef): the least a PDF
// reader needs. It reads nothing else, so it accepts the files Open does not read (xref
// streams, hybrid files) while telling a PDF from bytes that only start like one.
func CheckXref(data []byte) error {
	start, err := findStartXref(data)
	if err != nil {
		return err
	}
	l := &lexer{data: data, pos: start}
	l.skipSpace()
	if l.keyword("xref") {
		return nil
	}
	_, ok1 := l.readInt()
	_, ok2 := l.readInt()
	l.skipSpace()
	if !ok1 || !ok2 || !l.keyword("obj") {
		return perr("startxref %d points at no cross-reference section", start)
	}
	budget := 4096
	l.values = &budget
	v, err := l.parseValue(0)
	if err != nil {
		return perr("cross-reference stream at %d: %v", start, err)
	}
	if d, ok := v.(Dict); !ok || d["Type"] != Name("XRef") {
		return perr("startxref %d points at an object that is not a cross-reference stream", start)
	}
	return nil
}

// findStartXref returns the offset after the last "startxref" near the end of data.
func findStartXref(data []byte) (int, error) {
	tail := data
	if len(tail) > 2048 {
		tail = tail[len(tail)-2048:]
	}
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, perr("no startxref")
	}
	l := &lexer{data: data, pos: len(data) - len(tail) + i + len("startxref")}
	n, ok := l.readInt()
	if !ok || n < 0 || n >= int64(len(data)) {
		return 0, perr("bad startxref")
	}
	return int(n), nil
}

// readXrefSection reads one "xref … trailer <<…>>" section at off. Entries already known
// (from a newer section) are kept: the newest revision wins.
func (f *File) readXrefSection(off int) (Dict, error) {
	l := &lexer{data: f.data, pos: off, values: &f.values}
	l.skipSpace()
	if !l.keyword("xref") {
		if _, ok := l.readInt(); ok {
			return nil, fmt.Errorf("at %d: %w", off, ErrNotClassic)
		}
		return nil, perr("no xref table at %d", off)
	}
	for {
		l.skipSpace()
		if l.keyword("trailer") {
			break
		}
		first, ok1 := l.readInt()
		count, ok2 := l.readInt()
		if !ok1 || !ok2 || first < 0 || count < 0 || first+count > maxObjectNumber {
			return nil, perr("bad xref subsection at %d", l.pos)
		}
		// Each entry takes at least 18 bytes, which bounds count by the file size.
		if count > int64(len(f.data)-l.pos)/18+1 {
			return nil, perr("xref subsection longer than the file at %d", l.pos)
		}
		for i := int64(0); i < count; i++ {
			o, ok1 := l.readInt()
			g, ok2 := l.readInt()
			l.skipSpace()
			kind := l.peek()
			l.pos++
			if !ok1 || !ok2 || o < 0 || g < 0 || g > 65535 || (kind != 'n' && kind != 'f') {
				return nil, perr("bad xref entry at %d", l.pos)
			}
			num := int(first + i)
			if len(f.objects) >= maxObjects {
				return nil, perr("more than %d objects", maxObjects)
			}
			if _, known := f.objects[num]; known {
				continue // a newer section already said what this object is
			}
			if kind == 'f' {
				f.objects[num] = xrefEntry{offset: -1}
				continue
			}
			if o >= int64(len(f.data)) {
				return nil, perr("object %d offset %d outside the file", num, o)
			}
			f.objects[num] = xrefEntry{offset: int(o), gen: int(g)}
		}
	}
	v, err := l.parseValue(0)
	if err != nil {
		return nil, fmt.Errorf("trailer: %w", err)
	}
	d, ok := v.(Dict)
	if !ok {
		return nil, perr("trailer is not a dictionary")
	}
	return d, nil
}

// Trailer is the newest trailer dictionary.
func (f *File) Trailer() Dict { return f.trailer }

// StartXref is the offset of the newest cross-reference section, the /Prev of an update.
func (f *File) StartXref() int { return f.startXref }

// Size is one more than the highest object number in use or free: the first number an
// update may give a new object.
func (f *File) Size() int {
	n := 0
	for num := range f.objects {
		n = max(n, num+1)
	}
	if s, ok := f.trailer["Size"].(int64); ok && s > int64(n) && s <= maxObjectNumber {
		n = int(s)
	}
	return n
}

// Catalog is the document catalog (the trailer's /Root).
func (f *File) Catalog() (Dict, error) {
	d, err := f.DictOf(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, perr("no catalog")
	}
	return d, nil
}

// Object returns object num of the newest revision (nil for a free or unknown object).
func (f *File) Object(num int) (any, error) {
	return f.objectDepth(num, 0)
}

func (f *File) objectDepth(num, depth int) (any, error) {
	if v, ok := f.cache[num]; ok {
		return v, nil
	}
	e, ok := f.objects[num]
	if !ok || e.offset < 0 {
		return nil, nil
	}
	if depth > maxRefHops {
		return nil, perr("object %d: references nested too deeply", num)
	}
	l := &lexer{data: f.data, pos: e.offset, values: &f.values}
	n, ok1 := l.readInt()
	g, ok2 := l.readInt()
	if !ok1 || !ok2 || int(n) != num || int(g) != e.gen {
		return nil, perr("object %d: no object header at %d", num, e.offset)
	}
	l.skipSpace()
	if !l.keyword("obj") {
		return nil, perr("object %d: missing obj", num)
	}
	v, err := l.parseValue(0)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	l.skipSpace()
	if d, isDict := v.(Dict); isDict && l.keyword("stream") {
		s, err := f.readStream(l, d, depth)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		v = s
		l.skipSpace()
	}
	if !l.keyword("endobj") {
		return nil, perr("object %d: missing endobj", num)
	}
	f.budget -= l.pos - e.offset
	if f.budget < 0 {
		return nil, perr("objects overlap too much")
	}
	f.cache[num] = v
	return v, nil
}

// readStream reads the stream data that follows the keyword "stream".
func (f *File) readStream(l *lexer, d Dict, depth int) (*Stream, error) {
	// The keyword is followed by CRLF or LF, then the data.
	if l.peek() == '\r' {
		l.pos++
	}
	if l.peek() != '\n' {
		return nil, perr("stream keyword not followed by end of line")
	}
	l.pos++
	var length int64
	switch v := d["Length"].(type) {
	case int64:
		length = v
	case Ref:
		lv, err := f.objectDepth(v.Num, depth+1)
		if err != nil {
			return nil, err
		}
		n, ok := lv.(int64)
		if !ok {
			return nil, perr("stream /Length is not an integer")
		}
		length = n
	default:
		return nil, perr("stream without /Length")
	}
	if length < 0 || length > int64(len(f.data)-l.pos) {
		return nil, perr("stream /Length %d beyond the file", length)
	}
	s := &Stream{Dict: d, Start: l.pos, End: l.pos + int(length)}
	l.pos = s.End
	l.skipSpace()
	if !l.keyword("endstream") {
		return nil, perr("stream without endstream")
	}
	return s, nil
}

// Resolve follows indirect references.
func (f *File) Resolve(v any) (any, error) {
	for i := 0; ; i++ {
		r, ok := v.(Ref)
		if !ok {
			return v, nil
		}
		if i >= maxRefHops {
			return nil, perr("reference chain too long")
		}
		o, err := f.Object(r.Num)
		if err != nil {
			return nil, err
		}
		v = o
	}
}

// DictOf resolves v and returns it as a dictionary (nil when it is something else).
func (f *File) DictOf(v any) (Dict, error) {
	v, err := f.Resolve(v)
	if err != nil {
		return nil, err
	}
	switch d := v.(type) {
	case Dict:
		return d, nil
	case *Stream:
		return d.Dict, nil
	}
	return nil, nil
}

// Decode returns the decoded data of s, at most limit bytes (more is an error).
// Only what embedded files are written with is supported: no filter or FlateDecode.
func (f *File) Decode(s *Stream, limit int) ([]byte, error) {
	raw := f.data[s.Start:s.End]
	filter, err := f.Resolve(s.Dict["Filter"])
	if err != nil {
		return nil, err
	}
	if a, ok := filter.(Array); ok && len(a) == 1 {
		filter = a[0]
	}
	if _, ok := s.Dict["DecodeParms"]; ok {
		return nil, perr("stream decode parameters are not supported")
	}
	switch filter {
	case nil:
		if len(raw) > limit {
			return nil, perr("stream larger than %d bytes", limit)
		}
		return bytes.Clone(raw), nil
	case Name("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, perr("flate: %v", err)
		}
		out, err := readBounded(zr, limit)
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	return nil, perr("stream filter %v is not supported", filter)
}

// Objects returns the numbers of the in-use objects, in ascending order.
func (f *File) Objects() []int {
	nums := make([]int, 0, len(f.objects))
	for n, e := range f.objects {
		if e.offset >= 0 {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	return nums
}

// Text decodes a PDF text string: UTF-16BE with a byte order mark, else PDFDocEncoding,
// of which only the ASCII part is needed here (other bytes are taken as Latin-1).
func Text(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return string(b[3:])
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// readBounded reads r whole if it holds at most limit bytes. It reads in fixed chunks and
// copies once at the end, so a hostile stream costs at most about twice the limit in memory
// (io.ReadAll's growth by append allocated several times the limit on the way).
func readBounded(r io.Reader, limit int) ([]byte, error) {
	const chunkSize = 256 << 10
	var chunks [][]byte
	total := 0
	for {
		chunk := make([]byte, min(chunkSize, limit-total+1))
		n, err := io.ReadFull(r, chunk)
		total += n
		if total > limit {
			return nil, perr("stream larger than %d bytes", limit)
		}
		if n > 0 {
			chunks = append(chunks, chunk[:n])
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, perr("flate: %v", err)
		}
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}
