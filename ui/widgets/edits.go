package widgets

import (
	"slices"
	"time"

	"handlingsplan/ui/bridge"
)

// Keyed is an edit that knows which field of which row it changes.
type Keyed interface{ Key() string }

// Pending holds typed edits not yet stored: one per field (a newer edit of the same field
// replaces the older), so that typing is saved when it pauses rather than per keystroke. The
// view writes them with Take on a pause, focus loss, Ctrl+S or close.
type Pending[E Keyed] struct {
	edits []E
	timer *time.Timer
}

// Put queues e, replacing a queued edit of the same field.
func (p *Pending[E]) Put(e E) {
	if i := slices.IndexFunc(p.edits, func(x E) bool { return x.Key() == e.Key() }); i >= 0 {
		p.edits[i] = e
		return
	}
	p.edits = append(p.edits, e)
}

// Later calls flush on the UI goroutine once no Later came for delay (typing paused).
func (p *Pending[E]) Later(delay time.Duration, flush func()) {
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = bridge.After(delay, flush)
}

// Take stops the pause timer and returns the queued edits, oldest first, leaving none.
func (p *Pending[E]) Take() []E {
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	out := p.edits
	p.edits = nil
	return out
}

// Has reports whether an edit of the field key names is queued.
func (p *Pending[E]) Has(key string) bool {
	return slices.ContainsFunc(p.edits, func(x E) bool { return x.Key() == key })
}

// Len is the number of queued edits.
func (p *Pending[E]) Len() int { return len(p.edits) }

// Drop forgets the queued edits that match (e.g. a value the store would refuse).
func (p *Pending[E]) Drop(match func(E) bool) { p.edits = slices.DeleteFunc(p.edits, match) }

// Undoable is one store operation that can be taken back and done again.
type Undoable interface {
	UndoOp() error
	RedoOp() error
}

// MaxHistory bounds the undo stack; a session rarely needs more than the last few hundred edits.
const MaxHistory = 500

// History is a session's undo and redo stacks. It is not saved: after a restart the audit log
// still tells what changed, but undo starts afresh.
type History[O Undoable] struct {
	done   []O
	undone []O
}

// Push records a new operation; it clears what could be redone.
func (h *History[O]) Push(o O) {
	h.done = append(h.done, o)
	if len(h.done) > MaxHistory {
		h.done = slices.Clone(h.done[len(h.done)-MaxHistory:])
	}
	h.undone = h.undone[:0]
}

// CanUndo and CanRedo tell whether there is something to take back or do again.
func (h *History[O]) CanUndo() bool { return len(h.done) > 0 }
func (h *History[O]) CanRedo() bool { return len(h.undone) > 0 }

// Undo runs the newest operation's undo; ok is false when there was none. When the store
// refuses (a plan marked ready, a row gone), the operation stays where it was.
func (h *History[O]) Undo() (o O, ok bool, err error) {
	if len(h.done) == 0 {
		return o, false, nil
	}
	o = h.done[len(h.done)-1]
	if err := o.UndoOp(); err != nil {
		return o, false, err
	}
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, o)
	return o, true, nil
}

// Redo runs the newest undone operation again.
func (h *History[O]) Redo() (o O, ok bool, err error) {
	if len(h.undone) == 0 {
		return o, false, nil
	}
	o = h.undone[len(h.undone)-1]
	if err := o.RedoOp(); err != nil {
		return o, false, err
	}
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, o)
	return o, true, nil
}
