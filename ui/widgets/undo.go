package widgets

import (
	"time"

	"fyne.io/fyne/v2/widget"
)

// Op is one store operation that can be undone and redone, with where it happened (At: what
// the view needs to show it again, e.g. step, row and field).
type Op[W any] struct {
	At         W
	undo, redo func() error
}

func (o Op[W]) UndoOp() error { return o.undo() }
func (o Op[W]) RedoOp() error { return o.redo() }

// Undo is the one undo/redo controller of the editing views (wizard, register). The view puts
// a user's edit into its own data at once (so tables, totals and problems follow every
// keystroke) and hands it to Put; the edit waits while typing goes on and is written when
// typing pauses, the focus leaves, or before anything else is done (Flush). Each written edit,
// and each row added or deleted (Push), is an operation Undo takes back and Redo does again,
// and the Undo and Redo buttons follow what there is to undo.
type Undo[E Keyed, W any] struct {
	pending Pending[E]
	hist    History[Op[W]]

	// Write stores one edit and returns the edit that takes it back; changed is false when
	// the store held that value already (nothing to undo).
	Write func(e E) (back E, changed bool, err error)
	// Where is what the operation of edit e remembers.
	Where func(e E) W
	// Refused is told a write the store refused; the view says why and reloads, so what is
	// shown is what is saved. The edits after it stay unwritten.
	Refused func(err error)
	// Flushed is called after every flush that had edits; wrote tells whether any changed.
	Flushed func(wrote bool)
	// Delay is how long typing must pause before Put's edits are written; zero writes them
	// only on Flush (tests use zero: no timers).
	Delay time.Duration

	undoBtn, redoBtn *widget.Button
}

// Buttons are the view's Undo and Redo buttons, enabled as there is something to take back
// or do again.
func (u *Undo[E, W]) Buttons(undo, redo *widget.Button) {
	u.undoBtn, u.redoBtn = undo, redo
	u.UpdateButtons()
}

// Put queues edit e (a newer edit of the same field replaces it) and writes it now, or when
// typing pauses.
func (u *Undo[E, W]) Put(e E, now bool) {
	u.pending.Put(e)
	switch {
	case now:
		u.Flush()
	case u.Delay > 0:
		u.pending.Later(u.Delay, func() { u.Flush() })
	}
	u.UpdateButtons()
}

// Flush writes the queued edits, oldest first, each as one undoable operation. On a refused
// write it stops, calls Refused and returns the error.
func (u *Undo[E, W]) Flush() error {
	pending := u.pending.Take()
	if len(pending) == 0 {
		return nil
	}
	wrote := false
	for _, e := range pending {
		back, changed, err := u.Write(e)
		if err != nil {
			if u.Refused != nil {
				u.Refused(err)
			}
			u.UpdateButtons()
			return err
		}
		if !changed {
			continue
		}
		wrote = true
		u.hist.Push(Op[W]{At: u.Where(e),
			undo: func() error { _, _, err := u.Write(back); return err },
			redo: func() error { _, _, err := u.Write(e); return err },
		})
	}
	if u.Flushed != nil {
		u.Flushed(wrote)
	}
	u.UpdateButtons()
	return nil
}

// Push records an operation done outside Put (a row added or deleted): undo and redo are its
// store calls.
func (u *Undo[E, W]) Push(at W, undo, redo func() error) {
	u.hist.Push(Op[W]{At: at, undo: undo, redo: redo})
	u.UpdateButtons()
}

// Undo writes what is queued, then takes back the newest operation; ok is false when there
// was none (or the flush was refused). A refused undo leaves the operation where it was.
func (u *Undo[E, W]) Undo() (at W, ok bool, err error) {
	if err := u.Flush(); err != nil {
		return at, false, nil
	}
	o, ok, err := u.hist.Undo()
	u.UpdateButtons()
	return o.At, ok, err
}

// Redo writes what is queued, then does the newest undone operation again.
func (u *Undo[E, W]) Redo() (at W, ok bool, err error) {
	if err := u.Flush(); err != nil {
		return at, false, nil
	}
	o, ok, err := u.hist.Redo()
	u.UpdateButtons()
	return o.At, ok, err
}

// IsQueued reports whether an edit of the field key names waits to be written.
func (u *Undo[E, W]) IsQueued(key string) bool { return u.pending.Has(key) }

// Queued is the number of edits not yet written.
func (u *Undo[E, W]) Queued() int { return u.pending.Len() }

// Drop forgets the queued edits that match (e.g. a value the store would refuse).
func (u *Undo[E, W]) Drop(match func(E) bool) { u.pending.Drop(match); u.UpdateButtons() }

// Discard forgets every queued edit (the view reloaded what the store has).
func (u *Undo[E, W]) Discard() { u.pending.Take(); u.UpdateButtons() }

// CanUndo tells whether Undo has something to take back (queued typing counts: it is
// written, then taken back).
func (u *Undo[E, W]) CanUndo() bool { return u.hist.CanUndo() || u.pending.Len() > 0 }

// CanRedo tells whether Redo has something to do again.
func (u *Undo[E, W]) CanRedo() bool { return u.hist.CanRedo() }

// UpdateButtons enables the Undo and Redo buttons as there is something to undo or redo.
func (u *Undo[E, W]) UpdateButtons() {
	enable := func(b *widget.Button, on bool) {
		if b == nil || b.Disabled() == !on {
			return
		}
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(u.undoBtn, u.CanUndo())
	enable(u.redoBtn, u.CanRedo())
}
