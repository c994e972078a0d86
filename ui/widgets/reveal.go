package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// focusNotifier is an input that says when it gains the keyboard focus, and that can pass
// the mouse wheel on to the form's scroller.
type focusNotifier interface {
	setOnFocus(func())
	setWheel(*container.Scroll)
}

// RevealFocus makes every input of the app's own kinds inside s's content (reached through
// containers) scroll into view when it gains the focus: Tab then never puts the cursor in a
// field below the visible part of a form. Call it again after inputs were added.
func RevealFocus(s *container.Scroll) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case focusNotifier:
			x.setOnFocus(func() { ScrollIntoView(s, o) })
			x.setWheel(s)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(s.Content)
}

// ScrollIntoView scrolls s the least that shows o whole (its top when o is taller than s).
func ScrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(o) == nil || d.CanvasForObject(s) == nil {
		return // not on screen
	}
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	bottom := top + o.Size().Height
	view := s.Size().Height
	off := s.Offset.Y
	switch {
	case top < off:
		off = top
	case bottom > off+view:
		off = min(top, bottom-view)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(0, off)))
}

// onFocus is held by the inputs: what to do when they gain the focus, and the scroller the
// mouse wheel goes to when the pointer is over them.
type onFocus struct {
	fn   func()
	pass *wheelPass
}

func (f *onFocus) setOnFocus(fn func()) { f.fn = fn }

func (f *onFocus) setWheel(s *container.Scroll) {
	f.layer().to = s
	f.pass.Show()
}

func (f *onFocus) layer() *wheelPass {
	if f.pass == nil {
		f.pass = &wheelPass{}
		f.pass.ExtendBaseWidget(f.pass)
		f.pass.Hide() // until the input is known to lie in a scrolled form
	}
	return f.pass
}

// wrap adds a transparent layer over r's objects that, when the input lies in a scrolled form,
// takes the mouse wheel and scrolls the form: an entry's own scroller would otherwise take the
// wheel, and the form stop scrolling wherever the pointer is over a field. Elsewhere the layer
// is hidden and the input scrolls as Fyne's does.
func (f *onFocus) wrap(r fyne.WidgetRenderer) fyne.WidgetRenderer {
	return &wheelRenderer{WidgetRenderer: r, pass: f.layer()}
}

type wheelRenderer struct {
	fyne.WidgetRenderer
	pass *wheelPass
}

func (r *wheelRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.pass.Move(fyne.NewPos(0, 0))
	r.pass.Resize(size)
}

func (r *wheelRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.pass)
}

// wheelPass is the layer that passes the wheel on. It takes nothing else: taps, the cursor
// and typing reach the input under it.
type wheelPass struct {
	widget.BaseWidget
	to *container.Scroll
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled scrolls the form.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.to != nil {
		w.to.Scrolled(ev)
	}
}

func (f *onFocus) focused() {
	if f.fn != nil {
		f.fn()
	}
}
