package cli

import (
	"bytes"
	"strings"
	"testing"
)

// helpCommands are every command and subcommand that has flags.
var helpCommands = [][]string{
	{"demo"}, {"export"}, {"verify"}, {"import"}, {"report"}, {"handout"}, {"help"},
	{"identity", "new"}, {"identity", "request"}, {"identity", "accept"}, {"identity", "show"}, {"identity", "export-cert"},
	{"trust", "add"}, {"trust", "list"}, {"trust", "remove"}, {"trust", "approve"},
	{"submissions", "list"}, {"submissions", "choose"},
	{"ca", "new"}, {"ca", "issue"},
	{"profile", "export"}, {"profile", "import"}, {"register", "import"},
}

// TestFlagHelpTranslated runs every command with --help in both languages: it exits 0 and
// describes every flag in that language (a flag without a message would show its bare name).
func TestFlagHelpTranslated(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		for _, cmd := range helpCommands {
			args := append(append([]string{}, cmd...), "--help", "--lang", lang)
			var out, errOut bytes.Buffer
			if code := Run(args, &out, &errOut); code != 0 {
				t.Errorf("%q: exit %d\n%s", args, code, errOut.String())
				continue
			}
			text := out.String() + errOut.String()
			lines := strings.Split(text, "\n")
			flags := 0
			for i, l := range lines {
				if !strings.HasPrefix(l, "  --") || i+1 >= len(lines) {
					continue
				}
				flags++
				name := strings.Fields(strings.TrimPrefix(l, "  --"))[0]
				desc := strings.TrimSpace(lines[i+1])
				if desc == name || strings.HasPrefix(desc, name+" (") {
					t.Errorf("%q: flag --%s has no %s description", args, name, lang)
				}
				if strings.Contains(l, "⟦") || strings.Contains(desc, "⟦") {
					t.Errorf("%q: missing message in %q / %q", args, l, desc)
				}
			}
			if flags == 0 {
				t.Errorf("%q: no flags listed:\n%s", args, text)
			}
			want := map[string]string{"sv": "Flaggor för handlingsplan", "en": "Flags of handlingsplan"}[lang]
			if !strings.Contains(text, want) {
				t.Errorf("%q: help not in %s:\n%s", args, lang, text)
			}
		}
	}
}

// TestGUIHelpListsCommands: `handlingsplan --help` lists the app's flags and every command.
func TestGUIHelpListsCommands(t *testing.T) {
	var errOut bytes.Buffer
	_, exit, run := ParseGUIArgs([]string{"--help"}, &errOut)
	if run || exit != 0 {
		t.Fatalf("run %v exit %d", run, exit)
	}
	for name := range commands() {
		if !strings.Contains(errOut.String(), "  "+name) {
			t.Errorf("--help does not list %s:\n%s", name, errOut.String())
		}
	}
	for _, f := range []string{"--db", "--config"} {
		if !strings.Contains(errOut.String(), f) {
			t.Errorf("--help does not list %s", f)
		}
	}
	if !strings.Contains(errOut.String(), "Flaggor för handlingsplan:") || strings.Contains(errOut.String(), "handlingsplan handlingsplan") {
		t.Errorf("--help names the program once:\n%s", errOut.String())
	}
}

func TestLangOf(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "sv"},
		{[]string{"--lang", "en"}, "en"},
		{[]string{"-lang=en", "x.pdf"}, "en"},
		{[]string{"x.pdf", "--lang"}, "sv"},
		{[]string{"--", "--lang", "en"}, "sv"},
	} {
		if got := langOf(tc.args); got != tc.want {
			t.Errorf("langOf(%q) = %s, want %s", tc.args, got, tc.want)
		}
	}
}
