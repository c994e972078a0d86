package widgets

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
)

// fakeStore holds fields by name, as a view's store would.
type fakeStore struct {
	vals   map[string]string
	refuse string // a value the store refuses
	writes int
}

func (s *fakeStore) write(e testEdit) (testEdit, bool, error) {
	if e.value == s.refuse {
		return e, false, errors.New("refused")
	}
	s.writes++
	back := testEdit{e.field, s.vals[e.field]}
	s.vals[e.field] = e.value
	return back, back.value != e.value, nil
}

// The one undo controller: typing waits and is written on Flush, each written change is one
// operation, rows pushed by the view undo in order, and the buttons follow.
func TestUndoController(t *testing.T) {
	test.NewTempApp(t)
	st := &fakeStore{vals: map[string]string{"title": "A"}}
	var u Undo[testEdit, string]
	var refused error
	flushes := 0
	u.Write = st.write
	u.Where = func(e testEdit) string { return e.field }
	u.Refused = func(err error) { refused = err }
	u.Flushed = func(bool) { flushes++ }
	undoBtn, redoBtn := widget.NewButton("undo", nil), widget.NewButton("redo", nil)
	u.Buttons(undoBtn, redoBtn)
	if !undoBtn.Disabled() || !redoBtn.Disabled() {
		t.Fatal("buttons enabled with nothing to do")
	}

	for _, v := range []string{"B", "Bo", "Bok"} {
		u.Put(testEdit{"title", v}, false)
	}
	if st.writes != 0 || undoBtn.Disabled() || !u.IsQueued("title") {
		t.Fatalf("typing written at once (%d writes) or undo off", st.writes)
	}
	if err := u.Flush(); err != nil || st.vals["title"] != "Bok" || st.writes != 1 || flushes != 1 {
		t.Fatalf("flush: %v, %q, %d writes", err, st.vals["title"], st.writes)
	}
	added := false
	u.Push("row", func() error { added = false; return nil }, func() error { added = true; return nil })
	added = true

	at, ok, err := u.Undo()
	if at != "row" || !ok || err != nil || added {
		t.Fatalf("undo row: %q %v %v, added %v", at, ok, err, added)
	}
	at, ok, _ = u.Undo()
	if at != "title" || !ok || st.vals["title"] != "A" || redoBtn.Disabled() {
		t.Fatalf("undo title: %q %v %q", at, ok, st.vals["title"])
	}
	if _, ok, _ := u.Undo(); ok || !undoBtn.Disabled() {
		t.Fatal("undo past the start")
	}
	if at, ok, _ = u.Redo(); at != "title" || !ok || st.vals["title"] != "Bok" {
		t.Fatalf("redo: %q %v %q", at, ok, st.vals["title"])
	}

	// A value the store already has is no operation; a refused one is told and not kept.
	u.Put(testEdit{"title", "Bok"}, true)
	st.refuse = "X"
	u.Put(testEdit{"title", "X"}, true)
	if refused == nil || u.Queued() != 0 {
		t.Fatalf("refused write: %v, %d queued", refused, u.Queued())
	}
	// Undo goes to the same change as before: the redo and the unchanged write added nothing.
	if at, ok, _ = u.Undo(); at != "title" || !ok || st.vals["title"] != "A" {
		t.Fatalf("undo after refusal: %q %v %q", at, ok, st.vals["title"])
	}
}

// A number input reads every change with the one parser and hands on a value or the reason.
func TestNumberEntry(t *testing.T) {
	test.NewTempApp(t)
	type got struct {
		text string
		v    int64
		key  string
	}
	var last got
	e := NewNumberEntry(Keys{}, domain.Kronor)
	e.OnInput = func(text string, v int64, err *domain.InputError) {
		last = got{text, v, ""}
		if err != nil {
			last.key = err.Key
		}
	}
	w := test.NewWindow(e)
	defer w.Close()
	test.Type(e, "10 tk")
	if last != (got{"10 tk", 0, "err.input.kronor"}) {
		t.Errorf("10 tk: %+v", last)
	}
	test.Type(e, "r")
	if last != (got{"10 tkr", 10_000, ""}) {
		t.Errorf("10 tkr: %+v", last)
	}
	last = got{}
	e.ShowValue(25_000, "", false)
	if e.Text != "25000" || last != (got{}) {
		t.Errorf("shown value %q counted as typing: %+v", e.Text, last)
	}
	e.ShowValue(25_000, "1,500", true)
	if e.Text != "1,500" || last != (got{}) {
		t.Errorf("shown typed text %q, %+v", e.Text, last)
	}
}

// The inputs pass the app's keys on before handling them themselves.
func TestInputsPassKeysOn(t *testing.T) {
	test.NewTempApp(t)
	var shortcuts, keys int
	k := Keys{
		Shortcut: func(fyne.Shortcut) bool { shortcuts++; return true },
		Key:      func(ev *fyne.KeyEvent) bool { keys++; return ev.Name == fyne.KeyPageDown },
	}
	text := NewTextEntry(k, true)
	text.TypedShortcut(&fyne.ShortcutUndo{})
	text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	NewNumberEntry(k, domain.Hours).TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	NewDateEntry(k).TypedShortcut(&fyne.ShortcutUndo{})
	NewChoice(k, []string{"a"}, "").TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	NewTick(k, "x").TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	NewSuggestEntry(k, nil).TypedShortcut(&fyne.ShortcutUndo{})
	if shortcuts != 3 || keys != 4 {
		t.Errorf("shortcuts %d, keys %d", shortcuts, keys)
	}
	if text.AcceptsTab() {
		t.Error("Tab stays in a multi-line field")
	}
	blurred := false
	text.OnBlur = func() { blurred = true }
	text.FocusLost()
	if !blurred {
		t.Error("no OnBlur")
	}
}
