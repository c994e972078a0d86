// Package fit finds what a user at a small screen would see as broken: a text cut with an
// ellipsis, a single-line field too narrow for what it holds, a widget lying outside the
// container that holds it. Tests build a real view in Fyne's test window at a laptop size
// (1366×728, 1280×720) and ask Check for the problems; the test fails naming each one.
package fit

import (
	"fmt"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Laptop sizes: the common municipal laptop less its taskbar, and a projector.
var (
	Laptop    = fyne.NewSize(1366, 728)
	Projector = fyne.NewSize(1280, 720)
)

// Sizes lists the sizes every view is checked at.
var Sizes = []fyne.Size{Laptop, Projector}

// Problem is one thing the user could not read or reach.
type Problem struct {
	Kind string // "ellipsis", "clipped", "outside"
	Text string // the text concerned, or the widget's type
	Path string // the chain of types from the root, for finding it
}

func (p Problem) String() string {
	// The last few types are enough to find the widget; the whole chain is mostly containers.
	parts := strings.Split(p.Path, "/")
	if len(parts) > 6 {
		parts = append([]string{"…"}, parts[len(parts)-5:]...)
	}
	return fmt.Sprintf("%s %q at %s", p.Kind, p.Text, strings.Join(parts, "/"))
}

// Options tunes a check. Allow lists texts (prefixes) that may be shortened on purpose,
// such as a file path in a narrow status line.
type Options struct {
	Allow []string
}

// Check walks the laid-out tree under root and returns what is cut or out of place. Hidden
// objects and the parts of a scroll container's content outside its viewport are skipped:
// the user reaches those by scrolling.
func Check(root fyne.CanvasObject, o Options) []Problem {
	var out []Problem
	walk(root, "", fyne.NewPos(0, 0), root.Size(), false, o, &out)
	return out
}

func walk(obj fyne.CanvasObject, path string, pos fyne.Position, parent fyne.Size, inScroll bool, o Options, out *[]Problem) {
	if obj == nil || !obj.Visible() {
		return
	}
	path += "/" + strings.TrimPrefix(fmt.Sprintf("%T", obj), "*")
	switch t := obj.(type) {
	case *canvas.Text:
		if strings.HasSuffix(t.Text, "…") && !allowed(t.Text, o) {
			*out = append(*out, Problem{"ellipsis", t.Text, path})
		}
		return
	}
	// The app's inputs wrap widget.Entry (widgets.TextEntry, NumberEntry, DateEntry): check
	// the Entry inside them too.
	if e := entryOf(obj); e != nil && clipped(e) && !allowed(e.Text, o) {
		*out = append(*out, Problem{"clipped", e.Text, path})
	}
	// A widget placed partly outside its parent cannot be seen whole, unless a scroller
	// lets the user bring it in.
	if _, ok := obj.(fyne.Widget); ok && !inScroll && outside(obj, parent) {
		*out = append(*out, Problem{"outside", fmt.Sprintf("%T %v+%v in %v", obj, obj.Position(), obj.Size(), parent), path})
	}
	var kids []fyne.CanvasObject
	scroll := inScroll
	switch t := obj.(type) {
	case *fyne.Container:
		kids = t.Objects
	case *container.Scroll:
		scroll = true
		kids = []fyne.CanvasObject{t.Content}
	case fyne.Widget:
		kids = test.WidgetRenderer(t).Objects()
		// Their rows and their text scroll inside them. (Named, not switched on: layers'
		// TestOneTable allows no other package to name Fyne's table.)
		if scrollsInside[reflect.TypeOf(t).String()] {
			scroll = true
		}
	}
	for _, k := range kids {
		walk(k, path, pos.Add(k.Position()), obj.Size(), scroll, o, out)
	}
}

var scrollsInside = map[string]bool{"*widget.Table": true, "*widget.List": true, "*widget.Tree": true,
	"*widget.GridWrap": true, "*widget.Entry": true}

// entryOf is obj's widget.Entry: obj itself, or the Entry it embeds (at any depth); nil when none.
func entryOf(obj fyne.CanvasObject) *widget.Entry {
	if e, ok := obj.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(obj)
	for v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct {
		v = v.Elem()
		if v.NumField() == 0 || !v.Type().Field(0).Anonymous || !v.Type().Field(0).IsExported() {
			return nil
		}
		f := v.Field(0)
		if e, ok := f.Addr().Interface().(*widget.Entry); ok {
			return e
		}
		v = f.Addr()
	}
	return nil
}

func allowed(text string, o Options) bool {
	for _, a := range o.Allow {
		if strings.HasPrefix(strings.TrimSuffix(text, "…"), strings.TrimSuffix(a, "…")) {
			return true
		}
	}
	return false
}

// outside is true when obj pokes more than a pixel out of a parent of the given size.
func outside(obj fyne.CanvasObject, parent fyne.Size) bool {
	p, s := obj.Position(), obj.Size()
	if s.Width <= 0 || s.Height <= 0 || parent.Width <= 0 || parent.Height <= 0 {
		return false
	}
	const slack = 1
	return p.X < -slack || p.Y < -slack || p.X+s.Width > parent.Width+slack || p.Y+s.Height > parent.Height+slack
}

// clipped is true when a one-line field is too narrow for its text: the user sees the
// first or last characters cut (a date missing its last digit).
func clipped(e *widget.Entry) bool {
	if e.MultiLine || e.Text == "" || e.Size().Width <= 0 {
		return false
	}
	th := theme.Current()
	text := e.Text
	if e.Password {
		text = strings.Repeat("•", len([]rune(text)))
	}
	need := fyne.MeasureText(text, th.Size(theme.SizeNameText), e.TextStyle).Width
	room := e.Size().Width - 2*th.Size(theme.SizeNameInnerPadding) - 2*th.Size(theme.SizeNameInputBorder)
	if e.ActionItem != nil {
		room -= e.ActionItem.MinSize().Width + th.Size(theme.SizeNamePadding)
	}
	return need > room+1
}

// Report formats problems one per line for a test failure, at most n of them.
func Report(ps []Problem, n int) string {
	var b strings.Builder
	for i, p := range ps {
		if i == n {
			fmt.Fprintf(&b, "… and %d more\n", len(ps)-n)
			break
		}
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}
