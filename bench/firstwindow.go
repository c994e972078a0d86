//go:build ignore

// Firstwindow measures how long programs take from being started to mapping their first
// top-level window of at least 300×200 on the X display in $DISPLAY (run it under Xvfb), runs
// them interleaved, and prints each one's median and the ratio of the first to the second.
//
//	go run bench/firstwindow.go -n 11 'app=./handlingsplan --db x.db' 'bare=./bare'
//
// The window is seen through the X server's MapNotify event, not by polling; the program is
// then terminated.
package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <poll.h>

static Display *dpy;

static int open_display(void) {
	dpy = XOpenDisplay(NULL);
	if (!dpy) return 0;
	XSelectInput(dpy, DefaultRootWindow(dpy), SubstructureNotifyMask);
	XSync(dpy, False);
	return 1;
}

static void drain(void) {
	XSync(dpy, False);
	while (XPending(dpy)) { XEvent e; XNextEvent(dpy, &e); }
}

// wait_map waits up to timeout_ms for a top-level window of at least 300x200 to be mapped.
static int wait_map(int timeout_ms) {
	int waited = 0;
	for (;;) {
		while (XPending(dpy)) {
			XEvent e;
			XNextEvent(dpy, &e);
			if (e.type == MapNotify && !e.xmap.override_redirect) {
				XWindowAttributes a;
				if (XGetWindowAttributes(dpy, e.xmap.window, &a) && a.width >= 300 && a.height >= 200) return 1;
			}
		}
		if (waited >= timeout_ms) return 0;
		struct pollfd p = { ConnectionNumber(dpy), POLLIN, 0 };
		poll(&p, 1, 10);
		waited += 10;
	}
}
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 11, "runs of each program")
	flag.Parse()
	if C.open_display() == 0 {
		fmt.Fprintln(os.Stderr, "firstwindow: cannot open the display in $DISPLAY")
		os.Exit(1)
	}
	type prog struct {
		label string
		args  []string
		times []time.Duration
	}
	var progs []*prog
	for _, a := range flag.Args() {
		label, line, ok := strings.Cut(a, "=")
		if !ok || len(strings.Fields(line)) == 0 {
			fmt.Fprintf(os.Stderr, "firstwindow: %q is not label=command\n", a)
			os.Exit(2)
		}
		progs = append(progs, &prog{label: label, args: strings.Fields(line)})
	}
	run := func(p *prog) time.Duration {
		C.drain()
		cmd := exec.Command(p.args[0], p.args[1:]...)
		start := time.Now()
		if err := cmd.Start(); err != nil {
			fmt.Fprintf(os.Stderr, "firstwindow: %s: %v\n", p.label, err)
			os.Exit(1)
		}
		ok := C.wait_map(30000) == 1
		took := time.Since(start)
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if !ok {
			fmt.Fprintf(os.Stderr, "firstwindow: %s mapped no window in 30 s\n", p.label)
			os.Exit(1)
		}
		return took
	}
	for _, p := range progs {
		run(p) // warm-up
	}
	for i := 0; i < *n; i++ {
		for _, p := range progs {
			p.times = append(p.times, run(p))
		}
	}
	med := make([]float64, len(progs))
	for i, p := range progs {
		slices.Sort(p.times)
		med[i] = ms(p.times[len(p.times)/2])
		fmt.Printf("%-22s median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d runs)\n", p.label, med[i], ms(p.times[0]), ms(p.times[len(p.times)-1]), len(p.times))
	}
	if len(progs) > 1 {
		fmt.Printf("ratio %s / %s = %.2f\n", progs[0].label, progs[1].label, med[0]/med[1])
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
