package checklist

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The checklist at a laptop and a projector size, in both languages, shows every text whole.
func TestFitsLaptop(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		for _, size := range fit.Sizes {
			t.Run(fmt.Sprintf("%s-%vx%v", lang, size.Width, size.Height), func(t *testing.T) {
				test.NewTempApp(t)
				s := demoStore(t)
				_, win, _ := openView(t, s, "Barn- och utbildningsnämnden", 2026, lang)
				win.Resize(size)
				opts := fit.Options{Allow: wholeButtons(win)}
				if ps := fit.Check(win.Canvas().Content(), opts); len(ps) > 0 {
					t.Errorf("checklist:\n%s", fit.Report(ps, 20))
				}
			})
		}
	}
}

// wholeButtons are the texts of the buttons in w whose own text ends in "…" (they open a
// dialog): shown whole they are not cut; a cut form of them is still reported.
func wholeButtons(w fyne.Window) []string {
	var out []string
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if b, ok := o.(*widget.Button); ok && strings.HasSuffix(b.Text, "…") {
			out = append(out, b.Text)
		}
	}
	return out
}
