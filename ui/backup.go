package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/backup"
	"handlingsplan/app/settings"
	"handlingsplan/i18n"
	"handlingsplan/ui/fynelang"
	"handlingsplan/ui/widgets"
)

// backupSection is the Settings view's "Säkerhetskopia": a backup of the whole database to a
// file the user chooses, and a restore that checks the file and asks before it replaces anything.
type backupSection struct {
	sh                *Shell
	saveBtn, restBtn  *widget.Button
	confirm           *widgets.Confirm // the restore question, while it is shown
	saveDlg           *saveForm        // the backup question, while it is shown
	lastInfo, lastErr string           // the last dialog's text (tests read it)
}

func newBackupSection(sh *Shell) *backupSection { return &backupSection{sh: sh} }

func (b *backupSection) build() fyne.CanvasObject {
	loc := b.sh.loc
	title := widget.NewLabelWithStyle(loc.T("backup.section"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	help := widget.NewLabel(loc.T("backup.help"))
	help.Wrapping = fyne.TextWrapWord
	b.saveBtn = widget.NewButtonWithIcon(loc.T("backup.save"), theme.DocumentSaveIcon(), b.onSave)
	b.restBtn = widget.NewButtonWithIcon(loc.T("backup.restore"), theme.HistoryIcon(), b.onRestore)
	return container.NewVBox(title, help, container.NewHBox(b.saveBtn, b.restBtn))
}

// onSave asks where to save the backup: a folder (the last backup's, else Documents) and a
// file name (today's date). Not Fyne's save dialog: it opens, and so empties, the chosen file
// before the app sees its name, and a user who picked the open database itself would lose it.
func (b *backupSection) onSave() {
	loc := b.sh.loc
	f := &saveForm{b: b, folder: b.defaultFolder()}
	f.name = widget.NewEntry()
	f.name.SetText(backup.SuggestedName(b.sh.now()))
	f.name.Validator = func(s string) error {
		if validName(s) == "" {
			return errors.New(loc.T("backup.err.name"))
		}
		return nil
	}
	f.dir = widget.NewLabel(f.folder)
	f.dir.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon(loc.T("backup.choose_folder"), theme.FolderOpenIcon(), f.onChooseFolder)
	form := widget.NewForm(
		widget.NewFormItem(loc.T("backup.folder"), container.NewBorder(nil, nil, nil, choose, f.dir)),
		widget.NewFormItem(loc.T("backup.file_name"), f.name),
	)
	f.dlg = widgets.NewConfirm(loc.T("backup.save.title"), loc.T("backup.save.ok"), loc.T("backup.confirm.cancel"), form,
		func(ok bool) {
			if ok {
				f.submit()
			}
		}, b.sh.win)
	f.dlg.Resize(fyne.NewSize(640, 220))
	b.saveDlg = f
	f.dlg.Show()
}

// saveForm is the open "Säkerhetskopiera" question.
type saveForm struct {
	b         *backupSection
	folder    string
	dir       *widget.Label
	name      *widget.Entry
	dlg       *widgets.Confirm
	overwrite *widgets.Confirm // "replace the file?", while it is shown
}

func (f *saveForm) onChooseFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err == nil && l != nil {
			f.setFolder(l.Path())
		}
	}, f.b.sh.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(f.folder)); err == nil {
		d.SetLocation(l)
	}
	fynelang.ShowFileDialog(d, f.b.sh.win)
}

func (f *saveForm) setFolder(dir string) {
	f.folder = dir
	f.dir.SetText(dir)
}

// submit saves the backup, after asking when a file of that name exists already.
func (f *saveForm) submit() {
	loc := f.b.sh.loc
	name := validName(f.name.Text)
	if name == "" {
		f.b.showFailure(loc.T("backup.err.name"))
		return
	}
	path := filepath.Join(f.folder, name)
	if _, err := os.Stat(path); err != nil {
		f.b.saveTo(path)
		return
	}
	f.overwrite = widgets.NewConfirm(loc.T("backup.overwrite.title"), loc.T("backup.overwrite.ok"), loc.T("backup.confirm.cancel"),
		widgets.Message(loc.Tf("backup.overwrite", "Path", path)), func(ok bool) {
			if ok {
				f.b.saveTo(path)
			}
		}, f.b.sh.win)
	f.overwrite.Show()
}

// validName is the backup's file name typed by the user, with .db added when it has no
// extension; "" when it is no plain file name (empty, or a path).
func validName(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || s == "." || s == ".." || strings.ContainsAny(s, `/\:`) {
		return ""
	}
	if filepath.Ext(s) == "" {
		s += backup.Extension
	}
	return s
}

// defaultFolder is where a backup goes unless the user chooses: the last backup's folder when
// it still exists, else the user's Documents, else the home folder.
func (b *backupSection) defaultFolder() string {
	if dir := b.sh.store.Setting(settings.BackupFolder, ""); dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Dir(b.sh.store.Path())
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// onRestore asks for the backup file to restore.
func (b *backupSection) onRestore() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		b.confirmRestore(path)
	}, b.sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{backup.Extension}))
	b.startIn(d.SetLocation)
	fynelang.ShowFileDialog(d, b.sh.win)
}

// startIn opens a file dialog in the folder of the last backup, when it still exists.
func (b *backupSection) startIn(set func(fyne.ListableURI)) {
	dir := b.sh.store.Setting(settings.BackupFolder, "")
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		set(l)
	}
}

// saveTo writes the backup to path and says where it is.
func (b *backupSection) saveTo(path string) {
	loc := b.sh.loc
	if err := backup.Save(b.sh.store, path); err != nil {
		b.fail(err, path, false)
		return
	}
	b.rememberFolder(path)
	b.lastInfo = loc.Tf("backup.saved", "Path", path)
	dialog.ShowInformation(loc.T("backup.saved.title"), b.lastInfo, b.sh.win)
}

// confirmRestore checks the chosen file and asks before anything is replaced; a file that
// cannot be restored gets its reason, and nothing changes.
func (b *backupSection) confirmRestore(path string) {
	loc := b.sh.loc
	info, err := backup.Check(path)
	if err != nil {
		b.fail(err, path, true)
		return
	}
	b.lastInfo = loc.Tf("backup.confirm", "Path", path, "Boards", info.Boards, "Plans", info.Plans)
	b.confirm = widgets.NewConfirm(loc.T("backup.confirm.title"), loc.T("backup.confirm.ok"), loc.T("backup.confirm.cancel"),
		widgets.Message(b.lastInfo), func(ok bool) {
			b.confirm = nil
			if ok {
				b.restoreFrom(path)
			}
		}, b.sh.win)
	b.confirm.Resize(fyne.NewSize(560, 240))
	b.confirm.Show()
}

// restoreFrom replaces the database with the backup, then shows the app as the backup has it
// (its language, theme and plans) and says where the replaced database was kept.
func (b *backupSection) restoreFrom(path string) {
	res, err := backup.Restore(b.sh.store, path, b.sh.now())
	if err != nil {
		b.fail(err, path, true)
		return
	}
	b.rememberFolder(path)
	b.sh.reloadAfterRestore()
	loc := b.sh.loc // the restored database may speak another language
	b.lastInfo = loc.Tf("backup.restored", "Path", path) + "\n\n" + loc.Tf("backup.kept", "Path", res.Kept)
	msg := widget.NewLabel(b.lastInfo)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(loc.T("backup.restored.title"), loc.T("about.close"), msg, b.sh.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

func (b *backupSection) rememberFolder(path string) {
	if err := b.sh.store.SetSetting(settings.BackupFolder, filepath.Dir(path)); err != nil {
		fyne.LogError("remember backup folder", err)
	}
}

// fail shows the one sentence for a failed backup or restore; a cause it cannot name is logged.
func (b *backupSection) fail(err error, path string, restore bool) {
	text, known := backup.ErrorText(b.sh.loc, err, path, restore)
	if !known {
		fyne.LogError("backup", err)
	}
	b.showFailure(text)
}

func (b *backupSection) showFailure(text string) {
	b.lastErr = text
	dialog.ShowError(errors.New(text), b.sh.win)
}

// reloadAfterRestore shows the restored database: its language and theme, the start screen.
func (s *Shell) reloadAfterRestore() {
	s.wiz, s.view = nil, nil
	lang, _ := i18n.Parse(s.store.Setting(settings.Lang, string(i18n.Default)))
	s.setLang(lang)
	s.win.SetTitle(s.loc.T("app.tagline"))
	s.applyTheme()
	s.ShowStart()
}

// dialogSize is a file dialog's size: most of the window, so long folder names fit.
func dialogSize(w fyne.Window) fyne.Size {
	sz := w.Canvas().Size()
	return fyne.NewSize(fyne.Max(600, sz.Width*0.8), fyne.Max(420, sz.Height*0.8))
}
