package main

import (
	"encoding/binary"
	"testing"
	"unicode/utf16"
)

// vnode encodes one version-info node the way windres writes it.
func vnode(key string, text bool, value []byte, children ...[]byte) []byte {
	var b []byte
	b = append(b, 0, 0, 0, 0, 0, 0)
	for _, u := range utf16.Encode([]rune(key)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	b = append(b, 0, 0)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, value...)
	vlen := len(value)
	if text {
		vlen /= 2
	}
	for _, c := range children {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		b = append(b, c...)
	}
	binary.LittleEndian.PutUint16(b, uint16(len(b)))
	binary.LittleEndian.PutUint16(b[2:], uint16(vlen))
	if text {
		binary.LittleEndian.PutUint16(b[4:], 1)
	}
	return b
}

func utf16z(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func TestParseVersion(t *testing.T) {
	fixed := make([]byte, 52)
	binary.LittleEndian.PutUint32(fixed, 0xFEEF04BD)
	binary.LittleEndian.PutUint32(fixed[8:], 1<<16|2)
	binary.LittleEndian.PutUint32(fixed[12:], 3<<16|4)
	table := vnode("040904B0", true, nil,
		vnode("CompanyName", true, utf16z("Kommunen")),
		vnode("ProductVersion", true, utf16z("1.2.3-4-gabcdef0")),
	)
	blob := vnode("VS_VERSION_INFO", false, fixed,
		vnode("StringFileInfo", true, nil, table),
		vnode("VarFileInfo", true, nil, vnode("Translation", false, []byte{9, 4, 0xb0, 4})),
	)
	info := &Info{Strings: map[string]string{}}
	if err := ParseVersion(blob, info); err != nil {
		t.Fatal(err)
	}
	if info.FixedFile != "1.2.3.4" {
		t.Errorf("FILEVERSION %s", info.FixedFile)
	}
	if info.Strings["CompanyName"] != "Kommunen" || info.Strings["ProductVersion"] != "1.2.3-4-gabcdef0" {
		t.Errorf("strings %v", info.Strings)
	}
	if err := ParseVersion(blob[:20], &Info{Strings: map[string]string{}}); err == nil {
		t.Error("a truncated block parsed")
	}
}
