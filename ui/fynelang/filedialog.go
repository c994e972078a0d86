package fynelang

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// placeNames are the side-bar places Fyne 2.7.1's file dialog shows by their English names:
// it puts them in the list without lang.L (dialog/file.go loadFavorites, file_unix.go
// getPlaces), so they need translating here. base.*.json hold them as ordinary keys.
var placeNames = map[string]bool{
	"Home": true, "Computer": true, "App Files": true, "Desktop": true, "Documents": true,
	"Downloads": true, "Music": true, "Pictures": true, "Videos": true, "Movies": true,
}

// ShowFileDialog shows d over win at most of the window's size (Fyne's own size shows a few
// files at a time and needs much scrolling at a laptop size) with its place names in the
// chosen language.
func ShowFileDialog(d *dialog.FileDialog, win fyne.Window) {
	d.Resize(FileDialogSize(win.Canvas().Size()))
	d.Show()
	if top := win.Canvas().Overlays().Top(); top != nil {
		TranslatePlaces(top)
		// Escape cancels, as in the app's other dialogs; Enter is left to the dialog's own
		// fields (which file is meant is chosen in it).
		DialogKeys(win, nil, d.Hide)
	}
}

// FileDialogSize is the size a file dialog opens at in a window of the given size: most of
// it, keeping a margin so the user sees the dialog sits over the app.
func FileDialogSize(win fyne.Size) fyne.Size {
	const share = 0.9
	w, h := win.Width*share, win.Height*share
	if w < 600 {
		w = win.Width
	}
	if h < 400 {
		h = win.Height
	}
	return fyne.NewSize(w, h)
}

// TranslatePlaces finds the file dialog's list of places under obj and makes it show the
// places in the current language, now and whenever the list redraws a row.
func TranslatePlaces(obj fyne.CanvasObject) {
	switch t := obj.(type) {
	case *widget.PopUp:
		TranslatePlaces(t.Content)
	case *fyne.Container:
		for _, o := range t.Objects {
			TranslatePlaces(o)
		}
	case *widget.List:
		translateList(t)
	case *container.Split:
		// The dialog's body: places on the leading side.
		TranslatePlaces(t.Leading)
		TranslatePlaces(t.Trailing)
	}
}

func translateList(l *widget.List) {
	update := l.UpdateItem
	if update == nil || l.CreateItem == nil {
		return
	}
	// Only the places list has rows of an icon and a label; the files list (in list view)
	// has rows of Fyne's own file item type.
	if _, ok := placeLabel(l.CreateItem()); !ok {
		return
	}
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		if lb, ok := placeLabel(item); ok && placeNames[lb.Text] {
			lb.SetText(lang.L(lb.Text))
		}
	}
	l.Refresh()
}

func placeLabel(item fyne.CanvasObject) (*widget.Label, bool) {
	c, ok := item.(*fyne.Container)
	if !ok || len(c.Objects) != 2 {
		return nil, false
	}
	lb, ok := c.Objects[1].(*widget.Label)
	return lb, ok
}
