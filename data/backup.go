package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// ErrDamaged means a file is one of our databases but SQLite's integrity check finds it broken.
var ErrDamaged = errors.New("database damaged")

// Backup writes a consistent copy of the open database to dest with SQLite's online backup,
// while the app keeps running. The copy is a single file (no -wal beside it), checked before it
// replaces dest; a failure leaves dest as it was.
func (s *Store) Backup(dest string) error {
	if err := s.backupTo(dest); err != nil {
		return fmt.Errorf("back up %s to %s: %w", s.path, dest, err)
	}
	return nil
}

func (s *Store) backupTo(dest string) error {
	dir := filepath.Dir(dest)
	if same, err := sameFile(dest, s.path); err != nil {
		return err
	} else if same {
		return errors.New("the backup would replace the database itself")
	}
	tmp, err := os.CreateTemp(dir, ".handlingsplan-backup-*.db")
	if err != nil {
		return err
	}
	tmpPath := tmp.Name()
	tmp.Close()
	ok := false
	defer func() {
		if !ok {
			removeDB(tmpPath)
		}
	}()
	if err := copyDB(s.db, tmpPath); err != nil {
		return err
	}
	// The copy is checked as restore would check it: a backup that cannot be restored is none.
	if _, err := inspect(tmpPath, SchemaVersion()); err != nil {
		return err
	}
	if err := syncFile(tmpPath); err != nil {
		return err
	}
	if err := os.Rename(tmpPath, dest); err != nil {
		return err
	}
	ok = true
	syncDir(dir)
	return nil
}

// copyDB copies the database behind src into a new file at dest (SQLite's backup API: a
// consistent snapshot, even while other connections write) and leaves dest in rollback-journal
// mode, so that it is one self-contained file.
func copyDB(src *sql.DB, dest string) error {
	dst, err := sql.Open("sqlite3", dsn(dest, url.Values{"_busy_timeout": {"5000"}}))
	if err != nil {
		return err
	}
	defer dst.Close()
	if err := backupConn(dst, src); err != nil {
		return err
	}
	var mode string
	if err := dst.QueryRow("PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return err
	}
	return dst.Close()
}

// backupConn copies the main database of src over the main database of dst.
func backupConn(dst, src *sql.DB) error {
	ctx := context.Background()
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			dconn, ok1 := d.(*sqlite3.SQLiteConn)
			sconn, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not a SQLite connection")
			}
			b, err := dconn.Backup("main", sconn, "main")
			if err != nil {
				return err
			}
			_, stepErr := b.Step(-1)
			if err := b.Finish(); stepErr == nil {
				stepErr = err
			}
			return stepErr
		})
	})
}

// BackupInfo describes a database file that passed the checks restore makes.
type BackupInfo struct {
	SchemaVersion int // the file's; older ones are migrated when restored
	Boards, Plans int
	Integrity     string // "ok"
}

// CheckBackup checks that the file at path can be restored: it is a Handlingsplan database
// (application id), not made by a newer version (schema version), and sound (integrity and
// foreign-key check). It reads a private copy, so the file and its folder are left untouched.
func CheckBackup(path string) (BackupInfo, error) {
	dir, err := os.MkdirTemp("", "handlingsplan-check-")
	if err != nil {
		return BackupInfo{}, err
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "check.db")
	if err := copyFileSet(path, cp); err != nil {
		return BackupInfo{}, fmt.Errorf("check %s: %w", path, err)
	}
	info, err := inspect(cp, SchemaVersion())
	if err != nil {
		return BackupInfo{}, fmt.Errorf("check %s: %w", path, err)
	}
	return info, nil
}

// inspect makes restore's checks on a file it may change (a private copy or a new backup):
// the header, then SQLite's own view (which folds in a -wal file), integrity and foreign keys.
func inspect(path string, want int) (BackupInfo, error) {
	if st, err := os.Stat(path); err != nil {
		return BackupInfo{}, err
	} else if st.Size() == 0 {
		return BackupInfo{}, ErrForeign
	}
	if err := checkVersionAt(path, want); err != nil {
		return BackupInfo{}, err
	}
	db, err := sql.Open("sqlite3", dsn(path, url.Values{"_busy_timeout": {"5000"}}))
	if err != nil {
		return BackupInfo{}, err
	}
	defer db.Close()
	// The header says ours (checkVersion); from here a failure means a damaged file.
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return BackupInfo{}, damaged(err)
	}
	version, appID, _, err := identify(db)
	if err != nil {
		return BackupInfo{}, damaged(err)
	}
	if appID != applicationID || version < 1 {
		return BackupInfo{}, ErrForeign
	}
	if err := versionCheck(version, want); err != nil {
		return BackupInfo{}, err
	}
	info := BackupInfo{SchemaVersion: version}
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&info.Integrity); err != nil {
		return BackupInfo{}, damaged(err)
	}
	if info.Integrity != "ok" {
		return BackupInfo{}, fmt.Errorf("%w: %s", ErrDamaged, info.Integrity)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return BackupInfo{}, damaged(err)
	}
	bad := rows.Next()
	rows.Close()
	if bad {
		return BackupInfo{}, fmt.Errorf("%w: foreign key check failed", ErrDamaged)
	}
	if err := db.QueryRow("SELECT (SELECT count(*) FROM boards), (SELECT count(*) FROM plans)").Scan(&info.Boards, &info.Plans); err != nil {
		return BackupInfo{}, damaged(err)
	}
	return info, db.Close()
}

// Restore replaces everything in the open database with the backup at src, after checking
// the backup (see CheckBackup). The current content is first saved to keep (a new file, which
// must not exist yet), so a restore can itself be undone. The store stays open and locked
// throughout; an older backup is migrated to this program's schema.
func (s *Store) Restore(src, keep string) (BackupInfo, error) {
	info, err := s.restore(src, keep)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("restore %s from %s: %w", s.path, src, err)
	}
	return info, nil
}

func (s *Store) restore(src, keep string) (BackupInfo, error) {
	dir, err := os.MkdirTemp("", "handlingsplan-restore-")
	if err != nil {
		return BackupInfo{}, err
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "restore.db")
	if err := copyFileSet(src, cp); err != nil {
		return BackupInfo{}, err
	}
	info, err := inspect(cp, SchemaVersion())
	if err != nil {
		return BackupInfo{}, err
	}
	if err := s.matchPageSize(cp); err != nil {
		return BackupInfo{}, err
	}
	if _, err := os.Lstat(keep); err == nil {
		return BackupInfo{}, fmt.Errorf("%s exists already", keep)
	}
	if err := s.Backup(keep); err != nil {
		return BackupInfo{}, err
	}
	from, err := sql.Open("sqlite3", dsn(cp, url.Values{"mode": {"ro"}}))
	if err != nil {
		return BackupInfo{}, err
	}
	defer from.Close()
	// One step: SQLite copies every page in one write transaction, so a failure changes nothing.
	if err := backupConn(s.db, from); err != nil {
		return BackupInfo{}, err
	}
	names, err := migrations(migrationFS)
	if err != nil {
		return BackupInfo{}, err
	}
	if err := s.migrate(migrationFS, names); err != nil {
		return BackupInfo{}, err
	}
	res, err := s.IntegrityCheck()
	if err != nil {
		return BackupInfo{}, err
	}
	if res != "ok" {
		return BackupInfo{}, fmt.Errorf("%w after restore: %s", ErrDamaged, res)
	}
	return info, nil
}

// matchPageSize rewrites the private copy at path with the open database's page size: SQLite
// cannot change a WAL database's page size, so the backup API would refuse a different one.
func (s *Store) matchPageSize(path string) error {
	var want, have int
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&want); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", dsn(path, nil))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.QueryRow("PRAGMA page_size").Scan(&have); err != nil {
		return err
	}
	if have == want {
		return nil
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA page_size = %d", want)); err != nil {
		return err
	}
	if _, err := db.Exec("VACUUM"); err != nil {
		return err
	}
	return db.Close()
}

// copyFileSet copies a database file and, when there is one, its -wal file (a copy of a
// database another program still had open holds its last commits there).
func copyFileSet(src, dst string) error {
	if err := copyFile(src, dst); err != nil {
		return err
	}
	if err := copyFile(src+"-wal", dst+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if st, err := in.Stat(); err != nil {
		return err
	} else if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a file", src)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// sameFile reports whether a and b name one existing file (also through links).
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable where the system allows it (not on Windows, where a
// folder cannot be opened for syncing; NTFS journals the rename itself).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// removeDB removes a database file with its journal files.
func removeDB(path string) {
	for _, suf := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suf)
	}
}

// damaged marks a failure to read a file whose header is ours as damage: everything but a
// full disk or a missing permission, which the caller reports as what it is.
func damaged(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrError) {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if errors.Is(err, ErrForeign) {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return err
}

// IsBackupRefused reports whether err is a check that failed (a foreign, newer or damaged
// file) rather than an I/O error.
func IsBackupRefused(err error) bool {
	return errors.Is(err, ErrForeign) || errors.Is(err, ErrNewer) || errors.Is(err, ErrDamaged)
}

// KeepName is the file a restore keeps the current database in: beside it, named by the time.
func KeepName(dbPath, stamp string) string {
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	return filepath.Join(filepath.Dir(dbPath), base+"-before-restore-"+stamp+".db")
}
