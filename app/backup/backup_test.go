package backup

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"handlingsplan/data"
	"handlingsplan/i18n"
)

func TestErrorText(t *testing.T) {
	sv := i18n.New(i18n.Swedish)
	p := filepath.Join("Säkerhetskopior", "hp.db")
	wrap := func(err error) error { return fmt.Errorf("restore x from %s: %w", p, err) }
	cases := []struct {
		name    string
		err     error
		restore bool
		key     string
		known   bool
	}{
		{"newer", wrap(&data.NewerError{Have: 9, Want: 4}), true, "backup.err.newer", true},
		{"damaged", wrap(fmt.Errorf("%w: page 3", data.ErrDamaged)), true, "backup.err.damaged", true},
		{"foreign", wrap(data.ErrForeign), true, "backup.err.foreign", true},
		{"disk full", wrap(syscall.ENOSPC), false, "backup.err.disk_full", true},
		{"missing on restore", wrap(fs.ErrNotExist), true, "backup.err.missing", true},
		{"permission", wrap(fs.ErrPermission), false, "backup.err.permission", true},
		{"other, backup", wrap(errors.New("boom")), false, "backup.err.save", false},
		{"other, restore", wrap(errors.New("boom")), true, "backup.err.restore", false},
	}
	for _, c := range cases {
		text, known := ErrorText(sv, c.err, p, c.restore)
		arg := p
		if c.key == "backup.err.disk_full" {
			arg = filepath.Dir(p)
		}
		if want := sv.Tf(c.key, "Path", arg); text != want || known != c.known {
			t.Errorf("%s: %q %v, want %q %v", c.name, text, known, want, c.known)
		}
	}
}

func TestSuggestedName(t *testing.T) {
	if got := SuggestedName(time.Date(2026, 12, 4, 23, 59, 0, 0, time.UTC)); got != "handlingsplan-2026-12-04.db" {
		t.Errorf("%q", got)
	}
}

// Restore keeps the replaced database beside it, named by the time.
func TestRestoreKeepsBeside(t *testing.T) {
	dir := t.TempDir()
	s, err := data.Open(filepath.Join(dir, "hp.db"), "test")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := filepath.Join(dir, "b.db")
	if err := Save(s, b); err != nil {
		t.Fatal(err)
	}
	res, err := Restore(s, b, time.Date(2026, 12, 4, 17, 1, 2, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "hp-before-restore-20261204-170102.db"); res.Kept != want {
		t.Errorf("kept %q, want %q", res.Kept, want)
	}
}
