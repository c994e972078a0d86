package data

import (
	"database/sql"
	"errors"
	"fmt"

	"handlingsplan/domain"
)

// SystemUpsert is one system of an imported register: a new one (ID 0), or one of the board's
// register (ID set) whose Fields take the values of System.
type SystemUpsert struct {
	System domain.System
	Fields []string // SetField names of the fields to write on an existing system
}

// UpsertSystems writes an imported register into board boardID's living register in one
// transaction: all of it, or nothing. New systems are added; existing ones get the listed fields,
// each change audited like an edit (a value already there is no change). It returns how many
// were added and changed.
func (s *Store) UpsertSystems(boardID int64, rows []SystemUpsert) (added, changed int, err error) {
	err = s.tx(func(tx *sql.Tx) error {
		for _, r := range rows {
			x := r.System
			if x.ID == 0 {
				id, err := insertSystem(tx, boardID, 0, x)
				if err != nil {
					return fmt.Errorf("add system %q: %w", x.Name, err)
				}
				if err := s.audit(tx, "system", id, "created", "", x.Name+" (import)"); err != nil {
					return err
				}
				added++
				continue
			}
			var owner int64
			if err := tx.QueryRow("SELECT board_id FROM systems WHERE id = ? AND plan_id IS NULL", x.ID).Scan(&owner); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					err = ErrNotFound
				}
				return fmt.Errorf("system %q: %w", x.Name, err)
			}
			if owner != boardID {
				return fmt.Errorf("system %q belongs to another board: %w", x.Name, ErrNotFound)
			}
			wrote := false
			for _, name := range r.Fields {
				f, ok := domain.FieldNamed("system", name)
				if !ok {
					return fmt.Errorf("system %q: %s is not a field of the register", x.Name, name)
				}
				v, _ := f.Value(&x)
				arg, text, err := toArg(f.Kind(), v)
				if err != nil {
					return fmt.Errorf("system %q %s: %w", x.Name, name, err)
				}
				var raw any
				if err := tx.QueryRow("SELECT "+column(f)+" FROM systems WHERE id = ?", x.ID).Scan(&raw); err != nil {
					return err
				}
				old := auditText(f.Kind(), raw)
				if old == text {
					continue
				}
				if _, err := tx.Exec("UPDATE systems SET "+column(f)+" = ? WHERE id = ?", arg, x.ID); err != nil {
					return fmt.Errorf("system %q: %w", x.Name, constraintProblem(err, "system", x.ID, name))
				}
				if err := s.audit(tx, "system", x.ID, name, old, text); err != nil {
					return err
				}
				wrote = true
			}
			if wrote {
				changed++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("import register: %w", err)
	}
	return added, changed, nil
}
