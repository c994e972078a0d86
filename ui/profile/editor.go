package profile

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appprofile "handlingsplan/app/profile"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// draftKey is the setting that keeps the editor's unsaved draft: closing the app does not lose
// what the coordinator typed; saving a version or discarding clears it.
const draftKey = "profile.draft"

// EditorEnv is what the shell hands the editor.
type EditorEnv struct {
	Window fyne.Window
	Store  *data.Store
	Loc    *i18n.Localizer
	Back   func()
}

// Editor is the coordinator's profile editor: the kommun and policy, hours per FTE, the
// submission deadline, the strategy goals, the scale's names, the checklist of general
// requirements and the goal of each register rule. "Spara som version N" stores the draft as the
// kommun's next version and takes it into use for new plans.
type Editor struct {
	env   EditorEnv
	loc   *i18n.Localizer
	draft domain.Profile
	saved domain.Profile // the profile in use
	next  int            // the version "save" makes

	tabs                   *container.AppTabs
	kommun, policy, hours  *widget.Entry
	deadline               *widget.Entry
	goals, scale, reqs     *fyne.Container
	rules                  *fyne.Container
	problems, status, head *widget.Label
	saveBtn, discardBtn    *widget.Button
	valid                  bool
}

// NewEditor reads the profile in use, or the draft left from last time.
func NewEditor(env EditorEnv) *Editor {
	e := &Editor{env: env, loc: env.Loc}
	e.saved, _ = env.Store.Profile()
	e.draft = clone(e.saved)
	if raw := env.Store.Setting(draftKey, ""); raw != "" {
		var d domain.Profile
		if json.Unmarshal([]byte(raw), &d) == nil {
			e.draft = d
		}
	}
	e.next = 1
	if vs, err := env.Store.ProfileVersions(); err == nil {
		for _, v := range vs {
			if v.Source != data.ProfileSubmission {
				e.next = max(e.next, v.Version+1)
			}
		}
	}
	return e
}

func clone(p domain.Profile) domain.Profile {
	b, _ := json.Marshal(p)
	var out domain.Profile
	_ = json.Unmarshal(b, &out)
	return out
}

// Flush keeps the draft (it is saved on every change already).
func (e *Editor) Flush() error { return nil }

// Build makes the editor.
func (e *Editor) Build() fyne.CanvasObject {
	loc := e.loc
	back := widget.NewButtonWithIcon(loc.T("checklist.back"), theme.NavigateBackIcon(), func() {
		if e.env.Back != nil {
			e.env.Back()
		}
	})
	e.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.status = widget.NewLabel("")
	e.status.SizeName = theme.SizeNameCaptionText
	header := container.NewBorder(nil, nil, back, e.status, e.head)

	e.kommun = e.entry(e.draft.Kommun, func(s string) { e.draft.Kommun = s })
	e.policy = e.entry(e.draft.PolicyName, func(s string) { e.draft.PolicyName = s })
	e.hours = e.entry(strconv.Itoa(e.draft.HoursPerFTE), func(s string) {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(s, " ", "")))
		if err != nil {
			n = 0
		}
		e.draft.HoursPerFTE = n
	})
	e.deadline = e.entry(e.draft.Deadline, func(s string) { e.draft.Deadline = strings.TrimSpace(s) })
	e.deadline.SetPlaceHolder("10-31")
	general := container.New(layout.NewFormLayout(),
		bold(loc.T("profile.editor.kommun")), e.kommun,
		bold(loc.T("profile.editor.policy")), e.policy,
		bold(loc.T("profile.editor.hours")), e.hours,
		bold(loc.T("profile.editor.deadline")), container.NewVBox(e.deadline, caption(loc.T("profile.editor.deadline_help"))),
	)
	e.goals, e.scale, e.reqs, e.rules = container.NewVBox(), container.NewVBox(), container.NewVBox(), container.NewVBox()
	e.fillGoals()
	e.fillScale()
	e.fillReqs()
	e.fillRules()
	addGoal := widget.NewButtonWithIcon(loc.T("profile.editor.add_goal"), theme.ContentAddIcon(), e.onAddGoal)
	addReq := widget.NewButtonWithIcon(loc.T("profile.editor.add_requirement"), theme.ContentAddIcon(), e.onAddReq)
	e.tabs = container.NewAppTabs(
		container.NewTabItem(loc.T("profile.editor.tab.general"), container.NewVScroll(container.NewPadded(general))),
		container.NewTabItem(loc.T("profile.editor.tab.goals"), container.NewBorder(nil, container.NewHBox(addGoal), nil, nil, container.NewVScroll(e.goals))),
		container.NewTabItem(loc.T("profile.editor.tab.checklist"), container.NewBorder(caption(loc.T("profile.editor.checklist_help")), container.NewHBox(addReq), nil, nil, container.NewVScroll(e.reqs))),
		container.NewTabItem(loc.T("profile.editor.tab.scale"), container.NewVScroll(e.scale)),
		container.NewTabItem(loc.T("profile.editor.tab.rules"), container.NewBorder(caption(loc.T("profile.editor.rules_help")), nil, nil, nil, container.NewVScroll(e.rules))),
	)
	e.problems = widgets.Wrapped("")
	e.problems.Importance = widget.DangerImportance
	e.saveBtn = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), e.onSave)
	e.saveBtn.Importance = widget.HighImportance
	e.discardBtn = widget.NewButtonWithIcon(loc.T("profile.editor.discard"), theme.ContentUndoIcon(), e.onDiscard)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(e.discardBtn, e.saveBtn), e.problems)
	e.changed(false)
	return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), container.NewVBox(widget.NewSeparator(), bottom), nil, nil, e.tabs)
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

func caption(s string) *widget.Label {
	l := widgets.Wrapped(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// entry is a one-line input whose changes go into the draft through set.
func (e *Editor) entry(text string, set func(string)) *widget.Entry {
	w := widget.NewEntry()
	w.SetText(text)
	w.OnChanged = func(s string) {
		set(s)
		e.changed(true)
	}
	return w
}

func (e *Editor) multi(text string, set func(string)) *widget.Entry {
	w := widget.NewMultiLineEntry()
	w.Wrapping = fyne.TextWrapWord
	w.SetMinRowsVisible(2)
	w.SetText(text)
	w.OnChanged = func(s string) {
		set(s)
		e.changed(true)
	}
	return w
}

// changed keeps the draft (when the user changed it), judges it and says what saving does.
func (e *Editor) changed(edited bool) {
	loc := e.loc
	if edited {
		if b, err := json.Marshal(e.draft); err == nil {
			if err := e.env.Store.SetSetting(draftKey, string(b)); err != nil {
				fyne.LogError("keep profile draft", err)
			}
		}
	}
	same := domain.SameProfile(withVersion(e.draft, e.saved.Version), e.saved)
	ps := domain.ValidateProfile(e.draft)
	var lines []string
	for i, p := range ps {
		if i == 4 {
			lines = append(lines, loc.Tf("profile.editor.more_problems", "Count", len(ps)-4))
			break
		}
		lines = append(lines, p.Text(loc))
	}
	e.valid = len(ps) == 0
	widgets.SetLabel(e.problems, strings.Join(lines, "\n"))
	e.saveBtn.SetText(loc.Tf("profile.editor.save", "Version", e.next))
	if e.valid && !same {
		e.saveBtn.Enable()
	} else {
		e.saveBtn.Disable()
	}
	if same {
		e.discardBtn.Disable()
	} else {
		e.discardBtn.Enable()
	}
	head := loc.Tf("profile.editor.title", "Version", e.saved.Version)
	if e.saved.Version == 0 {
		head = loc.T("profile.editor.title_default")
	}
	if !same {
		head += " · " + loc.T("profile.editor.unsaved")
	}
	e.head.SetText(head)
}

func withVersion(p domain.Profile, v int) domain.Profile {
	p.Version = v
	return p
}

// onSave stores the draft as the next version and takes it into use.
func (e *Editor) onSave() {
	p, err := appprofile.SaveVersion(e.env.Store, e.draft)
	if err != nil {
		text := e.loc.T("err.save_failed")
		if pr, ok := err.(*domain.Problem); ok {
			text = pr.Text(e.loc)
		}
		e.status.Importance = widget.DangerImportance
		e.status.SetText(text)
		return
	}
	if err := e.env.Store.SetSetting(draftKey, ""); err != nil {
		fyne.LogError("clear profile draft", err)
	}
	e.saved, e.draft = p, clone(p)
	e.next = p.Version + 1
	e.status.Importance = widget.SuccessImportance
	e.status.SetText(e.loc.Tf("profile.editor.saved", "Version", p.Version))
	e.changed(false)
}

// onDiscard goes back to the profile in use.
func (e *Editor) onDiscard() {
	if err := e.env.Store.SetSetting(draftKey, ""); err != nil {
		fyne.LogError("clear profile draft", err)
	}
	e.draft = clone(e.saved)
	e.kommun.SetText(e.draft.Kommun)
	e.policy.SetText(e.draft.PolicyName)
	e.hours.SetText(strconv.Itoa(e.draft.HoursPerFTE))
	e.deadline.SetText(e.draft.Deadline)
	e.fillGoals()
	e.fillScale()
	e.fillReqs()
	e.fillRules()
	e.changed(false)
}

// ---- goals ----

func (e *Editor) fillGoals() {
	loc := e.loc
	e.goals.Objects = nil
	for i := range e.draft.Goals {
		i := i
		num := widget.NewEntry()
		num.SetText(strconv.Itoa(e.draft.Goals[i].Number))
		num.OnChanged = func(s string) {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				n = 0
			}
			e.draft.Goals[i].Number = n
			e.goalsChanged()
		}
		text := e.multi(e.draft.Goals[i].Text, func(s string) { e.draft.Goals[i].Text = s })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			e.draft.Goals = slices.Delete(e.draft.Goals, i, i+1)
			e.fillGoals()
			e.goalsChanged()
		})
		left := container.NewGridWrap(fyne.NewSize(70, num.MinSize().Height), num)
		e.goals.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewLabel(loc.T("profile.editor.goal")), left), del, text))
	}
	e.goals.Refresh()
}

func (e *Editor) onAddGoal() {
	n := 1
	for _, g := range e.draft.Goals {
		n = max(n, g.Number+1)
	}
	e.draft.Goals = append(e.draft.Goals, domain.Goal{Number: n})
	e.fillGoals()
	e.goalsChanged()
}

// goalsChanged offers the new goal numbers in the requirements' and rules' choices.
func (e *Editor) goalsChanged() {
	e.fillReqs()
	e.fillRules()
	e.changed(true)
}

// ---- scale ----

func (e *Editor) fillScale() {
	e.scale.Objects = nil
	form := container.New(layout.NewFormLayout())
	for i := range e.draft.Scale {
		i := i
		form.Add(bold(e.loc.Tf("profile.editor.level", "Level", e.draft.Scale[i].Level)))
		form.Add(e.entry(e.draft.Scale[i].Name, func(s string) { e.draft.Scale[i].Name = s }))
	}
	e.scale.Add(container.NewPadded(form))
	e.scale.Refresh()
}

// ---- the checklist ----

func (e *Editor) goalOptions() []string {
	opts := []string{e.loc.T("profile.editor.no_goal")}
	for _, g := range e.draft.Goals {
		opts = append(opts, e.goalLabel(g))
	}
	return opts
}

func (e *Editor) goalLabel(g domain.Goal) string {
	// Cut to what a choice shows on one line at a laptop's width; the whole text is under it.
	t := g.Text
	if r := []rune(t); len(r) > 100 {
		t = string(r[:99]) + "…"
	}
	return strconv.Itoa(g.Number) + ". " + t
}

// goalSelect chooses a goal of the draft for set (0: none). The choices are the goals cut
// to a line; a chosen goal that is cut is shown whole under the choice.
func (e *Editor) goalSelect(current int, set func(int)) fyne.CanvasObject {
	s := widget.NewSelect(e.goalOptions(), nil)
	full := caption("")
	show := func() {
		n := s.SelectedIndex()
		if n <= 0 || n > len(e.draft.Goals) {
			full.SetText("")
			full.Hide()
			return
		}
		g := e.draft.Goals[n-1]
		if strconv.Itoa(g.Number)+". "+g.Text == e.goalLabel(g) {
			full.Hide() // the choice shows it whole
			return
		}
		full.SetText(g.Text)
		full.Show()
	}
	s.SetSelectedIndex(0)
	for i, g := range e.draft.Goals {
		if g.Number == current {
			s.SetSelectedIndex(i + 1)
		}
	}
	show()
	s.OnChanged = func(string) {
		n := s.SelectedIndex()
		if n <= 0 || n > len(e.draft.Goals) {
			set(0)
		} else {
			set(e.draft.Goals[n-1].Number)
		}
		show()
		e.changed(true)
	}
	return container.NewVBox(s, full)
}

func (e *Editor) fillReqs() {
	loc := e.loc
	e.reqs.Objects = nil
	for i := range e.draft.Checklist {
		i := i
		r := &e.draft.Checklist[i]
		id := e.entry(r.ID, func(s string) { e.draft.Checklist[i].ID = strings.TrimSpace(s) })
		section := e.entry(r.Section, func(s string) { e.draft.Checklist[i].Section = s })
		title := e.entry(r.Title, func(s string) { e.draft.Checklist[i].Title = s })
		text := e.multi(r.Text, func(s string) { e.draft.Checklist[i].Text = s })
		goal := e.goalSelect(r.Goal, func(n int) { e.draft.Checklist[i].Goal = n })
		del := widget.NewButtonWithIcon(loc.T("profile.editor.remove"), theme.DeleteIcon(), func() {
			e.draft.Checklist = slices.Delete(e.draft.Checklist, i, i+1)
			e.fillReqs()
			e.changed(true)
		})
		form := container.New(layout.NewFormLayout(),
			bold(loc.T("profile.editor.req.title")), title,
			bold(loc.T("profile.editor.req.text")), text,
			bold(loc.T("profile.editor.req.section")), section,
			bold(loc.T("profile.editor.req.goal")), goal,
			bold(loc.T("profile.editor.req.id")), container.NewBorder(nil, nil, nil, del, id),
		)
		e.reqs.Add(container.NewPadded(form))
		e.reqs.Add(widget.NewSeparator())
	}
	e.reqs.Refresh()
}

func (e *Editor) onAddReq() {
	n := len(e.draft.Checklist) + 1
	id := "krav_" + strconv.Itoa(n)
	for slices.ContainsFunc(e.draft.Checklist, func(r domain.Requirement) bool { return r.ID == id }) {
		n++
		id = "krav_" + strconv.Itoa(n)
	}
	section := ""
	if len(e.draft.Checklist) > 0 {
		section = e.draft.Checklist[len(e.draft.Checklist)-1].Section
	}
	e.draft.Checklist = append(e.draft.Checklist, domain.Requirement{ID: id, Section: section})
	e.fillReqs()
	e.changed(true)
}

// ---- the register rules' goals ----

func (e *Editor) fillRules() {
	e.rules.Objects = nil
	form := container.New(layout.NewFormLayout())
	for _, r := range domain.RegisterRules {
		r := r
		form.Add(bold(e.loc.T("field.rule." + string(r))))
		form.Add(e.goalSelect(e.draft.RuleGoal(r), func(n int) {
			if e.draft.RuleGoals == nil {
				e.draft.RuleGoals = map[domain.RegisterRule]int{}
			}
			e.draft.RuleGoals[r] = n
		}))
	}
	e.rules.Add(container.NewPadded(form))
	e.rules.Refresh()
}
