package wizard

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// datesEditor edits the one or more dates of a training event: a date input per date, a
// remove button beside each, and "add date" under them. The list is saved sorted, at once.
type datesEditor struct {
	w        *Wizard
	ref      *rowRef
	box      *fyne.Container
	rows     *fyne.Container
	entries  []*widgets.DateEntry
	addBtn   *widget.Button
	disabled bool
}

func newDatesEditor(w *Wizard, ref *rowRef) *datesEditor {
	d := &datesEditor{w: w, ref: ref, rows: container.NewVBox()}
	d.addBtn = widget.NewButtonWithIcon(w.loc.T("wizard.training.add_date"), theme.ContentAddIcon(), d.onAdd)
	d.box = container.NewVBox(d.rows, container.NewHBox(d.addBtn))
	return d
}

// show puts the dates of a row in the editor.
func (d *datesEditor) show(ds []time.Time, enabled bool) {
	d.entries = nil
	d.rows.RemoveAll()
	for _, t := range ds {
		d.addEntry(t)
	}
	if len(ds) == 0 {
		d.addEntry(time.Time{})
	}
	d.disabled = !enabled
	d.apply()
}

func (d *datesEditor) addEntry(t time.Time) *widgets.DateEntry {
	e := d.w.newDateEntry()
	widgets.SetDate(&e.DateEntry, t)
	e.OnChanged = func(*time.Time) { d.changed() }
	var rm *widget.Button
	rm = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { d.onRemove(e) })
	rm.Importance = widget.LowImportance
	d.entries = append(d.entries, e)
	d.rows.Add(container.NewBorder(nil, nil, nil, rm, e))
	return e
}

func (d *datesEditor) onAdd() {
	e := d.addEntry(time.Time{})
	d.rows.Refresh()
	d.w.focusWidget(e)
}

func (d *datesEditor) onRemove(e *widgets.DateEntry) {
	i := slices.Index(d.entries, e)
	if i < 0 {
		return
	}
	d.entries = slices.Delete(d.entries, i, i+1)
	d.rows.Remove(d.rows.Objects[i])
	d.changed()
}

// values are the complete dates in the inputs, sorted, without repeats.
func (d *datesEditor) values() []time.Time {
	var out []time.Time
	for _, e := range d.entries {
		if e.Date != nil {
			out = append(out, dateOnly(*e.Date))
		}
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(out, func(a, b time.Time) bool { return a.Equal(b) })
}

func (d *datesEditor) changed() {
	if d.ref.id != 0 {
		d.w.change(d.ref.edit(domain.FieldTrainingDates, d.values()), true)
	}
}

// first is the first date input, for jumping to the field.
func (d *datesEditor) first() fyne.Focusable {
	if len(d.entries) == 0 {
		return nil
	}
	return d.entries[0]
}

// Enable, Disable and Disabled let the form switch the editor with the rest of its inputs.
func (d *datesEditor) Enable()        { d.disabled = false; d.apply() }
func (d *datesEditor) Disable()       { d.disabled = true; d.apply() }
func (d *datesEditor) Disabled() bool { return d.disabled }

func (d *datesEditor) apply() {
	for i, e := range d.entries {
		rm := d.rows.Objects[i].(*fyne.Container).Objects[1].(*widget.Button)
		if d.disabled {
			e.Disable()
			rm.Disable()
		} else {
			e.Enable()
			rm.Enable()
		}
	}
	if d.disabled {
		d.addBtn.Disable()
	} else {
		d.addBtn.Enable()
	}
}
