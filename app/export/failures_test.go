package export

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"handlingsplan/app/identity"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

func TestUnwritableOutput(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	dir := t.TempDir()
	tests := []struct {
		name string
		out  string
	}{
		{"missing folder", filepath.Join(dir, "no-such-folder", "plan.pdf")},
		{"a folder", dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Export(s, pid, id, opts(t, tt.out))
			var we *WriteError
			if !errors.As(err, &we) {
				t.Fatalf("err = %v, want a WriteError", err)
			}
			if text := ErrorText(i18n.New(i18n.Swedish), err); !strings.Contains(text, "kunde inte sparas") {
				t.Errorf("error text %q", text)
			}
			if p, _ := s.Plan(pid); p.Status == domain.PlanSigned || p.Version != 0 {
				t.Errorf("plan marked %s v%d although nothing was written", p.Status, p.Version)
			}
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// fullDisk is a temporary file on a disk that fills up after limit bytes.
type fullDisk struct {
	*os.File
	limit int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.File.Write(p[:f.limit])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

func TestWriteFileDiskFull(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Handlingsplan 2027.pdf")
	old := []byte("%PDF-1.7 the earlier version")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	full := func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		return &fullDisk{File: f, limit: 1000}, err
	}
	err := writeFile(path, bytes.Repeat([]byte("x"), 5000), full)
	var we *WriteError
	if !errors.As(err, &we) || !we.DiskFull() {
		t.Fatalf("err = %v, want a disk-full WriteError", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("the earlier file was changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the earlier file", len(entries))
	}
	for _, lang := range i18n.Langs {
		text := ErrorText(i18n.New(lang), err)
		if !strings.Contains(text, path) || strings.Contains(text, "no space") {
			t.Errorf("%s: %q", lang, text)
		}
	}
	// And a write that succeeds replaces it whole, readable by the user only (issue 13).
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("after rewrite: %q", got)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

func TestExportPreconditions(t *testing.T) {
	s := demoStore(t)
	id := signer(t)
	pid := planID(t, s, "Socialnämnden", 2027)
	out := filepath.Join(t.TempDir(), "p.pdf")
	tests := []struct {
		name string
		opt  func(*Options)
		id   *identity.Identity
		want error
	}{
		{"no output", func(o *Options) { o.Out = "" }, id, ErrNoOutput},
		{"certificate expired", func(o *Options) { o.Now = id.Cert.NotAfter.Add(time.Hour) }, id, ErrCertExpired},
		{"certificate not yet valid", func(o *Options) { o.Now = id.Cert.NotBefore.Add(-time.Hour) }, id, ErrCertExpired},
		{"no plan", func(o *Options) {}, id, data.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts(t, out)
			tt.opt(&o)
			p := pid
			if tt.name == "no plan" {
				p = 99999
			}
			_, err := Export(s, p, tt.id, o)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if tt.want == ErrNoOutput {
				return // a programming error: the general sentence is right
			}
			if text := ErrorText(i18n.New(i18n.Swedish), err); text == "" || strings.Contains(text, "⟦") || text == i18n.New(i18n.Swedish).T("export.err.failed") {
				t.Errorf("error text %q", text)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed export wrote the file")
	}
}

func TestErrorText(t *testing.T) {
	loc := i18n.New(i18n.English)
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{ErrBlocking, loc.T("export.err.blocking")},
		{&WriteError{Path: "/x/p.pdf", Err: syscall.ENOSPC}, "disk is full"},
		{&WriteError{Path: "/x/p.pdf", Err: fs.ErrPermission}, "/x"},
		{&WriteError{Path: "/x/p.pdf", Err: fs.ErrNotExist}, "/x/p.pdf could not be saved"},
		{identity.ErrWrongPassphrase, loc.T("identity.err.wrong_passphrase")},
		{errors.New("something odd"), loc.T("export.err.failed")},
	}
	for _, tt := range tests {
		if got := ErrorText(loc, tt.err); !strings.Contains(got, tt.want) || (tt.want == "" && got != "") {
			t.Errorf("ErrorText(%v) = %q, want it to contain %q", tt.err, got, tt.want)
		}
	}
}
