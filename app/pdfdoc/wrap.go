package pdfdoc

import "strings"

const softHyphen = "\u00ad"

// visible drops soft hyphens, which print only where a line breaks.
func visible(s string) string { return strings.ReplaceAll(s, softHyphen, "") }

// WrapText breaks s into lines no wider than w as measured by width. Lines break between
// words (at spaces; a no-break space holds a number together). A word wider than a whole line
// is broken where the word itself allows: at a soft hyphen (U+00AD, which labels may carry, the
// only "dictionary" the app has), after a hyphen or slash. Only a word with no such place that
// still does not fit is cut between letters, and then without a hyphen: a hyphen at an
// arbitrary letter ("Säkerhetssamo-rdnare") reads as a misspelling. Callers that can shrink
// the font first (table cells, see FitSize) do so, so this cut is a last resort. Newlines start
// new lines.
func WrapText(s string, w float64, width func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		words := strings.FieldsFunc(para, func(c rune) bool { return c == ' ' || c == '\t' })
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		space := width(" ")
		line, lineW := "", 0.0
		for _, word := range words {
			ww := width(visible(word))
			switch {
			case line == "" && ww <= w:
				line, lineW = visible(word), ww
			case line != "" && lineW+space+ww <= w:
				line, lineW = line+" "+visible(word), lineW+space+ww
			default:
				if line != "" {
					lines = append(lines, line)
				}
				for ww > w { // a single word longer than the line
					head, tail := breakWord(word, w, width)
					lines = append(lines, head)
					word = tail
					ww = width(visible(word))
				}
				line, lineW = visible(word), ww
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	// Trailing empty lines (from a final newline) would only add height.
	for len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// breakWord splits an over-long word at the last soft hyphen, hyphen or slash that leaves
// a head no wider than w; failing that, after as many letters as fit (at least one, so
// wrapping always ends), without adding a hyphen.
func breakWord(word string, w float64, width func(string) float64) (head, tail string) {
	runes := []rune(word)
	if len(runes) < 2 {
		return visible(word), ""
	}
	best := 0
	for i := 1; i < len(runes); i++ {
		var h string
		switch runes[i-1] {
		case '\u00ad':
			h = visible(string(runes[:i])) + "-"
		case '-', '/':
			h = visible(string(runes[:i]))
		default:
			continue
		}
		if width(h) <= w {
			best, head = i, h
		}
	}
	if best > 0 {
		return head, string(runes[best:])
	}
	fits := 1
	for i := 2; i < len(runes); i++ {
		if width(visible(string(runes[:i]))) > w {
			break
		}
		fits = i
	}
	if tail := len(runes) - fits; tail < 3 && fits-(3-tail) >= 3 {
		fits -= 3 - tail // never leave a lone letter or two on the next line
	}
	return visible(string(runes[:fits])), string(runes[fits:])
}

// FitSize is the largest font size from size down to floor, in steps of half a point, at which
// every piece of s between the places WrapText may break it (spaces, soft hyphens, after
// hyphens and slashes) fits in w, so that WrapText never has to cut a word; floor when
// none does. width measures at a given size.
func FitSize(s string, w, size, floor float64, width func(s string, size float64) float64) float64 {
	pieces := unbreakable(s)
	fits := func(sz float64) bool {
		for _, p := range pieces {
			if width(p, sz) > w {
				return false
			}
		}
		return true
	}
	for size > floor && !fits(size) {
		size = max(floor, size-0.5)
	}
	return size
}
