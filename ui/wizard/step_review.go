package wizard

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/domain"
	"handlingsplan/ui/widgets"
)

// reviewView is step 7: every problem in one list (each jumps to its field), the goals no
// activity serves, the totals, a timeline, and "mark ready" when nothing blocks.
type reviewView struct {
	w        *Wizard
	problems *widgets.Table
	verdict  *widget.Label
	markBtn  *widget.Button
	goals    *fyne.Container
	totals   *totalsGrid
	timeline *timeline
}

func (v *reviewView) build() fyne.CanvasObject {
	w, loc := v.w, v.w.loc
	// A table that wraps: each problem's place and whole sentence, as many lines as it takes.
	v.problems = widgets.NewTable(widgets.TableConfig{Wrap: true, OnKey: w.handleKey,
		Count: func() int { return len(w.problems) },
		Mark: func(i int) fyne.Resource {
			if w.problems[i].Severity == domain.Blocking {
				return w.ic.err
			}
			return w.ic.warn
		},
		Columns: []widgets.Column{
			{Title: loc.T("wizard.review.col.where"), Min: 8, Weight: 1, Text: func(i int) string { return v.where(w.problems[i]) },
				Style: func(int) widgets.CellStyle { return widgets.CellStyle{Bold: true} }},
			{Title: loc.T("wizard.review.col.problem"), Min: 12, Weight: 2.2, Text: func(i int) string { return w.problems[i].Text(w.loc) }},
		},
		OnSelect: func(i int) {
			v.problems.SelectData(-1)
			if i >= 0 && i < len(w.problems) {
				v.onProblem(w.problems[i])
			}
		}})
	v.verdict = widgets.Wrapped("")
	v.markBtn = widget.NewButtonWithIcon(loc.T("wizard.mark_ready"), theme.ConfirmIcon(), w.onMarkReady)
	v.markBtn.Importance = widget.HighImportance
	v.goals = container.NewVBox()
	v.totals = newTotalsGrid(loc, true)
	v.timeline = newTimeline(loc, w.d.Plan.Year, func() []domain.Activity { return w.d.Activities })

	// The problems take the whole width, with room for about six, then the goals no activity
	// serves, the totals and the timeline under them: the whole review scrolls. Side by side
	// they did not fit a 1280-pixel screen.
	problems := section(loc.T("wizard.review.problems"), loc.T("wizard.review.problems_sub"),
		container.New(minSize{lines: 6 * problemLines}, v.problems.Object()))
	body := container.NewVBox(problems,
		section(loc.T("wizard.review.goals"), "", v.goals),
		section(loc.T("wizard.resources.totals"), loc.Tf("wizard.resources.fte_note", "Hours", loc.Number(int64(w.prof.HoursPerFTE))), v.totals.grid),
		section(loc.T("wizard.review.timeline"), "", container.New(minSize{lines: 8}, v.timeline.object())))
	v.validated()
	top := container.NewBorder(nil, nil, v.markBtn, nil, v.verdict)
	if w.d.Plan.Status != domain.PlanDraft {
		top = container.NewBorder(nil, nil, nil, nil, v.verdict)
	}
	return container.NewBorder(top, nil, nil, nil, vscroll(body))
}

// onProblem goes where a problem is fixed: its step, row and field, or the register or the
// checklist, which are edited outside the wizard.
func (v *reviewView) onProblem(p located) {
	w := v.w
	switch p.Entity {
	case "system":
		if w.opt.OnSystem != nil && w.flush() == nil {
			w.opt.OnSystem(p.EntityID)
		}
		return
	case "checklist":
		if w.opt.OnChecklist != nil && w.flush() == nil {
			w.opt.OnChecklist(w.d.Plan.ID, p.Field)
		}
		return
	}
	w.jump(p.step, p.Entity, p.EntityID, p.Field)
}

// where names a problem's place: the step and row, the register's system or the checklist.
func (v *reviewView) where(p located) string {
	w := v.w
	where := fmt.Sprintf("%d. %s · %s", p.step+1, w.stepLabel(p.step), w.rowLabel(p))
	switch p.Entity {
	case "system":
		where = w.loc.T("wizard.review.register") + " · " + w.rowLabel(p)
	case "checklist":
		where = w.loc.T("wizard.review.checklist")
		if p.Field != "" {
			where += " · " + w.rowLabel(p)
		}
	}
	return where
}

// rowLabel names the row a problem is about: the activity's title, the event's, the date of a
// checkpoint, or the plan.
func (w *Wizard) rowLabel(p located) string {
	untitled := w.loc.T("wizard.untitled")
	pick := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return untitled
		}
		return s
	}
	// A problem of last year's follow-up names last year's rows.
	d := &w.d
	if p.Previous && w.d.Previous != nil {
		d = w.d.Previous
	}
	switch p.Entity {
	case "activity":
		for _, a := range d.Activities {
			if a.ID == p.EntityID {
				return pick(a.Title)
			}
		}
	case "training":
		for _, t := range d.Trainings {
			if t.ID == p.EntityID {
				return pick(t.Title)
			}
		}
	case "annual_goal":
		for _, g := range d.AnnualGoals {
			if g.ID == p.EntityID {
				return pick(g.Text)
			}
		}
	case "system":
		for _, x := range d.Systems {
			if x.ID == p.EntityID {
				return pick(x.Name)
			}
		}
	case "checklist":
		if r, ok := w.prof.Requirement(p.Field); ok {
			return r.Title
		}
	case "checkpoint":
		for _, c := range d.Checkpoints {
			if c.ID == p.EntityID {
				if c.Date.IsZero() {
					return pick(c.Method)
				}
				return w.loc.Date(c.Date)
			}
		}
	}
	return w.loc.Tf("wizard.review.the_plan", "Year", d.Plan.Year)
}

func (v *reviewView) validated() {
	w, loc := v.w, v.w.loc
	v.problems.Refresh()
	blocking, warnings := 0, 0
	for _, p := range w.problems {
		if p.Severity == domain.Blocking {
			blocking++
		} else {
			warnings++
		}
	}
	switch {
	case w.d.Plan.Status == domain.PlanReady:
		widgets.SetLabel(v.verdict, loc.T("wizard.review.is_ready"))
	case w.d.Plan.Status == domain.PlanSigned:
		widgets.SetLabel(v.verdict, loc.Tf("wizard.review.is_signed", "Version", w.d.Plan.Version))
	case w.d.Plan.Status == domain.PlanClosed:
		widgets.SetLabel(v.verdict, loc.T("wizard.review.is_closed"))
	case blocking > 0:
		widgets.SetLabel(v.verdict, loc.Tf("wizard.review.blocked", "Count", blocking))
	case warnings > 0:
		widgets.SetLabel(v.verdict, loc.Tf("wizard.review.warnings", "Count", warnings))
	default:
		widgets.SetLabel(v.verdict, loc.T("wizard.review.all_good"))
	}
	if blocking > 0 || w.d.Plan.Status != domain.PlanDraft {
		v.markBtn.Disable()
	} else {
		v.markBtn.Enable()
	}
	v.goals.RemoveAll()
	uncovered := domain.UncoveredGoals(w.d.Activities, w.d.AnnualGoals, w.prof)
	if len(uncovered) == 0 {
		v.goals.Objects = append(v.goals.Objects, widgets.Wrapped(loc.T("wizard.review.goals_all")))
	}
	for _, g := range uncovered {
		l := widgets.Wrapped(loc.Tf("wizard.review.goal", "Goal", g, "Text", w.prof.GoalText(g)))
		l.Importance = widget.WarningImportance
		v.goals.Objects = append(v.goals.Objects, l)
	}
	v.goals.Refresh()
	v.totals.show(domain.SumResources(w.d.Activities, w.d.Plan.Year), w.prof.HoursPerFTE)
}

func (v *reviewView) focus(string, int64, string) bool { return false }

func (v *reviewView) newRow() {}

// jump shows the step where a problem is fixed, with its row selected and the cursor in its field.
func (w *Wizard) jump(step int, entity string, id int64, field string) {
	if entity != "plan" {
		w.sel[step] = id
	}
	w.showStep(step)
	w.view.focus(entity, id, field)
	// The field may sit below the fold of a long form: scroll it into view.
	if fv, ok := w.view.(interface{ detailForm() *form }); ok {
		fv.detailForm().reveal(field)
	}
}
