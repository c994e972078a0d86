package wizard

// where is what an undoable operation of the wizard remembers, so that undo and redo can show
// the change: the step, the row (id 0 with entity "plan" for the plan's own fields) and the
// field ("" for a whole row added or deleted). The wizard's undo controller is a
// widgets.Undo[edit, where].
type where struct {
	step   int
	entity string
	id     int64
	field  string
}
