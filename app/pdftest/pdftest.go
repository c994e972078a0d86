// Package pdftest checks PDFs the app writes with the outside tools a user's PDF reader stands
// for: qpdf (structure), pdfinfo (document information), qpdf again for the catalog's /Lang,
// pdftotext (the Swedish text extracts right) and pdfsig (the signature is valid and covers
// the whole file). It is imported by tests only.
package pdftest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"handlingsplan/i18n"
)

// Want is what a PDF must show.
type Want struct {
	Title, Author string
	Creator       string   // e.g. "Handlingsplan 1.4.2"
	Lang          string   // the catalog's /Lang
	Text          []string // in pdftotext's output (no-break spaces read as spaces)
	Signed        bool     // pdfsig must find one valid signature over the whole document
}

// tool returns the path of an installed tool, or "" after logging that the check is left out.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Logf("%s is not installed: its check is left out", name)
		return ""
	}
	return p
}

// run runs a tool with $HOME in a temporary folder (poppler and NSS must not touch the real one).
func run(t testing.TB, path string, args ...string) string {
	t.Helper()
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("%s %s: %v\n%s", filepath.Base(path), strings.Join(args, " "), err, out)
	}
	return string(out)
}

var rootRE = regexp.MustCompile(`/Root (\d+) 0 R`)

// Check writes pdf to a temporary file and checks it against w with every tool installed.
func Check(t testing.TB, pdf []byte, w Want) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "check.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if qpdf := tool(t, "qpdf"); qpdf != "" {
		out := run(t, qpdf, "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(out), "warning") {
			t.Errorf("qpdf --check:\n%s", out)
		}
		m := rootRE.FindStringSubmatch(run(t, qpdf, "--show-object=trailer", path))
		if m == nil {
			t.Errorf("qpdf finds no /Root in the trailer")
		} else if cat := run(t, qpdf, "--show-object="+m[1], path); w.Lang != "" && !strings.Contains(cat, "/Lang ("+w.Lang+")") {
			t.Errorf("catalog has no /Lang (%s): %s", w.Lang, cat)
		}
	}
	if pdfinfo := tool(t, "pdfinfo"); pdfinfo != "" {
		info := run(t, pdfinfo, "-enc", "UTF-8", path)
		for _, f := range []struct{ key, want string }{{"Title", w.Title}, {"Author", w.Author}, {"Creator", w.Creator}} {
			if got := field(info, f.key); f.want != "" && got != f.want {
				t.Errorf("pdfinfo %s: %q, want %q", f.key, got, f.want)
			}
		}
	}
	if len(w.Text) > 0 {
		if pdftotext := tool(t, "pdftotext"); pdftotext != "" {
			text := strings.ReplaceAll(run(t, pdftotext, "-enc", "UTF-8", path, "-"), "\u00a0", " ")
			for _, s := range w.Text {
				if !strings.Contains(text, s) {
					t.Errorf("pdftotext lacks %q", s)
				}
			}
		}
	}
	if pdfsig := tool(t, "pdfsig"); pdfsig != "" {
		cmd := exec.Command(pdfsig, path)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		out, _ := cmd.CombinedOutput() // pdfsig exits non-zero for an unsigned file
		signed := bytes.Contains(out, []byte("Signature #1"))
		switch {
		case w.Signed && (!bytes.Contains(out, []byte("Signature is Valid")) || !bytes.Contains(out, []byte("Total document signed")) ||
			bytes.Contains(out, []byte("Signature #2"))):
			t.Errorf("pdfsig does not find one valid signature over the whole file:\n%s", out)
		case !w.Signed && signed:
			t.Errorf("pdfsig finds a signature in a file that should have none:\n%s", out)
		}
	}
}

// field is the value of "Key:   value" in pdfinfo's output.
func field(info, key string) string {
	for _, l := range strings.Split(info, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Build writes a classic-xref PDF of the given objects (number → body between "obj" and
// "endobj") with trailer entries extra after /Root 1 0 R: hand-made files for reader tests.
func Build(objs map[int]string, extra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	last := 0
	for n := range objs {
		last = max(last, n)
	}
	offsets := make([]int, last+1)
	for n := 1; n <= last; n++ {
		body, ok := objs[n]
		if !ok {
			continue
		}
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", last+1)
	for n := 1; n <= last; n++ {
		if offsets[n] == 0 {
			b.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(&b, "%010d 00000 n \n", offsets[n])
		}
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n", last+1, extra, xref)
	return b.Bytes()
}

// Allocated runs fn and returns the bytes of Go heap it allocated (runtime.MemStats.TotalAlloc).
// Tests of hostile input bound this instead of the time taken: it measures the work done the
// same way on an idle laptop and on a loaded CI machine under -race, so the bound cannot flake;
// the time is a benchmark's to report. Do not use it in parallel tests.
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// lineEndHyphen is a word that pdftotext's text breaks at a line end with a hyphen: the head
// (its letters before the hyphen) and the first word of the next line.
var lineEndHyphen = regexp.MustCompile(`(\p{L}+)-\n[ \t]*(\p{L}[\p{L}\d-]*)`)

// InventedHyphens lists the line-end hyphens of text (pdftotext's output) that the document's
// source does not have: "Säkerhetssamo-" + "rdnare" where the source says "Säkerhetssamordnare".
// corpus is the text the document was made from (see Corpus); a hyphen is the source's when the
// corpus has the head followed by a hyphen or a soft hyphen (which prints as one at a break).
func InventedHyphens(text, corpus string) []string {
	var out []string
	for _, m := range lineEndHyphen.FindAllStringSubmatch(strings.ReplaceAll(text, "\r", ""), -1) {
		if !strings.Contains(corpus, m[1]+"-") && !strings.Contains(corpus, m[1]+"\u00ad") {
			out = append(out, m[1]+"-/"+m[2])
		}
	}
	return out
}

// Corpus is the text a document can be made from: every message of the language's catalog and
// the data, printed with %+v (names, titles and descriptions as typed).
func Corpus(lang i18n.Lang, data ...any) string {
	var b strings.Builder
	loc := i18n.New(lang)
	for _, k := range i18n.Keys(lang) {
		b.WriteString(loc.T(k))
		b.WriteByte('\n')
	}
	for _, d := range data {
		fmt.Fprintf(&b, "%+v\n", d)
	}
	return b.String()
}

// Text is pdftotext's text of pdf in the order it is drawn (-raw), so that a table cell's lines
// follow each other and a line-end hyphen stays as printed (without -raw pdftotext joins
// "Säkerhetssamo-" and "rdnare" back into one word); the test is skipped when pdftotext is not
// installed.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "text.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return run(t, bin, "-raw", "-enc", "UTF-8", path, "-")
}
