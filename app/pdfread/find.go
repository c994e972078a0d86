package pdfread

import (
	"bytes"
	"errors"
)

// ErrNoAttachment: the PDF has no embedded file of that name.
var ErrNoAttachment = errors.New("no such attachment")

// HasByteRange reports whether "/ByteRange [" followed by four integers occurs in the raw
// bytes: a file without one has no signature, and is answered without parsing its objects.
func HasByteRange(data []byte) bool {
	key := []byte("/ByteRange")
	for i := 0; ; {
		j := bytes.Index(data[i:], key)
		if j < 0 {
			return false
		}
		i += j + len(key)
		l := &lexer{data: data, pos: i}
		l.skipSpace()
		if l.peek() != '[' {
			continue
		}
		l.pos++
		ok := true
		for range 4 {
			if _, good := l.readInt(); !good {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
}

// ByteRanges looks at the first max occurrences of "/ByteRange" in the raw bytes, without
// parsing the file, and returns those followed by an array of four integers none of which is
// more than twice the file's size. It names what a signature covered even in a file too
// broken to open.
func ByteRanges(data []byte, max int) [][4]int {
	var out [][4]int
	key := []byte("/ByteRange")
	for i, found := 0, 0; found < max; found++ {
		j := bytes.Index(data[i:], key)
		if j < 0 {
			break
		}
		i += j + len(key)
		l := &lexer{data: data, pos: i}
		l.skipSpace()
		if l.peek() != '[' {
			continue
		}
		l.pos++
		var n [4]int
		ok := true
		for k := range n {
			v, good := l.readInt()
			if !good || v > int64(len(data))*2 {
				ok = false
				break
			}
			n[k] = int(v)
		}
		if ok {
			out = append(out, n)
		}
	}
	return out
}

// Signatures returns every signature dictionary (one with /ByteRange and /Contents) in the
// objects of the newest revision, wherever it is nested.
func (f *File) Signatures() ([]Dict, error) {
	var out []Dict
	for _, n := range f.Objects() {
		v, err := f.Object(n)
		if err != nil {
			return nil, err
		}
		collectSigs(v, &out)
	}
	return out, nil
}

// collectSigs recurses only as deep as the parser allowed the object to nest.
func collectSigs(v any, out *[]Dict) {
	switch x := v.(type) {
	case Dict:
		_, br := x["ByteRange"]
		_, ct := x["Contents"]
		if br && ct {
			*out = append(*out, x)
		}
		for _, e := range x {
			collectSigs(e, out)
		}
	case Array:
		for _, e := range x {
			collectSigs(e, out)
		}
	case *Stream:
		collectSigs(x.Dict, out)
	}
}

// Attachment returns the decoded embedded file registered under name in the EmbeddedFiles
// name tree, at most limit bytes. Exactly one entry must have that name; ErrNoAttachment
// means none has.
func (f *File) Attachment(name string, limit int) ([]byte, error) {
	root, err := f.Catalog()
	if err != nil {
		return nil, err
	}
	names, err := f.DictOf(root["Names"])
	if err != nil || names == nil {
		return nil, errors.Join(ErrNoAttachment, err)
	}
	tree, err := f.DictOf(names["EmbeddedFiles"])
	if err != nil || tree == nil {
		return nil, errors.Join(ErrNoAttachment, err)
	}
	// A name tree is a tree: every node object is visited once, and the keys, values and kids
	// looked at count against one budget, so a node listed many times (or a shared /Names
	// array) cannot multiply the work. The second match ends the walk.
	var found []any
	seen := map[int]bool{}
	if r, ok := names["EmbeddedFiles"].(Ref); ok {
		seen[r.Num] = true
	}
	entries := 0
	spend := func(n int) error {
		entries += n
		if entries > MaxTreeEntries {
			return perr("embedded files name tree too large")
		}
		return nil
	}
	var walk func(node Dict, depth int) error
	walk = func(node Dict, depth int) error {
		if depth > maxTreeDepth {
			return perr("embedded files name tree too deep")
		}
		if v, err := f.Resolve(node["Names"]); err != nil {
			return err
		} else if arr, ok := v.(Array); ok {
			if err := spend(len(arr)); err != nil {
				return err
			}
			for i := 0; i+1 < len(arr); i += 2 {
				k, err := f.Resolve(arr[i])
				if err != nil {
					return err
				}
				if s, ok := k.(String); ok && Text(s.Bytes) == name {
					found = append(found, arr[i+1])
					if len(found) > 1 {
						return perr("%d attachments named %s", len(found), name)
					}
				}
			}
		}
		v, err := f.Resolve(node["Kids"])
		if err != nil {
			return err
		}
		kids, _ := v.(Array)
		if err := spend(len(kids)); err != nil {
			return err
		}
		for _, k := range kids {
			if r, ok := k.(Ref); ok {
				if seen[r.Num] {
					return perr("embedded files name tree reaches object %d twice", r.Num)
				}
				seen[r.Num] = true
			}
			kd, err := f.DictOf(k)
			if err != nil {
				return err
			}
			if kd != nil {
				if err := walk(kd, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(tree, 0); err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, ErrNoAttachment
	}
	spec, err := f.DictOf(found[0])
	if err != nil || spec == nil {
		return nil, errors.Join(perr("file specification missing"), err)
	}
	ef, err := f.DictOf(spec["EF"])
	if err != nil || ef == nil {
		return nil, errors.Join(perr("file specification without /EF"), err)
	}
	sv, err := f.Resolve(ef["F"])
	if err != nil {
		return nil, err
	}
	stream, ok := sv.(*Stream)
	if !ok {
		return nil, perr("/EF /F is not a stream")
	}
	data, err := f.Decode(stream, limit)
	if err != nil {
		return nil, err
	}
	if params, err := f.DictOf(stream.Dict["Params"]); err == nil && params != nil {
		if size, ok := params["Size"].(int64); ok && size != int64(len(data)) {
			return nil, perr("embedded file has %d bytes, its /Params say %d", len(data), size)
		}
	}
	return data, nil
}
