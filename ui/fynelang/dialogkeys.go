package fynelang

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// DialogKeys gives the dialog just shown over win (the window's top overlay) the keys a dialog
// has everywhere else, which Fyne 2.7's dialogs do not: Enter does enter (its default button),
// Escape does escape (cancel or close); either may be nil. A one-line field in the dialog
// that has no Enter action of its own does enter too, since a focused field takes the keys.
// Keys go on to the window's own handler when the dialog is not on top; once no dialog is
// left the window's handler is put back.
func DialogKeys(win fyne.Window, enter, escape func()) {
	c := win.Canvas()
	top := c.Overlays().Top()
	if top == nil {
		return
	}
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if c.Overlays().Top() == top {
			switch ev.Name {
			case fyne.KeyEscape:
				if escape != nil {
					escape()
				}
				return
			case fyne.KeyReturn, fyne.KeyEnter:
				if enter != nil {
					enter()
				}
				return
			}
		} else if c.Overlays().Top() == nil {
			// Every dialog is closed: the handlers they chained unwind one key at a time.
			c.SetOnTypedKey(prev)
		}
		if prev != nil {
			prev(ev)
		}
	})
	if enter != nil {
		submitOnEnter(top, enter)
	}
}

// submitOnEnter makes Enter in the one-line fields under obj that have no action of their own
// do enter.
func submitOnEnter(obj fyne.CanvasObject, enter func()) {
	switch t := obj.(type) {
	case *widget.PopUp:
		submitOnEnter(t.Content, enter)
	case *fyne.Container:
		for _, o := range t.Objects {
			submitOnEnter(o, enter)
		}
	case *container.Scroll:
		submitOnEnter(t.Content, enter)
	case *container.Split:
		submitOnEnter(t.Leading, enter)
		submitOnEnter(t.Trailing, enter)
	case *widget.Form:
		for _, it := range t.Items {
			submitOnEnter(it.Widget, enter)
		}
	case *widget.Entry:
		if !t.MultiLine && t.OnSubmitted == nil {
			t.OnSubmitted = func(string) { enter() }
		}
	}
}

// ShowInformation is dialog.ShowInformation whose OK button Enter and Escape press too.
func ShowInformation(title, message string, win fyne.Window) {
	d := dialog.NewInformation(title, message, win)
	d.Show()
	DialogKeys(win, d.Hide, d.Hide)
}

// ShowError is dialog.ShowError whose OK button Enter and Escape press too.
func ShowError(err error, win fyne.Window) {
	d := dialog.NewError(err, win)
	d.Show()
	DialogKeys(win, d.Hide, d.Hide)
}

// ShowConfirm is dialog.ShowConfirm with Enter for Yes and Escape for No.
func ShowConfirm(title, message string, callback func(bool), win fyne.Window) {
	d := dialog.NewConfirm(title, message, callback, win)
	d.Show()
	DialogKeys(win, d.Confirm, d.Dismiss)
}

// Press is what pressing b does, when b is shown and enabled: for DialogKeys.
func Press(b *widget.Button) func() {
	return func() {
		if b != nil && b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// ConfirmKeys is DialogKeys for a confirm dialog just shown: Enter confirms, Escape dismisses.
func ConfirmKeys(win fyne.Window, d dialog.Dialog) {
	if cd, ok := d.(*dialog.ConfirmDialog); ok {
		DialogKeys(win, cd.Confirm, cd.Dismiss)
		return
	}
	DialogKeys(win, nil, d.Dismiss)
}
