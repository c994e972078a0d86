package fynelang

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func press(w fyne.Window, k fyne.KeyName) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

// Enter confirms and Escape cancels the dialog on top; other keys, and every key once the
// dialogs are closed, go to the window's own handler.
func TestDialogKeys(t *testing.T) {
	cases := []struct {
		key    fyne.KeyName
		answer string
	}{
		{fyne.KeyReturn, "yes"},
		{fyne.KeyEnter, "yes"},
		{fyne.KeyEscape, "no"},
	}
	for _, c := range cases {
		test.NewTempApp(t)
		w := test.NewTempWindow(t, widget.NewLabel("x"))
		w.Resize(fyne.NewSize(800, 600))
		var own []fyne.KeyName
		w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { own = append(own, ev.Name) })
		answer := ""
		d := dialog.NewConfirm("t", "q", func(ok bool) {
			answer = map[bool]string{true: "yes", false: "no"}[ok]
		}, w)
		d.Show()
		ConfirmKeys(w, d)
		press(w, fyne.KeyF5)
		press(w, c.key)
		if answer != c.answer {
			t.Errorf("%s: answer %q, want %q", c.key, answer, c.answer)
		}
		if w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s: the dialog is still shown", c.key)
		}
		press(w, fyne.KeyEscape) // no dialog: the window's own
		press(w, fyne.KeyDown)
		if len(own) != 3 || own[0] != fyne.KeyF5 || own[1] != fyne.KeyEscape || own[2] != fyne.KeyDown {
			t.Errorf("%s: the window's handler got %v", c.key, own)
		}
	}
}

// Enter in a one-line field of the dialog does the dialog's Enter; a disabled button is not
// pressed.
func TestDialogKeysFieldAndPress(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("x"))
	w.Resize(fyne.NewSize(800, 600))
	runs := 0
	run := widget.NewButton("Kör", func() { runs++ })
	e := widget.NewEntry()
	d := dialog.NewCustomWithoutButtons("t", e, w)
	d.SetButtons([]fyne.CanvasObject{run})
	d.Show()
	DialogKeys(w, Press(run), d.Hide)
	e.OnSubmitted("x")
	run.Disable()
	press(w, fyne.KeyReturn)
	if runs != 1 {
		t.Errorf("%d runs, want 1 (Enter in the field; none while disabled)", runs)
	}
	press(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close")
	}
}
