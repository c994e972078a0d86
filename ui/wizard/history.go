package wizard

// op is one store operation that can be undone and redone: a field change (set the old value
// back), an added row (delete it, re-add it with the same id) or a deleted row (the reverse).
// The wizard's undo stack is a widgets.History of them.
type op struct {
	// where the change happened, so undo can show it
	step   int
	entity string
	id     int64
	field  string // "" for a whole row
	undo   func() error
	redo   func() error
}

func (o op) UndoOp() error { return o.undo() }
func (o op) RedoOp() error { return o.redo() }
