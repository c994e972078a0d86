package present

import (
	"slices"
	"testing"

	model "handlingsplan/app/present"
)

// BenchmarkSlide measures a slide change for each kind of slide: making the slide's canvas
// objects and laying them out at 1920 × 1080, which is what a key press costs before the GL
// driver paints the frame.
func BenchmarkSlide(b *testing.B) {
	deck := planDeck(b)
	s, _ := start(b, deck, "")
	size := s.slide.Size()
	for _, k := range model.Kinds {
		i := slices.IndexFunc(deck.Slides, func(s model.Slide) bool { return s.Kind == k })
		if i < 0 {
			continue
		}
		b.Run(string(k), func(b *testing.B) {
			for b.Loop() {
				s.show(i)
				s.layout.Layout(s.slide.Objects, size)
			}
		})
	}
}

// BenchmarkCapture adds painting the whole 1920 × 1080 frame with the test driver's software
// painter: an upper bound, as the desktop driver paints on the GPU.
func BenchmarkCapture(b *testing.B) {
	deck := planDeck(b)
	s, w := start(b, deck, "")
	for _, k := range []model.Kind{model.KindTitle, model.KindTimeline, model.KindTraining} {
		i := deck.First(k)
		b.Run(string(k), func(b *testing.B) {
			for b.Loop() {
				s.show(i)
				w.Canvas().Capture()
			}
		})
	}
}
