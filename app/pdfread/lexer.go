package pdfread

import (
	"bytes"
	"fmt"
	"strconv"
)

// Object kinds: nil (null), bool, int64, float64, Name, String, Array, Dict, Ref and *Stream.
type (
	// Name is a PDF name without its slash, #xx escapes decoded.
	Name string
	// Array is a PDF array.
	Array []any
	// Dict is a PDF dictionary.
	Dict map[Name]any
	// Ref is an indirect reference "Num Gen R".
	Ref struct{ Num, Gen int }
)

// String is a decoded string with the position of its token in the file, which a signature
// check needs for /Contents.
type String struct {
	Bytes      []byte
	Hex        bool
	Start, End int // token [Start, End) in the file, delimiters included
}

// Text is the string as text (see Text).
func (s String) Text() string { return Text(s.Bytes) }

// Stream is a stream object; its raw (still encoded) data is file[Start:End].
type Stream struct {
	Dict       Dict
	Start, End int
}

// SyntaxError marks malformed input.
type SyntaxError struct{ msg string }

func (e *SyntaxError) Error() string { return e.msg }

func perr(format string, args ...any) error { return &SyntaxError{fmt.Sprintf(format, args...)} }

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
		return perr("more than %d values: far more than a submission has", MaxValues)
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
		var a Array
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

func (l *lexer) parseDict(depth int) (Dict, error) {
	if err := l.spend(containerCost); err != nil {
		return nil, err
	}
	d := Dict{}
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

func (l *lexer) parseName() (Name, error) {
	w := l.word()
	if bytes.IndexByte(w, '#') < 0 {
		return Name(w), nil
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
	return Name(out), nil
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
					return Ref{Num: int(i), Gen: int(g)}, nil
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

func (l *lexer) parseLiteral(start int) (String, error) {
	l.pos++ // (
	var out []byte
	nest := 1
	for {
		if l.eof() {
			return String{}, perr("unterminated string at %d", start)
		}
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			nest++
		case ')':
			nest--
			if nest == 0 {
				return String{Bytes: out, Start: start, End: l.pos}, nil
			}
		case '\r':
			// An end of line in a string is a line feed, whatever its bytes.
			if l.peek() == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.eof() {
				return String{}, perr("unterminated string at %d", start)
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

func (l *lexer) parseHex(start int) (String, error) {
	l.pos++ // <
	out := make([]byte, 0, 64)
	hi, half := byte(0), false
	for {
		if l.eof() {
			return String{}, perr("unterminated hex string at %d", start)
		}
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return String{Bytes: out, Hex: true, Start: start, End: l.pos}, nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := hexVal(c)
		if !ok {
			return String{}, perr("bad hex digit at %d", l.pos-1)
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
