// Package bridge is the one place where work on another goroutine reaches the UI. Since Fyne
// 2.6 a widget may be changed only on the UI goroutine: a background job, a timer or a ticker
// hands its result over with fyne.Do, and this package is where that happens, so that no view
// calls fyne.Do itself (a test in layers/ keeps it so).
//
// Fyne's test driver runs fyne.Do at once on the calling goroutine: run the UI tests with
// -race to catch a view that touches a widget from its worker.
package bridge

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Do runs fn on the UI goroutine. Call it from a background goroutine only: from the UI
// goroutine, just call fn.
func Do(fn func()) { fyne.Do(fn) }

// Work runs jobs off the UI goroutine and their endings on it, and counts them so that tests
// can wait until every ending has run. The zero Work is ready; it must not be copied.
type Work struct{ wg sync.WaitGroup }

// Go runs work on a new goroutine, then done (nil: nothing) on the UI goroutine; the window
// stays responsive meanwhile. Wait returns only after done has run.
func (w *Work) Go(work func(), done func()) {
	w.wg.Add(1)
	go func() {
		work()
		Do(func() {
			defer w.wg.Done()
			if done != nil {
				done()
			}
		})
	}()
}

// Wait blocks until every job Go started has ended, its done included (tests).
func (w *Work) Wait() { w.wg.Wait() }

// After runs fn on the UI goroutine once d has passed, unless the returned timer is stopped
// first.
func After(d time.Duration, fn func()) *time.Timer {
	return time.AfterFunc(d, func() { Do(fn) })
}

// Every runs fn on the UI goroutine every d until stop is called; stop may be called more than
// once.
func Every(d time.Duration, fn func()) (stop func()) {
	done := make(chan struct{})
	var once sync.Once
	go func() {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				Do(fn)
			case <-done:
				return
			}
		}
	}()
	return func() { once.Do(func() { close(done) }) }
}
