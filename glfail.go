package main

import (
	"io"
	"strings"
	"sync"
)

// glWatch passes the log (where Fyne reports its errors) through to out and notices when the
// window cannot be made because the machine gives no usable OpenGL 2.1: a virtual machine or a
// remote desktop without a graphics card. Fyne then only logs and exits, which a user who
// started the program from the Start menu never sees; fail tells them instead, once.
type glWatch struct {
	out  io.Writer
	fail func(cause string)

	mu      sync.Mutex
	pending bool // a GL failure was logged; its cause line follows
	done    bool
}

// glFailures are the reasons Fyne logs ("Fyne error:  <reason>") when it cannot draw.
var glFailures = []string{"window creation error", "failed to initialise GLFW", "failed to initialise OpenGL"}

func newGLWatch(out io.Writer, fail func(cause string)) *glWatch {
	return &glWatch{out: out, fail: fail}
}

func (w *glWatch) Write(p []byte) (int, error) {
	n, err := w.out.Write(p)
	line := string(p)
	fire, cause := false, ""
	w.mu.Lock()
	switch {
	case w.done:
	case strings.Contains(line, "Fyne error:") && containsAny(line, glFailures):
		w.pending = true
	case w.pending && strings.Contains(line, "Cause:"):
		_, cause, _ = strings.Cut(line, "Cause:")
		w.done, fire = true, true
	case w.pending:
		w.done, fire = true, true // no cause logged: the next line is Fyne's "At:"
	}
	w.mu.Unlock()
	if fire {
		w.fail(strings.TrimSpace(cause))
	}
	return n, err
}

// Failed reports whether a GL failure was seen.
func (w *glWatch) Failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.done
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
