package storemsg

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"

	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Each kind of database failure gets its own sentence, in both languages, wrapped or not;
// anything else is left to the caller.
func TestText(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		loc := i18n.New(lang)
		sqlite := &data.Program{PID: 4711, Name: "sqlite3"}
		tests := []struct {
			name string
			err  error
			want string
		}{
			{"busy, named", fmt.Errorf("save: %w", &data.BusyError{Holder: *sqlite}), loc.Tf("err.store_busy", "Program", loc.Tf("err.program_named", "Name", "sqlite3", "PID", 4711))},
			{"busy, unknown", &data.BusyError{}, loc.Tf("err.store_busy", "Program", loc.T("err.program_unknown"))},
			{"read-only file", sqlite3.Error{Code: sqlite3.ErrReadonly}, loc.T("err.store_readonly")},
			{"read-only at open", fmt.Errorf("open: %w", data.ErrReadOnly), loc.T("err.store_readonly")},
			{"corrupt page", fmt.Errorf("read: %w", sqlite3.Error{Code: sqlite3.ErrCorrupt}), loc.T("err.store_damaged")},
			{"schema damaged", &data.DamagedError{What: "table plans missing"}, loc.T("err.store_damaged")},
			{"disk full", sqlite3.Error{Code: sqlite3.ErrFull}, loc.T("err.disk_full")},
			{"joined", errors.Join(errors.New("log"), sqlite3.Error{Code: sqlite3.ErrReadonly}), loc.T("err.store_readonly")},
			{"other", &os.PathError{Op: "write", Path: "x", Err: syscall.EIO}, ""},
			{"nil", nil, ""},
		}
		for _, tc := range tests {
			got, ok := Text(loc, tc.err)
			if got != tc.want || ok != (tc.want != "") || Known(tc.err) != ok {
				t.Errorf("%s %s: %q %v, want %q", lang, tc.name, got, ok, tc.want)
			}
		}
		// At open, the sentence names the file.
		for _, tc := range []struct {
			err error
			key string
		}{
			{&data.LockedError{Holder: data.HolderWindow}, "err.db_locked_window"},
			{&data.LockedError{Holder: data.HolderCommand}, "err.db_locked_command"},
			{&data.LockedError{}, "err.db_locked"},
			{fmt.Errorf("open: %w", data.ErrReadOnly), "err.db_readonly"},
			{&data.DamagedError{What: "x"}, "err.db_damaged"},
			{data.ErrForeign, "err.db_corrupt"},
			{errors.New("other"), "err.db_open"},
		} {
			got, known := OpenText(loc, "/tmp/h.db", tc.err)
			if got != loc.Tf(tc.key, "Path", "/tmp/h.db") || known != (tc.key != "err.db_open") {
				t.Errorf("%s OpenText(%v) = %q, want %s", lang, tc.err, got, tc.key)
			}
		}
	}
}
