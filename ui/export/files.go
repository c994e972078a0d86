package export

import (
	"fmt"
	"handlingsplan/ui/fynelang"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// The platform's file dialogs, behind the seams of ui so that tests can answer them.

func (u *ui) fyneChooseFolder(start string, done func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		done(l.Path())
	}, u.env.Window)
	if start != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
			d.SetLocation(l)
		}
	}
	fynelang.ShowFileDialog(d, u.env.Window)
}

// maxOpenSize bounds what is read from a chosen identity or certificate file.
const maxOpenSize = 1 << 20

func (u *ui) fyneOpenFile(exts []string, done func(name string, data []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, maxOpenSize))
		if err != nil {
			fyne.LogError("read "+r.URI().Path(), err)
			u.message(u.loc().T("export.ui.failed_title"), u.loc().T("export.ui.read_failed"))
			return
		}
		done(r.URI().Name(), data)
	}, u.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	fynelang.ShowFileDialog(d, u.env.Window)
}

// fyneSaveFile saves a small file (a certificate or a certificate request) where the user says.
func (u *ui) fyneSaveFile(name string, data func(path string) []byte, done func(path string, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			done("", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, err = w.Write(data(w.URI().Path()))
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		done(w.URI().Path(), err)
	}, u.env.Window)
	d.SetFileName(name)
	fynelang.ShowFileDialog(d, u.env.Window)
}

// openFolder shows a folder in the system's file manager.
func openFolder(dir string) error {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… becomes file:///C:/Users/…
	}
	a := fyne.CurrentApp()
	if a == nil {
		return fmt.Errorf("open folder %s: no app", dir)
	}
	return a.OpenURL(&url.URL{Scheme: "file", Path: p})
}

func isDir(p string) bool {
	if p == "" {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// documentsDir is where a submission is saved when the user has not chosen a folder yet: the
// documents folder (Swedish or English name), else the home folder.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	for _, d := range []string{"Documents", "Dokument"} {
		if p := filepath.Join(home, d); isDir(p) {
			return p
		}
	}
	return home
}
