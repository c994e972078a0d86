package registerimport

import (
	"errors"
	"fmt"

	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// Summary is what an import did.
type Summary struct {
	Added, Changed, Unchanged, Refused int
}

// Load is the dry run of file name for board boardID: the file read, mapped (m nil: guessed from
// the headers) and every row judged against the board's register and the profile's scale.
func Load(store *data.Store, boardID int64, name string, b []byte, m Mapping) (Table, Mapping, Plan, error) {
	t, err := Read(name, b)
	if err != nil {
		return Table{}, nil, Plan{}, err
	}
	if m == nil {
		m = Guess(t.Header)
	}
	p, err := PrepareFor(store, boardID, t, m)
	return t, m, p, err
}

// PrepareFor is Prepare against the board's register and the profile's scale in store.
func PrepareFor(store *data.Store, boardID int64, t Table, m Mapping) (Plan, error) {
	register, err := store.Systems(boardID, 0)
	if err != nil {
		return Plan{}, fmt.Errorf("import register: %w", err)
	}
	var scale []domain.ClassLevel
	if prof, err := store.Profile(); err == nil {
		scale = prof.Scale
	}
	return Prepare(t, m, scale, register)
}

// Apply writes the good rows of p into the board's register in one transaction (nothing when
// it fails); refused rows are left out.
func Apply(store *data.Store, boardID int64, p Plan) (Summary, error) {
	var rows []data.SystemUpsert
	sum := Summary{Unchanged: p.Unchanged, Refused: p.Refused}
	for _, r := range p.Rows {
		switch r.State {
		case RowNew:
			x := r.System
			x.ID = 0
			rows = append(rows, data.SystemUpsert{System: x})
		case RowChanged:
			var fields []string
			for _, f := range r.Changes {
				fields = append(fields, string(f))
			}
			rows = append(rows, data.SystemUpsert{System: r.System, Fields: fields})
		}
	}
	added, changed, err := store.UpsertSystems(boardID, rows)
	if err != nil {
		return Summary{}, err
	}
	sum.Added, sum.Changed = added, changed
	return sum, nil
}

// ErrorText is one row error as a sentence: the row, the column and why.
func ErrorText(loc *i18n.Localizer, r Row, e RowError, header string) string {
	return loc.Tf("registerimport.row", "Line", r.Line, "Column", header, "Text", loc.Tf(e.Key, "Value", e.Value))
}

// FieldName is a field's name in the register form, for the mapping step and messages.
func FieldName(loc *i18n.Localizer, f Field) string {
	if f == Ignore {
		return loc.T("registerimport.field.ignore")
	}
	return loc.T("registerimport.field." + string(f))
}

// ReadErrorText is the sentence for a file Read refused.
func ReadErrorText(loc *i18n.Localizer, name string, err error) string {
	switch {
	case errors.Is(err, ErrEmpty):
		return loc.Tf("registerimport.err.empty", "Path", name)
	case errors.Is(err, ErrTooLarge):
		return loc.Tf("registerimport.err.large", "Path", name)
	}
	return loc.Tf("registerimport.err.format", "Path", name)
}
