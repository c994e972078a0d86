// Package checklist is the board's checklist of the policy's general requirements for one plan
// year: each requirement of the plan's profile, in the policy's words, with the board's answer
// (uppfyllt, delvis, ej uppfyllt, ej aktuellt), the date, who answers for it and a comment; an
// unmet requirement gets "Lägg till åtgärd" (a pre-filled activity in the board's next plan), or
// says which activity is planned for it. Every edit is saved at once and can be undone.
package checklist

import (
	"fmt"
	"handlingsplan/ui/fynelang"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/worklist"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// Env is what the shell hands the checklist.
type Env struct {
	Window fyne.Window
	Store  *data.Store
	Loc    *i18n.Localizer
	// Back leaves the view; what is being typed is saved first.
	Back func()
	// OpenPlan, when set, opens a plan in the wizard (after "Lägg till åtgärd").
	OpenPlan func(planID int64)
	// Now is today (nil: time.Now); SaveDelay as in the register (negative: only on flush).
	Now       func() time.Time
	SaveDelay time.Duration
}

// edit is one field change of one requirement's answer in one plan.
type edit struct {
	plan  int64
	req   string
	field string
	value any
}

func (e edit) Key() string { return fmt.Sprintf("%d/%s/%s", e.plan, e.req, e.field) }

// where is what an undoable change remembers to show it again.
type where struct {
	plan int64
	req  string
}

// View is the checklist of one plan.
type View struct {
	env   Env
	loc   *i18n.Localizer
	store *data.Store
	plan  domain.Plan
	plans []domain.Plan // the board's plans, for the year choice
	d     domain.PlanData
	prof  domain.Profile
	rows  []domain.ChecklistRow
	ps    domain.Problems
	// loadErr is why the checklist could not be read; Build shows a sentence then.
	loadErr error
	undo    widgets.Undo[edit, where]
	focusID string // Focus before Build

	title, summary, status *widget.Label
	note                   *widget.Label // what an edit does to a plan that is not a draft
	undoBtn, redoBtn       *widget.Button
	yearSel                *widget.Select
	list                   *fyne.Container
	scroll                 *container.Scroll
	cards                  map[string]*card
}

// New reads plan planID's checklist; Build makes the widgets.
func New(env Env, planID int64) *View {
	v := &View{env: env, loc: env.Loc, store: env.Store, cards: map[string]*card{}}
	delay := env.SaveDelay
	if delay == 0 {
		delay = 700 * time.Millisecond
	}
	v.undo.Delay = max(delay, 0)
	v.undo.Write = func(e edit) (edit, bool, error) {
		old, err := v.store.SetChecklist(e.plan, e.req, e.field, e.value)
		back := e
		back.value = old
		return back, err == nil && fmt.Sprint(old) != fmt.Sprint(e.value), err
	}
	v.undo.Where = func(e edit) where { return where{plan: e.plan, req: e.req} }
	v.undo.Refused = func(err error) {
		v.report(err)
		v.reload()
	}
	v.undo.Flushed = func(wrote bool) {
		if wrote {
			v.setStatus(v.loc.Tf("checklist.saved", "Time", v.now().Local().Format("15:04")), widget.MediumImportance)
		}
	}
	v.loadErr = v.load(planID)
	return v
}

func (v *View) now() time.Time {
	if v.env.Now != nil {
		return v.env.Now()
	}
	return time.Now()
}

func (v *View) load(planID int64) error {
	d, err := v.store.PlanData(planID)
	if err != nil {
		return fmt.Errorf("open checklist of plan %d: %w", planID, err)
	}
	prof, err := v.store.Profile()
	if err != nil {
		return fmt.Errorf("open checklist of plan %d: %w", planID, err)
	}
	if v.plans, err = v.store.Plans(d.Plan.BoardID); err != nil {
		return fmt.Errorf("open checklist of plan %d: %w", planID, err)
	}
	v.d, v.plan, v.prof = d, d.Plan, d.ProfileOr(prof)
	v.judge()
	return nil
}

// judge recomputes the rows and the review's warnings of the checklist (domain's one judge).
func (v *View) judge() {
	v.rows = domain.Checklist(v.d, v.prof)
	v.ps = domain.ValidateChecklist(v.d, v.prof)
}

// PlanID is the plan whose checklist is shown.
func (v *View) PlanID() int64 { return v.plan.ID }

// Build makes the view: header with the year, the summary, one card per requirement.
func (v *View) Build() fyne.CanvasObject {
	loc := v.loc
	back := widget.NewButtonWithIcon(loc.T("checklist.back"), theme.NavigateBackIcon(), v.onBack)
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Truncation = fyne.TextTruncateEllipsis
	v.undoBtn = widget.NewButtonWithIcon(loc.T("register.undo"), theme.ContentUndoIcon(), v.Undo)
	v.redoBtn = widget.NewButtonWithIcon(loc.T("register.redo"), theme.ContentRedoIcon(), v.Redo)
	v.undo.Buttons(v.undoBtn, v.redoBtn)
	v.status = widget.NewLabel(loc.T("register.autosave"))
	v.status.SizeName = theme.SizeNameCaptionText
	header := container.NewBorder(nil, nil, back, container.NewHBox(v.status, v.undoBtn, v.redoBtn), v.title)
	if v.loadErr != nil {
		fyne.LogError("checklist", v.loadErr)
		msg := widgets.Wrapped(loc.T("checklist.load_failed"))
		msg.Importance = widget.DangerImportance
		return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, container.NewPadded(msg))
	}
	var years []string
	for _, p := range v.plans {
		years = append(years, strconv.Itoa(p.Year))
	}
	v.yearSel = widget.NewSelect(years, v.onYear)
	v.yearSel.SetSelected(strconv.Itoa(v.plan.Year))
	v.summary = widgets.Wrapped("")
	v.note = widgets.Wrapped("")
	v.note.Importance = widget.WarningImportance
	intro := widgets.Wrapped(loc.T("checklist.intro"))
	top := container.NewVBox(header, widget.NewSeparator(),
		container.NewHBox(widget.NewLabel(loc.T("checklist.year")), v.yearSel),
		intro, v.summary, v.note)
	v.list = container.NewVBox()
	v.scroll = container.NewVScroll(container.NewPadded(v.list))
	v.fill()
	if v.focusID != "" {
		v.Focus(v.focusID)
	}
	return container.NewBorder(top, nil, nil, nil, v.scroll)
}

// fill builds one card per requirement, under its section's heading.
func (v *View) fill() {
	v.title.SetText(v.loc.Tf("checklist.title", "Board", v.plan.Board, "Year", v.plan.Year))
	switch v.plan.Status {
	case domain.PlanSigned:
		v.note.SetText(v.loc.Tf("checklist.note.signed", "Year", v.plan.Year))
		v.note.Show()
	case domain.PlanReady:
		v.note.SetText(v.loc.Tf("checklist.note.ready", "Year", v.plan.Year))
		v.note.Show()
	default:
		v.note.Hide()
	}
	v.list.Objects = nil
	v.cards = map[string]*card{}
	if len(v.rows) == 0 {
		v.list.Add(widgets.Wrapped(v.loc.T("checklist.none")))
	}
	section := ""
	for _, row := range v.rows {
		if row.Requirement.Section != section {
			section = row.Requirement.Section
			h := widget.NewLabelWithStyle(section, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			h.SizeName = theme.SizeNameSubHeadingText
			v.list.Add(h)
		}
		c := newCard(v, row)
		v.cards[row.Requirement.ID] = c
		v.list.Add(c.obj)
		v.list.Add(widget.NewSeparator())
	}
	v.list.Refresh()
	// The cards are new: their fields scroll into view on Tab, and pass the wheel on.
	if v.scroll != nil {
		widgets.RevealFocus(v.scroll)
	}
	v.validated()
}

// validated is called after every change: the summary, each card's warning and work line.
func (v *View) validated() {
	v.judge()
	if v.summary == nil {
		return
	}
	s := domain.Summarize(v.rows)
	text := v.loc.Tf("checklist.summary", "Met", s.Met, "Applicable", s.Applicable(), "Partly", s.Partly, "NotMet", s.NotMet, "Unanswered", s.Unanswered)
	if ver := v.prof.Version; ver > 0 {
		text += " " + v.loc.Tf("checklist.profile", "Version", ver)
	}
	widgets.SetLabel(v.summary, text)
	for _, row := range v.rows {
		if c := v.cards[row.Requirement.ID]; c != nil {
			c.update(row, v.ps.For("checklist", 0, row.Requirement.ID))
		}
	}
	v.undo.UpdateButtons()
}

// change takes an edit of requirement req's answer: into memory at once, into the store at
// once (choices, dates) or when typing pauses (texts).
func (v *View) change(req, field string, value any, now bool) {
	i := slices.IndexFunc(v.d.Checklist, func(e domain.ChecklistEntry) bool { return e.Requirement == req })
	if i < 0 {
		v.d.Checklist = append(v.d.Checklist, domain.ChecklistEntry{Requirement: req})
		i = len(v.d.Checklist) - 1
	}
	e := &v.d.Checklist[i]
	switch field {
	case "status":
		st, _ := value.(string)
		e.Status = domain.ChecklistStatus(st)
	case "date":
		e.Date, _ = value.(time.Time)
	case "responsible":
		e.Responsible, _ = value.(string)
	case "comment":
		e.Comment, _ = value.(string)
	}
	v.undo.Put(edit{plan: v.plan.ID, req: req, field: field, value: value}, now)
	v.validated()
}

// reload reads the plan again (after an undo, a refused write, an added activity).
func (v *View) reload() {
	v.undo.Discard()
	if err := v.load(v.plan.ID); err != nil {
		v.report(err)
		return
	}
	if v.list != nil {
		v.fill()
	}
}

// Undo takes back the newest change; Redo does it again.
func (v *View) Undo() { v.history(v.undo.Undo()) }
func (v *View) Redo() { v.history(v.undo.Redo()) }

func (v *View) history(at where, ok bool, err error) {
	if err != nil {
		v.report(err)
	}
	if !ok && err == nil {
		return
	}
	if ok && at.plan != v.plan.ID {
		v.plan.ID = at.plan // the change was made in another year's checklist: show that one
	}
	v.reload()
	if v.yearSel != nil {
		v.yearSel.OnChanged = nil
		v.yearSel.SetSelected(strconv.Itoa(v.plan.Year))
		v.yearSel.OnChanged = v.onYear
	}
	v.Focus(at.req)
}

// Flush writes what is still being typed (the shell calls it before it leaves the view).
func (v *View) Flush() error { return v.undo.Flush() }

func (v *View) onBack() {
	if v.Flush() != nil {
		return
	}
	if v.env.Back != nil {
		v.env.Back()
	}
}

// onYear shows the checklist of the board's plan of another year.
func (v *View) onYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || y == v.plan.Year || v.Flush() != nil {
		return
	}
	for _, p := range v.plans {
		if p.Year == y {
			if err := v.load(p.ID); err != nil {
				v.report(err)
				return
			}
			v.fill()
			return
		}
	}
}

// Focus scrolls to requirement req and puts the cursor in its status (Build selects it when
// called before).
func (v *View) Focus(req string) {
	if v.list == nil {
		v.focusID = req
		return
	}
	c := v.cards[req]
	if c == nil {
		return
	}
	if v.env.Window != nil {
		v.env.Window.Canvas().Focus(c.status)
	}
	if a := fyne.CurrentApp(); a != nil && v.scroll.Content != nil {
		drv := a.Driver()
		y := drv.AbsolutePositionForObject(c.obj).Y - drv.AbsolutePositionForObject(v.scroll.Content).Y
		v.scroll.ScrollToOffset(fyne.NewPos(0, y))
	}
}

// onAddActivity is "Lägg till åtgärd" for requirement req.
func (v *View) onAddActivity(req string) {
	if v.Flush() != nil {
		return
	}
	added, err := worklist.AddForRequirement(v.store, v.plan.ID, req, v.now(), v.loc)
	if err != nil {
		text := worklist.Text(v.loc, err, max(v.plan.Year, v.now().Year()))
		v.setStatus(text, widget.DangerImportance)
		if v.env.Window != nil {
			fynelang.ShowInformation(v.loc.T("register.work.add"), text, v.env.Window)
		}
		return
	}
	msg := v.loc.Tf("register.work.added", "Activity", added.Title, "Year", added.Year)
	if added.Reopened {
		msg += " " + v.loc.T("register.work.reopened")
	}
	v.reload()
	v.setStatus(v.loc.Tf("register.work.added_short", "Year", added.Year), widget.SuccessImportance)
	if v.env.OpenPlan != nil && v.env.Window != nil {
		d := dialog.NewConfirm(v.loc.T("register.work.add"), msg+"\n\n"+v.loc.T("register.work.open_question"), func(open bool) {
			if open && v.Flush() == nil {
				v.env.OpenPlan(added.PlanID)
			}
		}, v.env.Window)
		d.SetConfirmText(v.loc.T("register.work.open"))
		d.SetDismissText(v.loc.T("register.work.stay"))
		d.Show()
		fynelang.DialogKeys(v.env.Window, d.Confirm, d.Dismiss)
	}
}

// activityYear is the year of the plan an activity of the board belongs to (it may be the next
// plan's, not this one's).
func (v *View) activityYear(a *domain.Activity) int {
	if a == nil {
		return 0
	}
	for _, p := range v.plans {
		if p.ID == a.PlanID {
			return p.Year
		}
	}
	return v.plan.Year
}

func (v *View) setStatus(text string, imp widget.Importance) {
	if v.status == nil {
		return
	}
	v.status.Importance = imp
	v.status.SetText(text)
}

// report says in one sentence why something could not be saved.
func (v *View) report(err error) {
	text := errorText(v.loc, err)
	v.setStatus(text, widget.DangerImportance)
	if v.env.Window != nil {
		fynelang.ShowInformation(v.loc.T("register.not_saved"), text, v.env.Window)
	}
}

// HandleShortcut runs the view's shortcuts (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+S).
func (v *View) HandleShortcut(s fyne.Shortcut) bool {
	switch sc := s.(type) {
	case *fyne.ShortcutUndo:
		v.Undo()
		return true
	case *fyne.ShortcutRedo:
		v.Redo()
		return true
	case *desktop.CustomShortcut:
		ctrl := fyne.KeyModifierShortcutDefault
		switch {
		case sc.Modifier == ctrl && sc.KeyName == fyne.KeyS:
			if v.Flush() == nil {
				v.setStatus(v.loc.Tf("checklist.saved", "Time", v.now().Local().Format("15:04:05")), widget.SuccessImportance)
			}
			return true
		case sc.Modifier == ctrl && sc.KeyName == fyne.KeyY, sc.Modifier == ctrl|fyne.KeyModifierShift && sc.KeyName == fyne.KeyZ:
			v.Redo()
			return true
		}
	}
	return false
}

func (v *View) keys() widgets.Keys { return widgets.Keys{Shortcut: v.HandleShortcut} }
