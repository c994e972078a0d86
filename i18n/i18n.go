// Package i18n holds the app's messages (Swedish first, English second) and the formatting of
// numbers, kronor, dates, ISO weeks and the Swedish sort order.
//
// Messages live in messages/<area>.<lang>.json, one file pair per area of the app, so that
// each area's strings can be read (and translated) together. Every key must exist in both languages.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
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

type catalog struct {
	bundle *goi18n.Bundle
	keys   map[Lang]map[string]bool
	err    error
}

var loadOnce = sync.OnceValue(func() *catalog { return loadCatalog(messageFS) })

func loadCatalog(fsys fs.FS) *catalog {
	c := &catalog{bundle: goi18n.NewBundle(language.Swedish), keys: map[Lang]map[string]bool{}}
	c.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(fsys, "messages/*.json")
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
		mf, err := c.bundle.ParseMessageFileBytes(buf, path.Base(f))
		if err != nil {
			c.err = fmt.Errorf("parse %s: %w", f, err)
			return c
		}
		lang, ok := Parse(mf.Tag.String())
		if !ok {
			c.err = fmt.Errorf("%s: unknown language %s", f, mf.Tag)
			return c
		}
		if c.keys[lang] == nil {
			c.keys[lang] = map[string]bool{}
		}
		for _, m := range mf.Messages {
			if c.keys[lang][m.ID] {
				c.err = fmt.Errorf("%s: key %q defined twice", f, m.ID)
				return c
			}
			c.keys[lang][m.ID] = true
		}
	}
	return c
}

// Keys returns every message key defined for lang (for tests and tools).
func Keys(lang Lang) []string {
	c := loadOnce()
	out := make([]string, 0, len(c.keys[lang]))
	for k := range c.keys[lang] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// LoadError reports a broken message file; nil when all files parsed.
func LoadError() error { return loadOnce().err }

// Localizer translates and formats for one language. It is cheap to make and safe for
// concurrent use.
type Localizer struct {
	lang Lang
	loc  *goi18n.Localizer
	keys map[string]bool
	coll *collate.Collator
	mu   sync.Mutex // collate.Collator is not safe for concurrent use
}

// New returns a localizer for lang.
func New(lang Lang) *Localizer {
	c := loadOnce()
	if lang != English {
		lang = Swedish
	}
	return &Localizer{
		lang: lang,
		loc:  goi18n.NewLocalizer(c.bundle, string(lang)),
		keys: c.keys[lang],
		coll: collate.New(lang.Tag(), collate.IgnoreCase),
	}
}

// Lang is the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// T translates the message id. A missing id yields "⟦id⟧" so it is seen (and a test fails)
// rather than showing an empty label.
func (l *Localizer) T(id string) string { return l.Tf(id) }

// Tf translates the message id with template data given as name, value pairs:
// l.Tf("plan.new", "Year", 2027) fills {{.Year}}. A value named Count also picks the plural form.
func (l *Localizer) Tf(id string, kv ...any) string {
	if !l.keys[id] {
		return "⟦" + id + "⟧"
	}
	data := make(map[string]any, len(kv)/2)
	var count any
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		data[name] = kv[i+1]
		if name == "Count" {
			count = kv[i+1]
		}
	}
	s, err := l.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		return "⟦" + id + "⟧"
	}
	return s
}

// Has reports whether id is a known message.
func (l *Localizer) Has(id string) bool { return l.keys[id] }

// Compare orders two strings in the language's collation (Swedish: Å Ä Ö after Z).
func (l *Localizer) Compare(a, b string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.coll.CompareString(a, b)
}

// Sort sorts names in place in the language's collation.
func (l *Localizer) Sort(names []string) {
	sort.SliceStable(names, func(i, j int) bool { return l.Compare(names[i], names[j]) < 0 })
}
