package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableLayout holds a Table's header and rows; in a table that wraps, a new width first
// fits the columns' floors and every row's height to it.
type tableLayout struct{ t *Table }

func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.t.cfg.Wrap && size.Width != l.t.width {
		l.t.width = size.Width
		l.t.layout.Width = size.Width
		l.t.fitRows()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// fitRows sets the columns' floors (their longest words) and each row's height for the width
// the table was last laid out at (nothing before the first layout, or without Wrap).
func (t *Table) fitRows() {
	if !t.cfg.Wrap {
		return
	}
	t.layout.Floors = t.wordFloors()
	if t.width <= 0 {
		return
	}
	ws := t.layout.widths(t.width)[1:]
	base := t.rowMin()
	if len(t.heights) != len(t.order) {
		t.heights = make([]float32, len(t.order))
	}
	for v, i := range t.order {
		h := base
		if i < t.cfg.Count() {
			for c, col := range t.cols {
				if col.Text == nil || c >= len(ws) || ws[c] <= 0 {
					continue
				}
				bold := col.Style != nil && col.Style(i).Bold
				h = max(h, t.textHeight(col.Text(i), ws[c], bold))
			}
		}
		if t.heights[v] != h {
			t.heights[v] = h
			t.list.SetItemHeight(v, h)
		}
	}
}

// rowMin is the height of a one-line row.
func (t *Table) rowMin() float32 {
	h := t.textHeight("Ag", 1000, false)
	if t.cfg.Mark != nil {
		h = max(h, theme.IconInlineSize())
	}
	return h
}

// textHeight is the height of a label showing text wrapped at width.
func (t *Table) textHeight(text string, width float32, bold bool) float32 {
	if t.measure == nil {
		t.measure = widget.NewLabel("")
		t.measure.Wrapping = fyne.TextWrapWord
		t.cache = map[measureKey]float32{}
	}
	k := measureKey{text, width, bold}
	if h, ok := t.cache[k]; ok {
		return h
	}
	if len(t.cache) > 4000 {
		clear(t.cache)
	}
	m := t.measure
	m.Text, m.TextStyle.Bold = text, bold
	m.Refresh()
	m.Resize(fyne.NewSize(width, m.Size().Height))
	h := m.MinSize().Height
	t.cache[k] = h
	return h
}

// maxWordFloor bounds what one long word (a web address) may ask of a column, in text sizes:
// beyond it the word is broken rather than the table made wider than the window.
const maxWordFloor = 14

// wordFloors are, per column, the width of its longest word (title, bold, with room for the
// sort arrow; or cell) with the label's padding: narrower, a word would be broken.
func (t *Table) wordFloors() []float32 {
	pad := 2 * theme.InnerPadding()
	limit := maxWordFloor * theme.TextSize()
	out := make([]float32, len(t.cols))
	for c, col := range t.cols {
		w := widestWord(col.Title, fyne.TextStyle{Bold: true})
		if col.Less != nil {
			w += theme.IconInlineSize() + theme.Padding()
		}
		if col.Text != nil {
			for i := range t.cfg.Count() {
				var style fyne.TextStyle
				if col.Style != nil {
					style.Bold = col.Style(i).Bold
				}
				w = max(w, min(widestWord(col.Text(i), style), limit))
			}
		}
		out[c] = w + pad + 1
	}
	return out
}

func widestWord(s string, style fyne.TextStyle) float32 {
	size := theme.TextSize()
	var w float32
	for _, word := range strings.Fields(s) {
		w = max(w, fyne.MeasureText(word, size, style).Width)
	}
	return w
}

// KeepWords holds a wrapping label at least as wide as its longest word: narrower, Fyne breaks
// the word itself ("informationssäkerhetsregle/r").
func KeepWords(l *widget.Label) fyne.CanvasObject {
	return &fyne.Container{Layout: keepWords{l}, Objects: []fyne.CanvasObject{l}}
}

type keepWords struct{ l *widget.Label }

func (k keepWords) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := k.l.MinSize()
	w := widestWord(k.l.Text, k.l.TextStyle)
	if k.l.SizeName != "" && k.l.SizeName != theme.SizeNameText {
		w *= theme.Size(k.l.SizeName) / theme.TextSize()
	}
	s.Width = max(s.Width, w+2*theme.InnerPadding()+1)
	return s
}

func (k keepWords) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
