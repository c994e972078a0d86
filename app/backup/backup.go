// Package backup is the use case behind "Säkerhetskopiera" and "Återställ" (the Settings view
// and `handlingsplan backup|restore`): a copy of the whole database while the app runs, and a
// restore that checks the file before it replaces anything and keeps what it replaces.
package backup

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Extension is the backup file's extension (a backup is a Handlingsplan database).
const Extension = ".db"

// SuggestedName is the file name offered for a backup made at now.
func SuggestedName(now time.Time) string {
	return "handlingsplan-" + now.Format("2006-01-02") + Extension
}

// Save writes a backup of the open database to dest (replacing a file there).
func Save(s *data.Store, dest string) error { return s.Backup(dest) }

// Result is what a restore did.
type Result struct {
	Kept string          // the file with the database as it was before the restore
	Info data.BackupInfo // what the restored file held
}

// Restore replaces the open database with the backup at src; the database as it was is kept
// in a file beside it, named by the time now.
func Restore(s *data.Store, src string, now time.Time) (Result, error) {
	keep := data.KeepName(s.Path(), now.Format("20060102-150405"))
	info, err := s.Restore(src, keep)
	if err != nil {
		return Result{}, err
	}
	return Result{Kept: keep, Info: info}, nil
}

// Check tells whether src could be restored and what it holds, without changing anything.
func Check(src string) (data.BackupInfo, error) { return data.CheckBackup(src) }

// ErrorText is the one sentence the user reads for a failed backup (restore false) or restore
// of path; known is false when it cannot say why (the cause is then worth logging).
func ErrorText(loc *i18n.Localizer, err error, path string, restore bool) (text string, known bool) {
	var ne *data.NewerError
	switch {
	case errors.As(err, &ne):
		return loc.Tf("backup.err.newer", "Path", path), true
	case errors.Is(err, data.ErrDamaged):
		return loc.Tf("backup.err.damaged", "Path", path), true
	case errors.Is(err, data.ErrForeign):
		return loc.Tf("backup.err.foreign", "Path", path), true
	case data.IsDiskFull(err):
		return loc.Tf("backup.err.disk_full", "Path", filepath.Dir(path)), true
	case errors.Is(err, os.ErrNotExist) && restore:
		return loc.Tf("backup.err.missing", "Path", path), true
	case errors.Is(err, os.ErrPermission):
		return loc.Tf("backup.err.permission", "Path", path), true
	}
	if restore {
		return loc.Tf("backup.err.restore", "Path", path), false
	}
	return loc.Tf("backup.err.save", "Path", path), false
}
