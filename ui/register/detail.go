package register

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// levelFields are the classification aspects in KLASSA's order: K, R, T, S.
var levelFields = [4]domain.Field{domain.FieldSystemConfidentiality, domain.FieldSystemIntegrity, domain.FieldSystemAvailability,
	domain.FieldSystemTraceability}

// securityPlans are the security plan answers in the order the form offers them.
var securityPlans = []domain.SecurityPlanLevel{domain.SecurityPlanNone, domain.SecurityPlanBase, domain.SecurityPlanDeepened}

// detail is the form of the selected system. Its inputs' handlers read id when they fire: it
// is 0 while the form is being filled from code, so nothing shown counts as the user's edit.
type detail struct {
	v   *View
	id  int64
	f   *form
	obj fyne.CanvasObject
	// scroll holds the sections, so a focused field can be scrolled into view.
	scroll *container.Scroll
	// local are errors found while typing that never reach the store (an empty name, a name
	// another system has): they are shown under the field, and the system keeps its stored name.
	local map[string]string
	// focusables are the inputs to put the cursor in, by field.
	focusables map[string]fyne.Focusable
	// work lists what the register's rules ask of the system, with "Lägg till åtgärd".
	work *workStrip

	name, owner, description *widgets.TextEntry
	levels                   [4]*widget.Select
	highest                  *widget.Label
	baseline                 *widget.Check
	secPlan                  *widget.Select
	classifiedAt             *widgets.DateEntry
	secPlanAt                *widgets.DateEntry
	riskAt                   *widgets.DateEntry
	continuityAt             *widgets.DateEntry
	recoveryAt               *widgets.DateEntry
	sensitive                *widget.Check
}

func newDetail(v *View) *detail {
	loc := v.loc
	d := &detail{v: v, f: newForm(), local: map[string]string{}, focusables: map[string]fyne.Focusable{}}

	// Three columns under the table: what the system is; its classification and whether it
	// meets the baseline; its plans.
	about := d.f.grid()
	d.name = d.textField(domain.FieldSystemName, false)
	d.name.OnChanged = d.onName
	d.f.add(about, loc.T("register.field.name"), "name", d.name)
	d.owner = d.textField(domain.FieldSystemOwner, false)
	d.owner.SetPlaceHolder(loc.T("register.owner_hint"))
	d.f.add(about, loc.T("register.field.owner"), "owner", d.owner)
	d.description = d.textField(domain.FieldSystemDescription, true)
	d.description.SetMinRowsVisible(2)
	d.description.SetPlaceHolder(loc.T("register.description_hint"))
	d.f.add(about, loc.T("register.field.description"), "description", d.description)
	d.sensitive = widget.NewCheck(loc.T("register.sensitive_check"), func(on bool) { d.set(domain.FieldSystemSensitive, on) })
	d.focusables["sensitive"] = d.sensitive
	d.f.add(about, loc.T("register.field.sensitive"), "sensitive", container.NewVBox(d.sensitive, caption(loc.T("register.sensitive_help"))))

	class := d.f.grid()
	levelOptions := []string{loc.T("register.unclassified")}
	for n := 0; n <= 4; n++ {
		levelOptions = append(levelOptions, v.levelName(n))
	}
	for i, field := range levelFields {
		s := widget.NewSelect(levelOptions, nil)
		s.PlaceHolder = loc.T("register.unclassified")
		s.OnChanged = func(string) {
			// Option 0 is "not classified" (-1), option n+1 is level n.
			if n := s.SelectedIndex(); d.id != 0 && n >= 0 {
				v.change(edit{id: d.id, field: field, value: int64(n - 1)}, true)
			}
		}
		d.levels[i] = s
		d.focusables[field.Name()] = s
		d.f.add(class, loc.T("register.field."+field.Name()), field.Name(), s)
	}
	d.highest = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.f.add(class, loc.T("register.field.highest"), "", d.highest)
	d.classifiedAt = d.dateField(domain.FieldSystemClassifiedAt)
	d.f.add(class, loc.T("register.field.classified_at"), "classified_at", d.classifiedAt)

	d.baseline = widget.NewCheck(loc.T("register.baseline_check"), func(on bool) { d.set(domain.FieldSystemBaselineMet, on) })
	d.focusables["baseline_met"] = d.baseline
	d.f.add(class, loc.T("register.field.baseline"), "baseline_met", container.NewVBox(d.baseline, caption(loc.T("register.baseline_help"))))

	prot := d.f.grid()
	var planLabels []string
	for _, p := range securityPlans {
		planLabels = append(planLabels, loc.T("secplan."+string(p)))
	}
	d.secPlan = widget.NewSelect(planLabels, func(string) {
		if n := d.secPlan.SelectedIndex(); n >= 0 {
			d.set(domain.FieldSystemSecurityPlan, string(securityPlans[n]))
		}
	})
	d.focusables["security_plan"] = d.secPlan
	d.f.add(prot, loc.T("register.field.security_plan"), "security_plan", d.secPlan)
	d.secPlanAt = d.dateField(domain.FieldSystemSecurityPlanAt)
	d.f.add(prot, loc.T("register.field.security_plan_at"), "security_plan_at", d.secPlanAt)
	d.riskAt = d.dateField(domain.FieldSystemRiskAnalysisAt)
	d.f.add(prot, loc.T("register.field.risk_analysis_at"), "risk_analysis_at", d.riskAt)
	d.continuityAt = d.dateField(domain.FieldSystemContinuityAt)
	d.f.add(prot, loc.T("register.field.continuity_at"), "continuity_at", d.continuityAt)
	d.recoveryAt = d.dateField(domain.FieldSystemRecoveryAt)
	d.f.add(prot, loc.T("register.field.recovery_at"), "recovery_at", d.recoveryAt)

	d.work = newWorkStrip(v)
	d.scroll = container.NewVScroll(container.NewVBox(d.work.obj, container.NewGridWithColumns(3,
		section(loc.T("register.section.about"), "", about),
		section(loc.T("register.section.class"), loc.T("register.class_note"), class),
		section(loc.T("register.section.protection"), "", prot),
	)))
	// Tab into a field below the visible part scrolls it into view; the wheel over a field
	// scrolls the form.
	widgets.RevealFocus(d.scroll)
	d.obj = d.scroll
	return d
}

// set stores a choice at once.
func (d *detail) set(field domain.Field, value any) {
	if d.id != 0 {
		d.v.change(edit{id: d.id, field: field, value: value}, true)
	}
}

// textField is a text input for field; typing is saved when it pauses, on Enter and when the
// focus leaves.
func (d *detail) textField(field domain.Field, multiLine bool) *widgets.TextEntry {
	e := widgets.NewTextEntry(d.v.keys(), multiLine)
	e.OnChanged = func(s string) {
		if d.id != 0 {
			d.v.change(edit{id: d.id, field: field, value: s}, false)
		}
	}
	e.OnBlur = func() { d.v.flush() }
	if !multiLine {
		e.OnSubmitted = func(string) { d.v.flush() }
	}
	d.focusables[field.Name()] = e
	return e
}

// onName checks a typed name before it goes anywhere: the store refuses an empty name and a
// name another system of the board has, so those are shown under the field and not saved.
func (d *detail) onName(s string) {
	if d.id == 0 {
		return
	}
	v := d.v
	switch {
	case strings.TrimSpace(s) == "":
		d.local["name"] = (&domain.Problem{Key: "err.required", Args: []any{"Field", "field.name"}}).Text(v.loc)
	case d.nameTaken(s):
		d.local["name"] = (&domain.Problem{Key: "err.duplicate_system"}).Text(v.loc)
	default:
		delete(d.local, "name")
		v.change(edit{id: d.id, field: domain.FieldSystemName, value: s}, false)
		return
	}
	d.keepStoredName()
	v.validated()
}

// keepStoredName forgets a name typed before the refused one (a prefix of a taken name, say)
// so that the table and the store keep the name the system has: a refused name never half
// saves.
func (d *detail) keepStoredName() {
	v := d.v
	before := v.undo.Queued()
	v.undo.Drop(func(e edit) bool { return e.id == d.id && e.field == domain.FieldSystemName })
	if v.undo.Queued() == before {
		return
	}
	xs, err := v.store.Systems(v.board.ID, 0)
	if err != nil {
		fyne.LogError("register: read stored name", err)
		return
	}
	i := v.index(d.id)
	for _, x := range xs {
		if x.ID == d.id && i >= 0 {
			v.rows[i].Name = x.Name
		}
	}
}

func (d *detail) nameTaken(s string) bool {
	for _, x := range d.v.rows {
		if x.ID != d.id && x.Name == s {
			return true
		}
	}
	return false
}

// dateField is a date input (typed or picked in the calendar); a complete date is saved at
// once, a cleared one when the field loses the focus.
func (d *detail) dateField(field domain.Field) *widgets.DateEntry {
	e := widgets.NewDateEntry(d.v.keys())
	e.OnChanged = func(t *time.Time) {
		if d.id == 0 {
			return
		}
		if t == nil {
			d.v.change(edit{id: d.id, field: field, value: time.Time{}}, false)
			return
		}
		d.v.change(edit{id: d.id, field: field, value: dateOnly(*t)}, true)
	}
	e.OnBlur = func() { d.v.flush() }
	d.focusables[field.Name()] = e
	return e
}

// show puts system x into the inputs.
func (d *detail) show(x domain.System) {
	if d.id != x.ID {
		d.local = map[string]string{}
	}
	d.id = 0
	widgets.SetText(&d.name.Entry, x.Name)
	widgets.SetText(&d.owner.Entry, x.Owner)
	widgets.SetText(&d.description.Entry, x.Description)
	for i, n := range [4]int{x.Confidentiality, x.Integrity, x.Availability, x.Traceability} {
		widgets.SetSelected(d.levels[i], levelIndex(n))
	}
	plan := -1
	for i, p := range securityPlans {
		if p == x.SecurityPlan {
			plan = i
		}
	}
	widgets.SetSelected(d.secPlan, plan)
	widgets.SetChecked(d.baseline, x.BaselineMet)
	widgets.SetChecked(d.sensitive, x.Sensitive)
	widgets.SetDate(&d.classifiedAt.DateEntry, x.ClassifiedAt)
	widgets.SetDate(&d.secPlanAt.DateEntry, x.SecurityPlanAt)
	widgets.SetDate(&d.riskAt.DateEntry, x.RiskAnalysisAt)
	widgets.SetDate(&d.continuityAt.DateEntry, x.ContinuityAt)
	widgets.SetDate(&d.recoveryAt.DateEntry, x.RecoveryAt)
	d.id = x.ID
	d.showProblems()
}

// levelIndex is the option of the level selects for level n (-1, or out of range: none).
func levelIndex(n int) int {
	if n < -1 || n > 4 {
		return -1
	}
	return n + 1
}

// clear forgets the shown system (nothing selected).
func (d *detail) clear() {
	d.id = 0
	d.local = map[string]string{}
}

func (d *detail) hasLocal() bool { return len(d.local) > 0 }

// problemText is the sentence of the problems of one field of the shown system, with whether
// any of them blocks.
func (d *detail) problemText(field string) string {
	text, _ := d.problem(field)
	return text
}

func (d *detail) problem(field string) (string, bool) {
	if t := d.local[field]; t != "" {
		return t, true
	}
	var parts []string
	blocking := false
	for _, p := range d.v.problems {
		if p.EntityID == d.id && p.Field == field {
			parts = append(parts, p.Text(d.v.loc))
			blocking = blocking || p.Severity == domain.Blocking
		}
	}
	return strings.Join(parts, " "), blocking
}

// showProblems puts each field's problems under it, and the highest level beside its label.
func (d *detail) showProblems() {
	// A sentence that appears, goes or changes its length moves the inputs under it:
	// containers lay out again only when refreshed.
	moved := false
	for field := range d.f.errs {
		text, blocking := d.problem(field)
		if d.f.showError(field, text, blocking) {
			moved = true
		}
	}
	if i := d.v.index(d.id); i >= 0 {
		widgets.SetLabel(d.highest, d.v.levelName(d.v.rows[i].MaxLevel()))
		if d.work.show(d.v.rows[i]) {
			moved = true
		}
	}
	if moved {
		d.scroll.Refresh()
	}
}

// reveal scrolls the form so that o is in view.
func (d *detail) reveal(o fyne.CanvasObject) {
	a := fyne.CurrentApp()
	if a == nil || d.scroll.Content == nil {
		return
	}
	drv := a.Driver()
	y := drv.AbsolutePositionForObject(o).Y - drv.AbsolutePositionForObject(d.scroll.Content).Y
	h, off, shown := o.Size().Height, d.scroll.Offset.Y, d.scroll.Size().Height
	switch {
	case y < off:
		d.scroll.ScrollToOffset(fyne.NewPos(0, y))
	case y+h > off+shown:
		d.scroll.ScrollToOffset(fyne.NewPos(0, y+h-shown))
	}
}
