package registerimport

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"handlingsplan/domain"
)

// RowError is why one value of a row cannot be imported, as a message key with its data.
type RowError struct {
	Field Field
	Key   string // message key, e.g. "registerimport.err.level"
	Value string // the cell as the file has it
}

// RowState is what importing a row does.
type RowState string

const (
	RowNew       RowState = "new"       // a system the register does not have yet
	RowChanged   RowState = "changed"   // a system of the register whose fields the row changes
	RowUnchanged RowState = "unchanged" // a system of the register the row says nothing new of
	RowRefused   RowState = "refused"   // a row with errors: not imported
)

// Row is one data row of the file as the dry run judges it.
type Row struct {
	Line   int // the spreadsheet's row number
	Name   string
	State  RowState
	Errors []RowError
	// System is the row's system: the register's own (ID set) with the row's values over it, or a
	// new one. Set lists the fields the row gives a value (an empty cell leaves a field as it is).
	System domain.System
	Set    []Field
	// Changes lists the fields whose value the row changes of an existing system.
	Changes []Field
}

// Plan is the dry run of a file: every row with what importing it does.
type Plan struct {
	Rows []Row
	// Counts by state.
	New, Changed, Unchanged, Refused int
}

// Good reports whether the row can be imported.
func (r Row) Good() bool { return r.State != RowRefused }

// Prepare judges every row of t under mapping m against the board's register: what it would
// add or change, or why it cannot be imported. scale gives the level names a cell may use
// ("Allvarlig" for 3). Nothing is stored.
func Prepare(t Table, m Mapping, scale []domain.ClassLevel, register []domain.System) (Plan, error) {
	if err := m.Check(); err != nil {
		return Plan{}, err
	}
	byName := map[string]domain.System{}
	for _, s := range register {
		byName[nameKey(s.Name)] = s
	}
	seen := map[string]int{}
	serial := serialNone // a CSV holds dates as text; an XLSX date cell is a day number
	switch t.Format {
	case "xlsx":
		serial = serial1900
	case "xlsx1904":
		serial = serial1904
	}
	var p Plan
	for i := range t.Rows {
		r := Row{Line: t.Lines[i]}
		name := strings.TrimSpace(t.Cell(i, m.Column("name")))
		r.Name = name
		existing, found := byName[nameKey(name)]
		sys := domain.System{Confidentiality: -1, Integrity: -1, Availability: -1, Traceability: -1, SecurityPlan: domain.SecurityPlanNone}
		if found {
			sys = existing
		}
		switch {
		case name == "":
			r.Errors = append(r.Errors, RowError{Field: "name", Key: "registerimport.err.no_name"})
		case utf8.RuneCountInString(name) > 200:
			r.Errors = append(r.Errors, RowError{Field: "name", Key: "registerimport.err.too_long", Value: name})
		case seen[nameKey(name)] != 0:
			r.Errors = append(r.Errors, RowError{Field: "name", Key: "registerimport.err.duplicate", Value: strconv.Itoa(seen[nameKey(name)])})
		default:
			seen[nameKey(name)] = r.Line
		}
		sys.Name = name
		for c, f := range m {
			if f == Ignore || f == "name" {
				continue
			}
			cell := t.Cell(i, c)
			if cell == "" {
				continue
			}
			if e := setField(&sys, f, cell, scale, serial); e != nil {
				r.Errors = append(r.Errors, *e)
				continue
			}
			r.Set = append(r.Set, f)
		}
		r.System = sys
		switch {
		case len(r.Errors) > 0:
			r.State = RowRefused
			p.Refused++
		case !found:
			r.State = RowNew
			p.New++
		default:
			r.Changes = changes(existing, sys, r.Set)
			if existing.Name != sys.Name {
				r.Changes = append([]Field{"name"}, r.Changes...) // the file's spelling of the name
			}
			if len(r.Changes) == 0 {
				r.State = RowUnchanged
				p.Unchanged++
			} else {
				r.State = RowChanged
				p.Changed++
			}
		}
		p.Rows = append(p.Rows, r)
	}
	return p, nil
}

// nameKey is how a name is matched to the register: without case and surrounding spaces.
func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// changes lists the fields of set whose value differs between a and b.
func changes(a, b domain.System, set []Field) []Field {
	var out []Field
	for _, f := range set {
		if fmt.Sprint(Value(a, f)) != fmt.Sprint(Value(b, f)) {
			out = append(out, f)
		}
	}
	return out
}

// Value is field f of s in the type data's SetField takes.
func Value(s domain.System, f Field) any {
	switch f {
	case "name":
		return s.Name
	case "owner":
		return s.Owner
	case "description":
		return s.Description
	case "confidentiality":
		return int64(s.Confidentiality)
	case "integrity":
		return int64(s.Integrity)
	case "availability":
		return int64(s.Availability)
	case "traceability":
		return int64(s.Traceability)
	case "classified_at":
		return s.ClassifiedAt
	case "baseline_met":
		return s.BaselineMet
	case "security_plan":
		return string(s.SecurityPlan)
	case "security_plan_at":
		return s.SecurityPlanAt
	case "risk_analysis_at":
		return s.RiskAnalysisAt
	case "continuity_at":
		return s.ContinuityAt
	case "recovery_at":
		return s.RecoveryAt
	case "sensitive":
		return s.Sensitive
	}
	return nil
}

// setField reads one cell into field f of s.
func setField(s *domain.System, f Field, cell string, scale []domain.ClassLevel, serial serialDates) *RowError {
	bad := func(key string) *RowError { return &RowError{Field: f, Key: key, Value: cell} }
	switch f {
	case "owner", "description":
		if utf8.RuneCountInString(cell) > 2000 {
			return bad("registerimport.err.too_long")
		}
		if f == "owner" {
			s.Owner = cell
		} else {
			s.Description = cell
		}
	case "confidentiality", "integrity", "availability", "traceability":
		n, ok := parseLevel(cell, scale)
		if !ok {
			return bad("registerimport.err.level")
		}
		switch f {
		case "confidentiality":
			s.Confidentiality = n
		case "integrity":
			s.Integrity = n
		case "availability":
			s.Availability = n
		default:
			s.Traceability = n
		}
	case "baseline_met", "sensitive":
		b, ok := parseBool(cell)
		if !ok {
			return bad("registerimport.err.bool")
		}
		if f == "baseline_met" {
			s.BaselineMet = b
		} else {
			s.Sensitive = b
		}
	case "security_plan":
		p, ok := parsePlan(cell)
		if !ok {
			return bad("registerimport.err.plan")
		}
		s.SecurityPlan = p
	default: // the dates
		d, ok := parseDate(cell, serial)
		if !ok {
			return bad("registerimport.err.date")
		}
		switch f {
		case "classified_at":
			s.ClassifiedAt = d
		case "security_plan_at":
			s.SecurityPlanAt = d
		case "risk_analysis_at":
			s.RiskAnalysisAt = d
		case "continuity_at":
			s.ContinuityAt = d
		default:
			s.RecoveryAt = d
		}
	}
	return nil
}

// parseLevel reads a classification level: "3", "3 Allvarlig", "Allvarlig" (the profile's
// name for it), or "-", "–", "ej klassad" for not classified.
func parseLevel(cell string, scale []domain.ClassLevel) (int, bool) {
	c := fold(cell)
	switch {
	case strings.Trim(cell, "-–— ") == "":
		return -1, true
	case c == "":
		return 0, false
	case c == "ej klassad", c == "ej klassat", c == "inte klassad", c == "not classified":
		return -1, true
	}
	raw := strings.Fields(strings.TrimSpace(cell))
	if n, err := strconv.Atoi(raw[0]); err == nil {
		if n == -1 && len(raw) == 1 {
			return -1, true
		}
		_, rest, _ := strings.Cut(c, " ")
		if n < 0 || n > 4 {
			return 0, false
		}
		if rest == "" {
			return n, true
		}
		for _, l := range scale {
			if l.Level == n && fold(l.Name) == rest {
				return n, true
			}
		}
		return 0, false
	}
	for _, l := range scale {
		if fold(l.Name) == c && l.Level >= 0 && l.Level <= 4 {
			return l.Level, true
		}
	}
	return 0, false
}

func parseBool(cell string) (bool, bool) {
	switch fold(cell) {
	case "ja", "j", "x", "yes", "y", "true", "sant", "1", "uppfylld", "klarar":
		return true, true
	case "nej", "n", "no", "false", "falskt", "0", "ej uppfylld", "klarar inte":
		return false, true
	}
	return false, false
}

func parsePlan(cell string) (domain.SecurityPlanLevel, bool) {
	switch fold(cell) {
	case "ingen", "saknas", "nej", "none", "no", "0":
		return domain.SecurityPlanNone, true
	case "bas", "base", "basic", "systemsakerhetsplan bas", "ja":
		return domain.SecurityPlanBase, true
	case "fordjupad", "deepened", "fordjupad systemsakerhetsplan", "extended":
		return domain.SecurityPlanDeepened, true
	}
	return "", false
}

// serialDates says whether a number in a date column is an Excel day number, and from when.
type serialDates int

const (
	serialNone serialDates = iota
	serial1900
	serial1904
)

// parseDate reads a date: ISO (2025-03-01, with or without a time of day, or 2025-3-1),
// 20250301, or in an XLSX an Excel serial day number (what a date cell holds).
func parseDate(cell string, serial serialDates) (time.Time, bool) {
	c := strings.TrimSpace(cell)
	if d, _, ok := strings.Cut(c, " "); ok {
		c = d
	}
	c, _, _ = strings.Cut(c, "T")
	for _, layout := range []string{"2006-01-02", "2006-1-2", "20060102"} {
		if t, err := time.Parse(layout, c); err == nil && t.Year() >= domain.MinYear-100 && t.Year() <= domain.MaxYear {
			return t, true
		}
	}
	if f, err := strconv.ParseFloat(c, 64); err == nil && serial != serialNone && !strings.ContainsAny(c, "eE") {
		// Serial days since 1899-12-30 (Excel's epoch, after its 1900 leap-year mistake), or
		// 1904-01-01 in a workbook that counts from there. A time of day is the fraction.
		if f < 1 || f > 100_000 {
			return time.Time{}, false
		}
		epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if serial == serial1904 {
			epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return epoch.AddDate(0, 0, int(math.Floor(f))), true
	}
	return time.Time{}, false
}
