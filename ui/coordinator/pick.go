package coordinator

import (
	"handlingsplan/ui/fynelang"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// How the coordinator picks the files to import: files, a folder, or files dropped on the window.

// onChooseFiles lets the user pick several files: Fyne's file dialog picks one, so the user
// picks the folder and then ticks the files in it.
func (iv *importView) onChooseFiles() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			iv.v.showError(err)
			return
		}
		if dir == nil {
			return
		}
		iv.showPicker(dir.Path())
	}, iv.v.env.Window)
	d.SetTitleText(iv.v.loc.T("coordinator.import.files_title"))
	fynelang.ShowFileDialog(d, iv.v.env.Window)
}

func (iv *importView) onChooseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			iv.v.showError(err)
			return
		}
		if dir == nil {
			return
		}
		iv.start([]string{dir.Path()})
	}, iv.v.env.Window)
	d.SetTitleText(iv.v.loc.T("coordinator.import.folder_title"))
	fynelang.ShowFileDialog(d, iv.v.env.Window)
}

// pdfsIn lists the PDF files directly in dir, by name.
func pdfsIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".pdf") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// showPicker lists the PDF files of dir with a tick box each (all ticked) and imports the
// ticked ones.
func (iv *importView) showPicker(dir string) {
	loc := iv.v.loc
	names, err := pdfsIn(dir)
	if err != nil {
		iv.v.showError(err)
		return
	}
	if len(names) == 0 {
		fynelang.ShowInformation(loc.T("coordinator.import.files_title"), loc.T("coordinator.import.no_pdfs"), iv.v.env.Window)
		return
	}
	checks := widget.NewCheckGroup(names, nil)
	checks.SetSelected(names)
	all := widget.NewButton(loc.T("coordinator.import.select_all"), func() { checks.SetSelected(names) })
	none := widget.NewButton(loc.T("coordinator.import.select_none"), func() { checks.SetSelected(nil) })
	content := container.NewBorder(
		container.NewVBox(wrapped(loc.Tf("coordinator.import.pick_in", "Folder", dir)), container.NewHBox(all, none)),
		nil, nil, nil, container.NewVScroll(checks))
	iv.picker = dialog.NewCustomConfirm(loc.T("coordinator.import.files_title"), loc.T("coordinator.import.import_selected"),
		loc.T("coordinator.cancel"), content, func(ok bool) {
			iv.picker = nil
			if !ok || len(checks.Selected) == 0 {
				return
			}
			paths := make([]string, 0, len(checks.Selected))
			for _, n := range names { // in the folder's order, whatever order they were ticked in
				for _, s := range checks.Selected {
					if s == n {
						paths = append(paths, filepath.Join(dir, n))
					}
				}
			}
			iv.start(paths)
		}, iv.v.env.Window)
	iv.picker.Resize(fyne.NewSize(560, 480))
	iv.picker.Show()
	fynelang.ConfirmKeys(iv.v.env.Window, iv.picker)
}

// onDropped imports what was dropped on the window: files and folders.
func (iv *importView) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u != nil && u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	if iv.v.tabs != nil {
		iv.v.tabs.SelectIndex(0)
	}
	iv.start(paths)
}
