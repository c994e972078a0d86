package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"handlingsplan/version"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/coorddemo"
	"handlingsplan/app/demo"
	"handlingsplan/app/identity"
	"handlingsplan/app/preset"
	"handlingsplan/app/profile"
	"handlingsplan/app/settings"
	"handlingsplan/app/storemsg"
	"handlingsplan/data"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// osUser is the name the audit log records: the OS user's login name.
func osUser() string {
	u, err := user.Current()
	return auditName(u, err, os.Getenv, os.Getuid())
}

// auditName picks the audit log's "who" from what the OS tells. The fallback is the numeric
// user id, not a word: it is stored in the database and shown to readers of either language,
// and it still tells one account from another.
func auditName(u *user.User, err error, getenv func(string) string, uid int) string {
	if err == nil && u != nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if n := strings.TrimSpace(getenv(v)); n != "" {
			return n
		}
	}
	return "uid " + strconv.Itoa(uid)
}

// DefaultDB is the database file when --db is not given: in the folder IT preset (see
// app/preset), else in the user's configuration directory. A broken preset is reported when
// the store is opened.
func DefaultDB() string {
	def, _ := data.DefaultPath()
	p, _ := preset.Load()
	return p.DBPath(def)
}

// storeError is a database that could not be opened or prepared. Error is the one sentence
// the user reads; the technical cause stays reachable with errors.Is/As and is logged apart.
type storeError struct {
	text  string
	cause error
	// detail: the sentence cannot name the cause (a permission, a full disk, …), so the
	// cause is worth logging for whoever helps the user.
	detail bool
}

func (e *storeError) Error() string { return e.text }
func (e *storeError) Unwrap() error { return e.cause }

// openStore opens the database for a command and, on first start, seeds the policy profile
// (the one IT preset, else the default). Its error says what failed in one sentence in the
// user's language (see printError). While a write waits for another program's write lock, a
// note says so on stderr.
func openStore(path string, loc *i18n.Localizer, stderr io.Writer) (*data.Store, error) {
	s, err := openStoreAs(path, loc, data.HolderCommand)
	if err == nil && stderr != nil {
		s.OnBusy(func(p data.Program) { fmt.Fprintln(stderr, storemsg.Waiting(loc, p)) })
	}
	return s, err
}

func openStoreAs(path string, loc *i18n.Localizer, h data.Holder) (*data.Store, error) {
	pre, err := preset.Load()
	if err != nil {
		return nil, presetError(loc, err)
	}
	s, err := data.OpenAs(path, osUser(), h)
	if err != nil {
		text, known := storemsg.OpenText(loc, path, err)
		// What is damaged is worth a line for IT support even though the sentence says damaged.
		return nil, &storeError{text: text, cause: err, detail: !known || data.IsDamaged(err)}
	}
	has, err := s.HasProfile()
	if err == nil && !has {
		var prof domain.Profile
		if prof, err = pre.SeedProfile(os.ReadFile); err != nil {
			s.Close()
			return nil, presetError(loc, err)
		}
		err = s.EnsureProfile(prof)
	}
	if err == nil {
		// A database made before profiles had versions gets its profile as the first one.
		var def domain.Profile
		if def, err = domain.DefaultProfile(); err == nil {
			err = s.EnsureProfile(def)
		}
	}
	if err != nil {
		s.Close()
		text, known := storemsg.OpenText(loc, path, err)
		return nil, &storeError{text: text, cause: err, detail: !known}
	}
	if err := applyProfilePreset(s, pre); err != nil {
		s.Close()
		return nil, presetError(loc, err)
	}
	return s, nil
}

// applyProfilePreset takes IT's signed profile into use when it is newer than the one in use,
// and records the profile signers IT named (app/profile.ApplyPreset). A preset file that is
// tampered with, or signed by someone else than IT named, stops the program with a sentence.
func applyProfilePreset(s *data.Store, pre preset.Preset) error {
	sp, err := pre.SignedProfile(os.ReadFile)
	if err != nil {
		return err
	}
	if sp.File == nil && sp.Signers == nil {
		return nil
	}
	if _, err := profile.ApplyPreset(s, sp, time.Now()); err != nil {
		return &preset.Error{Path: pre.Profile, Err: err}
	}
	return nil
}

// presetError is the sentence for a preset (file or profile) IT set that cannot be used.
func presetError(loc *i18n.Localizer, err error) error {
	path := ""
	var pe *preset.Error
	if errors.As(err, &pe) {
		path = pe.Path
	}
	return &storeError{text: loc.Tf("err.preset", "Path", path), cause: err, detail: true}
}

// openExistingStore is openStore for commands that only read what is there (export, report,
// handout, trust list/remove/approve): a mistyped --db must not create an empty database and
// quietly report on nothing.
func openExistingStore(path string, loc *i18n.Localizer, stderr io.Writer) (*data.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, &storeError{text: loc.Tf("err.db_missing", "Path", path), cause: err}
	}
	return openStore(path, loc, stderr)
}

// printError writes err's sentence and, when the sentence cannot say why, the technical cause
// on a line of its own, marked as meant for IT support.
func printError(w io.Writer, loc *i18n.Localizer, err error) {
	fmt.Fprintln(w, err)
	var se *storeError
	if errors.As(err, &se) && se.detail {
		logDetail(w, loc, se.cause)
	}
}

// logDetail writes the technical cause of a failure the user was told about in plain words.
func logDetail(w io.Writer, loc *i18n.Localizer, err error) {
	fmt.Fprintln(w, "  "+loc.Tf("cli.detail", "Detail", err.Error()))
}

// errEmptyPassphrase means the passphrase file's first line is empty.
var errEmptyPassphrase = errors.New("passphrase file: first line empty")

// readPassphrase reads a passphrase (an identity's or the signing CA's) from the first line of
// a file, so that it never shows in the process list or the shell history. The line ending,
// \n or \r\n, is not part of it.
func readPassphrase(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("passphrase file: %w", err)
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 64<<10)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("passphrase file %s: %w", path, err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", errEmptyPassphrase
	}
	return line, nil
}

// warnExposed warns, like ssh does, when a secret file (an identity, a passphrase file) may be
// read by other users, and says how to fix it. The command goes on: the file is the user's.
func warnExposed(stderr io.Writer, loc *i18n.Localizer, paths ...string) {
	for _, p := range paths {
		if mode, exposed := identity.Exposed(p); exposed {
			fmt.Fprintln(stderr, loc.Tf("cli.secret_exposed", "Path", p, "Mode", fmt.Sprintf("%04o", uint32(mode))))
		}
	}
}

// passphraseErrorText is the sentence for a passphrase file readPassphrase could not use.
func passphraseErrorText(loc *i18n.Localizer, path string, err error) string {
	if errors.Is(err, errEmptyPassphrase) {
		return loc.Tf("export.cli.passphrase_empty", "Path", path)
	}
	return loc.Tf("export.cli.passphrase_unreadable", "Path", path)
}

// cliLocalizer is the language of command-line output: --lang, else Swedish.
func cliLocalizer(code string) *i18n.Localizer {
	l, _ := i18n.Parse(code)
	return i18n.New(l)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stdout, "handlingsplan", version.Version)
	return 0
}

func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("demo", stderr)
	db := fs.String("db", "", "database file to create (required)")
	year := fs.Int("year", time.Now().Year(), "the demo's current year N: plans for N-1, N and N+1")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	coordinator := fs.Bool("coordinator", false, "a coordinator's database: every board's plan signed, exported and imported")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	loc := cliLocalizer(*lang)
	if *db == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("cli.demo_usage"))
		return 2
	}
	if p := domain.ValidateYear(*year); p != nil {
		fmt.Fprintln(stderr, p.Text(loc))
		return 2
	}
	s, err := openStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	if err := loadDemo(s, *year, *coordinator); err != nil {
		if errors.Is(err, demo.ErrNotEmpty) {
			fmt.Fprintln(stderr, loc.Tf("cli.demo_not_empty", "Path", *db))
			return 1
		}
		fmt.Fprintln(stderr, loc.T("cli.demo_failed"))
		logDetail(stderr, loc, err)
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("cli.demo_done", "Path", *db, "Year", *year))
	return 0
}

// loadDemo writes the demo kommun into s: the boards' own plans, or with coordinator the
// coordinator's database, made the real way (plans exported, signed and imported). Either is
// one transaction: a failure or a kill leaves s as it was, and the demo can be made again.
func loadDemo(s *data.Store, year int, coordinator bool) error {
	if !coordinator {
		return demo.Generate(s, demo.Options{Year: year})
	}
	dir, err := os.MkdirTemp("", "handlingsplan-demo-")
	if err != nil {
		return fmt.Errorf("coordinator demo: %w", err)
	}
	defer os.RemoveAll(dir)
	return s.Atomically(func(s *data.Store) error {
		if boards, err := s.Boards(); err != nil {
			return err
		} else if len(boards) > 0 {
			return fmt.Errorf("coordinator demo: %w", demo.ErrNotEmpty)
		}
		if err := coorddemo.CoordinatorDemo(s, year, dir); err != nil {
			return err
		}
		// The GUI opens a coordinator's demo in the coordinator role.
		return s.SetSetting(settings.Role, settings.RoleCoordinator)
	})
}

// DefaultConfigDir is where the signer identity and the signing CA live: beside the default
// database (IT's preset folder, else the user's config directory).
func DefaultConfigDir() string {
	def := ""
	if dir, err := os.UserConfigDir(); err == nil {
		def = filepath.Join(dir, "handlingsplan")
	}
	p, _ := preset.Load()
	return p.ConfigDir(def)
}

// GUIOptions are the desktop app's own flags.
type GUIOptions struct {
	DB        string // the database file
	ConfigDir string // the folder of the signer identity and the signing CA
}

// ParseGUIArgs reads the desktop app's flags (--db, --config). When run is false the program
// ends with exit: 0 after --help (the commands and flags are listed), 2 after a usage error.
func ParseGUIArgs(args []string, stderr io.Writer) (opt GUIOptions, exit int, run bool) {
	fs := newFlags("handlingsplan", stderr)
	db := dbFlag(fs)
	cfgDir := fs.String("config", DefaultConfigDir(), "folder of the signer identity and the signing CA")
	pos, err := parseArgs(fs, args)
	loc := cliLocalizer(langOf(args))
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stderr)
		usage(stderr, loc)
		return opt, 0, false
	}
	if err != nil {
		return opt, 2, false
	}
	if len(pos) > 0 {
		usage(stderr, loc)
		return opt, 2, false
	}
	return GUIOptions{DB: *db, ConfigDir: *cfgDir}, 0, true
}

// OpenStore opens the database for the desktop app: see openStore. Another program asking
// for the database is told that a window holds it.
// The window writes on its UI goroutine, so it waits for another program's write lock only
// as long as it always did (5 s) before it names the program.
func OpenStore(path string, loc *i18n.Localizer) (*data.Store, error) {
	s, err := openStoreAs(path, loc, data.HolderWindow)
	if err == nil {
		s.SetBusyWait(5 * time.Second)
	}
	return s, err
}

// PrintError writes an error of OpenStore: its sentence and, where that cannot say why, the cause.
func PrintError(w io.Writer, loc *i18n.Localizer, err error) { printError(w, loc, err) }

// Detail is the technical cause of an OpenStore error whose sentence cannot say why, "" when
// the sentence says it all.
func Detail(err error) string {
	var se *storeError
	if errors.As(err, &se) && se.detail && se.cause != nil {
		return se.cause.Error()
	}
	return ""
}

// LoadDemo writes the demo kommun into s (see loadDemo); the start screen offers it.
func LoadDemo(s *data.Store, year int, coordinator bool) error { return loadDemo(s, year, coordinator) }
