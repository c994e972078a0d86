package ui

import "fyne.io/fyne/v2"

// Fyne tells no screen size before a window is shown (and not at all on some drivers), so the
// first window is sized to fit the smallest screen the app is used on: a 1280×720 projector, or
// a 1366×768 laptop less its taskbar (1366×728), with room for the window's title bar.
var (
	defaultWindow = fyne.NewSize(1260, 690)
	// minWindow is the smallest remembered size worth restoring; below it the views cut text.
	minWindow = fyne.NewSize(800, 560)
	// maxWindow bounds a remembered size: a size stored on a large screen (or a broken value)
	// must not open a window larger than a 4K screen.
	maxWindow = fyne.NewSize(3840, 2160)
)

// Preference keys (Fyne preferences: per user, not per database) of the last window size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// windowSize is the size the main window opens at: the size the user left it at (remembered
// > 0), within what any screen the app runs on holds, or the default that fits every such screen.
func windowSize(remembered fyne.Size) fyne.Size {
	w, h := remembered.Width, remembered.Height
	if w < minWindow.Width || h < minWindow.Height {
		return defaultWindow
	}
	return fyne.NewSize(min(w, maxWindow.Width), min(h, maxWindow.Height))
}

// restoreWindowSize sizes the window as the user left it last time.
func (s *Shell) restoreWindowSize() {
	p := s.app.Preferences()
	s.win.Resize(windowSize(fyne.NewSize(float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight)))))
}

// rememberWindowSize keeps the window's size for the next start.
func (s *Shell) rememberWindowSize() {
	size := s.win.Canvas().Size()
	if size.Width < minWindow.Width || size.Height < minWindow.Height {
		return // minimised or not yet laid out: keep the last real size
	}
	p := s.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(size.Width))
	p.SetFloat(prefWindowHeight, float64(size.Height))
}
