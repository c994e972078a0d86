// Package wizard is the autumn action-plan wizard: eight steps from the plan's head through
// last year's follow-up, the annual goals, activities, resources, training and reporting to the
// review that marks the plan ready. Every edit is saved at once (store.SetField, audited by the store), can be
// undone within the session, and the step and row the user was at survive a restart.
package wizard

import (
	"fmt"
	"handlingsplan/app/settings"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// The steps, in order.
const (
	StepPlan = iota
	StepFollowUp
	StepGoals
	StepActivities
	StepResources
	StepTrainings
	StepCheckpoints
	StepReview
	stepCount
)

var stepNames = [stepCount]string{"plan", "followup", "goals", "activities", "resources", "trainings", "checkpoints", "review"}

// StepName is a step's short English name (for file names and logs, not for the user).
func StepName(s int) string {
	if s < 0 || s >= stepCount {
		return ""
	}
	return stepNames[s]
}

// Settings keys the wizard keeps in the store.
const ()

// Options are what the shell hands the wizard.
type Options struct {
	// SaveDelay is how long typing must pause before a text is saved. Zero saves text only when
	// the field loses the focus, on Ctrl+S, on a step change and on close (tests use zero: no
	// timers). Choices, dates and rows are saved at once either way.
	SaveDelay time.Duration
	// OnClose goes back to the start screen (after everything is saved).
	OnClose func()
	// OnExport and OnPresent, when set, show the Export (Ctrl+E) and Present (F5) buttons.
	OnExport  func(planID int64)
	OnPresent func(planID int64)
	// OnSystem, when set, opens the board's register at a system: the review lists register
	// problems (from domain.ValidatePlan) but the register is edited outside the wizard.
	OnSystem func(systemID int64)
	// OnChecklist, when set, opens the plan's checklist of the policy's general requirements at
	// a requirement ("" for the list): the review lists its warnings, edited outside the wizard.
	OnChecklist func(planID int64, requirement string)
}

// stepView is one step's view: a small struct with build() and onX handlers.
type stepView interface {
	build() fyne.CanvasObject
	// validated is called after every change: update row marks, error sentences, totals.
	validated()
	// focus selects the row of entity/id and puts the cursor in field; false when not here.
	focus(entity string, id int64, field string) bool
	// newRow adds a row (Ctrl+N) where the step has a table.
	newRow()
}

// Wizard is the plan wizard for one plan.
type Wizard struct {
	win   fyne.Window
	store *data.Store
	loc   *i18n.Localizer
	prof  domain.Profile
	opt   Options
	ic    icons

	d        domain.PlanData
	problems []located
	step     int
	sel      map[int]int64 // per step: id of the selected row
	view     stepView
	undo     widgets.Undo[edit, where]
	// stored is, per field with typing not yet written, the value the store holds: what a
	// number field's value goes back to while its text is no value.
	stored map[string]any

	title     *widget.Label
	stepTitle *widget.Label
	stepHelp  *widget.Label
	// stepIssues says what is wrong with the step as a whole (no activities, a goal nothing
	// serves): problems of the plan, not of a row, so they have no field to sit under.
	stepIssues *widget.Label
	banner     *fyne.Container
	bannerFor  string // the status (and decision) the banner was made for
	stepBtns   [stepCount]*widget.Button
	// stepLacks are the subtitles under the step names: what each step still lacks.
	stepLacks [stepCount]*widget.Label
	progress  *widget.ProgressBar
	area      *fyne.Container
	backBtn   *widget.Button
	nextBtn   *widget.Button
	nav       *fyne.Container // Back and Next: laid out again when Next names another step
	undoBtn   *widget.Button
	redoBtn   *widget.Button
	status    *widget.Label
	// confirm is the open "delete?" question, kept so tests can answer it.
	confirm *widgets.Confirm
	// decision and record are the open decision and follow-up dialogs (for tests).
	decision *DecisionDialog
	record   *RecordDialog
}

// New loads plan planID and prepares the wizard at the step the user left it.
func New(win fyne.Window, store *data.Store, loc *i18n.Localizer, planID int64, opt Options) (*Wizard, error) {
	prof, err := store.Profile()
	if err != nil {
		return nil, fmt.Errorf("open wizard: %w", err)
	}
	d, err := store.PlanData(planID)
	if err != nil {
		return nil, fmt.Errorf("open plan %d: %w", planID, err)
	}
	// The plan is written under the profile it was made under (a newer one is for new plans).
	w := &Wizard{win: win, store: store, loc: loc, prof: d.ProfileOr(prof), opt: opt, ic: newIcons(), d: d, sel: map[int]int64{}, stored: map[string]any{}}
	w.step = min(max(d.Plan.WizardStep, 0), stepCount-1)
	if d.Plan.Status == domain.PlanClosed {
		w.step = StepFollowUp
	}
	w.initUndo()
	w.restoreSelection()
	w.validate()
	return w, nil
}

// PlanID is the plan being edited.
func (w *Wizard) PlanID() int64 { return w.d.Plan.ID }

// Step is the step shown (StepPlan … StepReview).
func (w *Wizard) Step() int { return w.step }

// Data is the plan as the wizard holds it (for tests and the shell).
func (w *Wizard) Data() domain.PlanData { return w.d }

// Build makes the wizard's content: header, step list, the current step, Back/Next.
func (w *Wizard) Build() fyne.CanvasObject {
	loc := w.loc
	toStart := widget.NewButtonWithIcon(loc.T("wizard.to_start"), theme.HomeIcon(), w.onClose)
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The whole title (board, year, status) wraps onto a second line rather than being cut.
	w.title.Wrapping = fyne.TextWrapWord
	w.undoBtn = widget.NewButtonWithIcon(loc.T("wizard.undo"), theme.ContentUndoIcon(), w.Undo)
	w.redoBtn = widget.NewButtonWithIcon(loc.T("wizard.redo"), theme.ContentRedoIcon(), w.Redo)
	w.undo.Buttons(w.undoBtn, w.redoBtn)
	w.status = widget.NewLabel(loc.T("wizard.autosave"))
	w.status.SizeName = theme.SizeNameCaptionText
	right := container.NewHBox(w.status, w.undoBtn, w.redoBtn)
	if w.opt.OnExport != nil {
		right.Add(widget.NewButtonWithIcon(loc.T("wizard.export"), theme.DocumentSaveIcon(), w.onExport))
	}
	if w.opt.OnPresent != nil {
		right.Add(widget.NewButtonWithIcon(loc.T("wizard.present"), theme.ComputerIcon(), w.onPresent))
	}
	header := container.NewBorder(nil, nil, toStart, right, w.title)
	w.banner = container.NewVBox()
	w.bannerFor = ""

	steps := container.NewVBox()
	for s := range stepCount {
		b := widget.NewButton(fmt.Sprintf("%d. %s", s+1, w.stepLabel(s)), func() { w.GoTo(s) })
		b.Alignment = widget.ButtonAlignLeading
		w.stepBtns[s] = b
		lack := widget.NewLabel("")
		lack.SizeName = theme.SizeNameCaptionText
		lack.Wrapping = fyne.TextWrapWord
		lack.Hide()
		w.stepLacks[s] = lack
		steps.Objects = append(steps.Objects, b, lack)
	}
	w.progress = widget.NewProgressBar()
	w.progress.Max = stepCount
	w.progress.TextFormatter = func() string {
		return loc.Tf("wizard.progress", "Done", int(w.progress.Value), "Total", stepCount)
	}
	side := container.NewBorder(widget.NewLabelWithStyle(loc.T("wizard.steps"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		w.progress, nil, nil, container.NewVScroll(steps))

	w.stepTitle = heading("")
	w.stepHelp = widgets.Wrapped("")
	w.stepIssues = widgets.Wrapped("")
	w.stepIssues.Hide()
	w.backBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { w.GoTo(w.step - 1) })
	w.nextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { w.GoTo(w.step + 1) })
	w.nextBtn.IconPlacement = widget.ButtonIconTrailingText
	w.nextBtn.Importance = widget.HighImportance
	w.nav = container.NewBorder(nil, nil, w.backBtn, w.nextBtn)
	nav := w.nav
	w.area = container.NewStack()
	main := container.NewBorder(container.NewVBox(w.stepTitle, w.stepHelp, w.stepIssues), container.NewVBox(widget.NewSeparator(), nav), nil, nil, w.area)

	top := container.NewVBox(header, widget.NewSeparator(), w.banner)
	body := container.NewBorder(nil, nil, container.NewHBox(container.NewPadded(side), widget.NewSeparator()), nil, container.NewPadded(main))
	w.showStep(w.step)
	return container.NewBorder(top, nil, nil, nil, body)
}

// GoTo shows step s (everything typed so far is saved first).
func (w *Wizard) GoTo(s int) {
	if s < 0 || s >= stepCount {
		return
	}
	w.showStep(s)
}

func (w *Wizard) showStep(s int) {
	w.flush()
	w.step = s
	if w.d.Plan.WizardStep != s {
		if err := w.store.SetWizardStep(w.d.Plan.ID, s); err != nil {
			fyne.LogError("remember wizard step", err)
		}
		w.d.Plan.WizardStep = s
	}
	w.view = w.newView(s)
	obj := w.view.build()
	w.area.Objects = []fyne.CanvasObject{obj}
	w.area.Refresh()
	w.stepTitle.SetText(fmt.Sprintf("%d. %s", s+1, w.stepLabel(s)))
	w.stepHelp.SetText(w.loc.T("wizard.help." + stepNames[s]))
	w.backBtn.SetText(w.loc.T("wizard.back"))
	if s > 0 {
		w.backBtn.Enable()
	} else {
		w.backBtn.Disable()
	}
	if s < stepCount-1 {
		w.nextBtn.SetText(w.loc.Tf("wizard.next", "Step", w.stepLabel(s+1)))
		w.nextBtn.Show()
	} else {
		w.nextBtn.Hide()
	}
	w.nav.Refresh()
	w.rememberSelection()
	w.refreshChrome()
}

func (w *Wizard) newView(s int) stepView {
	switch s {
	case StepPlan:
		return &planView{w: w}
	case StepFollowUp:
		return &followUpView{w: w}
	case StepGoals:
		return &goalsView{w: w}
	case StepActivities:
		return &activitiesView{w: w}
	case StepResources:
		return &resourcesView{w: w}
	case StepTrainings:
		return &trainingsView{w: w}
	case StepCheckpoints:
		return &checkpointsView{w: w}
	}
	return &reviewView{w: w}
}

// canEdit tells whether the inputs of step s are enabled: a plan marked ready is read-only until
// reopened; a closed plan (its year is over) keeps only the follow-up open.
func (w *Wizard) canEdit(s int) bool {
	switch w.d.Plan.Status {
	case domain.PlanReady:
		return false
	case domain.PlanClosed:
		return s == StepFollowUp
	}
	return true
}

// refreshChrome updates what surrounds the step: title, banner, step marks, progress,
// undo/redo buttons.
func (w *Wizard) refreshChrome() {
	if w.title == nil {
		return
	}
	p := w.d.Plan
	if title := w.loc.Tf("wizard.title", "Board", p.Board, "Year", p.Year, "Status", w.loc.T("status."+string(p.Status))); w.title.Text != title {
		w.title.SetText(title)
	}
	states := w.states()
	lacks := w.missing()
	done := 0
	for s, b := range w.stepBtns {
		icon := w.ic.step(states[s])
		imp := widget.MediumImportance
		if s == w.step {
			imp = widget.HighImportance
		}
		if b.Icon != icon || b.Importance != imp {
			b.Icon, b.Importance = icon, imp
			b.Refresh()
		}
		if states[s] == stateDone {
			done++
		}
		if l := w.stepLacks[s]; l.Text != lacks[s] || l.Visible() != (lacks[s] != "") {
			l.SetText(lacks[s])
			l.Importance = widget.MediumImportance
			if states[s] == stateBlocking {
				l.Importance = widget.DangerImportance
			}
			if lacks[s] == "" {
				l.Hide()
			} else {
				l.Show()
			}
		}
	}
	if w.progress.Value != float64(done) {
		w.progress.SetValue(float64(done))
	}
	w.updateStepIssues()
	w.updateHistoryButtons()
	w.updateBanner()
}

func (w *Wizard) updateStepIssues() {
	var texts []string
	imp := widget.WarningImportance
	for _, p := range w.problems {
		// The biennial checks of last year's plan sit under their own fields in step 2.
		if p.step != w.step || p.Entity != "plan" || p.Previous || w.step == StepPlan || w.step == StepReview {
			continue
		}
		texts = append(texts, p.Text(w.loc))
		if p.Severity == domain.Blocking {
			imp = widget.DangerImportance
		}
	}
	text := strings.Join(texts, " ")
	if text == w.stepIssues.Text && w.stepIssues.Importance == imp && w.stepIssues.Visible() == (text != "") {
		return
	}
	w.stepIssues.Importance = imp
	w.stepIssues.SetText(text)
	if text == "" {
		w.stepIssues.Hide()
	} else {
		w.stepIssues.Show()
	}
}

func (w *Wizard) updateHistoryButtons() { w.undo.UpdateButtons() }

func (w *Wizard) updateBanner() {
	p := w.d.Plan
	key := string(p.Status) + "/" + p.DecisionLine(w.loc)
	if w.bannerFor == key {
		return
	}
	w.bannerFor = key
	var text string
	var action fyne.CanvasObject
	// Ready and signed are good news: shown as success, not as a warning. A closed year is
	// plain information.
	imp, icon := widget.SuccessImportance, w.ic.done
	// A signed plan is decided by the board and followed up during its year: both from here.
	decideBtn := widget.NewButtonWithIcon(w.loc.T("wizard.decision.register"), theme.DocumentCreateIcon(), w.ShowDecision)
	recordBtn := widget.NewButtonWithIcon(w.loc.T("wizard.record.button"), theme.ListIcon(), func() { w.ShowRecord(false) })
	switch p.Status {
	case domain.PlanReady:
		text = w.loc.T("wizard.banner.ready")
		action = container.NewHBox(decideBtn, widget.NewButtonWithIcon(w.loc.T("wizard.reopen"), theme.DocumentCreateIcon(), w.onReopen))
	case domain.PlanSigned:
		text = w.loc.Tf("wizard.banner.signed", "Version", p.Version)
		action = container.NewHBox(recordBtn, decideBtn)
	case domain.PlanClosed:
		text = w.loc.Tf("wizard.banner.closed", "Year", p.Year)
		imp, icon = widget.MediumImportance, theme.InfoIcon()
		action = container.NewHBox(recordBtn)
	}
	if line := p.DecisionLine(w.loc); text != "" && p.Decision.Made() {
		text += " " + line + "."
	}
	w.banner.RemoveAll()
	if text == "" {
		w.banner.Refresh()
		return
	}
	l := widgets.Wrapped(text)
	l.Importance = imp
	row := container.NewBorder(nil, nil, widget.NewIcon(icon), action, l)
	w.banner.Objects = append(w.banner.Objects, row, widget.NewSeparator())
	w.banner.Refresh()
}

// stepLabel is step s's name as the user sees it; the follow-up names the year it follows up.
func (w *Wizard) stepLabel(s int) string {
	if s == StepFollowUp {
		return w.loc.Tf("wizard.step.followup", "Year", w.d.Plan.Year-1)
	}
	return w.loc.T("wizard.step." + stepNames[s])
}

// validate recomputes every problem of the plan and of last year's follow-up: the plan's one
// judge, the same that the export, the report and the slides take their verdict from.
func (w *Wizard) validate() {
	w.problems = locate(domain.ValidatePlan(w.d, w.prof))
}

// problemText is the sentence for the problems of one field of one row ("" when none), and
// whether any of them blocks.
func (w *Wizard) problemText(entity string, id int64, field string) (string, bool) {
	var parts []string
	blocking := false
	for _, p := range w.problems {
		if p.Entity == entity && p.EntityID == id && p.Field == field {
			parts = append(parts, p.Text(w.loc))
			blocking = blocking || p.Severity == domain.Blocking
		}
	}
	return strings.Join(parts, " "), blocking
}

// afterChange is called after the data changed in memory: problems, marks and the view follow.
func (w *Wizard) afterChange() {
	w.validate()
	if w.view != nil {
		w.view.validated()
	}
	w.refreshChrome()
}

// handleShortcut runs the app's shortcuts: Ctrl+S, Ctrl+N, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+E.
func (w *Wizard) handleShortcut(s fyne.Shortcut) bool {
	switch sc := s.(type) {
	case *fyne.ShortcutUndo:
		w.Undo()
		return true
	case *fyne.ShortcutRedo:
		w.Redo()
		return true
	case *desktop.CustomShortcut:
		mod := sc.Modifier
		switch {
		case mod == fyne.KeyModifierShortcutDefault && sc.KeyName == fyne.KeyS:
			w.Save()
			return true
		case mod == fyne.KeyModifierShortcutDefault && sc.KeyName == fyne.KeyN:
			w.NewRow()
			return true
		case mod == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift && sc.KeyName == fyne.KeyZ:
			w.Redo()
			return true
		case mod == fyne.KeyModifierShortcutDefault && sc.KeyName == fyne.KeyE && w.opt.OnExport != nil:
			w.onExport()
			return true
		}
	}
	return false
}

// handleKey runs the keys without modifier: PageUp/PageDown between steps, F5 present.
func (w *Wizard) handleKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyPageUp:
		w.GoTo(w.step - 1)
		return true
	case fyne.KeyPageDown:
		w.GoTo(w.step + 1)
		return true
	case fyne.KeyF5:
		if w.opt.OnPresent != nil {
			w.onPresent()
			return true
		}
	}
	return false
}

// HandleShortcut is the shell's way in for shortcuts typed while no input has the focus.
func (w *Wizard) HandleShortcut(s fyne.Shortcut) bool { return w.handleShortcut(s) }

// HandleKey is the shell's way in for keys typed while no input has the focus.
func (w *Wizard) HandleKey(ev *fyne.KeyEvent) bool { return w.handleKey(ev) }

// NewRow adds a row to the current step's table (Ctrl+N).
func (w *Wizard) NewRow() {
	if w.view != nil && w.canEdit(w.step) {
		w.view.newRow()
	}
}

// Save writes whatever is still being typed and confirms it (Ctrl+S).
func (w *Wizard) Save() {
	if err := w.flush(); err != nil {
		return
	}
	w.setStatus(w.loc.Tf("wizard.saved_all", "Time", time.Now().Format("15:04:05")), widget.SuccessImportance)
}

// Flush writes whatever is still being typed; the shell calls it before the window closes.
func (w *Wizard) Flush() error { return w.flush() }

func (w *Wizard) setStatus(text string, imp widget.Importance) {
	if w.status == nil {
		return
	}
	w.status.Importance = imp
	w.status.SetText(text)
}

func (w *Wizard) onClose() {
	if err := w.flush(); err != nil {
		return
	}
	if err := w.store.SetSetting(settings.OpenPlan, ""); err != nil {
		fyne.LogError("forget open plan", err)
	}
	if w.opt.OnClose != nil {
		w.opt.OnClose()
	}
}

func (w *Wizard) onExport() {
	if w.flush() == nil && w.opt.OnExport != nil {
		w.opt.OnExport(w.d.Plan.ID)
	}
}

func (w *Wizard) onPresent() {
	if w.flush() == nil && w.opt.OnPresent != nil {
		w.opt.OnPresent(w.d.Plan.ID)
	}
}

// select remembers the selected row of the current step (also for a restart).
func (w *Wizard) selectRow(id int64) {
	if w.sel[w.step] == id {
		return
	}
	w.sel[w.step] = id
	w.rememberSelection()
}

func (w *Wizard) rememberSelection() {
	v := fmt.Sprintf("%d %d %d", w.d.Plan.ID, w.step, w.sel[w.step])
	if w.store.Setting(settings.WizardSelection, "") == v {
		return
	}
	if err := w.store.SetSetting(settings.WizardSelection, v); err != nil {
		fyne.LogError("remember selection", err)
	}
}

func (w *Wizard) restoreSelection() {
	f := strings.Fields(w.store.Setting(settings.WizardSelection, ""))
	if len(f) != 3 {
		return
	}
	plan, err1 := strconv.ParseInt(f[0], 10, 64)
	step, err2 := strconv.Atoi(f[1])
	id, err3 := strconv.ParseInt(f[2], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || plan != w.d.Plan.ID || step < 0 || step >= stepCount {
		return
	}
	w.sel[step] = id
}

// onMarkReady marks the plan ready (only offered when nothing blocks): it becomes read-only.
func (w *Wizard) onMarkReady() {
	if err := w.flush(); err != nil {
		return
	}
	w.validate()
	if w.blocking() {
		w.refreshChrome()
		return
	}
	w.setPlanStatus(domain.PlanReady)
}

// onReopen opens a ready plan for changes again; the store logs it.
func (w *Wizard) onReopen() { w.setPlanStatus(domain.PlanDraft) }

func (w *Wizard) setPlanStatus(s domain.PlanStatus) {
	if err := w.store.SetPlanStatus(w.d.Plan.ID, s, w.d.Plan.Version); err != nil {
		w.report(err)
		return
	}
	p, err := w.store.Plan(w.d.Plan.ID)
	if err != nil {
		w.report(err)
		return
	}
	w.d.Plan = p
	w.validate()
	w.showStep(w.step)
	if s == domain.PlanReady {
		w.setStatus(w.loc.T("wizard.marked_ready"), widget.SuccessImportance)
	} else {
		w.setStatus(w.loc.T("wizard.reopened"), widget.MediumImportance)
	}
}

// detailSplit puts a table on the left and the selected row's form on the right; share is the
// table's part of the width (the user can drag the divider).
func detailSplit(table, detail fyne.CanvasObject, share float64) fyne.CanvasObject {
	split := container.NewHSplit(table, detail)
	split.Offset = share
	return split
}

// toolbar is a row of buttons with a text after them.
func toolbar(info *widget.Label, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, container.NewHBox(buttons...), nil, container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), 0), info))
}

// focusWidget puts the keyboard focus on o when the wizard is on screen.
func (w *Wizard) focusWidget(o fyne.Focusable) {
	if w.win == nil || o == nil {
		return
	}
	w.win.Canvas().Focus(o)
}
