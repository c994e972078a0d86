package data

import (
	"database/sql"
	"errors"
	"fmt"

	"handlingsplan/domain"
)

// unparsedText is the text typed into a number field that is no value, if any.
func unparsedText(tx *sql.Tx, entity string, id int64, field string) (string, bool, error) {
	var text string
	err := tx.QueryRow("SELECT text FROM unparsed_input WHERE entity = ? AND entity_id = ? AND field = ?", entity, id, field).Scan(&text)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, err
	}
	return text, true, nil
}

// Unparsed lists what was typed into the number fields of plan planID's rows and is no value.
func (s *Store) Unparsed(planID int64) ([]domain.Unparsed, error) {
	rows, err := s.q.Query("SELECT entity, entity_id, field, text FROM unparsed_input WHERE plan_id = ? ORDER BY entity, entity_id, field", planID)
	if err != nil {
		return nil, fmt.Errorf("typed input of plan %d: %w", planID, err)
	}
	defer rows.Close()
	var out []domain.Unparsed
	for rows.Next() {
		var u domain.Unparsed
		if err := rows.Scan(&u.Entity, &u.EntityID, &u.Field, &u.Text); err != nil {
			return nil, fmt.Errorf("typed input of plan %d: %w", planID, err)
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("typed input of plan %d: %w", planID, err)
	}
	return out, nil
}
