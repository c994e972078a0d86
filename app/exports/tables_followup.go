package exports

import (
	"strconv"
	"strings"
	"time"

	"handlingsplan/app/overview"
	"handlingsplan/domain"
	"handlingsplan/i18n"
)

// The sheets of what is followed up: the training calendar, last year's follow-up, the registers.

func (t tabler) trainings() Table {
	tb := Table{Name: t.loc.T("exports.sheet.trainings"), Columns: []Column{
		t.col("overview.col.date", KindDate, 12),
		t.col("overview.col.month", KindText, 12),
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.training", KindText, 44),
		t.col("overview.col.target_group", KindText, 32),
		t.col("overview.col.format", KindText, 18),
		t.col("overview.col.session", KindText, 10),
		t.col("overview.col.expected", KindInt, 12),
		t.col("overview.col.responsible", KindText, 24),
		t.col("overview.col.evaluation", KindText, 40),
		t.col("overview.col.share_with", KindText, 40),
	}}
	shared := shareWith(t.o)
	add := func(e overview.Event) {
		tr := e.Training
		session, month := "", ""
		if !e.Date.IsZero() {
			session = t.loc.Tf("overview.session", "N", e.Session, "Count", len(tr.Dates))
			month = t.loc.Month(e.Date.Month())
		}
		tb.Rows = append(tb.Rows, []any{date(e.Date), month, e.Board, tr.Title, tr.TargetGroup, t.keyOr("format."+string(tr.Format), string(tr.Format)),
			session, int64(tr.ExpectedParticipants), tr.Responsible, tr.Evaluation, strings.Join(shared[eventKey(e)], ", ")})
	}
	for _, e := range t.o.Calendar.Events {
		add(e)
	}
	for _, e := range t.o.Calendar.Undated {
		add(e)
	}
	return tb
}

// eventKey identifies one date of one training.
func eventKey(e overview.Event) string {
	return e.Board + "\x00" + strconv.FormatInt(e.Training.ID, 10) + "\x00" + e.Training.Title + "\x00" + e.Date.Format(time.DateOnly)
}

// shareWith names, for every event in an overlap, the other boards it could be shared with.
func shareWith(o *overview.Overview) map[string][]string {
	out := map[string][]string{}
	for _, ov := range o.Calendar.Overlaps {
		for _, e := range ov.Events {
			for _, b := range ov.Boards {
				if b != e.Board && !contains(out[eventKey(e)], b) {
					out[eventKey(e)] = append(out[eventKey(e)], b)
				}
			}
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (t tabler) followUp() Table {
	tb := Table{Name: t.loc.T("exports.sheet.followup"), TotalRow: true, Columns: []Column{
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.year_followed", KindInt, 10),
		t.col("overview.col.activities", KindInt, 10),
	}}
	for _, st := range domain.ShownStatuses {
		tb.Columns = append(tb.Columns, Column{Title: t.loc.T("activity.status." + string(st)), Kind: KindInt, Width: 12})
	}
	tb.Columns = append(tb.Columns, t.col("overview.col.share_done", KindPercent, 12))
	for i := range 3 {
		tb.Columns = append(tb.Columns, Column{Title: t.loc.T("check." + strconv.Itoa(i)), Kind: KindText, Width: 22})
	}
	for i := range 3 {
		tb.Columns = append(tb.Columns, Column{Title: t.loc.Tf("overview.col.assessment", "Check", t.loc.T("check."+strconv.Itoa(i))), Kind: KindText, Width: 22})
	}
	tb.Columns = append(tb.Columns, t.col("overview.col.note", KindText, 60), t.col("overview.col.followup_source", KindText, 40))
	add := func(name string, r overview.FollowUpRow, total bool) {
		row := []any{name, int64(r.Year)}
		if !r.Has {
			row = append(row, make([]any, len(domain.ShownStatuses)+2)...) // activities, statuses, share
		} else {
			row = append(row, int64(r.Total))
			for _, st := range domain.ShownStatuses {
				row = append(row, int64(r.Counts[st]))
			}
			row = append(row, r.Share(domain.ActivityDone))
		}
		for i := range 3 {
			if !r.Has || total {
				row = append(row, nil)
				continue
			}
			row = append(row, t.loc.T("check.result."+string(r.Checks[i].Result)))
		}
		for i := range 3 {
			if total || r.Note.Checks[i] == domain.CheckUnanswered {
				row = append(row, nil)
				continue
			}
			row = append(row, t.loc.T("check.result."+string(r.Note.Checks[i])))
		}
		source := ""
		if !total {
			source = FollowUpSource(t.loc, r)
		}
		tb.Rows = append(tb.Rows, append(row, r.Note.Text, source))
	}
	for _, r := range t.o.FollowUp.Rows {
		add(r.Board, r, false)
	}
	add(t.loc.T("overview.total"), t.o.FollowUp.Total, true)
	return tb
}

// FollowUpSource says where a board's follow-up of last year comes from ("Inlämnad plan för
// 2026, version 2") or why it is missing ("Planen för 2026 är inte uppföljd").
func FollowUpSource(loc *i18n.Localizer, r overview.FollowUpRow) string {
	if !r.Has {
		return r.GapText(loc)
	}
	return loc.Tf("overview.followup.source."+string(r.Source), "Year", r.Submission.Year, "Version", r.Submission.Version)
}

func (t tabler) register() Table {
	tb := Table{Name: t.loc.T("exports.sheet.register"), TotalRow: true, Columns: []Column{
		t.col("overview.col.board", KindText, 30),
		t.col("overview.col.systems", KindInt, 10),
	}}
	for _, l := range overview.Levels {
		tb.Columns = append(tb.Columns, Column{Title: levelTitle(t.loc, t.o.Profile, l), Kind: KindInt, Width: 14})
	}
	tb.Columns = append(tb.Columns,
		t.col("overview.col.critical", KindInt, 12),
		t.col("overview.col.no_risk", KindInt, 16),
		t.col("overview.col.no_deepened", KindInt, 18),
		t.col("overview.col.gaps", KindInt, 14),
		t.col("overview.col.below_base", KindInt, 14),
		t.col("overview.col.flagged", KindInt, 14))
	add := func(name string, r overview.RegisterRow) {
		row := []any{name, int64(r.Systems)}
		for _, l := range overview.Levels {
			row = append(row, int64(r.ByLevel[l]))
		}
		tb.Rows = append(tb.Rows, append(row, int64(r.Critical), int64(r.NoRiskAnalysis), int64(r.NoDeepenedPlan), int64(r.Gaps), int64(r.BelowBaseline),
			int64(r.Flagged)))
	}
	for _, r := range t.o.Register.Rows {
		add(r.Board, r)
	}
	add(t.loc.T("overview.total"), t.o.Register.Total)
	return tb
}

// levelTitle names a classification level: "Nivå 3 Allvarlig", or "Ej klassad".
func levelTitle(loc *i18n.Localizer, prof domain.Profile, l int) string {
	if l < 0 {
		return loc.T("overview.level.none")
	}
	for _, c := range prof.Scale {
		if c.Level == l {
			return loc.Tf("overview.level.named", "Level", l, "Name", c.Name)
		}
	}
	return loc.Tf("overview.level", "Level", l)
}
