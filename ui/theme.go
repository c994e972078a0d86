package ui

import (
	"handlingsplan/app/settings"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices the settings offer; "system" follows the OS.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme is Fyne's default theme with the light/dark variant fixed by the user's choice.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets the app's theme from the saved choice.
func (s *Shell) applyTheme() {
	switch s.store.Setting(settings.Theme, themeSystem) {
	case themeLight:
		s.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		s.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		s.app.Settings().SetTheme(theme.DefaultTheme())
	}
}
