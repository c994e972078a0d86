// Package storemsg says in one sentence, in the user's language, what a database failure
// means and what to do: the database is in use, read-only, damaged, write-locked by another
// program, or newer than the program. The command line, the export, the import and the
// windows all take their sentence from here.
package storemsg

import (
	"errors"

	"handlingsplan/data"
	"handlingsplan/i18n"
)

// OpenText is the sentence for a database at path that could not be opened; known is false
// when it is the general sentence that cannot say why.
func OpenText(loc *i18n.Localizer, path string, err error) (text string, known bool) {
	var ne *data.NewerError
	var le *data.LockedError
	switch {
	case errors.As(err, &ne):
		return loc.Tf("err.db_newer", "Path", path, "Have", ne.Have, "Want", ne.Want), true
	case errors.As(err, &le) && le.Holder == data.HolderWindow:
		return loc.Tf("err.db_locked_window", "Path", path), true
	case errors.As(err, &le) && le.Holder == data.HolderCommand:
		return loc.Tf("err.db_locked_command", "Path", path), true
	case errors.Is(err, data.ErrLocked):
		return loc.Tf("err.db_locked", "Path", path), true
	case data.IsReadOnly(err):
		return loc.Tf("err.db_readonly", "Path", path), true
	case data.IsDamaged(err):
		return loc.Tf("err.db_damaged", "Path", path), true
	case errors.Is(err, data.ErrForeign):
		return loc.Tf("err.db_corrupt", "Path", path), true
	case data.IsDiskFull(err):
		return loc.Tf("err.db_disk_full", "Path", path), true
	}
	return loc.Tf("err.db_open", "Path", path), false
}

// Text is the sentence for a write or read of an open database that failed because of the
// database itself; ok is false for any other error, which the caller words.
func Text(loc *i18n.Localizer, err error) (text string, ok bool) {
	var be *data.BusyError
	switch {
	case errors.As(err, &be):
		return loc.Tf("err.store_busy", "Program", Program(loc, be.Holder)), true
	case Known(err):
		return loc.T(key(err)), true
	}
	return "", false
}

// Known reports whether Text has a sentence for err.
func Known(err error) bool { return errors.Is(err, data.ErrBusy) || key(err) != "" }

func key(err error) string {
	switch {
	case err == nil:
		return ""
	case data.IsReadOnly(err):
		return "err.store_readonly"
	case data.IsDamaged(err):
		return "err.store_damaged"
	case data.IsDiskFull(err):
		return "err.disk_full"
	}
	return ""
}

// Waiting is the note shown while a write waits for another program's write lock.
func Waiting(loc *i18n.Localizer, p data.Program) string {
	return loc.Tf("err.store_waiting", "Program", Program(loc, p))
}

// Program names a process as the user can look it up: "sqlite3, process 4711".
func Program(loc *i18n.Localizer, p data.Program) string {
	switch {
	case p.PID == 0:
		return loc.T("err.program_unknown")
	case p.Name == "":
		return loc.Tf("err.program_pid", "PID", p.PID)
	}
	return loc.Tf("err.program_named", "Name", p.Name, "PID", p.PID)
}
