package export

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"handlingsplan/ui/fit"
)

// The identity dialog's board (Nämnd) is one Tab stop and takes what is typed: Fyne's arrow
// button was a second stop where typing was lost. The dialog fits a laptop and a projector.
func TestIdentityBoardOneTabStop(t *testing.T) {
	fx := newFixture(t)
	for _, size := range fit.Sizes {
		fx.win.Resize(size)
		f := fx.flow()
		f.start()
		test.Tap(f.setupDlg.create)
		c := f.setupDlg.createForm
		if ps := fit.Check(fx.win.Canvas().Overlays().Top(), fit.Options{}); len(ps) > 0 {
			t.Errorf("identity dialog at %v:\n%s", size, fit.Report(ps, 10))
		}
		cv := fx.win.Canvas()
		cv.Focus(c.title)
		cv.FocusNext()
		if cv.Focused() != c.board {
			t.Fatalf("Tab from the title goes to %T, want the board", cv.Focused())
		}
		cv.FocusNext()
		if cv.Focused() != c.email {
			t.Errorf("Tab from the board goes to %s, want the e-mail (one Tab stop)", fmt.Sprintf("%T", cv.Focused()))
		}
		cv.Focus(c.board)
		c.board.SetText("")
		test.Type(c.board, "Kulturnämnden")
		if c.board.Text != "Kulturnämnden" {
			t.Errorf("typed into the board: %q", c.board.Text)
		}
		c.board.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		if cv.Overlays().Top() == nil {
			t.Error("Down does not open the list of boards")
		}
		for cv.Overlays().Top() != nil {
			cv.Overlays().Remove(cv.Overlays().Top())
		}
	}
}
