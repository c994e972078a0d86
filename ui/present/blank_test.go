//go:build !race

// Painted in software (the whole slide, several times): run by `make test` without the race
// detector, which makes Fyne's painting some ten times slower; the show's keys and state are
// checked under -race in show_test.go.

package present

import (
	"image"
	"image/color"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/i18n"
)

// The test driver repaints everything on every capture and finds the canvas of any object, so
// a refresh that the desktop driver would drop still shows in a test. glApp makes the test
// driver behave as the GLFW driver does in the two ways that matter to blanking the screen:
//   - the driver learns which canvas an object is on only while painting, and painting walks
//     only visible objects (internal/driver/common Canvas.EnsureMinSize via
//     WalkVisibleObjectTree): an object hidden at the last frame has no canvas, and refreshing
//     it asks nobody to redraw;
//   - a window is redrawn only when something asked for it since the last frame.
type glApp struct {
	fyne.App
	drv *glDriver
}

func (a *glApp) Driver() fyne.Driver { return a.drv }

type glDriver struct {
	fyne.Driver
	mu    sync.Mutex
	known map[fyne.CanvasObject]bool // painted at the last frame
	dirty bool
	win   fyne.Window
	last  image.Image
}

func (d *glDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.win == nil || !d.known[o] {
		return nil
	}
	return dirtyCanvas{Canvas: d.win.Canvas(), d: d}
}

// dirtyCanvas notes a refresh, as the GLFW canvas's Refresh marks it dirty.
type dirtyCanvas struct {
	fyne.Canvas
	d *glDriver
}

func (c dirtyCanvas) Refresh(o fyne.CanvasObject) {
	c.d.mu.Lock()
	c.d.dirty = true
	c.d.mu.Unlock()
	c.Canvas.Refresh(o)
}

// frame is what the screen shows after the next run of the driver's loop: a new picture if
// something asked for one (or none was painted yet), else the last.
func (d *glDriver) frame() image.Image {
	d.mu.Lock()
	redraw := d.dirty || d.last == nil
	d.mu.Unlock()
	if !redraw {
		return d.last
	}
	img := d.win.Canvas().Capture()
	known := map[fyne.CanvasObject]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		known[o] = true
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(d.win.Content())
	d.mu.Lock()
	d.known, d.dirty, d.last = known, false, img
	d.mu.Unlock()
	return img
}

// glfwPress sends one key press as the GLFW driver does (window.go processKeyPressed and
// processCharInput): to the focused widget when there is one, else to the canvas's handlers:
// key down, the typed key, the character the key makes (0: none), key up. The test canvas
// keeps no key-down handlers, so those go to the show directly, as in press.
func glfwPress(s *Show, w fyne.Window, name fyne.KeyName, r rune) {
	ev := &fyne.KeyEvent{Name: name}
	c := w.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		if r != 0 {
			f.TypedRune(r)
		}
		return
	}
	s.keyDown(ev)
	if f := c.OnTypedKey(); f != nil {
		f(ev)
	}
	if r != 0 {
		if f := c.OnTypedRune(); f != nil {
			f(r)
		}
	}
	s.keyUp(ev)
}

// share is the part of the picture's pixels of colour c.
func share(img image.Image, c color.NRGBA) float64 {
	b := img.Bounds()
	n, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			all++
			if color.NRGBAModel.Convert(img.At(x, y)) == c {
				n++
			}
		}
	}
	return float64(n) / float64(all)
}

var (
	black = color.NRGBA{A: 0xff}
	white = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

// Issue 10, item 7: B, W, . and , blank and unblank the screen at once with the desktop
// driver's rules of redrawing, whatever had the focus before the presentation started, and the
// key after unblanking acts as it should.
func TestBlankingShowsAtOnce(t *testing.T) {
	deck := planDeck(t)
	for _, tc := range []struct {
		name string
		key  keyPress
		want color.NRGBA
	}{
		{"B", bKey, black},
		{"period", period, black},
		{"W", wKey, white},
		{"comma", comma, white},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			drv := &glDriver{Driver: fyne.CurrentApp().Driver()}
			prev := fyne.CurrentApp()
			fyne.SetCurrentApp(&glApp{App: prev, drv: drv})
			t.Cleanup(func() { fyne.SetCurrentApp(prev) })

			// The shell had a text field in focus (the wizard, say) when F5 was pressed.
			entry := widget.NewEntry()
			w := test.NewTempWindow(t, entry)
			w.Resize(slideSz)
			w.Canvas().Focus(entry)
			drv.win = w
			drv.frame()

			s := Start(Env{Window: w, Loc: i18n.New(i18n.Swedish), Now: clockNow, Tick: -1}, deck, "")
			if f := w.Canvas().Focused(); f != nil {
				t.Fatalf("%T has the focus: the keys would not reach the presentation", f)
			}
			s.show(3)
			if img := drv.frame(); share(img, tc.want) > 0.9 {
				t.Fatal("the slide looks blank before any key")
			}

			glfwPress(s, w, tc.key.name, tc.key.r)
			if s.Blanked() == NotBlank {
				t.Fatal("the key did not blank the screen")
			}
			if got := share(drv.frame(), tc.want); got < 0.99 {
				t.Fatalf("blanked, but the screen shows %.0f %% of the blank colour: nothing was redrawn", got*100)
			}

			// The next key brings the slide back where it was, at once; the one after moves on.
			glfwPress(s, w, right.name, right.r)
			if s.Blanked() != NotBlank || s.Current() != 3 {
				t.Fatalf("after unblanking: blank %d, slide %d", s.Blanked(), s.Current())
			}
			if share(drv.frame(), tc.want) > 0.9 {
				t.Fatal("unblanked, but the screen still looks blank")
			}
			glfwPress(s, w, right.name, right.r)
			if s.Current() != 4 {
				t.Fatalf("the key after unblanking went to slide %d, want 4", s.Current())
			}

			// The same key again unblanks too.
			glfwPress(s, w, tc.key.name, tc.key.r)
			if share(drv.frame(), tc.want) < 0.99 {
				t.Fatal("blanked a second time, nothing shown")
			}
			glfwPress(s, w, tc.key.name, tc.key.r)
			if s.Blanked() != NotBlank || share(drv.frame(), tc.want) > 0.9 || s.Current() != 4 {
				t.Fatalf("the blanking key again: blank %d, slide %d", s.Blanked(), s.Current())
			}
		})
	}
}
