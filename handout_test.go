package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/cli"
	"handlingsplan/data"
	"handlingsplan/ui"
)

// Issue 10, item 4: the handout is the deck F5 shows. For the municipal overview and for a
// board's received plan, the slides the app shows (read off the screen, one after the other)
// and the pages `handlingsplan handout` prints are as many, in the same order, with the same
// words on each.
func TestHandoutIsTheDeckF5Shows(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "coordinator.db")
	run(t, "demo", "--db", db, "--year", "2026", "--coordinator")
	// The handouts first: the app holds the database while it runs.
	handout := func(name string, args ...string) string {
		out := filepath.Join(dir, name)
		run(t, append([]string{"handout", "--db", db, "--out", out}, args...)...)
		return out
	}
	overview := handout("overview.pdf", "--year", "2026")
	const board = "Barn- och utbildningsnämnden"
	boardPlans := map[string]string{"2025": handout("2025.pdf", "--board", board, "--year", "2025"),
		"2026": handout("2026.pdf", "--board", board, "--year", "2026")}

	s, err := data.Open(db, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sh := ui.NewApp(test.NewTempApp(t), s, ui.Options{DemoYear: 2026, SaveDelay: -1, PresentTick: -1,
		Config: ui.Config{ConfigDir: filepath.Join(dir, "config"), AppVersion: "test"}})
	w := sh.Window()
	w.Resize(fyne.NewSize(1366, 768))

	t.Run("overview", func(t *testing.T) {
		sh.ShowStart()
		test.Tap(button(t, w, "Kommunöversikt"))
		test.Tap(button(t, w, "Presentera (F5)"))
		sameSlides(t, showAll(t, w), pages(t, overview))
	})

	t.Run("a board's received plan", func(t *testing.T) {
		sh.ShowStart()
		test.Tap(button(t, w, "Presentera"))
		shown := showAll(t, w)
		m := regexp.MustCompile(`^(.+) · handlingsplan (\d{4}) · version \d+$`).FindStringSubmatch(footer(shown[0]))
		if m == nil || m[1] != board || boardPlans[m[2]] == "" {
			t.Fatalf("not a plan of %s in the footer %q", board, footer(shown[0]))
		}
		sameSlides(t, shown, pages(t, boardPlans[m[2]]))
	})
}

func run(t *testing.T, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Run(args, &out, &errOut); code != 0 {
		t.Fatalf("%s: exit %d: %s", args[0], code, errOut.String())
	}
}

// button finds a button by its text anywhere in the window.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}

// texts are the texts on screen.
func texts(w fyne.Window) []string {
	var out []string
	walk(w.Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
			out = append(out, t.Text)
		}
	})
	return out
}

var counter = regexp.MustCompile(`^(\d+) / (\d+)$`)

// showAll reads every slide of the running presentation off the screen, pressing → between
// them, and ends the presentation.
func showAll(t *testing.T, w fyne.Window) [][]string {
	t.Helper()
	if !w.FullScreen() {
		t.Fatal("no presentation")
	}
	var slides [][]string
	for {
		shown := texts(w)
		n, total := "", ""
		for _, s := range shown {
			if m := counter.FindStringSubmatch(s); m != nil {
				n, total = m[1], m[2]
			}
		}
		if n == "" {
			t.Fatalf("no slide counter on screen: %q", shown)
		}
		slides = append(slides, shown)
		if n == total || len(slides) > 500 {
			break
		}
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	return slides
}

// footer is the slide's source line (the footer's left text).
func footer(slide []string) string {
	for i, s := range slide {
		if counter.MatchString(s) && i > 0 {
			return slide[i-1]
		}
	}
	return ""
}

// pages are the handout's pages as pdftotext reads them.
func pages(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	ps := strings.Split(string(out), "\f")
	if strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// letters are the characters of a text but spaces and hyphens, sorted: pdftotext joins a word
// broken over two lines and reads a no-break space as it likes, so the same text on a slide
// and on a page has the same letters, not always the same words.
func letters(s string) string {
	var rs []rune
	for _, r := range s {
		if r != '-' && r != '\u00a0' && r != '\u202f' && !unicode.IsSpace(r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(rs)
}

func sameSlides(t *testing.T, shown [][]string, printed []string) {
	t.Helper()
	if len(shown) != len(printed) {
		t.Errorf("F5 shows %d slides, the handout has %d pages", len(shown), len(printed))
	}
	for i := range min(len(shown), len(printed)) {
		if got, want := letters(printed[i]), letters(strings.Join(shown[i], " ")); got != want {
			t.Errorf("slide %d: on screen %q\nin the handout %q", i+1, strings.Join(shown[i], " | "), strings.Join(strings.Fields(printed[i]), " "))
		}
	}
}
