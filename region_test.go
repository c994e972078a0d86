package main

import (
	"testing"

	golocale "github.com/jeandeaual/go-locale"
)

// The date fields read the region the way Fyne does (go-locale): whatever the environment
// says, short of a user's LC_ALL, it is Sweden's, so dates are typed and shown as 2027-03-15.
func TestSwedishRegion(t *testing.T) {
	for _, tc := range []struct {
		name                        string
		lcAll, language, lang, want string
	}{
		{"container default, earlylocale's LANGUAGE", "", "en", "C.UTF-8", "sv-SE"},
		{"Debian's Swedish desktop", "", "sv:en", "sv_SE.UTF-8", "sv-SE"},
		{"English desktop", "", "", "en_GB.UTF-8", "sv-SE"},
		{"a user's LC_ALL is theirs", "en_US.UTF-8", "", "C.UTF-8", "en-US"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("LC_ALL", tc.lcAll)
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANGUAGE", tc.language)
			t.Setenv("LANG", tc.lang)
			useSwedishRegion()
			if got, _ := golocale.GetLocale(); got != tc.want {
				t.Errorf("locale %q, want %q", got, tc.want)
			}
		})
	}
}
