// Package overview is the coordinator's municipal overview in the desktop app: for a chosen
// year, every board's submission, resources with a chart, goal coverage, a zoomable timeline,
// the training calendar, last year's follow-up with the coordinator's notes and the register
// summary, and the consolidated exports. Figures are links: a tap lists the rows behind them.
// The figures come from app/overview and the files from app/exports; this package only shows them.
package overview

import (
	"errors"
	"handlingsplan/ui/fynelang"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/exports"
	ov "handlingsplan/app/overview"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Env is what the coordinator area hands the overview.
type Env struct {
	Window    fyne.Window
	Store     *data.Store
	Loc       *i18n.Localizer
	ConfigDir string // where the coordinator's signing identity is kept (identity.DefaultPath)
	// AppVersion is printed in the exports; Now is "today" (time.Now when nil).
	AppVersion string
	Now        func() time.Time
}

// View is the overview.
type View struct {
	env  Env
	loc  *i18n.Localizer
	year int
	o    *ov.Overview

	yearSel   *widget.Select
	deadline  *widget.Entry
	daysLeft  *widget.Label
	tabs      *container.AppTabs
	subs      *submissionsTab
	res       *resourcesTab
	goals     *goalsTab
	gantt     *ganttTab
	cal       *calendarTab
	follow    *followUpTab
	reg       *registerTab
	reqs      *requirementsTab
	law       *lawTab
	lastDrill *drillShown
}

// New makes the view; Build makes its widgets.
func New(env Env) *View {
	if env.Now == nil {
		env.Now = time.Now
	}
	v := &View{env: env, loc: env.Loc}
	v.subs = &submissionsTab{v: v}
	v.res = &resourcesTab{v: v}
	v.goals = &goalsTab{v: v}
	v.gantt = &ganttTab{v: v}
	v.cal = &calendarTab{v: v}
	v.follow = &followUpTab{v: v}
	v.reg = &registerTab{v: v}
	v.reqs = &requirementsTab{v: v}
	v.law = &lawTab{v: v}
	return v
}

// Build makes the widgets and loads the newest year that has submissions.
func (v *View) Build() fyne.CanvasObject {
	loc := v.loc
	years := v.years()
	v.year = years[len(years)-1]
	if y := v.newestReceived(); y != 0 {
		v.year = y
	}
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
	}
	v.yearSel = widget.NewSelect(labels, func(s string) {
		if y, err := strconv.Atoi(s); err == nil && y != v.year {
			v.year = y
			v.reload()
		}
	})
	v.yearSel.SetSelected(strconv.Itoa(v.year))

	v.deadline = widget.NewEntry()
	v.deadline.SetPlaceHolder(loc.T("overview.deadline_placeholder"))
	v.deadline.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, ok := i18n.ParseDate(s); !ok {
			return errors.New(loc.T("overview.err.date"))
		}
		return nil
	}
	v.deadline.OnSubmitted = func(string) { v.saveDeadline() }
	saveDeadline := widget.NewButtonWithIcon(loc.T("overview.deadline_save"), theme.DocumentSaveIcon(), v.saveDeadline)
	v.daysLeft = widget.NewLabel("")

	exportBtn := widget.NewButtonWithIcon(loc.T("overview.export"), theme.DocumentSaveIcon(), nil)
	exportBtn.Importance = widget.HighImportance
	exportBtn.OnTapped = func() { v.showExportMenu(exportBtn) }

	bar := container.NewHBox(
		widget.NewLabelWithStyle(loc.T("overview.year"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.yearSel,
		widget.NewSeparator(),
		widget.NewLabel(loc.T("overview.deadline")), container.NewGridWrap(fyne.NewSize(dateFieldWidth(loc.T("overview.deadline_placeholder")), v.deadline.MinSize().Height), v.deadline),
		saveDeadline, v.daysLeft,
	)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(loc.T("overview.tab.submissions"), theme.MailComposeIcon(), v.subs.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.resources"), theme.ListIcon(), v.res.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.goals"), theme.GridIcon(), v.goals.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.timeline"), theme.HistoryIcon(), v.gantt.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.trainings"), theme.CalendarIcon(), v.cal.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.followup"), theme.ConfirmIcon(), v.follow.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.register"), theme.StorageIcon(), v.reg.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.requirements"), theme.ListIcon(), v.reqs.build()),
		container.NewTabItemWithIcon(loc.T("overview.tab.law"), theme.DocumentIcon(), v.law.build()),
	)
	v.reload()
	return container.NewBorder(container.NewBorder(nil, nil, nil, exportBtn, container.NewHScroll(bar)), nil, nil, nil, v.tabs)
}

// Year is the year the overview shows.
func (v *View) Year() int { return v.year }

// years are the years the year choice offers: every year with a submission, this year and next.
func (v *View) years() []int {
	now := v.env.Now().Year()
	years := []int{now, now + 1}
	if subs, err := v.env.Store.Submissions("", 0); err == nil {
		for _, s := range subs {
			years = append(years, s.Year)
		}
	}
	slices.Sort(years)
	return slices.Compact(years)
}

func (v *View) newestReceived() int {
	subs, err := v.env.Store.Submissions("", 0)
	if err != nil {
		return 0
	}
	y := 0
	for _, s := range subs {
		y = max(y, s.Year)
	}
	return y
}

// Reload reads the store again, e.g. after an import: the years to choose from and the
// overview of the chosen year.
func (v *View) Reload() {
	if v.yearSel == nil {
		return
	}
	var labels []string
	for _, y := range v.years() {
		labels = append(labels, strconv.Itoa(y))
	}
	v.yearSel.Options = labels
	v.yearSel.Refresh()
	v.reload()
}

// reload reads the overview of the chosen year and shows it.
func (v *View) reload() {
	o, err := ov.Load(v.env.Store, v.year, ov.Options{Loc: v.loc, Now: v.env.Now()})
	if err != nil {
		v.showError(err)
		return
	}
	v.o = o
	if o.Deadline.IsZero() {
		v.deadline.SetText("")
	} else {
		v.deadline.SetText(o.Deadline.Format(time.DateOnly))
	}
	v.showDaysLeft()
	v.subs.show()
	v.res.show()
	v.goals.show()
	v.gantt.show()
	v.cal.show()
	v.follow.show()
	v.reg.show()
	v.reqs.show()
	v.law.show()
}

func (v *View) showDaysLeft() {
	days, ok := v.o.DaysLeft()
	missing := len(v.o.Missing())
	switch {
	case !ok:
		v.daysLeft.SetText("")
	case days >= 0:
		v.daysLeft.SetText(v.loc.Tf("overview.days_left", "Count", days))
	default:
		v.daysLeft.SetText(v.loc.Tf("overview.days_passed", "Count", -days))
	}
	v.daysLeft.Importance = widget.MediumImportance
	if ok && missing > 0 && days < 7 {
		v.daysLeft.Importance = widget.DangerImportance
	}
	v.daysLeft.Refresh()
}

func (v *View) saveDeadline() {
	s := strings.TrimSpace(v.deadline.Text)
	var t time.Time
	if s != "" {
		var ok bool
		if t, ok = i18n.ParseDate(s); !ok {
			fynelang.ShowError(errors.New(v.loc.T("overview.err.date")), v.env.Window)
			return
		}
	}
	if err := ov.SetDeadline(v.env.Store, v.year, t); err != nil {
		v.showError(err)
		return
	}
	v.reload()
}

// showError shows one plain sentence; the technical chain goes to the log only.
func (v *View) showError(err error) {
	fyne.LogError("overview", err)
	msg := v.loc.T("overview.err.load")
	if data.IsDiskFull(err) {
		msg = v.loc.T("err.disk_full")
	}
	fynelang.ShowError(errors.New(msg), v.env.Window)
}

func (v *View) showExportError(err error) {
	fyne.LogError("overview export", err)
	fynelang.ShowError(errors.New(exports.ErrorText(v.loc, err)), v.env.Window)
}

// ---- cells ----

// num is a right-aligned number cell; shown replaces the plain number as text.
func num(loc *i18n.Localizer, n int64, shown string) tcell {
	if shown == "" {
		shown = loc.Number(n)
	}
	return tcell{text: shown, num: float64(n)}
}

// link is a number cell whose tap lists the rows behind it; a zero has no rows to show.
func link(c tcell, title string, rows func() ov.Rows) tcell {
	if c.num != 0 {
		c.drill = func() (string, ov.Rows) { return title, rows() }
	}
	return c
}

func goalList(gs []int) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = strconv.Itoa(g)
	}
	return strings.Join(parts, ", ")
}

func keyOr(loc *i18n.Localizer, key, fallback string) string {
	if loc.Has(key) {
		return loc.T(key)
	}
	return fallback
}

func levelText(loc *i18n.Localizer, l int) string {
	if l < 0 {
		return loc.T("overview.level.none_short")
	}
	return strconv.Itoa(l)
}

func statusCell(loc *i18n.Localizer, r ov.SubmissionRow) tcell {
	if !r.Received {
		return tcell{text: loc.T("overview.sub.not_received"), warn: true, bold: true}
	}
	return text(loc.Tf("overview.sub.received", "Version", r.Current.Version))
}

// wrapped is a label that wraps at word boundaries.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Flush saves a deadline that was typed but not yet saved; the shell calls it before it shows
// another view or the window closes. Notes are saved by their dialog.
func (v *View) Flush() error {
	if v.o == nil || v.deadline == nil {
		return nil
	}
	s := strings.TrimSpace(v.deadline.Text)
	t, ok := i18n.ParseDate(s)
	switch {
	case s == "" && v.o.Deadline.IsZero(), ok && t.Equal(v.o.Deadline):
		return nil
	case s != "" && !ok:
		return nil // not a date: nothing that could be saved
	}
	return ov.SetDeadline(v.env.Store, v.year, t)
}

// dateFieldWidth fits the placeholder (or a date, whichever is wider) and the field's
// validation mark, so neither is clipped; a fixed width broke with other fonts and languages.
func dateFieldWidth(placeholder string) float32 {
	style := fyne.TextStyle{}
	w := max(fyne.MeasureText(placeholder, theme.TextSize(), style).Width, fyne.MeasureText("2099-12-31", theme.TextSize(), style).Width)
	return w + 4*theme.InnerPadding() + theme.IconInlineSize() + 2*theme.Padding()
}
