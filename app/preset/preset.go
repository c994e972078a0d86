// Package preset reads what a kommun's IT department sets once for every user, so that a
// rollout needs no clicks: the folder of the database (and of the signer identity beside it)
// and the kommun's policy profile, loaded into a new database on its first start.
//
// The preset file is a few "key = value" lines (# or ; starts a comment):
//
//	data_dir = H:\Handlingsplan           the folder of handlingsplan.db and identity.p12
//	profile  = \\fil01\it\policy.json      a policy profile (JSON), used when the database has none
//	profile  = \\fil01\it\profil.hpprofile  or the coordinator's signed profile file (app/profile):
//	                                         checked at every start, and a newer version taken into use
//	profile_signer = \\fil01\it\samordnare.pem  whose signed profiles the app takes (the coordinator's
//	                                         certificate or the kommun signing CA's); without it, the
//	                                         preset file's own signer
//
// %NAME%, $NAME and ${NAME} in a value are environment variables; a relative path is relative
// to the preset file's folder. The first file found is read:
//
//  1. the file HANDLINGSPLAN_CONFIG names,
//  2. handlingsplan.ini beside the program (e.g. C:\Program Files\Handlingsplan),
//  3. the machine's: %ProgramData%\handlingsplan\handlingsplan.ini on Windows,
//     /Library/Application Support/handlingsplan/handlingsplan.ini on macOS,
//     /etc/handlingsplan/handlingsplan.ini elsewhere.
//
// HANDLINGSPLAN_DATA_DIR and HANDLINGSPLAN_PROFILE, when set, win over the file.
// The command line's --db and --config win over everything.
package preset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"handlingsplan/domain"
)

// FileName is the preset file's name beside the program and in the machine's folder.
const FileName = "handlingsplan.ini"

// Environment variables.
const (
	EnvFile    = "HANDLINGSPLAN_CONFIG"
	EnvDataDir = "HANDLINGSPLAN_DATA_DIR"
	EnvProfile = "HANDLINGSPLAN_PROFILE"
)

// Preset is what IT set. Empty fields mean the defaults.
type Preset struct {
	DataDir string // folder of the database and the signer identity
	Profile string // policy profile JSON for a database that has none, or a signed profile file
	// ProfileSigner is a PEM file of the certificates whose signed profiles the app takes.
	ProfileSigner string
	Source        string // the preset file read, "" when none
}

// Env is what Load reads from the system (tests give their own).
type Env struct {
	Getenv     func(string) string
	Executable string // the running program's path
	GOOS       string
	ReadFile   func(string) ([]byte, error)
}

// SystemEnv is the real environment.
func SystemEnv() Env {
	exe, _ := os.Executable()
	return Env{Getenv: os.Getenv, Executable: exe, GOOS: runtime.GOOS, ReadFile: os.ReadFile}
}

// Error is a preset file IT wrote that cannot be used: the program refuses to start rather than
// quietly putting a kommun's data somewhere else than IT decided.
type Error struct {
	Path string
	Line int // 0: the file as a whole
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("preset %s, line %d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("preset %s: %v", e.Path, e.Err)
}
func (e *Error) Unwrap() error { return e.Err }

// Load reads the preset of the real environment.
func Load() (Preset, error) { return LoadFrom(SystemEnv()) }

// LoadFrom reads the preset from env: see the package comment for the order.
func LoadFrom(env Env) (Preset, error) {
	var p Preset
	for _, c := range candidates(env) {
		b, err := env.ReadFile(c.path)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) && !c.named {
				continue
			}
			return Preset{}, &Error{Path: c.path, Err: err}
		}
		if p, err = parse(b, c.path, env.Getenv); err != nil {
			return Preset{}, err
		}
		break
	}
	if v := env.Getenv(EnvDataDir); v != "" {
		p.DataDir = expand(v, env.Getenv)
	}
	if v := env.Getenv(EnvProfile); v != "" {
		p.Profile = expand(v, env.Getenv)
	}
	return p, nil
}

type candidate struct {
	path  string
	named bool // named by HANDLINGSPLAN_CONFIG: missing is an error
}

func candidates(env Env) []candidate {
	var cs []candidate
	if f := env.Getenv(EnvFile); f != "" {
		return []candidate{{path: f, named: true}}
	}
	if env.Executable != "" {
		cs = append(cs, candidate{path: filepath.Join(filepath.Dir(env.Executable), FileName)})
	}
	if d := MachineDir(env); d != "" {
		sep := "/"
		if env.GOOS == "windows" {
			sep = `\`
		}
		cs = append(cs, candidate{path: d + sep + FileName})
	}
	return cs
}

// MachineDir is the machine-wide folder a preset file may be put in ("" when unknown).
func MachineDir(env Env) string {
	switch env.GOOS {
	case "windows":
		if pd := env.Getenv("ProgramData"); pd != "" {
			return pd + `\handlingsplan`
		}
		return ""
	case "darwin":
		return "/Library/Application Support/handlingsplan"
	}
	return "/etc/handlingsplan"
}

// parse reads the "key = value" lines of the preset file at path.
func parse(b []byte, path string, getenv func(string) string) (Preset, error) {
	p := Preset{Source: path}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // Notepad's byte-order mark
	sc := bufio.NewScanner(bytes.NewReader(b))
	dir := filepath.Dir(path)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' || line[0] == '[' {
			continue // blank, comment, or an ini section header
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			return Preset{}, &Error{Path: path, Line: n, Err: fmt.Errorf("%q is not key = value", line)}
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = unquote(strings.TrimSpace(val))
		if val == "" {
			return Preset{}, &Error{Path: path, Line: n, Err: fmt.Errorf("%s has no value", key)}
		}
		val = absolute(expand(val, getenv), dir)
		switch key {
		case "data_dir":
			p.DataDir = val
		case "profile":
			p.Profile = val
		case "profile_signer":
			p.ProfileSigner = val
		default:
			return Preset{}, &Error{Path: path, Line: n, Err: fmt.Errorf("unknown key %q (known: data_dir, profile, profile_signer)", key)}
		}
	}
	if err := sc.Err(); err != nil {
		return Preset{}, &Error{Path: path, Err: err}
	}
	return p, nil
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// absolute makes a relative path relative to the preset file's folder. A Windows path with a
// drive or a UNC share is absolute on every system, so a file written for Windows reads the
// same when tested elsewhere.
func absolute(p, dir string) string {
	if filepath.IsAbs(p) || strings.HasPrefix(p, `\\`) || len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') {
		return p
	}
	return filepath.Join(dir, p)
}

// expand replaces %NAME% (Windows), $NAME and ${NAME} with environment variables. An unknown
// %NAME% is kept as written (a literal percent sign stays one).
func expand(s string, getenv func(string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			break
		}
		name := s[i+1 : i+1+j]
		if v := getenv(name); name != "" && v != "" {
			b.WriteString(s[:i] + v)
		} else {
			b.WriteString(s[:i+1+j])
			s = s[i+1+j:]
			continue
		}
		s = s[i+2+j:]
	}
	b.WriteString(s)
	return os.Expand(b.String(), func(name string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return "${" + name + "}"
	})
}

// DBPath is the database file: in the preset folder, else the user's default (def).
func (p Preset) DBPath(def string) string {
	if p.DataDir != "" {
		return filepath.Join(p.DataDir, "handlingsplan.db")
	}
	return def
}

// ConfigDir is the folder of the signer identity: the preset folder, else def.
func (p Preset) ConfigDir(def string) string {
	if p.DataDir != "" {
		return p.DataDir
	}
	return def
}

// SeedProfile is the policy profile a new database starts with: the preset's file when one is
// set, else the default profile the program embeds.
func (p Preset) SeedProfile(read func(string) ([]byte, error)) (domain.Profile, error) {
	if p.Profile == "" {
		return domain.DefaultProfile()
	}
	b, err := read(p.Profile)
	if err != nil {
		return domain.Profile{}, &Error{Path: p.Profile, Err: err}
	}
	if signedProfile(b) {
		// A signed file comes into use through SignedProfile, checked and with its signer; a
		// new database starts from the default until then.
		return domain.DefaultProfile()
	}
	var prof domain.Profile
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&prof); err != nil {
		return domain.Profile{}, &Error{Path: p.Profile, Err: fmt.Errorf("not a policy profile: %w", err)}
	}
	if len(prof.Goals) == 0 || len(prof.Scale) == 0 {
		return domain.Profile{}, &Error{Path: p.Profile, Err: errors.New("a policy profile needs its goals and its classification scale")}
	}
	if ps := domain.ValidateProfile(prof); ps.Blocking() {
		return domain.Profile{}, &Error{Path: p.Profile, Err: fmt.Errorf("profile does not validate: %s", ps[0].Key)}
	}
	return prof, nil
}
