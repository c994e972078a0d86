package checklist

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The checklist at a laptop and a projector size, in both languages, shows every text whole.
func TestFitsLaptop(t *testing.T) {
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		test.NewTempApp(t)
		s := demoStore(t)
		_, win, _ := openView(t, s, "Barn- och utbildningsnämnden", 2026, lang)
		win.Resize(size)
		opts := fit.Options{Allow: fit.WholeButtons(win)}
		if ps := fit.Check(win.Canvas().Content(), opts); len(ps) > 0 {
			t.Errorf("checklist:\n%s", fit.Report(ps, 20))
		}
	})
}
