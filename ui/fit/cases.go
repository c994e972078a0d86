package fit

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/i18n"
)

// Langs are the languages every view is checked in.
var Langs = []i18n.Lang{i18n.Swedish, i18n.English}

// Each runs fn as a subtest ("sv-1366x728") for every language and size.
func Each(t *testing.T, fn func(t *testing.T, lang i18n.Lang, size fyne.Size)) {
	t.Helper()
	for _, lang := range Langs {
		for _, size := range Sizes {
			t.Run(fmt.Sprintf("%s-%vx%v", lang, size.Width, size.Height), func(t *testing.T) {
				fn(t, lang, size)
			})
		}
	}
}

// WholeButtons are the texts of the buttons in w and its dialogs whose own text ends in "…"
// (they open a dialog): for Options.Allow, so that such a button shown whole is not reported
// while a cut form of it still is.
func WholeButtons(w fyne.Window) []string {
	var out []string
	roots := append([]fyne.CanvasObject{w.Canvas().Content()}, w.Canvas().Overlays().List()...)
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			if b, ok := o.(*widget.Button); ok && strings.HasSuffix(b.Text, "…") {
				out = append(out, b.Text)
			}
		}
	}
	return out
}

// CutOnPurpose drops from ps the texts cut short at a path where a view shows the whole text
// elsewhere (a tap, the detail under a table): inPath says which paths, full lists the whole
// texts, and a cut text must be the start of one of them.
func CutOnPurpose(ps []Problem, full []string, inPath func(path string) bool) []Problem {
	var out []Problem
	for _, p := range ps {
		shown := strings.TrimSuffix(p.Text, "…")
		ok := false
		if p.Kind == "ellipsis" && inPath(p.Path) {
			for _, f := range full {
				if strings.HasPrefix(f, shown) {
					ok = true
					break
				}
			}
		}
		if !ok {
			out = append(out, p)
		}
	}
	return out
}

// Assert fails t, naming what, when root needs more room than it has — content wider or
// taller than the window is cut at its edge, which the walk cannot see, since a test window
// grows to its content — or when Check finds a problem in it.
func Assert(t *testing.T, what string, root fyne.CanvasObject, o Options) {
	t.Helper()
	if min, size := root.MinSize(), root.Size(); min.Width > size.Width+1 || min.Height > size.Height+1 {
		t.Errorf("%s: needs %v, more than the window's %v", what, min, size)
	}
	if ps := Check(root, o); len(ps) > 0 {
		t.Errorf("%s:\n%s", what, Report(ps, 20))
	}
}
