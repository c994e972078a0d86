package registerimport

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Field is a field of the register a column fills (the names of data's SetField for a system).
type Field string

// Ignore is a column not imported.
const Ignore Field = ""

// Fields are the register's fields a column can fill, in the register form's order.
var Fields = []Field{"name", "owner", "description", "confidentiality", "integrity", "availability", "traceability",
	"classified_at", "baseline_met", "security_plan", "security_plan_at", "risk_analysis_at", "continuity_at", "recovery_at", "sensitive"}

// known reports whether f is a field of the register.
func known(f Field) bool {
	for _, x := range Fields {
		if x == f {
			return true
		}
	}
	return false
}

// Mapping says which field each column fills: Mapping[i] is column i's field (Ignore: none).
type Mapping []Field

// synonyms are header words that name a field, as registers in Swedish kommuner (and KLASSA
// exports) head their columns; compared without case, accents' variants or punctuation.
var synonyms = map[Field][]string{
	"name":             {"namn", "system", "systemnamn", "informationssystem", "informationskanal", "kanal", "name", "systemets namn", "system eller kanal", "informationstillgang"},
	"owner":            {"informationsagare", "agare", "owner", "information owner", "systemagare"},
	"description":      {"beskrivning", "description", "syfte", "anvandning", "kommentar"},
	"confidentiality":  {"k", "konfidentialitet", "sekretess", "confidentiality", "c"},
	"integrity":        {"r", "riktighet", "integritet", "integrity", "i"},
	"availability":     {"t", "tillganglighet", "availability", "a"},
	"traceability":     {"s", "sparbarhet", "traceability"},
	"classified_at":    {"klassad", "klassningsdatum", "klassning datum", "datum for klassning", "klassad datum", "classified", "classified at"},
	"baseline_met":     {"basniva", "klarar basniva", "basniva uppfylld", "baseline", "baseline met"},
	"security_plan":    {"systemsakerhetsplan", "sakerhetsplan", "security plan", "ssp"},
	"security_plan_at": {"datum systemsakerhetsplan", "systemsakerhetsplan datum", "sakerhetsplan datum", "planens datum", "security plan date"},
	"risk_analysis_at": {"riskanalys", "datum riskanalys", "riskanalys datum", "senaste riskanalys", "risk analysis"},
	"continuity_at":    {"kontinuitetsplan", "kontinuitetsplan datum", "continuity plan"},
	"recovery_at":      {"aterstallningsplan", "aterstallningsplan datum", "recovery plan"},
	"sensitive":        {"sekretessmarkerad", "sekretesskyddad", "sekretessbelagd", "sensitive", "sekretessuppgifter"},
}

// fold is a header as compared: lower case, å ä ö and other accents without their marks, only
// letters and digits with single spaces.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// Guess maps the columns whose header names a field; each field goes to the first such column.
func Guess(header []string) Mapping {
	m := make(Mapping, len(header))
	taken := map[Field]bool{}
	for i, h := range header {
		f := fold(h)
		for _, field := range Fields {
			if taken[field] {
				continue
			}
			for _, syn := range synonyms[field] {
				if f == syn {
					m[i] = field
					taken[field] = true
				}
			}
			if m[i] != Ignore {
				break
			}
		}
	}
	return m
}

// ErrMap is a --map the header does not fit.
var ErrMap = errors.New("column mapping")

// ParseMap reads a mapping as the command line gives it, "Namn=name,Ägare=owner,Övrigt=": a
// header of the file, an equals sign, a field (empty: the column is not imported). Columns the
// spec does not name keep the guessed field.
func ParseMap(spec string, header []string) (Mapping, error) {
	m := Guess(header)
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		col, field, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("%w: %q is not COLUMN=FIELD", ErrMap, part)
		}
		col, field = strings.TrimSpace(col), strings.TrimSpace(field)
		i := -1
		for j, h := range header {
			if h == col || fold(h) == fold(col) {
				i = j
				break
			}
		}
		if i < 0 {
			return nil, fmt.Errorf("%w: the file has no column %q", ErrMap, col)
		}
		f := Field(field)
		if f != Ignore && !known(f) {
			return nil, fmt.Errorf("%w: %q is no field of the register", ErrMap, field)
		}
		for j := range m {
			if j != i && f != Ignore && m[j] == f {
				m[j] = Ignore // a field is filled from one column
			}
		}
		m[i] = f
	}
	return m, m.Check()
}

// Check refuses a mapping without the name, or with a field in two columns.
func (m Mapping) Check() error {
	seen := map[Field]bool{}
	for _, f := range m {
		if f == Ignore {
			continue
		}
		if seen[f] {
			return fmt.Errorf("%w: %s comes from two columns", ErrMap, f)
		}
		seen[f] = true
	}
	if !seen["name"] {
		return fmt.Errorf("%w: no column is the system's name", ErrMap)
	}
	return nil
}

// Column is the column that fills f, -1 when none does.
func (m Mapping) Column(f Field) int {
	for i, x := range m {
		if x == f {
			return i
		}
	}
	return -1
}
