// Package i18n holds the app's messages (Swedish first, English second) and the formatting of
// numbers, kronor, dates, ISO weeks and the Swedish sort order.
//
// Messages live in messages/<area>.<lang>.json, one file pair per area of the app, so that
// each area's strings can be read (and translated) together. Every key must exist in both languages.
package i18n

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Lang is a language the app speaks.
type Lang string

const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// Default is the language used until the user picks another one. It is not taken from LANG,
// which is often "C" on the machines our users have.
const Default = Swedish

// Langs lists the languages in the order the language switch offers them.
var Langs = []Lang{Swedish, English}

// Parse returns the language for a code such as "sv" or "en-GB"; ok is false for others.
func Parse(code string) (Lang, bool) {
	code = strings.ToLower(strings.TrimSpace(code))
	for _, l := range Langs {
		if code == string(l) || strings.HasPrefix(code, string(l)+"-") || strings.HasPrefix(code, string(l)+"_") {
			return l, true
		}
	}
	return Default, false
}

// Tag is the BCP 47 tag of the language.
func (l Lang) Tag() language.Tag {
	if l == English {
		return language.English
	}
	return language.Swedish
}

//go:embed messages/*.json
var messageFS embed.FS

// message is one message: a text, or the plural forms "one" and "other". A form with a
// template is parsed on first use.
type message struct {
	other, one string
	plural     bool
	parsed     *parsedForms
}

type parsedForms struct {
	once [2]sync.Once
	tmpl [2]*template.Template // other, one
	err  [2]error
}

// parsedMu guards message.parsed for messages with templates.
var parsedMu sync.Mutex

// catalog is one language's messages.
type catalog struct {
	msgs map[string]*message
	err  error
}

// catalogs parse each language's files on first use: a command that prints a few lines in
// Swedish reads the Swedish files only, and only once. A message's template is parsed when
// the message is first used.
var catalogs = map[Lang]func() *catalog{
	Swedish: sync.OnceValue(func() *catalog { return loadCatalog(messageFS, Swedish) }),
	English: sync.OnceValue(func() *catalog { return loadCatalog(messageFS, English) }),
}

func catalogOf(lang Lang) *catalog {
	if lang != English {
		lang = Swedish
	}
	return catalogs[lang]()
}

// loadCatalog reads messages/*.<lang>.json: each key maps to a text or to {"one": …,
// "other": …}.
func loadCatalog(fsys fs.FS, lang Lang) *catalog {
	c := &catalog{msgs: make(map[string]*message, 2048)} // some 1,400 messages a language
	files, err := fs.Glob(fsys, "messages/*."+string(lang)+".json")
	if err != nil {
		c.err = err
		return c
	}
	sort.Strings(files)
	for _, f := range files {
		buf, err := fs.ReadFile(fsys, f)
		if err != nil {
			c.err = fmt.Errorf("read %s: %w", f, err)
			return c
		}
		err = decodeMessages(buf, func(id string, v any) error {
			if _, dup := c.msgs[id]; dup {
				return fmt.Errorf("key %q defined twice", id)
			}
			m, err := parseMessage(v)
			if err != nil {
				return fmt.Errorf("key %q: %w", id, err)
			}
			c.msgs[id] = m
			return nil
		})
		if err != nil {
			c.err = fmt.Errorf("parse %s: %w", f, err)
			return c
		}
	}
	return c
}

func parseMessage(v any) (*message, error) {
	switch x := v.(type) {
	case string:
		return &message{other: x}, nil
	case map[string]any:
		one, _ := x["one"].(string)
		other, _ := x["other"].(string)
		if other == "" || len(x) != 2 || one == "" {
			return nil, errors.New(`plural forms must be "one" and "other"`)
		}
		return &message{plural: true, one: one, other: other}, nil
	}
	return nil, errors.New("neither a text nor plural forms")
}

// text fills form f (0 other, 1 one) of the message with data.
func (m *message) text(f int, data map[string]any) (string, error) {
	src := m.other
	if f == 1 && m.one != "" {
		src = m.one
	}
	if !strings.Contains(src, "{{") {
		return src, nil
	}
	parsedMu.Lock()
	p := m.parsed
	if p == nil {
		p = &parsedForms{}
		m.parsed = p
	}
	parsedMu.Unlock()
	p.once[f].Do(func() { p.tmpl[f], p.err[f] = template.New("").Option("missingkey=default").Parse(src) })
	if p.err[f] != nil {
		return "", p.err[f]
	}
	var b strings.Builder
	if err := p.tmpl[f].Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Keys returns every message key defined for lang (for tests and tools).
func Keys(lang Lang) []string {
	c := catalogOf(lang)
	out := make([]string, 0, len(c.msgs))
	for k := range c.msgs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// LoadError reports a broken message file of either language; nil when all files parsed.
func LoadError() error {
	for _, l := range Langs {
		if err := catalogOf(l).err; err != nil {
			return err
		}
	}
	return nil
}

// Localizer translates and formats for one language. It is cheap to make and safe for
// concurrent use.
type Localizer struct {
	lang Lang
	msgs map[string]*message
}

// New returns a localizer for lang.
func New(lang Lang) *Localizer {
	if lang != English {
		lang = Swedish
	}
	return &Localizer{lang: lang, msgs: catalogOf(lang).msgs}
}

// Lang is the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// T translates the message id. A missing id yields "⟦id⟧" so it is seen (and a test fails)
// rather than showing an empty label.
func (l *Localizer) T(id string) string { return l.Tf(id) }

// Tf translates the message id with template data given as name, value pairs:
// l.Tf("plan.new", "Year", 2027) fills {{.Year}}. A value named Count also picks the plural form.
func (l *Localizer) Tf(id string, kv ...any) string {
	m := l.msgs[id]
	if m == nil {
		return "⟦" + id + "⟧"
	}
	data := make(map[string]any, len(kv)/2)
	form := 0
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		data[name] = kv[i+1]
		if name == "Count" && m.plural && isOne(kv[i+1]) {
			form = 1
		}
	}
	s, err := m.text(form, data)
	if err != nil {
		return "⟦" + id + "⟧"
	}
	return s
}

// isOne reports whether a count takes the plural form "one", which in Swedish and English
// (CLDR) is the integer 1 without decimals.
func isOne(count any) bool {
	switch n := count.(type) {
	case int:
		return n == 1
	case int8:
		return n == 1
	case int16:
		return n == 1
	case int32:
		return n == 1
	case int64:
		return n == 1
	case uint:
		return n == 1
	case uint8:
		return n == 1
	case uint16:
		return n == 1
	case uint32:
		return n == 1
	case uint64:
		return n == 1
	case float32:
		return n == 1
	case float64:
		return n == 1
	case string:
		return n == "1"
	}
	return false
}

// Has reports whether id is a known message.
func (l *Localizer) Has(id string) bool { return l.msgs[id] != nil }

// Names (boards, systems, owners, goals, activities) are written in Swedish whatever language
// the user reads the app in, so they always sort in Swedish: Å Ä Ö after Z, not Ö as O as the
// English collation would. One collator serves the whole program; it is made on first use and
// guarded by a mutex because collate.Collator is not safe for concurrent use.
var (
	nameCollator = sync.OnceValue(func() *collate.Collator { return collate.New(language.Swedish, collate.IgnoreCase) })
	nameMu       sync.Mutex
)

// CompareNames orders two names in Swedish collation (Å Ä Ö after Z, case ignored), in every UI
// language.
func CompareNames(a, b string) int {
	c := nameCollator()
	nameMu.Lock()
	defer nameMu.Unlock()
	return c.CompareString(a, b)
}

// SortNames sorts names in place in Swedish collation (see CompareNames); equal names keep their
// order.
func SortNames(names []string) {
	slices.SortStableFunc(names, CompareNames)
}

// Compare orders two strings as names: in Swedish collation in both UI languages (see
// CompareNames), because the names the app sorts are Swedish.
func (l *Localizer) Compare(a, b string) int { return CompareNames(a, b) }

// Sort sorts names in place in Swedish collation (see CompareNames).
func (l *Localizer) Sort(names []string) { SortNames(names) }
