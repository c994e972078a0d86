// Package fynelang makes Fyne's own widget texts (dialog buttons, date picker, file dialog)
// follow the app's chosen language instead of the OS locale, so the UI never mixes languages.
// The two message files are Fyne's own (BSD licence, LICENSE-fyne).
package fynelang

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

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
	for _, tag := range []fyne.Locale{"en", lang.SystemLocale()} {
		if err := lang.AddTranslationsForLocale(content, tag); err != nil {
			fyne.LogError("fyne translations", err)
		}
	}
}
