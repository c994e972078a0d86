package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handlingsplan/app/coorddemo"
	"handlingsplan/data"
	"handlingsplan/domain"
)

func TestRunReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "coord.db")
	s, err := data.Open(db, "samordnare")
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := domain.DefaultProfile()
	if err := s.EnsureProfile(prof); err != nil {
		t.Fatal(err)
	}
	if err := coorddemo.CoordinatorDemo(s, 2027, filepath.Join(dir, "work")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	tests := []struct {
		name   string
		args   []string
		code   int
		out    string // in stdout
		errOut string // in stderr
		file   string // must exist afterwards
	}{
		{"pdf", []string{"--out", "ks.pdf"}, 0, "8 av 9 nämnder", "", "ks.pdf"},
		{"xlsx", []string{"--out", "ks.xlsx"}, 0, "Sparad", "", "ks.xlsx"},
		{"csv folder", []string{"--out", "tabeller.csv", "--comma"}, 0, "10 filer", "", "tabeller/1 Inlämningar.csv"},
		{"zip", []string{"--out", "tabeller.zip"}, 0, "10 filer", "", "tabeller.zip"},
		{"ics", []string{"--out", "utb.ics", "--board", "Socialnämnden"}, 0, "1 av 1 nämnd", "", "utb.ics"},
		{"protocol", []string{"--out", "prot.pdf", "--protocol", "--board", "Socialnämnden"}, 0, "Sparad", "", "prot.pdf"},
		{"protocols", []string{"--out", "prot.zip", "--protocol", "--lang", "en"}, 0, "9 files", "", "prot.zip"},
		{"unknown board", []string{"--out", "x.pdf", "--board", "Ingen nämnd"}, 1, "", "Ingen nämnd", ""},
		{"bad extension", []string{"--out", "x.docx"}, 2, "", ".pdf, .xlsx", ""},
		{"protocol as xlsx", []string{"--out", "x.xlsx", "--protocol"}, 2, "", "--protocol", ""},
		{"no out", []string{}, 2, "", "Användning", ""},
		{"sign csv", []string{"--out", "x.zip", "--identity", "id.p12"}, 2, "", "PDF", ""},
		{"bad year", []string{"--out", "x.pdf", "--year", "1999"}, 2, "", "2000", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"--db", db, "--year", "2027"}
			for i, a := range tc.args {
				if i > 0 && tc.args[i-1] == "--out" {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			var stdout, stderr bytes.Buffer
			if code := runReport(args, &stdout, &stderr); code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.out) || !strings.Contains(stderr.String(), tc.errOut) {
				t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
			}
			if tc.file != "" {
				if st, err := os.Stat(filepath.Join(dir, tc.file)); err != nil || st.Size() == 0 {
					t.Errorf("%s: %v", tc.file, err)
				}
			}
		})
	}
}
