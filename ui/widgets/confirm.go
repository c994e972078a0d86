package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyButton is a button that Enter (or Return) presses as well as Space, and on which Escape
// calls OnEscape: a dialog's buttons work by keyboard as users expect (Fyne's take only Space).
type KeyButton struct {
	widget.Button
	OnEscape func()
}

// NewKeyButton makes a KeyButton; icon may be nil.
func NewKeyButton(text string, icon fyne.Resource, onTap func()) *KeyButton {
	b := &KeyButton{}
	b.Text, b.Icon, b.OnTapped = text, icon, onTap
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and Space, and cancels on Escape.
func (b *KeyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.Tapped(nil)
		}
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// Confirm is a question with a yes and a no button that works by keyboard: it opens with the
// yes button focused, Enter presses the focused button, Tab moves between them, Escape answers
// no.
type Confirm struct {
	Yes, No  *KeyButton
	dlg      *dialog.CustomDialog
	win      fyne.Window
	onResult func(bool)
	answered bool
}

// NewConfirm makes the question title with content (a message: see Message) and the yes and no
// buttons; onResult hears the answer once (false also when the dialog is closed otherwise).
func NewConfirm(title, yes, no string, content fyne.CanvasObject, onResult func(bool), win fyne.Window) *Confirm {
	c := &Confirm{win: win, onResult: onResult}
	c.Yes = NewKeyButton(yes, theme.ConfirmIcon(), c.Confirm)
	c.Yes.Importance = widget.HighImportance
	c.No = NewKeyButton(no, theme.CancelIcon(), c.Dismiss)
	c.Yes.OnEscape, c.No.OnEscape = c.Dismiss, c.Dismiss
	c.dlg = dialog.NewCustomWithoutButtons(title, content, win)
	c.dlg.SetButtons([]fyne.CanvasObject{c.No, c.Yes})
	c.dlg.SetOnClosed(func() { c.answer(false) })
	return c
}

// Message is a question's text, wrapped at a readable width (a wrapped label alone would make
// the dialog one word wide).
func Message(text string) fyne.CanvasObject {
	return WrapAt(28*theme.TextSize(), Wrapped(text))
}

// Show shows the question with the yes button focused.
func (c *Confirm) Show() {
	c.dlg.Show()
	if c.win != nil {
		c.win.Canvas().Focus(c.Yes)
	}
}

// Resize sets the dialog's size.
func (c *Confirm) Resize(s fyne.Size) { c.dlg.Resize(s) }

// Confirm answers yes.
func (c *Confirm) Confirm() {
	c.answer(true)
	c.dlg.Hide()
}

// Dismiss answers no.
func (c *Confirm) Dismiss() {
	c.answer(false)
	c.dlg.Hide()
}

func (c *Confirm) answer(ok bool) {
	if c.answered {
		return
	}
	c.answered = true
	if c.onResult != nil {
		c.onResult(ok)
	}
}

// WrapAt lays out a wrapping label at (at least) width and asks for the height its lines take
// there.
func WrapAt(width float32, o fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: wrapAt{width}, Objects: []fyne.CanvasObject{o}}
}

type wrapAt struct{ width float32 }

func (l wrapAt) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Size().Width < l.width {
			o.Resize(fyne.NewSize(l.width, o.Size().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l wrapAt) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
