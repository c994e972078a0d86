package data

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"

	"handlingsplan/domain"
)

func TestIsDiskFull(t *testing.T) {
	s := newStore(t)
	// A real constraint failure from the store, wrapped as callers see it.
	s.AddBoard("Dubblett")
	_, errDup := s.AddBoard("Dubblett")
	_, errRaw := s.db.Exec("INSERT INTO boards(name) VALUES('')")
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"plain", errors.New("database or disk is full"), false},
		{"not found", fmt.Errorf("plan 3: %w", ErrNotFound), false},
		{"problem", errDup, false},
		{"sqlite constraint", errRaw, false},
		{"sqlite busy", sqlite3.Error{Code: sqlite3.ErrBusy}, false},
		{"sqlite full", sqlite3.Error{Code: sqlite3.ErrFull}, true},
		{"wrapped full", fmt.Errorf("save: %w", fmt.Errorf("tx: %w", sqlite3.Error{Code: sqlite3.ErrFull})), true},
		{"sqlite I/O error, no space", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, true},
		{"sqlite I/O error, other", sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.EIO}, false},
		{"file write, no space", fmt.Errorf("export: %w", &os.PathError{Op: "write", Path: "plan.pdf", Err: syscall.ENOSPC}), true},
		{"file write, other", &os.PathError{Op: "write", Path: "plan.pdf", Err: syscall.EACCES}, false},
	}
	for _, tc := range tests {
		if got := IsDiskFull(tc.err); got != tc.want {
			t.Errorf("%s: IsDiskFull(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

// A full disk, made real with max_page_count, reaches the caller recognisable through the
// store's wrapping, and the failed write leaves nothing behind.
func TestDiskFullFromStore(t *testing.T) {
	s := newStore(t)
	board, _ := s.AddBoard("Tekniska nämnden")
	planID, err := s.AddPlan(domain.Plan{BoardID: board, Year: 2027})
	if err != nil {
		t.Fatal(err)
	}
	s.db.SetMaxOpenConns(2) // max_page_count is per connection: the pinned one and this one
	pages := pragma[int](t, s.db, "page_count")
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("Lång beskrivning. ", 50000)
	_, err = s.AddActivity(planID, domain.Activity{Title: "Stor", Description: big})
	if !IsDiskFull(err) {
		t.Fatalf("AddActivity on a full disk: err = %v, IsDiskFull false", err)
	}
	if err := s.SetSetting("note", big); !IsDiskFull(err) {
		t.Errorf("SetSetting on a full disk: err = %v, IsDiskFull false", err)
	}
	acts, err := s.Activities(planID)
	if err != nil || len(acts) != 0 {
		t.Errorf("after the failed write: %d activities, %v", len(acts), err)
	}
}
