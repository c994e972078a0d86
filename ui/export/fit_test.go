package export

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

// The export's dialogs (sensitive data, signing, the result) at a laptop and a projector
// size, in both languages, show every text whole. The identity dialog is checked with the
// identity setup.
func TestFitsLaptop(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		for _, size := range fit.Sizes {
			t.Run(fmt.Sprintf("%s-%vx%v", lang, size.Width, size.Height), func(t *testing.T) {
				fx := newFixture(t)
				fx.env.Loc = i18n.New(lang)
				fx.win.Resize(size)
				fx.saveTestIdentity(t)
				check := func(step string) {
					t.Helper()
					opts := fit.Options{Allow: wholeButtons(fx.win)}
					n := 0
					for _, o := range fx.win.Canvas().Overlays().List() {
						n++
						if ps := fit.Check(o, opts); len(ps) > 0 {
							t.Errorf("%s:\n%s", step, fit.Report(ps, 20))
						}
					}
					if n == 0 {
						t.Errorf("%s: no dialog", step)
					}
				}
				f := fx.flow()
				f.start()
				check("sensitive data")
				test.Tap(f.sensitive.confirm)
				test.Tap(f.sensitive.next)
				check("sign")
				test.Type(f.sign.pass, passphrase)
				test.Tap(f.sign.sign)
				f.wg.Wait()
				check("result")
			})
		}
	}
}

// wholeButtons are the texts of the buttons in w whose own text ends in "…" (they open a
// dialog): shown whole they are not cut; a cut form of them is still reported.
func wholeButtons(w fyne.Window) []string {
	var out []string
	for _, root := range w.Canvas().Overlays().List() {
		for _, o := range test.LaidOutObjects(root) {
			if b, ok := o.(*widget.Button); ok && strings.HasSuffix(b.Text, "…") {
				out = append(out, b.Text)
			}
		}
	}
	return out
}
