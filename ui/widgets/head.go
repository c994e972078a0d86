package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// headCell is a column title of a Table. A sortable one sorts the table when tapped, or when
// it has the focus (Tab reaches it) and Space or Enter is pressed; an arrow shows the order.
// It shrinks with an ellipsis (a button would not), so narrow windows keep every column; in a
// table that wraps it wraps to more lines instead.
type headCell struct {
	widget.BaseWidget
	label *widget.Label
	icon  *widget.Icon
	bg    *canvas.Rectangle
	onTap func() // nil: the column does not sort
	onKey func(*fyne.KeyEvent) bool

	focused, hovered bool
}

func newHeadCell(title string, align fyne.TextAlign, onTap func(), onKey func(*fyne.KeyEvent) bool, wrap bool) *headCell {
	h := &headCell{label: widget.NewLabelWithStyle(title, align, fyne.TextStyle{Bold: true}), icon: widget.NewIcon(nil),
		bg: canvas.NewRectangle(color.Transparent), onTap: onTap, onKey: onKey}
	h.label.Truncation = fyne.TextTruncateEllipsis
	if wrap {
		h.label.Truncation = fyne.TextTruncateOff
		h.label.Wrapping = fyne.TextWrapWord
	}
	h.icon.Hide()
	h.ExtendBaseWidget(h)
	return h
}

func (h *headCell) CreateRenderer() fyne.WidgetRenderer {
	h.bg.CornerRadius = theme.InputRadiusSize()
	return widget.NewSimpleRenderer(container.NewStack(h.bg, container.NewBorder(nil, nil, nil, h.icon, h.label)))
}

// setSort shows the arrow of the sort when the table is sorted by this column.
func (h *headCell) setSort(on, desc bool) {
	switch {
	case !on:
		h.icon.Hide()
	case desc:
		h.icon.SetResource(theme.MoveDownIcon())
		h.icon.Show()
	default:
		h.icon.SetResource(theme.MoveUpIcon())
		h.icon.Show()
	}
}

func (h *headCell) paint() {
	switch {
	case h.focused:
		h.bg.FillColor = theme.Color(theme.ColorNameFocus)
	case h.hovered && h.onTap != nil:
		h.bg.FillColor = theme.Color(theme.ColorNameHover)
	default:
		h.bg.FillColor = color.Transparent
	}
	h.bg.Refresh()
}

// Tapped sorts by this column.
func (h *headCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// Disabled keeps a title that does not sort out of the Tab order (fyne.Disableable; Enable
// and Disable change nothing: whether a column sorts is the table's to say).
func (h *headCell) Disabled() bool { return h.onTap == nil }
func (h *headCell) Enable()        {}
func (h *headCell) Disable()       {}

func (h *headCell) FocusGained() { h.focused = true; h.paint() }
func (h *headCell) FocusLost()   { h.focused = false; h.paint() }

// TypedRune sorts on Space.
func (h *headCell) TypedRune(r rune) {
	if r == ' ' {
		h.Tapped(nil)
	}
}

// TypedKey sorts on Enter; the app's own keys (PageUp, PageDown …) go to the view first.
func (h *headCell) TypedKey(ev *fyne.KeyEvent) {
	if h.onKey != nil && h.onKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		h.Tapped(nil)
	}
}

func (h *headCell) MouseIn(*desktop.MouseEvent)    { h.hovered = true; h.paint() }
func (h *headCell) MouseMoved(*desktop.MouseEvent) {}
func (h *headCell) MouseOut()                      { h.hovered = false; h.paint() }
