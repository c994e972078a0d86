package register

import (
	"errors"
	"fmt"
	"handlingsplan/ui/fynelang"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/storemsg"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// edit is one field change of one system. Values have the types store.SetField takes for the
// field: string, int64, bool or time.Time.
type edit struct {
	id    int64
	field domain.Field
	value any
}

// Key names the field of the system the edit changes (a newer edit of it replaces a pending one).
func (e edit) Key() string { return fmt.Sprintf("%d/%s", e.id, e.field.Name()) }

// where is what an undoable operation of the register remembers, so that undo and redo can
// show the change: the system and the field ("" for a whole row added or deleted). The
// register's undo controller is a widgets.Undo[edit, where].
type where struct {
	id    int64
	field string
}

// same compares two field values as the store would store them.
func same(a, b any) bool {
	if x, ok := a.(time.Time); ok {
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// change takes a user's edit: into memory at once (so the table, the highest level and the
// problems follow every keystroke), into the store at once when now is set, else when typing
// pauses, the field loses the focus, another row is chosen, Ctrl+S, or Flush.
func (v *View) change(e edit, now bool) {
	i := v.index(e.id)
	if i < 0 {
		return
	}
	cur, ok := e.field.Value(&v.rows[i])
	if !ok || same(cur, e.value) {
		if now {
			v.flush()
		}
		return
	}
	e.field.SetValue(&v.rows[i], e.value)
	v.undo.Put(e, now)
	v.validated()
}

// flush writes the pending edits, each as one undoable operation. A refused write (a full
// disk, a name taken meanwhile) is told in plain words and the register is read again, so what
// is shown is what is saved.
func (v *View) flush() error { return v.undo.Flush() }

// initUndo sets up the register's undo controller: how an edit is stored, and what happens after.
func (v *View) initUndo() {
	v.undo.Delay = max(v.delay, 0)
	v.undo.Write = func(e edit) (edit, bool, error) {
		old, err := v.store.SetField(e.field, e.id, e.value)
		back := e
		back.value = old
		return back, err == nil && !same(old, e.value), err
	}
	v.undo.Where = func(e edit) where { return where{id: e.id, field: e.field.Name()} }
	v.undo.Refused = func(err error) {
		v.report(err)
		v.reload(v.selID)
	}
	v.undo.Flushed = func(wrote bool) {
		if wrote {
			v.setStatus(v.loc.Tf("register.saved", "Time", time.Now().Format("15:04")), widget.MediumImportance)
		}
	}
}

// Undo takes back the newest saved change (what is being typed is saved first, so it is that).
func (v *View) Undo() {
	at, ok, err := v.undo.Undo()
	v.afterHistory(at, ok, err, "register.undone")
}

// Redo does the newest undone change again.
func (v *View) Redo() {
	at, ok, err := v.undo.Redo()
	v.afterHistory(at, ok, err, "register.redone")
}

func (v *View) afterHistory(o where, ok bool, err error, key string) {
	if err != nil {
		v.report(err)
		v.reload(v.selID)
		return
	}
	if !ok {
		return
	}
	// An undone add takes the row away: the row after it in the table is shown instead.
	fallback := v.neighbour(o.id)
	v.reload(o.id)
	if v.selID != o.id && v.index(fallback) >= 0 {
		v.show(fallback)
	}
	if o.field != "" {
		v.focusField(o.id, o.field)
	}
	v.setStatus(v.loc.T(key), widget.MediumImportance)
}

// addSystem stores a new system and makes it undoable; returns its id (0 on failure).
func (v *View) addSystem(x domain.System) int64 {
	if v.flush() != nil {
		return 0
	}
	id, err := v.store.AddSystem(v.board.ID, x)
	if err != nil {
		v.report(err)
		return 0
	}
	x.ID = id
	v.undo.Push(where{id: id},
		func() error { _, err := v.store.DeleteSystem(id); return err },
		func() error { _, err := v.store.AddSystem(v.board.ID, x); return err })
	v.reload(id)
	v.focusField(id, "name")
	return id
}

// link is an activity of one of the board's plans that refers to a system.
type link struct {
	activity int64
	plan     domain.Plan
	systems  []int64 // the activity's systems, the deleted one included
}

// links lists the activities of the board's plans that refer to system id: deleting the system
// drops these links (the store cascades), so the question says so and undo puts them back.
func (v *View) links(id int64) []link {
	plans, err := v.store.Plans(v.board.ID)
	if err != nil {
		fyne.LogError("list plans for register links", err)
		return nil
	}
	var out []link
	for _, p := range plans {
		acts, err := v.store.Activities(p.ID)
		if err != nil {
			fyne.LogError("list activities for register links", err)
			continue
		}
		for _, a := range acts {
			if slices.Contains(a.SystemIDs, id) {
				out = append(out, link{activity: a.ID, plan: p, systems: a.SystemIDs})
			}
		}
	}
	return out
}

// relink puts back the links a delete dropped. Only draft and closed plans take them back:
// the store refuses changes to a plan marked ready, and a change to a signed plan's activities
// would turn it back into a draft, which an undo must not do behind the user's back.
func (v *View) relink(ls []link) error {
	for _, l := range ls {
		if l.plan.Status != domain.PlanDraft && l.plan.Status != domain.PlanClosed {
			continue
		}
		if _, err := v.store.SetActivitySystems(l.activity, l.systems); err != nil && !errors.Is(err, data.ErrNotFound) {
			return err
		}
	}
	return nil
}

// deleteSystem asks, then deletes system id; undo puts it back with the same id.
func (v *View) deleteSystem(id int64) {
	if v.flush() != nil {
		return
	}
	i := v.index(id)
	if i < 0 {
		return
	}
	loc := v.loc
	ls := v.links(id)
	question := loc.Tf("register.delete_question", "Name", v.rows[i].Name)
	if len(ls) > 0 {
		question += " " + loc.Tf("register.delete_links", "Count", len(ls))
	}
	v.confirm = dialog.NewConfirm(loc.T("register.delete_title"), question, func(ok bool) {
		v.confirm = nil
		if !ok {
			return
		}
		row, err := v.store.DeleteSystem(id)
		if err != nil {
			v.report(err)
			v.reload(v.selID)
			return
		}
		v.undo.Push(where{id: id},
			func() error {
				if _, err := v.store.AddSystem(v.board.ID, row); err != nil {
					return err
				}
				return v.relink(ls)
			},
			func() error { _, err := v.store.DeleteSystem(id); return err })
		v.reload(v.neighbour(id))
		v.setStatus(loc.T("register.deleted"), widget.MediumImportance)
	}, v.env.Window)
	v.confirm.SetConfirmText(loc.T("register.delete"))
	v.confirm.SetDismissText(loc.T("register.cancel"))
	v.confirm.SetConfirmImportance(widget.DangerImportance)
	v.confirm.Show()
	fynelang.DialogKeys(v.env.Window, v.confirm.Confirm, v.confirm.Dismiss)
}

// neighbour is the row shown after id in the table (or before it, for the last): the row to
// select when id goes.
func (v *View) neighbour(id int64) int64 {
	if v.table == nil {
		return 0
	}
	i := v.index(id)
	order := v.table.Order()
	for n, d := range order {
		if d != i {
			continue
		}
		switch {
		case n+1 < len(order):
			return v.rows[order[n+1]].ID
		case n > 0:
			return v.rows[order[n-1]].ID
		}
	}
	return 0
}

// report tells the user in one plain sentence why something could not be saved.
func (v *View) report(err error) {
	text := errorText(v.loc, err)
	v.setStatus(text, widget.DangerImportance)
	if v.env.Window != nil {
		fynelang.ShowInformation(v.loc.T("register.not_saved"), text, v.env.Window)
	}
}

// errorText turns an error into one sentence in the user's language, never a raw error chain.
func errorText(loc *i18n.Localizer, err error) string {
	var p *domain.Problem
	switch {
	case errors.As(err, &p):
		return p.Text(loc)
	case storemsg.Known(err):
		t, _ := storemsg.Text(loc, err) // the database is read-only, damaged, busy or full
		return t
	case errors.Is(err, data.ErrNotFound):
		return loc.T("register.gone")
	}
	fyne.LogError("register", err)
	return loc.T("err.save_failed")
}
