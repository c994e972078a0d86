package wizard

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/newplan"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// NewPlanDialog asks how next year's plan starts from the board's newest plan: what happens to
// each unfinished activity (carried over re-dated, kept as it is, or dropped with a reason) and
// whether the follow-up plan and the training series are copied as templates. Then it creates
// the plan and calls onCreated with its id.
type NewPlanDialog struct {
	store     *data.Store
	loc       *i18n.Localizer
	win       fyne.Window
	board     domain.Board
	year      int
	prev      *domain.PlanData
	choices   []domain.CarryChoice
	goals     []domain.GoalCarry
	onCreated func(planID int64)

	rows      *fyne.Container // one row per unfinished activity: title, action, reason
	followUp  *widget.Check
	trainings *widget.Check
	errText   *widget.Label
	createBtn *widgets.KeyButton
	dlg       *dialog.CustomDialog
}

// ShowNewPlan starts a new plan for board (the use case app/newplan). With no earlier plan it
// is created at once (there is nothing to carry over); otherwise the carry-over dialog is
// shown. now decides the year when the board has no plan yet.
func ShowNewPlan(win fyne.Window, store *data.Store, loc *i18n.Localizer, board domain.Board, now time.Time, onCreated func(planID int64)) (*NewPlanDialog, error) {
	st, err := newplan.Prepare(store, board, now)
	if err != nil {
		return nil, err
	}
	n := &NewPlanDialog{store: store, loc: loc, win: win, board: board, year: st.Year, prev: st.Prev, choices: st.Choices,
		goals: st.Goals, onCreated: onCreated}
	if n.prev == nil {
		id, err := newplan.Create(store, nil, domain.NewPlanOptions{Board: board, Year: n.year})
		if err != nil {
			return nil, err
		}
		onCreated(id)
		return nil, nil
	}
	n.show()
	return n, nil
}

// Year is the year of the plan the dialog makes.
func (n *NewPlanDialog) Year() int { return n.year }

func (n *NewPlanDialog) show() {
	loc := n.loc
	intro := widgets.Wrapped(loc.Tf("wizard.new.intro", "Year", n.prev.Plan.Year, "Count", len(n.choices)))
	n.followUp = widget.NewCheck(loc.Tf("wizard.new.followup_template", "Year", n.prev.Plan.Year, "Count", len(n.prev.Checkpoints)), nil)
	n.followUp.SetChecked(len(n.prev.Checkpoints) > 0)
	n.trainings = widget.NewCheck(loc.Tf("wizard.new.training_template", "Year", n.prev.Plan.Year, "Count", len(n.prev.Trainings)), nil)
	n.trainings.SetChecked(len(n.prev.Trainings) > 0)
	n.errText = fieldError()

	cols := []widgets.Column{{Weight: 3, Min: 10}, {Min: 13}, {Weight: 2, Min: 10}}
	// The activity's title wraps (a row is as tall as it needs): the choice is about it.
	lay := &widgets.ColumnsLayout{Columns: cols, Wrap: true}
	var body fyne.CanvasObject
	if len(n.choices) == 0 {
		body = widgets.Wrapped(loc.T("wizard.new.nothing_unfinished"))
	} else {
		n.rows = container.NewVBox()
		for i := range n.choices {
			title := widgets.Wrapped("")
			action := widgets.NewChoice(widgets.Keys{}, n.actionLabels(), loc.T("wizard.choose"))
			reason := widgets.NewTextEntry(widgets.Keys{}, false)
			reason.SetPlaceHolder(loc.T("wizard.new.reason_hint"))
			row := container.New(lay, widget.NewIcon(nil), title, action, reason)
			n.updateRow(i, row)
			n.rows.Add(row)
		}
		head := container.New(lay, widget.NewIcon(nil),
			widgets.Wrapped(""), widgets.Wrapped(""), widgets.Wrapped(""))
		for k, key := range []string{"wizard.new.col_activity", "wizard.new.col_action", "wizard.new.col_reason"} {
			l := head.Objects[k+1].(*widget.Label)
			l.TextStyle.Bold = true
			l.SetText(loc.T(key))
		}
		body = container.NewBorder(head, nil, nil, nil, vscroll(n.rows))
	}
	// Last year's annual goals that were not reached are offered too, carried by default.
	goalBox := container.NewVBox()
	if len(n.goals) > 0 {
		goalBox.Add(widget.NewLabelWithStyle(loc.Tf("wizard.new.goals", "Count", len(n.goals)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for i, g := range n.goals {
			c := widget.NewCheck(loc.Tf("wizard.new.goal_row", "Text", titleOr(loc, g.Goal.Text), "Outcome", loc.T("outcome."+string(g.Goal.Outcome))),
				func(on bool) { n.goals[i].Carry = on })
			c.SetChecked(g.Carry)
			goalBox.Add(c)
		}
	}
	bottom := container.NewVBox(widget.NewSeparator(), goalBox, n.followUp, n.trainings, n.errText)
	content := container.NewBorder(intro, bottom, nil, nil, body)

	// Enter presses the focused button, Escape on either cancels.
	cancel := widgets.NewKeyButton(loc.T("wizard.cancel"), theme.CancelIcon(), func() { n.dlg.Hide() })
	cancel.OnEscape = cancel.OnTapped
	n.createBtn = widgets.NewKeyButton(loc.Tf("wizard.new.create", "Year", n.year), theme.ConfirmIcon(), n.onCreate)
	n.createBtn.OnEscape = cancel.OnTapped
	n.createBtn.Importance = widget.HighImportance
	n.dlg = dialog.NewCustomWithoutButtons(loc.Tf("wizard.new.title", "Year", n.year, "Board", n.board.Name), content, n.win)
	n.dlg.SetButtons([]fyne.CanvasObject{cancel, n.createBtn})
	size := n.win.Canvas().Size()
	n.dlg.Resize(fyne.NewSize(min(60*theme.TextSize(), size.Width*0.92), min(40*theme.TextSize(), size.Height*0.88)))
	n.dlg.Show()
	// The rows' heights follow the width they got: lay them out again at it.
	content.Refresh()
}

func (n *NewPlanDialog) actionLabels() []string {
	out := make([]string, len(domain.CarryActions))
	for i, a := range domain.CarryActions {
		out[i] = n.loc.T("wizard.new.action." + string(a))
	}
	return out
}

func (n *NewPlanDialog) updateRow(i int, o fyne.CanvasObject) {
	if i >= len(n.choices) {
		return
	}
	c := n.choices[i]
	objs := o.(*fyne.Container).Objects
	a := c.Activity
	objs[1].(*widget.Label).SetText(n.loc.Tf("wizard.new.row", "Title", a.Title,
		"Status", n.loc.T("activity.status."+string(a.Status)), "Percent", a.PercentDone))
	action := objs[2].(*widgets.Choice)
	action.OnChanged = nil
	widgets.SetSelected(&action.Select, slices.Index(domain.CarryActions, c.Action))
	action.OnChanged = func(string) {
		if k := action.SelectedIndex(); k >= 0 {
			n.choices[i].Action = domain.CarryActions[k]
			n.updateRow(i, o)
		}
	}
	reason := objs[3].(*widgets.TextEntry)
	reason.OnChanged = nil
	widgets.SetText(&reason.Entry, c.Reason)
	reason.OnChanged = func(s string) { n.choices[i].Reason = s }
	if c.Action == domain.CarryDrop {
		reason.Enable()
	} else {
		reason.Disable()
	}
}

// SetChoice sets what happens to the i-th unfinished activity (the list's row i).
func (n *NewPlanDialog) SetChoice(i int, action domain.CarryAction, reason string) {
	n.choices[i].Action, n.choices[i].Reason = action, reason
	if n.rows != nil && i < len(n.rows.Objects) {
		n.updateRow(i, n.rows.Objects[i])
	}
}

// SetGoalCarry says whether the i-th unmet annual goal is carried over.
func (n *NewPlanDialog) SetGoalCarry(i int, on bool) { n.goals[i].Carry = on }

// GoalChoices are last year's unmet annual goals with whether they are carried over.
func (n *NewPlanDialog) GoalChoices() []domain.GoalCarry { return n.goals }

// Choices are the unfinished activities with what will happen to them.
func (n *NewPlanDialog) Choices() []domain.CarryChoice { return n.choices }

func (n *NewPlanDialog) onCreate() {
	opt := domain.NewPlanOptions{Board: n.board, Year: n.year, Carry: n.choices, Goals: n.goals,
		FollowUpTemplate: n.followUp.Checked, TrainingTemplate: n.trainings.Checked}
	id, err := newplan.Create(n.store, n.prev, opt)
	if err != nil {
		// Nothing was stored: the dialog stays open with the sentence under the list.
		n.errText.SetText(errorText(n.loc, err))
		n.errText.Show()
		return
	}
	n.dlg.Hide()
	n.onCreated(id)
}

// Create presses "Create the plan" (for the shell's tests).
func (n *NewPlanDialog) Create() { n.onCreate() }

// Error is the sentence the dialog shows under the list ("" when none).
func (n *NewPlanDialog) Error() string {
	if !n.errText.Visible() {
		return ""
	}
	return n.errText.Text
}
