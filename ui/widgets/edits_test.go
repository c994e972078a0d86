package widgets

import (
	"errors"
	"testing"
)

type testEdit struct{ field, value string }

func (e testEdit) Key() string { return e.field }

func TestPendingKeepsNewestPerField(t *testing.T) {
	var p Pending[testEdit]
	for _, e := range []testEdit{{"title", "I"}, {"owner", "A"}, {"title", "Inf"}, {"title", "Info"}} {
		p.Put(e)
	}
	if p.Len() != 2 {
		t.Fatalf("Len %d, want 2", p.Len())
	}
	p.Drop(func(e testEdit) bool { return e.field == "owner" })
	got := p.Take()
	if len(got) != 1 || got[0] != (testEdit{"title", "Info"}) || p.Len() != 0 {
		t.Fatalf("Take: %v, then Len %d", got, p.Len())
	}
}

type testOp struct {
	name string
	log  *[]string
	fail bool
}

func (o testOp) UndoOp() error {
	if o.fail {
		return errors.New("refused")
	}
	*o.log = append(*o.log, "undo "+o.name)
	return nil
}

func (o testOp) RedoOp() error {
	*o.log = append(*o.log, "redo "+o.name)
	return nil
}

func TestHistory(t *testing.T) {
	var log []string
	var h History[testOp]
	if _, ok, err := h.Undo(); ok || err != nil || h.CanUndo() || h.CanRedo() {
		t.Fatal("an empty history undid something")
	}
	h.Push(testOp{"a", &log, false})
	h.Push(testOp{"b", &log, false})
	if o, ok, err := h.Undo(); !ok || err != nil || o.name != "b" || !h.CanRedo() {
		t.Fatalf("undo: %v %v %v", o.name, ok, err)
	}
	if o, ok, _ := h.Redo(); !ok || o.name != "b" || h.CanRedo() {
		t.Fatalf("redo: %v %v", o.name, ok)
	}
	h.Push(testOp{"refused", &log, true})
	if _, ok, err := h.Undo(); ok || err == nil || !h.CanUndo() {
		t.Fatal("a refused undo must stay on the stack")
	}
	h.Undo() // still refused
	for i := 0; i < MaxHistory+10; i++ {
		h.Push(testOp{"x", &log, false})
	}
	if len(h.done) != MaxHistory || h.CanRedo() {
		t.Fatalf("history holds %d ops", len(h.done))
	}
	if want := []string{"undo b", "redo b"}; len(log) != 2 || log[0] != want[0] || log[1] != want[1] {
		t.Fatalf("log %v", log)
	}
}
