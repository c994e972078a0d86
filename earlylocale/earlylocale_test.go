package earlylocale

import "testing"

func TestFix(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		goos string
		want string // LANGUAGE afterwards
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "linux", "en"},
		{map[string]string{"LANG": "C"}, "linux", "en"},
		{map[string]string{"LANG": "POSIX"}, "linux", "en"},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "sv_SE.UTF-8"}, "linux", "en"},
		{map[string]string{"LC_ALL": "sv_SE.UTF-8", "LANG": "C.UTF-8"}, "linux", ""},
		{map[string]string{"LANG": "sv_SE.UTF-8"}, "linux", ""},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "sv"}, "linux", "sv"},
		{map[string]string{}, "linux", ""},
		{map[string]string{"LANG": "C.UTF-8"}, "windows", ""},
		{map[string]string{"LANG": "C.UTF-8"}, "darwin", ""},
	} {
		env := map[string]string{}
		for k, v := range tc.env {
			env[k] = v
		}
		Fix(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil }, tc.goos)
		if env["LANGUAGE"] != tc.want {
			t.Errorf("%v on %s: LANGUAGE = %q, want %q", tc.env, tc.goos, env["LANGUAGE"], tc.want)
		}
	}
}
