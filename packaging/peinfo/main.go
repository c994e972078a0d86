// Command peinfo inspects a Windows executable the way `make dist-check` needs it, with Go's
// debug/pe (no Windows tools): machine, subsystem, the DLLs it imports, its resources (icon,
// manifest, version information) and whether it carries an Authenticode signature.
//
//	peinfo handlingsplan.exe                                      prints what it finds
//	peinfo -gui -version 1.2.0 -allow-dlls kernel32.dll,… FILE    also checks, exit 1 on a mismatch
package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Info is what peinfo reads from one file.
type Info struct {
	Machine     string
	Subsystem   string
	DLLs        []string
	Resources   map[int]int // type → number of resources
	FixedFile   string      // FILEVERSION as a.b.c.d
	Strings     map[string]string
	Signature   int // size of the Authenticode certificate table, 0 when unsigned
	VersionSeen bool
}

func main() {
	gui := flag.Bool("gui", false, "require the Windows GUI subsystem (no console window)")
	version := flag.String("version", "", "require this ProductVersion and FileVersion string")
	allow := flag.String("allow-dlls", "", "comma-separated DLLs the file may import (case-insensitive); any other fails")
	signed := flag.Bool("signed", false, "require an Authenticode signature")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: peinfo [-gui] [-version V] [-allow-dlls a.dll,b.dll] [-signed] FILE.exe")
		os.Exit(2)
	}
	info, err := Read(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "peinfo:", err)
		os.Exit(1)
	}
	info.print()
	var fails []string
	if *gui && info.Subsystem != "windows-gui" {
		fails = append(fails, "subsystem is "+info.Subsystem+", want windows-gui")
	}
	if *version != "" {
		for _, k := range []string{"ProductVersion", "FileVersion"} {
			if info.Strings[k] != *version {
				fails = append(fails, fmt.Sprintf("%s is %q, want %q", k, info.Strings[k], *version))
			}
		}
	}
	if *allow != "" {
		ok := map[string]bool{}
		for _, d := range strings.Split(*allow, ",") {
			ok[strings.ToLower(strings.TrimSpace(d))] = true
		}
		for _, d := range info.DLLs {
			if !ok[strings.ToLower(d)] {
				fails = append(fails, "imports "+d+", which is not a Windows system DLL on the list")
			}
		}
	}
	if info.Resources[rtGroupIcon] == 0 {
		fails = append(fails, "no icon resource")
	}
	if !info.VersionSeen {
		fails = append(fails, "no version resource")
	}
	if *signed && info.Signature == 0 {
		fails = append(fails, "no Authenticode signature")
	}
	for _, f := range fails {
		fmt.Fprintln(os.Stderr, "peinfo: FAIL:", f)
	}
	if len(fails) > 0 {
		os.Exit(1)
	}
}

func (i *Info) print() {
	fmt.Printf("machine:    %s\n", i.Machine)
	fmt.Printf("subsystem:  %s\n", i.Subsystem)
	fmt.Printf("imports:    %s\n", strings.Join(i.DLLs, " "))
	names := map[int]string{rtIcon: "icon", rtGroupIcon: "group-icon", rtVersion: "version", rtManifest: "manifest"}
	var rs []string
	for t, n := range i.Resources {
		name := names[t]
		if name == "" {
			name = fmt.Sprintf("type-%d", t)
		}
		rs = append(rs, fmt.Sprintf("%s×%d", name, n))
	}
	sort.Strings(rs)
	fmt.Printf("resources:  %s\n", strings.Join(rs, " "))
	fmt.Printf("FILEVERSION %s\n", i.FixedFile)
	keys := make([]string, 0, len(i.Strings))
	for k := range i.Strings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %-17s %s\n", k+":", i.Strings[k])
	}
	if i.Signature > 0 {
		fmt.Printf("signature:  Authenticode, %d bytes\n", i.Signature)
	} else {
		fmt.Println("signature:  none")
	}
}

// Read inspects the PE file at path.
func Read(path string) (*Info, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info := &Info{Resources: map[int]int{}, Strings: map[string]string{}}
	switch f.Machine {
	case pe.IMAGE_FILE_MACHINE_AMD64:
		info.Machine = "amd64"
	case pe.IMAGE_FILE_MACHINE_I386:
		info.Machine = "386"
	case pe.IMAGE_FILE_MACHINE_ARM64:
		info.Machine = "arm64"
	default:
		info.Machine = fmt.Sprintf("0x%x", f.Machine)
	}
	var sub uint16
	var dirs []pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		sub, dirs = oh.Subsystem, oh.DataDirectory[:oh.NumberOfRvaAndSizes]
	case *pe.OptionalHeader32:
		sub, dirs = oh.Subsystem, oh.DataDirectory[:oh.NumberOfRvaAndSizes]
	default:
		return nil, errors.New("no optional header")
	}
	switch sub {
	case pe.IMAGE_SUBSYSTEM_WINDOWS_GUI:
		info.Subsystem = "windows-gui"
	case pe.IMAGE_SUBSYSTEM_WINDOWS_CUI:
		info.Subsystem = "windows-console"
	default:
		info.Subsystem = fmt.Sprintf("%d", sub)
	}
	if len(dirs) > pe.IMAGE_DIRECTORY_ENTRY_SECURITY {
		info.Signature = int(dirs[pe.IMAGE_DIRECTORY_ENTRY_SECURITY].Size)
	}
	// ImportedLibraries is unimplemented in debug/pe; each imported symbol names its DLL.
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil, fmt.Errorf("imports: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range syms {
		_, dll, ok := strings.Cut(s, ":")
		if ok && !seen[strings.ToLower(dll)] {
			seen[strings.ToLower(dll)] = true
			info.DLLs = append(info.DLLs, dll)
		}
	}
	sort.Slice(info.DLLs, func(a, b int) bool { return strings.ToLower(info.DLLs[a]) < strings.ToLower(info.DLLs[b]) })
	if len(dirs) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		if err := readResources(f, dirs[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE], info); err != nil {
			return nil, fmt.Errorf("resources: %w", err)
		}
	}
	return info, nil
}

// readResources walks the resource tree (type → name → language → data).
func readResources(f *pe.File, dir pe.DataDirectory, info *Info) error {
	if dir.Size == 0 {
		return nil
	}
	var sec *pe.Section
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	if sec == nil {
		return errors.New("resource directory outside every section")
	}
	raw, err := sec.Data()
	if err != nil {
		return err
	}
	base := dir.VirtualAddress - sec.VirtualAddress
	if int(base) >= len(raw) {
		return errors.New("resource directory past its section")
	}
	rsrc := raw[base:]
	types, err := entries(rsrc, 0)
	if err != nil {
		return err
	}
	for _, t := range types {
		names, err := entries(rsrc, t.off)
		if err != nil {
			return err
		}
		for _, n := range names {
			langs, err := entries(rsrc, n.off)
			if err != nil {
				return err
			}
			for _, l := range langs {
				info.Resources[int(t.id)]++
				if t.id != rtVersion {
					continue
				}
				data, err := leaf(rsrc, raw, sec.VirtualAddress, l.off)
				if err != nil {
					return err
				}
				if err := ParseVersion(data, info); err != nil {
					return fmt.Errorf("version resource: %w", err)
				}
			}
		}
	}
	return nil
}

type entry struct {
	id  uint32
	off uint32
}

// entries reads the resource directory at off: its entries' ids and where each points.
func entries(rsrc []byte, off uint32) ([]entry, error) {
	if int(off)+16 > len(rsrc) {
		return nil, errors.New("truncated directory")
	}
	n := int(binary.LittleEndian.Uint16(rsrc[off+12:])) + int(binary.LittleEndian.Uint16(rsrc[off+14:]))
	var out []entry
	for i := 0; i < n; i++ {
		p := int(off) + 16 + 8*i
		if p+8 > len(rsrc) {
			return nil, errors.New("truncated directory entry")
		}
		out = append(out, entry{
			id:  binary.LittleEndian.Uint32(rsrc[p:]),
			off: binary.LittleEndian.Uint32(rsrc[p+4:]) &^ 0x80000000,
		})
	}
	return out, nil
}

// leaf reads a resource's bytes from its data entry (whose offset is an RVA).
func leaf(rsrc, sec []byte, secVA, off uint32) ([]byte, error) {
	if int(off)+16 > len(rsrc) {
		return nil, errors.New("truncated data entry")
	}
	rva := binary.LittleEndian.Uint32(rsrc[off:])
	size := binary.LittleEndian.Uint32(rsrc[off+4:])
	start := int(rva) - int(secVA)
	if start < 0 || start+int(size) > len(sec) {
		return nil, errors.New("resource data outside its section")
	}
	return sec[start : start+int(size)], nil
}

// ParseVersion reads a VS_VERSIONINFO block: the fixed file version and every string of its
// StringFileInfo tables.
func ParseVersion(b []byte, info *Info) error {
	key, value, children, err := node(b)
	if err != nil {
		return err
	}
	if key != "VS_VERSION_INFO" {
		return fmt.Errorf("root key %q", key)
	}
	if len(value) >= 52 && binary.LittleEndian.Uint32(value) == 0xFEEF04BD {
		ms, ls := binary.LittleEndian.Uint32(value[8:]), binary.LittleEndian.Uint32(value[12:])
		info.FixedFile = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	}
	info.VersionSeen = true
	for len(children) > 0 {
		k, _, sub, rest, err := next(children)
		if err != nil {
			return err
		}
		children = rest
		if k != "StringFileInfo" {
			continue
		}
		for len(sub) > 0 { // string tables, one per language
			_, _, strs, r, err := next(sub)
			if err != nil {
				return err
			}
			sub = r
			for len(strs) > 0 {
				name, val, _, r, err := next(strs)
				if err != nil {
					return err
				}
				strs = r
				info.Strings[name] = strings.TrimRight(decode16(val), "\x00")
			}
		}
	}
	return nil
}

// next splits the first node off b (nodes are 4-byte aligned).
func next(b []byte) (key string, value, children, rest []byte, err error) {
	if len(b) < 6 {
		return "", nil, nil, nil, errors.New("truncated node")
	}
	n := int(binary.LittleEndian.Uint16(b))
	if n < 6 || n > len(b) {
		return "", nil, nil, nil, fmt.Errorf("node length %d of %d", n, len(b))
	}
	key, value, children, err = node(b[:n])
	if align(n) < len(b) {
		rest = b[align(n):]
	}
	return key, value, children, rest, err
}

// node reads one version-info node: wLength, wValueLength, wType, the key, the value, children.
func node(b []byte) (key string, value, children []byte, err error) {
	if len(b) < 6 {
		return "", nil, nil, errors.New("truncated node")
	}
	n := int(binary.LittleEndian.Uint16(b))
	vlen := int(binary.LittleEndian.Uint16(b[2:]))
	text := binary.LittleEndian.Uint16(b[4:]) == 1
	if n > len(b) {
		return "", nil, nil, errors.New("node longer than its block")
	}
	b = b[:n]
	p := 6
	var k []uint16
	for p+1 < len(b) {
		c := binary.LittleEndian.Uint16(b[p:])
		p += 2
		if c == 0 {
			break
		}
		k = append(k, c)
	}
	p = align(p)
	if text {
		vlen *= 2 // the length of a text value counts UTF-16 units
	}
	if p+vlen > len(b) {
		vlen = max(0, len(b)-p)
	}
	value = b[min(p, len(b)) : min(p, len(b))+vlen]
	p = align(p + vlen)
	if p < len(b) {
		children = b[p:]
	}
	return string(utf16.Decode(k)), value, children, nil
}

func decode16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

func align(n int) int { return (n + 3) &^ 3 }
