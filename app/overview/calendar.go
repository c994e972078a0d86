package overview

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"handlingsplan/domain"
)

// Event is one date of a training or information event: a training held on three dates is
// three events.
type Event struct {
	Board    string
	PlanID   int64
	Training domain.Training
	Date     time.Time // zero for a training without dates
	Session  int       // 1-based number of this date among the training's dates
}

// Month is the events of one calendar month.
type Month struct {
	Start  time.Time // the first of the month
	Events []Event   // by date, then board
}

// OverlapReason tells why events are a chance to share.
type OverlapReason string

const (
	OverlapTitle  OverlapReason = "title"  // similar titles
	OverlapTarget OverlapReason = "target" // similar target groups
)

// Overlap is a set of events of different boards in the same month with a similar title or
// target group: a chance to hold one training together.
type Overlap struct {
	Month  time.Time
	Reason OverlapReason
	Events []Event
	Boards []string
}

// Calendar is every training and information event of the year's plans.
type Calendar struct {
	Events   []Event // dated events by date, then board
	Undated  []Event // trainings without any date
	Months   []Month // the months that have events, in order
	Overlaps []Overlap
	// Expected is the sum of expected participants over the trainings (not the dates).
	Expected int
	// Trainings counts the trainings (a training with several dates counts once).
	Trainings int
	// ByFormat counts the dated events by their training's format.
	ByFormat map[domain.TrainingFormat]int
	// ByBoard counts, for every board that sent a plan, its dated events per quarter of the
	// year; events dated in another year are counted in Outside.
	ByBoard []TrainingRow
}

// TrainingRow is one board's training and information events per quarter of the year.
type TrainingRow struct {
	Board    string
	Quarters [4]int
	Outside  int // dated in another year
}

func calendar(o *Overview) Calendar {
	c := Calendar{ByFormat: map[domain.TrainingFormat]int{}}
	for _, d := range o.Plans {
		row := TrainingRow{Board: d.Plan.Board}
		for _, t := range d.Trainings {
			for _, day := range t.Dates {
				c.ByFormat[t.Format]++
				if day.Year() == o.Year {
					row.Quarters[(int(day.Month())-1)/3]++
				} else {
					row.Outside++
				}
			}
			c.Trainings++
			c.Expected += t.ExpectedParticipants
			if len(t.Dates) == 0 {
				c.Undated = append(c.Undated, Event{Board: d.Plan.Board, PlanID: d.Plan.ID, Training: t})
				continue
			}
			for i, day := range t.Dates {
				c.Events = append(c.Events, Event{Board: d.Plan.Board, PlanID: d.Plan.ID, Training: t, Date: day, Session: i + 1})
			}
		}
		c.ByBoard = append(c.ByBoard, row)
	}
	loc := o.loc
	slices.SortStableFunc(c.Events, func(a, b Event) int {
		return cmp.Or(a.Date.Compare(b.Date), loc.Compare(a.Board, b.Board), cmp.Compare(a.Training.Position, b.Training.Position))
	})
	for _, e := range c.Events {
		start := time.Date(e.Date.Year(), e.Date.Month(), 1, 0, 0, 0, 0, time.UTC)
		if n := len(c.Months); n == 0 || !c.Months[n-1].Start.Equal(start) {
			c.Months = append(c.Months, Month{Start: start})
		}
		m := &c.Months[len(c.Months)-1]
		m.Events = append(m.Events, e)
	}
	for _, m := range c.Months {
		c.Overlaps = append(c.Overlaps, overlaps(m, loc.Compare)...)
	}
	return c
}

// overlaps groups the events of one month that are similar across boards. Similarity links
// pairs; a group is what the links join (so A~B and B~C make one group), kept when it spans at
// least two boards. Two dates of one training are one event here.
func overlaps(m Month, compare func(a, b string) int) []Overlap {
	// One entry per training, not per date.
	type item struct {
		ev              Event
		title, target   []string
		titleLinked     bool
		parent          int
		sameTitleReason bool
	}
	var items []item
	seen := map[[2]any]bool{}
	for _, e := range m.Events {
		k := [2]any{e.PlanID, e.Training.ID}
		if e.Training.ID == 0 {
			k = [2]any{e.Board, e.Training.Title + "\x00" + e.Training.TargetGroup}
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		items = append(items, item{ev: e, title: words(e.Training.Title), target: words(e.Training.TargetGroup), parent: len(items)})
	}
	var find func(i int) int
	find = func(i int) int {
		for items[i].parent != i {
			items[i].parent = items[items[i].parent].parent
			i = items[i].parent
		}
		return i
	}
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if items[i].ev.Board == items[j].ev.Board {
				continue
			}
			byTitle := similar(items[i].title, items[j].title)
			if !byTitle && !similar(items[i].target, items[j].target) {
				continue
			}
			if byTitle {
				items[i].titleLinked, items[j].titleLinked = true, true
			}
			items[find(i)].parent = find(j)
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range items {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []Overlap
	for _, r := range roots {
		members := groups[r]
		boards := map[string]bool{}
		ov := Overlap{Month: m.Start, Reason: OverlapTarget}
		for _, i := range members {
			boards[items[i].ev.Board] = true
			if items[i].titleLinked {
				ov.Reason = OverlapTitle
			}
		}
		if len(boards) < 2 {
			continue
		}
		for b := range boards {
			ov.Boards = append(ov.Boards, b)
		}
		slices.SortFunc(ov.Boards, compare)
		for _, e := range m.Events {
			for _, i := range members {
				it := items[i].ev
				if e.Board == it.Board && e.PlanID == it.PlanID && e.Training.ID == it.Training.ID && e.Training.Title == it.Training.Title {
					ov.Events = append(ov.Events, e)
					break
				}
			}
		}
		out = append(out, ov)
	}
	return out
}

// stopWord reports whether w is a Swedish or English word that says nothing about what a
// training is or for whom.
func stopWord(w string) bool {
	switch w {
	case "och", "för", "med", "som", "vid", "via", "till", "den", "det", "ett", "sina", "sin", "alla", "all",
		"the", "and", "for", "with":
		return true
	}
	return false
}

// words are the significant words of s, lower case, in order of first appearance.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) < 3 || stopWord(w) || slices.Contains(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// similar reports whether two word lists name much the same thing: most of the shorter one's
// words are in the longer one ("Alla medarbetare" and "Alla medarbetare med e-post"). A
// one-word text must match a word exactly; words share a stem when one begins with the other
// and the shorter has at least five letters ("chef" ≠ "chefer", "medarbetare" = "medarbetarna").
func similar(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	hits := 0
	for _, w := range a {
		for _, v := range b {
			if sameStem(w, v) {
				hits++
				break
			}
		}
	}
	return hits*4 >= len(a)*3
}

func sameStem(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	n := len(ra)
	if n < 5 {
		return false
	}
	// Swedish inflects at the end: compare all but the last two letters of the shorter word.
	k := n - 2
	return string(ra[:k]) == string(rb[:k])
}

// EventRows are the events of a month (zero: all dated events).
func (o *Overview) EventRows(month time.Time) Rows {
	if month.IsZero() {
		return Rows{Events: slices.Clone(o.Calendar.Events)}
	}
	for _, m := range o.Calendar.Months {
		if m.Start.Equal(month) {
			return Rows{Events: slices.Clone(m.Events)}
		}
	}
	return Rows{}
}
