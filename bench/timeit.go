//go:build ignore

// Timeit runs whole processes many times, interleaved so that a busy machine slows all of them
// alike, and prints each one's median wall time and the ratio of the first to the second.
//
//	go run bench/timeit.go -n 21 'verify=./handlingsplan verify x.pdf' 'pdfsig=pdfsig x.pdf'
//
// A command is split at spaces (no quoting); its output is discarded and its exit status
// ignored (verify exits 1 for an unknown signer), but a command that cannot start is an error.
// One warm-up run of each is not counted.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 21, "runs of each command")
	flag.Parse()
	type cmd struct {
		label string
		args  []string
		times []time.Duration
	}
	var cmds []*cmd
	for _, a := range flag.Args() {
		label, line, ok := strings.Cut(a, "=")
		if !ok || len(strings.Fields(line)) == 0 {
			fmt.Fprintf(os.Stderr, "timeit: %q is not label=command\n", a)
			os.Exit(2)
		}
		cmds = append(cmds, &cmd{label: label, args: strings.Fields(line)})
	}
	if len(cmds) == 0 {
		fmt.Fprintln(os.Stderr, "usage: timeit [-n runs] label=command …")
		os.Exit(2)
	}
	run := func(c *cmd) time.Duration {
		p := exec.Command(c.args[0], c.args[1:]...)
		start := time.Now()
		if err := p.Run(); err != nil {
			if _, exited := err.(*exec.ExitError); !exited {
				fmt.Fprintf(os.Stderr, "timeit: %s: %v\n", c.label, err)
				os.Exit(1)
			}
		}
		return time.Since(start)
	}
	for _, c := range cmds {
		run(c) // warm-up: page cache, first-run set-up
	}
	for i := 0; i < *n; i++ {
		for _, c := range cmds {
			c.times = append(c.times, run(c))
		}
	}
	med := make([]float64, len(cmds))
	for i, c := range cmds {
		slices.Sort(c.times)
		med[i] = ms(c.times[len(c.times)/2])
		fmt.Printf("%-22s median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d runs)\n", c.label, med[i], ms(c.times[0]), ms(c.times[len(c.times)-1]), len(c.times))
	}
	if len(cmds) > 1 {
		fmt.Printf("ratio %s / %s = %.2f\n", cmds[0].label, cmds[1].label, med[0]/med[1])
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
