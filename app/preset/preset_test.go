package preset

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handlingsplan/domain"
)

// fakeEnv is a system with the given environment variables and files.
func fakeEnv(goos, exe string, vars, files map[string]string) Env {
	return Env{
		Getenv:     func(k string) string { return vars[k] },
		Executable: exe,
		GOOS:       goos,
		ReadFile: func(p string) ([]byte, error) {
			if s, ok := files[p]; ok {
				return []byte(s), nil
			}
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
		},
	}
}

func TestLoadOrder(t *testing.T) {
	exeDir := filepath.FromSlash("/opt/handlingsplan")
	exe := filepath.Join(exeDir, "handlingsplan")
	beside := filepath.Join(exeDir, FileName)
	machine := filepath.Join("/etc/handlingsplan", FileName)
	cases := []struct {
		name        string
		vars, files map[string]string
		want        Preset
		wantErr     bool
	}{
		{name: "nothing set", want: Preset{}},
		{name: "machine file",
			files: map[string]string{machine: "data_dir = /srv/hp\nprofile = /srv/policy.json\n"},
			want:  Preset{DataDir: "/srv/hp", Profile: "/srv/policy.json", Source: machine}},
		{name: "file beside the program wins over the machine's",
			files: map[string]string{machine: "data_dir = /srv/hp\n", beside: "data_dir = /data\n"},
			want:  Preset{DataDir: "/data", Source: beside}},
		{name: "HANDLINGSPLAN_CONFIG names the file",
			vars:  map[string]string{EnvFile: "/tmp/x.ini"},
			files: map[string]string{beside: "data_dir = /data\n", "/tmp/x.ini": "data_dir = /x\n"},
			want:  Preset{DataDir: "/x", Source: "/tmp/x.ini"}},
		{name: "HANDLINGSPLAN_CONFIG names a missing file", vars: map[string]string{EnvFile: "/tmp/missing.ini"}, wantErr: true},
		{name: "environment variables win over the file",
			vars:  map[string]string{EnvDataDir: "/env", EnvProfile: "/env/p.json"},
			files: map[string]string{machine: "data_dir = /srv/hp\nprofile = /srv/policy.json\n"},
			want:  Preset{DataDir: "/env", Profile: "/env/p.json", Source: machine}},
		{name: "relative path, comments, BOM, quotes, section header",
			files: map[string]string{beside: "\ufeff# IT, 2026\n[handlingsplan]\n; data_dir = old\nprofile = \"kommunens profil.json\"\n"},
			want:  Preset{Profile: filepath.Join(exeDir, "kommunens profil.json"), Source: beside}},
		{name: "unknown key", files: map[string]string{beside: "dta_dir = /x\n"}, wantErr: true},
		{name: "not key = value", files: map[string]string{beside: "data_dir /x\n"}, wantErr: true},
		{name: "empty value", files: map[string]string{beside: "data_dir =\n"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := LoadFrom(fakeEnv("linux", exe, c.vars, c.files))
			if c.wantErr {
				var pe *Error
				if !errors.As(err, &pe) {
					t.Fatalf("err = %v, want a *preset.Error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestWindowsPaths(t *testing.T) {
	vars := map[string]string{"ProgramData": `C:\ProgramData`, "USERNAME": "åsa.öberg", "HOMEDRIVE": "H:"}
	files := map[string]string{
		`C:\ProgramData\handlingsplan\` + FileName: "data_dir = %HOMEDRIVE%\\Handlingsplan %USERNAME%\nprofile = \\\\fil01\\it\\policy.json\n",
	}
	got, err := LoadFrom(fakeEnv("windows", "", vars, files))
	if err != nil {
		t.Fatal(err)
	}
	if got.DataDir != `H:\Handlingsplan åsa.öberg` {
		t.Errorf("data_dir %q", got.DataDir)
	}
	if got.Profile != `\\fil01\it\policy.json` {
		t.Errorf("profile %q", got.Profile)
	}
	if d := MachineDir(fakeEnv("windows", "", vars, nil)); d != `C:\ProgramData\handlingsplan` {
		t.Errorf("machine dir %q", d)
	}
}

func TestExpand(t *testing.T) {
	env := func(k string) string { return map[string]string{"HOME": "/home/åsa", "X": "x"}[k] }
	for in, want := range map[string]string{
		"$HOME/hp":        "/home/åsa/hp",
		"${HOME}/hp":      "/home/åsa/hp",
		"%X%/a%X%":        "x/ax",
		"100% sure":       "100% sure",
		"%UNKNOWN%/a":     "%UNKNOWN%/a",
		"${UNKNOWN}/a":    "${UNKNOWN}/a",
		"a%%b":            "a%%b",
		`C:\Users\%X%\hp`: `C:\Users\x\hp`,
	} {
		if got := expand(in, env); got != want {
			t.Errorf("expand(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPaths(t *testing.T) {
	if got := (Preset{}).DBPath("/def/hp.db"); got != "/def/hp.db" {
		t.Errorf("default db %q", got)
	}
	if got := (Preset{DataDir: "/srv"}).DBPath("/def/hp.db"); got != filepath.Join("/srv", "handlingsplan.db") {
		t.Errorf("preset db %q", got)
	}
	if got := (Preset{DataDir: "/srv"}).ConfigDir("/def"); got != "/srv" {
		t.Errorf("config %q", got)
	}
}

func TestSeedProfile(t *testing.T) {
	def, err := domain.DefaultProfile()
	if err != nil {
		t.Fatal(err)
	}
	kommun := def
	kommun.Kommun = "Åre kommun"
	good, _ := json.Marshal(kommun)
	noGoals := kommun
	noGoals.Goals = nil
	bad, _ := json.Marshal(noGoals)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	got, err := (Preset{}).SeedProfile(os.ReadFile)
	if err != nil || got.Kommun != def.Kommun {
		t.Fatalf("no preset: %v %q", err, got.Kommun)
	}
	got, err = (Preset{Profile: write("kommun profil.json", good)}).SeedProfile(os.ReadFile)
	if err != nil || got.Kommun != "Åre kommun" || len(got.Goals) != len(def.Goals) {
		t.Fatalf("preset profile: %v %+v", err, got)
	}
	for name, b := range map[string][]byte{
		"no goals":      bad,
		"not JSON":      []byte("kommun = Åre"),
		"unknown field": []byte(strings.Replace(string(good), `"kommun"`, `"komun"`, 1)),
	} {
		if _, err := (Preset{Profile: write(name+".json", b)}).SeedProfile(os.ReadFile); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := (Preset{Profile: filepath.Join(dir, "missing.json")}).SeedProfile(os.ReadFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
