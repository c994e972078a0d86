//go:build ignore

// Firstwindow measures how long programs take from being started to mapping their first
// top-level window of at least 300×200 on the X display in $DISPLAY (run it under Xvfb), and
// to the first frame drawn into it. It runs them interleaved and prints each one's medians and
// the ratios of the first to the second.
//
//	go run bench/firstwindow.go -n 11 'app=./handlingsplan --db x.db' 'bare=./bare'
//
// Both moments come from the X server, not from polling: MapNotify for the window, and the
// first DAMAGE event on it (the extension is asked to watch every top-level window as it is
// created) for the frame. The program is then terminated.
package main

/*
#cgo LDFLAGS: -lX11 -lXdamage
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <poll.h>
#include <time.h>

static Display *dpy;
static int damage_event;

static int ignore_errors(Display *d, XErrorEvent *e) { return 0; } // a window gone before we looked

static int open_display(void) {
	int err;
	dpy = XOpenDisplay(NULL);
	if (!dpy || !XDamageQueryExtension(dpy, &damage_event, &err)) return 0;
	XSetErrorHandler(ignore_errors);
	XSelectInput(dpy, DefaultRootWindow(dpy), SubstructureNotifyMask);
	XSync(dpy, False);
	return 1;
}

static void drain(void) {
	XSync(dpy, False);
	while (XPending(dpy)) { XEvent e; XNextEvent(dpy, &e); }
}

static double now_ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// wait_window waits up to timeout_ms for a top-level window of at least 300x200 to be mapped
// and then drawn into; it stores both moments (CLOCK_MONOTONIC, ms) and returns 1.
static int wait_window(int timeout_ms, double *mapped, double *drawn) {
	double start = now_ms();
	Window win = 0;
	for (;;) {
		while (XPending(dpy)) {
			XEvent e;
			XNextEvent(dpy, &e);
			if (e.type == CreateNotify && !e.xcreatewindow.override_redirect) {
				XDamageCreate(dpy, e.xcreatewindow.window, XDamageReportNonEmpty);
			} else if (e.type == MapNotify && !e.xmap.override_redirect && !win) {
				XWindowAttributes a;
				if (XGetWindowAttributes(dpy, e.xmap.window, &a) && a.width >= 300 && a.height >= 200) {
					win = e.xmap.window;
					*mapped = now_ms();
				}
			} else if (e.type == damage_event + XDamageNotify && win && ((XDamageNotifyEvent *)&e)->drawable == win) {
				*drawn = now_ms();
				return 1;
			}
		}
		if (now_ms() - start >= timeout_ms) return 0;
		struct pollfd p = { ConnectionNumber(dpy), POLLIN, 0 };
		poll(&p, 1, 10);
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
	md := flag.Bool("md", false, "print a Markdown table with peak memory (the maximum resident set size when the first frame was drawn)")
	flag.Parse()
	if C.open_display() == 0 {
		fmt.Fprintln(os.Stderr, "firstwindow: cannot open the display in $DISPLAY")
		os.Exit(1)
	}
	type prog struct {
		label         string
		args          []string
		mapped, drawn []time.Duration
		maxRSS        []int64 // kB, from wait4 as /usr/bin/time -v reports it
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
	run := func(p *prog) (mapped, drawn time.Duration, rss int64) {
		C.drain()
		cmd := exec.Command(p.args[0], p.args[1:]...)
		var tm, td C.double
		start := float64(C.now_ms())
		if err := cmd.Start(); err != nil {
			fmt.Fprintf(os.Stderr, "firstwindow: %s: %v\n", p.label, err)
			os.Exit(1)
		}
		ok := C.wait_window(30000, &tm, &td) == 1
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
			fmt.Fprintf(os.Stderr, "firstwindow: %s mapped and drew no window in 30 s\n", p.label)
			os.Exit(1)
		}
		ms := func(t C.double) time.Duration { return time.Duration((float64(t) - start) * float64(time.Millisecond)) }
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss
		}
		return ms(tm), ms(td), rss
	}
	for _, p := range progs {
		run(p) // warm-up
	}
	for i := 0; i < *n; i++ {
		for _, p := range progs {
			m, d, rss := run(p)
			p.mapped, p.drawn, p.maxRSS = append(p.mapped, m), append(p.drawn, d), append(p.maxRSS, rss)
		}
	}
	if *md {
		fmt.Println("| program | window mapped (median) | first frame (median) | first frame min | first frame max | runs | peak memory |")
		fmt.Println("|---|--:|--:|--:|--:|--:|--:|")
		var mm, fm []float64
		for _, p := range progs {
			slices.Sort(p.mapped)
			slices.Sort(p.drawn)
			slices.Sort(p.maxRSS)
			mm, fm = append(mm, ms(p.mapped[len(p.mapped)/2])), append(fm, ms(p.drawn[len(p.drawn)/2]))
			fmt.Printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %.0f MB |\n", p.label, mm[len(mm)-1], fm[len(fm)-1],
				ms(p.drawn[0]), ms(p.drawn[len(p.drawn)-1]), len(p.drawn), float64(p.maxRSS[len(p.maxRSS)/2])/1024)
		}
		if len(progs) > 1 {
			fmt.Printf("\nRatio %s / %s: window mapped **%.2f**, first frame **%.2f**\n", progs[0].label, progs[1].label, mm[0]/mm[1], fm[0]/fm[1])
		}
		return
	}
	for _, what := range []string{"window mapped", "first frame"} {
		med := make([]float64, len(progs))
		for i, p := range progs {
			ts := p.mapped
			if what == "first frame" {
				ts = p.drawn
			}
			slices.Sort(ts)
			med[i] = ms(ts[len(ts)/2])
			fmt.Printf("%-14s %-18s median %7.1f ms   min %7.1f ms   max %7.1f ms   (%d runs)\n", what, p.label, med[i], ms(ts[0]), ms(ts[len(ts)-1]), len(ts))
		}
		if len(progs) > 1 {
			fmt.Printf("ratio %s: %s / %s = %.2f\n", what, progs[0].label, progs[1].label, med[0]/med[1])
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
