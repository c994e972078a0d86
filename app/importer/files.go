package importer

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// item is one file of a batch, or a path that could not even be listed.
type item struct {
	path string
	err  error
}

// expand turns the paths the user gave into files: a folder stands for the PDF files directly
// in it (sorted by name); a file is taken whatever its name, since the user chose it.
func expand(paths []string) []item {
	var out []item
	seen := map[string]bool{}
	add := func(p string, err error) {
		key := p
		if abs, e := filepath.Abs(p); e == nil {
			key = abs
		}
		if err == nil && seen[key] {
			return
		}
		seen[key] = true
		out = append(out, item{path: p, err: err})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			add(p, err)
			continue
		}
		if !st.IsDir() {
			add(p, nil)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			add(p, err)
			continue
		}
		var names []string
		for _, e := range entries {
			if strings.EqualFold(filepath.Ext(e.Name()), ".pdf") && !strings.HasPrefix(e.Name(), ".") && isRegular(filepath.Join(p, e.Name()), e) {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			add(filepath.Join(p, n), nil)
		}
	}
	return out
}

// isRegular reports whether a folder entry is a regular file, or a link to one: a named pipe
// or device named *.pdf is not a submission, and reading one could wait for ever.
func isRegular(path string, e fs.DirEntry) bool {
	if e.Type().IsRegular() {
		return true
	}
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Count returns how many files Import would look at for paths (folders expanded).
func Count(paths []string) int { return len(expand(paths)) }
