package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeMessages reads a message file: one JSON object whose values are strings or objects of
// strings (plural forms). It is the part of every command's start that reads the messages, and
// this narrow decoder does it several times faster than encoding/json's general one. What it
// accepts, encoding/json reads the same (FuzzDecodeMessages checks).
//
// Each top-level entry goes to add as it is read, a string or a map[string]any of strings.
func decodeMessages(b []byte, add func(key string, v any) error) error {
	d := decoder{b: b, add: add}
	d.space()
	if _, err := d.object(0); err != nil {
		return err
	}
	d.space()
	if d.i != len(d.b) {
		return d.errorf("data after the object")
	}
	return nil
}

type decoder struct {
	b   []byte
	i   int
	add func(key string, v any) error
}

func (d *decoder) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", d.i, fmt.Sprintf(format, args...))
}

func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// object reads {"key": value, …}; values are strings, or objects of strings at depth 0. The
// entries at depth 0 go to d.add, those of depth 1 into the map returned.
func (d *decoder) object(depth int) (map[string]any, error) {
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return nil, d.errorf("expected {")
	}
	d.i++
	var out map[string]any
	put := func(k string, v any) error { out[k] = v; return nil }
	if depth == 0 {
		put = d.add
	} else {
		out = make(map[string]any, 2)
	}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		if out == nil && depth > 0 {
			out = map[string]any{}
		}
		return out, nil
	}
	for {
		d.space()
		key, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, d.errorf("expected :")
		}
		d.i++
		d.space()
		if d.i < len(d.b) && d.b[d.i] == '{' && depth == 0 {
			v, err := d.object(1)
			if err != nil {
				return nil, err
			}
			if err := put(key, v); err != nil {
				return nil, err
			}
		} else {
			v, err := d.str()
			if err != nil {
				return nil, err
			}
			if err := put(key, v); err != nil {
				return nil, err
			}
		}
		d.space()
		if d.i >= len(d.b) {
			return nil, d.errorf("unterminated object")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return out, nil
		default:
			return nil, d.errorf("expected , or }")
		}
	}
}

// str reads a JSON string.
func (d *decoder) str() (string, error) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return "", d.errorf("expected a string")
	}
	d.i++
	start := d.i
	// The common case: no escapes, valid UTF-8.
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c == '"' {
			s := d.b[start:d.i]
			d.i++
			if !utf8.Valid(s) {
				return "", d.errorf("invalid UTF-8")
			}
			return string(s), nil
		}
		if c == '\\' || c < ' ' {
			break
		}
		d.i++
	}
	buf := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if !utf8.Valid(buf) {
				return "", d.errorf("invalid UTF-8")
			}
			return string(buf), nil
		case c < ' ':
			return "", d.errorf("control character in a string")
		case c != '\\':
			buf = append(buf, c)
			d.i++
			continue
		}
		if d.i+1 >= len(d.b) {
			break
		}
		e := d.b[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", d.errorf("bad \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one character; a lone half is U+FFFD, as encoding/json has it.
				if d.i+1 < len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
					save := d.i
					d.i += 2
					if r2, ok := d.hex4(); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							buf = utf8.AppendRune(buf, dec)
							continue
						}
					}
					d.i = save
				}
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", d.errorf("bad escape \\%c", e)
		}
	}
	return "", errors.New("unterminated string")
}

func (d *decoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d.b[d.i:d.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	d.i += 4
	return rune(v), true
}
