//go:build !race

// Tests that paint the whole window in software: run by `make test` without the race detector
// (the painting is Fyne's, and -race makes it some ten times slower); what they build and tap
// is covered under -race by the other tests.

package overview

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ov "handlingsplan/app/overview"
	"handlingsplan/i18n"
)

// Every tab renders; the images go to $HP_SHOTS when it names a folder (for looking at them).
func TestScreenshots(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		v, w := newView(t, lang)
		dir := os.Getenv("HP_SHOTS")
		shot := func(name string) {
			img := w.Canvas().Capture()
			if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 600 {
				t.Fatalf("%s captured %v", name, b)
			}
			if dir == "" {
				return
			}
			f, err := os.Create(filepath.Join(dir, string(lang)+"-"+name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		for i, item := range v.tabs.Items {
			v.tabs.SelectIndex(i)
			shot(strings.ToLower(strings.ReplaceAll(item.Text, " ", "-")))
		}
		// Resources in hours, a drill-down list and the note editor.
		v.tabs.SelectIndex(1)
		v.res.sel.SetSelected(v.loc.T(ov.MetricHours.Key()))
		shot("resources-hours")
		v.res.table.tapCell(v.res.table.shown(), 3)
		shot("drill")
		for _, o := range w.Canvas().Overlays().List() {
			w.Canvas().Overlays().Remove(o)
		}
		v.editNote("Socialnämnden")
		shot("note")
		for _, o := range w.Canvas().Overlays().List() {
			w.Canvas().Overlays().Remove(o)
		}
	}
}
