// Command licenses writes the licence texts of everything linked into handlingsplan: the Go
// standard library, every module the program imports on Linux, Windows and macOS (from go.mod,
// through `go list -deps`), and the licence files that sit beside linked code (fonts, C
// sources). The result, packaging/third-party-licenses.txt, is embedded in the program (the
// About dialog) and shipped in every package.
//
//	go run ./packaging/licenses -o packaging/third-party-licenses.txt   (make licenses)
//	go run ./packaging/licenses -check packaging/third-party-licenses.txt
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// targets are the systems the program is built for; their dependency sets differ a little
// (dbus on Linux, the Windows system packages).
var targets = []string{"linux", "windows", "darwin"}

const tags = "migrated_fynedo"

func main() {
	out := flag.String("o", "", "write the licence file here")
	check := flag.String("check", "", "compare this file with what would be written; exit 1 when it differs")
	flag.Parse()
	if (*out == "") == (*check == "") {
		fmt.Fprintln(os.Stderr, "usage: licenses -o FILE | -check FILE")
		os.Exit(2)
	}
	text, err := generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "licenses:", err)
		os.Exit(1)
	}
	if *check != "" {
		have, err := os.ReadFile(*check)
		if err != nil {
			fmt.Fprintln(os.Stderr, "licenses:", err)
			os.Exit(1)
		}
		if !bytes.Equal(have, text) {
			fmt.Fprintf(os.Stderr, "licenses: %s is out of date with go.mod: run `make licenses` and commit it\n", *check)
			os.Exit(1)
		}
		fmt.Printf("licenses: %s is up to date\n", *check)
		return
	}
	if err := os.WriteFile(*out, text, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "licenses:", err)
		os.Exit(1)
	}
}

// pkg is what `go list -deps -json` tells about one linked package.
type pkg struct {
	ImportPath string
	Dir        string
	Standard   bool
	Module     *struct {
		Path    string
		Version string
		Dir     string
		Main    bool
	}
}

// component is one module (or the standard library, or the program's own embedded files)
// with the licence files that apply to it.
type component struct {
	Name, Version string
	Files         []licenceFile
}

type licenceFile struct {
	Rel  string // path inside the module, for the reader
	Text string
}

func generate() ([]byte, error) {
	pkgs, err := listDeps()
	if err != nil {
		return nil, err
	}
	comps, err := collect(pkgs)
	if err != nil {
		return nil, err
	}
	return render(comps), nil
}

// listDeps lists every package linked into the program on any target.
func listDeps() ([]pkg, error) {
	seen := map[string]bool{}
	var all []pkg
	for _, goos := range targets {
		cmd := exec.Command("go", "list", "-deps", "-tags", tags, "-json", ".")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		cmd.Stderr = os.Stderr
		outp, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list (GOOS=%s): %w", goos, err)
		}
		dec := json.NewDecoder(bytes.NewReader(outp))
		for {
			var p pkg
			if err := dec.Decode(&p); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return nil, fmt.Errorf("go list (GOOS=%s): %w", goos, err)
			}
			if !seen[p.ImportPath] {
				seen[p.ImportPath] = true
				all = append(all, p)
			}
		}
	}
	return all, nil
}

// collect groups the packages by module and finds each module's licence files: those at the
// module root, in a linked package's folder, and in the folders below it that hold no Go
// package (C sources and fonts a package compiles in or embeds).
func collect(pkgs []pkg) ([]component, error) {
	type mod struct {
		c    component
		dirs map[string]bool
		root string
	}
	mods := map[string]*mod{}
	mainDir := ""
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main {
			mainDir = p.Module.Dir
		}
	}
	key := func(p pkg) (string, *mod) {
		switch {
		case p.Standard:
			return "std", &mod{c: component{Name: "Go standard library"}, root: filepath.Join(goroot(), "src")}
		case p.Module != nil && (p.Module.Main || inside(p.Module.Dir, mainDir)):
			// The program's own modules (earlylocale, replaced by a folder of this repository)
			// are under the program's licence.
			return "main", &mod{c: component{Name: "Handlingsplan (embedded third-party files)"}}
		case p.Module != nil:
			return p.Module.Path, &mod{c: component{Name: p.Module.Path, Version: p.Module.Version}, root: p.Module.Dir}
		}
		return "", nil
	}
	for _, p := range pkgs {
		k, fresh := key(p)
		if k == "" {
			return nil, fmt.Errorf("package %s has no module", p.ImportPath)
		}
		m := mods[k]
		if m == nil {
			m = fresh
			m.dirs = map[string]bool{}
			mods[k] = m
		}
		if !p.Standard {
			m.dirs[p.Dir] = true
		}
	}
	var comps []component
	for k, m := range mods {
		var files []string
		if k == "std" {
			files = []string{filepath.Join(goroot(), "LICENSE")}
		} else {
			if m.root != "" {
				files = append(files, licenceFiles(m.root)...)
			}
			for d := range m.dirs {
				if k == "main" && d == mainDir {
					// The program's own licence (LICENSE) is shipped on its own.
					files = append(files, nonPackageLicences(d)...)
					continue
				}
				files = append(files, licenceFiles(d)...)
				files = append(files, nonPackageLicences(d)...)
			}
		}
		base := m.root
		if k == "std" {
			base = goroot()
		}
		seenText := map[string]bool{}
		for _, f := range dedupe(files) {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			t := strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n"))
			if seenText[t] {
				continue
			}
			seenText[t] = true
			rel := f
			if base != "" {
				if r, err := filepath.Rel(base, f); err == nil {
					rel = filepath.ToSlash(r)
				}
			} else if wd, err := os.Getwd(); err == nil {
				if r, err := filepath.Rel(wd, f); err == nil {
					rel = filepath.ToSlash(r)
				}
			}
			m.c.Files = append(m.c.Files, licenceFile{Rel: rel, Text: t})
		}
		if k == "main" && len(m.c.Files) == 0 {
			continue
		}
		if len(m.c.Files) == 0 {
			return nil, fmt.Errorf("module %s %s: no licence file found", m.c.Name, m.c.Version)
		}
		comps = append(comps, m.c)
	}
	sort.Slice(comps, func(i, j int) bool { return order(comps[i]) < order(comps[j]) })
	return comps, nil
}

// order puts the standard library first, the program's own embedded files last.
func order(c component) string {
	switch {
	case strings.HasPrefix(c.Name, "Go standard"):
		return "0"
	case strings.HasPrefix(c.Name, "Handlingsplan"):
		return "2"
	}
	return "1" + c.Name
}

var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|ofl)([._-].*)?$`)

// licenceFiles are the licence files directly in dir.
func licenceFiles(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && licenceName.MatchString(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// nonPackageLicences are licence files in the folders below dir that hold no .go file
// (a package's C sources or embedded fonts), except test data.
func nonPackageLicences(dir string) []string {
	var out []string
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range ents {
		if !e.IsDir() || e.Name() == "testdata" || strings.HasPrefix(e.Name(), "_") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		if gos, _ := filepath.Glob(filepath.Join(sub, "*.go")); len(gos) > 0 {
			continue
		}
		out = append(out, licenceFiles(sub)...)
	}
	return out
}

func dedupe(files []string) []string {
	sort.Strings(files)
	var out []string
	for i, f := range files {
		if i == 0 || f != files[i-1] {
			out = append(out, f)
		}
	}
	return out
}

func goroot() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// render writes the summary table and then every licence text.
func render(comps []component) []byte {
	var b bytes.Buffer
	rule := strings.Repeat("=", 78)
	b.WriteString("Third-party software in Handlingsplan\n")
	b.WriteString("Generated from go.mod by packaging/licenses (`make licenses`); do not edit.\n")
	b.WriteString("SQLite, compiled in through github.com/mattn/go-sqlite3, is in the public domain.\n\n")
	for _, c := range comps {
		ids := make([]string, 0, len(c.Files))
		for _, f := range c.Files {
			ids = append(ids, Identify(f.Text))
		}
		fmt.Fprintf(&b, "%-44s  %-36s  %s\n", c.Name, c.Version, strings.Join(uniq(ids), ", "))
	}
	for _, c := range comps {
		for _, f := range c.Files {
			fmt.Fprintf(&b, "\n%s\n%s: %s\n%s\n\n%s\n", rule, strings.TrimSpace(c.Name+" "+c.Version), f.Rel, rule, f.Text)
		}
	}
	return b.Bytes()
}

func uniq(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Identify names a licence text's kind (an SPDX identifier) from phrases each licence has;
// "other" when none matches (the text itself is shipped either way).
func Identify(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	has := func(s string) bool { return strings.Contains(strings.ToLower(t), strings.ToLower(s)) }
	switch {
	case has("Apache License") && has("Version 2.0"):
		return "Apache-2.0"
	case has("Mozilla Public License Version 2.0"):
		return "MPL-2.0"
	case has("SIL OPEN FONT LICENSE"):
		return "OFL-1.1"
	case has("Bitstream Vera"):
		return "Bitstream-Vera"
	case has("Permission is hereby granted, free of charge"):
		return "MIT"
	case has("Permission to use, copy, modify, and/or distribute") || has("Permission to use, copy, modify, and distribute this software for any purpose with or without fee"):
		return "ISC"
	case has("This software is provided 'as-is'") || has("This software is provided \u2018as-is\u2019"):
		return "Zlib"
	case has("Redistribution and use in source and binary forms"):
		if has("Neither the name") || has("names of its contributors") || has("name of the copyright holder") {
			return "BSD-3-Clause"
		}
		return "BSD-2-Clause"
	}
	return "other"
}

// inside reports whether dir is a folder below root.
func inside(dir, root string) bool {
	if dir == "" || root == "" {
		return false
	}
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..")
}
