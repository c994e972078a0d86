package data

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// DamagedError is ErrDamaged (backup.go) with what is wrong, for the log: a table, index or
// column the program needs is missing, or SQLite found the file corrupt.
type DamagedError struct{ What string }

func (e *DamagedError) Error() string { return fmt.Sprintf("%v: %s", ErrDamaged, e.What) }
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// IsReadOnly reports whether err comes from a database (or its folder) that may not be
// written: the file's permissions, a read-only disk or share.
func IsReadOnly(err error) bool {
	if errors.Is(err, ErrReadOnly) {
		return true
	}
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrReadonly
}

// IsDamaged reports whether err comes from a damaged database.
func IsDamaged(err error) bool {
	if errors.Is(err, ErrDamaged) {
		return true
	}
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// classify names what an error while opening means for the user. ours is true when the file's
// header marks it as a Handlingsplan database: then a corrupt page means a damaged database,
// not a foreign file.
func classify(err error, ours bool) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch {
	case se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrPerm ||
		se.Code == sqlite3.ErrIoErr && (se.SystemErrno != 0 && isReadOnly(se.SystemErrno)):
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	case ours && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB):
		return &DamagedError{What: err.Error()}
	case ours && se.Code == sqlite3.ErrError:
		// "no such table" and the like while migrating a file marked as ours.
		return &DamagedError{What: err.Error()}
	}
	return err
}

// schema is the tables, indexes, triggers and views of a database ("table plans", "index
// plans_uuid", …) with the columns of each table; SQLite's own objects are left out. Names and
// columns, not the CREATE text: SQLite's versions word a renamed table differently.
type schema map[string][]string

func schemaOf(q interface {
	Query(string, ...any) (*sql.Rows, error)
}) (schema, error) {
	rows, err := q.Query("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
	if err != nil {
		return nil, err
	}
	type obj struct{ typ, name string }
	var objs []obj
	for rows.Next() {
		var o obj
		if err := rows.Scan(&o.typ, &o.name); err != nil {
			rows.Close()
			return nil, err
		}
		objs = append(objs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := schema{}
	for _, o := range objs {
		var cols []string
		if o.typ == "table" {
			r, err := q.Query("SELECT name FROM pragma_table_info(?)", o.name)
			if err != nil {
				return nil, err
			}
			for r.Next() {
				var n string
				if err := r.Scan(&n); err != nil {
					r.Close()
					return nil, err
				}
				cols = append(cols, n)
			}
			r.Close()
		}
		out[o.typ+" "+o.name] = cols
	}
	return out, nil
}

// missingFrom lists what want has and have lacks: objects, and columns of tables.
func (want schema) missingFrom(have schema) []string {
	var out []string
	for obj, cols := range want {
		hc, ok := have[obj]
		if !ok {
			out = append(out, obj+" missing")
			continue
		}
		for _, c := range cols {
			if !slices.Contains(hc, c) {
				out = append(out, obj+": column "+c+" missing")
			}
		}
	}
	sort.Strings(out)
	return out
}

// checkSchema compares the schema of db with the one the migrations make in a fresh database:
// a table, index, trigger or column someone removed is named before a write fails on it
// halfway. What a user added is left alone.
func checkSchema(db *sql.DB, src fs.FS, names []string) error {
	have, err := schemaOf(db)
	if err != nil {
		return &DamagedError{What: err.Error()}
	}
	var want schema
	if src == fs.FS(migrationFS) {
		want, err = embeddedSchema()
	} else {
		want, err = expectedSchema(src, names)
	}
	if err != nil {
		return fmt.Errorf("expected schema: %w", err)
	}
	if missing := want.missingFrom(have); len(missing) > 0 {
		return &DamagedError{What: strings.Join(missing, "; ")}
	}
	return nil
}

// embeddedSchema is the schema of this binary's migrations, made once.
var embeddedSchema = sync.OnceValues(func() (schema, error) {
	names, err := migrations(migrationFS)
	if err != nil {
		return nil, err
	}
	return expectedSchema(migrationFS, names)
})

// expectedSchema runs the migrations in a database in memory and reads its schema.
func expectedSchema(src fs.FS, names []string) (schema, error) {
	db, err := sql.Open("sqlite3", "file::memory:?_foreign_keys=on")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	for _, n := range names {
		b, err := fs.ReadFile(src, n)
		if err != nil {
			return nil, err
		}
		if _, err := db.Exec(string(b)); err != nil {
			return nil, fmt.Errorf("migration %s: %w", n, err)
		}
	}
	return schemaOf(db)
}
