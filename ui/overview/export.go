package overview

import (
	"errors"
	"fmt"
	"handlingsplan/ui/fynelang"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/exports"
	"handlingsplan/app/identity"
)

// exportKind is one entry of the export menu.
type exportKind struct {
	key    string // menu text
	name   string // suggested file name key
	ext    string
	opt    exports.Options
	sign   bool
	folder bool // CSV files into a chosen folder
}

func (v *View) exportKinds() []exportKind {
	return []exportKind{
		{key: "overview.export.report", name: "overview.file.report", ext: ".pdf"},
		{key: "overview.export.report_signed", name: "overview.file.report", ext: ".pdf", sign: true},
		{key: "overview.export.xlsx", name: "overview.file.tables", ext: ".xlsx"},
		{key: "overview.export.csv_zip", name: "overview.file.tables", ext: ".zip"},
		{key: "overview.export.csv_folder", folder: true},
		{key: "overview.export.ics", name: "overview.file.calendar", ext: ".ics"},
		{key: "overview.export.protocols", name: "overview.file.protocols", ext: ".zip", opt: exports.Options{Protocol: true}},
	}
}

func (v *View) showExportMenu(anchor fyne.CanvasObject) {
	var items []*fyne.MenuItem
	for _, k := range v.exportKinds() {
		k := k
		items = append(items, fyne.NewMenuItem(v.loc.T(k.key), func() { v.startExport(k) }))
	}
	c := v.env.Window.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(anchor).Add(fyne.NewPos(0, anchor.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// startExport asks where to save (and, for a signed report, the passphrase) and writes.
func (v *View) startExport(k exportKind) {
	if k.folder {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			v.exportCSVFolder(u.Path())
		}, v.env.Window)
		fynelang.ShowFileDialog(d, v.env.Window)
		return
	}
	save := func(sign *identity.Identity) {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			opt := k.opt
			opt.Signer = sign
			v.export(path, opt)
		}, v.env.Window)
		d.SetFileName(v.loc.Tf(k.name, "Year", v.year) + k.ext)
		d.SetFilter(storage.NewExtensionFileFilter([]string{k.ext}))
		fynelang.ShowFileDialog(d, v.env.Window)
	}
	if !k.sign {
		save(nil)
		return
	}
	v.askIdentity(save)
}

// export writes the export path's extension names; the file dialog has made an empty file there.
func (v *View) export(path string, opt exports.Options) (exports.Written, error) {
	opt.AppVersion, opt.Now = v.env.AppVersion, v.env.Now()
	w, err := exports.Write(v.o, path, opt)
	if err != nil {
		v.showExportError(err)
		return w, err
	}
	fynelang.ShowInformation(v.loc.T("overview.export.done_title"), v.loc.Tf("overview.export.done", "Path", w.Path), v.env.Window)
	return w, nil
}

func (v *View) exportCSVFolder(dir string) error {
	files, err := exports.CSV(v.o, false)
	if err == nil {
		err = exports.WriteCSVDir(dir, files)
	}
	if err != nil {
		v.showExportError(err)
		return err
	}
	fynelang.ShowInformation(v.loc.T("overview.export.done_title"), v.loc.Tf("overview.export.done_folder", "Path", dir, "Count", len(files)), v.env.Window)
	return nil
}

// askIdentity asks for the passphrase of the coordinator's signing identity and opens it.
func (v *View) askIdentity(then func(*identity.Identity)) {
	loc := v.loc
	path := identity.DefaultPath(v.env.ConfigDir)
	if _, err := os.Stat(path); err != nil {
		fynelang.ShowError(errors.New(loc.Tf("overview.err.no_identity", "Path", filepath.Base(path))), v.env.Window)
		return
	}
	pass := widget.NewPasswordEntry()
	d := dialog.NewForm(loc.T("overview.sign.title"), loc.T("overview.sign.ok"), loc.T("overview.sign.cancel"),
		[]*widget.FormItem{widget.NewFormItem(loc.T("overview.sign.passphrase"), pass)}, func(ok bool) {
			if !ok {
				return
			}
			id, err := identity.Load(path, pass.Text)
			if err != nil {
				fyne.LogError("overview sign", fmt.Errorf("open identity %s: %w", path, err))
				fynelang.ShowError(errors.New(loc.T(identity.MessageKey(err))), v.env.Window)
				return
			}
			then(id)
		}, v.env.Window)
	d.Show()
	v.env.Window.Canvas().Focus(pass)
	fynelang.DialogKeys(v.env.Window, d.Submit, d.Dismiss)
}
