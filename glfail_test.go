package main

import (
	"bytes"
	"log"
	"testing"

	"fyne.io/fyne/v2/test"

	"handlingsplan/i18n"
)

// The log lines Fyne writes (fyne.LogError) when GLFW cannot make a window with OpenGL 2.1, and
// when something unrelated fails.
func TestGLWatch(t *testing.T) {
	cases := []struct {
		name   string
		logged func(l *log.Logger)
		want   []string // causes reported
	}{
		{"no OpenGL 2.1 (Windows VM)", func(l *log.Logger) {
			l.Println("Fyne error: ", "window creation error")
			l.Println("  Cause:", "VersionUnavailable: WGL: OpenGL 2.1 not supported")
			l.Printf("  At: %s:%d", "window_desktop.go", 760)
		}, []string{"VersionUnavailable: WGL: OpenGL 2.1 not supported"}},
		{"GLFW init, then window: told once", func(l *log.Logger) {
			l.Println("Fyne error: ", "failed to initialise GLFW")
			l.Println("  Cause:", "APIUnavailable: WGL: The driver does not appear to support OpenGL")
			l.Println("Fyne error: ", "window creation error")
			l.Println("  Cause:", "NotInitialized: The GLFW library is not initialized")
		}, []string{"APIUnavailable: WGL: The driver does not appear to support OpenGL"}},
		{"GL functions missing, no cause line", func(l *log.Logger) {
			l.Println("Fyne error: ", "failed to initialise OpenGL")
			l.Printf("  At: %s:%d", "gl_core.go", 68)
		}, []string{""}},
		{"another error is not a GL failure", func(l *log.Logger) {
			l.Println("Fyne error: ", "Failed to load user preferences")
			l.Println("  Cause:", "open prefs.json: permission denied")
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			var got []string
			w := newGLWatch(&out, func(cause string) { got = append(got, cause) })
			c.logged(log.New(w, "", log.LstdFlags))
			if len(got) != len(c.want) || len(got) > 0 && got[0] != c.want[0] {
				t.Errorf("reported %q, want %q", got, c.want)
			}
			if w.Failed() != (len(c.want) > 0) {
				t.Errorf("Failed() = %v", w.Failed())
			}
			if !bytes.Contains(out.Bytes(), []byte("Fyne error:")) {
				t.Error("the log was not passed through")
			}
		})
	}
}

// The "already open in another window" message is a short, wide box: the text wraps at a
// readable width instead of making the window one word wide and many lines tall.
func TestFatalContentShape(t *testing.T) {
	test.NewTempApp(t)
	loc := i18n.New(i18n.Swedish)
	msg := "Databasen /home/anna/Dokument/handlingsplan.db är redan öppen i ett annat fönster av Handlingsplan. Fortsätt arbeta där, eller stäng det fönstret först."
	min := fatalContent(loc, msg, func() {}).MinSize()
	if min.Width < fatalMessageWidth || min.Width > 700 {
		t.Errorf("width %v, want about %d", min.Width, fatalMessageWidth)
	}
	if min.Height > 200 {
		t.Errorf("height %v: the message does not wrap at its width", min.Height)
	}
}
