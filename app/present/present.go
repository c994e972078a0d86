// Package present is the slide model of presentation mode: which slides a board's plan or the
// coordinator's municipal overview yields, what each one says, and where on the slide it goes.
//
// A deck is laid out once, in slide points on a 960 × 540 page (a 16:9 slide, the size
// presentation programs use), with the DejaVu Sans Condensed typeface from the assets package.
// The presentation view (ui/present) scales those items to the screen and the handout
// (Handout) prints them on 16:9 PDF pages, so both show the same slides in the same order.
// Text never shrinks to make room: a long table continues on further slides.
//
// A deck keeps no reference into the data it was built from, so it is a frozen snapshot:
// edits and imports made while it is shown do not change it.
package present

import (
	"time"

	"handlingsplan/i18n"
)

// Slide geometry in points: a 16:9 slide as presentation programs size it (13.33 × 7.5 inch),
// so "28 pt on a slide" is 28 here and 56 pixels at 1920 × 1080.
const (
	SlideW = 960.0
	SlideH = 540.0
)

// Text sizes in points. Everything on a slide but the footer is at least SizeBody, so it can
// be read from the back of a room.
const (
	SizeDeckTitle = 54.0 // the title slide's title
	SizeTitle     = 40.0 // a slide's heading
	SizeBig       = 76.0 // the big numbers of the summary (shrunk to fit, never below SizeBigMin)
	SizeBigMin    = 44.0
	SizeBody      = 28.0
	SizeFooter    = 16.0 // the small footer: source and slide counter
)

// Kind is what a slide shows. Continuation slides of a long table share their kind, and the
// slides of one kind form a section (Shift+F5 starts at the first slide of the current one).
type Kind string

const (
	KindTitle     Kind = "title"
	KindSummary   Kind = "summary"
	KindBoards    Kind = "boards" // overview only: one row per board
	KindGoals     Kind = "goals"
	KindTimeline  Kind = "timeline"
	KindResources Kind = "resources"
	KindTraining  Kind = "training"
	KindFollowUp  Kind = "followup"
	KindRegister  Kind = "register"
	KindDecisions Kind = "decisions"
	KindAreas     Kind = "areas"  // overview only: the law's requirement areas, decisions, management training
	KindLatest    Kind = "latest" // overview only: each board's latest follow-up
	KindAnnual    Kind = "annual" // a plan's annual goals
)

// Kinds lists every kind in deck order.
var Kinds = []Kind{KindTitle, KindSummary, KindBoards, KindAnnual, KindGoals, KindTimeline, KindResources, KindTraining, KindFollowUp,
	KindLatest, KindAreas, KindRegister, KindDecisions}

// Deck is a laid-out presentation.
type Deck struct {
	Title  string // for the handout's document properties
	Author string // the kommun
	Source string // the source's name and version, printed in every slide's footer
	Lang   i18n.Lang
	Made   time.Time // when the snapshot was taken
	Slides []Slide

	counter func(n, total int) string
}

// Slide is one slide: its kind, its heading and everything drawn on it except the footer.
type Slide struct {
	Kind  Kind
	Title string // the heading as shown, with "(2 av 3)" on continuation slides
	Part  int    // 1-based part of a table that runs over several slides
	Parts int
	Items []Item
}

// ItemKind tells how an item is drawn.
type ItemKind uint8

const (
	ItemText ItemKind = iota // Text in a line box X, Y, W, H
	ItemRect                 // filled rectangle X, Y, W, H
	ItemLine                 // line from X, Y to X+W, Y+H of width Stroke
)

// Align is the horizontal alignment of a text in its box.
type Align uint8

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Role says what a text is for; tests use it to check sizes, the view does not need it.
type Role uint8

const (
	RoleBody Role = iota
	RoleTitle
	RoleBig
	RoleFooter
)

// Color is 0xRRGGBB.
type Color uint32

// RGB splits the colour into its parts.
func (c Color) RGB() (r, g, b uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// Item is one thing drawn on a slide, in slide points. A text's box is one line high; the text is
// centred vertically in it, as Fyne does.
type Item struct {
	Kind   ItemKind
	X, Y   float64
	W, H   float64
	Text   string
	Size   float64
	Bold   bool
	Align  Align
	Color  Color
	Stroke float64
	Role   Role
}

// The palette: dark text on white, for projectors in lit rooms. Every colour that carries
// meaning also has a label next to it.
const (
	ColBackground Color = 0xffffff
	ColText       Color = 0x141414
	ColMuted      Color = 0x454a50
	ColHeading    Color = 0x0b3a6e
	ColAccent     Color = 0x1f5fa8
	ColAccent2    Color = 0x0f7b74
	ColRule       Color = 0x8a929c
	ColRuleLight  Color = 0xc9ced5
	ColHeaderFill Color = 0xe3eaf3
	ColShade      Color = 0xf1f3f6
	ColWarn       Color = 0xa31515
	ColWarnFill   Color = 0xfbe8e8
	ColToday      Color = 0xc0261b
	ColDone       Color = 0x1e7b34
	ColInProgress Color = 0x1f5fa8
	ColNotStarted Color = 0x8a5a00
	ColDropped    Color = 0x6b6f75
	ColPaused     Color = 0x6a4c93
	ColDelayed    Color = 0xb35c00
)

// Layout of every slide in points.
const (
	marginX       = 40.0
	contentW      = SlideW - 2*marginX
	titleY        = 22.0
	titleH        = 52.0
	titleRuleY    = 84.0
	contentTop    = 100.0
	footerRuleY   = 500.0
	contentBottom = footerRuleY - 12
	footerY       = 508.0
	footerH       = 22.0
	lineH         = SizeBody * 1.2 // one line of body text
	rowPad        = 10.0           // space above and below a table row's text
)

// Footer is what slide i (0-based) shows in its footer: the source at the left and the slide
// counter at the right. The view adds the clock in the middle.
func (d *Deck) Footer(i int) []Item {
	counter := d.counterText(i+1, len(d.Slides))
	cw := measure(counter, SizeFooter, false)
	src := fitText(d.Source, SizeFooter, false, contentW-cw-40)
	return []Item{
		{Kind: ItemLine, X: marginX, Y: footerRuleY, W: contentW, Stroke: 0.75, Color: ColRuleLight},
		{Kind: ItemText, X: marginX, Y: footerY, W: contentW - cw - 20, H: footerH, Text: src, Size: SizeFooter, Color: ColMuted, Role: RoleFooter},
		{Kind: ItemText, X: SlideW - marginX - cw - 4, Y: footerY, W: cw + 4, H: footerH, Text: counter, Size: SizeFooter, Color: ColMuted, Align: AlignRight, Role: RoleFooter},
	}
}

// FooterCentre is the box in the middle of the footer where the view puts the clock.
func FooterCentre() (x, y, w, h float64) { return SlideW/2 - 150, footerY, 300, footerH }

func (d *Deck) counterText(n, total int) string {
	if d.counter != nil {
		return d.counter(n, total)
	}
	return itoa(n) + " / " + itoa(total)
}

// First returns the index of the first slide of kind k, or 0 when the deck has none.
func (d *Deck) First(k Kind) int {
	for i, s := range d.Slides {
		if s.Kind == k {
			return i
		}
	}
	return 0
}

// SectionStart returns the index of the first slide of the section slide i belongs to.
func (d *Deck) SectionStart(i int) int {
	if i < 0 || i >= len(d.Slides) {
		return 0
	}
	for i > 0 && d.Slides[i-1].Kind == d.Slides[i].Kind {
		i--
	}
	return i
}

// Texts returns every text of slide i in drawing order (footer excluded): for tests and search.
func (d *Deck) Texts(i int) []string {
	var out []string
	for _, it := range d.Slides[i].Items {
		if it.Kind == ItemText {
			out = append(out, it.Text)
		}
	}
	return out
}
