package register

import (
	"fmt"
	"handlingsplan/ui/fynelang"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/worklist"
	"handlingsplan/domain"
)

// now is the day the register is judged at.
func (v *View) now() time.Time {
	if v.env.Now != nil {
		return v.env.Now()
	}
	return time.Now()
}

// loadActivities reads the activities of the board's plans for this year and later: the
// register's warnings say which of them already have an activity.
func (v *View) loadActivities() {
	acts, err := v.store.BoardActivities(v.board.ID, v.now().Year())
	if err != nil {
		fyne.LogError("register: read the board's activities", err)
		return
	}
	v.acts = acts
}

// activities are the board's planned activities as the domain's rules take them.
func (v *View) activities() []domain.Activity {
	out := make([]domain.Activity, len(v.acts))
	for i, a := range v.acts {
		out[i] = a.Activity
	}
	return out
}

// workStrip lists, above the selected system's form, what the register's rules ask of it: one
// line per warning with "Lägg till åtgärd", or the activity that is already planned for it.
type workStrip struct {
	v     *View
	box   *fyne.Container
	obj   fyne.CanvasObject
	shown string // what the strip shows now, so an unchanged strip is not rebuilt
	// buttons are the strip's "Lägg till åtgärd" buttons by rule (tests tap them).
	buttons map[domain.RegisterRule]*widget.Button
}

func newWorkStrip(v *View) *workStrip {
	w := &workStrip{v: v, box: container.NewVBox(), buttons: map[domain.RegisterRule]*widget.Button{}}
	w.obj = w.box
	return w
}

// show fills the strip for system x; it reports whether its height may have changed.
func (w *workStrip) show(x domain.System) bool {
	v := w.v
	ws := domain.RegisterWarnings([]domain.System{x}, v.activities(), v.now())
	var key strings.Builder
	for _, wn := range ws {
		fmt.Fprintf(&key, "%s/%v;", wn.Rule, wn.Activity != nil && wn.Activity.ID != 0)
		if wn.Activity != nil {
			key.WriteString(wn.Activity.Title)
		}
	}
	if key.String() == w.shown {
		return false
	}
	w.shown = key.String()
	w.box.Objects = nil
	w.buttons = map[domain.RegisterRule]*widget.Button{}
	if len(ws) == 0 {
		w.box.Refresh()
		return true
	}
	loc := v.loc
	title := widget.NewLabelWithStyle(loc.T("register.work.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.box.Add(title)
	for _, wn := range ws {
		wn := wn
		icon := widget.NewIcon(v.ic.warn)
		if wn.Severity() == domain.Blocking {
			icon = widget.NewIcon(v.ic.err)
		}
		label := widget.NewLabel(loc.T("field.rule." + string(wn.Rule)))
		label.Wrapping = fyne.TextWrapWord
		var right fyne.CanvasObject
		if wn.Activity != nil {
			icon = widget.NewIcon(theme.ConfirmIcon())
			label.SetText(loc.Tf("register.work.planned", "Rule", loc.T("field.rule."+string(wn.Rule)), "Activity", wn.Activity.Title, "Year", w.yearOf(wn.Activity.ID)))
		} else {
			b := widget.NewButtonWithIcon(loc.T("register.work.add"), theme.ContentAddIcon(), func() { v.onAddActivity(wn) })
			w.buttons[wn.Rule] = b
			right = b
		}
		w.box.Add(container.NewBorder(nil, nil, icon, right, label))
	}
	w.box.Add(widget.NewSeparator())
	w.box.Refresh()
	return true
}

// yearOf is the year of the plan activity id belongs to.
func (w *workStrip) yearOf(id int64) int {
	for _, a := range w.v.acts {
		if a.ID == id {
			return a.Year
		}
	}
	return 0
}

// onAddActivity is "Lägg till åtgärd" for warning wn: a pre-filled activity in the board's next
// plan; the strip then names it.
func (v *View) onAddActivity(wn domain.RegisterWarning) {
	if v.flush() != nil {
		return
	}
	added, err := worklist.AddForWarning(v.store, v.board.ID, wn, v.now(), v.loc)
	if err != nil {
		text := worklist.Text(v.loc, err, v.now().Year())
		v.setStatus(text, widget.DangerImportance)
		if v.env.Window != nil {
			fynelang.ShowInformation(v.loc.T("register.work.add"), text, v.env.Window)
		}
		return
	}
	v.loadActivities()
	v.validated()
	msg := v.loc.Tf("register.work.added", "Activity", added.Title, "Year", added.Year)
	if added.Reopened {
		msg += " " + v.loc.T("register.work.reopened")
	}
	v.setStatus(v.loc.Tf("register.work.added_short", "Year", added.Year), widget.SuccessImportance)
	if v.env.OpenPlan != nil && v.env.Window != nil {
		d := dialog.NewConfirm(v.loc.T("register.work.add"), msg+"\n\n"+v.loc.T("register.work.open_question"), func(open bool) {
			if open && v.flush() == nil {
				v.env.OpenPlan(added.PlanID)
			}
		}, v.env.Window)
		d.SetConfirmText(v.loc.T("register.work.open"))
		d.SetDismissText(v.loc.T("register.work.stay"))
		d.Show()
		fynelang.DialogKeys(v.env.Window, d.Confirm, d.Dismiss)
	}
}
