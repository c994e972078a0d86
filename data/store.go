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
	"strconv"
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
	q    querier   // reads: db, or the transaction of Atomically
	in   *sql.Tx   // set in the store Atomically hands out: every write joins it
	pin  *sql.Conn // keeps the -wal file (see open)
	path string
	lock *dbLock

	busyWait time.Duration   // how long a write waits for another program's write lock
	onBusy   func(p Program) // told once a write has waited busyNoteAfter
	shm      *os.File        // the -shm file, opened to name a program that holds a lock

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

// Open opens (or creates) the database at path for a command-line command: see OpenAs.
func Open(path, who string) (*Store, error) {
	return open(path, who, HolderCommand, migrationFS)
}

// OpenAs opens (or creates, mode 0600) the database at path, takes the instance lock on the
// file itself (a second program with the same file under any name is refused with a
// *LockedError saying whether h is a window or a command), checks the schema version before
// touching the file, migrates it and checks that its tables are all there. who is the name
// recorded in the audit log.
func OpenAs(path, who string, h Holder) (*Store, error) {
	return open(path, who, h, migrationFS)
}

// open is OpenAs with the migrations taken from src, so tests can run an upgrade.
func open(path, who string, h Holder, src fs.FS) (*Store, error) {
	names, err := migrations(src)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		if isReadOnly(err) {
			err = fmt.Errorf("%w: %v", ErrReadOnly, err)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	lk, err := lockDatabase(path, h)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ours, err := checkVersion(lk.db, path, len(names))
	if err != nil {
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	// FULL: a commit survives a power cut too, not only a crash; one fsync per edit is nothing at typing speed.
	q.Set("_synchronous", "FULL")
	// SQLite waits this long for another program's write lock before tx takes over, tells the
	// user it is waiting, and waits on (see Store.tx).
	q.Set("_busy_timeout", strconv.Itoa(int(busyNoteAfter/time.Millisecond)))
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", dsn(path, q))
	if err != nil {
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, q: db, path: path, lock: lk, who: who, now: time.Now, busyWait: defaultBusyWait}
	fail := func(err error) (*Store, error) {
		if s.pin != nil {
			s.pin.Close()
		}
		db.Close()
		s.closeShm()
		lk.release()
		return nil, fmt.Errorf("open %s: %w", path, classify(err, ours))
	}
	// One connection stays open for the store's life: SQLite removes the -wal file when its
	// last connection closes, and the lock on it must stay on the file in use.
	if s.pin, err = db.Conn(context.Background()); err != nil {
		return fail(err)
	}
	if err := s.migrate(src, names); err != nil {
		return fail(err)
	}
	if err := lk.lockWAL(path + "-wal"); err != nil {
		return fail(err)
	}
	if err := checkSchema(db, src, names); err != nil {
		return fail(err)
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
// file must not be touched at all. want is the schema version this binary knows; ours says
// the header marks the file as a Handlingsplan database. The header is read through f, the
// descriptor that holds the lock.
func checkVersion(f *os.File, path string, want int) (ours bool, err error) {
	var h [100]byte
	n, err := f.ReadAt(h[:], 0)
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		return false, nil // an empty file: a new database
	case n < len(h):
		return false, ErrForeign
	case string(h[:16]) != sqliteMagic:
		return false, ErrForeign
	}
	version := int(int32(binary.BigEndian.Uint32(h[60:64])))
	appID := binary.BigEndian.Uint32(h[68:72])
	switch {
	case appID == applicationID:
		return true, versionCheck(version, want)
	case appID != 0 || version != 0:
		return false, ErrForeign
	}
	// Unmarked: an empty database, another program's, or ours with its first migration
	// still in the WAL after a crash. Only SQLite can tell.
	return false, checkUnmarked(path, want)
}

// checkVersionAt is checkVersion for a file that is not open (a backup to check).
func checkVersionAt(path string, want int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = checkVersion(f, path, want)
	return err
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
	if s.in != nil {
		return errors.New("close: the store of Atomically ends with it")
	}
	s.pin.Close()
	err := s.db.Close()
	s.closeShm()
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

// querier is what reads need: the pool, or one transaction.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
	Exec(query string, args ...any) (sql.Result, error)
}

// Atomically runs fn with a store whose every read and write is part of one transaction:
// when fn returns an error (or the process dies) nothing it wrote is stored, else all of it.
// It is for work made of many store calls that must not be left half done, like the demo
// kommun. The store fn gets is valid only while fn runs, and must not be used by other
// goroutines meanwhile; other users of s wait for its write lock until fn returns.
func (s *Store) Atomically(fn func(*Store) error) error {
	if s.in != nil {
		return fn(s) // already one transaction
	}
	tx, err := s.begin()
	if err != nil {
		return err
	}
	s.mu.Lock()
	in := &Store{db: s.db, q: tx, in: tx, path: s.path, who: s.who, now: s.now, busyWait: s.busyWait}
	s.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(in); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// tx runs fn in one transaction: all of it is stored, or nothing. Inside Atomically it is a
// savepoint of that transaction, so a failed step still undoes only itself.
func (s *Store) tx(fn func(tx *sql.Tx) error) error {
	if s.in != nil {
		return s.savepoint(fn)
	}
	tx, err := s.begin()
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

func (s *Store) savepoint(fn func(tx *sql.Tx) error) error {
	if _, err := s.in.Exec("SAVEPOINT step"); err != nil {
		return err
	}
	if err := fn(s.in); err != nil {
		s.in.Exec("ROLLBACK TO step")
		s.in.Exec("RELEASE step")
		return err
	}
	_, err := s.in.Exec("RELEASE step")
	return err
}

// IntegrityCheck runs SQLite's integrity check and returns its answer ("ok" when sound).
func (s *Store) IntegrityCheck() (string, error) {
	var res string
	err := s.q.QueryRow("PRAGMA integrity_check").Scan(&res)
	return res, err
}

// ForeignKeyProblems counts the rows whose foreign key points at nothing (0 when sound).
func (s *Store) ForeignKeyProblems() (int, error) {
	var n int
	err := s.q.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&n)
	return n, err
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
	if err := s.q.QueryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&v); err != nil {
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
