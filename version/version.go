// Package version is the program's version, printed by `handlingsplan version`, shown in the
// About dialog and written into every PDF and submission payload.
package version

// Version is set by release builds with -ldflags "-X handlingsplan/version.Version=…";
// FyneApp.toml carries the same number.
var Version = "0.1.0"
