package submission

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf16"
)

// This file is a small, strict PDF reader for the files Seal writes: classic cross-reference
// tables (no xref or object streams), any number of incremental updates. It exists because
// Verify runs on files from outside, and the general-purpose readers it could use instead
// (digitorus/pdf, pdfcpu) allocate by numbers taken from the file, recurse without a limit or
// scan the whole file again when the structure is broken. Every loop here is bounded by the
// size of the input or by one of the limits below.

const (
	maxDepth        = 32      // nesting of arrays and dictionaries in one object
	maxXrefSections = 64      // incremental updates in one file
	maxObjectNumber = 1 << 22 // highest object number accepted
	maxObjects      = 1 << 18 // cross-reference entries in all sections (a report has hundreds)
	maxRefHops      = 8       // indirect references followed in a row
	maxTreeEntries  = 1 << 16 // name-tree keys, values and kids looked at for the attachment
	maxTreeDepth    = 16      // name-tree depth
	maxNumberDigits = 18      // keeps integers inside int64
	// maxValues bounds the values parsed from one file (a container counts containerCost more),
	// which keeps memory to some 40 MB whatever the file holds. A report of 1000 activities
	// (700 kB) uses about 8,000.
	maxValues     = 1 << 18
	containerCost = 8
)

var errNotClassic = errors.New("cross-reference stream (only classic tables are written by Seal)")

// Object kinds: nil (null), bool, int64, float64, pdfName, pdfString, pdfArray, pdfDict,
// pdfRef and *pdfStream.
type (
	pdfName  string
	pdfArray []any
	pdfDict  map[pdfName]any
	pdfRef   struct{ num, gen int }
)

// pdfString is a decoded string with the position of its token in the file, which the
// signature check needs for /Contents.
type pdfString struct {
	b          []byte
	hex        bool
	start, end int // token [start, end) in the file, delimiters included
}

// pdfStream is a stream object; its raw (still encoded) data is file[start:end].
type pdfStream struct {
	dict       pdfDict
	start, end int
}

type xrefEntry struct {
	offset int
	gen    int
}

// pdfFile is a parsed classic-xref PDF.
type pdfFile struct {
	data    []byte
	objects map[int]xrefEntry // in-use objects of the newest revision
	trailer pdfDict           // newest trailer
	cache   map[int]any
	budget  int // bytes the object parser may still consume; guards against overlapping objects
	values  int // values the object parser may still make (maxValues at the start)
}

// parseError marks malformed input; it never leaves this package.
type parseError struct{ msg string }

func (e *parseError) Error() string { return e.msg }

func perr(format string, args ...any) error { return &parseError{fmt.Sprintf(format, args...)} }

// openPDF reads the cross-reference chain and the newest trailer of data.
func openPDF(data []byte) (*pdfFile, error) {
	f := &pdfFile{data: data, objects: map[int]xrefEntry{}, cache: map[int]any{}, budget: 4*len(data) + 1<<16, values: maxValues}
	start, err := findStartXref(data)
	if err != nil {
		return nil, err
	}
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
			return nil, perr("hybrid file: %v", errNotClassic)
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
	if _, ok := f.trailer["Root"].(pdfRef); !ok {
		return nil, perr("trailer without /Root")
	}
	return f, nil
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
func (f *pdfFile) readXrefSection(off int) (pdfDict, error) {
	l := &lexer{data: f.data, pos: off, values: &f.values}
	l.skipSpace()
	if !l.keyword("xref") {
		if _, ok := l.readInt(); ok {
			return nil, perr("at %d: %v", off, errNotClassic)
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
	d, ok := v.(pdfDict)
	if !ok {
		return nil, perr("trailer is not a dictionary")
	}
	return d, nil
}

// object returns object num of the newest revision (nil for a free or unknown object).
func (f *pdfFile) object(num int) (any, error) {
	return f.objectDepth(num, 0)
}

func (f *pdfFile) objectDepth(num, depth int) (any, error) {
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
	if d, isDict := v.(pdfDict); isDict && l.keyword("stream") {
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
func (f *pdfFile) readStream(l *lexer, d pdfDict, depth int) (*pdfStream, error) {
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
	case pdfRef:
		lv, err := f.objectDepth(v.num, depth+1)
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
	s := &pdfStream{dict: d, start: l.pos, end: l.pos + int(length)}
	l.pos = s.end
	l.skipSpace()
	if !l.keyword("endstream") {
		return nil, perr("stream without endstream")
	}
	return s, nil
}

// resolve follows indirect references.
func (f *pdfFile) resolve(v any) (any, error) {
	for i := 0; ; i++ {
		r, ok := v.(pdfRef)
		if !ok {
			return v, nil
		}
		if i >= maxRefHops {
			return nil, perr("reference chain too long")
		}
		o, err := f.object(r.num)
		if err != nil {
			return nil, err
		}
		v = o
	}
}

// dict resolves v and returns it as a dictionary (nil when it is something else).
func (f *pdfFile) dict(v any) (pdfDict, error) {
	v, err := f.resolve(v)
	if err != nil {
		return nil, err
	}
	switch d := v.(type) {
	case pdfDict:
		return d, nil
	case *pdfStream:
		return d.dict, nil
	}
	return nil, nil
}

// decodeStream returns the decoded data of s, at most limit bytes (more is an error).
// Only what pdfcpu writes for an embedded file is supported: no filter or FlateDecode.
func (f *pdfFile) decodeStream(s *pdfStream, limit int) ([]byte, error) {
	raw := f.data[s.start:s.end]
	filter, err := f.resolve(s.dict["Filter"])
	if err != nil {
		return nil, err
	}
	if a, ok := filter.(pdfArray); ok && len(a) == 1 {
		filter = a[0]
	}
	if _, ok := s.dict["DecodeParms"]; ok {
		return nil, perr("stream decode parameters are not supported")
	}
	switch filter {
	case nil:
		if len(raw) > limit {
			return nil, perr("stream larger than %d bytes", limit)
		}
		return bytes.Clone(raw), nil
	case pdfName("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, perr("flate: %v", err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
		if err != nil {
			return nil, perr("flate: %v", err)
		}
		if len(out) > limit {
			return nil, perr("stream larger than %d bytes", limit)
		}
		return out, nil
	}
	return nil, perr("stream filter %v is not supported", filter)
}

// liveObjects returns the numbers of the in-use objects, in ascending order.
func (f *pdfFile) liveObjects() []int {
	nums := make([]int, 0, len(f.objects))
	for n, e := range f.objects {
		if e.offset >= 0 {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	return nums
}

// textString decodes a PDF text string: UTF-16BE with a byte order mark, else PDFDocEncoding,
// of which only the ASCII part is needed here (other bytes are taken as Latin-1).
func textString(b []byte) string {
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

// lexer tokenises PDF syntax in data from pos. values, when set, is the budget parseValue
// draws from.
type lexer struct {
	data   []byte
	pos    int
	values *int
}

// spend takes n from the value budget.
func (l *lexer) spend(n int) error {
	if l.values == nil {
		return nil
	}
	*l.values -= n
	if *l.values < 0 {
		return perr("more than %d values: far more than a submission has", maxValues)
	}
	return nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) peek() byte {
	if l.pos >= len(l.data) {
		return 0
	}
	return l.data[l.pos]
}

func (l *lexer) eof() bool { return l.pos >= len(l.data) }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// keyword consumes kw when it is next as a whole word.
func (l *lexer) keyword(kw string) bool {
	if !bytes.HasPrefix(l.data[l.pos:], []byte(kw)) {
		return false
	}
	end := l.pos + len(kw)
	if end < len(l.data) && !isSpace(l.data[end]) && !isDelim(l.data[end]) {
		return false
	}
	l.pos = end
	return true
}

// word returns the regular characters from pos.
func (l *lexer) word() []byte {
	start := l.pos
	for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	return l.data[start:l.pos]
}

// readInt reads an unsigned integer after optional white space.
func (l *lexer) readInt() (int64, bool) {
	l.skipSpace()
	start := l.pos
	for l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '9' {
		l.pos++
	}
	n := l.pos - start
	if n == 0 || n > maxNumberDigits {
		return 0, false
	}
	v, err := strconv.ParseInt(string(l.data[start:l.pos]), 10, 64)
	return v, err == nil
}

// parseValue parses one object at pos (after white space).
func (l *lexer) parseValue(depth int) (any, error) {
	if depth > maxDepth {
		return nil, perr("nesting deeper than %d at %d", maxDepth, l.pos)
	}
	l.skipSpace()
	if l.eof() {
		return nil, perr("unexpected end of file")
	}
	if err := l.spend(1); err != nil {
		return nil, err
	}
	start := l.pos
	switch c := l.data[l.pos]; {
	case c == '/':
		l.pos++
		return l.parseName()
	case c == '(':
		return l.parseLiteral(start)
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		return l.parseDict(depth)
	case c == '<':
		return l.parseHex(start)
	case c == '[':
		l.pos++
		if err := l.spend(containerCost); err != nil {
			return nil, err
		}
		var a pdfArray
		for {
			l.skipSpace()
			if l.eof() {
				return nil, perr("unterminated array")
			}
			if l.data[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.parseValue(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return l.parseNumber()
	default:
		w := l.word()
		switch string(w) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		return nil, perr("unexpected %q at %d", truncate(w, 20), start)
	}
}

func (l *lexer) parseDict(depth int) (pdfDict, error) {
	if err := l.spend(containerCost); err != nil {
		return nil, err
	}
	d := pdfDict{}
	for {
		l.skipSpace()
		if l.eof() {
			return nil, perr("unterminated dictionary")
		}
		if l.data[l.pos] == '>' {
			if l.pos+1 < len(l.data) && l.data[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			return nil, perr("stray > at %d", l.pos)
		}
		if l.data[l.pos] != '/' {
			return nil, perr("dictionary key is not a name at %d", l.pos)
		}
		l.pos++
		k, err := l.parseName()
		if err != nil {
			return nil, err
		}
		if err := l.spend(1); err != nil { // the key
			return nil, err
		}
		v, err := l.parseValue(depth + 1)
		if err != nil {
			return nil, err
		}
		d[k] = v
	}
}

func (l *lexer) parseName() (pdfName, error) {
	w := l.word()
	if bytes.IndexByte(w, '#') < 0 {
		return pdfName(w), nil
	}
	out := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if w[i] == '#' && i+2 < len(w) {
			if v, err := strconv.ParseUint(string(w[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, w[i])
	}
	return pdfName(out), nil
}

// parseNumber reads an integer, a real, or an indirect reference "num gen R".
func (l *lexer) parseNumber() (any, error) {
	start := l.pos
	w := l.word()
	if len(w) > 40 {
		return nil, perr("number too long at %d", start)
	}
	if i, err := strconv.ParseInt(string(w), 10, 64); err == nil {
		if i >= 0 && i <= maxObjectNumber {
			save := l.pos
			if g, ok := l.readInt(); ok && g <= 65535 {
				l.skipSpace()
				if l.keyword("R") {
					return pdfRef{num: int(i), gen: int(g)}, nil
				}
			}
			l.pos = save
		}
		return i, nil
	}
	fv, err := strconv.ParseFloat(string(w), 64)
	if err != nil {
		return nil, perr("bad number %q at %d", truncate(w, 20), start)
	}
	return fv, nil
}

func (l *lexer) parseLiteral(start int) (pdfString, error) {
	l.pos++ // (
	var out []byte
	nest := 1
	for {
		if l.eof() {
			return pdfString{}, perr("unterminated string at %d", start)
		}
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			nest++
		case ')':
			nest--
			if nest == 0 {
				return pdfString{b: out, start: start, end: l.pos}, nil
			}
		case '\r':
			// An end of line in a string is a line feed, whatever its bytes.
			if l.peek() == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.eof() {
				return pdfString{}, perr("unterminated string at %d", start)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.peek() == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.peek() >= '0' && l.peek() <= '7'; k++ {
						v = v*8 + int(l.peek()-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes: the character itself
				}
			}
		}
		out = append(out, c)
	}
}

func (l *lexer) parseHex(start int) (pdfString, error) {
	l.pos++ // <
	out := make([]byte, 0, 64)
	hi, half := byte(0), false
	for {
		if l.eof() {
			return pdfString{}, perr("unterminated hex string at %d", start)
		}
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return pdfString{b: out, hex: true, start: start, end: l.pos}, nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := hexVal(c)
		if !ok {
			return pdfString{}, perr("bad hex digit at %d", l.pos-1)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}
