package cli

import (
	"fmt"
	"io"
	"time"

	"handlingsplan/app/backup"
	"handlingsplan/i18n"
)

// runBackup is "handlingsplan backup [--db DB] --out FILE": a copy of the whole database,
// made with SQLite's online backup (the desktop app may keep running on another database;
// on the same one it holds the lock, and the app's own Settings → Säkerhetskopiera is the way).
func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("backup", stderr)
	db := dbFlag(fs)
	out := fs.String("out", "", "the backup file to write")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	loc := cliLocalizer(*lang)
	if *out == "" || len(pos) > 0 {
		fmt.Fprintln(stderr, loc.T("backup.cli.usage_backup"))
		return 2
	}
	s, err := openExistingStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	if err := backup.Save(s, *out); err != nil {
		backupFailed(stderr, loc, err, *out, false)
		return 1
	}
	info, err := backup.Check(*out)
	if err != nil {
		backupFailed(stderr, loc, err, *out, false)
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("backup.cli.saved", "Path", *out, "Boards", info.Boards, "Plans", info.Plans))
	return 0
}

// runRestore is "handlingsplan restore [--db DB] [--check] FILE": checks the backup and, unless
// --check, replaces the database with it, keeping the database as it was in a file beside it.
func runRestore(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("restore", stderr)
	db := dbFlag(fs)
	check := fs.Bool("check", false, "only check the backup file; change nothing")
	lang := fs.String("lang", "sv", "language of messages (sv, en)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	loc := cliLocalizer(*lang)
	if len(pos) != 1 {
		fmt.Fprintln(stderr, loc.T("backup.cli.usage_restore"))
		return 2
	}
	src := pos[0]
	if *check {
		info, err := backup.Check(src)
		if err != nil {
			backupFailed(stderr, loc, err, src, true)
			return 1
		}
		fmt.Fprintln(stdout, loc.Tf("backup.cli.checked", "Path", src, "Boards", info.Boards, "Plans", info.Plans))
		return 0
	}
	// A restore onto a new computer is the common case: the database may not exist yet.
	s, err := openStore(*db, loc, stderr)
	if err != nil {
		printError(stderr, loc, err)
		return 1
	}
	defer s.Close()
	res, err := backup.Restore(s, src, time.Now())
	if err != nil {
		backupFailed(stderr, loc, err, src, true)
		return 1
	}
	fmt.Fprintln(stdout, loc.Tf("backup.cli.restored", "Path", *db, "From", src, "Boards", res.Info.Boards, "Plans", res.Info.Plans))
	fmt.Fprintln(stdout, loc.Tf("backup.kept", "Path", res.Kept))
	return 0
}

// backupFailed prints the sentence for a failed backup or restore, and the cause when the
// sentence cannot say why.
func backupFailed(w io.Writer, loc *i18n.Localizer, err error, path string, restore bool) {
	text, known := backup.ErrorText(loc, err, path, restore)
	fmt.Fprintln(w, text)
	if !known {
		logDetail(w, loc, err)
	}
}
