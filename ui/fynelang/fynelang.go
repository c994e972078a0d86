// Package fynelang makes Fyne's own widget texts (dialog buttons, date picker, file dialog)
// follow the app's chosen language instead of the OS locale, so the UI never mixes languages.
// The two message files are Fyne's own (BSD licence, LICENSE-fyne).
package fynelang

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	golocale "github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"handlingsplan/i18n"
)

var (
	//go:embed base.sv.json
	sv []byte
	//go:embed base.en.json
	en []byte
)

// Apply registers the chosen language's Fyne texts under the tags Fyne may pick (the system
// locale and its English fallback), so whatever the OS says, Fyne speaks l.
func Apply(l i18n.Lang) {
	content := en
	if l == i18n.Swedish {
		content = sv
	}
	tags := []fyne.Locale{"en"}
	// The system's own tag, read quietly: lang.SystemLocale logs an error for LANG=C.UTF-8.
	if sys, err := golocale.GetLocale(); err == nil && sys != "" {
		if t, err := language.Parse(sys); err == nil {
			tags = append(tags, fyne.Locale(t.String()))
		}
	}
	for _, tag := range tags {
		if err := lang.AddTranslationsForLocale(content, tag); err != nil {
			fyne.LogError("fyne translations", err)
		}
	}
}
