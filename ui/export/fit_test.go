package export

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// The export's dialogs (sensitive data, signing, the result) at a laptop and a projector
// size, in both languages, show every text whole. The identity dialog is checked with the
// identity setup.
func TestFitsLaptop(t *testing.T) {
	fit.Each(t, func(t *testing.T, lang i18n.Lang, size fyne.Size) {
		fx := newFixture(t)
		fx.env.Loc = i18n.New(lang)
		fx.win.Resize(size)
		fx.saveTestIdentity(t)
		check := func(step string) {
			t.Helper()
			opts := fit.Options{Allow: fit.WholeButtons(fx.win)}
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
