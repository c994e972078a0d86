package main

import (
	_ "embed"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"handlingsplan/app/preset"
	"handlingsplan/app/settings"
	"handlingsplan/assets"
	"handlingsplan/cli"
	"handlingsplan/data"
	"handlingsplan/i18n"
	"handlingsplan/ui"
	"handlingsplan/version"
)

// appID is the Fyne app ID (also in FyneApp.toml): Fyne keeps the app's preferences under it.
const appID = "se.handlingsplan.desktop"

// The program's licence and the third-party licences (generated from go.mod by
// packaging/licenses), shown in the About dialog.
var (
	//go:embed LICENSE
	licence string
	//go:embed packaging/third-party-licenses.txt
	thirdPartyLicences string
)

func runGUI(args []string, stderr io.Writer) int {
	opt, exit, run := cli.ParseGUIArgs(args, stderr)
	if !run {
		return exit
	}
	loc := i18n.New(i18n.Default)
	if !hasDisplay() {
		// GLFW would panic with a stack trace; say what is wrong and what still works.
		fmt.Fprintln(stderr, loc.T("cli.no_display"))
		return 1
	}
	useSwedishRegion()
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	store, err := cli.OpenStore(opt.DB, loc)
	if err != nil {
		// stderr has the technical cause for IT support; the window too, as on Windows nobody
		// reads stderr (a preset IT set names the file and line there).
		cli.PrintError(stderr, loc, err)
		msg := err.Error()
		if d := cli.Detail(err); d != "" {
			msg += "\n\n" + loc.Tf("cli.detail", "Detail", d)
		}
		showFatal(a, loc, msg)
		return 1
	}
	defer store.Close()
	// No OpenGL 2.1 (a VM or remote desktop without a graphics card): Fyne only logs and exits.
	// Say so, in the user's language, where they will see it.
	lang, _ := i18n.Parse(store.Setting(settings.Lang, string(i18n.Default)))
	uloc := i18n.New(lang)
	watch := newGLWatch(stderr, func(cause string) {
		text := uloc.T("start.no_opengl")
		if cause != "" {
			text += "\n\n" + uloc.Tf("cli.detail", "Detail", cause)
		}
		showStartFailure(stderr, uloc.T("start.no_opengl.title"), text)
		// Fyne would wait for a window that never comes (seen on Linux) or exit on its own;
		// nothing has been written yet, so close the database and end here.
		store.Close()
		os.Exit(1)
	})
	log.SetOutput(watch)
	pre, _ := preset.Load() // a broken preset stopped OpenStore already
	sh := ui.NewApp(a, store, ui.Options{
		DemoYear:            time.Now().Year(),
		LoadDemo:            func(s *data.Store, year int) error { return cli.LoadDemo(s, year, false) },
		LoadCoordinatorDemo: func(s *data.Store, year int) error { return cli.LoadDemo(s, year, true) },
		Config: ui.Config{ConfigDir: opt.ConfigDir, AppVersion: version.Version,
			Licence: licence, ThirdParty: thirdPartyLicences, PresetSource: pre.Source},
	})
	sh.Run()
	return 0
}

// showFatal tells the user, in a window, why the app cannot start (they may have started it
// from a menu, where nobody reads stderr), e.g. that the database is open in another window.
func showFatal(a fyne.App, loc *i18n.Localizer, msg string) {
	w := a.NewWindow(loc.T("app.tagline"))
	w.SetContent(fatalContent(loc, msg, a.Quit))
	// The content's minimum is the message wrapped at a readable width, so the window is a
	// short, wide box and never the tall, narrow one a wrapped label alone asks for.
	w.Resize(w.Content().MinSize())
	w.CenterOnScreen()
	w.ShowAndRun()
}

// fatalMessageWidth is the width a start-up message wraps at: about 70 characters a line.
const fatalMessageWidth = 520

// fatalContent is the message with its icon over a Close button.
func fatalContent(loc *i18n.Localizer, msg string, onClose func()) fyne.CanvasObject {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	icon := widget.NewIcon(theme.ErrorIcon())
	closeBtn := widget.NewButton(loc.T("cli.close"), onClose)
	closeBtn.Importance = widget.HighImportance
	message := container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.New(wrapWidth{fatalMessageWidth}, text))
	return container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil, message))
}

// wrapWidth lays out one wrapping label at (at least) a fixed width and asks for the height
// its lines take there: a wrapped label on its own asks for the width of one word.
type wrapWidth struct{ width float32 }

func (l wrapWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.NewSize(l.width, 0)
	}
	o := objs[0]
	if o.Size().Width < l.width {
		o.Resize(fyne.NewSize(l.width, o.Size().Height))
	}
	return fyne.NewSize(l.width, o.MinSize().Height)
}

func (l wrapWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
}

// hasDisplay reports whether a graphical display is reachable (on Linux and the BSDs an X11 or
// Wayland display must be named; macOS and Windows always have one).
func hasDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}

// useSwedishRegion makes Fyne's date fields type and show ISO dates (2027-03-15, the Swedish
// standard the rest of the app uses) and weeks start on Monday, whatever region the OS reports
// (a LANG of C gives dd/mm/yyyy). Fyne reads the region from LC_ALL, LC_MESSAGES or LANG,
// and then prefers LANGUAGE, which has no region when set (earlylocale's "en" for LANG=C, or
// Debian's "sv:en"): both are set. Neither changes anything else in a Go program (the app's
// and Fyne's texts follow the language chosen in the app); a user's LC_ALL is left alone.
func useSwedishRegion() {
	if os.Getenv("LC_ALL") == "" {
		os.Setenv("LC_MESSAGES", "sv_SE.UTF-8")
		os.Setenv("LANGUAGE", "sv_SE")
	}
}
