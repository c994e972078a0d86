package wizard

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/ui/fit"
)

// Tab into a field below the visible part of a form scrolls it into view; the mouse wheel over
// a text field scrolls the form.
func TestFormFollowsFocusAndWheel(t *testing.T) {
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, win := open(t, s, d.Plan.ID)
	win.Resize(fit.Projector)
	w.GoTo(StepActivities)
	v := w.view.(*activitiesView)
	sc := v.f.scroll
	last := v.systems[len(v.systems)-1]
	if sc.Offset.Y != 0 {
		t.Fatalf("the form starts scrolled to %v", sc.Offset.Y)
	}
	win.Canvas().Focus(last)
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(last).Y - fyne.CurrentApp().Driver().AbsolutePositionForObject(sc).Y
	if sc.Offset.Y == 0 || top < 0 || top+last.Size().Height > sc.Size().Height+1 {
		t.Errorf("focused tick at %v in a view of %v (offset %v): not in view", top, sc.Size().Height, sc.Offset.Y)
	}

	// Back to the top, then the wheel over the description field.
	sc.ScrollToTop()
	// The driver gives the wheel to the topmost scrollable object under the pointer: the last
	// one of the field's objects.
	objs := test.WidgetRenderer(v.description).Objects()
	sl, ok := objs[len(objs)-1].(fyne.Scrollable)
	if !ok {
		t.Fatal("the description field has no wheel layer on top")
	}
	sl.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if sc.Offset.Y <= 0 {
		t.Error("the wheel over a text field does not scroll the form")
	}
}
