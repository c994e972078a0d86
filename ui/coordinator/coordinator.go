// Package coordinator is the coordinator's area of the desktop app: importing the boards'
// signed submissions (file dialog, folder, drag and drop), the verdict of each file, approving
// unknown signers, the history of every board's versions, the trust list and the kommun
// signing CA. The work itself is done by app/importer; this package only shows it.
package coordinator

import (
	"handlingsplan/ui/fynelang"
	"sync/atomic"

	"handlingsplan/ui/bridge"

	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/importer"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Env is what the shell hands the coordinator area.
type Env struct {
	Window    fyne.Window
	Store     *data.Store
	Loc       *i18n.Localizer
	ConfigDir string // where the signing CA file is kept (identity.DefaultCAPath)
	// Back, when set, is offered as a button that leaves the area.
	Back func()
}

// View is the coordinator area: tabs for import, history, trust list and signing CA.
type View struct {
	env Env
	loc *i18n.Localizer
	im  *importer.Importer

	// bg runs background work (import, approval, trust changes, CA) and lets tests wait for it.
	bg bridge.Work
	// flushed is set when the shell leaves the area: late results of background work are then
	// dropped instead of being shown (the store may be closing). Atomic: Fyne's test driver runs
	// fyne.Do on the worker goroutine, not the UI one.
	flushed atomic.Bool

	imp      *importView
	hist     *historyView
	conflict *conflictView // the comparison shown last (tests look at it)
	trust    *trustView
	ca       *caView
	tabs     *container.AppTabs
}

// New makes the area; Build makes its widgets.
func New(env Env) *View {
	v := &View{env: env, loc: env.Loc, im: importer.New(env.Store)}
	v.imp = &importView{v: v}
	v.hist = &historyView{v: v}
	v.trust = &trustView{v: v}
	v.ca = &caView{v: v}
	return v
}

// Build makes the area's widgets and takes over drag and drop onto the window.
func (v *View) Build() fyne.CanvasObject {
	loc := v.loc
	v.flushed.Store(false)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(loc.T("coordinator.tab.import"), theme.DownloadIcon(), v.imp.build()),
		container.NewTabItemWithIcon(loc.T("coordinator.tab.history"), theme.HistoryIcon(), v.hist.build()),
		container.NewTabItemWithIcon(loc.T("coordinator.tab.trust"), theme.ConfirmIcon(), v.trust.build()),
		container.NewTabItemWithIcon(loc.T("coordinator.tab.ca"), theme.AccountIcon(), v.ca.build()),
	)
	v.tabs.OnSelected = func(*container.TabItem) { v.refresh() }
	v.env.Window.SetOnDropped(v.imp.onDropped)
	v.imp.reloadConflicts()
	title := widget.NewLabelWithStyle(loc.T("coordinator.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	var head fyne.CanvasObject = title
	if v.env.Back != nil {
		head = container.NewBorder(nil, nil, widget.NewButtonWithIcon(loc.T("coordinator.back"), theme.NavigateBackIcon(), v.env.Back), nil, title)
	}
	return container.NewBorder(head, nil, nil, nil, v.tabs)
}

// Flush stops a running import after the file it is on (that file is imported whole or not at
// all) and gives drag and drop back; the shell calls it before another view is shown or the
// window closes.
func (v *View) Flush() error {
	v.flushed.Store(true)
	v.env.Window.SetOnDropped(nil)
	v.imp.stop()
	return nil
}

// refresh reloads what the other tabs show after something changed.
func (v *View) refresh() {
	if v.flushed.Load() {
		return
	}
	v.imp.reloadConflicts()
	v.hist.reload()
	v.trust.reload()
	v.ca.reload()
}

// background runs work off the UI goroutine and then done on it, so the window stays responsive.
func (v *View) background(work func() error, done func(error)) {
	var err error
	v.bg.Go(func() { err = work() }, func() {
		if !v.flushed.Load() {
			done(err)
		}
	})
}

// wait blocks until background work has finished (tests).
func (v *View) wait() { v.bg.Wait() }

// showError shows one plain sentence for err; the technical chain goes to the log only.
func (v *View) showError(err error) {
	fyne.LogError("coordinator", err)
	fynelang.ShowError(errors.New(importer.ErrorText(v.loc, err)), v.env.Window)
}

// wrapped is a label that wraps at word boundaries, for explanations.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// bold is a bold label.
func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
