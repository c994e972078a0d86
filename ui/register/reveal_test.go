package register

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
	"handlingsplan/ui/fit"
)

// At a laptop's height the detail's last fields lie below the visible part: focusing one (as
// Tab does) scrolls the form to it, and focusing the name then shows the name.
func TestFocusScrollsFieldIntoView(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	v, win := open(t, s, boardID(t, s), i18n.Swedish)
	win.Resize(fit.Laptop)
	v.Focus(byName(t, v, "Skolplattform").ID)
	d := v.form
	d.scroll.ScrollToTop()
	if d.scroll.Content.Size().Height <= d.scroll.Size().Height {
		t.Skipf("the form fits (%v in %v): nothing to scroll", d.scroll.Content.Size(), d.scroll.Size())
	}
	win.Canvas().Focus(d.recoveryAt)
	if d.scroll.Offset.Y <= 0 {
		t.Fatalf("focus on the last date did not scroll: offset %v", d.scroll.Offset)
	}
	win.Canvas().Focus(d.name)
	drv := fyne.CurrentApp().Driver()
	top := drv.AbsolutePositionForObject(d.name).Y - drv.AbsolutePositionForObject(d.scroll).Y
	if top < 0 || top+d.name.Size().Height > d.scroll.Size().Height {
		t.Errorf("focus on the name did not bring it back into view: offset %v, top %v", d.scroll.Offset.Y, top)
	}
}
