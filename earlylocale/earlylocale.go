// Package earlylocale gives the process a language tag before any other package reads the
// environment's locale.
//
// Fyne's lang package reads the locale in its init and logs "Error parsing user locale C" on
// stderr when LANG or LC_ALL is C.UTF-8 (the default of containers and CI). The command line
// must print nothing but its own output, and the app chooses its language itself (a saved
// preference), so when the locale names no language this package sets LANGUAGE=en, which
// go-locale then reads (gettext reads LANGUAGE only when the locale is not plain C, so nothing
// else changes).
//
// It is a module of its own with a path that sorts before "fyne.io": the Go specification
// initialises packages in import-path order among those whose imports are ready, so this
// init runs before Fyne's, whatever imports it.
package earlylocale

import (
	"os"
	"runtime"
	"strings"
)

func init() {
	Fix(os.Getenv, os.Setenv, runtime.GOOS)
}

// Fix sets LANGUAGE=en when the messages locale (LC_ALL, LC_MESSAGES, LANG: the first set)
// has no language (C or POSIX, with or without a codeset) and LANGUAGE is unset. It does
// nothing on Windows and macOS, whose locale does not come from the environment.
func Fix(getenv func(string) string, setenv func(string, string) error, goos string) {
	if goos == "windows" || goos == "darwin" || goos == "ios" || goos == "android" || goos == "js" {
		return
	}
	if getenv("LANGUAGE") != "" {
		return
	}
	loc := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(v); loc != "" {
			break
		}
	}
	lang, _, _ := strings.Cut(loc, ".")
	lang, _, _ = strings.Cut(lang, "@")
	if lang == "C" || lang == "POSIX" {
		_ = setenv("LANGUAGE", "en")
	}
}
