// Package register is the board's register editor (förteckning över informationssystem och
// informationskanaler): every system or channel with its information owner, its classification
// (K/R/T/S on the profile's scale), basnivå, system security plan, risk analysis, continuity and
// recovery plans, and whether it holds sekretesskyddade details. Every edit is saved at once
// through the store (which audits it) and can be undone within the session.
package register

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
	"handlingsplan/ui/widgets"
)

// Env is what the shell hands the register.
type Env struct {
	Window fyne.Window
	Store  *data.Store
	Loc    *i18n.Localizer
	// Back leaves the view; what is being typed is saved first.
	Back func()
	// SaveDelay is how long typing must pause before it is saved: 0 means DefaultSaveDelay; a
	// negative value saves only on focus loss, Enter, row change, Ctrl+S and Flush (tests).
	SaveDelay time.Duration
	// Now is the clock the register's age rules count from; nil means time.Now.
	Now func() time.Time
	// OpenPlan, when set, opens a plan of the board in the wizard (after "Lägg till åtgärd").
	OpenPlan func(planID int64)
	// OpenFile is the file dialog of "Importera…" (nil: Fyne's; tests answer it themselves).
	OpenFile func(done func(name string, b []byte))
}

// DefaultSaveDelay is how long typing pauses before it is saved, as in the wizard.
const DefaultSaveDelay = 700 * time.Millisecond

// View is the register of one board.
type View struct {
	env   Env
	loc   *i18n.Localizer
	store *data.Store
	delay time.Duration
	board domain.Board
	scale []domain.ClassLevel
	// loadErr is why the register could not be read; Build then shows a sentence, not a form.
	loadErr error

	rows     []domain.System // in Swedish (or English) name order
	problems domain.Problems
	// acts are the activities of the board's current and next plans: a warning one of them
	// addresses says so (see warnings.go).
	acts    []data.PlannedActivity
	prof    domain.Profile
	selID   int64 // the system shown in the form, 0 when none
	focusID int64 // Focus called before Build
	undo    widgets.Undo[edit, where]

	title   *widget.Label
	status  *widget.Label
	info    *widget.Label
	undoBtn *widget.Button
	redoBtn *widget.Button
	addBtn  *widget.Button
	dupBtn  *widget.Button
	delBtn  *widget.Button
	table   *widgets.Table
	form    *detail
	// detailBox shows the form, or a sentence when nothing is selected.
	detailBox *fyne.Container
	empty     fyne.CanvasObject
	emptyMsg  *widget.Label
	ic        icons
	// confirm is the open "delete?" question, kept so tests can answer it.
	confirm *dialog.ConfirmDialog
	// importBtn opens a spreadsheet; importDlg is its open mapping step (tests answer it).
	importBtn *widget.Button
	importDlg *importDialog
}

// New reads the board's register; Build makes the widgets.
func New(env Env, boardID int64) *View {
	v := &View{env: env, loc: env.Loc, store: env.Store, delay: env.SaveDelay, board: domain.Board{ID: boardID}, ic: newIcons()}
	if v.delay == 0 {
		v.delay = DefaultSaveDelay
	}
	v.initUndo()
	v.loadErr = v.load(boardID)
	return v
}

func (v *View) load(boardID int64) error {
	boards, err := v.store.Boards()
	if err != nil {
		return fmt.Errorf("open register of board %d: %w", boardID, err)
	}
	i := slices.IndexFunc(boards, func(b domain.Board) bool { return b.ID == boardID })
	if i < 0 {
		return fmt.Errorf("open register of board %d: %w", boardID, data.ErrNotFound)
	}
	v.board = boards[i]
	if prof, err := v.store.Profile(); err == nil {
		v.scale, v.prof = prof.Scale, prof
	} else {
		// The levels are still shown as numbers; the register stays usable.
		fyne.LogError("register: read profile", err)
	}
	v.loadActivities()
	return v.readRows()
}

// readRows reads the register from the store into memory, in name order.
func (v *View) readRows() error {
	rows, err := v.store.Systems(v.board.ID, 0)
	if err != nil {
		return fmt.Errorf("open register of %q: %w", v.board.Name, err)
	}
	slices.SortStableFunc(rows, func(a, b domain.System) int { return v.loc.Compare(a.Name, b.Name) })
	v.rows = rows
	v.validate()
	return nil
}

// Selected is the id of the system shown in the form (0 when none).
func (v *View) Selected() int64 { return v.selID }

// Build makes the view: header, policy note, toolbar, the table and the selected system's form.
func (v *View) Build() fyne.CanvasObject {
	loc := v.loc
	back := widget.NewButtonWithIcon(loc.T("register.back"), theme.NavigateBackIcon(), v.onBack)
	v.title = widget.NewLabelWithStyle(loc.Tf("register.title", "Board", v.board.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Truncation = fyne.TextTruncateEllipsis
	v.undoBtn = widget.NewButtonWithIcon(loc.T("register.undo"), theme.ContentUndoIcon(), v.Undo)
	v.redoBtn = widget.NewButtonWithIcon(loc.T("register.redo"), theme.ContentRedoIcon(), v.Redo)
	v.undo.Buttons(v.undoBtn, v.redoBtn)
	v.status = widget.NewLabel(loc.T("register.autosave"))
	v.status.SizeName = theme.SizeNameCaptionText
	header := container.NewBorder(nil, nil, back, container.NewHBox(v.status, v.undoBtn, v.redoBtn), v.title)
	if v.loadErr != nil {
		fyne.LogError("register", v.loadErr)
		msg := widgets.Wrapped(loc.T("register.load_failed"))
		msg.Importance = widget.DangerImportance
		v.updateHistoryButtons()
		return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, container.NewPadded(msg))
	}

	note := widgets.Wrapped(loc.T("register.policy"))
	v.addBtn = widget.NewButtonWithIcon(loc.T("register.add"), theme.ContentAddIcon(), v.NewRow)
	v.addBtn.Importance = widget.HighImportance
	v.dupBtn = widget.NewButtonWithIcon(loc.T("register.duplicate"), theme.ContentCopyIcon(), v.onDuplicate)
	v.delBtn = widget.NewButtonWithIcon(loc.T("register.delete"), theme.DeleteIcon(), v.onDelete)
	v.info = widget.NewLabel("")
	v.importBtn = widget.NewButtonWithIcon(loc.T("register.import.button"), theme.DownloadIcon(), v.onImport)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(v.addBtn, v.dupBtn, v.delBtn), v.importBtn,
		container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), 0), v.info))

	v.table = widgets.NewTable(widgets.TableConfig{Columns: v.columns(), Count: func() int { return len(v.rows) },
		Mark: v.mark, OnSelect: v.onSelect})
	v.form = newDetail(v)
	v.emptyMsg = widgets.Wrapped("")
	v.empty = container.NewPadded(v.emptyMsg)
	v.detailBox = container.NewStack(v.empty)
	// The table over the form: the register has many columns, and the form fits in three
	// columns at full width.
	split := container.NewVSplit(v.table.Object(), v.detailBox)
	split.Offset = 0.42

	sel := v.focusID
	if v.index(sel) < 0 && len(v.rows) > 0 {
		sel = v.rows[v.table.Order()[0]].ID
	}
	v.focusID = 0
	v.show(sel)
	v.validated()
	top := container.NewVBox(header, widget.NewSeparator(), note, toolbar)
	return container.NewBorder(top, nil, nil, nil, split)
}

// columns are the table's columns: name, owner, the four levels, the highest level with its
// name on the scale, security plan, risk analysis and the sensitive mark.
func (v *View) columns() []widgets.Column {
	loc := v.loc
	rows := func() []domain.System { return v.rows }
	before := func(a, b string) bool { return loc.Compare(a, b) < 0 }
	level := func(get func(domain.System) int) widgets.Column {
		return widgets.Column{Min: 2.2, Align: fyne.TextAlignCenter,
			Text: func(i int) string { return v.levelShort(get(rows()[i])) },
			Less: func(a, b int) bool { return get(rows()[a]) < get(rows()[b]) }}
	}
	cols := []widgets.Column{
		{Title: loc.T("register.col.name"), Weight: 3, Min: 8, Text: func(i int) string { return rows()[i].Name },
			Less: func(a, b int) bool { return before(rows()[a].Name, rows()[b].Name) }},
		{Title: loc.T("register.col.owner"), Weight: 2, Min: 8, Text: func(i int) string { return rows()[i].Owner },
			Less: func(a, b int) bool { return before(rows()[a].Owner, rows()[b].Owner) }},
		level(func(x domain.System) int { return x.Confidentiality }),
		level(func(x domain.System) int { return x.Integrity }),
		level(func(x domain.System) int { return x.Availability }),
		level(func(x domain.System) int { return x.Traceability }),
		{Title: loc.T("register.col.max"), Weight: 1, Min: 8, Text: func(i int) string { return v.levelName(rows()[i].MaxLevel()) },
			Less: func(a, b int) bool { return rows()[a].MaxLevel() < rows()[b].MaxLevel() }},
		{Title: loc.T("register.col.plan"), Min: 9, Text: func(i int) string { return loc.T("secplan." + string(rows()[i].SecurityPlan)) },
			Less: func(a, b int) bool { return planRank(rows()[a].SecurityPlan) < planRank(rows()[b].SecurityPlan) }},
		{Title: loc.T("register.col.risk"), Min: 7.8, Text: func(i int) string { return loc.Date(rows()[i].RiskAnalysisAt) },
			Less: func(a, b int) bool { return rows()[a].RiskAnalysisAt.Before(rows()[b].RiskAnalysisAt) }},
		{Title: loc.T("register.col.sensitive"), Min: 6, Align: fyne.TextAlignCenter,
			Text: func(i int) string { return checkMark(rows()[i].Sensitive) },
			Less: func(a, b int) bool { return !rows()[a].Sensitive && rows()[b].Sensitive }},
	}
	for n, key := range []string{"register.col.c", "register.col.i", "register.col.a", "register.col.t"} {
		cols[2+n].Title = loc.T(key)
	}
	return cols
}

// checkMark is the table's mark for a ticked box: a symbol, the same in every language.
func checkMark(on bool) string {
	if on {
		return "✓"
	}
	return ""
}

func planRank(p domain.SecurityPlanLevel) int {
	switch p {
	case domain.SecurityPlanBase:
		return 1
	case domain.SecurityPlanDeepened:
		return 2
	}
	return 0
}

// levelShort is a level in a narrow column: its number, or a dash when not yet classified.
func (v *View) levelShort(n int) string {
	if n < 0 {
		return "–"
	}
	return fmt.Sprint(n)
}

// levelName is a level with its name on the profile's scale ("3 Allvarlig"), or the
// "not classified" text for -1. The scale is data (the coordinator's profile), so the name is
// shown as the profile has it.
func (v *View) levelName(n int) string {
	if n < 0 {
		return v.loc.T("register.unclassified")
	}
	for _, l := range v.scale {
		if l.Level == n && l.Name != "" {
			return fmt.Sprintf("%d %s", n, l.Name)
		}
	}
	return fmt.Sprint(n)
}

// mark is the icon of a table row: error, warning, or nothing.
func (v *View) mark(i int) fyne.Resource {
	if i < 0 || i >= len(v.rows) {
		return nil
	}
	return v.ic.row(v.rowState(v.rows[i].ID))
}

// rowState is the worst problem of system id.
func (v *View) rowState(id int64) state {
	out := stateOK
	if v.form != nil && v.form.id == id && v.form.hasLocal() {
		return stateBlocking
	}
	for _, p := range v.problems {
		if p.EntityID != id {
			continue
		}
		if p.Severity == domain.Blocking {
			return stateBlocking
		}
		out = stateWarning
	}
	return out
}

// validate recomputes the problems of every row: the register's rules (domain.SystemWarnings)
// with the activities of the board's plans that address them.
func (v *View) validate() {
	v.problems = domain.ValidateRegister(v.rows, v.activities(), v.now())
}

// validated is called after every change: problems, row marks, the form's sentences, counts.
func (v *View) validated() {
	v.validate()
	if v.table == nil {
		return
	}
	if i := v.index(v.selID); i >= 0 {
		v.table.RefreshData(i)
		v.form.showProblems()
	} else {
		v.table.Refresh()
	}
	bad, warn := 0, 0
	for _, x := range v.rows {
		switch v.rowState(x.ID) {
		case stateBlocking:
			bad++
		case stateWarning:
			warn++
		}
	}
	text := v.loc.Tf("register.count", "Count", len(v.rows))
	if bad > 0 {
		text += " · " + v.loc.Tf("register.rows_with_errors", "Count", bad)
	}
	if warn > 0 {
		text += " · " + v.loc.Tf("register.rows_with_warnings", "Count", warn)
	}
	widgets.SetLabel(v.info, text)
	v.updateHistoryButtons()
}

// index is the position of system id in rows, -1 when absent.
func (v *View) index(id int64) int {
	if id == 0 {
		return -1
	}
	return slices.IndexFunc(v.rows, func(x domain.System) bool { return x.ID == id })
}

func (v *View) onSelect(i int) {
	if i < 0 || i >= len(v.rows) || v.rows[i].ID == v.selID {
		return
	}
	v.flush()
	v.show(v.rows[i].ID)
}

// show selects system id in the table and puts it in the form (0 or unknown: nothing).
func (v *View) show(id int64) {
	i := v.index(id)
	v.table.SelectData(i)
	if i < 0 {
		v.selID = 0
		v.form.clear()
		msg := "register.none_selected"
		if len(v.rows) == 0 {
			msg = "register.empty"
		}
		widgets.SetLabel(v.emptyMsg, v.loc.T(msg))
		v.detailBox.Objects = []fyne.CanvasObject{v.empty}
		v.detailBox.Refresh()
		v.dupBtn.Disable()
		v.delBtn.Disable()
		return
	}
	v.selID = id
	v.form.show(v.rows[i])
	if v.detailBox.Objects[0] != v.form.obj {
		v.detailBox.Objects = []fyne.CanvasObject{v.form.obj}
		v.detailBox.Refresh()
	}
	v.dupBtn.Enable()
	v.delBtn.Enable()
}

// reload reads the register again from the store (after a row was added or deleted, an undo,
// or a refused write) and shows system sel.
func (v *View) reload(sel int64) {
	v.undo.Discard() // what the store refused or replaced is not written later
	if err := v.readRows(); err != nil {
		fyne.LogError("register: reload", err)
	}
	if v.table == nil {
		return
	}
	v.table.Reorder()
	if v.index(sel) < 0 && len(v.rows) > 0 {
		sel = v.rows[v.table.Order()[0]].ID
	}
	v.form.id = 0 // the form shows the stored row afresh, local errors gone
	v.show(sel)
	v.validated()
}

// Focus selects system id and puts the cursor in its first field with a problem (the name
// when it has none). Called before Build, Build selects the system; the cursor can only be
// placed once the view is in the window, so the shell calls Focus after showing the view.
func (v *View) Focus(id int64) {
	if v.table == nil {
		v.focusID = id
		return
	}
	v.flush()
	if v.index(id) < 0 {
		return
	}
	v.show(id)
	field := "name"
	for _, f := range v.form.f.order {
		if v.form.problemText(f) != "" {
			field = f
			break
		}
	}
	v.focusField(id, field)
}

// focusField shows system id and puts the cursor in field.
func (v *View) focusField(id int64, field string) {
	if v.table == nil || v.index(id) < 0 {
		return
	}
	if v.selID != id {
		v.show(id)
	}
	if v.env.Window == nil {
		return
	}
	if o, ok := v.form.focusables[field]; ok {
		v.env.Window.Canvas().Focus(o)
		if c, ok := o.(fyne.CanvasObject); ok {
			v.form.reveal(c)
		}
	}
}

// NewRow adds a system with a name not yet taken and puts the cursor in its name (Ctrl+N).
func (v *View) NewRow() {
	if v.table == nil {
		return
	}
	v.addSystem(domain.System{Name: v.freeName(v.loc.T("register.new_name"), "register.new_name_n", ""),
		Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1, SecurityPlan: domain.SecurityPlanNone})
}

func (v *View) onDuplicate() {
	i := v.index(v.selID)
	if i < 0 {
		return
	}
	x := v.rows[i]
	x.ID = 0
	x.Name = v.freeName(v.loc.Tf("register.copy_name", "Name", x.Name), "register.copy_name_n", x.Name)
	v.addSystem(x)
}

func (v *View) onDelete() {
	if v.selID != 0 {
		v.deleteSystem(v.selID)
	}
}

// freeName is first when no system has that name, else the numbered form nth (2, 3, …):
// names are unique in a board's register.
func (v *View) freeName(first, nth, base string) string {
	taken := func(s string) bool {
		return slices.ContainsFunc(v.rows, func(x domain.System) bool { return x.Name == s })
	}
	if !taken(first) {
		return first
	}
	for n := 2; ; n++ {
		if s := v.loc.Tf(nth, "N", n, "Name", base); !taken(s) {
			return s
		}
	}
}

// Save writes whatever is still being typed and confirms it (Ctrl+S).
func (v *View) Save() {
	if v.flush() != nil {
		return
	}
	v.setStatus(v.loc.Tf("register.saved_all", "Time", time.Now().Format("15:04:05")), widget.SuccessImportance)
}

// Flush writes whatever is still being typed; the shell calls it before it leaves the view or
// the window closes.
func (v *View) Flush() error { return v.flush() }

func (v *View) onBack() {
	if v.flush() != nil {
		return
	}
	if v.env.Back != nil {
		v.env.Back()
	}
}

// HandleShortcut runs the register's shortcuts (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+N, Ctrl+S)
// and reports whether it took s. The inputs of the form call it themselves; the shell calls it
// for shortcuts typed while no input has the focus.
func (v *View) HandleShortcut(s fyne.Shortcut) bool { return v.handleShortcut(s) }

func (v *View) handleShortcut(s fyne.Shortcut) bool {
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
			v.Save()
			return true
		case sc.Modifier == ctrl && sc.KeyName == fyne.KeyN:
			v.NewRow()
			return true
		case sc.Modifier == ctrl && sc.KeyName == fyne.KeyY,
			sc.Modifier == ctrl|fyne.KeyModifierShift && sc.KeyName == fyne.KeyZ:
			v.Redo()
			return true
		}
	}
	return false
}

func (v *View) setStatus(text string, imp widget.Importance) {
	if v.status == nil {
		return
	}
	v.status.Importance = imp
	v.status.SetText(text)
}

func (v *View) updateHistoryButtons() { v.undo.UpdateButtons() }

// keys are the register's handlers of the app's keys, for its inputs to pass on.
func (v *View) keys() widgets.Keys { return widgets.Keys{Shortcut: v.handleShortcut} }

// state is the mark of a table row.
type state int

const (
	stateOK state = iota
	stateWarning
	stateBlocking
)

// icons are the row marks, made once per view.
type icons struct{ warn, err fyne.Resource }

func newIcons() icons {
	return icons{
		warn: theme.NewWarningThemedResource(theme.WarningIcon()),
		err:  theme.NewErrorThemedResource(theme.ErrorIcon()),
	}
}

func (ic icons) row(s state) fyne.Resource {
	switch s {
	case stateWarning:
		return ic.warn
	case stateBlocking:
		return ic.err
	}
	return nil
}
