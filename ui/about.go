package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/assets"
)

// aboutDialog is "Om Handlingsplan": the version, the licence and the third-party licences,
// where the data lives and how to back it up.
type aboutDialog struct {
	sh     *Shell
	d      dialog.Dialog
	text   dialog.Dialog // a licence text, while it is shown
	lines  []string      // the labels' texts (tests read them)
	backup *widget.Button
}

// showAbout opens the About dialog over the main window.
func (s *Shell) showAbout() *aboutDialog {
	a := &aboutDialog{sh: s}
	loc := s.loc
	a.d = dialog.NewCustom(loc.T("about.title"), loc.T("about.close"), a.build(), s.win)
	a.d.Resize(fyne.NewSize(640, 560))
	a.d.Show()
	return a
}

func (a *aboutDialog) build() fyne.CanvasObject {
	sh, loc := a.sh, a.sh.loc
	label := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		a.lines = append(a.lines, text)
		return l
	}
	heading := func(key string) *widget.Label {
		l := widget.NewLabelWithStyle(loc.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		a.lines = append(a.lines, l.Text)
		return l
	}
	name := widget.NewLabelWithStyle(loc.T("app.name"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	icon := widget.NewIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	head := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(64, 64), icon), nil,
		container.NewVBox(name, label(loc.Tf("about.version", "Version", sh.cfg.AppVersion)), label(loc.T("app.tagline"))))

	licence := container.NewBorder(nil, nil, nil,
		widget.NewButton(loc.T("about.show_licence"), func() { a.showText(loc.T("about.show_licence"), sh.cfg.Licence) }),
		label(loc.T("about.licence")))
	third := container.NewBorder(nil, nil, nil,
		widget.NewButton(loc.T("about.show_third_party"), func() { a.showText(loc.T("about.show_third_party"), sh.cfg.ThirdParty) }),
		label(loc.Tf("about.third_party", "Count", countComponents(sh.cfg.ThirdParty))))

	where := container.NewVBox(heading("about.data.title"), label(loc.Tf("about.data.db", "Path", sh.store.Path())))
	if sh.cfg.ConfigDir != "" {
		where.Add(label(loc.Tf("about.data.identity", "Path", filepath.Join(sh.cfg.ConfigDir, "identity.p12"))))
	}
	if sh.cfg.PresetSource != "" {
		where.Add(label(loc.Tf("about.data.preset", "Path", sh.cfg.PresetSource)))
	}
	a.backup = widget.NewButtonWithIcon(loc.T("backup.save"), theme.DocumentSaveIcon(), func() {
		a.d.Hide()
		newBackupSection(sh).onSave()
	})
	save := container.NewVBox(heading("about.backup.title"), label(loc.T("about.backup.text")), container.NewHBox(a.backup))
	return container.NewVScroll(container.NewVBox(head, widget.NewSeparator(), licence, third, widget.NewSeparator(), where, widget.NewSeparator(), save))
}

// showText shows a licence text: a virtualised list of its lines, so the long third-party
// text (thousands of lines) opens at once.
func (a *aboutDialog) showText(title, text string) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	// canvas.Text, not a Label: a licence reads best with the lines as close as on paper.
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
			t.TextStyle = fyne.TextStyle{Monospace: true}
			return t
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := o.(*canvas.Text)
			t.Text, t.Color = lines[i], theme.Color(theme.ColorNameForeground)
			t.Refresh()
		})
	list.HideSeparators = true
	a.text = dialog.NewCustom(title, a.sh.loc.T("about.close"), list, a.sh.win)
	a.text.Resize(dialogSize(a.sh.win))
	a.text.Show()
}

// countComponents counts the components the third-party licence file lists in its table (the
// lines between the header and the first licence text, packaging/licenses writes them).
func countComponents(text string) int {
	n := 0
	header := true
	for _, l := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(l, "====="):
			return n
		case header:
			header = strings.TrimSpace(l) != ""
		case strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "Handlingsplan "):
			n++
		}
	}
	return n
}
