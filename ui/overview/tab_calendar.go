package overview

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ov "handlingsplan/app/overview"
)

// calendarTab is the training calendar: the events per month, every event, and the events that
// boards could share.
type calendarTab struct {
	v        *View
	months   *fyne.Container
	overlaps *fyne.Container
	table    *sortTable
}

func (t *calendarTab) build() fyne.CanvasObject {
	loc := t.v.loc
	t.months = container.NewGridWithColumns(12)
	t.overlaps = container.NewVBox()
	t.table = newSortTable(loc, []column{
		{loc.T("overview.col.date"), 100, false},
		{loc.T("overview.col.board"), 210, false},
		{loc.T("overview.col.training"), 300, false},
		{loc.T("overview.col.target_group"), 230, false},
		{loc.T("overview.col.format"), 150, false},
		{loc.T("overview.col.expected_short"), 90, true},
		{loc.T("overview.col.share_with"), 300, false},
	}, t.v.showRows)
	t.table.onText = t.v.showCell
	over := container.NewBorder(widget.NewLabelWithStyle(loc.T("exports.ks.trainings.overlaps"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(t.overlaps))
	split := container.NewVSplit(t.table.object(), over)
	split.Offset = 0.68
	return container.NewBorder(t.months, nil, nil, nil, split)
}

func (t *calendarTab) show() {
	o, loc := t.v.o, t.v.loc
	t.months.RemoveAll()
	for m := time.January; m <= time.December; m++ {
		start := time.Date(o.Year, m, 1, 0, 0, 0, 0, time.UTC)
		n := len(o.EventRows(start).Events)
		b := widget.NewButton(loc.MonthShort(m)+" "+strconv.Itoa(n), nil)
		if n == 0 {
			b.Disable()
		} else {
			title := loc.Tf("overview.drill.month", "Month", loc.Month(m), "Year", o.Year)
			b.OnTapped = func() { t.v.showRows(title, o.EventRows(start)) }
		}
		b.Importance = widget.LowImportance
		t.months.Add(b)
	}
	shared := map[string]string{}
	for _, ov := range o.Calendar.Overlaps {
		for _, e := range ov.Events {
			var others []string
			for _, b := range ov.Boards {
				if b != e.Board {
					others = append(others, b)
				}
			}
			shared[eventKey(e)] = strings.Join(others, ", ")
		}
	}
	var rows [][]tcell
	for _, e := range append(append([]ov.Event(nil), o.Calendar.Events...), o.Calendar.Undated...) {
		tr := e.Training
		title := tr.Title
		if len(tr.Dates) > 1 {
			title += " (" + loc.Tf("overview.session", "N", e.Session, "Count", len(tr.Dates)) + ")"
		}
		date := tcell{text: loc.Date(e.Date), num: float64(e.Date.Unix())}
		if e.Date.IsZero() {
			date = tcell{text: loc.T("overview.no_date"), warn: true}
		}
		rows = append(rows, []tcell{date, {text: e.Board, bold: true}, text(title), text(tr.TargetGroup),
			text(keyOr(loc, "format."+string(tr.Format), string(tr.Format))), num(loc, int64(tr.ExpectedParticipants), ""),
			{text: shared[eventKey(e)]}})
	}
	t.table.setRows(rows, nil)

	t.overlaps.RemoveAll()
	if len(o.Calendar.Overlaps) == 0 {
		t.overlaps.Add(widget.NewLabel(loc.T("overview.overlaps.none")))
	}
	for _, x := range o.Calendar.Overlaps {
		x := x
		var titles []string
		for _, e := range x.Events {
			if !contains(titles, e.Training.Title) {
				titles = append(titles, e.Training.Title)
			}
		}
		month := loc.Month(x.Month.Month()) + " " + strconv.Itoa(x.Month.Year())
		s := loc.Tf("exports.ks.trainings.overlap_"+string(x.Reason), "Month", month, "Boards", strings.Join(x.Boards, ", "), "Titles", strings.Join(titles, "; "))
		// A link that wraps: a button would make the window as wide as its sentence.
		l := widget.NewHyperlink(s, nil)
		l.Wrapping = fyne.TextWrapWord
		l.OnTapped = func() { t.v.showRows(month, ov.Rows{Events: x.Events}) }
		t.overlaps.Add(l)
	}
}

func eventKey(e ov.Event) string {
	return e.Board + "\x00" + strconv.FormatInt(e.Training.ID, 10) + "\x00" + e.Date.Format(time.DateOnly)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
