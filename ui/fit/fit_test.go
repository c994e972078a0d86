package fit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestCheck(t *testing.T) {
	long := "Riskanalys för verksamhetskritiska system i skolplattformen"
	cut := func() fyne.CanvasObject {
		l := widget.NewLabel(long)
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewGridWrap(fyne.NewSize(120, 40), l)
	}
	narrow := func() fyne.CanvasObject {
		e := widget.NewEntry()
		e.SetText("2027-12-31")
		return container.NewGridWrap(fyne.NewSize(60, 40), e)
	}
	wide := func() fyne.CanvasObject {
		e := widget.NewEntry()
		e.SetText("2027-12-31")
		return container.NewGridWrap(fyne.NewSize(200, 40), e)
	}
	out := func() fyne.CanvasObject {
		b := widget.NewButton("Spara", nil)
		b.Move(fyne.NewPos(350, 10))
		b.Resize(fyne.NewSize(120, 40))
		return container.NewWithoutLayout(b)
	}
	scrolled := func() fyne.CanvasObject {
		return container.NewVScroll(container.NewVBox(layout.NewSpacer(), widget.NewButton("Längst ner", nil),
			container.NewGridWrap(fyne.NewSize(10, 900))))
	}
	for _, c := range []struct {
		name  string
		build func() fyne.CanvasObject
		allow []string
		want  string // kind of the one problem, or "" for none
	}{
		{"label cut", cut, nil, "ellipsis"},
		{"label cut allowed", cut, []string{"Riskanalys"}, ""},
		{"date clipped", narrow, nil, "clipped"},
		{"date whole", wide, nil, ""},
		{"button outside", out, nil, "outside"},
		{"below the fold in a scroller", scrolled, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewWindow(c.build())
			defer w.Close()
			w.SetPadded(false)
			w.Resize(fyne.NewSize(400, 300))
			ps := Check(w.Content(), Options{Allow: c.allow})
			var kinds []string
			for _, p := range ps {
				kinds = append(kinds, p.Kind)
			}
			if got := strings.Join(kinds, ","); got != c.want {
				t.Errorf("problems %q, want %q:\n%s", got, c.want, Report(ps, 10))
			}
		})
	}
}
