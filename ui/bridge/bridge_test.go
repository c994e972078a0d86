package bridge

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestWorkRunsDoneAfterWork(t *testing.T) {
	test.NewTempApp(t)
	var w Work
	var order []string
	var worked atomic.Bool
	w.Go(func() { worked.Store(true) }, func() {
		if !worked.Load() {
			t.Error("done ran before work")
		}
		order = append(order, "done")
	})
	w.Go(func() {}, nil)
	w.Wait()
	if len(order) != 1 {
		t.Errorf("done ran %d times", len(order))
	}
}

func TestAfterAndEvery(t *testing.T) {
	test.NewTempApp(t)
	fired := make(chan struct{}, 1)
	After(time.Millisecond, func() { fired <- struct{}{} })
	select {
	case <-fired:
	case <-time.After(5 * time.Second):
		t.Fatal("After did not fire")
	}
	stopped := After(time.Hour, func() { t.Error("a stopped timer fired") })
	stopped.Stop()

	var n atomic.Int32
	stop := Every(time.Millisecond, func() { n.Add(1) })
	deadline := time.Now().Add(5 * time.Second)
	for n.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	stop()
	stop()
	if n.Load() < 3 {
		t.Fatalf("Every fired %d times", n.Load())
	}
}
