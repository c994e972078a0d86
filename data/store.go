// Package data is the SQLite store. It owns every SQL statement of the app: schema and
// migrations (embedded), queries and writes. Every write runs in a transaction; field changes
// are recorded in the audit log in the same transaction.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	who  string
	now  func() time.Time
}

func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// SchemaVersion is the number of migrations this binary has.
func SchemaVersion() int {
	m, _ := migrations()
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
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	lk, err := lockFile(path + ".lock")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := checkVersion(path); err != nil {
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, lock: lk, who: who, now: time.Now}
	if err := s.migrate(); err != nil {
		db.Close()
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// checkVersion reads the schema version read-only, so a newer or foreign file is not touched.
func checkVersion(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && st.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var version, appID int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return foreign(err)
	}
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return foreign(err)
	}
	if appID != applicationID && !(appID == 0 && version == 0) {
		return ErrForeign
	}
	if want := SchemaVersion(); version > want {
		return &NewerError{Have: version, Want: want}
	}
	return nil
}

func foreign(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return ErrForeign
	}
	return err
}

func (s *Store) migrate() error {
	names, err := migrations()
	if err != nil {
		return err
	}
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return foreign(err)
	}
	for i := version; i < len(names); i++ {
		src, err := fs.ReadFile(migrationFS, names[i])
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
func (s *Store) Who() string { return s.who }

// SetWho changes the name recorded in the audit log (e.g. the signer's name once known).
func (s *Store) SetWho(who string) { s.who = who }

// SetClock replaces the clock (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// tx runs fn in one transaction: all of it is stored, or nothing.
func (s *Store) tx(fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
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

// IsDiskFull reports whether err comes from a full disk.
func IsDiskFull(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrFull
}

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339Nano) }

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
