package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyList is a widget.List that offers every typed key to OnKey first: a focused list would
// otherwise swallow the app's own keys (PageUp/PageDown between steps, F5).
type KeyList struct {
	widget.List
	// OnKey handles a key and reports whether it did; nil or false leaves it to the list.
	OnKey func(ev *fyne.KeyEvent) bool
}

// NewKeyList makes a KeyList; onKey may be nil.
func NewKeyList(onKey func(ev *fyne.KeyEvent) bool, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{OnKey: onKey}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey passes ev to OnKey, then to the list when OnKey did not take it.
func (l *KeyList) TypedKey(ev *fyne.KeyEvent) {
	if l.OnKey != nil && l.OnKey(ev) {
		return
	}
	l.List.TypedKey(ev)
}
