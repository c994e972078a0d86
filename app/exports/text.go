package exports

import (
	"errors"
	"path/filepath"

	"handlingsplan/app/export"
	"handlingsplan/i18n"
)

// ErrorText is one plain sentence about a failed export in the user's language, for the
// desktop app and the command line, instead of the error chain.
func ErrorText(loc *i18n.Localizer, err error) string {
	var we *export.WriteError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrFormat):
		return loc.T("exports.err.format")
	case errors.Is(err, ErrNoBoard):
		return loc.T("exports.err.no_board")
	case errors.Is(err, ErrCertNotValid):
		return loc.T("export.err.cert_expired")
	case errors.As(err, &we) && we.DiskFull():
		return loc.Tf("export.err.disk_full", "Path", we.Path)
	case errors.As(err, &we) && we.Denied():
		return loc.Tf("export.err.write_denied", "Folder", filepath.Dir(we.Path))
	case errors.As(err, &we):
		return loc.Tf("export.err.write", "Path", we.Path)
	}
	return loc.T("exports.err.failed")
}
