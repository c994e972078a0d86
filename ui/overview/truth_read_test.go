package overview

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"handlingsplan/app/present"
)

// doc is a document as pages of lines; a line is its fields from left to right (a table's
// cells, a label and its value).
type doc [][]line

// line is the fields of one line of text.
type line []field

// field is a run of text and where it starts on the page.
type field struct {
	s string
	x float64
}

// texts are the line's fields as text, with their spaces made alike.
func (l line) texts() []string {
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = norm(f.s)
	}
	return out
}

// joined is the text of lines as one string.
func joined(ls []line) string {
	var parts []string
	for _, l := range ls {
		parts = append(parts, l.texts()...)
	}
	return norm(strings.Join(parts, " "))
}

// pdfDoc reads a PDF as pdftotext sees it: words grouped into lines by their height on the
// page and into fields where the gap between two words is wider than a space.
func pdfDoc(t *testing.T, pdf []byte) doc {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-tsv", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	type word struct {
		x, y, w, h float64
		s          string
	}
	pages := map[int][]word{}
	maxPage := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 12 || c[0] != "5" {
			continue
		}
		p, _ := strconv.Atoi(c[1])
		x, _ := strconv.ParseFloat(c[6], 64)
		y, _ := strconv.ParseFloat(c[7], 64)
		w, _ := strconv.ParseFloat(c[8], 64)
		h, _ := strconv.ParseFloat(c[9], 64)
		pages[p] = append(pages[p], word{x, y, w, h, c[11]})
		maxPage = max(maxPage, p)
	}
	var d doc
	for p := 1; p <= maxPage; p++ {
		ws := pages[p]
		sort.SliceStable(ws, func(i, j int) bool { return ws[i].y < ws[j].y })
		var lines [][]word
		for _, w := range ws {
			if n := len(lines); n > 0 && math.Abs(lines[n-1][0].y-w.y) <= 0.25*w.h {
				lines[n-1] = append(lines[n-1], w)
				continue
			}
			lines = append(lines, []word{w})
		}
		var page []line
		for _, l := range lines {
			sort.SliceStable(l, func(i, j int) bool { return l[i].x < l[j].x })
			var fields line
			cur := field{l[0].s, l[0].x}
			for i := 1; i < len(l); i++ {
				if l[i].x-(l[i-1].x+l[i-1].w) > 0.4*l[i].h {
					fields = append(fields, cur)
					cur = field{l[i].s, l[i].x}
					continue
				}
				cur.s += " " + l[i].s
			}
			page = append(page, append(fields, cur))
		}
		d = append(d, page)
	}
	return d
}

// deckDoc is the slides as they are drawn: every text in its place, a line per height.
func deckDoc(deck *present.Deck) doc {
	var d doc
	for _, s := range deck.Slides {
		var items []present.Item
		for _, it := range s.Items {
			if it.Kind == present.ItemText && it.Text != "" {
				items = append(items, it)
			}
		}
		sort.SliceStable(items, func(i, j int) bool {
			if math.Abs(items[i].Y-items[j].Y) > 0.5 {
				return items[i].Y < items[j].Y
			}
			return items[i].X < items[j].X
		})
		var page []line
		for i, it := range items {
			f := field{it.Text, it.X} // a left-aligned text starts where its box does
			if i > 0 && math.Abs(items[i-1].Y-it.Y) <= 0.5 {
				page[len(page)-1] = append(page[len(page)-1], f)
				continue
			}
			page = append(page, line{f})
		}
		d = append(d, page)
	}
	return d
}

// norm makes pdftotext's and the slides' spaces alike.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)), " ")
}

// lines flattens pages into one list of lines.
func (d doc) lines() []line {
	var out []line
	for _, p := range d {
		out = append(out, p...)
	}
	return out
}

// pages are the pages whose heading (first line) starts with prefix.
func (d doc) pages(prefix string) [][]line {
	var out [][]line
	for _, p := range d {
		if len(p) > 0 && strings.HasPrefix(norm(p[0][0].s), prefix) {
			out = append(out, p)
		}
	}
	return out
}

// section is the lines from the line that is heading alone up to the first line starting
// with end ("" runs to the end).
func section(lines []line, heading, end string) []line {
	from := -1
	for i, l := range lines {
		if from < 0 {
			if len(l) == 1 && norm(l[0].s) == heading {
				from = i + 1
			}
			continue
		}
		if end != "" && strings.HasPrefix(joined([]line{l}), end) {
			return lines[from:i]
		}
	}
	if from < 0 {
		return nil
	}
	return lines[from:]
}

// rowOf finds the first line of a table row whose first cell is name (or the start of name
// wrapped over lines) and returns the cells after the name and the line's index.
func rowOf(lines []line, name string) ([]string, int) {
	name = norm(name)
	for i, l := range lines {
		first := norm(l[0].s)
		rest := l[1:].texts()
		switch {
		case first == name && len(l) == 1 && i+1 < len(lines):
			// A name too wide for its column has a line of its own over its figures (slides).
			return lines[i+1].texts(), i
		case first == name:
		case strings.HasPrefix(first, name+" "):
			// The name and the next cell closer than a column gap (pdftotext's reading).
			rest = append([]string{strings.TrimPrefix(first, name+" ")}, rest...)
		case len(first) >= 6 && strings.HasPrefix(name, strings.TrimSuffix(first, "-")) && len(first) < len(name):
		default:
			continue
		}
		return rest, i
	}
	return nil, -1
}

// valueAbove is the value printed above a label, starting where it starts: the nearest field
// above the label's first line at its left edge (the report's tiles, the slides' facts).
func valueAbove(lines []line, label string) (string, bool) {
	for i, l := range lines {
		for _, c := range l {
			if !strings.HasPrefix(norm(c.s), label) {
				continue
			}
			for k := i - 1; k >= 0; k-- {
				for _, a := range lines[k] {
					if math.Abs(a.x-c.x) < 3 {
						return norm(a.s), true
					}
				}
			}
		}
	}
	return "", false
}
