package register

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
)

// The delete question by keyboard: Escape keeps the system, Enter deletes it.
func TestDeleteQuestionKeys(t *testing.T) {
	test.NewTempApp(t)
	s, _ := demoStore(t)
	board := boardID(t, s)
	v, win := open(t, s, board, i18n.Swedish)
	key := func(k fyne.KeyName) {
		win.Canvas().Unfocus()
		win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
	}
	x := byName(t, v, "Skolplattform")
	v.Focus(x.ID)
	v.onDelete()
	key(fyne.KeyEscape)
	if _, ok := stored(t, s, board, x.ID); !ok || win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape: stored %v, dialog %v", ok, win.Canvas().Overlays().Top())
	}
	v.Focus(x.ID)
	v.onDelete()
	key(fyne.KeyReturn)
	if _, ok := stored(t, s, board, x.ID); ok {
		t.Fatal("Enter did not delete")
	}
}
