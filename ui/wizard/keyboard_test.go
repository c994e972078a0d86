package wizard

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// "Ta bort raden?": it opens with Ta bort focused and Enter deletes; Escape cancels; Tab goes
// to Avbryt, where Enter cancels.
func TestDeleteConfirmByKeyboard(t *testing.T) {
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, win := open(t, s, d.Plan.ID)
	w.GoTo(StepActivities)
	count := func() int { return len(stored(t, s, d.Plan.ID).Activities) }
	n := count()
	press := func(k fyne.KeyName) {
		f, ok := win.Canvas().Focused().(fyne.Focusable)
		if !ok || f == nil {
			t.Fatalf("nothing focused to press %s on", k)
		}
		f.TypedKey(&fyne.KeyEvent{Name: k})
	}

	w.view.(*activitiesView).onDelete()
	press(fyne.KeyEscape)
	if w.confirm != nil || count() != n {
		t.Fatalf("Escape: dialog %v, %d rows (want %d)", w.confirm != nil, count(), n)
	}
	w.view.(*activitiesView).onDelete()
	win.Canvas().FocusNext() // Tab: to the other button
	if win.Canvas().Focused() != w.confirm.No {
		t.Fatalf("Tab goes to %T, want Avbryt", win.Canvas().Focused())
	}
	press(fyne.KeyReturn)
	if w.confirm != nil || count() != n {
		t.Fatalf("Enter on Avbryt: dialog %v, %d rows", w.confirm != nil, count())
	}
	w.view.(*activitiesView).onDelete()
	if win.Canvas().Focused() != w.confirm.Yes {
		t.Fatalf("the question opens with %T focused, want Ta bort", win.Canvas().Focused())
	}
	press(fyne.KeyReturn)
	if count() != n-1 {
		t.Errorf("Enter on Ta bort leaves %d rows, want %d", count(), n-1)
	}
}

// The divider between a step's table and its form can be dragged both ways; neither side goes
// below its minimum (the table's longest words, the form's fields).
func TestTableFormDividerDrags(t *testing.T) {
	s, _ := demoStore(t)
	d := planFor(t, s, demoBoard, 2027)
	w, win := open(t, s, d.Plan.ID)
	win.Resize(fit.Laptop)
	w.GoTo(StepActivities)
	v := w.view.(*activitiesView)
	split, _ := find(win.Content(), func(o fyne.CanvasObject) bool {
		sp, ok := o.(*container.Split)
		return ok && sp.Horizontal
	}).(*container.Split)
	if split == nil {
		t.Fatal("no split between the table and the form")
	}
	table := v.table.Object()
	before := table.Size().Width
	for _, off := range []float64{0.2, 0.9} {
		split.SetOffset(off)
		if tw, dw := table.Size().Width, v.detail.Size().Width; tw+1 < table.MinSize().Width || dw+1 < v.detail.MinSize().Width {
			t.Errorf("offset %v: table %v (min %v), form %v (min %v)", off, tw, table.MinSize().Width, dw, v.detail.MinSize().Width)
		}
	}
	split.SetOffset(0.9)
	if table.Size().Width <= before {
		t.Errorf("dragging right does not widen the table: %v, was %v", table.Size().Width, before)
	}
}
