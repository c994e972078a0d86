package checklist

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/worklist"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// card is one requirement: its title and policy text on the left, the board's answer on the
// right, the review's warning and the work line (Lägg till åtgärd, or the activity) under it.
type card struct {
	v   *View
	req string
	// quiet is true while the inputs are filled from code: nothing shown then counts as an edit.
	quiet bool

	obj         fyne.CanvasObject
	status      *widget.Select
	date        *widgets.DateEntry
	responsible *widgets.TextEntry
	comment     *widgets.TextEntry
	warning     *widget.Label
	work        *fyne.Container
	addBtn      *widget.Button
}

// statusChoices are the answers in the order the select offers them.
var statusChoices = domain.ChecklistStatuses

func newCard(v *View, row domain.ChecklistRow) *card {
	loc := v.loc
	c := &card{v: v, req: row.Requirement.ID}
	title := widget.NewLabelWithStyle(row.Requirement.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(row.Requirement.Text)
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameCaptionText
	goal := widget.NewLabel("")
	goal.SizeName = theme.SizeNameCaptionText
	goal.Wrapping = fyne.TextWrapWord
	if g := row.Requirement.Goal; g > 0 && v.prof.GoalText(g) != "" {
		goal.SetText(loc.Tf("checklist.goal", "Goal", g, "Text", v.prof.GoalText(g)))
	}

	var labels []string
	for _, s := range statusChoices {
		labels = append(labels, loc.T("checklist.status."+string(s)))
	}
	c.status = widget.NewSelect(labels, func(string) {
		if n := c.status.SelectedIndex(); !c.quiet && n >= 0 {
			v.change(c.req, "status", string(statusChoices[n]), true)
		}
	})
	c.status.PlaceHolder = loc.T("checklist.status.")
	c.date = widgets.NewDateEntry(v.keys())
	c.date.OnChanged = func(t *time.Time) {
		if c.quiet {
			return
		}
		if t == nil {
			v.change(c.req, "date", time.Time{}, false)
			return
		}
		y, m, d := t.Date()
		v.change(c.req, "date", time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true)
	}
	c.date.OnBlur = func() { v.Flush() }
	c.responsible = c.text("responsible", false)
	c.responsible.SetPlaceHolder(loc.T("checklist.responsible_hint"))
	c.comment = c.text("comment", true)
	c.comment.SetMinRowsVisible(1)
	c.comment.SetPlaceHolder(loc.T("checklist.comment_hint"))
	c.warning = widget.NewLabel("")
	c.warning.Wrapping = fyne.TextWrapWord
	c.warning.Importance = widget.WarningImportance
	c.warning.Hide()
	c.work = container.NewVBox()

	// Two columns of two fields: the card stays about three lines tall, so a 768-pixel screen
	// shows several requirements at once.
	form := container.NewGridWithColumns(2,
		container.New(layout.NewFormLayout(),
			bold(loc.T("checklist.field.status")), c.status,
			bold(loc.T("checklist.field.responsible")), c.responsible),
		container.New(layout.NewFormLayout(),
			bold(loc.T("checklist.field.date")), c.date,
			bold(loc.T("checklist.field.comment")), c.comment),
	)
	left := container.NewVBox(title, text, goal)
	right := container.NewVBox(form, c.warning, c.work)
	c.obj = container.NewGridWithColumns(2, left, right)
	c.fill(row)
	return c
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// text is a text input saved when typing pauses, on Enter (one line) and when the focus leaves.
func (c *card) text(field string, multiLine bool) *widgets.TextEntry {
	e := widgets.NewTextEntry(c.v.keys(), multiLine)
	e.OnChanged = func(s string) {
		if !c.quiet {
			c.v.change(c.req, field, s, false)
		}
	}
	e.OnBlur = func() { c.v.Flush() }
	if !multiLine {
		e.OnSubmitted = func(string) { c.v.Flush() }
	}
	return e
}

// fill shows the stored answer.
func (c *card) fill(row domain.ChecklistRow) {
	c.quiet = true
	defer func() { c.quiet = false }()
	idx := -1
	for i, s := range statusChoices {
		if s == row.Entry.Status {
			idx = i
		}
	}
	widgets.SetSelected(c.status, idx)
	widgets.SetDate(&c.date.DateEntry, row.Entry.Date)
	widgets.SetText(&c.responsible.Entry, row.Entry.Responsible)
	widgets.SetText(&c.comment.Entry, row.Entry.Comment)
}

// update shows the review's warning of the requirement and its work line.
func (c *card) update(row domain.ChecklistRow, ps domain.Problems) {
	loc := c.v.loc
	var parts []string
	for _, p := range ps {
		if p.Key != "err.checklist.addressed" { // the work line says that
			parts = append(parts, p.Text(loc))
		}
	}
	if len(parts) > 0 {
		c.warning.SetText(strings.Join(parts, " "))
		c.warning.Show()
	} else {
		c.warning.Hide()
	}
	c.work.Objects = nil
	c.addBtn = nil
	switch {
	case row.Activity != nil:
		l := widget.NewLabel(loc.Tf("checklist.planned", "Activity", row.Activity.Title, "Year", c.v.activityYear(row.Activity)))
		l.Wrapping = fyne.TextWrapWord
		c.work.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, l))
	case row.Entry.Status.Unmet():
		c.addBtn = widget.NewButtonWithIcon(loc.T("register.work.add"), theme.ContentAddIcon(), func() { c.v.onAddActivity(c.req) })
		c.work.Add(container.NewHBox(c.addBtn))
	}
	c.work.Refresh()
}

// errorText turns an error into one sentence in the user's language.
func errorText(loc *i18n.Localizer, err error) string {
	var p *domain.Problem
	switch {
	case errors.As(err, &p):
		return p.Text(loc)
	case data.IsDiskFull(err):
		return loc.T("err.disk_full")
	case errors.Is(err, worklist.ErrNoPlan), errors.Is(err, worklist.ErrReadOnly):
		return worklist.Text(loc, err, 0)
	}
	fyne.LogError("checklist", err)
	return loc.T("err.save_failed")
}
