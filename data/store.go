// Package data is the SQLite store. It owns every SQL statement of the app: schema and
// migrations (embedded), queries and writes. Every write runs in a transaction; field changes
// are recorded in the audit log in the same transaction.
package data

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// applicationID marks our databases ("HPLN"), so a foreign SQLite file is refused.
const applicationID = 0x48504c4e

// ErrNewer is returned (wrapped in *NewerError) for a database made by a newer version.
var ErrNewer = errors.New("database made by a newer version")

// ErrLocked means another instance of the app has the database open.
var ErrLocked = errors.New("database in use by another instance")

// ErrForeign means the file is not a Handlingsplan database (or not SQLite at all).
var ErrForeign = errors.New("not a Handlingsplan database")

// NewerError tells which schema version the file has and which this binary knows.
type NewerError struct{ Have, Want int }

func (e *NewerError) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this program's %d", e.Have, e.Want)
}
func (e *NewerError) Unwrap() error { return ErrNewer }

// Store is an open database.
type Store struct {
	db   *sql.DB
	path string
	lock *fileLock

	mu  sync.Mutex // guards who and now: the UI may rename the user while a write runs
	who string
	now func() time.Time
}

// migrations lists the migration files of src in the order they run.
func migrations(src fs.FS) ([]string, error) {
	names, err := fs.Glob(src, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// SchemaVersion is the number of migrations this binary has.
func SchemaVersion() int {
	m, _ := migrations(migrationFS)
	return len(m)
}

// DefaultPath is where the database lives when --db is not given.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find config directory: %w", err)
	}
	return filepath.Join(dir, "handlingsplan", "handlingsplan.db"), nil
}

// Open opens (or creates) the database at path, takes the instance lock, checks the schema
// version before touching the file, and migrates it. who is the name recorded in the audit log.
func Open(path, who string) (*Store, error) {
	return open(path, who, migrationFS)
}

// open is Open with the migrations taken from src, so tests can run an upgrade.
func open(path, who string, src fs.FS) (*Store, error) {
	names, err := migrations(src)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	lk, err := lockFile(path + ".lock")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := checkVersion(path, len(names)); err != nil {
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	// FULL: a commit survives a power cut too, not only a crash; one fsync per edit is nothing at typing speed.
	q.Set("_synchronous", "FULL")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", dsn(path, q))
	if err != nil {
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, lock: lk, who: who, now: time.Now}
	if err := s.migrate(src, names); err != nil {
		db.Close()
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// dsn is the SQLite URI of path. URI characters in the path are escaped, so that a folder
// named "#2" or "100%" does not cut the name short or lose the parameters.
func dsn(path string, params url.Values) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + esc.Replace(path) + "?" + params.Encode()
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// checkVersion decides from the file header alone whether the file may be opened: even a
// read-only SQLite connection leaves -wal and -shm files behind, and a newer or foreign
// file must not be touched at all. want is the schema version this binary knows.
func checkVersion(path string, want int) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		return nil // an empty file: a new database
	case errors.Is(err, io.ErrUnexpectedEOF):
		return ErrForeign
	case err != nil:
		return err
	case string(h[:16]) != sqliteMagic:
		return ErrForeign
	}
	version := int(int32(binary.BigEndian.Uint32(h[60:64])))
	appID := binary.BigEndian.Uint32(h[68:72])
	switch {
	case appID == applicationID:
		return versionCheck(version, want)
	case appID != 0 || version != 0:
		return ErrForeign
	}
	// Unmarked: an empty database, another program's, or ours with its first migration
	// still in the WAL after a crash. Only SQLite can tell.
	return checkUnmarked(path, want)
}

func versionCheck(have, want int) error {
	if have > want {
		return &NewerError{Have: have, Want: want}
	}
	return nil
}

// checkUnmarked accepts an unmarked SQLite file only when it has no tables, or when SQLite
// (which reads the WAL too) finds our application id.
func checkUnmarked(path string, want int) error {
	db, err := sql.Open("sqlite3", dsn(path, url.Values{"mode": {"ro"}}))
	if err != nil {
		return err
	}
	defer db.Close()
	version, appID, tables, err := identify(db)
	if err != nil {
		return err
	}
	return accept(version, appID, tables, want)
}

// identify reads what tells our databases from others.
func identify(q interface {
	QueryRow(string, ...any) *sql.Row
}) (version int, appID uint32, tables int, err error) {
	if err := q.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, 0, 0, foreign(err)
	}
	var id int64
	if err := q.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		return 0, 0, 0, foreign(err)
	}
	if err := q.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return 0, 0, 0, foreign(err)
	}
	return version, uint32(id), tables, nil
}

func accept(version int, appID uint32, tables, want int) error {
	switch {
	case appID == applicationID:
		return versionCheck(version, want)
	case appID == 0 && version == 0 && tables == 0:
		return nil
	}
	return ErrForeign
}

func foreign(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return ErrForeign
	}
	return err
}

// migrate runs the migrations the file has not had yet, each in its own transaction with the
// version bump, so a failed or interrupted migration leaves the previous version intact.
func (s *Store) migrate(fsys fs.FS, names []string) error {
	// Checked again on the real connection: it sees the WAL, which the header check cannot.
	version, appID, tables, err := identify(s.db)
	if err != nil {
		return err
	}
	if err := accept(version, appID, tables, len(names)); err != nil {
		return err
	}
	for i := version; i < len(names); i++ {
		src, err := fs.ReadFile(fsys, names[i])
		if err != nil {
			return err
		}
		err = s.tx(func(tx *sql.Tx) error {
			if _, err := tx.Exec(string(src)); err != nil {
				return fmt.Errorf("migration %s: %w", names[i], err)
			}
			if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
				return err
			}
			_, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", applicationID))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Close closes the database and releases the instance lock.
func (s *Store) Close() error {
	err := s.db.Close()
	s.lock.release()
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Who is the name recorded in the audit log.
func (s *Store) Who() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.who
}

// SetWho changes the name recorded in the audit log (e.g. the signer's name once known).
func (s *Store) SetWho(who string) {
	s.mu.Lock()
	s.who = who
	s.mu.Unlock()
}

// SetClock replaces the clock (tests).
func (s *Store) SetClock(now func() time.Time) {
	s.mu.Lock()
	s.now = now
	s.mu.Unlock()
}

// tx runs fn in one transaction: all of it is stored, or nothing.
func (s *Store) tx(fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	defer func() {
		// A panic must not leave the write lock held: every later write would wait for it.
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// IntegrityCheck runs SQLite's integrity check and returns its answer ("ok" when sound).
func (s *Store) IntegrityCheck() (string, error) {
	var res string
	err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res)
	return res, err
}

// IsDiskFull reports whether err comes from a full disk. SQLite says SQLITE_FULL when a write
// finds no space, but an I/O error with ENOSPC when growing its shared-memory or temporary files.
func IsDiskFull(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrFull || se.Code == sqlite3.ErrIoErr && se.SystemErrno == syscall.ENOSPC
	}
	return errors.Is(err, syscall.ENOSPC)
}

func (s *Store) stamp() string {
	s.mu.Lock()
	now := s.now
	s.mu.Unlock()
	return now().UTC().Format(time.RFC3339Nano)
}

// Setting returns a saved preference, or def when none is saved.
func (s *Store) Setting(key, def string) string {
	var v string
	if err := s.db.QueryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&v); err != nil {
		return def
	}
	return v
}

// SetSetting saves a preference.
func (s *Store) SetSetting(key, value string) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
		if err != nil {
			return fmt.Errorf("save setting %s: %w", key, err)
		}
		return nil
	})
}

// dates are stored as 'YYYY-MM-DD' or NULL.
func dateArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

func parseDate(ns sql.NullString) time.Time {
	if !ns.Valid || ns.String == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", ns.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

func datesArg(ts []time.Time) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		if !t.IsZero() {
			parts = append(parts, t.Format("2006-01-02"))
		}
	}
	return strings.Join(parts, ",")
}

func parseDates(s string) []time.Time {
	var out []time.Time
	for _, p := range strings.Split(s, ",") {
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(p)); err == nil {
			out = append(out, t)
		}
	}
	return out
}

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
