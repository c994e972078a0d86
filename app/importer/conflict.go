package importer

import (
	"encoding/json"
	"errors"
	"fmt"

	"handlingsplan/app/submission"
	"handlingsplan/data"
	"handlingsplan/i18n"
)

// Conflicts: two received submissions for one board and year that disagree (the same version
// with other content, or two plans). Both are kept; the coordinator compares them side by side
// (Compare) and chooses which one is current (Choose). The GUI's coordinator area and the CLI's
// "submissions" command both use these.

// ErrNotInConflict means a comparison was asked for submissions that are not all of one board
// and year.
var ErrNotInConflict = errors.New("submissions are not of one board and year")

// Side is one submission of a comparison, with the payload it carried.
type Side struct {
	Submission data.Submission
	Payload    submission.Payload
}

// Comparison is two or more submissions of one board and year side by side.
type Comparison struct {
	Board string
	Year  int
	Sides []Side
	// Rows are what differs between the sides' plan content, then the totals (always shown).
	Rows []DiffRow
}

// OpenConflicts lists the boards and years with a conflict the coordinator has not chosen in.
func (im *Importer) OpenConflicts() ([]data.ConflictGroup, error) {
	im.fillHashes()
	return im.store.OpenConflicts("", 0)
}

// Compare loads the submissions ids (of one board and year) and what differs between them,
// worded in loc's language.
func (im *Importer) Compare(loc *i18n.Localizer, ids []int64) (Comparison, error) {
	var c Comparison
	for i, id := range ids {
		s, err := im.store.Submission(id)
		if err != nil {
			return Comparison{}, fmt.Errorf("compare submissions: %w", err)
		}
		if i == 0 {
			c.Board, c.Year = s.Board, s.Year
		} else if s.Board != c.Board || s.Year != c.Year {
			return Comparison{}, fmt.Errorf("compare submission %d (%s %d) with %s %d: %w", id, s.Board, s.Year, c.Board, c.Year, ErrNotInConflict)
		}
		raw, err := im.store.SubmissionPayload(id)
		if err != nil {
			return Comparison{}, fmt.Errorf("compare submissions: %w", err)
		}
		var p submission.Payload
		if err := json.Unmarshal(raw, &p); err != nil {
			return Comparison{}, fmt.Errorf("compare submissions: payload of submission %d: %w", id, err)
		}
		c.Sides = append(c.Sides, Side{Submission: s, Payload: p})
	}
	payloads := make([]submission.Payload, len(c.Sides))
	for i, s := range c.Sides {
		payloads[i] = s.Payload
	}
	c.Rows = Diff(loc, payloads)
	return c, nil
}

// CompareGroup compares the submissions of a conflict group.
func (im *Importer) CompareGroup(loc *i18n.Localizer, g data.ConflictGroup) (Comparison, error) {
	ids := make([]int64, len(g.Submissions))
	for i, s := range g.Submissions {
		ids[i] = s.ID
	}
	return im.Compare(loc, ids)
}

// Choose makes submission id the current one of its board and year and closes the board's and
// year's open conflicts. The audit log records the choice and who made it (the store's user).
func (im *Importer) Choose(id int64) (data.ChooseOutcome, error) {
	return im.store.ChooseCurrent(id)
}

// ChosenText is the sentence that confirms a choice.
func ChosenText(loc *i18n.Localizer, out data.ChooseOutcome) string {
	c := out.Chosen
	return loc.Tf("importer.choose.done", "Board", c.Board, "Year", c.Year, "Version", c.Version, "Signer", c.SignerName)
}
