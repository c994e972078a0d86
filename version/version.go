// Package version is the program's version, printed by `handlingsplan version`, shown in the
// About dialog and written into every PDF and submission payload.
package version

// Version is set by every build the Makefile or packaging/dist.sh makes, from `git describe`
// (packaging/version.sh): a release tag without its "v" (1.2.0), or 0.0.0-<commit> between
// releases. A plain `go build` leaves the placeholder below.
var Version = "0.0.0-dev"
