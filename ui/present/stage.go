package present

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	model "handlingsplan/app/present"
	"handlingsplan/assets"
)

// The slides' typeface, the one the model measured its lines with. The resources are made
// once: Fyne caches parsed fonts by resource.
var (
	fontRegular = fyne.NewStaticResource("DejaVuSansCondensed.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("DejaVuSansCondensed-Bold.ttf", assets.FontBold)
)

func rgb(c model.Color) color.NRGBA {
	r, g, b := c.RGB()
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// newObject makes the canvas object for an item; slideLayout places and sizes it.
func newObject(it model.Item) fyne.CanvasObject {
	switch it.Kind {
	case model.ItemRect:
		return canvas.NewRectangle(rgb(it.Color))
	case model.ItemLine:
		l := canvas.NewLine(rgb(it.Color))
		return l
	}
	t := canvas.NewText(it.Text, rgb(it.Color))
	t.FontSource = fontRegular
	if it.Bold {
		t.FontSource = fontBold
	}
	switch it.Align {
	case model.AlignCenter:
		t.Alignment = fyne.TextAlignCenter
	case model.AlignRight:
		t.Alignment = fyne.TextAlignTrailing
	}
	return t
}

// slideLayout places items given in slide points on a 16:9 area as large as fits, centred
// (letterboxed on screens of another shape). items[i] belongs to the container's objects[i].
type slideLayout struct {
	items []model.Item
}

// scale is the factor from slide points to Fyne units for a container of size, and the
// offset of the slide's top-left corner.
func scale(size fyne.Size) (s float32, off fyne.Position) {
	s = min(size.Width/model.SlideW, size.Height/model.SlideH)
	off = fyne.NewPos((size.Width-s*model.SlideW)/2, (size.Height-s*model.SlideH)/2)
	return s, off
}

func (l *slideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	s, off := scale(size)
	for i, o := range objs {
		if i >= len(l.items) {
			break
		}
		it := l.items[i]
		x, y := off.X+float32(it.X)*s, off.Y+float32(it.Y)*s
		w, h := float32(it.W)*s, float32(it.H)*s
		switch obj := o.(type) {
		case *canvas.Line:
			obj.StrokeWidth = max(1, float32(it.Stroke)*s)
			obj.Position1 = fyne.NewPos(x, y)
			obj.Position2 = fyne.NewPos(x+w, y+h)
			obj.Refresh()
		case *canvas.Text:
			if ts := float32(it.Size) * s; obj.TextSize != ts {
				obj.TextSize = ts
				obj.Refresh()
			}
			obj.Move(fyne.NewPos(x, y))
			obj.Resize(fyne.NewSize(w, h))
		default:
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
		}
	}
}

func (l *slideLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }
