package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for the program: with HANDLINGSPLAN_MAIN=1 it runs
// main with the arguments after "--", with every package init of the real binary (Fyne's too).
func TestMain(m *testing.M) {
	if os.Getenv("HANDLINGSPLAN_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{os.Args[0]}, os.Args[i+1:]...)
				break
			}
		}
		main()
		return
	}
	os.Exit(m.Run())
}

// TestCommandsQuietWhateverLocale: no command prints a Fyne log line, whatever LANG says
// (C.UTF-8 is the default of containers and CI; Fyne's lang package logs at init for it).
func TestCommandsQuietWhateverLocale(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "saknas.pdf")
	for _, env := range [][]string{
		{"LANG=C.UTF-8"}, {"LANG=C"}, {"LANG=POSIX"}, {"LC_ALL=C.UTF-8"}, {"LANG=sv_SE.UTF-8"}, {},
	} {
		for _, args := range [][]string{{"version"}, {"verify", missing}, {"help"}, {"demo", "--help"}} {
			cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
			cmd.Env = append(cleanEnv(), append(env, "HANDLINGSPLAN_MAIN=1")...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			_ = cmd.Run()
			if strings.Contains(stderr.String(), "Fyne") {
				t.Errorf("%v %q: Fyne on stderr:\n%s", env, args, stderr.String())
			}
			if args[0] == "version" && (stderr.Len() > 0 || !strings.HasPrefix(stdout.String(), "handlingsplan ")) {
				t.Errorf("%v version: stdout %q stderr %q", env, stdout.String(), stderr.String())
			}
		}
	}
}

// cleanEnv is the environment without any locale variable.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "HANDLINGSPLAN_MAIN":
			continue
		}
		out = append(out, kv)
	}
	return out
}
