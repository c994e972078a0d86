package wizard

// op is one store operation that can be undone and redone: a field change (set the old value
// back), an added row (delete it, re-add it with the same id) or a deleted row (the reverse).
type op struct {
	// where the change happened, so undo can show it
	step   int
	entity string
	id     int64
	field  string // "" for a whole row
	undo   func() error
	redo   func() error
}

// history is the session's undo and redo stacks. It is not saved: after a restart the audit
// log still tells what changed, but undo starts afresh.
type history struct {
	done   []op
	undone []op
}

// maxHistory bounds the undo stack; a session rarely needs more than the last few hundred edits.
const maxHistory = 500

func (h *history) push(o op) {
	h.done = append(h.done, o)
	if len(h.done) > maxHistory {
		h.done = append([]op(nil), h.done[len(h.done)-maxHistory:]...)
	}
	h.undone = h.undone[:0]
}

func (h *history) canUndo() bool { return len(h.done) > 0 }
func (h *history) canRedo() bool { return len(h.undone) > 0 }

// undo runs the newest operation's undo. When the store refuses (the plan was marked ready, a
// row is gone), the operation stays where it was and the error is returned.
func (h *history) undo() (op, error) {
	if len(h.done) == 0 {
		return op{}, nil
	}
	o := h.done[len(h.done)-1]
	if err := o.undo(); err != nil {
		return o, err
	}
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, o)
	return o, nil
}

// redo runs the newest undone operation again.
func (h *history) redo() (op, error) {
	if len(h.undone) == 0 {
		return op{}, nil
	}
	o := h.undone[len(h.undone)-1]
	if err := o.redo(); err != nil {
		return o, err
	}
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, o)
	return o, nil
}
