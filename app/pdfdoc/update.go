package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"

	"handlingsplan/app/pdfread"
)

// update is an incremental update of a PDF (ISO 32000 §7.5.6): new and changed objects and a
// cross-reference section for them only, appended after the file's %%EOF with /Prev pointing
// at the section before. The bytes before stay as they are, so the offsets gopdf wrote stay
// true and no cross-reference table is ever rewritten. pdfread reads the result, and it is how
// the signature is added afterwards too.
type update struct {
	base    []byte
	f       *pdfread.File
	out     bytes.Buffer // the appended bytes
	next    int          // number of the next new object
	offsets map[int]int  // object number → offset in the whole file
	gens    map[int]int  // generation of a changed object
}

func newUpdate(pdf []byte) (*update, error) {
	f, err := pdfread.Open(pdf)
	if err != nil {
		return nil, fmt.Errorf("read PDF: %w", err)
	}
	u := &update{base: pdf, f: f, next: f.Size(), offsets: map[int]int{}, gens: map[int]int{}}
	if len(pdf) > 0 && pdf[len(pdf)-1] != '\n' {
		u.out.WriteByte('\n')
	}
	return u, nil
}

// add writes body as a new object and returns its number.
func (u *update) add(body []byte) int {
	n := u.next
	u.next++
	u.put(objRef(n, 0), body)
	return n
}

// put writes body as object r, replacing what the file had under that number.
func (u *update) put(r pdfread.Ref, body []byte) {
	u.offsets[r.Num] = len(u.base) + u.out.Len()
	u.gens[r.Num] = r.Gen
	fmt.Fprintf(&u.out, "%d %d obj\n", r.Num, r.Gen)
	u.out.Write(body)
	u.out.WriteString("\nendobj\n")
}

// bytes writes the cross-reference section and the trailer (the old one's /Root, /Info and
// /ID unless info is set) and returns the whole file. An Info dictionary written inline in the
// old trailer, as gopdf writes it, becomes an object of its own, as the standard asks.
func (u *update) bytes(info *pdfread.Ref) []byte {
	old := u.f.Trailer()
	if d, ok := old["Info"].(pdfread.Dict); ok && info == nil {
		r := objRef(u.add(appendValue(nil, d)), 0)
		info = &r
	}
	xrefAt := len(u.base) + u.out.Len()
	nums := make([]int, 0, len(u.offsets))
	for n := range u.offsets {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	u.out.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&u.out, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(&u.out, "%010d %05d n \n", u.offsets[n], u.gens[n])
		}
		i = j
	}
	t := pdfread.Dict{"Size": int64(u.next), "Root": old["Root"], "Prev": int64(u.f.StartXref())}
	if info != nil {
		t["Info"] = *info
	} else if r, ok := old["Info"].(pdfread.Ref); ok {
		t["Info"] = r
	}
	if id, ok := old["ID"].(pdfread.Array); ok && len(id) == 2 {
		t["ID"] = pdfread.Array{id[0], u.newID()}
	} else {
		t["ID"] = pdfread.Array{u.newID(), u.newID()}
	}
	u.out.WriteString("trailer\n")
	u.out.Write(appendValue(nil, t))
	fmt.Fprintf(&u.out, "\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return append(bytes.Clone(u.base), u.out.Bytes()...)
}

// newID is a file identifier derived from the content, so the same input gives the same file.
func (u *update) newID() pdfread.String {
	h := sha256.New()
	h.Write(u.base)
	h.Write(u.out.Bytes())
	return pdfread.String{Bytes: h.Sum(nil)[:16], Hex: true}
}

// catalog returns the catalog's reference and a copy of its entries, to be changed and put.
func (u *update) catalog() (pdfread.Ref, pdfread.Dict, error) {
	root, ok := u.f.Trailer()["Root"].(pdfread.Ref)
	if !ok {
		return pdfread.Ref{}, nil, errors.New("no catalog")
	}
	d, err := u.f.Catalog()
	if err != nil {
		return pdfread.Ref{}, nil, fmt.Errorf("read catalog: %w", err)
	}
	c := make(pdfread.Dict, len(d)+2)
	for k, v := range d {
		c[k] = v
	}
	return root, c, nil
}

// objRef is a reference to object num of generation gen.
func objRef(num, gen int) pdfread.Ref { return pdfread.Ref{Num: num, Gen: gen} }

// ---- writing values ----

// appendValue writes v (a value as pdfread reads it) in PDF syntax; dictionary keys in order,
// so the output is the same every time.
func appendValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case int64:
		return strconv.AppendInt(b, x, 10)
	case float64:
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	case pdfread.Name:
		return appendName(b, x)
	case pdfread.String:
		return appendString(b, x)
	case pdfread.Ref:
		return fmt.Appendf(b, "%d %d R", x.Num, x.Gen)
	case pdfread.Array:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	case pdfread.Dict:
		keys := make([]pdfread.Name, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, "<<"...)
		for _, k := range keys {
			b = appendName(b, k)
			b = append(b, ' ')
			b = appendValue(b, x[k])
		}
		return append(b, ">>"...)
	case literal:
		return append(b, x...)
	}
	panic(fmt.Sprintf("pdfdoc: cannot write a %T", v)) // a programming error: only our own values come here
}

// literal is PDF syntax written as it is (a date string, say).
type literal string

// appendName writes /name with every byte outside the regular printable ones as #xx.
func appendName(b []byte, n pdfread.Name) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c <= ' ' || c >= 0x7f || c == '#' || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 {
			b = fmt.Appendf(b, "#%02X", c)
			continue
		}
		b = append(b, c)
	}
	return b
}

// appendString writes a string read as a literal, printable ASCII, as a literal; any other
// string in hex, which needs no escaping.
func appendString(b []byte, s pdfread.String) []byte {
	if s.Hex || bytes.ContainsFunc(s.Bytes, func(r rune) bool { return r < ' ' || r >= 0x7f }) {
		return appendHex(b, s.Bytes)
	}
	b = append(b, '(')
	for _, c := range s.Bytes {
		if c == '(' || c == ')' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return append(b, ')')
}

func appendHex(b, s []byte) []byte {
	b = append(b, '<')
	b = fmt.Appendf(b, "%X", s)
	return append(b, '>')
}

// textString is s as a PDF text string: printable ASCII as it is, anything else as UTF-16BE
// with a byte order mark, which any reader decodes. Strings are written in hex, so nothing in s
// needs escaping.
func textString(s string) pdfread.String {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] >= ' ' && s[i] < 0x7f
	}
	if ascii {
		return pdfread.String{Bytes: []byte(s), Hex: true}
	}
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return pdfread.String{Bytes: b, Hex: true}
}

// pdfDate is t as a PDF date string in UTC.
func pdfDate(t time.Time) literal {
	return literal("(D:" + t.UTC().Format("20060102150405") + "+00'00')")
}
