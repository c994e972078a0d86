package wizard

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/storemsg"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// edit is one field change the user made. Values have the types store.SetField takes for the
// field's kind (domain.FieldKind): string, int64, bool, time.Time, []time.Time, []int, []int64,
// []string.
type edit struct {
	field domain.Field
	id    int64
	value any
	prev  bool // a row of last year's plan (the follow-up step)
}

// Key names the field of the row the edit changes (a newer edit of it replaces a pending one).
func (e edit) Key() string { return fmt.Sprintf("%s/%d/%s", e.field.Entity(), e.id, e.field.Name()) }

// data is the plan an edit belongs to.
func (w *Wizard) data(prev bool) *domain.PlanData {
	if prev {
		return w.d.Previous
	}
	return &w.d
}

// change takes a user's edit: into memory at once (so tables, totals and problems follow every
// keystroke), into the store at once when now is set, else when typing pauses (SaveDelay), the
// field loses the focus, the step changes, or Ctrl+S. A number field's edit is a number or the
// text typed there that is no value (domain.RawInput), which replaces the other.
func (w *Wizard) change(e edit, now bool) {
	d := w.data(e.prev)
	if d == nil {
		return
	}
	entity, name := e.field.Entity(), e.field.Name()
	row := d.Row(entity, e.id)
	value, ok := e.field.Value(row)
	if !ok {
		return
	}
	cur := value
	if text, ok := d.UnparsedText(entity, e.id, name); ok {
		cur = domain.RawInput(text)
	}
	if same(cur, e.value) {
		if now {
			w.flush()
		}
		return
	}
	if !w.undo.IsQueued(e.Key()) {
		w.stored[e.Key()] = value
	}
	if raw, ok := e.value.(domain.RawInput); ok {
		// The field's value goes back to what is stored: "2" on the way to "2,5" is no
		// value the user meant, and totals must not count it.
		e.field.SetValue(row, w.stored[e.Key()])
		d.SetUnparsed(entity, e.id, name, string(raw), true)
	} else {
		e.field.SetValue(row, e.value)
		d.SetUnparsed(entity, e.id, name, "", false)
	}
	w.undo.Put(e, now)
	w.afterChange()
}

// flush writes the pending edits, each as one undoable operation. A refused write (a plan marked
// ready elsewhere, a full disk) is told in plain words and the data is reloaded from the store,
// so what is shown is what is saved.
func (w *Wizard) flush() error { return w.undo.Flush() }

// initUndo sets up the wizard's undo controller: how an edit is stored, and what happens after.
func (w *Wizard) initUndo() {
	w.undo.Delay = w.opt.SaveDelay
	w.undo.Write = w.writeEdit
	w.undo.Where = func(e edit) where {
		return where{step: w.stepOfEdit(e), entity: e.field.Entity(), id: e.id, field: e.field.Name()}
	}
	w.undo.Refused = func(err error) {
		w.report(err)
		w.reload()
	}
	w.undo.Flushed = func(wrote bool) {
		clear(w.stored)
		if wrote {
			w.setStatus(w.loc.Tf("wizard.saved", "Time", time.Now().Format("15:04")), widget.MediumImportance)
		}
		w.refreshChrome()
	}
}

// writeEdit stores one edit and returns the edit that takes it back.
func (w *Wizard) writeEdit(e edit) (edit, bool, error) {
	old, err := w.write(e)
	if err != nil {
		return e, false, err
	}
	back := e
	back.value = old
	if same(old, e.value) {
		return back, false, nil
	}
	if !e.prev && e.field.Content() && (w.d.Plan.Status == domain.PlanSigned || w.d.Plan.Decided()) {
		// The store turned the signed plan back into a draft, or marked the decided plan as
		// changed since the decision: show it.
		if p, err := w.store.Plan(w.d.Plan.ID); err == nil {
			w.d.Plan = p
		}
	}
	return back, true, nil
}

// write stores one edit and returns the old value.
func (w *Wizard) write(e edit) (any, error) { return w.store.SetField(e.field, e.id, e.value) }

func (w *Wizard) stepOfEdit(e edit) int {
	if e.prev {
		return StepFollowUp
	}
	return stepOf(domain.Problem{Entity: e.field.Entity(), Field: e.field.Name()})
}

// Undo takes back the newest saved change (what is being typed is saved first, so it is that).
func (w *Wizard) Undo() {
	at, ok, err := w.undo.Undo()
	w.afterHistory(at, ok, err, "wizard.undone")
}

// Redo does the newest undone change again.
func (w *Wizard) Redo() {
	at, ok, err := w.undo.Redo()
	w.afterHistory(at, ok, err, "wizard.redone")
}

func (w *Wizard) afterHistory(o where, ok bool, err error, key string) {
	if err != nil {
		w.report(err)
		return
	}
	if !ok {
		return
	}
	w.reloadData()
	w.sel[o.step] = o.id
	if o.entity == "plan" {
		w.sel[o.step] = 0
	}
	w.showStep(o.step)
	w.view.focus(o.entity, o.id, o.field)
	w.setStatus(w.loc.T(key), widget.MediumImportance)
}

// reloadData reads the plan again from the store.
func (w *Wizard) reloadData() {
	d, err := w.store.PlanData(w.d.Plan.ID)
	if err != nil {
		fyne.LogError("reload plan", err)
		return
	}
	w.d = d
	w.validate()
}

// Resume reads the plan again after the user was in another view (the register, the
// checklist) and comes back: what changed there shows, the undo history stays.
func (w *Wizard) Resume() error {
	d, err := w.store.PlanData(w.d.Plan.ID)
	if err != nil {
		return fmt.Errorf("resume plan %d: %w", w.d.Plan.ID, err)
	}
	w.d = d
	w.validate()
	return nil
}

// reload reads the plan again from the store (after a row was added or deleted, or a write was
// refused) and shows it in the current step.
func (w *Wizard) reload() {
	w.reloadData()
	if w.area != nil && w.view != nil {
		w.view = w.newView(w.step)
		w.area.Objects = []fyne.CanvasObject{w.view.build()}
		w.area.Refresh()
	}
	w.refreshChrome()
}

// report tells the user in one plain sentence why something could not be saved.
func (w *Wizard) report(err error) {
	text := errorText(w.loc, err)
	w.setStatus(text, widget.DangerImportance)
	if w.win != nil {
		dialog.ShowInformation(w.loc.T("wizard.not_saved"), text, w.win)
	}
}

// rowOps are the store calls that add and delete one kind of row; the deleted row is returned
// whole so that undo re-adds it with the same id.
type rowOps struct {
	entity string
	step   int
	add    func(row any) (int64, error)
	del    func(id int64) (any, error)
}

func (w *Wizard) activityOps() rowOps {
	plan := w.d.Plan.ID
	return rowOps{entity: "activity", step: StepActivities,
		add: func(r any) (int64, error) { return w.store.AddActivity(plan, r.(domain.Activity)) },
		del: func(id int64) (any, error) { return w.store.DeleteActivity(id) },
	}
}

func (w *Wizard) trainingOps() rowOps {
	plan := w.d.Plan.ID
	return rowOps{entity: "training", step: StepTrainings,
		add: func(r any) (int64, error) { return w.store.AddTraining(plan, r.(domain.Training)) },
		del: func(id int64) (any, error) { return w.store.DeleteTraining(id) },
	}
}

func (w *Wizard) annualGoalOps() rowOps {
	plan := w.d.Plan.ID
	return rowOps{entity: "annual_goal", step: StepGoals,
		add: func(r any) (int64, error) {
			// An undo of a delete puts the goal back with the activities that sat under it.
			if del, ok := r.(data.DeletedAnnualGoal); ok {
				return del.Goal.ID, w.store.RestoreAnnualGoal(del)
			}
			return w.store.AddAnnualGoal(plan, r.(domain.AnnualGoal))
		},
		del: func(id int64) (any, error) { return w.store.DeleteAnnualGoal(id) },
	}
}

func (w *Wizard) checkpointOps() rowOps {
	plan := w.d.Plan.ID
	return rowOps{entity: "checkpoint", step: StepCheckpoints,
		add: func(r any) (int64, error) { return w.store.AddCheckpoint(plan, r.(domain.Checkpoint)) },
		del: func(id int64) (any, error) { return w.store.DeleteCheckpoint(id) },
	}
}

// addRow stores a new row and makes it undoable; the plan is reloaded so the row comes back
// with what the store filled in (position, defaults). Returns the new id (0 on failure).
func (w *Wizard) addRow(ops rowOps, row any) int64 {
	if w.flush() != nil {
		return 0
	}
	id, err := ops.add(row)
	if err != nil {
		w.report(err)
		return 0
	}
	withID := withRowID(row, id)
	w.undo.Push(where{step: ops.step, entity: ops.entity, id: id},
		func() error { _, err := ops.del(id); return err },
		func() error { _, err := ops.add(withID); return err })
	w.sel[ops.step] = id
	w.rememberSelection()
	w.reload()
	return id
}

// deleteRow asks, then deletes a row; undo puts it back with the same id.
func (w *Wizard) deleteRow(ops rowOps, id int64, label string) {
	if w.flush() != nil {
		return
	}
	loc := w.loc
	// Enter deletes (undo brings the row back), Escape cancels, Tab goes between the buttons.
	w.confirm = widgets.NewConfirm(loc.T("wizard.delete_title"), loc.T("wizard.delete"), loc.T("wizard.cancel"),
		widgets.Message(loc.Tf("wizard.delete_question", "Title", label)), func(ok bool) {
			w.confirm = nil
			if !ok {
				return
			}
			row, err := ops.del(id)
			if err != nil {
				w.report(err)
				return
			}
			// The typed text that is no value goes with the row; undo puts it back too.
			typed := w.typedOf(ops.entity, id)
			w.undo.Push(where{step: ops.step, entity: ops.entity, id: id},
				func() error {
					if _, err := ops.add(row); err != nil {
						return err
					}
					for _, u := range typed {
						f, ok := domain.FieldNamed(u.Entity, u.Field)
						if !ok {
							return fmt.Errorf("restore text typed into %s.%s: no such field", u.Entity, u.Field)
						}
						if _, err := w.store.SetField(f, u.EntityID, domain.RawInput(u.Text)); err != nil {
							return err
						}
					}
					return nil
				},
				func() error { _, err := ops.del(id); return err })
			w.sel[ops.step] = 0
			w.reload()
			w.setStatus(loc.T("wizard.deleted"), widget.MediumImportance)
		}, w.win)
	w.confirm.Yes.Importance = widget.DangerImportance
	w.confirm.Yes.Icon = theme.DeleteIcon()
	w.confirm.Show()
}

func withRowID(row any, id int64) any {
	switch r := row.(type) {
	case domain.Activity:
		r.ID = id
		return r
	case domain.Training:
		r.ID = id
		return r
	case domain.Checkpoint:
		r.ID = id
		return r
	case domain.AnnualGoal:
		r.ID = id
		return r
	}
	return row
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
	}
	fyne.LogError("wizard", err)
	return loc.T("err.save_failed")
}

// typedOf is the text typed into row entity/id's number fields that is no value.
func (w *Wizard) typedOf(entity string, id int64) []domain.Unparsed {
	var out []domain.Unparsed
	for _, u := range w.d.Unparsed {
		if u.Entity == entity && u.EntityID == id {
			out = append(out, u)
		}
	}
	return out
}

// same compares two field values as the store would store them. Typed text that is no value
// is never the same as a number.
func same(a, b any) bool {
	_, ra := a.(domain.RawInput)
	_, rb := b.(domain.RawInput)
	if ra || rb {
		return ra && rb && a == b
	}
	switch x := a.(type) {
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case []time.Time:
		y, ok := b.([]time.Time)
		return ok && slices.EqualFunc(x, y, func(p, q time.Time) bool { return p.Equal(q) })
	case []int:
		y, ok := b.([]int)
		return ok && slices.Equal(x, y)
	case []int64:
		y, ok := b.([]int64)
		return ok && slices.Equal(x, y)
	case []string:
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}
