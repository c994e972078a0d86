package widgets

// FitColumn is one column's widths for FitWidths, in pixels.
type FitColumn struct {
	Width float32 // what the column takes when there is room
	// Floor is the narrowest the column is squeezed to, e.g. its header's width; a floor at
	// or above Width keeps the column at Width.
	Floor float32
	// Weight is the column's share of the room left when every column has its Width; when no
	// column has weight, the last column takes it (it holds the longest text).
	Weight float32
	// Numeric columns hold figures: they give way only after the text columns are at their
	// floors, because a cut number misleads where cut text does not.
	Numeric bool
}

// FitWidths spreads avail over cols: when there is room every column has its Width and the
// rest goes by Weight (or to the last column); when there is not, text columns give way
// first, then figure columns, each in proportion to what it has above its floor and never
// below it.
func FitWidths(cols []FitColumn, avail float32) []float32 {
	out := make([]float32, len(cols))
	if len(out) == 0 {
		return out
	}
	var sum, weights float32
	for i, c := range cols {
		out[i] = c.Width
		sum += c.Width
		weights += c.Weight
	}
	if sum <= avail {
		if weights == 0 {
			out[len(out)-1] += avail - sum
			return out
		}
		for i, c := range cols {
			out[i] += (avail - sum) * c.Weight / weights
		}
		return out
	}
	excess := sum - avail
	for _, numeric := range []bool{false, true} { // text columns first, then figures
		var slack float32
		for i, c := range cols {
			if c.Numeric == numeric && out[i] > c.Floor {
				slack += out[i] - c.Floor
			}
		}
		if slack <= 0 {
			continue
		}
		take := min(excess, slack)
		for i, c := range cols {
			if w := out[i]; c.Numeric == numeric && w > c.Floor {
				out[i] = w - take*(w-c.Floor)/slack
			}
		}
		excess -= take
		if excess <= 0 {
			break
		}
	}
	return out
}
