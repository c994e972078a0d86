package register

import (
	"time"

	"fyne.io/fyne/v2"

	"handlingsplan/domain"
)

// now is the day the register is judged at.
func (v *View) now() time.Time {
	if v.env.Now != nil {
		return v.env.Now()
	}
	return time.Now()
}

// loadActivities reads the activities of the board's plans for this year and later: the
// register's warnings say which of them already have an activity.
func (v *View) loadActivities() {
	acts, err := v.store.BoardActivities(v.board.ID, v.now().Year())
	if err != nil {
		fyne.LogError("register: read the board's activities", err)
		return
	}
	v.acts = acts
}

// activities are the board's planned activities as the domain's rules take them.
func (v *View) activities() []domain.Activity {
	out := make([]domain.Activity, len(v.acts))
	for i, a := range v.acts {
		out[i] = a.Activity
	}
	return out
}
