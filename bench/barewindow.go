//go:build ignore

// Barewindow is a Fyne app with one window and one label, built with the same tags and app
// set-up as Handlingsplan: the yardstick for how fast Handlingsplan's first window appears.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("se.handlingsplan.bench.bare")
	w := a.NewWindow("bare")
	w.SetContent(widget.NewLabel("Handlingsplan"))
	w.Resize(fyne.NewSize(1180, 760)) // the size of Handlingsplan's window
	w.ShowAndRun()
}
