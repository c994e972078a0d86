package assets

import _ "embed"

// The PDF report's typeface: DejaVu Sans Condensed (Bitstream Vera licence, see
// fonts/LICENSE-DejaVu.txt). It covers Swedish and the typographic signs the app prints
// (– − … · ”), and its condensed width lets the report's tables fit on A4 portrait.
// The slices are shared: read them, never modify them.
var (
	//go:embed fonts/DejaVuSansCondensed.ttf
	FontRegular []byte

	//go:embed fonts/DejaVuSansCondensed-Bold.ttf
	FontBold []byte
)
