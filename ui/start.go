package ui

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/settings"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
	"handlingsplan/ui/wizard"
)

// startView lists the boards and, for the chosen one, its plans per year with their status.
// On an empty database it offers the demo kommun and adding a first board.
type startView struct {
	sh     *Shell
	boards []domain.Board
	plans  map[int64][]domain.Plan
	// received are the coordinator's current received submissions per board name, newest year
	// first (loaded in the coordinator role only).
	received map[string][]data.Submission
	sel      int // index into boards, -1 when none

	boardList    *widget.List
	planBox      *fyne.Container
	langSel      *widget.Select
	demoBtn      *widget.Button
	coordDemoBtn *widget.Button
	registerBtn  *widget.Button
	checklistBtn *widget.Button
	addDialog    *dialog.FormDialog
	addBtn       *widget.Button
	kommun       *widget.Label
	newBtn       *widget.Button
	openBtns     map[int]*widget.Button // per plan year
	newPlan      *wizard.NewPlanDialog  // the open carry-over dialog
}

func newStartView(sh *Shell) *startView { return &startView{sh: sh, sel: -1} }

func (v *startView) load() error {
	boards, err := v.sh.store.Boards()
	if err != nil {
		return err
	}
	loc := v.sh.loc
	names := make(map[string]domain.Board, len(boards))
	sorted := make([]string, 0, len(boards))
	for _, b := range boards {
		names[b.Name] = b
		sorted = append(sorted, b.Name)
	}
	loc.Sort(sorted)
	v.boards = v.boards[:0]
	for _, n := range sorted {
		v.boards = append(v.boards, names[n])
	}
	all, err := v.sh.store.Plans(0)
	if err != nil {
		return err
	}
	v.plans = map[int64][]domain.Plan{}
	for _, p := range all {
		v.plans[p.BoardID] = append(v.plans[p.BoardID], p)
	}
	v.received = map[string][]data.Submission{}
	if v.sh.Role() == settings.RoleCoordinator {
		subs, err := v.sh.store.Submissions("", 0)
		if err != nil {
			return err
		}
		for _, sub := range subs {
			if sub.Current {
				v.received[sub.Board] = append(v.received[sub.Board], sub)
			}
		}
	}
	return nil
}

func (v *startView) build() fyne.CanvasObject {
	loc := v.sh.loc
	if err := v.load(); err != nil {
		v.sh.showError(err)
	}
	v.langSel = widget.NewSelect([]string{loc.T("lang.sv"), loc.T("lang.en")}, func(s string) {
		if s == loc.T("lang.en") {
			v.sh.onLanguage(i18n.English)
		} else {
			v.sh.onLanguage(i18n.Swedish)
		}
	})
	if loc.Lang() == i18n.English {
		v.langSel.SetSelected(loc.T("lang.en"))
	} else {
		v.langSel.SetSelected(loc.T("lang.sv"))
	}
	prof, _ := v.sh.store.Profile()
	title := widget.NewLabelWithStyle(loc.T("app.tagline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	v.kommun = widget.NewLabel(prof.Kommun)
	right := container.NewHBox()
	role := v.sh.Role()
	for _, a := range v.sh.areas {
		if a.Role != "" && a.Role != role {
			continue
		}
		right.Add(widget.NewButtonWithIcon(loc.T(a.TitleKey), a.Icon, func() { v.sh.Show(a.Build(v.sh)) }))
	}
	right.Add(container.NewVBox(layout.NewSpacer(), widget.NewLabel(loc.T("start.language")), layout.NewSpacer()))
	right.Add(v.langSel)
	header := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.DocumentIcon()), title, container.NewVBox(layout.NewSpacer(), v.kommun, layout.NewSpacer())), right)

	v.addBtn = widget.NewButtonWithIcon(loc.T("start.add_board"), theme.ContentAddIcon(), v.onAddBoard)
	if len(v.boards) == 0 {
		return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, v.buildEmpty())
	}

	v.boardList = widget.NewList(
		func() int { return len(v.boards) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewLabel(""), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			b := v.boards[i]
			c.Objects[0].(*widget.Label).SetText(b.Name)
			c.Objects[1].(*widget.Label).SetText(v.latestStatus(b))
		})
	v.boardList.OnSelected = v.onSelectBoard
	v.planBox = container.NewVBox()
	left := container.NewBorder(widget.NewLabelWithStyle(loc.T("start.boards"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.addBtn, nil, nil, v.boardList)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(v.planBox)))
	split.Offset = 0.38
	v.restoreSelection()
	return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, split)
}

// latestStatus summarises a board's newest plan for the list: "2027 · Utkast".
func (v *startView) latestStatus(b domain.Board) string {
	ps := v.plans[b.ID]
	if len(ps) == 0 {
		if rs := v.received[b.Name]; len(rs) > 0 {
			return strconv.Itoa(rs[0].Year) + " · " + v.sh.loc.Tf("start.received_short", "Version", rs[0].Version)
		}
		return v.sh.loc.T("start.no_plan")
	}
	return strconv.Itoa(ps[0].Year) + " · " + v.sh.loc.T("status."+string(ps[0].Status))
}

func (v *startView) restoreSelection() {
	last := v.sh.store.Setting(settings.LastBoard, "")
	for i, b := range v.boards {
		if b.Name == last {
			v.boardList.Select(i)
			return
		}
	}
	v.boardList.Select(0)
}

func (v *startView) buildEmpty() fyne.CanvasObject {
	loc := v.sh.loc
	msg := widget.NewLabel(loc.T("start.empty"))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	v.demoBtn = widget.NewButtonWithIcon(loc.Tf("start.load_demo", "Year", v.sh.demoYear), theme.DownloadIcon(),
		func() { v.onLoadDemo(v.sh.loadDemo, settings.RoleOfficial) })
	v.demoBtn.Importance = widget.HighImportance
	demoHelp := widget.NewLabel(loc.T("start.demo_help"))
	demoHelp.Wrapping = fyne.TextWrapWord
	demoHelp.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(msg, v.demoBtn, demoHelp)
	if v.sh.loadCoordDemo != nil {
		v.coordDemoBtn = widget.NewButtonWithIcon(loc.Tf("start.load_coord_demo", "Year", v.sh.demoYear), theme.DownloadIcon(),
			func() { v.onLoadDemo(v.sh.loadCoordDemo, settings.RoleCoordinator) })
		help := widget.NewLabel(loc.T("start.coord_demo_help"))
		help.Wrapping = fyne.TextWrapWord
		help.Alignment = fyne.TextAlignCenter
		box.Add(v.coordDemoBtn)
		box.Add(help)
	}
	box.Add(widget.NewSeparator())
	box.Add(v.addBtn)
	card := widget.NewCard(loc.T("start.welcome"), "", box)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(600, card.MinSize().Height), card))
}

func (v *startView) onSelectBoard(i widget.ListItemID) {
	v.sel = i
	b := v.boards[i]
	if err := v.sh.store.SetSetting(settings.LastBoard, b.Name); err != nil {
		fyne.LogError("remember board", err)
	}
	v.showBoard(b)
}

// showBoard fills the right side: "new plan for next year", then the board's plans, newest
// first, each with its status and a button that opens it in the wizard.
func (v *startView) showBoard(b domain.Board) {
	loc := v.sh.loc
	head := widget.NewLabelWithStyle(b.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.SizeName = theme.SizeNameSubHeadingText
	plans := v.plans[b.ID]
	next := domain.NextPlanYear(plans, v.sh.now())
	v.newBtn = widget.NewButtonWithIcon(loc.Tf("wizard.start.new_plan", "Year", next), theme.ContentAddIcon(), func() { v.onNewPlan(b) })
	v.newBtn.Importance = widget.HighImportance
	v.registerBtn = widget.NewButtonWithIcon(loc.T("start.register"), theme.StorageIcon(), func() { v.sh.openRegister(b.ID, 0) })
	v.checklistBtn = widget.NewButtonWithIcon(loc.T("start.checklist"), theme.ListIcon(), func() {
		if len(plans) > 0 && v.sh.OnChecklist != nil {
			v.sh.OnChecklist(plans[0].ID, "") // the newest plan: the year being written
		}
	})
	if len(plans) == 0 || v.sh.OnChecklist == nil {
		v.checklistBtn.Disable()
	}
	objs := []fyne.CanvasObject{head, container.NewHBox(v.newBtn, v.registerBtn, v.checklistBtn), widget.NewSeparator()}
	if len(plans) == 0 {
		objs = append(objs, widget.NewLabel(loc.T("start.no_plan")))
	}
	v.openBtns = map[int]*widget.Button{}
	for _, p := range plans {
		year := widget.NewLabelWithStyle(strconv.Itoa(p.Year), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := loc.T("status." + string(p.Status))
		if p.Version > 0 {
			text += " · " + loc.Tf("start.version", "Version", p.Version)
		}
		text += " · " + loc.Tf("start.updated", "Date", loc.Date(p.UpdatedAt.Local()))
		if p.Responsible != "" {
			text += "\n" + p.Responsible
		}
		// Wrapped: the responsible's title is long, and the row has room to grow.
		label := widgets.Wrapped(text)
		open := widget.NewButtonWithIcon(loc.T("wizard.start.open"), theme.FolderOpenIcon(), func() { v.sh.OpenPlan(p.ID) })
		if p.Status == domain.PlanDraft {
			open.SetText(loc.T("wizard.start.continue"))
			open.SetIcon(theme.DocumentCreateIcon())
			// A draft under way is the likely next step, not yet another new plan.
			open.Importance = widget.HighImportance
			v.newBtn.Importance = widget.MediumImportance
			v.newBtn.Refresh()
		}
		v.openBtns[p.Year] = open
		actions := container.NewHBox()
		if v.sh.OnPresent != nil {
			actions.Add(widget.NewButtonWithIcon(loc.T("start.present"), theme.MediaPlayIcon(), func() { v.sh.OnPresent(p.ID) }))
		}
		if v.sh.OnExport != nil && p.Status != domain.PlanClosed {
			actions.Add(widget.NewButtonWithIcon(loc.T("start.export"), theme.DocumentSaveIcon(), func() { v.sh.OnExport(p.ID) }))
		}
		actions.Add(open)
		objs = append(objs, container.NewBorder(nil, nil, year, actions, label))
	}
	objs = append(objs, v.receivedRows(b)...)
	v.planBox.Objects = objs
	v.planBox.Refresh()
}

// receivedRows lists, in the coordinator role, the board's received plans (the current
// version per year) with who signed and when; they can be shown as slides.
func (v *startView) receivedRows(b domain.Board) []fyne.CanvasObject {
	rs := v.received[b.Name]
	if len(rs) == 0 {
		return nil
	}
	loc := v.sh.loc
	head := widget.NewLabelWithStyle(loc.T("start.received"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	objs := []fyne.CanvasObject{widget.NewSeparator(), head}
	for _, r := range rs {
		year := widget.NewLabelWithStyle(strconv.Itoa(r.Year), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := loc.Tf("start.received_line", "Version", r.Version, "Signer", r.SignerName, "Date", loc.Date(r.SignedAt.Local()))
		if !r.Trusted {
			text += " · " + loc.T("start.untrusted")
		}
		label := widgets.Wrapped(text)
		var actions fyne.CanvasObject = container.NewHBox()
		if v.sh.OnPresent != nil && r.PlanID != 0 {
			planID := r.PlanID
			actions = widget.NewButtonWithIcon(loc.T("start.present"), theme.MediaPlayIcon(), func() { v.sh.OnPresent(planID) })
		}
		objs = append(objs, container.NewBorder(nil, nil, year, actions, label))
	}
	return objs
}

// onNewPlan starts next year's plan: the carry-over dialog, then the wizard.
func (v *startView) onNewPlan(b domain.Board) {
	dlg, err := wizard.ShowNewPlan(v.sh.win, v.sh.store, v.sh.loc, b, v.sh.now(), v.sh.OpenPlan)
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.newPlan = dlg
}

// onLoadDemo writes a demo database in the background (the coordinator's takes a second or
// two: every plan is signed and imported), then shows it in the matching role.
func (v *startView) onLoadDemo(load func(*data.Store, int) error, role string) {
	if load == nil {
		return
	}
	sh := v.sh
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(sh.loc.T("start.demo_wait"), bar, sh.win)
	wait.Show()
	v.demoBtn.Disable()
	if v.coordDemoBtn != nil {
		v.coordDemoBtn.Disable()
	}
	store, year := sh.store, sh.demoYear
	var err error
	sh.bg.Go(func() {
		err = load(store, year)
		if err == nil {
			err = store.SetSetting(settings.Role, role)
		}
	}, func() {
		wait.Hide()
		bar.Stop()
		if err != nil {
			sh.showError(err)
		}
		sh.ShowStart()
	})
}

func (v *startView) onAddBoard() {
	loc := v.sh.loc
	name := widget.NewEntry()
	name.SetPlaceHolder(loc.T("start.board_placeholder"))
	name.Validator = func(s string) error {
		if len([]rune(s)) == 0 {
			return errors.New(loc.Tf("err.required", "Field", loc.T("field.name")))
		}
		return nil
	}
	items := []*widget.FormItem{widget.NewFormItem(loc.T("start.board_name"), name)}
	d := dialog.NewForm(loc.T("start.add_board"), loc.T("start.add"), loc.T("start.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if _, err := v.sh.store.AddBoard(name.Text); err != nil {
			var p *domain.Problem
			if errors.As(err, &p) && p.Key == "err.duplicate_board" {
				p.Args = []any{"Name", name.Text}
			}
			v.sh.showError(err)
			return
		}
		v.sh.store.SetSetting(settings.LastBoard, name.Text)
		v.sh.ShowStart()
	}, v.sh.win)
	d.Resize(fyne.NewSize(480, 200))
	// Typing starts in the name field, and Return adds the board.
	name.OnSubmitted = func(string) { d.Submit() }
	d.Show()
	v.sh.win.Canvas().Focus(name)
	v.addDialog = d
}
