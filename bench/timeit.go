//go:build ignore

// Timeit runs whole processes many times, interleaved so that a busy machine slows all of them
// alike, and prints each one's median wall time and the ratio of the first to the second.
// With -md it prints a Markdown table instead, with each one's peak memory: the maximum
// resident set size /usr/bin/time -v reports for one more run (the process and the children
// it waits for).
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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 21, "runs of each command")
	md := flag.Bool("md", false, "print a Markdown table with peak memory")
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
	if *md {
		fmt.Println("| command | median | min | max | runs | peak memory |")
		fmt.Println("|---|--:|--:|--:|--:|--:|")
	}
	for i, c := range cmds {
		slices.Sort(c.times)
		med[i] = ms(c.times[len(c.times)/2])
		if *md {
			fmt.Printf("| %s | %s | %s | %s | %d | %s |\n", c.label, human(med[i]), human(ms(c.times[0])), human(ms(c.times[len(c.times)-1])), len(c.times), peak(c.args))
			continue
		}
		fmt.Printf("%-22s median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d runs)\n", c.label, med[i], ms(c.times[0]), ms(c.times[len(c.times)-1]), len(c.times))
	}
	if len(cmds) > 1 {
		if *md {
			fmt.Printf("\nRatio %s / %s: **%.2f**\n", cmds[0].label, cmds[1].label, med[0]/med[1])
			return
		}
		fmt.Printf("ratio %s / %s = %.2f\n", cmds[0].label, cmds[1].label, med[0]/med[1])
	}
}

// human writes milliseconds as ms below ten seconds, else as seconds.
func human(ms float64) string {
	if ms >= 10000 {
		return fmt.Sprintf("%.1f s", ms/1000)
	}
	return fmt.Sprintf("%.1f ms", ms)
}

var maxRSS = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)

// peak runs args once under /usr/bin/time -v and returns its maximum resident set size.
func peak(args []string) string {
	out, err := os.CreateTemp("", "timeit-*.txt")
	if err != nil {
		return "?"
	}
	out.Close()
	defer os.Remove(out.Name())
	exec.Command("/usr/bin/time", append([]string{"-v", "-o", out.Name()}, args...)...).Run()
	b, _ := os.ReadFile(out.Name())
	m := maxRSS.FindSubmatch(b)
	if m == nil {
		return "?"
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return fmt.Sprintf("%.0f MB", float64(kb)/1024)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
